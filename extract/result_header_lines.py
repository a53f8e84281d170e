"""The lines of a table flattened to text whose header is spread over two or three lines (`|`-separated,
box-drawn, or space-aligned), merged into one label per data column:

    |           | Chỉ số CCHC     |       |
    | Đơn vị    | Điểm   | Xếp hạng       |      ->   `Đơn vị` | `Chỉ số CCHC Điểm` | `Chỉ số CCHC Xếp hạng`
    | Xã A (cũ) | 87,15  | 3/13           |

A header cell labels the data columns it lies over (by character position; cell for cell when a `|` line has as
many cells as the rows); a column a top cell does not reach, with a label of its own lower down, is a sub-column of
the nearest top cell on its left (`| PAR INDEX |      |` over `| Điểm | Hạng |`; `Năm 2022` printed over the first
of its two sub-columns). What the labels mean is read in `extract/result_header_grid.py`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.numbers import NUMBER, YEAR, fold

_SEPARATOR = re.compile(r"[|│┃├┤┼┬┴╋]|\+(?=[-─=])|(?<=[-─=])\+")  # `+` of a box drawing made ASCII: `+---+`
_RULE = re.compile(r"^[\s\-─━═┼├┤┬┴┌┐└┘╋+=_|│┃:]*$")
_RULE_PIECE = re.compile(r"^[\s\-─━═_:+]*$")
# a data cell: a number (`87,15`, `93,18%`), a rank (`3/13`), a goal (`≥ 87`, `<= 20/34`)
VALUE_CELL = re.compile(rf"^(?:(?P<cmp>≥|>=|>|≤|<=|<)\s*)?(?:(?P<rank>\d{{1,3}})\s?/\s?(?P<total>\d{{1,3}})|"
                        rf"(?P<number>{NUMBER})\s*(?:%|d\S?em)?)$")
EMPTY_CELL = re.compile(r"^(?:-|–|—|x|\.{1,3})?$")
_MAX_HEADER_LINES = 4


@dataclass
class _Piece:
    start: int
    end: int
    text: str


@dataclass
class Grid:
    header: list[tuple[int, str]]  # (offset, line) of the header lines, rules left out
    rows: list[tuple[int, list[str]]]  # (offset, cells) of the data rows from the label on (numbering left out)
    labels: list[str] = field(default_factory=list)  # one per data column, the header cells over it top to bottom


def cell_value(cell: str) -> Optional[re.Match]:
    return VALUE_CELL.match(" ".join(fold(cell).split()))


def _pieces(line: str, piped: bool) -> list[_Piece]:
    """The cells of a line with their character spans: between separators (`|`, box lines), else runs of text
    apart by two spaces or more. The first run of a space-aligned line loses a number it ends with
    (`Thị trấn A (cũ) 87,15` is a label and a cell)."""
    if piped:
        bounds = [-1] + [m.start() for m in _SEPARATOR.finditer(line)] + [len(line)]
        out = []
        for a, b in zip(bounds, bounds[1:]):
            text = line[a + 1:b].strip()
            out.append(_Piece(a + 1, b, "" if len(text) > 1 and _RULE_PIECE.match(text) else text))  # `-`: an empty cell
        if not out[0].text and out[0].start == 0:  # before the first separator
            out = out[1:]
        if out and not out[-1].text and out[-1].end == len(line) and len(bounds) > 2:  # after the last one
            out = out[:-1]
        return out
    out = [_Piece(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]
    if out:
        # a value glued to the label by one space has a decimal part or a slash (`Phường 3` is a name)
        tail = re.search(r"(?<=[^\W\d_]|\)) ((?:≥|>=|<=|≤)?\s?(?:\d{1,3}\s?/\s?\d{1,3}|\d{1,3}[.,]\d+%?))$", out[0].text)
        if tail:
            first = out[0]
            cut = first.start + tail.start(1)
            out[0:1] = [_Piece(first.start, first.start + tail.start(), first.text[:tail.start()]),
                        _Piece(cut, first.end, tail.group(1))]
    return out


def _is_piped(line: str) -> bool:
    return len(_SEPARATOR.findall(line)) >= 2


def _is_rule(line: str) -> bool:
    return bool(line.strip()) and bool(_RULE.match(line)) and len(line.strip()) >= 3


def _is_value(cell: str) -> bool:
    return bool(cell_value(cell)) or bool(EMPTY_CELL.match(cell.strip()))


def _data_cells(line: str) -> Optional[list[str]]:
    """The cells of a data row from its label on (a numbering column before it dropped), or None: a label with a
    letter or a year, then two or more cells each a number, a rank, a goal or empty, one at least not empty."""
    cells = [p.text for p in _pieces(line, _is_piped(line))]
    while len(cells) > 2 and (not cells[0] or re.fullmatch(r"\d{1,2}\.?|[IVX]{1,4}\.?", cells[0])) \
            and re.search(r"[^\W\d_]|^\s*$", cells[1]) and not _is_value(cells[1]):
        cells = cells[1:]  # `| 1 | Cải cách thể chế | ...`, `|   | Tổng cộng | ...`
    if len(cells) < 3 or not (re.search(r"[^\W\d_]", cells[0]) or re.fullmatch(YEAR, cells[0])):
        return None
    if _is_value(cells[0]) and not re.fullmatch(YEAR, cells[0]):
        return None
    if not all(_is_value(c) for c in cells[1:]) or all(EMPTY_CELL.match(c.strip()) for c in cells[1:]):
        return None
    return cells


def _header_line(line: str) -> bool:
    """A line of a table's header: cells apart (separators or runs of spaces), no sentence (a lead-in ends `:`)."""
    stripped = line.strip()
    if not stripped or stripped.endswith(":") or _is_rule(line):
        return False
    pieces = _pieces(line, _is_piped(line))
    if any(len(p.text) > 40 for p in pieces) or re.search(r"\d\s?[,./]\s?\d", line):
        return False  # a sentence, or a row whose cells the data rows do not share (`86,20 (5/20)`)
    return _is_piped(line) or len(pieces) >= 2 or len(line) - len(line.lstrip()) >= 8


def _column_spans(grid_lines: list[str], piped: bool) -> list[tuple[int, int]]:
    """The character span of each data column: its cells' widest reach (between separators when piped)."""
    spans: list[list[int]] = []
    for line in grid_lines:
        pieces = _pieces(line, piped)
        while len(pieces) > len(spans):
            spans.append([pieces[len(spans)].start, pieces[len(spans)].end])
        for s, p in zip(spans, pieces):
            s[0], s[1] = min(s[0], p.start), max(s[1], p.end)
    return [(a, b) for a, b in spans]


def _merge_header(header: list[str], spans: list[tuple[int, int]], numbering: int = 0) -> list[str]:
    """One label per data column from the header lines (see the module docstring); column 0 holds the row labels.
    `numbering`: the cells the data rows have before their label (`STT`), left out of the spans."""
    rows: list[list[str]] = []
    tops: list[list[_Piece]] = []  # the text cells of each space-aligned line (none for `|` lines)
    for line in header:
        piped = _is_piped(line)
        pieces = [p for p in _pieces(line, piped) if p.text or piped]
        if piped and numbering and len(pieces) == len(spans) + numbering:
            pieces = pieces[numbering:]  # `| STT | Chỉ số | Năm 2021 | |` over rows numbered `| I | ...`
        if piped and len(pieces) == len(spans):  # cell for cell (`≥` unidecoded to `>=` shifts the bars)
            rows.append([p.text for p in pieces])
            tops.append([])
            continue
        cells, best = [""] * len(spans), [0] * len(spans)
        for p in pieces:
            for j, (a, b) in enumerate(spans):
                over = min(p.end, b) - max(p.start, a)
                if p.text and over > 0 and (piped or over > best[j]):  # spaces: the label over most of it
                    cells[j], best[j] = (f"{cells[j]} {p.text}".strip() if piped else p.text), over
        rows.append(cells)
        tops.append([] if piped else [p for p in pieces if p.start >= spans[0][1]])
    for k, cells in enumerate(rows[:-1]):  # a top cell continues over sub-columns it does not reach
        for j in range(1, len(spans)):
            if cells[j] or not any(r[j] for r in rows[k + 1:]):
                continue
            if tops[k]:  # space-aligned: the nearest top cell (a centred label), the left one on a tie
                a, b = spans[j]
                if _left_aligned(tops[k], spans):  # each top cell starts its first column: the one on the left
                    cells[j] = [p for p in tops[k] if p.start <= a + 2][-1].text if tops[k][0].start <= a + 2 else ""
                    continue
                cells[j] = min(tops[k], key=lambda p: (max(p.start - b, a - p.end, 0), p.start > a)).text
                continue
            left = next((i for i in range(j - 1, 0, -1) if cells[i]), None)
            if left is not None and any(r[left] for r in rows[k + 1:]):
                cells[j] = cells[left]
    return [" ".join(r[j] for r in rows if r[j]) for j in range(len(spans))]


def _left_aligned(tops: list[_Piece], spans: list[tuple[int, int]]) -> bool:
    """Top cells printed from the first of their columns (`PAR INDEX` over `Điểm  Xếp hạng`, `SIPAS` starting
    over `Tỷ lệ (%)`), not centred: two or more, each starting within two characters of a column's start, the first
    over the first column of values (a short label centred over two columns may start near the second)."""
    return len(tops) >= 2 and len(spans) > 1 and abs(tops[0].start - spans[1][0]) <= 2 \
        and all(any(abs(p.start - a) <= 2 for a, _ in spans[1:]) for p in tops)


def _value_spans(line: str, count: int) -> Optional[list[tuple[int, int]]]:
    """The character spans of the value cells of a complete space-aligned row (`count` cells, its label first)."""
    pieces = _pieces(line, False)
    values = pieces[len(pieces) - (count - 1):] if len(pieces) >= count else []
    return [(p.start, p.end) for p in values] if values and all(_is_value(p.text) for p in values) else None


def _placed_cells(line: str, reference: list[tuple[int, int]]) -> Optional[list[str]]:
    """A space-aligned row with blank cells (`Cải cách thể chế   7   6,30          6,45`): each value placed under the
    column of the complete row it overlaps (or ends within two characters of); None when one is not placed once."""
    pieces = _pieces(line, False)
    if len(pieces) > 2 and re.fullmatch(r"(?:\d{1,2}|[IVX]{1,4})\.?", pieces[0].text):
        pieces = pieces[1:]  # the row's number
    values = [p for p in pieces if _is_value(p.text) and p.text]
    if not values or values[0] is pieces[0]:
        return None
    label = " ".join(p.text for p in pieces if p.start < values[0].start)
    if not re.search(r"[^\W\d_]", label) or any(p.start > values[0].start and p not in values for p in pieces):
        return None
    cells = [label] + [""] * len(reference)
    for p in values:
        near = [j for j, (a, b) in enumerate(reference) if min(p.end, b) - max(p.start, a) > 0
                or abs(p.end - b) <= 2 or abs(p.start - a) <= 2]
        if len(near) != 1 or cells[near[0] + 1]:
            return None
        cells[near[0] + 1] = p.text
    return cells


def find_grid(lines: list[tuple[int, str]], i: int) -> Optional[tuple[Grid, int]]:
    """The table whose first data row is line `i`: header lines above it (rules skipped, up to a blank line or a
    lead-in), data rows from it (rules between them skipped); (grid, next line) or None."""
    first = _data_cells(lines[i][1])
    if first is None:
        return None
    header: list[tuple[int, str]] = []
    k = i - 1
    while k >= 0 and len(header) < _MAX_HEADER_LINES:
        off, line = lines[k]
        if _is_rule(line):
            k -= 1
            continue
        if not _header_line(line) or _data_cells(line) is not None:
            break
        header.insert(0, (off, line))
        k -= 1
    rows, raw, j = [], [], i
    piped = _is_piped(lines[i][1])
    reference = None if piped else _value_spans(lines[i][1], len(first))
    while j < len(lines):
        off, line = lines[j]
        if _is_rule(line):
            j += 1
            continue
        cells = _data_cells(line)
        if cells is not None and len(cells) == len(first):
            raw.append(line)
        elif reference and (cells is not None or _placed_cells(line, reference)):
            cells = _placed_cells(line, reference)  # space-aligned, some cells blank: placed by position
        else:
            cells = None
        if cells is None:
            break
        rows.append((off, cells))
        j += 1
    if len(rows) < 2 and not (rows and header):
        return None
    spans = _column_spans(raw, piped)
    numbering = len(spans) - len(first)
    if numbering:  # a numbering column: the label column is not the first
        spans = spans[numbering:]
    labels = _merge_header([h for _, h in header], spans, numbering) if header else [""] * len(first)
    return Grid(header=header, rows=rows, labels=labels), j
