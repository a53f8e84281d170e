"""Results and targets built from values found in sentences: their year, scope and fields.

Shared by the sentence reader (extract.result_prose) and the satisfaction goals
(extract.result_satisfaction). Offsets are in the folded text (extract.numbers.fold).
"""
from __future__ import annotations

import re
from typing import Optional

from extract.components import index_mentions, match_component
from extract.number_words import digits_for_words, words_value
from extract.numbers import YEAR, comparator_near, fold, parse_number
from extract.result_context import (closed_parens, goal_spans, goal_year, heading_year, paragraph_start,
                                    sentence_end, sentence_start, title_text, title_year, year_after, year_before)
from extract.result_scope import UNIT_WORDS, issuer_is_department, own_units
from extract.result_values import Value
from extract.schema import Evidence, IndexResult, IndexTarget

# `đạt 80% trở lên đối với các nội dung: (1) ...`, `đạt từ 6 điểm trở lên: X; Y; Z`
LIST_AFTER = re.compile(r"\s*(?:tr\S\s*[l1]en\s*)?(?:d\S{1,2}\s+v\S{1,3}\s+(?:cac|moi)\s+[^:.;]{0,40})?:")


def blank_table_rows(text: str) -> str:
    """Rows of ` | ` tables are read as tables, not as sentences: blank them (offsets kept)."""
    return re.sub(r"(?m)^[^\n]*\|[^\n]*\|[^\n]*$", lambda m: " " * len(m.group(0)), text)


_STRAY_MARK = re.compile(r"(?<=\w)[‘’`](?=\s)|(?<=\s)[‘’`](?=\s)")


class Doc:
    """The text, its folded form and what every value needs to be placed."""

    def __init__(self, doc_text: str, page_of, marks_lost: bool = False):
        self.text = blank_table_rows(doc_text)
        self.marks_lost = marks_lost  # OCR or stripped text: a footnote mark may be read as a digit
        # a footnote mark (`xếp thứ 5/20⁴`) is not a digit of the value: blanked (offsets kept)
        self.folded = digits_for_words(fold(self.text).translate(_SUPERSCRIPTS))  # `tối thiểu chín mươi điểm`
        if marks_lost:  # a stray mark English OCR left at a word's edge (`đạt‘` / `86,05%`): a blank (offsets kept)
            self.folded = _STRAY_MARK.sub(" ", self.folded)
        self.page_of = page_of
        self.own = own_units(self.text)
        self.department = issuer_is_department(self.text)
        self.goals = goal_spans(self.folded)
        self.title_year = title_year(self.folded)
        self.plan_year = title_year(self.folded, first=True)  # (`giai đoạn 2026 - 2030`: 2026)
        named = list(dict.fromkeys(n for _, _, n in index_mentions(title_text(self.folded))))
        self.title_index = named[0] if len(named) == 1 else None  # a plan about one index
        self.title_indices = tuple(named)
        self.results: list[IndexResult] = []
        self.scopes: list[tuple[int, str, Optional[str]]] = []  # (offset, index, scope) of whole-index results
        self.targets: list[IndexTarget] = []
        self.owned: list[tuple[int, int]] = []  # spans read as an index mention's
        self.mentions: list[tuple[int, int, str]] = []  # (start, end, index) of the index mentions, text order

    def evidence(self, lo: int, v: Value) -> Evidence:
        return Evidence(page=self.page_of(v.start) if self.page_of else None,
                        text=" ".join(self.text[max(lo, v.start - 80):v.end + 20].split()))


_FIRST_PLACES = {"nhat": 1, "dau": 1, "nhi": 2}  # `hạng nhất`, `đứng đầu`, `hạng nhì`


def ordinal(word: str) -> int:
    """`5`, `năm` -> 5, `nhất` -> 1; compounds (folded): `muoi lam` -> 15, `ba muoi hai` -> 32."""
    words = word.split()
    if not words or not words[0].isalpha():
        return int(word)
    return _FIRST_PLACES.get(word) or words_value(word)


def result_year(folded, v: Value, ms: int, sent_start: int) -> Optional[int]:
    # `thấp hơn năm 2023 (42,15 điểm)`: the value in parentheses is that year's
    m = re.search(rf"n\S{{0,2}}m\s+({YEAR})\s*$", folded[max(0, v.start - 14):v.start + 1].rstrip("( "))
    if m and folded[v.start:v.start + 1] == "(":
        return int(m.group(1))
    # ... and every value inside it: `tụt 6 bậc so với năm 2023 (đứng thứ 42/63 với 42,35 điểm)`
    year = paren_year(folded, sent_start, v.start)
    if year:
        return year
    # `giảm 1 bậc so với năm 2023 khi Sở xếp hạng nhất với 92,50 điểm`: the clause after `khi` is that year's
    m = _COMPARED_WHEN.search(folded[max(sent_start, v.start - 160):v.start])
    if m:
        return int(m.group(1))
    # a year stated earlier in the paragraph still holds (`Năm 2024, ... Chỉ số ... đạt`), else the
    # section heading's (`II. KẾT QUẢ NĂM 2024` over numbered items)
    return year_before(folded, v.start, ms, sent_start) or year_before(
        folded, v.start, ms, paragraph_start(folded, sent_start)) or lead_in_year(folded, v.start) or heading_year(
        folded, v.start)


_ITEM_OPENS = re.compile(r"[ \t]*(?:[-+•*]|[a-zđ]\)|\d{1,2}[.)])\s")


def lead_in_year(folded: str, pos: int) -> Optional[int]:
    """The year the lead-in of a list of items names (`Kết quả năm 2024 của các xã như sau:` over `a) Xã X (cũ): Chỉ số
    CCHC đạt 84,25 điểm ...`), for a value on an item's lines; None off a list."""
    start = folded.rfind("\n", 0, pos) + 1
    for _ in range(12):  # up over the item's lines and its siblings, to the line ending with a colon
        if start <= 0:
            return None
        line_start = folded.rfind("\n", 0, start - 1) + 1
        line = folded[line_start:start - 1].rstrip()
        if line.endswith(":"):
            found = re.findall(rf"n\S{{0,2}}m\s+({YEAR})\b", line)
            return int(found[-1]) if found and _ITEM_OPENS.match(folded, start) else None
        start = line_start
    return None


# `khi` then a subject (`khi Sở xếp hạng nhất`) or `khi đó`; `khi đạt 68,2 điểm` (a verb) says the current year's
# value, but `khi còn / chỉ / vẫn ...` says the compared year's (`tăng 10 bậc so với năm 2023 khi còn xếp thứ 30/63`)
_COMPARED_WHEN = re.compile(rf"so\s+v\S{{1,3}}\s+n\S{{0,2}}m\s+({YEAR})\s*,?\s*(?:(?:khi|luc)\s+"
                            r"(?!(?:dat|dqt|xep|dung|tang|giam|vuon|nang|len|duoc|co|o)\b)|la\s+nam\b)[^.;()]*$")


def paren_year(folded: str, lo: int, pos: int) -> Optional[int]:
    """The year named right before the parenthesis still open at `pos` (`so với năm 2023 (đứng thứ 42/63`), or
    opening it."""
    opened = _open_paren(folded, lo, pos)
    if opened is None:
        return None
    m = re.search(rf"n\S{{0,2}}m\s+({YEAR})\s*$", folded[max(0, opened - 14):opened])
    if m:
        return int(m.group(1))
    # ... or at its start, the last one stated inside before pos: `Sở tăng 4 bậc (năm 2023 xếp thứ 12/20 với 85,01
    # điểm)`, `(năm 2023 đạt 16,56 điểm; năm 2024 đạt 17,52 điểm)`
    labelled = re.match(rf"\(\s*({YEAR})\s*:", folded[opened:pos])  # `(2021: 8,41/10 điểm)`
    if labelled:
        return int(labelled.group(1))
    if re.match(rf"\(\s*n\S{{0,2}}m\s+{YEAR}\b", folded[opened:pos]):
        return int(re.findall(rf"n\S{{0,2}}m\s+({YEAR})\b", folded[opened:pos])[-1])
    return None


def _open_paren(folded: str, lo: int, pos: int) -> Optional[int]:
    """Offset of the parenthesis still open at `pos` (searched from `lo`), else None."""
    stack: list[int] = []
    for i in range(lo, pos):
        if folded[i] == "(":
            stack.append(i)
        elif folded[i] == ")" and stack:
            stack.pop()
    return stack[-1] if stack else None


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", " " * 10)
# provinces (63 before the 2025 merger, 34 after), and fewer districts or departments in a province; communes of a
# province may be several hundred, districts of the country several hundred
_MOST_UNITS_RANKED = 63
_COMMUNE_LEVEL = re.compile(r"\b(?<!thi\s)(?:xa|phuong|thi\s+tran)\b")
# `5/120 cơ quan, đơn vị`, `12/713 đơn vị cấp huyện`: the units ranked named after the total
_UNITS_AFTER = re.compile(r"\s*(?:xa|phuong|thi\s+tran|thi\s+xa|huyen|quan|thanh\s+pho|tinh|don\s+vi|co\s+quan|so"
                          r"|ban|nganh|dia\s+phuong|bo)\b")


def plausible_total(rank: int, total: int, scope: Optional[str], own: set[str], after: str = "",
                    marks_lost: bool = False) -> Optional[int]:
    """The number of units a rank is among, or None when it cannot be one. A total is kept as printed, unless the
    text lost its marks (OCR, stripped) and the total is above the units of a province's or a district's level with
    no units named after it: a footnote mark was then read as a last digit (`5/20⁴` read `5/204`), dropped."""
    if rank > total:
        return None
    units = [fold(scope)] if scope else list(own)
    if total <= _MOST_UNITS_RANKED or any(_COMMUNE_LEVEL.search(u) for u in units) or _UNITS_AFTER.match(after):
        return total
    if marks_lost and total // 10 <= _MOST_UNITS_RANKED and rank <= total // 10:
        return total // 10
    return total


# `thứ 5 trên tổng số 20`, `thứ 5 trên 20 sở, ngành` (not `thứ 1 trong 3 năm`)
_TOTAL_AFTER = re.compile(r"\s+(?:tren|trong)\s+(?:(?:tong\s+)?so\s+)?(\d{1,3})\b(?!\s*(?:nam|thang|lan|%|[.,]\d))")
_RANK_RESTATED = re.compile(r"(?:\s+[a-z]+){0,3}?\s*\(\s*0?(\d{1,3})\s*/\s*(\d{1,3})\s*\)")
_NOT_BELOW = re.compile(r"\bkhong\s+(?:de|co)\b[^.;]{0,140}?(?:duoi|thap\s+hon)\s+(?:muc\s+)?\d[^.;]{0,30}$")
_GROUP_AMONG = re.compile(r"\s+(?:cua|trong|tren)\s+(?:tong\s+so\s+)?(\d{1,3})\s+[a-z]|\s*/\s*(\d{1,3})\b")  # `nhóm 15/34`
_SHARED_BEFORE = re.compile(r"\b(?:cung|deu)\s+$")
_RANK_BEFORE = re.compile(r"\b(?:thu|hang)\s+\d{1,3}\s*$")
_STATED_TOTAL = re.compile(rf"(?:\(|\b)(?:tren|trong)\s+(?:tong\s+so\s+(\d{{1,3}})\b|(\d{{1,3}})\s+(?:{UNIT_WORDS}|don\s+vi|co\s+quan|dia\s+phuong)\b)")


def stated_total(folded: str, pos: int) -> Optional[int]:
    """The number of units ranked, said once in the sentence for all its ranks (`Về Chỉ số CCHC (trên tổng số 30
    xã, phường): phường A hạng 3; phường B hạng 9`, `Trong tổng số 63 tỉnh, ... đứng thứ 21; ...`, `... vị trí thứ 19;
    ... vị trí thứ 44 trong tổng số 63 tỉnh`)."""
    start = sentence_start(folded, pos)
    found = []
    for m in _STATED_TOTAL.finditer(folded, start, sentence_end(folded, pos, min(len(folded), pos + 400))):
        # a total closing a rank (`thứ 44 trong tổng số 63`) holds for the ranks listed before it, not after
        if m.start() > pos and (index_mentions(folded[pos:m.start()])
                                or re.search(r"\bn\S{0,2}m\s+\d{4}|toan\s+quoc|ca\s+nuoc", folded[pos:m.start()])):
            continue  # `xếp thứ 5 toàn quốc, đứng thứ 1 trong 6 tỉnh ...`: another ranking
        if m.start() > pos or not _RANK_BEFORE.search(folded, max(0, m.start() - 16), m.start()):
            found.append(m.group(1) or m.group(2))
    return int(found[-1]) if len(set(found)) == 1 else None


def add_result(d: Doc, current: dict, v: Value, index, comp, year, scope, ev) -> dict:
    """Values of one mention with the same component, year and scope fill one result until a field repeats."""
    fields: dict = {}
    if v.kind == "rank":
        total = plausible_total(int(v.nums[0]), int(v.nums[1]), scope, d.own, d.folded[v.end:v.end + 20], d.marks_lost)
        if total is None:
            return current
        fields = {"rank": int(v.nums[0]), "rank_total": total}
    elif v.kind == "rank_only":
        fields = {"rank": ordinal(v.nums[0] or v.nums[1])}
        after = _TOTAL_AFTER.match(d.folded, v.end)  # `xếp thứ ba trên tổng số mười đơn vị` (numbers_words)
        total = int(after.group(1)) if after else stated_total(d.folded, v.start)
        restated = _RANK_RESTATED.match(d.folded, v.end)  # `xếp thứ nhất (1/63)`, `đứng đầu cả nước (1/63)`
        if restated and int(restated.group(1)) == fields["rank"]:
            total = int(restated.group(2))
        if total and fields["rank"] <= total:  # `(trên tổng số 30 xã, phường): ... hạng 3; ... hạng 9`
            fields["rank_total"] = total
    elif v.kind in ("score", "score_frac", "score_bare", "score_named", "score_decimal", "score_listed"):
        fields = {"score": parse_number(v.nums[0])}
        if len(v.nums) > 1 and v.nums[1]:
            fields["max_score"] = parse_number(v.nums[1])
    elif v.kind in ("percent", "percent_listed"):
        fields = {"percent": parse_number(v.nums[0])}
    if not fields or any(x is None for x in fields.values()):
        return current
    if "rank" in fields and _SHARED_BEFORE.search(d.folded, max(0, v.start - 8), v.start):
        for r in current.values():  # `năm 2021 đạt A và năm 2022 đạt B, cùng xếp thứ nhất`: every year's rank
            if (r.index, r.component, r.scope) == (index, comp, scope) and r.rank is None and r.year != year:
                r.rank, r.rank_total = fields["rank"], fields.get("rank_total")
    key = (index, comp, year, scope)
    r = current.get(key)
    if r is not None and all(getattr(r, f) is None for f in fields):
        for f, x in fields.items():
            setattr(r, f, x)
        return current
    r = IndexResult(index=index, component=comp, year=year, scope=scope, evidence=ev, **fields)
    d.results.append(r)
    if comp is None:
        d.scopes.append((v.start, index, scope))
    current[key] = r
    return current


def target_year(d: Doc, v: Value, end: int, sent_start: int) -> Optional[int]:
    """The year the goal states in its clause, else its goals heading's, else one stated shortly
    before under the same goals heading (`Phấn đấu năm 2026: ... ; ...`)."""
    folded = d.folded
    closed = closed_parens(folded, sent_start, v.start)
    # `Đến năm 2027 ... đạt 80 điểm; đến năm 2030 đạt 85 điểm`: a year after the value counts up to the clause end
    clause_end = min([end] + [i for i in (folded.find(";", v.end, end),) if i > 0])
    # ... but `năm 2026 đạt từ 85% trở lên, năm 2030 đạt trên 90%`: a year opening the value's own comma clause first
    comma = max([sent_start] + [folded.rfind(c, sent_start, v.start) + 1 for c in ",;:"])
    own = re.match(rf"\s*(?:den\s+|trong\s+)?n\S{{0,2}}m\s+({YEAR})\b", folded[comma:v.start])
    year = (int(own.group(1)) if own else None) or year_after(folded, v.end, clause_end) or year_before(
        folded, v.start, 0, sent_start)
    if year or any(a < v.start < b for a, b in closed):
        return year
    year = goal_year(d.goals, v.start)
    if year:
        return year
    span = next(((a, b) for a, b, _ in d.goals if a <= v.start < b), None)
    if span:
        return year_before(folded, v.start, 0, max(span[0], v.start - 300))
    return None


def make_targets(d: Doc, v: Value, index, end, ev, sent_start, components) -> list[IndexTarget]:
    folded = d.folded
    before, after = folded[max(0, v.start - 25):v.start + 4], folded[v.end:v.end + 14]
    kw: dict = {"index": index, "year": target_year(d, v, end, sent_start), "evidence": ev}
    n = v.nums
    if v.kind == "rank_range":
        kw.update(metric="rank", comparator="between", value=float(n[0]), value_max=float(n[1]),
                  out_of=float(n[2]) if n[2] else None)  # `xếp thứ hạng từ 5 đến 7 trong khối`: no total
    elif v.kind == "rank":  # a better rank is a smaller number: `không thấp hơn vị trí 15`, `từ 10/34 trở lên`
        said = folded[max(0, v.start - 25):v.end]
        floor = "tro len" in after or re.search(r"khong thap hon|khong duoi|it nhat|toi thieu|\btu\s+\d", said)
        kw.update(metric="rank", comparator="<=" if floor else comparator_near(before, after),
                  value=float(n[0]), out_of=float(n[1]))
    elif v.kind == "rank_only":
        said = folded[max(0, v.start - 25):v.end]
        floor = "tro len" in after or re.search(r"khong thap hon|khong duoi|it nhat|toi thieu|\btu\s+\d", said)
        kw.update(metric="rank", comparator="<=" if floor else "=", value=float(ordinal(n[0] or n[1])))
    elif v.kind == "rank_group":  # `nằm trong nhóm 20 tỉnh dẫn đầu`, `trở lại top 3 của 12 huyện, thành phố`
        among = _GROUP_AMONG.match(folded, v.end)
        total = int(among.group(1) or among.group(2)) if among else None
        kw.update(metric="rank", comparator="<=", value=float(n[0]),
                  out_of=float(total) if total and total > int(n[0]) else None)
    elif v.kind in ("percent_range", "score_range"):
        kw.update(metric="percent" if v.kind == "percent_range" else "score", comparator="between",
                  value=parse_number(n[0]), value_max=parse_number(n[1]))
    elif v.kind in ("percent", "percent_listed"):
        num_at = folded.find(n[0], v.start)  # `92% số điểm tối đa`: the value may not close the match
        kw.update(metric="percent", comparator=comparator_near(folded[max(0, num_at - 25):num_at], after),
                  value=parse_number(n[0]))
    elif v.kind in ("score", "score_frac", "score_bare", "score_named", "score_decimal", "score_listed"):
        num_at = folded.find(n[0], v.start)
        kw.update(metric="score", comparator=comparator_near(folded[max(0, num_at - 25):num_at], after),
                  value=parse_number(n[0]), out_of=parse_number(n[1]) if len(n) > 1 and n[1] else None)
    elif v.kind == "score_increase":  # `tăng ít nhất 1 điểm`
        cmp = ">" if (n[0] or "").strip() == "tren" else ">=" if n[0] else "="
        kw.update(metric="score_increase", comparator=cmp, value=parse_number(n[1]))
    elif v.kind == "score_increase_range":
        kw.update(metric="score_increase", comparator="between", value=parse_number(n[0]),
                  value_max=parse_number(n[1]))
    elif v.kind == "rank_increase":
        kw.update(metric="rank_increase", comparator=">=" if n[0] else "=", value=float(n[1]))
    elif v.kind == "rank_increase_range":
        kw.update(metric="rank_increase", comparator="between", value=float(n[0]), value_max=float(n[1]))
    if kw.get("value") is None:
        return []
    if kw.get("comparator") in ("<", "<=") and _NOT_BELOW.search(folded, max(sent_start, v.start - 160), v.end):
        kw["comparator"] = ">="  # `không để lĩnh vực X dưới 11 điểm`: a floor
    listed = listed_components(d.text, folded, v.end, index)
    if listed:
        return [IndexTarget(component=c, **kw) for c in listed]
    if index == "SIPAS" and kw["metric"] == "percent" and not any(components):
        components = [quoted_component(d.text, folded, v.start)]
    return [IndexTarget(component=c, **kw) for c in components or [None]]


def listed_components(doc_text, folded, pos, index) -> list[str]:
    """`đạt 80% trở lên đối với các nội dung: (1) ...; (2) ...` -> the components listed."""
    m = LIST_AFTER.match(folded, pos)
    if not m:
        return []
    stop = re.compile(r"\.\s*(?:\n|$)|\n\s*\n").search(folded, m.end())
    span = doc_text[m.end():stop.start() if stop else m.end() + 600]
    items = re.split(r"\(\d+\)|;|\n\s*[-+•]", span)
    out = []
    for it in items:
        comp, _ = match_component(it.strip(" ,.;:"), index, min_score=75)
        if comp and comp not in out:
            out.append(comp)
    return out


_QUOTED = re.compile(r"[“\"]([^”\"]{4,80})[”\"]")
_SATISFACTION_PREFIX = re.compile(r"^(?:cai thien\s+)?(?:muc do\s+)?hai long\s+(?:ve|doi voi|cua)\s+")


def quoted_component(doc_text: str, folded: str, pos: int) -> Optional[str]:
    """`2.2. Cải thiện “mức độ hài lòng về TTHC”: ... trên 90% ...` -> the SIPAS factor quoted above."""
    lo = max(0, pos - 500)
    quotes = list(_QUOTED.finditer(doc_text, lo, pos))
    if not quotes:
        return None
    q = quotes[-1]
    phrase = doc_text[q.start(1):q.end(1)]
    m = _SATISFACTION_PREFIX.match(fold(phrase))
    comp, _ = match_component(phrase[m.end():] if m else phrase, "SIPAS", min_score=80)
    return comp
