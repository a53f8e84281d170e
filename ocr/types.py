"""What the OCR/text stage hands to `normalize`: pages of text with words, boxes, confidences."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

TextOrigin = Literal["ocr", "pdf_text_layer", "plain_text"]


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float  # 0..100, Tesseract's word confidence
    block: int = 0
    par: int = 0
    line: int = 0


@dataclass
class TableCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    box: tuple[int, int, int, int] | None = None  # left, top, width, height in page pixels
    conf: Optional[float] = None


@dataclass
class Table:
    """A ruled (or word-aligned) table found on a page; cells in reading order."""

    n_rows: int
    n_cols: int
    cells: list[TableCell]
    box: tuple[int, int, int, int] | None = None
    kind: str = "ruled"  # ruled | borderless
    header_rows: int = 1  # heading rows on top; 0: a table continued from the page before (borderless)
    id_col: Optional[int] = None  # the column its heading names as row numbers (STT), when known

    def grid(self) -> list[list[str]]:
        rows = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            rows[c.row][c.col] = c.text
        return rows


@dataclass
class PageText:
    number: int  # 1-based
    text: str  # final page text, lines separated by "\n"
    origin: TextOrigin
    mean_confidence: Optional[float] = None  # OCR pages only
    words: list[Word] = field(default_factory=list)  # boxes in the preprocessed (turned, deskewed) image
    warnings: list[str] = field(default_factory=list)
    width: Optional[int] = None  # raster size in pixels (OCR pages)
    height: Optional[int] = None
    tables: list[Table] = field(default_factory=list)


@dataclass
class DocumentText:
    path: str
    media_type: str
    pages: list[PageText]
    warnings: list[str] = field(default_factory=list)
    engine: Optional[str] = None  # e.g. "tesseract 5.3.0" when any page was OCR'd
    languages: Optional[str] = None  # e.g. "vie"

    @property
    def text_origin(self) -> str:
        origins = {p.origin for p in self.pages}
        if len(origins) == 1:
            return origins.pop()
        return "mixed" if origins else "plain_text"

    @property
    def text(self) -> str:
        return "\f".join(p.text for p in self.pages)
