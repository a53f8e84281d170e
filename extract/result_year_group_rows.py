"""Results tables whose first column is the year, printed once over a group of rows that each name a component:

    | Năm  | Chỉ số nội dung                     | Điểm | Xếp hạng | Nhóm            |
    | 2024 | Tham gia của người dân ở cấp cơ sở  | 5,02 | 35/61    | Trung bình thấp |
    |      | Công khai, minh bạch                | 5,11 | 40/61    | Trung bình thấp |
    |      | Tổng điểm PAPI năm 2024             | 42,30| 38/61    | Trung bình thấp |
    | 2025 | Tham gia của người dân ở cấp cơ sở  | 5,24 | 14/34    | Trung bình cao  |

(`|`-separated or space-aligned; a row without a year keeps the one above). The second column names the rows
(`Chỉ số nội dung`, `Lĩnh vực`, `Yếu tố`, `Trụ cột`, `Tiêu chí`, `Nội dung`); each row is a component of the index
the lead-in or the section heading names, or the index itself (`Tổng điểm PAPI`, `Tổng cộng`). The other columns say
their measure (`result_year_row_results.column_measure`); a column that says none is skipped. The lines read are
handed back."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_component_rows import row_identity
from extract.result_scope import former_unit
from extract.result_unit_columns import scan_lines
from extract.result_year_row_results import index_measure, lead_in, names_rows
from extract.result_year_rows import line_cells
from extract.schema import Evidence, IndexResult

_YEAR_HEAD = re.compile(r"^n\S{0,2}m$")
_ROW_YEAR = re.compile(rf"^(?:n\S{{0,2}}m\s+)?({YEAR})$")
_RANK = re.compile(r"^(\d{1,3})\s?/\s?(\d{1,3})$|^(\d{1,3})$")
_VALUE = re.compile(rf"^({NUMBER})\s?%?$")


def year_group_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                       ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every table with a year column over groups of component rows, and the lines read."""
    return scan_lines(text, lambda lines, sections, i: _table_at(lines, sections, i, page_of))


def is_year_group_header(cells: list[str]) -> bool:
    return len(cells) >= 3 and bool(_YEAR_HEAD.match(fold(cells[0]))) and names_rows(fold(cells[1]))


def _table_at(lines, sections, i: int, page_of):
    off, line = lines[i]
    cells = line_cells(line) if "|" in line or "  " in line.strip() else []
    if not is_year_group_header(cells):
        return None
    lead, _, index = lead_in(lines, sections, i)
    if index is None:
        return None
    measures = [index_measure(fold(c), index) for c in cells[2:]]
    if not any(measures):
        return None
    scope = former_unit(lead, fold(lead), 0, len(lead)) if lead else None
    out: list[IndexResult] = []
    year: Optional[int] = None
    j = i + 1
    while j < len(lines):
        row_off, row = lines[j]
        row_cells = line_cells(row)
        if len(row_cells) == len(cells) - 1 and not _ROW_YEAR.match(fold(row_cells[0])):
            row_cells = [""] + row_cells  # a space-aligned row under the year of the row above: no first cell
        if len(row_cells) < len(cells) - 1 or len(row_cells) > len(cells):
            break
        stated = _ROW_YEAR.match(fold(row_cells[0]))
        if stated:
            year = int(stated.group(1))
        elif row_cells[0].strip() or year is None:
            break
        found, component = row_identity(row_cells[1], (index,))
        if found is None or re.match(r"\s*(?:muc\s+tieu|phan\s+dau|chi\s+tieu)\b", fold(row_cells[1])):  # a goal row
            j += 1
            continue
        fields = _values(row_cells[2:], measures)
        if fields:
            ev = Evidence(page=page_of(row_off) if page_of else None, text=" ".join(row.split())[:240])
            out.append(IndexResult(index=index, component=component, year=year, scope=scope, evidence=ev, **fields))
        j += 1
    if len(out) < 2:
        return None
    return out, [(off, lines[j - 1][0] + len(lines[j - 1][1]))], j


def _values(cells: list[str], measures: list[Optional[str]]) -> dict:
    fields: dict = {}
    for cell, measure in zip(cells, measures):
        cell = cell.strip()
        if not measure:
            continue
        m = (_RANK if measure == "rank" else _VALUE).match(cell)
        if not m:
            continue
        if measure == "rank":
            fields["rank"] = int(m.group(1) or m.group(3))
            fields["rank_total"] = int(m.group(2)) if m.group(2) else None
        else:
            fields[measure] = parse_number(m.group(1))
    return fields if any(k not in ("max_score", "rank_total") for k in fields) else {}


__all__ = ["is_year_group_header", "year_group_results"]
