"""Typed options of the OCR stage. Every preprocessing step can be switched off to measure it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OcrOptions:
    # Defaults = the best measured quality/cost trade-off (docs/ocr.md, held-out pages, 200 dpi):
    # `vie+Vietnamese` CER 3.11% WER 10.60% at ~1.4x the CPU of `vie` alone (CER 3.53%, WER 12.05%:
    # a point of WER worse than the 300-dpi default it would replace, 11.10%). Speed first: "vie".
    languages: str = "vie+Vietnamese"
    dpi: int = 300  # PDF pages are rendered (and preprocessed, tables found) at this resolution
    # Tesseract reads the cleaned page scaled down to this resolution (0: as rendered). Its LSTM
    # rescales every text line to a fixed height anyway; at 200 dpi the page costs ~25% less CPU
    # and reads better on both splits (held out: CER 3.91% -> 3.11% with vie+Vietnamese); at
    # 150 dpi `vie` breaks down (tune: CER 5.99%). Figures: docs/ocr.md.
    ocr_dpi: int = 200
    page_timeout: float = 180.0  # seconds per Tesseract call
    psm: int = 3
    orientation: bool = True  # Tesseract OSD when the first reading is poor or sideways; rotate 90/180/270
    deskew: bool = True
    denoise: bool = True
    binarize: bool = True
    remove_rules: bool = True  # erase table rules/underlines from the image Tesseract reads
    recover_lines: bool = True  # ink no word covers (a line the page layout dropped) read again (ocr/recover.py)
    use_text_layer: bool = True  # PDF pages with a real text layer skip OCR
    tables: bool = True  # ruled tables (ocr.table) read cell by cell into PageText.tables
    borderless_tables: bool = True  # tables without rules, rebuilt from word positions (ocr/table_words.py)
    low_confidence: float = 60.0  # pages whose mean word confidence is below are reported
    max_image_pixels: int = 200_000_000  # decompression-bomb guard
