"""Tables with one column per index (`STT | Đơn vị trước hợp nhất | Chỉ số PAR INDEX (%) | Chỉ số SIPAS (%) |
Chỉ số PAPI (điểm)`): each row is a unit (a former one: the scope) or a year, each number the value of its
column's index. Rows that say neither whose nor which year the values are are left out."""
from __future__ import annotations

import re
from typing import Optional

from extract.components import index_mentions
from extract.numbers import YEAR, fold, parse_number
from extract.schema import Evidence, IndexResult

# a row of an average or a total (`Bình quân cả nước`, `Trung bình 2 tỉnh`, `Toàn quốc`, `Tổng`)
_AVERAGE_OR_WHOLE = re.compile(r"\b(?:binh\s+quan|trung\s+binh|ca\s+nuoc|toan\s+quoc|tong)\b")


def index_columns(header: str) -> list[tuple[str, bool]]:
    """(index, in percent) per column, in header order, when the folded header names two or more indices once
    each; a column is in percent when `%` or `tỷ lệ` follows its index before the next one."""
    found = index_mentions(header)
    names = [n for _, _, n in found]
    if len(names) < 2 or len(set(names)) != len(names):
        return []
    ends = [a for a, _, _ in found[1:]] + [len(header)]
    # SIPAS is a satisfaction rate: in percent unless the column says points
    return [(n, bool(re.search(r"%|ty le", header[b:nxt]) or n == "SIPAS" and not re.search(r"d\S?em", header[b:nxt])))
            for (_, b, n), nxt in zip(found, ends)]


def index_column_results(row, columns: list[tuple[str, bool]], year: Optional[int], scope: Optional[str],
                         unit_rows: Optional[str], ev: Evidence) -> list[IndexResult]:
    """One result per column of a row whose numbers match the columns one to one."""
    from extract.result_scope import former_unit

    numbers = [parse_number(t) for t in row.tokens]
    if len(numbers) != len(columns) or None in numbers or any(t[0] in "≥><≤+-" or "/" in t for t in row.tokens):
        return []
    folded = fold(row.label)
    if _AVERAGE_OR_WHOLE.search(folded):
        return []  # `Bình quân cả nước năm 2023`, `Trung bình 2 tỉnh`: not the unit's values
    own_year = re.search(rf"\b({YEAR})\b", folded)
    former = former_unit(row.label, folded, 0, len(row.label))
    if unit_rows and row.label:  # `Tỉnh (cũ)` column: the rows are former units
        name = row.label[:own_year.start()].rstrip() if own_year else row.label  # `Lào Cai năm 2024`
        name = re.sub(r"\s+n\S{0,2}m$", "", name, flags=re.I)
        former = f"{unit_rows} {name} (cũ)"
    if not own_year and not former:
        return []  # neither a former unit nor a year: whose values these are is not said
    if own_year:
        year = int(own_year.group(1))
    if former:  # `Tỉnh Lào Cai (cũ) năm 2024`: both
        scope = former
    return [IndexResult(index=index, year=year, scope=scope, evidence=ev,
                        **({"percent": n} if percent else {"score": n}))
            for (index, percent), n in zip(columns, numbers)]
