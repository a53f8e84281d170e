"""PLACEHOLDER (owned by the OCR work): recognise a PDF or image into DocumentText."""
from __future__ import annotations

from pathlib import Path

from ocr.options import OcrOptions
from ocr.types import DocumentText


def recognize_document(path: Path, options: OcrOptions = OcrOptions(), media_type: str | None = None) -> DocumentText:
    raise NotImplementedError("OCR stage not implemented yet")
