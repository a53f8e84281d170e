"""What stands above and around a results table flattened to text: the results year of the section it sits in
(`I. KẾT QUẢ NĂM 2023` over `Kết quả theo từng lĩnh vực:`), a header line without a numbering column
(`Chỉ số thành phần    Năm 2022    Năm 2023`), a numbered row with a single value (`1 | Thủ tục hành chính | 83,10`)."""
from __future__ import annotations

import re
from typing import Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold
from extract.result_scope import UNIT_WORDS

_ROMAN_HEADING = re.compile(r"^\s*[IVX]{1,4}\.\s")
# a section of results (`KẾT QUẢ`, `THỰC TRẠNG`, `ĐÁNH GIÁ`, `TÌNH HÌNH`) naming its year before any goal word
_RESULTS_SECTION = re.compile(rf"\b(?:ket qua|thuc trang|danh gia|tinh hinh)\b(?:(?!muc tieu|chi tieu|phan dau|ke hoach|"
                              rf"so voi|den nam).){{0,80}}?\bn\S{{0,2}}m\s+({YEAR})\b")
# the first column of a table of components or indices, with no numbering column before it
# (or of former units: `Tỉnh (cũ)`, `Phường (cũ)`, `Đơn vị (cũ)`, `Đơn vị`, whose rows are those units' results)
_FIRST_COLUMN = re.compile(r"^\s*(?:chi\s+so(?:\s+thanh\s+phan|\s+noi\s+dung)?|linh\s+vuc|yeu\s+to|tru\s+cot|"
                           rf"tieu\s+chi|noi\s+dung|(?:{UNIT_WORDS}|don\s+vi)\s*\((?:cu|cii)\)"
                           # `Đơn vị`, `Đơn vị trước sắp xếp`: each row names its own unit
                           r"|(?:ten\s+)?don\s+vi(?:\s+(?:truoc|sau)\s+(?:sap\s+xep|hop\s+nhat))?)(?:\s*\([^)]{{0,12}}\))?"
                           r"(?=\s{2,}|\s*\|)")

_FIRST_LABEL = re.compile(r"(?:chi\s+so(?:\s+thanh\s+phan|\s+noi\s+dung)?|linh\s+vuc|yeu\s+to|tru\s+cot|tieu\s+chi|noi\s+dung)")
_YEAR_LABEL = re.compile(rf"n\S{{0,2}}m\s+{YEAR}(?:\s*\([^\d()]{{0,30}}\))?\s*")  # `Năm 2024 (xã Ea Tiêu cũ)`
_BEFORE_YEAR = re.compile(rf"\s+(?=n\S{{0,2}}m\s+{YEAR}\b)")


def section_year(heading: str, current: Optional[int]) -> Optional[int]:
    """The results year after a heading line: a Roman-numbered heading opens a new section (its own year or
    none), a lower heading that states a results year replaces it, any other keeps the current one."""
    m = _RESULTS_SECTION.search(fold(heading))
    if m:
        return int(m.group(1))
    return None if _ROMAN_HEADING.match(heading) else current


# what a column of results says (a year, `Điểm đạt`, `Xếp hạng`, `Tỷ lệ (%)`, `Mục tiêu`)
# a column of last year's changes: `Tăng/giảm`, `Tăng (+), giảm (-)`, `Chênh lệch` (folded)
CHANGE_COLUMN = r"tang\s*(?:\(\+\))?\s*[,/]\s*giam(?:\s*\(-\))?|chenh\s+lech"
# a table cell of one value, with its unit and its rank (`82,40%`, `88,21 điểm (9/63)`, `0,5012 (12/63)`); printed
# text (compile with re.I)
VALUE_CELL = rf"{NUMBER}\s?(?:%|\s?[đd]i\S{{0,2}}m)?(?:\s?\(\d{{1,3}}\s?/\s?\d{{1,3}}\))?"
_COLUMN_LABEL = re.compile(rf"^(?:[^\d]{{0,24}}\b{YEAR}\b[^\d]{{0,12}}|[^\d]{{0,40}}(?:diem|hang|%|ty le|muc tieu|chi tieu|"
                           rf"ket qua|toi da|phan dau|{CHANGE_COLUMN})[^\d]{{0,40}})$")


def headed_without_number(line: str) -> bool:
    """`Chỉ số thành phần | Năm 2022 | Năm 2023`, `Lĩnh vực    Điểm đạt    Xếp hạng`: a header whose first column
    names the components or indices, its cells apart (`|` or a run of spaces) and each a column's label
    (`Lĩnh vực  Tiếp cận đất đai đạt 6,5 điểm` is a sentence)."""
    folded = fold(line)
    if not _FIRST_COLUMN.match(folded):
        # cells run together by the OCR (`Yếu tố Năm 2024 Năm 2025`): the years part them
        parts = _BEFORE_YEAR.split(folded.strip())
        return len(parts) >= 3 and bool(_FIRST_LABEL.fullmatch(parts[0])) and all(_YEAR_LABEL.fullmatch(p) for p in parts[1:])
    cells = [c.strip() for c in re.split(r"\s*\|\s*|\s{2,}", folded.strip()) if c.strip()]
    # (the count of units ranked is no value: `Xếp hạng trong 30 quận, huyện, thị xã`)
    cells = [re.sub(r"\b(trong|tren)\s+(?:tong\s+so\s+)?\d{1,3}\s+(?=[a-z])", r"\1 ", c) for c in cells]
    return len(cells) >= 2 and all(_COLUMN_LABEL.match(c) or _names_an_index(c) for c in cells[1:])


def _names_an_index(cell: str) -> bool:
    """`Chỉ số hài lòng (SIPAS)`: a column of the index's values, whatever else it says (no number)."""
    # (a digit inside a word is the English model's `s6` for `số`, no number)
    return len(cell) <= 60 and not re.search(r"(?<![a-z])\d", re.sub(YEAR, "", cell)) and bool(index_mentions(cell))


def results_year(folded: str) -> Optional[int]:
    """The first `năm YYYY` of a caption that is no comparison or goal (`Kết quả năm 2024 (...)`)."""
    for m in re.finditer(rf"n\S{{0,2}}m\s+({YEAR})\b", folded):
        if not re.search(r"(?:so voi|muc tieu|ke hoach|phan dau|chi tieu|den)\s*$", folded[max(0, m.start() - 20):m.start()]):
            return int(m.group(1))
    return None


def one_value_row(label: str, tokens: list[str]) -> bool:
    """`1 | Tiếp cận dịch vụ | 86,20` under `TT | Yếu tố | Tỷ lệ hài lòng (%)`: a numbered row with one value (no
    dot after the number: `1. Tăng cường ... 95` is a list item; no year: `1 Kết quả năm 2024`), or the index's own
    row under them."""
    return (len(tokens) == 1 and (bool(re.match(r"^\d{1,2}\s+[^\W\d_]", label)) or _index_row(label))
            and not re.fullmatch(YEAR, tokens[0]) and "/" not in tokens[0] and tokens[0][0] not in "≥><≤+-")


def _index_row(label: str) -> bool:
    """`| | Chỉ số SIPAS chung | 85,48 |` closing a table of factors: the index's own row, no number before it."""
    folded = fold(label)
    return len(folded) <= 30 and folded.startswith("chi so") and _names_an_index(folded)


# a cell of a row that carries its own unit words, no header above (`4,25 điểm`, `xếp thứ 30/63`, `hạng 12/63`, `91,2%`)
_WORDED_CELL = re.compile(rf"^(?:dat\s+)?(?:(?P<rank>(?:xep\s+(?:thu|hang)|hang)\s+\d{{1,3}}\s?/\s?\d{{1,3}})|"
                          rf"(?P<value>{NUMBER})\s*(?P<unit>diem|%))$")


def worded_cells_row(line: str) -> Optional[tuple[str, list[str], str]]:
    """`Trách nhiệm giải trình với người dân    4,25 điểm    xếp thứ 30/63` (cells apart by a run of spaces, each
    value naming its unit): (label, tokens, what the cells say as a header: `diem xep hang`), else None."""
    cells = [c for c in re.split(r"\s{2,}|\t", line.strip()) if c]
    if len(cells) < 3 or re.search(r"\d", cells[0]) or len(cells[0]) > 90:
        return None
    tokens, header = [], []
    for cell in cells[1:]:
        m = _WORDED_CELL.match(fold(cell).strip())
        if not m:
            return None
        if m.group("rank"):
            tokens.append(re.search(r"\d+\s?/\s?\d+", m.group("rank")).group(0))
            header.append("xep hang")
        else:
            tokens.append(m.group("value"))
            header.append("diem" if m.group("unit") == "diem" else "%")
    return cells[0].strip(), tokens, " ".join(header)
