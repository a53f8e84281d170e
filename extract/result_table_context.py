"""Results/targets tables: `STT | Lĩnh vực | Xếp hạng | Điểm | Điểm tối đa | Dự kiến tăng | Mục tiêu`.

A born-digital PDF flattens such a table row by row: the STT on its own line, the component name
wrapped over several lines, then the numbers (`39/63 9,2779 9,5 + 0,13 ≥ 9,40`). A ruled scan gives
cells. Both become `TableRow(label, tokens)` under a `TableContext` (the folded header and what stands
above it); this module holds those shapes and what the header says about its columns. The rows are read
in `extract/result_table_text.py`, their values in `extract/result_tables.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_index_columns import ROWS_NAME_THEIR_UNIT, index_columns, index_count
from extract.result_scope import UNIT_SPELLING, UNIT_WORDS
from extract.result_table_lead import CHANGE_COLUMN

_TOKEN = rf"(?:\d{{1,3}}\s?/\s?\d{{1,3}}|(?:≥|>=|>|≤|<=)\s?{NUMBER}|[+-]\s?{NUMBER}|{NUMBER})"
_TAIL_RE = re.compile(rf"^(?P<label>.*?)(?P<nums>(?:(?<![\w,./]){_TOKEN}\s*)+)$")
TOKEN_RE = re.compile(_TOKEN)
_WRAPPED_RE = re.compile(rf"^(?P<label>.*?)(?P<nums>(?:(?<![\w,./]){_TOKEN}\s+)+(?<![\w,./]){_TOKEN})"
                         rf"\s+(?P<rest>[^\W\d_][^\d≥≤<>+/]{{0,60}})$")
# a goal cell in words after the row's numbers (`8 | 7,50 | Giữ vững`): no number to read, no name's wrapped end
_GOAL_IN_WORDS_RE = re.compile(rf"^(?P<label>.*?)(?P<nums>(?:(?<![\w,./]){_TOKEN}\s+)+(?<![\w,./]){_TOKEN})\s+"
                               r"(?P<goal>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}|[^\W\d_]+\s+\d{1,2}\s+[^\W\d_]+)$")
# (and a change of rank in words in a last column: `Xếp hạng | 38/63 | 33/63 | tăng 5 bậc`)
_GOAL_WORDS = re.compile(r"^(?:giu|duy tri|khong giam|cai thien|on dinh|(?:tang|giam) \d{1,2} bac\b)\b")
_ROW_ID_RE = re.compile(r"^\s*(\d{1,2}|[IVX]{1,4})(?:\.)?(?:\s+|$)")

# Header words (folded) that say a table holds index results/targets.
# (`Giá trị`: the DTI's value column, `TT | Chỉ số chính | Giá trị | Xếp hạng`)
_RESULT_HEADER_CUES = ("xep hang", "muc tieu", "du kien", "diem", "ket qua", "hai long", "gia tri")  # `Tỷ lệ hài lòng năm 2024 (%)`
# a goal column: `Mục tiêu năm 2025`, `Phấn đấu năm 2024`, `Chỉ tiêu 2025`
_GOAL_COLUMN = r"(?:muc tieu|ke hoach|du kien|phan dau|chi tieu)"
# the row of a table's total (`Tổng cộng`, `Tổng điểm`): the index itself, not a component
# (`Tổng` alone that a restorer spelt `Trong`: no row is labelled `in`)
_TOTAL_ROW = re.compile(r"^(?:tong(?:\s+(?:cong|so|diem|so\s+diem))?|trong|cong|(?:tinh\s+)?chung)(?:\s*\([^)]{0,20}\))?$")
MAX_CUES = ("toi da", "bo tieu chi", "thang diem", "diem chuan")
# a row (or column) of ranks: `Xếp hạng`, `Thứ hạng`, `Hạng`; English OCR `Ha.ng`
RANK_ROW = re.compile(r"^(?:xep|thu)\s*h\S{0,3}ng\b|^h\S{0,3}ng\b")
# `PAR INDEX (xếp hạng)`, `PCI - Xếp hạng`: the rank row of the index named
_NAMED_RANK_ROW = re.compile(r"^(?P<name>.+?)\s*(?:\(\s*(?:xep|thu)\s*h\S{0,3}ng\s*\)|[-–:]?\s*(?:xep|thu)\s*h\S{0,3}ng)$")


def ranked_indices(label: str) -> Optional[set[str]]:
    """None when a row (folded label) gives no ranks; else the indices its label names (none: the row above's):
    `Xếp hạng`, `Xếp hạng Chỉ số CCHC`, `PAR INDEX (xếp hạng)`."""
    if RANK_ROW.match(label):
        return {n for _, _, n in index_mentions(label)}
    m = _NAMED_RANK_ROW.match(label)
    named = {n for _, _, n in index_mentions(m.group("name"))} if m else set()
    return named or None


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
    raw_header: str = ""  # the header as printed (names keep their capitals)
    lead_max: Optional[float] = None  # `Điểm các chỉ số nội dung (thang điểm 10) như sau:`: the parts' maximum
    header_lines: tuple[str, ...] = ()  # the header's lines as printed (space-aligned columns keep their places)

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
        return any(c in self.header for c in MAX_CUES) or self._total_of_hundred

    @property
    def max_first(self) -> bool:
        """The header names the maximum column before the score column (in a space-aligned header over two lines, by
        the columns' places: `Điểm    Điểm đạt` over `tối đa  năm 2025`)."""
        aligned = _aligned_max_first(self.header_lines)
        if aligned is not None:
            return aligned
        if self._total_of_hundred and not any(c in self.header for c in MAX_CUES):
            return True
        at_max = min((self.header.find(c) for c in MAX_CUES if c in self.header), default=-1)
        score = SCORE_COLUMN.search(self.header)
        return at_max >= 0 and score is not None and at_max < score.start()

    @property
    def _total_of_hundred(self) -> bool:
        """`Tổng cộng  100  86,05  +5,80  91,85` under a header OCR broke (`Điểm tối` / `đa`): the fields' maxima add up
        to 100, so the first column is the maximum, the second the score."""
        for row in self.rows:
            if is_total_row(row.label):
                plain = [parse_number(t) for t in plain_tokens(row.tokens)]
                return len(plain) >= 2 and plain[0] == 100 and plain[1] is not None and 0 < plain[1] < 100
        return False

    @property
    def only_max_and_goals(self) -> bool:
        """`Lĩnh vực | Điểm tối đa | Mục tiêu năm 2024`: no column of results, the bare number is the maximum."""
        return self.has_max_column and not SCORE_COLUMN.search(self.header) and self.years()[0] is None

    def years(self) -> tuple[Optional[int], Optional[int]]:
        """(results year, target year) from the header (`Năm 2024 ... Mục tiêu Kế hoạch năm 2025`)."""
        ys = sorted({int(m.group(1)) for m in re.finditer(rf"({YEAR})", self.header) if not _compared_year(self.header, m)})
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
                 if not (goal and m.start(1) == goal.start(1)) and not _compared_year(self.header, m)]
        found = list(dict.fromkeys(found))
        return found if len(found) >= 2 and not re.search(r"du kien|tang\s+(?:them|diem)", self.header) else []

    @property
    def change_column(self) -> bool:
        """`Tăng (+), giảm (-)`: signed numbers are last year's changes, not expected increases."""
        return "du kien" not in self.header and bool(
            re.search(CHANGE_COLUMN, self.header)
            or re.search(r"so\s+voi\s+(?:nam\s+)?\d{4}", self.header) and not re.search(_GOAL_COLUMN, self.header))


def plain_tokens(tokens: list[str]) -> list[str]:
    """A row's bare numbers: not ranks (`12/63`), goals (`≥ 9,75`) or signed changes (`+0,25`)."""
    return [t for t in tokens if "/" not in t and t[0] not in "≥><≤+-"]


def _aligned_max_first(lines: tuple[str, ...]) -> Optional[bool]:
    """Whether the maximum's column (`tối đa` under `Điểm`) stands left of the score's, in a header whose words are
    spread over several space-aligned lines; None when the header is one line or has pipes."""
    if len(lines) < 2 or any("|" in line or "\t" in line for line in lines):
        return None
    folded = [fold(line) for line in lines]
    if any(len(f) != len(line) for f, line in zip(folded, lines)):
        return None
    at_max = next(((k, m.start()) for k, f in enumerate(folded) for m in re.finditer(r"toi\s+da", f)), None)
    if at_max is None or at_max[0] == 0:
        return None  # (`Điểm tối đa` on one line: the word order says it)
    col = at_max[1]
    # the score's column: a score word not standing right above `tối đa` (that `Điểm` is the maximum's)
    scores = [m.start() for f in folded[:at_max[0]] for m in SCORE_COLUMN.finditer(f) if abs(m.start() - col) > 3]
    return min(scores, key=lambda c: abs(c - col)) > col if scores else None


def _compared_year(header: str, m: re.Match) -> bool:
    """`So với 2021`: the year a change column compares with, not a column of that year's values."""
    return bool(re.search(r"so\s+voi\s+(?:nam\s+)?$", header[max(0, m.start() - 14):m.start()]))


SCORE_COLUMN = re.compile(r"diem(?!\s+(?:toi da|theo bo|chuan))|ket qua|dat duoc|gia tri")
# a maximum said in a label: `Chỉ số nội dung (tối đa 10 điểm)`, `Tổng điểm (thang điểm 80)`
# (`(thang điểm 1-10)`: the scale from its floor; `Điểm (thang 10)`: after `điểm` only, `(tháng 10)` is a month)
_STATED_MAX = re.compile(r"(?:\((?:toi\s+da|thang\s+diem|diem\s+toi\s+da)|\bd\S?em\s*\(\s*thang)"
                         r"\s*:?\s*(?:[01]\s*-\s*)?(\d{1,3}(?:[.,]\d+)?)\s*(?:diem)?\s*\)")


# ... or for each part in a lead-in: `(điểm tối đa mỗi chỉ số nội dung là 10 điểm)`, `thang điểm của từng lĩnh vực là 10`
# (`các chỉ số thành phần được chấm theo thang điểm 10`)
_EACH_MAX = re.compile(r"\b(?:(?:diem\s+toi\s+da|thang\s+diem)\s+(?:cua\s+)?(?:moi|tung)\s+[a-z ,]{2,40}?\s+(?:la\s+)?"
                       r"|\b(?:chi\s+so\s+(?:noi\s+dung|thanh\s+phan)|linh\s+vuc|yeu\s+to|tru\s+cot|noi\s+dung)\b[^.;:]{0,40}?"
                       r"\bcham\s+(?:theo\s+)?thang\s+diem\s+)"  # (of the parts: the whole's `thang điểm 100` is no part's)
                       r"(\d{1,3}(?:[.,]\d+)?)\s*(?:diem)?\s*(?:\)|[.;:,]|$)")


def stated_max(folded: str) -> Optional[float]:
    m = _STATED_MAX.search(folded) or _EACH_MAX.search(folded)
    return parse_number(m.group(1)) if m else None


def is_total_row(label: str) -> bool:
    return bool(_TOTAL_ROW.match(" ".join(fold(label).split())))


def split_numeric_tail(line: str) -> tuple[str, list[str]]:
    """`Cải cách thể chế 49/63 8,8974 10 + 0,7875 ≥ 9,68` -> (label, [numeric tokens]).
    A text layer may print the name's wrapped end after the numbers (`Công tác chỉ đạo, điều hành cải
    cách 39/63 6,0523 9,5 + 0,27 ≥6,32 hành chính`): it is put back at the end of the label. A goal in words
    after the numbers (`Cải cách tài chính công 8 7,50 Giữ vững`) is no number and no part of the name: dropped."""
    line = re.sub(r"(\d)\s?%(?=\s|$)", r"\1", line)  # `82,40%` in a cell: the column says percent, not the sign
    m = _TAIL_RE.match(line.rstrip())
    goal = _GOAL_IN_WORDS_RE.match(line.rstrip()) if not m else None
    if goal and _GOAL_WORDS.match(fold(goal.group("goal"))) and len(TOKEN_RE.findall(goal.group("nums"))) >= 2:
        return goal.group("label").strip(), [t.strip() for t in TOKEN_RE.findall(goal.group("nums"))]
    if not m:
        w = _WRAPPED_RE.match(line.rstrip())
        if not w or len(TOKEN_RE.findall(w.group("nums"))) < 3:
            return line.strip(), []
        label = f"{w.group('label').strip()} {w.group('rest').strip()}"
        return label.strip(), [t.strip() for t in TOKEN_RE.findall(w.group("nums"))]
    return m.group("label").strip(), [t.strip() for t in TOKEN_RE.findall(m.group("nums"))]


def is_results_header(folded: str) -> bool:
    # `TT | Yếu tố | Năm 2023 (%) | ... | Mục tiêu năm 2025 (%)`: a year column of components counts as a cue
    components = re.search(r"linh vuc|yeu to|chi so|tru cot|noi dung|%", folded)
    year_columns = len(set(re.findall(YEAR, folded))) if components else 0
    score_columns = folded.count("diem") >= 2  # `Điểm tối đa | Điểm đạt`
    indices = index_count(index_columns(folded)) >= 2  # `Chỉ số PAR INDEX (%) | Chỉ số SIPAS (%)`: a column per index
    # `TT | Yếu tố | Tỷ lệ hài lòng (%)`: a column of components and one of their values
    valued_parts = bool(re.search(r"linh vuc|yeu to|tru cot|thanh phan|chi so noi dung", folded) and re.search(r"%|ty le|diem", folded))
    return (sum(c in folded for c in _RESULT_HEADER_CUES) + score_columns + min(year_columns, 2) + 2 * indices
            + valued_parts >= 2)



def make_row(label: str, tokens: list[str], offset: int) -> TableRow:
    m = _ROW_ID_RE.match(label)
    row_id = None
    if m:
        row_id = m.group(1)
        label = label[m.end():]
    label = " ".join(label.split())
    return TableRow(label=label, tokens=tokens, row_id=row_id, offset=offset,
                    text=" ".join(filter(None, [row_id, label] + tokens)))

