"""OCR/text stage: PDFs, images -> pages of text with words, boxes and confidences."""
from __future__ import annotations

import importlib

# Lazy: `import ocr.types` (as normalize and extract do) must not pull in OpenCV and pytesseract.
_EXPORTS = {
    "recognize_document": "ocr.document",
    "OcrOptions": "ocr.options",
    "DocumentText": "ocr.types",
    "PageText": "ocr.types",
    "Word": "ocr.types",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'ocr' has no attribute {name!r}")
