"""Roadmap tables: one row per year, one column per index and metric, each cell a goal:

    Năm     PCI (điểm)    Xếp hạng PCI    Xếp hạng DTI
    2026    ≥ 71,5        Top 3           Top 5
    2030    ≥ 73,5        Dẫn đầu         Top 3

A cell is a target of its column's index for its row's year: `≥ 71,5` (the comparator printed), `từ 72 trở lên`,
`Top 3` / `Tốp 3` / `Nhóm 5` (rank <= N), `Dẫn đầu` / `Đứng đầu` (rank = 1). A column that names no index takes the
one before it (`PCI (điểm) | Xếp hạng`). Bare numbers are left alone: whether a roadmap's `72` is a floor or a
point is not said. The lines read are handed back so that the sentence reader does not read them again."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_unit_columns import text_lines
from extract.schema import Evidence, IndexTarget

# the first column of a roadmap: `Năm`, `Năm thực hiện`, `Lộ trình`
_YEAR_COLUMN = re.compile(r"^(?:n\S{0,2}m(?:\s+thuc\s+hien)?|lo\s+trinh)$")
RANK_WORDS = re.compile(r"\b(?:xep|thu)\s*h\S{0,3}ng\b|\bh\S{0,3}ng\b")
_COMPARED = re.compile(rf"^(≥|>=|>|≤|<=|<|=)\s*({NUMBER})\s*(?:%|d\S?em)?$")
_FLOOR = re.compile(rf"^(?:tu\s+)?({NUMBER})\s*(?:%|d\S?em)?\s+tro\s+len$")
_TOP = re.compile(r"^(?:trong\s+)?(?:top|nhom)\s*(\d{1,3})(?:\s*/\s*(\d{1,3}))?(?:\s+.{0,30})?$")  # `trong nhóm 05/10`
_FIRST = re.compile(r"^(?:dan\s+dau|dung\s+dau|(?:xep\s+)?(?:hang|thu)\s+(?:nhat|1))(?:\s+.{0,30})?$")
_COMPARATORS = {"≥": ">=", ">=": ">=", ">": ">", "≤": "<=", "<=": "<=", "<": "<", "=": "="}


def line_cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s*[|\t]\s*|\s{2,}", line.strip().strip("|").strip())]


def _columns(cells: list[str], lead_index: Optional[str] = None) -> Optional[list[tuple[str, str]]]:
    """(index, metric) per column after the year column, or None when a header of indices is not what this is.
    A header naming no index (`Năm | Điểm số | Thứ hạng`) takes the one index its lead-in line names."""
    if len(cells) < 2 or not _YEAR_COLUMN.match(fold(cells[0])):
        return None
    columns: list[tuple[str, str]] = []
    for cell in cells[1:]:
        folded = fold(cell)
        named = list(dict.fromkeys(n for _, _, n in index_mentions(folded)))
        if len(named) > 1 or (not named and not columns and not lead_index):
            return None
        index = named[0] if named else columns[-1][0] if columns else lead_index
        if RANK_WORDS.search(folded):
            metric = "rank"
        elif re.search(r"%|ty le", folded) or (index == "SIPAS" and not re.search(r"d\S?em", folded)):
            metric = "percent"
        else:
            metric = "score"
        columns.append((index, metric))
    return columns


def goal_of(cell: str, metric: str) -> Optional[tuple]:
    """(metric, comparator, value[, out_of]) a cell states, or None (a bare number, a dash, words)."""
    folded = " ".join(fold(cell).split())
    m = _COMPARED.match(folded)
    if m:
        return metric, _COMPARATORS[m.group(1)], parse_number(m.group(2))
    m = _FLOOR.match(folded)
    if m:
        return metric, ">=", parse_number(m.group(1))
    m = _TOP.match(folded)
    if m:
        return "rank", "<=", float(m.group(1)), float(m.group(2)) if m.group(2) else None
    if _FIRST.match(folded):
        return "rank", "=", 1.0
    return None


def _lead_index(line: str) -> Optional[str]:
    """The one index a table's lead-in line names (`Lộ trình nâng cao thứ hạng Chỉ số CCHC của huyện như sau:`)."""
    named = list(dict.fromkeys(n for _, _, n in index_mentions(fold(line))))
    return named[0] if len(named) == 1 else None


def year_row_targets(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                     ) -> tuple[list[IndexTarget], list[tuple[int, int]]]:
    """Targets of every roadmap table in `text`, and the (start, end) of the lines they were read from."""
    lines = text_lines(text)
    targets: list[IndexTarget] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        lead = _lead_index(lines[i - 1][1]) if i else None
        columns = _columns(line_cells(lines[i][1]), lead) if lines[i][1].strip() else None
        if not columns:
            i += 1
            continue
        start, read, i = lines[i][0], [], i + 1
        while i < len(lines):
            off, line = lines[i]
            cells = line_cells(line)
            year = re.fullmatch(rf"(?:n\S{{0,2}}m\s+)?({YEAR})", fold(cells[0]))
            if not year or len(cells) != len(columns) + 1:
                break
            ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
            for (index, metric), cell in zip(columns, cells[1:]):
                goal = goal_of(cell, metric)
                if goal and goal[2] is not None:
                    read.append(IndexTarget(index=index, year=int(year.group(1)), metric=goal[0], comparator=goal[1],
                                            value=goal[2], out_of=goal[3] if len(goal) > 3 else None, evidence=ev))
            i += 1
        if read:
            targets += read
            spans.append((start, lines[i - 1][0] + len(lines[i - 1][1])))
    return targets, spans
