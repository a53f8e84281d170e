"""A borderless table continued on the next page without its heading row repeated.

`ocr/table_words.py` finds a borderless table by its heading row. When the next page does not repeat
it, its rows are recognised by their columns lining up with the previous page's table: the page's
top lines (a lone page number skipped) fall into the previous table's column bands, three or more
of them used, and almost no word straddles a column boundary. The rows are emitted as a table
without a heading row (`extract` continues the previous page's columns for such a table);
`ocr.table_borderless.find_borderless(..., previous=)` calls this when the page has no heading row of its own.
"""
from __future__ import annotations

from statistics import median

from ocr.layout import Line, visual_rows
from ocr.table_read import is_speck
from ocr.table_vocab import row_mark
from ocr.table_words import BorderlessOptions, build_table, prose_line, split_rows
from ocr.types import Table, Word

MAX_STRADDLING = 0.1  # share of the lines that may have a word across a column boundary
MIN_COLUMNS = 3


def _bands(table: Table) -> tuple[list[float], int, int]:
    """(separators, left, right) of a borderless table's columns: its first body row's cells, its box."""
    body = sorted((c for c in table.cells if c.box and c.row >= table.header_rows),
                  key=lambda c: (c.row, c.col))
    row = [c for c in body if c.row == body[0].row]
    return [float(c.box[0]) for c in row[1:]], table.box[0], table.box[0] + table.box[2]


def continuation(words: list[Word], prev: Table, opts: BorderlessOptions = BorderlessOptions()) -> Table | None:
    """The rows at the top of a page that continue `prev` (same columns), or None."""
    letters = [w for w in words if any(ch.isalnum() for ch in w.text)]
    if not letters:
        return None
    h = float(median(w.height for w in letters))
    seps, left, right = _bands(prev)
    lines = [Line(ws) for ws in visual_rows([w for w in words if w.text.strip() and not is_speck(w, h)])]
    if lines and len(lines[0].words) == 1 and lines[0].words[0].text.strip(".-– ").isdigit():
        lines.pop(0)  # the page number (one line: a row number alone on the next is the table's)
    body: list[Line] = []
    for line in lines:
        if body and line.top - body[-1].bottom > opts.end_blank_heights * h:
            break
        if prose_line(line, seps, left, h, opts) or min(w.left for w in line.words) < left - 2 * h \
                or max(w.left + w.width for w in line.words) > right + 2 * h:
            break
        body.append(line)
    if len(body) < opts.min_body_lines:
        return None
    # group headings (`5 | Tác động của ...`) run across columns: only other lines count
    straddling = sum(any(w.left < s < w.left + w.width for w in ln.words for s in seps) for ln in body
                     if not (row_mark(ln.words[0].text) and ln.words[0].left < (seps[0] if seps else right)))
    used = {sum(w.left + w.width / 2 > s for s in seps) for ln in body for w in ln.words}
    if straddling > MAX_STRADDLING * len(body) or len(used) < MIN_COLUMNS:
        return None
    id_col = prev.id_col if prev.id_col is not None else 0  # the heading's, carried over from page to page
    rows = split_rows(body, seps, id_col, h, opts)
    table = build_table([[] for _ in range(len(seps) + 1)], [], rows, seps, id_col, h, opts, prev.id_col)
    x, y, w, bh = table.box  # the columns' span carries on to the next page, whatever this page's rows fill
    table.box = (min(x, left), y, max(x + w, right) - min(x, left), bh)
    return table
