"""Borderless tables rebuilt from the page's OCR words (no rules to find: positions only).

1. Header: a visual row whose words fall into three or more clusters parted by wide gaps, the
   clusters naming table roles (STT, chủ trì, phối hợp, thời gian ..., folded, diacritics ignored)
   with an agency or a deadline among them. Header cells wrapped over several lines (`Cơ quan phối`
   / `hợp`) are the lines just above or below, close to it, whose words sit under the clusters.
2. Columns: between two neighbouring header cells, the separator is the middle of the widest x-run
   that the fewest body lines cover with ink (a column gap is covered by none; a group row that runs
   across adds the same count everywhere).
3. Rows: a row starts at a line whose first-column word is a row number or a group numeral (`I`,
   `2`, `1.1`, `-`) or after a blank wider than the row's own line pitch; other lines continue the
   row (wrapped cells). A word that follows its neighbour across a separator at a word space (a
   group heading running over several columns) stays in its neighbour's cell.
4. End: a blank far wider than the rows' spacing, or a line of prose (starting at the table's left
   edge without a row number, running at word spacing across two or more separators).

The result is the same `Table` the ruled path emits (`kind="borderless"`, header row first), so
`extract` maps its columns by their headers and `assemble_lines` prints it in place of its words.
Only pages (regions) without a ruled table are searched. `ocr/table_borderless.py` runs the search
on a page (with a table continued from the page before, and the cells read again).
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import numpy as np

from ocr.layout import Line, centre_in, visual_rows
from ocr.table_read import is_speck
from ocr.table_vocab import header_role, names_task_table, row_mark
from ocr.types import Table, TableCell, Word


@dataclass(frozen=True)
class BorderlessOptions:
    cell_gap_heights: float = 1.2  # header words further apart than this many word heights: two cells
    span_gap_heights: float = 0.8  # words closer than this across a separator: one cell running over it
    header_blank_heights: float = 0.8  # a header line wrapped: blank above it at most this
    end_blank_heights: float = 2.5  # a blank this tall ends the table
    row_pitch_factor: float = 1.25  # a line pitch this much above the table's usual one starts a row
    min_roles: int = 3  # header cells naming a table role
    min_body_lines: int = 2


def _runs(words: list[Word], gap: float) -> list[list[Word]]:
    """Words of a line (left to right) cut where the blank between two is wider than `gap`."""
    runs = [[words[0]]]
    for prev, w in zip(words, words[1:]):
        if w.left - (prev.left + prev.width) > gap:
            runs.append([w])
        else:
            runs[-1].append(w)
    return runs


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _split_two_roles(run: list[Word]) -> list[list[Word]]:
    """A header run that names two roles (`Cơ quan chủ trì Cơ quan phối hợp` read with a narrow gap):
    cut at its widest inner gap."""
    if len(run) < 2:
        return [run]
    gaps = [b.left - (a.left + a.width) for a, b in zip(run, run[1:])]
    k = int(np.argmax(gaps)) + 1
    left, right = run[:k], run[k:]
    if header_role(_text(left)) and header_role(_text(right)) and header_role(_text(left)) != header_role(_text(right)):
        return [left, right]
    return [run]


def _header_cells(line: Line, h: float, opts: BorderlessOptions) -> list[list[Word]] | None:
    cells: list[list[Word]] = []
    for run in _runs(line.words, opts.cell_gap_heights * h):
        if any(ch.isalnum() for w in run for ch in w.text):  # a lone mark (`.`, `•`) is a speck, not a cell
            cells += _split_two_roles(run)
    if len(cells) < opts.min_roles:
        return None
    return cells


def _roles(cells: list[list[Word]]) -> list[str | None]:
    return [header_role(_text(c)) for c in cells]


def _under(w: Word, cells: list[list[Word]], h: float) -> int | None:
    """Index of the header cell whose x-span (widened by a word height) holds the centre of `w`."""
    cx = w.left + w.width / 2
    for i, c in enumerate(cells):
        if min(x.left for x in c) - h <= cx <= max(x.left + x.width for x in c) + h:
            return i
    return None


def _wrapped_header_line(line: Line, cells: list[list[Word]], h: float, opts: BorderlessOptions) -> bool:
    """A header line continued: every run of words under one header cell, no row number first."""
    if row_mark(line.words[0].text) and line.words[0].text[0].isalnum():  # `+` may be a misread letter
        return False
    first = min(w.left for w in cells[0]) - h
    for run in _runs(line.words, opts.span_gap_heights * h):
        homes = {_under(w, cells, h) for w in run}
        if run[-1].left + run[-1].width < first:
            continue  # the heading of a first column whose upper line was lost (`STT` read as noise)
        if None in homes or len(homes) > 1:
            return False
    return True


def _separators(cells: list[list[Word]], body: list[Line]) -> list[float]:
    """x of the boundary between each pair of neighbouring header cells (module doc, step 2)."""
    seps = []
    for a, b in zip(cells, cells[1:]):
        lo = int(max(w.left + w.width for w in a))
        hi = int(min(w.left for w in b))
        if hi <= lo + 1:
            seps.append((lo + hi) / 2)
            continue
        cover = np.zeros(hi - lo, dtype=int)
        for line in body:
            inked = np.zeros(hi - lo, dtype=bool)
            for w in line.words:
                inked[max(0, w.left - lo): max(0, min(hi, w.left + w.width) - lo)] = True
            cover += inked
        low = cover == cover.min()
        best, start, run_start = (0, 0), None, None
        for i, flag in enumerate(list(low) + [False]):
            if flag and run_start is None:
                run_start = i
            elif not flag and run_start is not None:
                if i - run_start > best[1] - best[0]:
                    best = (run_start, i)
                run_start = None
        seps.append(lo + (best[0] + best[1]) / 2)
    return seps


def _lost_first_column(cells: list[list[Word]], body: list[Line], h: float) -> float | None:
    """Separator of a column left of the first header cell when body ink stands apart there (a blank
    x-run at least `h` wide that no body line covers, with ink left of it)."""
    first = min(w.left for w in cells[0])
    xmin = min((w.left for ln in body for w in ln.words), default=first)
    if xmin > first - 2 * h:
        return None
    cover = np.zeros(first - xmin, dtype=int)
    for line in body:
        for w in line.words:
            cover[max(0, w.left - xmin): max(0, min(first, w.left + w.width) - xmin)] += 1
    blank = np.flatnonzero(cover == 0)
    if not len(blank):
        return None
    runs = np.split(blank, np.flatnonzero(np.diff(blank) > 1) + 1)
    run = runs[-1]
    if len(run) < h or run[0] == 0:
        return None
    return xmin + (run[0] + run[-1]) / 2


def _column(x: float, seps: list[float]) -> int:
    return int(np.searchsorted(seps, x))


def _cells_of_line(line: Line, seps: list[float], h: float, opts: BorderlessOptions) -> dict[int, list[Word]]:
    """Words of one line by column; a word at a word space from its left neighbour keeps its cell."""
    out: dict[int, list[Word]] = {}
    col = None
    prev = None
    for w in line.words:
        own = _column(w.left + w.width / 2, seps)
        if prev is None or w.left - (prev.left + prev.width) > opts.span_gap_heights * h or own < (col or 0):
            col = own
        out.setdefault(col, []).append(w)
        prev = w
    return out


def prose_line(line: Line, seps: list[float], table_left: int, h: float, opts: BorderlessOptions) -> bool:
    """A line of running text under the table: from its left edge, no row number, across 2+ separators."""
    first = line.words[0]
    if first.left > (seps[0] if seps else table_left) or row_mark(first.text):
        return False
    crossed = 0
    for run in _runs(line.words, opts.span_gap_heights * h):
        left, right = run[0].left, run[-1].left + run[-1].width
        crossed = max(crossed, sum(left < s < right for s in seps))
    return crossed >= 2


def split_rows(body: list[Line], seps: list[float], id_col: int | None, h: float,
          opts: BorderlessOptions) -> list[list[Line]]:
    tops = [median(w.top for w in ln.words) for ln in body]  # one tall box (a speck, a bracket) must not count
    pitches = [b - a for a, b in zip(tops, tops[1:])]
    usual = median(pitches) if pitches else 0
    rows: list[list[Line]] = []
    marked = False  # the current row already has its row number
    for i, line in enumerate(body):
        first = _cells_of_line(line, seps, h, opts).get(id_col) if id_col is not None else None
        has_mark = bool(first) and row_mark(first[0].text)
        wide = i > 0 and pitches[i - 1] > opts.row_pitch_factor * usual
        if not rows or wide or (has_mark and marked):
            rows.append([line])
            marked = has_mark
        else:
            rows[-1].append(line)
            marked = marked or has_mark
    return rows


def _bbox(words: list[Word]) -> tuple[int, int, int, int]:
    left, top = min(w.left for w in words), min(w.top for w in words)
    return left, top, max(w.left + w.width for w in words) - left, max(w.top + w.height for w in words) - top


def build_table(header: list[list[Word]], header_lines: list[Line], rows: list[list[Line]], seps: list[float],
           id_col: int, h: float, opts: BorderlessOptions, named_id: int | None = None) -> Table:
    """Header cells boxed by their words, body cells by their column band and row lines. `id_col`: the
    column whose row numbers are cleaned (0 when no heading names one); `named_id`: the column a heading
    names STT (recorded on the table)."""
    n_cols = len(header)
    line_of = {id(w): k for k, ln in enumerate(header_lines) for w in ln.words}
    every = [w for ln in header_lines for w in ln.words] + [w for rl in rows for ln in rl for w in ln.words]
    box = _bbox(every)
    edges = [box[0]] + [int(x) for x in seps] + [box[0] + box[2]]
    cells, first = [], 0
    if header_lines:  # none on a page that continues a table (ocr/table_pages.py)
        head_box, first = _bbox([w for ln in header_lines for w in ln.words]), 1
        cells = [TableCell(0, c, _text(sorted(header[c], key=lambda w: (line_of.get(id(w), 0), w.left))),
                           box=_bbox(header[c]) if header[c] else (edges[c], head_box[1], edges[c + 1] - edges[c],
                                                                   head_box[3]))
                 for c in range(n_cols)]
    for r, lines in enumerate(rows, first):
        parts: dict[int, list[str]] = {}
        for line in lines:
            for col, ws in _cells_of_line(line, seps, h, opts).items():
                parts.setdefault(min(col, n_cols - 1), []).append(_text(ws))
        mark = parts.get(id_col, [""])[0]
        if row_mark(mark):  # scan noise after the number (`2...`, `1.1,`)
            parts[id_col][0] = mark.strip().rstrip("._,:;…").strip() or mark.strip()
        top, bottom = lines[0].top, max(ln.bottom for ln in lines)
        cells += [TableCell(r, c, "\n".join(parts.get(c, [])),
                            box=(edges[c], top, max(1, edges[c + 1] - edges[c]), bottom - top)) for c in range(n_cols)]
    return Table(len(rows) + first, n_cols, cells, box=box, kind="borderless", header_rows=first, id_col=named_id)


def find_tables(words: list[Word], ruled: list[Table], opts: BorderlessOptions) -> list[Table]:
    """Borderless tables of a page found by their heading rows (module doc), outside `ruled`."""
    letters = [w for w in words if w.text.strip() and any(ch.isalnum() for ch in w.text)]
    if not letters:
        return []
    h = float(median(w.height for w in letters))
    free = [w for w in words if w.text.strip() and not is_speck(w, h)
            and not any(t.box and centre_in(w, t.box) for t in ruled)]
    lines = [Line(ws) for ws in visual_rows(free)]
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        cells = _header_cells(lines[i], h, opts)
        if cells is None or not names_task_table(_roles(cells), opts.min_roles):
            i += 1
            continue
        found = _read_from(lines, i, cells, h, opts)
        if found is None:
            i += 1
            continue
        table, i = found
        tables.append(table)
    return tables


def _read_from(lines: list[Line], at: int, cells: list[list[Word]], h: float,
               opts: BorderlessOptions) -> tuple[Table, int] | None:
    """The table whose header cells are on `lines[at]`; (table, index of the first line after it)."""
    head = [lines[at]]
    start = at
    while start > 0 and lines[start].top - lines[start - 1].bottom <= opts.header_blank_heights * h \
            and _wrapped_header_line(lines[start - 1], cells, h, opts) and at - start < 2:
        start -= 1
        head.insert(0, lines[start])
    end = at + 1
    while end < len(lines) and lines[end].top - lines[end - 1].bottom <= opts.header_blank_heights * h \
            and _wrapped_header_line(lines[end], cells, h, opts) and end - at <= 3:
        head.append(lines[end])
        end += 1
    cells = [list(c) for c in cells]
    for line in head:
        if line is lines[at]:
            continue
        for w in line.words:
            home = _under(w, cells, h)
            if home is not None:
                cells[home].append(w)
    body: list[Line] = []
    j = end
    while j < len(lines) and lines[j].top - (body[-1].bottom if body else head[-1].bottom) <= opts.end_blank_heights * h:
        body.append(lines[j])
        j += 1
    if len(body) < opts.min_body_lines:
        return None
    seps = _separators(cells, body)
    lost = _lost_first_column(cells, body, h)
    if lost is not None:  # its heading was not read (`STT` dropped): an unnamed first column
        cells, seps = [[]] + cells, [lost] + seps
    table_left = min(w.left for ln in head for w in ln.words)
    kept = []
    for line in body:
        if prose_line(line, seps, table_left, h, opts):
            break
        kept.append(line)
    if len(kept) < opts.min_body_lines:
        return None
    roles = _roles(cells)
    named_id = roles.index("id") if "id" in roles else None
    id_col = named_id if named_id is not None else 0
    rows = split_rows(kept, seps, id_col, h, opts)
    return build_table(cells, head, rows, seps, id_col, h, opts, named_id), end + len(kept)
