"""Results listed as numbered items, one component each (a table flattened into a list):

    II. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023
    ... Điểm các lĩnh vực như sau:
    (1) Công tác chỉ đạo, điều hành CCHC: 8,12/9,5 điểm (85,47%), xếp thứ 15/63;
    (2) Cải cách thể chế: 8,60/10 điểm (86,00%), xếp thứ 21/63;

Each item `(n) <component>: <score>/<maximum> điểm [(<percent>%)][, xếp thứ <rank>/<total>]` is that component's
result, for the index and year the lead-in (two lines above the list) or the section heading names. An item may
wrap over lines (it runs to the line ending `;` or `.`); blank lines and page numbers between items are skipped.
Read only while the numbering runs 1, 2, ... and every item names a component and a score over a maximum; the
lines read are handed back so that the sentence reader does not read them again."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.numbers import NUMBER, fold, parse_number
from extract.result_table_lead import results_year
from extract.result_unit_columns import one_index, row_component, scan_lines
from extract.schema import Evidence, IndexResult

_ITEM = re.compile(r"^\s*\((\d{1,2})\)\s+(?P<label>[^:;]{3,160}?)\s*:\s*(?P<values>\S.*)$", re.S)
_SCORE = re.compile(rf"^({NUMBER})\s?/\s?({NUMBER})\s*[dđð]\S{{0,3}}m\b")
_PERCENT = re.compile(rf"\(\s*({NUMBER})\s?%\s*\)")
_RANK = re.compile(r"\bx\S{1,2}p\s+(?:th\S{1,3}|h\S{1,3}ng)\s+(\d{1,3})\s?/\s?(\d{1,3})\b")
_SKIP = re.compile(r"^\s*(?:\d{1,3})?\s*$")  # a blank line or a page number between items


def numbered_item_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                          ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every list of numbered component items in `text`, and the (start, end) of the lines read."""
    return scan_lines(text, lambda lines, sections, i: _list_at(lines, sections, i, page_of))


def _list_at(lines, sections, i: int, page_of):
    _, line, year_of_section, index_of_section = sections[i]
    if not re.match(r"^\s*\(1\)\s", line):
        return None
    above = " ".join(raw for _, raw in lines[max(0, i - 2):i] if raw.strip())
    index = one_index(above) or index_of_section
    year = results_year(fold(above)) or year_of_section
    if not index or not year:
        return None
    read, spans, j = _items(lines, i, index, year, page_of)
    return (read, spans, j) if len(read) >= 2 else None


def _items(lines, i: int, index: str, year: int, page_of) -> tuple[list[IndexResult], list[tuple[int, int]], int]:
    out: list[IndexResult] = []
    spans: list[tuple[int, int]] = []
    n = 1
    while i < len(lines):
        k = i
        while k < len(lines) and _SKIP.match(lines[k][1]) and out:
            k += 1  # blank lines and page numbers between items
        if k >= len(lines) or not re.match(rf"^\s*\({n}\)\s", lines[k][1]):
            break
        end = k
        while not re.search(r"[;.]\s*$", lines[end][1]) and end + 1 < len(lines) and lines[end + 1][1].strip() \
                and not re.match(r"^\s*\(\d{1,2}\)\s", lines[end + 1][1]) and end - k < 3:
            end += 1
        item = " ".join(raw.strip() for _, raw in lines[k:end + 1])
        result = _read_item(item, index, year)
        if result is None:
            break
        off = lines[k][0]
        result.evidence = Evidence(page=page_of(off) if page_of else None, text=item[:240])
        out.append(result)
        spans.append((off, lines[end][0] + len(lines[end][1])))
        i, n = end + 1, n + 1
    return out, spans, i


def _read_item(item: str, index: str, year: int) -> Optional[IndexResult]:
    m = _ITEM.match(item)
    if not m:
        return None
    component = row_component(m.group("label"), index)
    values = fold(m.group("values"))
    score = _SCORE.match(values)
    if not component or not score:
        return None
    percent = _PERCENT.search(values)
    rank = _RANK.search(values)
    return IndexResult(index=index, component=component, year=year, evidence=Evidence(text=item[:240]),
                       score=parse_number(score.group(1)), max_score=parse_number(score.group(2)),
                       percent=parse_number(percent.group(1)) if percent else None,
                       rank=int(rank.group(1)) if rank else None, rank_total=int(rank.group(2)) if rank else None)


__all__ = ["numbered_item_results"]
