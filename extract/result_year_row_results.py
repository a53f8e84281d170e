"""Results tables with one row per year, whose index is named above the table rather than in its header:

    Kết quả xếp hạng Chỉ số cải cách hành chính của huyện ba năm gần đây như sau:
    Năm   | Điểm đạt được | Thứ hạng | So với năm trước
    2021  | 80,26         | 9/13     | -
    2022  | 83,47         | 7/13     | tăng 2 bậc

(`|`-separated or space-aligned). Each row is the index's result of its year; a column says points (`Điểm`,
`Kết quả`), a maximum (`tối đa`), a percentage (`%`, `Tỷ lệ`) or a rank (`Xếp hạng`, `Thứ hạng`, `Hạng`, a bare
`9` or `9/13`); any other column (`So với năm trước`, `Ghi chú`) says no value and is skipped. A header cell naming
an index is that index's column (`Năm | PCI (điểm) | Xếp hạng`: the rank of the PCI); a header naming none takes
the one index its lead-in (the two lines above), else its section heading, else the plan's title names. A table of goals (the lead-in,
header or section says `mục tiêu`, `phấn đấu`, `lộ trình`; a cell `≥ 87`, `Top 5`) is left to `result_year_rows`.
The lines read are handed back so that the other readers do not read them again."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_context import title_text
from extract.result_scope import former_unit
from extract.result_unit_columns import one_index, scan_lines
from extract.result_year_rows import line_cells
from extract.schema import Evidence, IndexResult

_YEAR_HEAD = re.compile(r"^n\S{0,2}m$")
_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}\.|\d+(?:\.\d+)*\.\s)")
_GOAL_WORDS = re.compile(r"\b(?:muc\s+tieu|chi\s+tieu|phan\s+dau|lo\s+trinh|du\s+kien|ke\s+hoach\s+nam)\b")
_RANK = re.compile(r"^(\d{1,3})(?:\s?/\s?(\d{1,3}))?$")
_VALUE = re.compile(rf"^({NUMBER})\s?%?$")
_EMPTY = re.compile(r"^(?:|-|–|—|x)$")
_ROW_YEAR = re.compile(rf"^(?:n\S{{0,2}}m\s+)?({YEAR})$")
# a column naming the rows (`Năm | Chỉ số nội dung | Điểm`): a row per component, read by result_year_group_rows
LABEL_HEAD = re.compile(r"^(?:cac\s+)?(?:chi\s*s\S{1,2}(?:\s+(?:thanh\s+phan|noi\s+dung))?|linh\s+vuc|yeu\s*t\S{1,2}|"
                        r"tru\s+cot|tieu\s+chi|noi\s+dung)(?:\s+\S+){0,3}$")


def names_rows(folded: str) -> bool:
    """A header cell naming the rows (`Chỉ số nội dung`, `Lĩnh vực`), not an index's or a measure's column
    (`Chỉ số CCHC (điểm)`)."""
    return bool(LABEL_HEAD.match(folded)) and not index_mentions(folded) and column_measure(folded) is None


def column_measure(folded: str) -> Optional[str]:
    """What a results column's header says: `rank`, `max_score`, `percent`, `score`, or None (a column of no
    value: `So với năm trước`, `Ghi chú`). `Die.m`, `Ha.ng`: English-model OCR of `Điểm`, `Hạng`."""
    if re.search(r"\b(?:xep|thu)?\s*h\S{0,3}ng\b|\bvi\s+tri\b", folded):
        return "rank"
    if re.search(r"\btoi\s+da\b", folded):
        return "max_score"
    if re.search(r"%|\bty\s+le\b|\bhai\s+long\b", folded):
        return "percent"
    if re.search(r"\bdi\S{0,2}m\b|\bket\s+qua\b|\bgia\s+tri\b", folded):
        return "score"
    return None


def index_measure(folded: str, index: Optional[str]) -> Optional[str]:
    """`column_measure`, a SIPAS value that says no points (`Kết quả`) being a percentage."""
    measure = column_measure(folded)
    if measure == "score" and index == "SIPAS" and not re.search(r"\bdi\S{0,2}m\b", folded):
        return "percent"
    return measure


def _columns(cells: list[str], above: Optional[str]) -> Optional[list[tuple[Optional[str], Optional[str]]]]:
    """(index, measure) per column after the year column, or None when this is no such header: one index per
    column at most, at least one column of values, and every column of values with an index."""
    if len(cells) < 2 or not _YEAR_HEAD.match(fold(cells[0])) or names_rows(fold(cells[1])):
        return None
    columns: list[tuple[Optional[str], Optional[str]]] = []
    index = above
    for cell in cells[1:]:
        folded = fold(cell)
        named = list(dict.fromkeys(n for _, _, n in index_mentions(folded)))
        if len(named) > 1 or _GOAL_WORDS.search(folded):
            return None
        index = named[0] if named else index
        measure = index_measure(folded, index)
        if measure is None and named:  # `Chỉ số SIPAS` alone: its value column
            measure = "percent" if named[0] == "SIPAS" else "score"
        columns.append((index, measure))
    if not any(m for _, m in columns) or any(m and not ix for ix, m in columns):
        return None
    return columns


def lead_in(lines: list[tuple[int, str]], sections: list, i: int) -> tuple[str, str, Optional[str]]:
    """(the lead-in: the three lines above line `i`; the last numbered heading above it; the one index the lead-in
    names, else the one that heading names, else the one of the Roman heading) of a table whose header is line `i`."""
    above = [raw for _, raw in lines[max(0, i - 3):i] if raw.strip()]
    heads = [k for k, raw in enumerate(above) if _HEADING.match(raw)]
    lead = " ".join(above[heads[-1]:] if heads else above)  # (not the lines of the section before a heading)
    heading = next((raw for _, raw in reversed(lines[:i]) if _HEADING.match(raw)), "")
    return lead, heading, one_index(lead) or one_index(heading) or sections[i][3]


def year_row_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                     ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every table with a row per year in `text`, and the (start, end) of the lines read."""
    title = title_text(fold(text))
    return scan_lines(text, lambda lines, sections, i: _table_at(lines, sections, i, page_of, title))


def _other_index(cells: list[str], named_above: str) -> Optional[str]:
    """The lead-in or title names two indices, the header one of them (`Năm | Điểm đạt | Xếp hạng | Chỉ số SIPAS
    (%)`): the index of the columns naming none is the other."""
    in_header = {n for c in cells for _, _, n in index_mentions(fold(c))}
    rest = [n for n in dict.fromkeys(n for _, _, n in index_mentions(fold(named_above))) if n not in in_header]
    return rest[0] if in_header and len(rest) == 1 else None


_RESULTS_HEADING = re.compile(r"\b(?:ket\s+qua|thuc\s+trang|danh\s+gia)\b")
# a header cell that is a bare measure (`Điểm`, `Điểm số`, `Xếp hạng`, `Thứ hạng`), no other quantity (`Số hồ sơ`)
_BARE_MEASURE = re.compile(r"^(?:tong\s+)?(?:di\S{0,2}m(?:\s+(?:so|dat(?:\s+duoc)?))?|(?:xep|thu)\s*h\S{0,3}ng|h\S{0,3}ng)$")
# something the heading or lead-in is about that the title may not be (`Chỉ số DDCI`, `cải cách hành chính`)
_OTHER_SUBJECT = re.compile(r"\bchi\s*s\S{1,2}\b|\bcai\s+cach\b|\bcchc\b|\bhai\s+long\b|\b[a-z]*ci\b")


def _title_holds(cells: list[str], lead: str, heading: str) -> bool:
    """A year table naming no index is the plan title's index only under a results heading, its columns bare measures
    (or naming an index), with nothing else named above it."""
    folded = [fold(c) for c in cells[1:]]
    return (bool(_RESULTS_HEADING.search(fold(heading))) and not _OTHER_SUBJECT.search(fold(lead + " " + heading))
            and all(_BARE_MEASURE.match(c) or index_mentions(c) for c in folded))


def _table_at(lines, sections, i: int, page_of, title: str = ""):
    off, line = lines[i]
    cells = line_cells(line) if "|" in line or "  " in line.strip() else []
    if len(cells) < 2 or not _YEAR_HEAD.match(fold(cells[0])):
        return None
    lead, heading, index = lead_in(lines, sections, i)
    if index is None:
        index = _other_index(cells, lead)
    if index is None and _title_holds(cells, lead, heading):  # (a results heading naming nothing: `I. KẾT QUẢ 03 NĂM`)
        index = one_index(title) or _other_index(cells, title)
    columns = _columns(cells, index)
    if not columns or _GOAL_WORDS.search(fold(lead)) or _GOAL_WORDS.search(fold(heading)):
        return None
    scope = former_unit(lead, fold(lead), 0, len(lead)) if lead else None
    out_of = [int(m.group(1)) for c in cells for m in [re.search(r"\(\s*/\s*(\d{2,3})\s*\)", c)] if m]
    read, j = _rows(lines, i + 1, columns, scope, page_of)
    if len(out_of) == 1:  # `Điểm đạt (/100)`: the maximum of the points column
        for r in read:
            if r.score is not None and r.max_score is None:
                r.max_score = float(out_of[0])
    return (read, [(off, lines[j - 1][0] + len(lines[j - 1][1]))], j) if read else None


def _rows(lines, i: int, columns, scope: Optional[str], page_of) -> tuple[list[IndexResult], int]:
    """(results, next line) of the rows under a header; a row that does not fit ends the table."""
    out: list[IndexResult] = []
    last_value = max(k for k, (_, m) in enumerate(columns) if m)
    while i < len(lines):
        off, line = lines[i]
        cells = line_cells(line)
        year = _ROW_YEAR.match(fold(cells[0])) if cells else None
        # a space-aligned row whose last cells (no value) are empty has fewer cells than its header
        if not year or not last_value + 2 <= len(cells) <= len(columns) + 1:
            break
        fields: dict[str, dict] = {}
        for (index, measure), cell in zip(columns, cells[1:]):
            cell = cell.strip()
            if not measure or _EMPTY.match(cell):
                continue
            m = (_RANK if measure == "rank" else _VALUE).match(cell)
            if not m:
                return out, i  # `≥ 87`, `Top 5`, words: no row of results
            got = fields.setdefault(index, {})
            if measure == "rank":
                got["rank"], got["rank_total"] = int(m.group(1)), int(m.group(2)) if m.group(2) else None
            else:
                got[measure] = parse_number(m.group(1))
        ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
        out += [IndexResult(index=index, year=int(year.group(1)), scope=scope, evidence=ev, **f)
                for index, f in fields.items() if any(k != "max_score" for k in f)]
        i += 1
    return out, i


__all__ = ["names_rows", "column_measure", "index_measure", "lead_in", "year_row_results"]
