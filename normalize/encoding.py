"""PLACEHOLDER (owned by the normalize work): read a .txt archive file as DocumentText."""
from __future__ import annotations

from pathlib import Path

from ocr.types import DocumentText, PageText


def read_text_document(path: Path) -> DocumentText:
    text = Path(path).read_bytes().decode("utf-8")
    pages = [PageText(number=i + 1, text=t, origin="plain_text") for i, t in enumerate(text.split("\f"))]
    return DocumentText(path=str(path), media_type="text/plain", pages=pages)
