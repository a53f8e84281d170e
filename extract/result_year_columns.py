"""Results tables with one column per year and one row per index (the transpose of a roadmap):

    Năm                 | 2021    | 2022    | 2023
    Chỉ số SIPAS (%)    | 80,35   | 79,12   | 81,40
    Xếp hạng            | 42/63   | 50/63   | 47/63

A row naming one index gives its result for each year (a percentage under `(%)` or for SIPAS, else a score);
a row of ranks (`Xếp hạng`, naming no other index) gives the ranks of the index row above it. A cell may hold
the rank beside the value (`0,6125 (11/63)`); a row naming a component of the index above (or of the one the
lead-in names) is that component's; a numbering column (`STT`) is skipped; a header of years alone (`Năm 2022 |
Năm 2023`) leaves the first column to the labels; a former unit the lead-in names (`1. Tỉnh X (cũ): ...`) is the
scope. The lines read are handed back so that the other table readers do not read them again."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import best_component, index_mentions
from extract.numbers import YEAR, fold, parse_number
from extract.result_scope import former_unit
from extract.result_table_context import ranked_indices
from extract.result_table_lead import CHANGE_COLUMN, VALUE_CELL
from extract.result_unit_columns import read_cell, row_component, text_lines
from extract.result_year_rows import line_cells
from extract.schema import Evidence, IndexResult

_YEAR_HEAD = re.compile(r"^(?:n\S{0,2}m|chi\s*s[o068bde]|tieu\s+chi|noi\s+dung)$")  # English OCR: `Chi s6`
_NUMBERING = re.compile(r"^(?:s\S{0,2}\s*)?t\s*t$")  # STT, TT, Số TT
_RANK = re.compile(r"^(\d{1,3})\s?/\s?(\d{1,3})$")
_VALUE = re.compile(rf"^{VALUE_CELL}$", re.I)  # (`82,40%`: a percentage; `88,21 điểm (9/63)`: points and the rank)
_YEAR_CELL = re.compile(rf"(?:n\S{{0,2}}m\s+)?({YEAR})")
_CHANGE_HEAD = re.compile(rf"{CHANGE_COLUMN}|so\s+sanh|ghi\s+chu")


# a header whose cells the OCR ran together with single spaces (`Chỉ số Năm 2021 Năm 2022 Tăng/giảm`)
_COLLAPSED_HEADER = re.compile(rf"^(\S+(?:\s+\S+){{0,2}}?)\s+((?:n\S{{0,2}}m\s+)?{YEAR}(?:\s+(?:n\S{{0,2}}m\s+)?{YEAR})+)"
                               r"(?:\s+(\S+(?:\s+\S+){0,2}))?$")
_CELL = rf"(?:[+-]?{VALUE_CELL}|\d{{1,3}}\s?/\s?\d{{1,3}})"


def collapsed_header(line: str) -> list[str]:
    """The cells of a header whose cells OCR ran together with single spaces, [] when not one: its label (`Chỉ số`,
    `Nội dung`), each year, a change column after them (`Tăng/giảm`)."""
    m = _COLLAPSED_HEADER.match(fold(line).strip())
    if not m or not _YEAR_HEAD.match(m.group(1)) or m.group(3) and not _CHANGE_HEAD.fullmatch(m.group(3)):
        return []
    years = re.findall(rf"(?:n\S{{0,2}}m\s+)?{YEAR}", m.group(2))
    return [m.group(1)] + years + ([m.group(3)] if m.group(3) else [])


def collapsed_row(line: str, values: int, changes: int = 0) -> list[str]:
    """A row whose cells OCR ran together (`PAR INDEX 85,40 (15/63) 87,28 (12/63) +1,88; tăng 3 bậc`): its label and
    `values` value cells (the change after them, under a change column, dropped), [] when it is not one."""
    tail = r"(?:\s+(?:[+-]\s?\d\S*|t[aă]ng|gi[aả]m)(?:[^\d]|\d{1,2}\s+b\S{0,2}c)*)?" if changes else ""
    m = re.match(rf"^(.*?[^\W\d_)]\)?)\s+((?:{_CELL}\s+){{{values - 1}}}{_CELL}){tail}$", line.strip())
    if not m:
        return []
    return [m.group(1)] + re.findall(rf"{_CELL}(?=\s|$)", m.group(2))[:values]


def _header(cells: list[str]) -> Optional[tuple[list[int], bool, bool, int]]:
    """(years, numbered, labelled, changes) of a header `Năm | 2021 | 2022 | ...` (two or more years, each a bare
    year or `Năm YYYY`), after a numbering cell if any; `labelled` False when the header is the years alone; `changes`
    the columns of changes closing it (`Tăng/giảm`, `So sánh`, `Ghi chú`), whose cells are skipped."""
    numbered = bool(cells) and bool(_NUMBERING.match(fold(cells[0])))
    cells = cells[1:] if numbered else cells
    labelled = bool(cells) and bool(_YEAR_HEAD.match(fold(cells[0])))
    years = cells[1:] if labelled else cells
    changes = 0
    while len(years) > 2 and _CHANGE_HEAD.fullmatch(fold(years[-1])):  # `... | Năm 2023 | Tăng/giảm`: no year's value
        years, changes = years[:-1], changes + 1
    found = [_YEAR_CELL.fullmatch(fold(c)) for c in years]
    if len(years) < 2 or not all(found) or (not labelled and not all("m" in fold(c) for c in years)):
        return None
    return [int(m.group(1)) for m in found], numbered, labelled, changes


def year_column_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                        ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every table with a column per year in `text`, and the (start, end) of the lines read."""
    lines = text_lines(text)
    results: list[IndexResult] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i][1]
        head = _header(line_cells(line) if "|" in line or "  " in line.strip() else collapsed_header(line))
        if not head:
            i += 1
            continue
        start = lines[i][0]
        lead = " ".join(raw for _, raw in lines[max(0, i - 2):i] if raw.strip())
        read, i = _rows(lines, i + 1, head, lead, page_of)
        if read:
            results += read
            spans.append((start, lines[i - 1][0] + len(lines[i - 1][1])))
    return results, spans


def _rows(lines, i: int, head: tuple[list[int], bool, bool, int], lead: str, page_of) -> tuple[list[IndexResult], int]:
    """(results, next line) of the rows under a header of years."""
    years, numbered, _, changes = head
    folded_lead = fold(lead)
    scope = former_unit(lead, folded_lead, 0, len(lead)) if lead else None
    lead_named = list(dict.fromkeys(n for _, _, n in index_mentions(folded_lead)))
    index = lead_named[0] if len(lead_named) == 1 else None
    read: list[IndexResult] = []
    last: Optional[list[IndexResult]] = None
    while i < len(lines):
        off, line = lines[i]
        cells = line_cells(line) if "|" in line or "  " in line.strip() else collapsed_row(line, len(years), changes)
        if numbered and cells and re.fullmatch(r"(?:\d{1,2}\.?)?", cells[0]):  # (a blank numbering cell too)
            cells = cells[1:]
        if changes and len(cells) == len(years) + 1 + changes:
            cells = cells[:len(years) + 1]  # the change columns' cells (`+2,87 điểm, tăng 3 bậc`) say no year's value
        if len(cells) != len(years) + 1:
            break
        label = fold(cells[0])
        ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
        named = list(dict.fromkeys(n for _, _, n in index_mentions(label)))
        ranked = ranked_indices(label)
        if ranked is not None and last and ranked <= {last[0].index}:
            # (a bare rank under a label saying the total: `Xếp hạng (trên 21 sở, ngành) | 14 | 8`)
            among = re.search(r"\b(?:tren|trong)\s+(?:tong\s+so\s+)?(\d{1,3})\b", label)
            for r, c in zip(last, cells[1:]):
                m = _RANK.match(c.strip())
                if m:
                    r.rank, r.rank_total = int(m.group(1)), int(m.group(2))
                elif re.fullmatch(r"\d{1,3}", c.strip()) and among and int(c) <= int(among.group(1)):
                    r.rank, r.rank_total = int(c), int(among.group(1))
        elif len(named) <= 1 and all(_VALUE.match(c.strip()) for c in cells[1:]):
            component = None
            if named:
                index = named[0]
            elif index:
                component = row_component(cells[0], index)
            if not index or (not named and not component):
                break
            percent = ("%" in label or "ty le" in label or (index == "SIPAS" and "diem" not in label)
                       or all("%" in c for c in cells[1:]))
            last = []
            for y, c in zip(years, cells[1:]):
                cell = read_cell(c)
                last.append(IndexResult(index=index, component=component, year=y, scope=scope, evidence=ev,
                                        rank=cell.rank, rank_total=cell.rank_total,
                                        **({"percent": cell.value} if percent else {"score": cell.value})))
            read += last
        else:
            break
        i += 1
    return read, i

