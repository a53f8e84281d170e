"""Re-reading a borderless table: its row numbers from their ink, its short cells from their crops.

Tesseract's page layout drops or garbles short isolated tokens: on a borderless appendix it left out
the whole STT column of a page (`1.1`, `2`, ... and the `STT` heading; a clean 200-dpi render) and read
`4.1` as `41`, `5.1` as `S1`, `II` as `H`. Without row numbers rows cannot be told apart. So the ink
blobs of the row-number column (the column the heading names, else a first column as narrow as the
ruled path's, `table_read.id_column`) and of a strip left of the table (a column lost whole) are read
again as one line each: digits and dots, Roman numerals for label-only rows, a lost heading with the
page's languages (as the ruled path reads its STT cells: `table_read.id_configs`). Short or doubtful
cells are then read again from their crops and merged with the page words by the ruled path's
`table_read.reread_cells`. One batch per kind (`tesseract.images_to_words`).
"""
from __future__ import annotations

import cv2
import numpy as np

from ocr._exec import tesseract
from ocr.table import TableOptions, _for_ocr
from ocr.table_quarters import fix_quarters, has_quarter_cue
from ocr.table_read import (Pending, ReadOptions, centres, id_column, id_configs, lone_stroke, needs_reread,
                            reread_cells, roman_numeral, trim, words_in)
from ocr.table_vocab import WORDY, row_mark
from ocr.types import Table, Word

INK = 160  # darker is ink on the cleaned page
READ = ReadOptions()  # the ruled path's thresholds and whitelists
DIGITS, ROMAN = id_configs(READ)
STRIP_HEIGHTS = 6.0  # a lost row-number column is searched this many word heights left of the table
ENLARGE = 2.0  # crops enlarged: digits 19 px tall at 200 dpi are small for Tesseract


def _region(table: Table, id_col: int | None, mh: float) -> tuple[int, int, int, int]:
    """Left of the table (a whole column lost) through the row-number column when there is one: the
    column its header names, else a first column as narrow as the ruled path's (`id_column`)."""
    x, y, w, h = table.box
    right = max(0, x - int(0.2 * mh))
    if id_col is None:
        id_col = id_column(table, READ.id_col_share)
    if id_col is not None:
        band = next((c.box for c in table.cells if c.row == table.header_rows and c.col == id_col), None)
        if band is not None:  # a table of headings only has no body row
            right = band[0] + band[2]
    return max(0, x - int(STRIP_HEIGHTS * mh)), y, right, y + h


def _blobs(image: np.ndarray, region: tuple[int, int, int, int], mh: float) -> list[tuple[int, int, int, int]]:
    """Text-height ink blobs of the region, characters of one token joined (`1.1` is one blob)."""
    x0, y0, x1, y1 = region
    if x1 - x0 < mh or y1 - y0 < mh:
        return []
    ink = (image[y0:y1, x0:x1] < INK).astype(np.uint8)
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, max(3, int(0.6 * mh))), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if 0.5 * mh <= h <= 1.6 * mh and w >= 0.15 * mh and area >= 0.1 * mh * mh:
            out.append((x0 + x, y0 + y, w, h))
    return sorted(out, key=lambda b: (b[1], b[0]))


def _on(w: Word, box: tuple[int, int, int, int], pad: float) -> bool:
    x, y, bw, bh = box
    cx, cy = w.left + w.width / 2, w.top + w.height / 2
    return x - pad <= cx <= x + bw + pad and y - pad <= cy <= y + bh + pad


def _group_rows(table: Table, id_col: int | None) -> list[tuple[int, int]]:
    """(top, bottom) of rows holding a label only (`II | Chỉ số SIPAS`): their numerals may be Roman."""
    by_row: dict[int, list] = {}
    for c in table.cells:
        if c.row >= table.header_rows:
            by_row.setdefault(c.row, []).append(c)
    spans = []
    for cells in by_row.values():
        filled = [c for c in cells if c.text.strip() and c.col != (id_col or 0)]
        if len(filled) <= 1:
            spans.append((cells[0].box[1], cells[0].box[1] + cells[0].box[3]))
    return spans


def reread_marks(image: np.ndarray, words: list[Word], table: Table, id_col: int | None, header_bottom: int,
                 mh: float, languages: str, timeout: float = 60.0) -> list[Word]:
    """The page's words with the table's row numbers read again from their ink (module doc): a
    reading that is a row number replaces the short, letterless page words on its blob, or is added
    where the page read nothing; a lost heading over them is added as read."""
    H, W = image.shape[:2]
    blobs = _blobs(image, _region(table, id_col, mh), mh)
    if not blobs or len(blobs) > 80:  # many blobs: noise or a picture, not a column of numbers
        return words
    pad = 0.3 * mh
    m = int(0.4 * mh)
    crops = [cv2.resize(image[max(0, y - m): min(H, y + h + m), max(0, x - m): min(W, x + w + m)], None,
                        fx=ENLARGE, fy=ENLARGE, interpolation=cv2.INTER_CUBIC) for x, y, w, h in blobs]
    on = [[w for w in words if _on(w, b, pad)] for b in blobs]
    head = [i for i, b in enumerate(blobs) if b[1] + b[3] / 2 < header_bottom and not on[i]]
    body = [i for i, b in enumerate(blobs) if b[1] + b[3] / 2 >= header_bottom
            and all(len(w.text) <= 6 and not WORDY.search(w.text) for w in on[i])]
    groups = _group_rows(table, id_col)
    roman = [i for i in body if any(top - pad <= blobs[i][1] + blobs[i][3] / 2 <= bottom + pad
                                    for top, bottom in groups)]
    read: dict[int, str] = {}
    for group, config in ((body, DIGITS), (roman, ROMAN), (head, "")):
        if not group:
            continue
        for i, found in zip(group, tesseract.images_to_words([crops[i] for i in group], languages, psm=7,
                                                             config=config, timeout=timeout)):
            text = ("" if config else " ").join(r.text for r in found).strip()
            if config == ROMAN:
                if roman_numeral(found):  # else kept as read with digits
                    read[i] = text
            elif config == DIGITS and not text and lone_stroke(crops[i]):
                read[i] = "1"  # Tesseract returns nothing for a lone `1`
            elif text and (not config or row_mark(text)):
                read[i] = text
    drop: set[int] = set()
    extra: list[Word] = []
    for i, text in read.items():
        page = "".join(w.text for w in on[i])
        if row_mark(page) and not (text.count(".") > page.count(".") and text.replace(".", "") == page):
            continue  # the page's number stands unless the crop restores its dot (`41` -> `4.1`)
        drop.update(id(w) for w in on[i])
        x, y, w, h = blobs[i]
        extra.append(Word(text, x, y, w, h, 90.0, block=-1, par=0, line=i))
    return [w for w in words if id(w) not in drop] + extra


def reread_short_cells(image: np.ndarray, words: list[Word], tables: list[Table], id_cols: list[int | None],
                       mh: float, languages: str, timeout: float = 60.0) -> None:
    """Short or doubtful body cells (a deadline, an agency: `Quý III` read `Quý I` at page resolution)
    read again from their crops in one batch and merged word by word with the page's reading, as
    the ruled path does (ocr/table_read.py: same thresholds, same merge)."""
    topts = TableOptions()
    H, W = image.shape[:2]
    pad = int(0.3 * mh)
    at = centres(words)
    todo: list[Pending] = []
    quarters = []  # cells with a `Quý`: their numerals checked by their strokes after the re-reading
    for table, id_col in zip(tables, id_cols):
        for cell in table.cells:
            if cell.row < table.header_rows or cell.col == id_col or not cell.text.strip():
                continue
            inside = words_in(at, cell.box)
            if has_quarter_cue(inside):
                quarters.append((cell, trim(inside)))
            if not inside or not needs_reread(inside, cell.text, READ):
                continue
            x0, y0 = max(0, min(w.left for w in inside) - pad), max(0, min(w.top for w in inside) - pad)
            x1 = min(W, max(w.left + w.width for w in inside) + pad)
            y1 = min(H, max(w.top + w.height for w in inside) + pad)
            crop = _for_ocr(image[y0:y1, x0:x1], topts.small_text_px, READ.binarize)
            todo.append(Pending(cell, crop, cell.text, cell.conf, page_words=trim(inside)))
    reread_cells(todo, languages, timeout, READ)
    fix_quarters(image, quarters)
