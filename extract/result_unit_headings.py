"""Former units as numbered sub-headings (a merged department's or province's plan reporting each unit it was made
of under its own heading):

    II. KẾT QUẢ NĂM 2024 CỦA HAI SỞ (CŨ)
    1. Sở Y tế tỉnh A (cũ)
    - Chỉ số CCHC năm 2024 đạt 86,05 điểm, xếp thứ 12/19 ...
    2. Sở Y tế tỉnh B (cũ)
    - Chỉ số SIPAS năm 2024 đạt 90,02%.
    3. Tồn tại, hạn chế

A heading that is a former unit and nothing else is the scope of the results read under it that name none, up
to the next numbered or Roman heading. A result is placed by its evidence (the words around its value), found in
the text the sentences were read from; one found under two headings, or not found, is left as it is."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from extract.numbers import NUMBER, fold, parse_number
from extract.result_scope import former_unit
from extract.result_unit_columns import text_lines
from extract.schema import IndexResult

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[IVX]{1,4}\.)\s")
_UNIT_HEADING = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<name>[^\d:;.,]{3,90}?\((?:cũ|cu|cii)\))\s*:?\s*$", re.I)


def unit_heading_regions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, former unit) of the text under each heading that is a former unit alone."""
    regions: list[tuple[int, int, str]] = []
    current: Optional[tuple[int, str]] = None
    for off, line in text_lines(text):
        if not _NUMBERED.match(line):
            continue
        if current:
            regions.append((current[0], off, current[1]))
            current = None
        m = _UNIT_HEADING.match(line)
        unit = former_unit(m.group("name"), fold(m.group("name")), 0, len(m.group("name"))) if m else None
        if unit:
            current = (off + len(line), unit)
    if current:
        regions.append((current[0], len(text), current[1]))
    return regions


def scope_from_unit_headings(text: str, results: list[IndexResult]) -> None:
    """Give the results without a scope the former unit of the heading they were read under (in place)."""
    regions = unit_heading_regions(text)
    if not regions:
        return
    collapsed, offsets = _collapse(text)
    starts = [a for a, _, _ in regions]
    for r in results:
        if r.scope is not None or not r.evidence or len(r.evidence.text) < 12:
            continue
        units = set()
        value_at = _value_in(r)
        for m in re.finditer(re.escape(r.evidence.text), collapsed):
            at = offsets[m.start() + value_at]
            k = bisect.bisect_right(starts, at) - 1
            units.add(regions[k][2] if k >= 0 and at < regions[k][1] else None)
        if len(units) == 1 and None not in units:
            r.scope = units.pop()


def _value_in(r: IndexResult) -> int:
    """Where the result's own value is printed in its evidence (the evidence may run on past the next heading),
    else 0 (its start)."""
    values = {v for v in (r.score, r.percent, r.max_score) if v is not None} | ({float(r.rank)} if r.rank else set())
    for m in re.finditer(rf"(?<![\d,.]){NUMBER}(?![\d])", r.evidence.text):
        if parse_number(m.group(0)) in values:
            return m.start()
    return 0


def _collapse(text: str) -> tuple[str, list[int]]:
    """`text` with every run of whitespace one space (as evidence is printed), and the offset of each character."""
    out: list[str] = []
    offsets: list[int] = []
    for m in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            offsets.append(m.start())
        out.append(m.group(0))
        offsets.extend(range(m.start(), m.end()))
    return "".join(out), offsets


__all__ = ["scope_from_unit_headings", "unit_heading_regions"]
