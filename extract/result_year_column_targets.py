"""Roadmap tables turned the other way: one column per year, one row per index and metric, each cell a goal:

    | Chỉ tiêu                 | 2026    | 2027    | ... | 2030    |
    | Điểm PAR INDEX           | ≥ 88,00 | ≥ 88,50 | ... | ≥ 90,00 |
    | Xếp hạng PAR INDEX (/34) | 15 - 18 | 13 - 16 | ... | 8 - 10  |
    | Chỉ số SIPAS (%)         | ≥ 86    | ≥ 87    | ... | ≥ 90    |

(`|`-separated, space-aligned, or run together by the OCR: `Chỉ tiêu 2026 2027 2028`). A row names its index (else
the row above's, else the one the lead-in names), maybe a component (`Yếu tố Tiếp nhận, xử lý góp ý ... (%)`), and its
metric: a rank (`Xếp hạng`, `Thứ hạng`), a percentage (`%`, `Tỷ lệ`, SIPAS), else points; `(/34)` is the count ranked
or the maximum. Cells as `result_year_rows` reads them, plus ranges (`15 - 18`: a rank between). Bare numbers are left
alone. The lines read are handed back so that the sentence reader does not read them again."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import index_mentions
from extract.numbers import YEAR, fold
from extract.result_unit_columns import row_component, scan_lines
from extract.result_year_rows import RANK_WORDS, goal_of, line_cells
from extract.schema import Evidence, IndexTarget

_LABEL_HEAD = re.compile(r"^(?:chi\s+tieu|muc\s+tieu|chi\s*s\S{1,2}|noi\s+dung|tieu\s+chi)(?:\s+[^\d\s]+){0,3}$")
_YEAR_CELL = re.compile(rf"^(?:n\S{{0,2}}m\s+)?({YEAR})$")
_RUN_TOGETHER = re.compile(rf"^(\D+?)\s+((?:{YEAR}\s*){{2,}})$")
_RANGE = re.compile(r"^(\d{1,3})\s*(?:-|–|đến|den)\s*(\d{1,3})$")
_RANK_OF = re.compile(r"^(≥|>=|≤|<=|=)?\s*(\d{1,3})\s*/\s*(\d{1,3})$")
_SIGNS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", "=": "="}
_OUT_OF = re.compile(r"\(\s*/\s*(\d{1,4})\s*\)")
# goals said above the table (not `Chỉ tiêu` heading its first column, not `Kế hoạch` in a results heading)
_GOAL_CONTEXT = re.compile(r"\b(?:muc\s+tieu|phan\s+dau|lo\s+trinh)\b")
_SIGNED = re.compile(r"[≥≤<>]|\d\s*(?:-|–)\s*\d|\btop\b|\btro\s+len\b")
_CELL_SPLIT = re.compile(r"\s+(?=[≥≤<>]|\d)")  # cells run together: each opens with a sign or a digit


def year_column_targets(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                        ) -> tuple[list[IndexTarget], list[tuple[int, int]]]:
    """Targets of every table with a column per year and a row per goal in `text`, and the lines read."""
    return scan_lines(text, lambda lines, _, i: _table_at(lines, i, page_of))


def _table_at(lines, i: int, page_of):
    years = _header(lines[i][1])
    lead = " ".join(raw for _, raw in lines[max(0, i - 2):i])
    # goals: said so above, or cells that state a comparator or a range (`≥ 88`, `15 - 18`); `30/63` alone under
    # `Chỉ số | 2022 | 2023` is a result
    said = bool(_GOAL_CONTEXT.search(fold(lead)))
    if not years or not (said or _SIGNED.search(fold(lines[i + 1][1]) if i + 1 < len(lines) else "")):
        return None
    named = list(dict.fromkeys(n for _, _, n in index_mentions(fold(lead))))
    index = named[0] if len(named) == 1 else None
    start, read, i = lines[i][0], [], i + 1
    while i < len(lines):
        off, line = lines[i]
        row = _row(line, len(years))
        if not row:
            break
        label, cells = row
        folded = fold(label)
        found = list(dict.fromkeys(n for _, _, n in index_mentions(folded)))
        out_of = _OUT_OF.search(label)
        # a row naming no index goes on with the one above only for another measure of it (`Xếp hạng (/34)`)
        if not found and not (RANK_WORDS.search(folded) or out_of or (index and row_component(label, index))):
            i += 1
            continue
        index = found[0] if len(found) == 1 else index
        if index is None:
            break
        component = row_component(label, index) if not found or len(folded) > 40 else None
        metric = ("rank" if RANK_WORDS.search(folded) else
                  "percent" if re.search(r"%|\bty\s+le\b|\bhai\s+long\b", folded) or index == "SIPAS" else "score")
        ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
        for year, cell in zip(years, cells):
            goal = _goal(cell, metric)
            if goal is None or (not said and not _SIGNED.search(fold(cell))):
                continue
            metric_of, comparator, value, value_max, total = goal
            read.append(IndexTarget(index=index, component=component, year=year, metric=metric_of,
                                    comparator=comparator, value=value, value_max=value_max,
                                    out_of=total or (float(out_of.group(1)) if out_of else None), evidence=ev))
        i += 1
    return (read, [(start, lines[i - 1][0] + len(lines[i - 1][1]))], i) if read else None


def _header(line: str) -> Optional[list[int]]:
    """The years of a header `Chỉ tiêu | 2026 | 2027 | ...` (two or more, rising), else None."""
    cells = line_cells(line)
    if len(cells) < 3:
        run = _RUN_TOGETHER.match(line.strip())
        cells = [run.group(1)] + run.group(2).split() if run else []
    if len(cells) < 3 or not _LABEL_HEAD.match(fold(cells[0])):
        return None
    found = [_YEAR_CELL.match(fold(c)) for c in cells[1:]]
    if not all(found):
        return None
    years = [int(m.group(1)) for m in found]
    return years if years == sorted(set(years)) else None


def _row(line: str, n: int) -> Optional[tuple[str, list[str]]]:
    """(label, n cells) of a row, or None."""
    cells = line_cells(line)
    if len(cells) == n + 1 and re.search(r"[^\W\d_]", cells[0]):
        return cells[0], cells[1:]
    parts = _CELL_SPLIT.split(line.strip())
    # run together: the label, then n cells each opening with a sign or a digit (`≥88 ≥89 ≥90`)
    if len(parts) > n and all(re.match(r"(?:[≥≤<>]=?)?\d", p) for p in parts[-n:]):
        label = " ".join(parts[:-n])
        if re.search(r"[^\W\d_]", label):
            return label, parts[-n:]
    return None


def _goal(cell: str, metric: str) -> Optional[tuple]:
    """(metric, comparator, value, value_max, out_of) of a cell, or None."""
    m = _RANK_OF.match(" ".join(cell.split()))
    if m:  # `<= 20/34`, `20/34`: a rank of a count
        return "rank", _SIGNS.get(m.group(1) or "", "<="), float(m.group(2)), None, float(m.group(3))
    m = _RANGE.match(" ".join(cell.split()))
    if m and metric == "rank":
        return "rank", "between", float(m.group(1)), float(m.group(2)), None
    goal = goal_of(cell, metric)
    if goal is None or goal[2] is None:
        return None
    return goal[0], goal[1], goal[2], None, goal[3] if len(goal) > 3 else None


__all__ = ["year_column_targets"]
