"""Borderless tables of one page: found by their heading rows (`ocr/table_words.py`), else as the rows
that continue the page before's table (`ocr/table_pages.py`), then their row numbers and short cells
read again from the image (`ocr/table_marks.py`). The entry point `ocr.document` calls.
"""
from __future__ import annotations

from statistics import median

import numpy as np

from ocr.table_pages import continuation
from ocr.table_words import BorderlessOptions, find_tables
from ocr.types import Table, Word


def find_borderless(words: list[Word], ruled: list[Table] = (), opts: BorderlessOptions = BorderlessOptions(),
                    image: np.ndarray | None = None, languages: str = "vie", timeout: float = 60.0,
                    previous: Table | None = None, warnings: list[str] | None = None) -> list[Table]:
    """Borderless task tables of a page from its OCR words (boxes in page pixels), outside `ruled`.
    `previous`: the last borderless table of the page before; without a heading row of its own, the
    page's top rows continue it when their columns line up (ocr/table_pages.py).
    With the page `image` (same frame as the words), row numbers the page's reading left out and short
    cells are read again (ocr/table_marks.py: a few Tesseract batches, only when a table is found)."""
    def find(ws: list[Word]) -> list[Table]:
        found = find_tables(ws, ruled, opts)
        if not found and previous is not None and previous.kind == "borderless" and not ruled:
            found = [t for t in [continuation(ws, previous, opts)] if t is not None]
        return found

    tables = find(words)
    if image is None or not tables:
        return tables
    from ocr._exec import tesseract
    from ocr.table_marks import reread_marks, reread_short_cells

    mh = float(median(w.height for w in words if any(ch.isalnum() for ch in w.text)))
    first_pass = tables
    try:
        for t in tables:
            head = [c for c in t.cells if c.row < t.header_rows]
            top = max(c.box[1] + c.box[3] for c in head) if head else t.box[1]
            words = reread_marks(image, words, t, t.id_col, top, mh, languages, timeout)
        tables = find(words)
        reread_short_cells(image, words, tables, [t.id_col for t in tables], mh, languages, timeout)
    except (tesseract.TesseractTimeout, tesseract.TesseractFailed) as exc:
        if warnings is not None:  # the tables as far as they were read
            warnings.append(f"borderless table cells not all read again ({exc})")
    except Exception as exc:  # a bug in the re-reading must not lose the tables found from the words
        if warnings is not None:
            warnings.append(f"borderless table cells not read again ({type(exc).__name__}: {exc})")
        return first_pass
    return tables


def last_borderless(pages: list) -> Table | None:
    """The last table of the last page when it is borderless: the next page may continue it."""
    last = pages[-1].tables[-1] if pages and pages[-1].tables else None
    return last if last is not None and last.kind == "borderless" else None
