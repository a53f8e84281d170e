"""Results tables with one row per former unit and one column per measure of the one index the lead-in names:

    Kết quả Chỉ số CCHC năm 2024 của các xã như sau:
    Đơn vị                | Điểm   | Xếp hạng
    Xã Hòa Phú (cũ)       | 86,74  | 4/18
    Xã Ea Kao (cũ)        | 82,09  | 11/18

(the transpose of `result_unit_columns`; often a table read column by column and rejoined by
`result_cell_lines`). Each row is its unit's result (the scope); columns say points (`Điểm`), a percentage (`%`,
`Tỷ lệ`) or a rank (`Xếp hạng`, `Thứ hạng`, `Hạng`). Read only when the lead-in names one index and every row
names a former unit with a value in every column; the lines read are handed back."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, fold, parse_number
from extract.result_index_columns import ROWS_NAME_THEIR_UNIT, former_row_unit
from extract.result_scope import former_unit
from extract.result_turns import SATISFACTION_SUBJECT
from extract.result_table_lead import results_year
from extract.result_unit_columns import scan_lines
from extract.result_year_row_results import column_measure
from extract.result_year_rows import line_cells
from extract.schema import Evidence, IndexResult

_FORMER_LEAD = re.compile(r"\btruoc\s+(?:khi\s+)?(?:sap\s+xep|hop\s+nhat|sat\s+nhap)\b|\(cu\)")
_UNIT_HEAD = re.compile(r"^(?:ten\s+)?don\s+vi(?:\s*\(cu\))?$")
_RANK = re.compile(r"^(\d{1,3})(?:\s?/\s?(\d{1,3}))?$")
_VALUE = re.compile(rf"^{NUMBER}\s?%?$")


def _measure(cell: str) -> Optional[str]:
    folded = fold(cell)
    if index_mentions(folded):
        return None  # a column naming an index is for `result_index_columns`
    return column_measure(folded)


def unit_row_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                     ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every table with a row per former unit in `text`, and the (start, end) of the lines read."""
    return scan_lines(text, lambda lines, sections, i: _table_at(lines, sections, i, page_of))


def _table_at(lines, sections, i: int, page_of):
    off, line, year_of_section, _ = sections[i]
    cells = line_cells(line) if "|" in line or "  " in line.strip() else []
    measures = [_measure(c) for c in cells[1:]]
    if len(cells) < 2 or not _UNIT_HEAD.match(fold(cells[0])) or not all(measures):
        return None
    above = fold(" ".join(raw for _, raw in lines[max(0, i - 2):i] if raw.strip()))
    named = list(dict.fromkeys(n for _, _, n in index_mentions(above)))
    if not named and SATISFACTION_SUBJECT.search(above):
        named = ["SIPAS"]  # `Kết quả khảo sát sự hài lòng ... đối với 05 phường trước sắp xếp:`
    if len(named) != 1:
        return None
    # (rows naming units without `(cũ)` under a lead-in that says they are the former ones)
    former_rows = bool(_FORMER_LEAD.search(above))
    read, j = _rows(lines, i + 1, named[0], measures, results_year(above) or year_of_section, page_of, former_rows)
    return (read, [(off, lines[j - 1][0] + len(lines[j - 1][1]))], j) if len(read) >= 2 else None


def _rows(lines, i: int, index: str, measures: list[str], year: Optional[int], page_of,
          former_rows: bool = False) -> tuple[list[IndexResult], int]:
    out: list[IndexResult] = []
    while i < len(lines):
        off, line = lines[i]
        cells = line_cells(line)
        unit = former_unit(cells[0], fold(cells[0]), 0, len(cells[0])) if cells else None
        if cells and unit is None and former_rows:
            unit = former_row_unit(ROWS_NAME_THEIR_UNIT, cells[0])
        if not unit or len(cells) != len(measures) + 1:
            break
        fields: dict = {}
        for measure, cell in zip(measures, cells[1:]):
            m = _RANK.match(cell) if measure == "rank" else _VALUE.match(cell)
            if not m:
                return out, i
            if measure == "rank":
                fields["rank"], fields["rank_total"] = int(m.group(1)), int(m.group(2)) if m.group(2) else None
            else:
                fields[measure] = parse_number(cell.rstrip("% "))
        ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
        out.append(IndexResult(index=index, year=year, scope=unit, evidence=ev, **fields))
        i += 1
    return out, i


__all__ = ["unit_row_results"]
