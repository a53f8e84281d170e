"""Results/targets tables: the values of each row, told by the SHAPE of its numbers (`a/b` is a rank, `≥ x` a
target, `+ x` an expected increase, bare numbers score then maximum), which survives the header being jumbled
by the text layer. The tables themselves are read in `extract/result_table_text.py` (rows) over
`extract/result_table_context.py` (what the header says)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.components import best_component, index_mentions, match_component
from extract.numbers import YEAR, fold, parse_number
from extract.result_index_columns import ROWS_NAME_THEIR_UNIT, former_row_unit, index_column_results, index_columns
from extract.result_scope import former_unit_named
from extract.result_table_context import (MAX_CUES, SCORE_COLUMN, TableContext, TableRow, is_total_row, plain_tokens,
                                          ranked_indices, split_numeric_tail, stated_max)
from extract.result_table_text import rows_from_grid, rows_from_text
from extract.schema import Evidence, IndexResult, IndexTarget

__all__ = ["RowValues", "assign_columns", "expand_short_forms", "rows_from_grid", "rows_from_text", "split_numeric_tail", "table_values"]


@dataclass
class RowValues:
    rank: Optional[int] = None
    rank_total: Optional[int] = None
    score: Optional[float] = None
    max_score: Optional[float] = None
    increase: Optional[float] = None
    target: Optional[float] = None
    target_cmp: str = ">="
    percent: Optional[float] = None


def _goal(token: str) -> tuple[str, Optional[float]]:
    """`≥ 9,40` -> (`>=`, 9.4); `>= 90` -> (`>=`, 90.0); `< 5` -> (`<`, 5.0)."""
    cmp = ">=" if token.startswith(">=") else {"≥": ">=", ">": ">", "≤": "<=", "<": "<"}.get(token[0], ">=")
    return cmp, parse_number(re.sub(r"^[≥><≤=]+", "", token))


def assign_columns(tokens: list[str], has_max: bool, max_first: bool = False, ratio: bool = False) -> RowValues:
    v = RowValues()
    plain: list[float] = []
    for t in tokens:
        if "/" in t:
            a, b = (int(x) for x in re.findall(r"\d+", t))
            v.rank, v.rank_total = a, b
        elif t[0] in "≥><≤":
            v.target_cmp, v.target = _goal(t)
        elif t[0] in "+-":
            v.increase = parse_number(t)
        else:
            n = parse_number(t)
            if n is not None:
                plain.append(n)
    order = ["score", "max_score", "percent" if ratio else "increase"] if has_max else ["score", "increase"]
    if has_max and max_first and len(plain) >= 2 and plain[0] > plain[1]:
        # `Điểm tối đa | Điểm đạt`: the maximum printed first (the header alone is not trusted: text
        # layers jumble it; a score above its maximum confirms the order)
        plain[0], plain[1] = plain[1], plain[0]
    for name, n in zip(order, plain):
        if getattr(v, name) is None:
            setattr(v, name, n)
    return v


_DISPLAY_ABBREVIATIONS = ((r"\bXHH\b", "xã hội học"), (r"\bCCHC\b", "cải cách hành chính"),
                          (r"\bTTHC\b", "thủ tục hành chính"), (r"\bANTT\b", "an ninh trật tự"), (r"\s&\s", " và "))


def expand_short_forms(label: str) -> str:
    for rx, full in _DISPLAY_ABBREVIATIONS:
        label = re.sub(rx, full, label)
    return label


_ALL_INDICES = ("PAR INDEX", "PAPI", "SIPAS", "PCI", "DTI")


def _row_indices(table: TableContext) -> tuple[str, ...]:
    """The indices the rows' labels are matched against: those the lead-in names, first the one whose components the
    rows name when it is another (`Chỉ số SIPAS của huyện đạt 84,90%. Kết quả theo lĩnh vực như sau:` over `Cải cách
    thể chế`, `Cải cách chế độ công vụ`, ...: PAR INDEX's fields)."""
    if not table.indices or re.search(r"\btieu\s+chi\b", table.header):
        return table.indices or _ALL_INDICES  # (criteria of a field: their names echo other indices' parts)
    def rows_of(idx: str) -> int:  # rows naming one of the index's parts closely
        return sum(1 for r in table.rows if match_component(r.label, idx, min_score=90.0)[0])
    named = max(rows_of(idx) for idx in table.indices)
    other = max((idx for idx in _ALL_INDICES if idx not in table.indices), key=rows_of)
    switch = rows_of(other) >= 3 and rows_of(other) > 2 * named and 3 * rows_of(other) >= 2 * len(table.rows)
    return (other,) + tuple(table.indices) if switch else table.indices


def _row_identity(row: TableRow, candidates, parent) -> tuple[Optional[str], Optional[str], bool]:
    """(index, component, is_main_row). A row under a component that names none of its own
    (`Điểm thực hiện`, `Điều tra XHH`) is that component's part: `<component> - <label>`."""
    folded = fold(row.label)
    named = index_mentions(folded)
    if named and len(folded) < 40:
        return named[0][2], None, False
    index, component, _ = best_component(row.label, candidates)
    if not component:  # a narrow column's short forms (`Thiết chế pháp lý & ANTT`)
        index, component, _ = best_component(expand_short_forms(row.label), candidates)
    if component:
        return index, component, True
    if parent is not None and row.label and not row.row_id:
        return parent[0], f"{parent[1]} - {expand_short_forms(row.label)}", False
    if row.row_id and row.label and candidates:
        return candidates[0], row.label, True
    return None, None, False


_RANK_COLUMN = re.compile(rf"\b(?:xep|thu)\s*h\S{{0,3}}ng\b(?:[^|\d]{{0,20}}?({YEAR}))?")


def _rank_of_year(tokens: list[str], header: str, read: list[IndexResult], has_max: bool = False) -> None:
    """`Năm 2020 | Năm 2021 | Tăng/giảm | Xếp hạng 2021` over `6,85 | 6,40 | -0,45 | 48/63`: the one rank of the row
    goes to the year its column names (else to the latest year read)."""
    ranks = [t for t in tokens if re.fullmatch(r"\d{1,3}\s*/\s*\d{1,3}", t)]
    column = _RANK_COLUMN.search(header)
    if not column or not read:
        return
    if not ranks and _bare_rank_last(tokens, header, len(read), has_max):
        # `2020 | 2021 | 2022 | Xếp hạng 2022` over `7,02 | 6,85 | 7,11 | 30`: no total printed
        ranks = [[t for t in tokens if t[0] not in "+-"][-1]]
    years = sorted({r.year for r in read if r.year})
    if len(ranks) > 1 and len(ranks) == len(years) == len(_RANK_COLUMN.findall(header)):
        # `Năm 2022 | Năm 2023` over `Điểm | Xếp hạng | Điểm | Xếp hạng`: a rank per year, in the years' order
        for year, rank in zip(years, ranks):
            numbers = [int(x) for x in re.findall(r"\d+", rank)]
            for r in read:
                if r.year == year and r.rank is None:
                    r.rank, r.rank_total = numbers[0], numbers[1]
        return
    if len(ranks) != 1:
        return
    year = int(column.group(1)) if column.group(1) else max(r.year or 0 for r in read)
    numbers = [int(x) for x in re.findall(r"\d+", ranks[0])]
    for r in read:
        if r.year == year and r.rank is None:
            r.rank, r.rank_total = numbers[0], (numbers[1] if len(numbers) > 1 else None)


def _bare_rank_last(tokens: list[str], header: str, years: int, has_max: bool = False) -> bool:
    """The row's last number is a rank without its total: one number more than year columns, an integer, under a
    rank column that closes the header."""
    column = _RANK_COLUMN.search(header)
    plain = plain_tokens(tokens)
    unsigned = [t for t in tokens if t[0] not in "+-"]  # (a change column's `+0,07` aside)
    # (under a maximum column the row holds one more number: `13 | 12,5 | 13 |` has no rank)
    return bool(column and len(plain) == len(unsigned) == years + 1 + has_max and re.fullmatch(r"\d{1,3}", plain[-1])
                and not re.search(rf"\b{YEAR}\b", _RANK_COLUMN.sub("", header[column.start():])))


def _values_by_year(tokens: list[str], table: TableContext) -> list[tuple[int, float]]:
    """Bare numbers of a row under one results column per year (`86,20 | 88,45 | ≥ 90`), the maximum
    column left out; [] when the header has one results year or the count does not fit."""
    years = table.result_years()
    plain = [parse_number(t) for t in plain_tokens(tokens)]
    if not years or None in plain:
        return []
    if _bare_rank_last(tokens, table.header, len(years), table.has_max_column):
        plain = plain[:-1]
    if table.has_max_column and len(plain) == len(years) + 1:
        # `Điểm tối đa | Năm 2023 | Năm 2024`: the maximum column stands before or after the years
        at_max = min(table.header.find(c) for c in MAX_CUES if c in table.header)
        plain = plain[1:] if at_max < table.header.find(str(years[0])) else plain[:-1]
    return list(zip(years, plain)) if len(plain) == len(years) else []


_FORMER_BEFORE = re.compile(r"((?:[^\s()|]+\s+){0,3}[^\s()|]+)\s*\((?:cũ|cu|cii)\)\s*(?:[Nn]ăm|[Nn]am)?\s*$")


def _year_column_units(table: TableContext, doc) -> dict[int, str]:
    """`Đồng Nai (cũ) 2024 | Đồng Nai 2025`: the former unit named right before a year column's year (the unit word the
    document gives it elsewhere); when one column names one, the others are the plan's own unit's."""
    out: dict[int, str] = {}
    if doc is None or "(" not in table.raw_header:
        return out
    doc_folded = fold(doc.text)
    prev = 0
    for m in re.finditer(rf"\b({YEAR})\b", table.raw_header):
        named = _FORMER_BEFORE.search(table.raw_header, prev, m.start())
        words = named.group(1).split() if named else []
        # the longest tail of the words before `(cũ)` that the document names as a unit (`Đồng Nai`, not `phần Đồng Nai`)
        unit = next((u for k in range(len(words)) if (u := former_unit_named(doc_folded, " ".join(words[k:]) + " (cũ)"))),
                    None)
        if unit:
            out[int(m.group(1))] = unit
        prev = m.end()
    return out


def _ranks_row(label: str, above: list[IndexResult]) -> bool:
    """The row gives the ranks of the index's row above it, year by year: `Xếp hạng`, or `PAR INDEX (xếp hạng)`
    under `PAR INDEX (điểm)`."""
    named = ranked_indices(label)
    return bool(above) and named is not None and named <= {above[0].index}


def table_values(table: TableContext, doc) -> tuple[list[IndexResult], list[IndexTarget], list[str]]:
    """Results and targets of one table; rows that name no component, index or parent are skipped."""
    results, targets, warnings = [], [], []
    year, target_year = table.years()
    if year is None and target_year is None:
        year = table.intro_year
    if year is None and table.section_year != target_year:
        year = table.section_year
    candidates = _row_indices(table)
    parent = None
    parts_of: set[str] = set()  # the indices of the component rows read
    scopes: Optional[dict[int, str]] = None  # the former unit a year column names
    whole_by_year: list[IndexResult] = []  # the index's own results of the row above, one per year column
    columns = index_columns(table.header)
    for row in table.rows:
        if columns:
            ev = Evidence(page=doc.page_of(row.offset) if doc is not None else None, text=row.text[:240])
            results += index_column_results(row, columns, year, table.scope, table.unit_rows, ev)
            continue
        ranks = [t for t in row.tokens if "/" in t]
        if _ranks_row(fold(row.label), whole_by_year) and len(ranks) == len(row.tokens) == len(whole_by_year):
            # `Điểm PCI | 68,74 | 69,30` over `Xếp hạng | 13/63 | 11/34`: the ranks of the index's row above, year by year
            for r, t in zip(whole_by_year, ranks):
                r.rank, r.rank_total = (int(x) for x in re.findall(r"\d+", t))
            whole_by_year = []
            continue
        index, component, main = _row_identity(row, candidates, parent)
        scope = table.scope
        unit_index = table.header_index or (table.indices or (table.title_index,))[0]
        if is_total_row(row.label) and (unit_index or len(parts_of) == 1):
            # `Tổng cộng | 100 | 87,65`: the index's own result (the one all rows above are parts of, before the
            # index a heading names among others)
            index, component, main = next(iter(parts_of)) if len(parts_of) == 1 else unit_index, None, False
        if table.unit_rows and unit_index and row.label:
            index, component, main = unit_index, None, False
            scope = former_row_unit(table.unit_rows, row.label)
            if scope is None:
                continue
        elif unit_index and re.search(r"\((?:cu|cii)\)\s*$", fold(row.label)):
            # `Cơ quan | Điểm đạt | Xếp hạng` over `Sở Tài nguyên và Môi trường tỉnh X (cũ)`: a row per former unit
            former = former_row_unit(ROWS_NAME_THEIR_UNIT, row.label)
            if former:
                index, component, main, scope = unit_index, None, False, former
        if index is None:
            continue
        if component:
            parts_of.add(index)
        if main:
            parent = (index, component)
        tokens, bare_rank = _bare_rank_cell(row.tokens, table)
        v = assign_columns(tokens, table.has_max_column, table.max_first, table.ratio_column)
        if bare_rank:
            v.rank, v.rank_total = bare_rank
        # `Chỉ số nội dung (tối đa 10 điểm)` over the parts, `Tổng điểm (thang điểm 80)` on the row itself
        label_max = stated_max(fold(row.label)) or ((stated_max(table.header) or table.lead_max) if component else None)
        if v.max_score is None and v.score is not None:
            v.max_score = label_max
        goals = [t for t in row.tokens if t[0] in "≥><≤"]
        plain_count = len(plain_tokens(row.tokens))
        only_goals = goals and plain_count == 1 and not any(t[0] in "+-" for t in row.tokens)
        # (a row whose maximum cell is blank under a results column keeps its result: `| SIPAS (%) | | 85,10 | ≥ 87 |`)
        no_results_column = not SCORE_COLUMN.search(table.header) and not table.in_percent and "%" not in row.label
        if (table.only_max_and_goals and plain_count <= 2 or table.has_max_column and only_goals and no_results_column) \
                and v.max_score is None:
            v.score, v.max_score = None, v.score  # `Điểm tối đa | Năm 2026 | Năm 2030` over `15 | ≥ 13,0 | ≥ 14,0`
        elif table.only_max_and_goals and plain_count == 2 and target_year and v.target is None \
                and None not in (v.score, v.max_score):
            # `Điểm tối đa | Mục tiêu 2025` over `12 | 11,80`: a goal printed bare, never above its maximum
            v.target, v.target_cmp = min(v.score, v.max_score), ">="
            v.score, v.max_score = None, max(v.score, v.max_score)
        ev = Evidence(page=doc.page_of(row.offset) if doc is not None else None, text=row.text[:240])
        if table.change_column:
            v.increase = None
        # SIPAS is a share of satisfied people: its bare numbers are percentages whatever the header says
        in_percent = table.in_percent or (index == "SIPAS" and not table.has_max_column)
        by_year = _values_by_year(row.tokens, table)
        if by_year:
            plain = [parse_number(t) for t in plain_tokens(row.tokens)]
            v.max_score = next((n for n in plain if n not in [x for _, x in by_year]), None) if table.has_max_column \
                else label_max
            scopes = _year_column_units(table, doc) if scopes is None else scopes
            # (SIPAS rows with their maximum cell blank under `Điểm tối đa`: rates, `CHỈ SỐ SIPAS (%)`)
            as_percent = in_percent or index == "SIPAS" and v.max_score is None
            read = [IndexResult(index=index, component=component, year=y, scope=scopes.get(y) if scopes else scope, evidence=ev,
                                **({"percent": n} if as_percent else {"score": n, "max_score": v.max_score}))
                    for y, n in by_year]
            results += read
            _rank_of_year(row.tokens, table.header, read, table.has_max_column)
            whole_by_year = read if component is None else []
            v.score = v.rank = v.increase = None
        if in_percent or "%" in row.label:  # `SIPAS (%)` in a table of indices
            if v.score is not None or v.rank is not None:
                results.append(IndexResult(index=index, component=component, year=year, scope=scope,
                                           percent=v.score, rank=v.rank, rank_total=v.rank_total, evidence=ev))
            if v.target is not None:
                targets.append(IndexTarget(index=index, component=component, year=target_year, metric="percent",
                                           comparator=v.target_cmp, value=v.target, evidence=ev))
            continue
        if any(x is not None for x in (v.score, v.rank)):
            results.append(IndexResult(index=index, component=component, year=year, scope=scope,
                                       score=v.score, max_score=v.max_score, percent=v.percent, rank=v.rank,
                                       rank_total=v.rank_total, evidence=ev))
        if v.increase is not None:
            targets.append(IndexTarget(index=index, component=component, year=target_year, metric="score_increase",
                                       comparator="=", value=v.increase, out_of=v.max_score, evidence=ev))
        goal_years = _goal_years(table, len(goals)) if v.score is None and v.rank is None else []
        if goal_years:  # one goal per year column
            for y, (cmp, value) in zip(goal_years, map(_goal, goals)):
                targets.append(IndexTarget(index=index, component=component, year=y, metric="score", comparator=cmp,
                                           value=value, out_of=v.max_score, evidence=ev))
        elif v.target is not None:
            targets.append(IndexTarget(index=index, component=component, year=target_year, metric="score",
                                       comparator=v.target_cmp, value=v.target, out_of=v.max_score, evidence=ev))
    return results, targets, warnings



# a header closing on its rank column, the number ranked maybe said (`Điểm tối đa | Điểm đạt | Xếp hạng (/63)`)
_RANK_COLUMN_LAST = re.compile(r"(?:^|\s{2,})(?:xep|thu)\s*h\S{0,3}ng(?:\s*\(\s*(?:/|tren)\s*(\d{1,3})\s*\))?\s*$")


def _bare_rank_cell(tokens: list[str], table: TableContext) -> tuple[list[str], Optional[tuple[int, Optional[int]]]]:
    """`12 | 11,50 | 4` under `Điểm tối đa | Điểm đạt | Xếp hạng (/63)`: the last cell a place without its total
    (the header's, if it says one); only in a table of one results column, the row holding one number per column."""
    column = _RANK_COLUMN_LAST.search(table.header)
    if column and re.search(r"\b(?:tang|giam|chenh)\b", table.header[max(0, column.start() - 16):column.start()]):
        column = None  # `Tăng/giảm thứ hạng`: a change of places
    if not column or table.result_years() or any(t[0] in "≥><≤+-" or "/" in t for t in tokens):
        return tokens, None
    if len(tokens) != 2 + table.has_max_column or not re.fullmatch(r"\d{1,3}", tokens[-1]):
        return tokens, None
    rank, total = int(tokens[-1]), int(column.group(1)) if column.group(1) else None
    if rank == 0 or total is not None and rank > total:
        return tokens[:-1], None  # (a place beyond the number ranked: an OCR slip, no value of another column)
    return tokens[:-1], (rank, total)


def _goal_years(table: TableContext, count: int) -> list[int]:
    """The years of the header when the row holds one goal per year (`Năm 2026 | Năm 2030` over `≥ 13,0 | ≥ 14,0`)."""
    years = list(dict.fromkeys(int(y) for y in re.findall(rf"\b({YEAR})\b", table.header)))
    return years if count >= 2 and len(years) == count else []
