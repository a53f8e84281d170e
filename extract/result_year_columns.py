"""Results tables with one column per year and one row per index (the transpose of a roadmap):

    Năm                 | 2021    | 2022    | 2023
    Chỉ số SIPAS (%)    | 80,35   | 79,12   | 81,40
    Xếp hạng            | 42/63   | 50/63   | 47/63

A row naming one index gives its result for each year (a percentage under `(%)` or for SIPAS, else a score);
a row of ranks (`Xếp hạng`, naming no other index) gives the ranks of the index row above it. The lines read are
handed back so that the other table readers do not read them again."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_unit_columns import text_lines
from extract.result_year_rows import line_cells
from extract.schema import Evidence, IndexResult

_YEAR_HEAD = re.compile(r"^(?:n\S{0,2}m|chi\s+so|tieu\s+chi|noi\s+dung)$")
_RANK_ROW = re.compile(r"^(?:xep|thu)\s*h\S{0,3}ng\b|^h\S{0,3}ng\b")
_RANK = re.compile(r"^(\d{1,3})\s?/\s?(\d{1,3})$")
_VALUE = re.compile(rf"^{NUMBER}$")


def _years(cells: list[str]) -> Optional[list[int]]:
    """The years of a header `Năm | 2021 | 2022 | ...` (two or more, each a bare year or `Năm YYYY`)."""
    if len(cells) < 3 or not _YEAR_HEAD.match(fold(cells[0])):
        return None
    found = [re.fullmatch(rf"(?:n\S{{0,2}}m\s+)?({YEAR})", fold(c)) for c in cells[1:]]
    return [int(m.group(1)) for m in found] if all(found) else None


def year_column_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                        ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every table with a column per year in `text`, and the (start, end) of the lines read."""
    lines = text_lines(text)
    results: list[IndexResult] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        years = _years(line_cells(lines[i][1])) if "|" in lines[i][1] or "  " in lines[i][1].strip() else None
        if not years:
            i += 1
            continue
        start, read, last, i = lines[i][0], [], None, i + 1
        while i < len(lines):
            off, line = lines[i]
            cells = line_cells(line)
            if len(cells) != len(years) + 1:
                break
            label = fold(cells[0])
            ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
            named = list(dict.fromkeys(n for _, _, n in index_mentions(label)))
            if _RANK_ROW.match(label) and not named and last:
                ranks = [_RANK.match(c.strip()) for c in cells[1:]]
                for r, m in zip(last, ranks):
                    if m:
                        r.rank, r.rank_total = int(m.group(1)), int(m.group(2))
            elif len(named) == 1 and all(_VALUE.match(c.strip()) for c in cells[1:]):
                percent = "%" in label or "ty le" in label or (named[0] == "SIPAS" and "diem" not in label)
                last = [IndexResult(index=named[0], year=y, evidence=ev,
                                    **({"percent": parse_number(c)} if percent else {"score": parse_number(c)}))
                        for y, c in zip(years, cells[1:])]
                read += last
            else:
                break
            i += 1
        if read:
            results += read
            spans.append((start, lines[i - 1][0] + len(lines[i - 1][1])))
    return results, spans
