"""PLACEHOLDER (owned by the extract work): compose the extractors into an Extraction."""
from __future__ import annotations

from extract.schema import Extraction


def extract_plan(doc, options=None) -> Extraction:
    return Extraction(warnings=["extraction not implemented"])
