"""Normalize stage: clean NFC Vietnamese text with offsets back to source pages."""
from normalize.document import normalize_document
from normalize.options import NormalizeOptions
from normalize.types import NormalizedDocument, NormalizedPage

__all__ = ["normalize_document", "NormalizeOptions", "NormalizedDocument", "NormalizedPage"]
