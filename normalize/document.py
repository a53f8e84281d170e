"""PLACEHOLDER (owned by the normalize work): NFC only."""
from __future__ import annotations

import unicodedata

from normalize.options import NormalizeOptions
from normalize.types import NormalizedDocument
from ocr.types import DocumentText


def normalize_document(doc: DocumentText, options: NormalizeOptions = NormalizeOptions()) -> NormalizedDocument:
    pages = [(p.number, unicodedata.normalize("NFC", p.text)) for p in doc.pages]
    return NormalizedDocument.from_pages(pages, diacritics="present", source=doc)
