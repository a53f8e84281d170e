"""Row numbers a borderless table lost: short ink blobs no word covers, read again in one batch.

Tesseract's page layout drops short isolated tokens: on a borderless appendix it can leave out the
whole STT column (`1.1`, `2`, ... and the `STT` heading; seen on a clean 200-dpi render). Without
them rows cannot be told apart. The ink of the row-number column is still on the page: left of the
first column found (or inside the row-number column, for single lost numbers), blobs of text height
that no word box covers are read again, numbers with digits, dots and Roman numerals only (as the
ruled path reads its STT cells), the heading with the page's languages. One Tesseract process per
kind, model loaded once (`tesseract.images_to_words`).
"""
from __future__ import annotations

import cv2
import numpy as np

from ocr._exec import tesseract
from ocr.table_read import _lone_stroke
from ocr.types import Table, Word

INK = 160  # darker is ink on the cleaned page
ID_WHITELIST = "-c tessedit_char_whitelist=0123456789.IVX"
STRIP_HEIGHTS = 6.0  # a lost row-number column is searched this many word heights left of the table


def _region(table: Table, id_col: int | None, mh: float, width: int) -> tuple[int, int, int, int]:
    x, y, w, h = table.box
    if id_col is not None:  # inside the row-number column's band
        band = next(c.box for c in table.cells if c.row == 1 and c.col == id_col)
        return band[0] - int(mh), y, band[0] + band[2], y + h
    return max(0, x - int(STRIP_HEIGHTS * mh)), y, max(0, x - int(0.2 * mh)), y + h


def _blobs(image: np.ndarray, words: list[Word], region: tuple[int, int, int, int],
           mh: float) -> list[tuple[int, int, int, int]]:
    x0, y0, x1, y1 = region
    if x1 - x0 < mh or y1 - y0 < mh:
        return []
    ink = (image[y0:y1, x0:x1] < INK).astype(np.uint8)
    pad = int(0.3 * mh)
    for w in words:  # ink already read
        ink[max(0, w.top - pad - y0): max(0, w.top + w.height + pad - y0),
            max(0, w.left - pad - x0): max(0, w.left + w.width + pad - x0)] = 0
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, max(3, int(0.6 * mh))), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if 0.5 * mh <= h <= 1.6 * mh and w >= 0.15 * mh and area >= 0.1 * mh * mh:
            out.append((x0 + x, y0 + y, w, h))
    return sorted(out, key=lambda b: (b[1], b[0]))


def lost_marks(image: np.ndarray, words: list[Word], table: Table, id_col: int | None, header_bottom: int,
               mh: float, languages: str, timeout: float = 60.0) -> list[Word]:
    """Words for the row numbers (and the heading above them) that the page's reading left out."""
    H, W = image.shape[:2]
    blobs = _blobs(image, words, _region(table, id_col, mh, W), mh)
    if not blobs or len(blobs) > 80:  # many blobs: noise or a picture, not a column of numbers
        return []
    m = int(0.4 * mh)
    crops = [image[max(0, y - m): min(H, y + h + m), max(0, x - m): min(W, x + w + m)] for x, y, w, h in blobs]
    head = [i for i, b in enumerate(blobs) if b[1] + b[3] / 2 < header_bottom]
    body = [i for i in range(len(blobs)) if i not in head]
    found: list[Word] = []
    for group, config, lang in ((body, ID_WHITELIST, languages), (head, "", languages)):
        if not group:
            continue
        reads = tesseract.images_to_words([crops[i] for i in group], lang, psm=7, config=config, timeout=timeout)
        for i, read in zip(group, reads):
            x, y, w, h = blobs[i]
            text = "".join(r.text for r in read) if config else " ".join(r.text for r in read)
            if not text.strip() and config and _lone_stroke(crops[i]):
                text = "1"  # Tesseract returns nothing for a lone `1`
            if text.strip():
                conf = float(np.mean([r.conf for r in read])) if read else 50.0
                found.append(Word(text, x, y, w, h, conf, block=-1, par=0, line=i))
    return found
