"""Results tables with one column per former unit and one row per index (a merged province's plan comparing the
provinces it was made of):

    Chỉ số               Tỉnh Hưng Yên (cũ)     Tỉnh Thái Bình (cũ)
    PAR INDEX (%)        87,02 - hạng 24        89,36 - hạng 11
    PAPI (điểm)          43,15 (18/63)          42,08 (36/63)

Each cell is the value of its row's index for its column's unit (the scope), with the rank beside it; the total of
the ranking may be stated once above (`thứ hạng trên tổng số 63 tỉnh, thành phố`), the year in the caption or
the section heading. The lines read are handed back so that the sentence reader does not read them again."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_scope import former_unit
from extract.result_table_lead import results_year, section_year
from extract.schema import Evidence, IndexResult

_RANK = re.compile(r"(?:\b(?:xep\s+)?(?:h\S{0,3}ng|thu|vi\s+tri)\s*(?:thu\s*)?(\d{1,3})(?:\s?/\s?(\d{1,3}))?"
                   r"|(?<![\d,.])(\d{1,3})\s?/\s?(\d{1,3})(?![\d,.]))")
_VALUE = re.compile(rf"(?<![\d,./]){NUMBER}(?![\d/])")
# `thứ hạng trên tổng số 63 tỉnh, thành phố`, `xếp hạng trong số 20 sở` (not `trên 90%`, `trên 80 điểm`)
_TOTAL = re.compile(r"\b(?:tong\s+so|trong\s+so|tren)\s+(\d{1,3})(?![\d,.%])(?!\s*d\S?em)\b")
_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}\.|\d+\.\d+\.|\d+\.\s)")


@dataclass
class _Cell:
    value: Optional[float]
    rank: Optional[int]
    rank_total: Optional[int]


def _cells(line: str) -> list[str]:
    parts = line.split("|") if "|" in line else re.split(r"\s{2,}", line.strip())
    return [p.strip() for p in parts]


def _read_cell(cell: str) -> Optional[_Cell]:
    """`87,02 - hạng 24`, `43,15 (18/63)`, `81,47`, `hạng 40`; None when the cell holds no number."""
    folded = fold(cell)
    rank = _RANK.search(folded)
    rest = folded[:rank.start()] + " " * (rank.end() - rank.start()) + folded[rank.end():] if rank else folded
    value = _VALUE.search(rest)
    if not rank and not value:
        return None
    r, total = ((rank.group(1) or rank.group(3)), (rank.group(2) or rank.group(4))) if rank else (None, None)
    return _Cell(parse_number(value.group(0)) if value else None, int(r) if r else None, int(total) if total else None)


def _units(cells: list[str]) -> list[Optional[str]]:
    return [former_unit(c, fold(c), 0, len(c)) if c else None for c in cells]


def _metric(label: str, index: str) -> str:
    folded = fold(label)
    if re.search(r"%|ty le", folded):
        return "percent"
    if re.search(r"d\S?em", folded):
        return "score"
    return "percent" if index == "SIPAS" else "score"


def text_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every line of `text`, blank ones included."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    return lines


def unit_column_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                        ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every unit-column table in `text`, and the (start, end) of the lines they were read from."""
    lines = text_lines(text)
    results: list[IndexResult] = []
    spans: list[tuple[int, int]] = []
    year_of_section: Optional[int] = None
    i = 0
    while i < len(lines):
        off, line = lines[i]
        if _HEADING.match(line):
            year_of_section = section_year(line, year_of_section)
        cells = _cells(line)
        units = _units(cells)
        labelled = units[0] is None  # `Chỉ số | Tỉnh A (cũ) | Tỉnh B (cũ)`; the first cell may be empty
        if len(cells) < 3 or not all(units[1:]) or len(set(units[1:])) != len(units) - 1:
            i += 1
            continue
        above = fold(" ".join(raw for _, raw in lines[max(0, i - 3):i] if raw.strip()) + " " + (cells[0] if labelled else ""))
        year = results_year(fold(cells[0])) or results_year(above) or year_of_section
        total = _TOTAL.search(above)
        read = _rows(lines, i + 1, units[1:], year, int(total.group(1)) if total else None, page_of)
        if read[0]:
            results += read[0]
            spans.append((off, read[1]))
            i = read[2]
            continue
        i += 1
    return results, spans


def _rows(lines, i: int, units: list[str], year: Optional[int], total: Optional[int], page_of
          ) -> tuple[list[IndexResult], int, int]:
    """(results, end offset, next line) of the rows under a header of units: each opens with one index."""
    out: list[IndexResult] = []
    end = lines[i - 1][0] + len(lines[i - 1][1])
    while i < len(lines):
        off, line = lines[i]
        cells = _cells(line)
        named = list(dict.fromkeys(n for _, _, n in index_mentions(fold(cells[0])))) if cells else []
        read = [_read_cell(c) for c in cells[1:]]
        if len(named) != 1 or len(read) != len(units) or None in read:
            break
        ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
        metric = _metric(cells[0], named[0])
        for unit, cell in zip(units, read):
            if cell.value is None and cell.rank is None:
                continue
            out.append(IndexResult(index=named[0], year=year, scope=unit, evidence=ev, rank=cell.rank,
                                   rank_total=cell.rank_total or (total if cell.rank is not None else None),
                                   **{metric: cell.value}))
        end = off + len(line)
        i += 1
    return out, end, i
