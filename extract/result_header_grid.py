"""Results tables whose header is spread over two or three lines (born-digital PDFs flattened: `|`-separated,
box-drawn or space-aligned), a top cell spanning the columns under it:

                    Chỉ số CCHC năm 2024     Chỉ số SIPAS năm 2024
    Đơn vị          Điểm      Xếp hạng       Tỷ lệ (%)   Xếp hạng
    Xã A (cũ)       87,15     3/13           89,62       4/13

The header lines are merged into one label per data column (`Chỉ số CCHC năm 2024 Xếp hạng`): a header cell
labels the columns it lies over; a column a top cell does not reach, with a label of its own lower down, is a
sub-column of the nearest top cell on its left (`| PAR INDEX |      |` over `| Điểm | Hạng |`). Each column's
label and each row's label then say what a cell is: an index, a component, a year, a former unit, a metric
(score, maximum, percent, rank). Cells of one (index, component, year, unit) make one result; `≥ 87`,
`<= 20/34` cells are targets. A table with a one-line header is read here only when its cells are all goals
(`Chỉ số | Năm 2026 | Năm 2027` over `PAR INDEX (điểm) | ≥ 87 | ≥ 88`). The lines read are handed back so that
the other readers do not read them again."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from extract.components import best_component, index_mentions
from extract.numbers import YEAR, fold, parse_number
from extract.result_scope import former_unit
from extract.result_table_context import RANK_ROW, TableContext, is_total_row
from extract.result_header_lines import EMPTY_CELL, Grid, cell_value, find_grid
from extract.result_index_columns import former_row_unit
from extract.result_table_lead import results_year, section_year
from extract.result_unit_columns import text_lines
from extract.schema import Evidence, IndexResult, IndexTarget

_ROW_ID = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]?\s+(?=\S)")
_GOAL_LABEL = re.compile(r"muc tieu|chi tieu|ke hoach|phan dau|du kien")
_RANK_LABEL = re.compile(r"\b(?:xep|thu)\s*h\S{0,3}ng\b|^h\S{0,3}ng\b|\bh\S{0,3}ng$|\bxep\s+thu\b")
_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}\.|\d+\.\d+\.|\d+\.\s)")
_GOAL_OF = {"≥": ">=", ">=": ">=", ">": ">", "≤": "<=", "<=": "<=", "<": "<"}


@dataclass
class _Column:
    label: str = ""  # the header lines' cells over it, top to bottom, folded
    index: Optional[str] = None
    unit: Optional[str] = None
    year: Optional[int] = None
    goal: bool = False
    metric: Optional[str] = None  # score, max_score, percent, rank
    out_of: Optional[float] = None  # `Điểm (/100)`: the scores' maximum


def _column(label: str) -> _Column:
    folded = " ".join(fold(label).split())
    named = list(dict.fromkeys(n for _, _, n in index_mentions(folded)))
    years = list(dict.fromkeys(int(y) for y in re.findall(rf"\b({YEAR})\b", folded)))
    if "toi da" in folded or "thang diem" in folded:
        metric = "max_score"
    elif _RANK_LABEL.search(folded):
        metric = "rank"
    elif re.search(r"\bd\S?em\s*/\s*(?:ty\s+le|%)", folded):
        metric = None  # `Điểm / tỷ lệ`: the row's index says (SIPAS a share, the others points)
    elif re.search(r"%|ty le", folded):
        metric = "percent"
    elif re.search(r"\bd\S?em\b", folded):
        metric = "score"
    else:
        metric = None
    out_of = re.search(r"\bd\S?em\s*\(\s*/\s*(\d{1,3})\s*\)", folded) if metric == "score" else None
    return _Column(label=folded, index=named[0] if len(named) == 1 else None,
                   out_of=float(out_of.group(1)) if out_of else None,
                   unit=former_unit(label, fold(label), 0, len(label)),
                   year=years[0] if len(years) == 1 else None, goal=bool(_GOAL_LABEL.search(folded)), metric=metric)


def _goals_only(grid: Grid) -> bool:
    cells = [c for _, row in grid.rows for c in row[1:] if not EMPTY_CELL.match(c.strip())]
    return bool(cells) and all(re.match(r"^\s*(?:≥|>=|>|≤|<=|<)", fold(c)) for c in cells)


@dataclass
class _Context:
    indices: tuple[str, ...]  # named by the lead-in or the heading above
    year: Optional[int]  # of the caption or lead-in, else of the section
    scope: Optional[str]  # a former unit a short heading right above names (`1. Tỉnh X (cũ)`)


def _context(lines: list[tuple[int, str]], top: int, year_of_section: Optional[int]) -> _Context:
    above = [raw for _, raw in lines[max(0, top - 6):top] if raw.strip()]
    # the caption or lead-in nearest the table first (`Bảng 1. Điểm số năm 2024` under `công bố năm 2025, ...`)
    year = next((y for y in (results_year(fold(raw)) for raw in reversed(above[-3:])) if y), None)
    indices: tuple[str, ...] = ()
    for raw in reversed(above):
        found = tuple(dict.fromkeys(n for _, _, n in index_mentions(fold(raw))))
        if found:
            indices = found
            break
    scope = None
    for raw in reversed(above[-2:]):
        if _HEADING.match(raw) and len(raw.strip()) < 60:
            scope = former_unit(raw, fold(raw), 0, len(raw))
            break
    return _Context(indices=indices, year=year or year_of_section, scope=scope)


@dataclass
class _RowIdentity:
    index: Optional[str] = None
    component: Optional[str] = None
    year: Optional[int] = None
    unit: Optional[str] = None
    metric: Optional[str] = None
    ranks_of_row_above: bool = False


def _row_identity(label: str, columns: list[_Column], ctx: _Context) -> Optional[_RowIdentity]:
    """What a row's label says; None for a row that is none of the table's (`Bình quân huyện`, `Trung bình`)."""
    name = _ROW_ID.sub("", label.strip())
    folded = " ".join(fold(name).split())
    metric = ("rank" if _RANK_LABEL.search(folded) else "percent" if re.search(r"%|ty le", folded)
              else "score" if re.search(r"\(d\S?em\)", folded) else None)  # (`Xếp hạng PCI (/34)`: a row of ranks)
    year = re.fullmatch(rf"(?:n\S{{0,2}}m\s+)?({YEAR})", folded)
    if year:
        return _RowIdentity(year=int(year.group(1)))
    named = list(dict.fromkeys(n for _, _, n in index_mentions(folded)))
    if RANK_ROW.match(folded) and not named:
        return _RowIdentity(ranks_of_row_above=True, metric="rank")
    table_index = next((c.index for c in columns if c.index), None) or (ctx.indices[0] if len(ctx.indices) == 1 else None)
    if is_total_row(name):
        return _RowIdentity(index=table_index)
    unit_rows = TableContext(header=columns[0].label, indices=()).unit_rows
    if unit_rows:
        return _RowIdentity(unit=former_row_unit(unit_rows, name))
    unit = former_unit(name, fold(name), 0, len(name))
    if unit:
        return _RowIdentity(unit=unit)
    if len(named) == 1 and len(folded) < 40:
        return _RowIdentity(index=named[0], metric=metric)
    candidates = ctx.indices or tuple(dict.fromkeys(c.index for c in columns if c.index)) or (
        "PAR INDEX", "PAPI", "SIPAS", "PCI", "DTI")
    index, component, _ = best_component(name, candidates)
    if component:
        return _RowIdentity(index=index, component=component, metric=metric)
    return None


def _values(grid: Grid, ctx: _Context, page_of) -> tuple[list[IndexResult], list[IndexTarget]]:
    results: dict[tuple, dict] = {}
    evidence: dict[tuple, Evidence] = {}
    targets: list[IndexTarget] = []
    above: Optional[_RowIdentity] = None
    columns = [_column(label) for label in grid.labels]
    goal_years = any(c.goal for c in columns)
    years_in_columns = any(c.year for c in columns)
    units_in_columns = any(c.unit for c in columns)
    for off, cells in grid.rows:
        row = _row_identity(cells[0], columns, ctx)
        if row is None:
            above = None
            continue
        if row.ranks_of_row_above:
            if above is None:
                continue
            row = _RowIdentity(index=above.index, component=above.component, year=above.year, unit=above.unit,
                               metric="rank")
        else:
            above = row
        ev = Evidence(page=page_of(off) if page_of else None, text=" | ".join(cells)[:240])
        keys: list[tuple] = []
        shared: list[tuple[re.Match, str]] = []
        for column, cell in zip(columns[1:], cells[1:]):
            m = cell_value(cell)
            if not m or not (column.index or column.year or column.metric or column.unit or column.goal
                             or m.group("cmp") or row.index):
                continue  # a column that says nothing of an index (`Dân số (người)`) beside unit rows
            index = column.index or row.index or (ctx.indices[0] if len(ctx.indices) == 1 else None)
            if index is None:
                continue
            component = row.component if row.index in (None, index) else None
            metric = _metric(row.metric, column.metric, index)
            if (column.year is None and row.year is None and years_in_columns
                    or column.unit is None and row.unit is None and units_in_columns and metric == "max_score") \
                    and not m.group("cmp"):
                shared.append((m, metric))  # `Điểm tối đa` beside `Năm 2022 | Năm 2023` (or units): of every one
                continue
            year = row.year or column.year or (None if goal_years else ctx.year)
            scope = row.unit or column.unit or ctx.scope
            if m.group("cmp") or column.goal:
                target = _target(m, index, component, year, metric, ev)
                if target is not None:
                    targets.append(target)
                continue
            key = (index, component, year, scope)
            keys.append(key)
            got = results.setdefault(key, {})
            evidence.setdefault(key, ev)
            if m.group("rank"):
                got.setdefault("rank", int(m.group("rank")))
                got.setdefault("rank_total", int(m.group("total")))
            elif metric == "rank":
                got.setdefault("rank", int(parse_number(m.group("number")) or 0) or None)
            else:
                got.setdefault(metric, parse_number(m.group("number")))
                if metric == "score" and column.out_of:
                    got.setdefault("max_score", column.out_of)
        for key in dict.fromkeys(keys):
            for m, metric in shared:
                if m.group("number") and metric not in ("rank", None):
                    results[key].setdefault(metric, parse_number(m.group("number")))
    out = []
    for (index, component, year, scope), got in results.items():
        if not any(got.get(f) is not None for f in ("score", "percent", "rank")):
            continue  # a maximum alone is no result
        out.append(IndexResult(index=index, component=component, year=year, scope=scope,
                               evidence=evidence[(index, component, year, scope)], **got))
    return out, targets


def _metric(of_row: Optional[str], of_column: Optional[str], index: str) -> str:
    """A rank row's cells are ranks; `SIPAS (%)` under `Điểm` is a percentage; else the column says."""
    if of_row == "rank" or of_column in ("rank", "max_score"):
        metric = "rank" if of_row == "rank" else of_column
    else:
        metric = of_row or of_column or ("percent" if index == "SIPAS" else "score")
    return "percent" if index == "SIPAS" and metric == "score" else metric


def _target(m: re.Match, index: str, component: Optional[str], year: Optional[int], metric: str,
            ev: Evidence) -> Optional[IndexTarget]:
    if year is None or not m.group("cmp"):
        return None  # a bare number under `Mục tiêu`: a floor or a point is not said
    comparator = _GOAL_OF[m.group("cmp")]
    if m.group("rank"):
        return IndexTarget(index=index, component=component, year=year, metric="rank", comparator=comparator,
                           value=float(m.group("rank")), out_of=float(m.group("total")), evidence=ev)
    return IndexTarget(index=index, component=component, year=year, metric=metric if metric != "max_score" else "score",
                       comparator=comparator, value=parse_number(m.group("number")), evidence=ev)


def header_grid_values(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                       ) -> tuple[list[IndexResult], list[IndexTarget], list[tuple[int, int]]]:
    """Results and targets of every table with a header over two lines or more (or of goals only) in `text`, and
    the (start, end) of the lines they were read from."""
    lines = text_lines(text)
    results: list[IndexResult] = []
    targets: list[IndexTarget] = []
    spans: list[tuple[int, int]] = []
    year_of_section: Optional[int] = None
    i = 0
    while i < len(lines):
        line = lines[i][1]
        if _HEADING.match(line):
            year_of_section = section_year(line, year_of_section)
        found = find_grid(lines, i) if line.strip() else None
        if found is None:
            i += 1
            continue
        grid, after = found
        if len(grid.header) < 2 and not (grid.header and _goals_only(grid)):
            i = after
            continue
        top = next(k for k, (off, _) in enumerate(lines) if off == grid.header[0][0])
        r, t = _values(grid, _context(lines, top, year_of_section), page_of)
        if r or t:
            results += r
            targets += t
            end_off, end_line = lines[after - 1]
            spans.append((grid.header[0][0], end_off + len(end_line)))
        i = after
    return results, targets, spans
