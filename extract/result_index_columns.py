"""Tables with one column per index (`STT | Đơn vị trước hợp nhất | Chỉ số PAR INDEX (%) | Chỉ số SIPAS (%) |
Chỉ số PAPI (điểm)`): each row is a unit (a former one: the scope) or a year, each number the value of its
column's index. A rank column (`Chỉ số CCHC (điểm) | Xếp hạng | SIPAS (%)`) is the rank of the index before it.
Rows that say neither whose nor which year the values are are left out."""
from __future__ import annotations

import re
from typing import Optional

from extract.components import index_mentions
from extract.numbers import YEAR, fold, parse_number
from extract.schema import Evidence, IndexResult

# a row of an average or a total (`Bình quân cả nước`, `Trung bình 2 tỉnh`, `Toàn quốc`, `Tổng`)
_AVERAGE_OR_WHOLE = re.compile(r"\b(?:binh\s+quan|trung\s+binh|ca\s+nuoc|toan\s+quoc|tong)\b")
# `Xếp hạng`, `Thứ hạng` (English-model OCR: `Xep ha.ng`)
_RANK_COLUMN = re.compile(r"\b(?:xep|thu)\s*h\S{0,3}ng\b")
# `Đơn vị (cũ)`, `Đơn vị trước sắp xếp`: each row names its own unit word (`Xã Ia Sao`)
ROWS_NAME_THEIR_UNIT = "đơn vị"


def index_columns(header: str) -> list[tuple[str, str]]:
    """(index, metric) per column, in header order, when the folded header names two or more indices once
    each. The metric is `percent` when `%` or `tỷ lệ` follows the index before the next column (SIPAS unless it
    says points), `score` otherwise, `rank` for a ranking column (the index named before it)."""
    # `Điểm PCI 2024 | Xếp hạng PCI | Điểm DTI 2024 | Xếp hạng DTI`: an index named again by its rank column (in the
    # same cell: one space apart, where cells are two or more apart)
    # (`Chỉ số CCHC Xếp hạng DTI Xếp hạng`: an index not named before starts a column of its own)
    found: list = []
    for m in index_mentions(header):
        if not (re.search(r"(?:xep|thu) ?h\S{0,3}ng (?:chi s\S )?$", header[max(0, m[0] - 24):m[0]])
                and any(n == m[2] for _, _, n in found)):
            found.append(m)
    names = [n for _, _, n in found]
    if len(names) < 2 or len(set(names)) != len(names):
        return []
    ranks = [m.start() for m in _RANK_COLUMN.finditer(header) if m.start() > found[0][1]]
    starts = sorted([a for a, _, _ in found[1:]] + ranks) + [len(header)]
    columns = []
    for a, b, n in found:
        nxt = next(s for s in starts if s > a)
        percent = bool(re.search(r"%|ty le", header[b:nxt]) or n == "SIPAS" and not re.search(r"d\S?em", header[b:nxt]))
        columns.append((a, n, "percent" if percent else "score"))
    for r in ranks:
        columns.append((r, max((c for c in columns if c[0] < r and c[2] != "rank"), key=lambda c: c[0])[1], "rank"))
    return [(n, metric) for _, n, metric in sorted(columns)]


def index_count(columns: list[tuple[str, str]]) -> int:
    return len({n for n, _ in columns})


def former_row_unit(unit_rows: str, name: str) -> Optional[str]:
    """The former unit a row of a `Tỉnh (cũ)` / `Đơn vị (cũ)` column names (`Xã Ia Sao` -> `xã Ia Sao (cũ)`)."""
    from extract.result_scope import former_unit

    if unit_rows == ROWS_NAME_THEIR_UNIT:
        label = f"{name} (cũ)" if not re.search(r"\((?:cũ|cu|cii)\)\s*$", name) else name
        return former_unit(label, fold(label), 0, len(label))
    return f"{unit_rows} {name} (cũ)"


def _cell_values(tokens: list[str], columns: list[tuple[str, str]]) -> Optional[list]:
    """The row's tokens one to one with the columns: a rank column takes `6/13` or `6`, a value column a number."""
    if len(tokens) != len(columns) or any(t[0] in "≥><≤+-" for t in tokens):
        return None
    out = []
    for t, (_, metric) in zip(tokens, columns):
        if metric == "rank":
            m = re.fullmatch(r"(\d{1,3})(?:\s?/\s?(\d{1,3}))?", t)
            if not m:
                return None
            out.append((int(m.group(1)), int(m.group(2)) if m.group(2) else None))
        else:
            n = parse_number(t) if "/" not in t else None
            if n is None:
                return None
            out.append(n)
    return out


def index_column_results(row, columns: list[tuple[str, str]], year: Optional[int], scope: Optional[str],
                         unit_rows: Optional[str], ev: Evidence) -> list[IndexResult]:
    """One result per index of a row whose numbers match the columns one to one."""
    from extract.result_scope import former_unit

    values = _cell_values(row.tokens, columns)
    if values is None:
        return []
    folded = fold(row.label)
    if _AVERAGE_OR_WHOLE.search(folded):
        return []  # `Bình quân cả nước năm 2023`, `Trung bình 2 tỉnh`: not the unit's values
    own_year = re.search(rf"\b({YEAR})\b", folded)
    former = former_unit(row.label, folded, 0, len(row.label))
    if unit_rows and row.label:  # `Tỉnh (cũ)` column: the rows are former units
        name = row.label[:own_year.start()].rstrip() if own_year else row.label  # `Lào Cai năm 2024`
        name = re.sub(r"\s+n\S{0,2}m$", "", name, flags=re.I)
        former = former_row_unit(unit_rows, name) or former
    if not own_year and not former:
        return []  # neither a former unit nor a year: whose values these are is not said
    if own_year:
        year = int(own_year.group(1))
    if former:  # `Tỉnh Lào Cai (cũ) năm 2024`: both
        scope = former
    by_index: dict[str, dict] = {}
    for (index, metric), v in zip(columns, values):
        fields = by_index.setdefault(index, {})
        if metric == "rank":
            fields["rank"], fields["rank_total"] = v
        else:
            fields[metric] = v
    return [IndexResult(index=index, year=year, scope=scope, evidence=ev, **fields)
            for index, fields in by_index.items() if "score" in fields or "percent" in fields]
