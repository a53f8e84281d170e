"""Results/targets tables: `STT | Lĩnh vực | Xếp hạng | Điểm | Điểm tối đa | Dự kiến tăng | Mục tiêu`.

A born-digital PDF flattens such a table row by row: the STT on its own line, the component name
wrapped over several lines, then the numbers (`39/63 9,2779 9,5 + 0,13 ≥ 9,40`). A ruled scan gives
cells. Both become `TableRow(label, tokens)`; the numbers are assigned to columns by their SHAPE
(`a/b` is a rank, `≥ x` a target, `+ x` an expected increase, bare numbers score then maximum), which
survives the header being jumbled by the text layer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.components import best_component, index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_index_columns import (ROWS_NAME_THEIR_UNIT, former_row_unit, index_column_results, index_columns,
                                          index_count)
from extract.result_scope import UNIT_SPELLING, UNIT_WORDS
from extract.result_table_lead import headed_without_number, one_value_row, section_year
from extract.schema import Evidence, IndexResult, IndexTarget

_TOKEN = rf"(?:\d{{1,3}}\s?/\s?\d{{1,3}}|(?:≥|>=|>|≤|<=)\s?{NUMBER}|[+-]\s?{NUMBER}|{NUMBER})"
_TAIL_RE = re.compile(rf"^(?P<label>.*?)(?P<nums>(?:(?<![\w,./]){_TOKEN}\s*)+)$")
_TOKEN_RE = re.compile(_TOKEN)
_WRAPPED_RE = re.compile(rf"^(?P<label>.*?)(?P<nums>(?:(?<![\w,./]){_TOKEN}\s+)+(?<![\w,./]){_TOKEN})"
                         rf"\s+(?P<rest>[^\W\d_][^\d≥≤<>+/]{{0,60}})$")
_ROW_ID_RE = re.compile(r"^\s*(\d{1,2}|[IVX]{1,4})(?:\.)?(?:\s+|$)")
_HEADING_RE = re.compile(r"^\s*(?:[IVX]{1,4}\.|\d+\.\d+\.|\d+\.\s+[A-ZĐÀ-Ỹ])")

# Header words (folded) that say a table holds index results/targets.
_RESULT_HEADER_CUES = ("xep hang", "muc tieu", "du kien", "diem", "ket qua", "hai long")  # `Tỷ lệ hài lòng năm 2024 (%)`
# a goal column: `Mục tiêu năm 2025`, `Phấn đấu năm 2024`, `Chỉ tiêu 2025`
_GOAL_COLUMN = r"(?:muc tieu|ke hoach|du kien|phan dau|chi tieu)"
_MAX_CUES = ("toi da", "bo tieu chi", "thang diem", "diem chuan")


@dataclass
class TableRow:
    label: str
    tokens: list[str]
    row_id: Optional[str] = None
    offset: int = 0  # in the document text (for the evidence page)
    text: str = ""


@dataclass
class TableContext:
    header: str  # header text, folded
    indices: tuple[str, ...]  # indices named in the heading or the sentence above the table
    rows: list[TableRow] = field(default_factory=list)
    scope: Optional[str] = None  # `... năm 2024 của tỉnh Hải Dương (cũ) và mục tiêu năm 2025:`
    intro_year: Optional[int] = None  # `Chỉ số CCHC năm 2024 của Sở đạt ... Kết quả theo lĩnh vực:` over a header without years
    title_index: Optional[str] = None  # the one index the plan's title names, if one
    section_year: Optional[int] = None  # the results year of the section heading above (`I. KẾT QUẢ NĂM 2023`)

    @property
    def unit_rows(self) -> Optional[str]:
        """`STT | Tỉnh (cũ) | Điểm | Xếp hạng`: one row per former unit (the rows are scopes, not components);
        under `Đơn vị (cũ)` each row names its own unit word."""
        m = re.search(rf"\b({UNIT_WORDS}|don\s+vi)\s*\((?:cu|cii)\)", self.header)
        if m and m.group(1).startswith("don"):
            return ROWS_NAME_THEIR_UNIT
        return UNIT_SPELLING[" ".join(m.group(1).split())] if m else None

    @property
    def header_index(self) -> Optional[str]:
        """`TT | Đơn vị (cũ) | Chỉ số CCHC (điểm) | Xếp hạng`: the one index the header names, if one."""
        named = {n for _, _, n in index_mentions(self.header)}
        return named.pop() if len(named) == 1 else None

    @property
    def in_percent(self) -> bool:
        """`Kết quả năm 2024 (%)`: bare numbers are percentages (SIPAS factors)."""
        return ("%" in self.header or "ty le" in self.header) and not self.ratio_column

    @property
    def ratio_column(self) -> bool:
        """`Điểm tối đa | Điểm đạt | Tỷ lệ (%)`: the percentage is the score's share of the maximum, a column
        of its own after the scores."""
        return self.has_max_column and bool(re.search(r"(?:ty le|%)(?!.*diem)", self.header))

    @property
    def has_max_column(self) -> bool:
        return any(c in self.header for c in _MAX_CUES)

    @property
    def max_first(self) -> bool:
        """The header names the maximum column before the score column."""
        at_max = min((self.header.find(c) for c in _MAX_CUES if c in self.header), default=-1)
        score = re.search(r"diem(?!\s+(?:toi da|theo bo|chuan))|ket qua|dat duoc", self.header)
        return at_max >= 0 and score is not None and at_max < score.start()

    def years(self) -> tuple[Optional[int], Optional[int]]:
        """(results year, target year) from the header (`Năm 2024 ... Mục tiêu Kế hoạch năm 2025`)."""
        ys = sorted({int(y) for y in re.findall(YEAR, self.header)})
        if not ys:
            return None, None
        if len(ys) > 1:  # results precede goals (a header split over lines mixes up the words)
            return ys[0], ys[-1]
        m = re.search(rf"{_GOAL_COLUMN}[^0-9]{{0,40}}({YEAR})", self.header)
        target = int(m.group(1)) if m else None
        result = ys[0] if ys[0] != target else None
        return result, target

    def result_years(self) -> list[int]:
        """`Năm 2023 (%) | Năm 2024 (%) | Mục tiêu năm 2025 (%)`: one results column per year, in header
        order; [] when the header names fewer than two results years."""
        goal = re.search(rf"{_GOAL_COLUMN}[^0-9]{{0,40}}({YEAR})", self.header)
        found = [int(m.group(1)) for m in re.finditer(rf"\b({YEAR})\b", self.header)
                 if not (goal and m.start(1) == goal.start(1))]
        found = list(dict.fromkeys(found))
        return found if len(found) >= 2 and not re.search(r"du kien|tang\s+(?:them|diem)", self.header) else []

    @property
    def change_column(self) -> bool:
        """`Tăng (+), giảm (-)`: signed numbers are last year's changes, not expected increases."""
        return "du kien" not in self.header and bool(re.search(r"tang\s*(?:\(\+\))?\s*[,/]\s*giam|chenh lech", self.header))


def split_numeric_tail(line: str) -> tuple[str, list[str]]:
    """`Cải cách thể chế 49/63 8,8974 10 + 0,7875 ≥ 9,68` -> (label, [numeric tokens]).
    A text layer may print the name's wrapped end after the numbers (`Công tác chỉ đạo, điều hành cải
    cách 39/63 6,0523 9,5 + 0,27 ≥6,32 hành chính`): it is put back at the end of the label."""
    m = _TAIL_RE.match(line.rstrip())
    if not m:
        w = _WRAPPED_RE.match(line.rstrip())
        if not w or len(_TOKEN_RE.findall(w.group("nums"))) < 3:
            return line.strip(), []
        label = f"{w.group('label').strip()} {w.group('rest').strip()}"
        return label.strip(), [t.strip() for t in _TOKEN_RE.findall(w.group("nums"))]
    return m.group("label").strip(), [t.strip() for t in _TOKEN_RE.findall(m.group("nums"))]


def is_results_header(folded: str) -> bool:
    # `TT | Yếu tố | Năm 2023 (%) | ... | Mục tiêu năm 2025 (%)`: a year column of components counts as a cue
    components = re.search(r"linh vuc|yeu to|chi so|tru cot|%", folded)
    year_columns = len(set(re.findall(YEAR, folded))) if components else 0
    score_columns = folded.count("diem") >= 2  # `Điểm tối đa | Điểm đạt`
    indices = index_count(index_columns(folded)) >= 2  # `Chỉ số PAR INDEX (%) | Chỉ số SIPAS (%)`: a column per index
    # `TT | Yếu tố | Tỷ lệ hài lòng (%)`: a column of components and one of their values
    valued_parts = bool(re.search(r"linh vuc|yeu to|tru cot|thanh phan", folded) and re.search(r"%|ty le|diem", folded))
    return (sum(c in folded for c in _RESULT_HEADER_CUES) + score_columns + min(year_columns, 2) + 2 * indices
            + valued_parts >= 2)


def rows_from_text(text: str, base: int = 0) -> list[TableContext]:
    """Results tables flattened into text lines (born-digital PDFs, `|`-separated synthetic text)."""
    from extract.result_context import title_text
    from extract.result_scope import own_units, scope_of

    tables: list[TableContext] = []
    lines = _lines_with_offsets(text, base)
    own = own_units(text)
    named = list(dict.fromkeys(n for _, _, n in index_mentions(title_text(fold(text)))))
    title_index = named[0] if len(named) == 1 else None
    heading_indices: tuple[str, ...] = ()
    intro: tuple[int, str] = (0, "")
    year_of_section: Optional[int] = None  # `I. KẾT QUẢ NĂM 2023`
    i = 0
    while i < len(lines):
        off, line = lines[i]
        f = fold(line)
        if not _starts_header(f) and not _header_without_number(lines, i):
            found = tuple(dict.fromkeys(n for _, _, n in index_mentions(f)))
            if found and (_HEADING_RE.match(line) or line.rstrip().endswith(":")):
                heading_indices = found
            if _HEADING_RE.match(line):
                year_of_section = section_year(line, year_of_section)
            intro = (off, line)
            i += 1
            continue
        header, i = _read_header(lines, i)
        if not is_results_header(header):
            continue
        scope = None
        if intro[1].rstrip().endswith(":") or _HEADING_RE.match(intro[1]):  # `I. KẾT QUẢ NĂM 2024 CỦA TỈNH X (CŨ)`
            # the sentence that leads into the table, not an earlier one on its line (`..., cao hơn phường X (90,10%).
            # Tỷ lệ hài lòng theo yếu tố:`)
            lead_in = max(intro[1].rfind(". "), intro[1].rfind(".) ")) + 1
            scope = scope_of(intro[1], fold(intro[1]), lead_in, len(intro[1]), own)
        table = TableContext(header=header, indices=heading_indices, scope=scope, intro_year=_intro_year(intro[1]),
                             title_index=title_index, section_year=year_of_section)
        i = _read_rows(lines, i, table)
        if table.rows:
            tables.append(table)
    return tables


def _intro_year(line: str) -> Optional[int]:
    """The results year the line above a table states (its first `năm YYYY` that is no comparison or goal:
    `năm 2024 ... và mục tiêu năm 2025:` is 2024)."""
    if not line.rstrip().endswith(":") and not _HEADING_RE.match(line):
        return None
    folded = fold(line)
    found = [int(m.group(1)) for m in re.finditer(rf"n\S{{0,2}}m\s+({YEAR})", folded)
             if not re.search(r"so voi|muc tieu|ke hoach|phan dau|den", folded[max(0, m.start() - 20):m.start()])]
    return found[0] if found else None


def _header_without_number(lines, i) -> bool:
    """`Chỉ số thành phần   Năm 2022   Năm 2023` over rows with numbers: a results header with no STT column."""
    line = lines[i][1]
    return (headed_without_number(line) and is_results_header(fold(line)) and i + 1 < len(lines)
            and len(split_numeric_tail(lines[i + 1][1])[1]) >= 2)


def _starts_header(folded_line: str) -> bool:
    # `ST` / `T` when a text layer splits the narrow STT column over two lines
    # `TT | Yếu tố | ...`: the narrow column headed `TT`; `Số TT`, `Số thứ tự`
    return bool(re.match(r"^\s*(?:st(?:t\b|\s{2,}\S)|tt\s|so\s+(?:tt|thu\s+tu)\b)", folded_line))


def _lines_with_offsets(text: str, base: int) -> list[tuple[int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        line = raw.replace("|", " ").strip()
        if line and not line.startswith("http") and line != "\f":
            out.append((base + pos, line))
        pos += len(raw) + 1
    return out


def _row_start(line: str) -> bool:
    label, tokens = split_numeric_tail(line)
    return bool(re.fullmatch(r"\d{1,2}|[IVX]{1,4}", line.strip())) or len(tokens) >= 2 or one_value_row(label, tokens)


def _read_header(lines, i) -> tuple[str, int]:
    parts = []
    while i < len(lines) and not _row_start(lines[i][1]) and len(parts) < 40:
        parts.append(lines[i][1])
        i += 1
    return fold(" ".join(parts)), i


def _read_rows(lines, i, table: TableContext) -> int:
    buf: list[tuple[int, str]] = []
    while i < len(lines):
        off, line = lines[i]
        f = fold(line)
        if _starts_header(f):
            if buf:  # prose, then a header: a new table (its intro line is in `buf`)
                return i - len(buf)
            _, i = _read_header(lines, i)  # the header repeated on the next page: same table
            continue
        if _HEADING_RE.match(line) and not _row_start(line) and not buf:
            return i
        nxt_tokens = split_numeric_tail(lines[i + 1][1]) if i + 1 < len(lines) else ("", [])
        after_name = bool(buf) and not re.fullmatch(r"\d{1,2}|[IVX]{1,4}", buf[-1][1])
        # a row's STT alone on its line (not a maximum `13` printed between the name and the score)
        if re.fullmatch(r"\d{1,2}|[IVX]{1,4}", line) and not (after_name and nxt_tokens[1] and not nxt_tokens[0]):
            buf.append((off, line))
            i += 1
            continue
        label, tokens = split_numeric_tail(line)
        if tokens and not label and buf:  # one cell per line: the row's numbers follow its name
            while i + 1 < len(lines):
                more_label, more = split_numeric_tail(lines[i + 1][1])
                if more_label or not more:
                    break
                nxt = lines[i + 2][1] if i + 2 < len(lines) else ""
                if re.fullmatch(r"\d{1,2}|[IVX]{1,4}", lines[i + 1][1]) and nxt and not split_numeric_tail(nxt)[1]:
                    break  # the next row's STT, followed by its name
                tokens += more
                i += 1
        if len(tokens) >= 2 or (tokens and not label and table.rows and not buf) or (one_value_row(label, tokens) and not buf):
            if not label and not buf and table.rows:  # numbers that wrapped below their row
                table.rows[-1].tokens.extend(tokens)
            else:
                start = buf[0][0] if buf else off
                full = " ".join([b for _, b in buf] + [label])
                table.rows.append(_make_row(full, tokens, start))
                buf = []
        else:
            if len(buf) > 12:  # a long run of prose: the table has ended
                return i - len(buf)
            buf.append((off, line))
        i += 1
    return i - len(buf)


def _make_row(label: str, tokens: list[str], offset: int) -> TableRow:
    m = _ROW_ID_RE.match(label)
    row_id = None
    if m:
        row_id = m.group(1)
        label = label[m.end():]
    label = " ".join(label.split())
    return TableRow(label=label, tokens=tokens, row_id=row_id, offset=offset,
                    text=" ".join(filter(None, [row_id, label] + tokens)))


def rows_from_grid(grid: list[list[str]]) -> Optional[TableContext]:
    """A results table from OCR'd cells: header rows first, then one TableRow per data row."""
    header_rows, body = [], []
    for cells in grid:
        joined = " ".join(c for c in cells if c)
        if not body and not any(_TOKEN_RE.fullmatch(c.strip()) for c in cells if c.strip()):
            header_rows.append(joined)
        else:
            body.append(cells)
    header = fold(" ".join(header_rows))
    if not is_results_header(header):
        return None
    table = TableContext(header=header, indices=())
    for cells in body:
        label_parts, tokens = [], []
        for c in cells:
            lab, toks = split_numeric_tail(c)
            if toks and not lab:
                tokens.extend(toks)
            elif c.strip():
                label_parts.append(c.strip())
        if tokens:
            table.rows.append(_make_row(" ".join(label_parts), tokens, 0))
    return table if table.rows else None


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


def assign_columns(tokens: list[str], has_max: bool, max_first: bool = False, ratio: bool = False) -> RowValues:
    v = RowValues()
    plain: list[float] = []
    for t in tokens:
        if "/" in t:
            a, b = (int(x) for x in re.findall(r"\d+", t))
            v.rank, v.rank_total = a, b
        elif t[0] in "≥><≤":
            v.target = parse_number(re.sub(r"^[≥><≤=]+", "", t))
            v.target_cmp = {"≥": ">=", ">": ">", "≤": "<=", "<": "<"}.get(t[0], ">=")
            if t.startswith(">="):
                v.target_cmp = ">="
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
                          (r"\bTTHC\b", "thủ tục hành chính"))


def _expand(label: str) -> str:
    for rx, full in _DISPLAY_ABBREVIATIONS:
        label = re.sub(rx, full, label)
    return label


def _row_identity(row: TableRow, candidates, parent) -> tuple[Optional[str], Optional[str], bool]:
    """(index, component, is_main_row). A row under a component that names none of its own
    (`Điểm thực hiện`, `Điều tra XHH`) is that component's part: `<component> - <label>`."""
    folded = fold(row.label)
    named = index_mentions(folded)
    if named and len(folded) < 40:
        return named[0][2], None, False
    index, component, _ = best_component(row.label, candidates)
    if component:
        return index, component, True
    if parent is not None and row.label and not row.row_id:
        return parent[0], f"{parent[1]} - {_expand(row.label)}", False
    if row.row_id and row.label and candidates:
        return candidates[0], row.label, True
    return None, None, False


def _values_by_year(tokens: list[str], table: TableContext) -> list[tuple[int, float]]:
    """Bare numbers of a row under one results column per year (`86,20 | 88,45 | ≥ 90`), the maximum
    column left out; [] when the header has one results year or the count does not fit."""
    years = table.result_years()
    plain = [parse_number(t) for t in tokens if "/" not in t and t[0] not in "≥><≤+-"]
    if not years or None in plain:
        return []
    if table.has_max_column and len(plain) == len(years) + 1:
        # `Điểm tối đa | Năm 2023 | Năm 2024`: the maximum column stands before or after the years
        at_max = min(table.header.find(c) for c in _MAX_CUES if c in table.header)
        plain = plain[1:] if at_max < table.header.find(str(years[0])) else plain[:-1]
    return list(zip(years, plain)) if len(plain) == len(years) else []


def table_values(table: TableContext, doc) -> tuple[list[IndexResult], list[IndexTarget], list[str]]:
    """Results and targets of one table; rows that name no component, index or parent are skipped."""
    results, targets, warnings = [], [], []
    year, target_year = table.years()
    if year is None and target_year is None:
        year = table.intro_year
    if year is None and table.section_year != target_year:
        year = table.section_year
    candidates = table.indices or ("PAR INDEX", "PAPI", "SIPAS", "PCI", "DTI")
    parent = None
    columns = index_columns(table.header)
    for row in table.rows:
        if columns:
            ev = Evidence(page=doc.page_of(row.offset) if doc is not None else None, text=row.text[:240])
            results += index_column_results(row, columns, year, table.scope, table.unit_rows, ev)
            continue
        index, component, main = _row_identity(row, candidates, parent)
        scope = table.scope
        unit_index = table.header_index or (table.indices or (table.title_index,))[0]
        if table.unit_rows and unit_index and row.label:
            index, component, main = unit_index, None, False
            scope = former_row_unit(table.unit_rows, row.label)
            if scope is None:
                continue
        if index is None:
            continue
        if main:
            parent = (index, component)
        v = assign_columns(row.tokens, table.has_max_column, table.max_first, table.ratio_column)
        ev = Evidence(page=doc.page_of(row.offset) if doc is not None else None, text=row.text[:240])
        if table.change_column:
            v.increase = None
        by_year = _values_by_year(row.tokens, table)
        if by_year:
            plain = [parse_number(t) for t in row.tokens if "/" not in t and t[0] not in "≥><≤+-"]
            v.max_score = next((n for n in plain if n not in [x for _, x in by_year]), None) if table.has_max_column else None
            results += [IndexResult(index=index, component=component, year=y, scope=scope, evidence=ev,
                                    **({"percent": n} if table.in_percent else {"score": n, "max_score": v.max_score}))
                        for y, n in by_year]
            v.score = v.rank = v.increase = None
        if table.in_percent or "%" in row.label:  # `SIPAS (%)` in a table of indices
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
        if v.target is not None:
            targets.append(IndexTarget(index=index, component=component, year=target_year, metric="score",
                                       comparator=v.target_cmp, value=v.target, out_of=v.max_score, evidence=ev))
    return results, targets, warnings
