"""Whose result a value is: the issuer's own unit, a former unit (`tỉnh Yên Bái (cũ)`) or another
unit the sentence names (`của tỉnh Hải Dương`). Works on folded text (offsets are the original's).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extract.agency_lexicon import UNIT_WORDS as UNIT_NAMES
from extract.numbers import fold

# how each unit word is spelled in a scope, whatever the text did to it (stripped, restored as `phương`)
UNIT_SPELLING = {fold(w): w for w in UNIT_NAMES}  # `thi xa` -> `thị xã`
_UNIT_TYPES = tuple(sorted(UNIT_SPELLING, key=len, reverse=True))  # longest first: `thi xa` before `xa`
# the words that open a unit's name, folded (one list for every rule of extract/result*.py)
UNIT_WORDS = "(?:" + "|".join(t.replace(" ", r"\s+") for t in _UNIT_TYPES) + ")"
_OLD = r"\s*(?:['‘’`]\s*)?\((?:cu|cii|cu\.)\)"  # (English OCR may leave a stray mark before it: `Bình Định ' (cũ)`)
_SCOPE = re.compile(rf"\b({UNIT_WORDS}\s+[^\s(,;.'‘’`][^\s(,;.]*(?:\s+(?:-\s+)?[^\s(,;.'‘’`][^\s(,;.]*){{0,3}})" + _OLD)  # (`Bà Rịa - Vũng Tàu`)
# (and the other provincial agencies: `Cục Thuế tỉnh Hưng Yên (cũ)`, `Bảo hiểm xã hội tỉnh X (cũ)`)
_AGENCY_HEAD = r"(?:so|cuc|chi\s+cuc|kho\s+bac|bao\s+hiem|cong\s+an|thanh\s+tra|ban\s+quan\s+ly)"
_DEPARTMENT_SCOPE = re.compile(rf"({_AGENCY_HEAD}\s+(?!cua\b)[^\s(,;.\d]+(?:\s+(?!cua\b)[^\s(,;.\d]+){{0,11}})" + _OLD)  # `Sở Tài nguyên và Môi trường (cũ)`


def _old_units(doc_text: str, folded: str, lo: int, hi: int) -> list[re.Match]:
    """`tỉnh Yên Bái (cũ)`, `thị trấn Đông Hưng (cũ)`, `Sở Tài nguyên và Môi trường (cũ)` between lo and hi,
    in text order. A department starts at `Sở` with a capital (`chỉ số` folds to the same letters)."""
    hits = list(_SCOPE.finditer(folded, lo, hi))
    for at in re.finditer(rf"\b{_AGENCY_HEAD}\s(?!voi\b)", folded[lo:hi]):  # `So với tỉnh X (cũ)` opens no Sở
        if doc_text[lo + at.start()].isupper():
            m = _DEPARTMENT_SCOPE.match(folded, lo + at.start(), hi)
            if m:
                hits.append(m)
    # `xã hội (cũ)` closing `Sở Lao động - Thương binh và Xã hội (cũ)` is no commune
    hits = [m for m in hits if not any(o is not m and o.start() < m.start() and m.end() <= o.end() for o in hits)]
    return sorted(hits, key=lambda m: m.end())
_UNIT_WORD = re.compile(rf"\b{UNIT_WORDS}\s")
_OF_UNIT = re.compile(rf"\bc\S{{1,3}}a\s+({UNIT_WORDS}\s+)(?=\S)")


@lru_cache(maxsize=8)  # asked per value checked (extract.result_peers); a str keeps its hash, so hits are cheap
def header_region(doc_text: str) -> str:
    """The folded header above the document number (`Số: ...`): issuer and its superior."""
    head = fold(doc_text[:700])
    so = re.search(r"^\s*s\S?\s*:", head, re.M)
    return head[:so.start()] if so else "\n".join(head[:400].split("\n")[:3])  # no number line: the first lines


def own_units(doc_text: str) -> set[str]:
    """Folded names of the issuer's own unit: the lowest unit in the header and the place of issue.
    Results `của` another unit (the province above a district, a former province) carry a scope."""
    head = fold(doc_text[:700])
    region = header_region(doc_text)
    # the national motto beside the issuer (`CỘNG HÒA XÃ HỘI ...`, OCR `XA HQI`) names no unit
    region = re.sub(r"c\S{0,2}ng\s+h\S{0,2}a\b[^\n]*|\bd\S{0,2}c\s+l\S{0,2}p\b[^\n]*", "", region)
    names = []
    for m in re.finditer(rf"\b({UNIT_WORDS})\s+([a-z]+(?: [a-z]+){{0,3}})", region):
        name = re.split(r"\s+(?:cong hoa|doc lap|so\b)", m.group(2))[0].strip()
        if name and not name.startswith("hoi chu"):
            names.append(f"{m.group(1)} {name}")
    if _DEPARTMENT_LINE.search(region):
        return set()  # a department (or a central agency's branch): the province above it is another unit
    place = re.search(r"(?:^|\s{2,}|kh-\S+\s+)([a-z][a-z ]{1,30}?),\s*ng\S{1,3}y\s+\d", head)
    if names:  # typed: `thành phố Vĩnh Long` is not `tỉnh Vĩnh Long`
        return {_repaired_by_place(names[-1], place.group(1).strip() if place else "")}
    return {place.group(1).strip()} if place else set()


def _repaired_by_place(unit: str, place: str) -> str:
    """The header's unit with its name as the place of issue spells it when the OCR broke the name in the header
    (`THANH PHO CDN THO` over `Can Tho, ngày ...`): the header's is no known place, the place of issue one, alike."""
    from rapidfuzz import fuzz

    from extract.places import is_place_name

    kind, name = _split_unit(unit)
    if kind and place and not is_place_name(name) and is_place_name(place) and fuzz.ratio(name, place) >= 70:
        return f"{kind} {place}"
    return unit




def _split_unit(unit: str) -> tuple[Optional[str], str]:
    for t in _UNIT_TYPES:
        if unit.startswith(t + " "):
            return t, unit[len(t) + 1:]
    return None, unit


def _is_own(unit: str, own: set[str]) -> bool:
    """`unit` (folded `tỉnh X`) is the issuer's own: same type and name (`thành phố Vĩnh Long` is not
    `tỉnh Vĩnh Long`), or the same name when only the place of issue is known."""
    kind, name = _split_unit(unit)
    for u in own:
        own_kind, own_name = _split_unit(u)
        if own_kind is not None and own_kind != kind:
            continue
        if own_name.startswith(name) or name.startswith(own_name):
            return True
    return False


_UNIT = re.compile(rf"\b({UNIT_WORDS})\s+(?=\S)")
# the total of a ranking and the units ranked: `xếp thứ 4/18 xã, thị trấn của huyện X`
_RANKED_AMONG = re.compile(rf"(?:\d\s*/\s*\d{{1,3}}\s+(?:(?:{UNIT_WORDS}|don vi|so|nganh|cap)[\s,]*)+(?:cua\s+)?"  # `đơn vị cấp xã của`
                           rf"|\b(?:trong|tren)\s+(?:tong\s+so\s+)?\d{{1,3}}\s+(?:(?:{UNIT_WORDS}|don vi|so|nganh|cap)[\s,]*)+cua\s+)$")
# the authority of a cited document (`Quyết định số 410/QĐ-UBND ... của UBND tỉnh X; năm 2023, ...`) is no unit
# (its title may be long: `... về việc phê duyệt kết quả đánh giá, xếp hạng các sở, ban, ngành của UBND tỉnh X`)
_AUTHORITY = re.compile(r"\d+/[a-z]{1,4}\S*[^;.]{0,200}\bcua\s+(?:ubnd|uy\s+ban\s+nhan\s+dan|hdnd)\s+$")
# the body that publishes a unit's results is not the unit they belong to (`được UBND tỉnh Đắk Lắk công bố`)
_PUBLISHER = re.compile(r"(?:\bubnd|\buy\s+ban(?:\s+nhan\s+dan)?|\bhdnd|\bhoi\s+dong\s+nhan\s+dan|\btinh\s+uy)\s*$")
_PUBLISHES = re.compile(r"\s*,?\s*(?:cong\s+bo|ban\s+hanh|danh\s+gia|tham\s+dinh|phe\s+duyet|xep\s+hang\s+cac)\b")


_COMPARED_WITH = re.compile(r"\b(?:hon|sau|truoc|so\s+voi)\s+$")


def _publisher(doc_text: str, folded: str, m: re.Match, name: str) -> bool:
    """`UBND tỉnh X công bố` names who published the results, not whose they are (`UBND huyện X đạt` is the unit)."""
    after = m.end() + len(name) + (doc_text[m.end():].find(name) if name else 0)
    return bool(_PUBLISHER.search(folded, max(0, m.start() - 20), m.start()) and _PUBLISHES.match(folded, after))


def _unit_name(kind: str, name: str) -> str:
    return f"{UNIT_SPELLING.get(fold(kind).strip(), kind.strip().lower())} {name}"


def _own_named_after(doc_text: str, folded: str, lo: int, hi: int, own: set[str]) -> bool:
    """The issuer's own unit is named (as the subject) between `lo` and the value."""
    for m in _UNIT.finditer(folded, lo, hi):
        name = _capitalised_after(doc_text, m.end(), hi)
        if name and _is_own(f"{m.group(1)} {fold(name)}", own):
            return True
    return False


def old_unit_spans(doc_text: str, folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of every former unit named between lo and hi, in text order."""
    return [(m.start(), m.end()) for m in _old_units(doc_text, folded, lo, hi)]


def _named_with_unit(folded: str, name: str) -> Optional[re.Match]:
    """Where the document names the former unit `name` (folded) with its unit word (`tỉnh Hà Nam (cũ)`); group 1 is it."""
    return re.search(rf"\b({UNIT_WORDS})\s+{re.escape(name)}{_OLD}", folded)


_LIST_OPENER = re.compile(rf"\b(?:cac|hai|ba|bon)\s+({UNIT_WORDS})\s+(?:[^\W\d_]+\s+){{1,4}}\((?:cu|cii)\)"
                          rf"(?:\s*(?:,|\bva\b)\s*(?:[^\W\d_]+\s+){{1,4}}\((?:cu|cii)\))*\s*(?:,|\bva\b)\s*$")
_BARE_OLD = re.compile(r"(?<![^\W\d_])([^\W\d_]+(?:\s+[^\W\d_]+){0,3})" + _OLD)


def bare_former_units(doc_text: str, folded: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """`theo thứ tự Ninh Bình (cũ), Hà Nam (cũ), Nam Định (cũ)`: (start, end, unit) of former units printed without
    their unit word, when the document names each elsewhere with one (`tỉnh Hà Nam (cũ)`)."""
    out = []
    for m in _BARE_OLD.finditer(folded, lo, hi):
        for w in re.finditer(r"\S+", m.group(1)):  # the longest tail of capitalised words (`đối với Hà Nam (cũ)`)
            at = m.start(1) + w.start()
            if not all(x[:1].isupper() for x in doc_text[at:m.end(1)].split()):
                continue
            if re.search(rf"{UNIT_WORDS}\s+$", folded[max(0, at - 12):at]):
                break  # `tỉnh Hà Nam (cũ)`: the unit word is printed (old_unit_spans reads it)
            # the unit word the document gives the name elsewhere, or the plural opening the list (`các tỉnh Phú Thọ
            # (cũ), Vĩnh Phúc (cũ), Hòa Bình (cũ)`)
            kind = _named_with_unit(folded, " ".join(folded[at:m.end(1)].split())) or \
                _LIST_OPENER.search(folded, max(0, at - 90), at)
            if kind:
                out.append((at, m.end(), _unit_name(kind.group(1), " ".join(doc_text[at:m.end(1)].split())) + " (cũ)"))
            break
    return out


def former_unit_named(doc_folded: str, cell: str) -> Optional[str]:
    """`Tuyên Quang (cũ)` heading a column: the former unit the document names with its unit word elsewhere."""
    m = re.fullmatch(r"\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,3})" + _OLD + r"\s*", fold(cell))
    if not m or not cell.strip()[:1].isupper():
        return None
    kind = _named_with_unit(doc_folded, m.group(1))
    name = " ".join(cell.split()[:len(m.group(1).split())])
    if kind:
        return _unit_name(kind.group(1), name) + " (cũ)"
    # ... else with its unit word but without `(cũ)` (`Sau khi hợp nhất tỉnh Hà Nam, tỉnh Nam Định và tỉnh Ninh Bình`):
    # the unit word it is named with most often
    words = [" ".join(w.split()) for w in re.findall(rf"\b({UNIT_WORDS})\s+{re.escape(m.group(1))}\b", doc_folded)]
    return _unit_name(max(set(words), key=lambda w: (words.count(w), w)), name) + " (cũ)" if words else None


def former_unit(doc_text: str, folded: str, lo: int, hi: int) -> Optional[str]:
    """The last former unit named between lo and hi (`tỉnh Yên Bái (cũ)`, `Sở Tài chính (cũ)`), else None."""
    hits = _old_units(doc_text, folded, lo, hi)
    if hits:
        m = hits[-1]
        unit = " ".join(doc_text[m.start(1):m.end(1)].split())
        if not re.match(rf"{_AGENCY_HEAD}\s", m.group(1)):  # `cấp tỉnh của tỉnh Quảng Ngãi (cũ)`: the last unit word starts it
            unit = unit[[w.start() for w in _UNIT_WORD.finditer(fold(unit))][-1]:]
        kind = _split_unit(fold(unit))[0] or ""
        name = unit[len(kind):].title() if unit.isupper() else unit[len(kind):]  # a heading in capitals
        if not kind:  # `Sở Tài nguyên và Môi trường (cũ)`
            return unit + " (cũ)"
        return _unit_name(kind, name.strip()) + " (cũ)"  # `Tỉnh X (cũ)` opening a sentence
    return None


_SUBJECT_AFTER = re.compile(r"\s*[,:]?\s*(?:co|dat|xep|dung|voi|chi\s*s\S)\b")  # `+ Xã X (cũ): Chỉ số ...`


def ranked_among(folded: str, at: int) -> bool:
    """The unit at `at` is the one a ranking is among (`xếp thứ 3/8 huyện của`, `Trong 16 xã, thị trấn của`)."""
    return bool(_RANKED_AMONG.search(folded, max(0, at - 50), at))


def _old_units_not_ranked_among(doc_text: str, folded: str, lo: int, hi: int) -> list:
    """Former units named between lo and hi, but not the one a rank is among (`xếp thứ 3/8 huyện của tỉnh X (cũ)`)."""
    return [m for m in _old_units(doc_text, folded, lo, hi) if not ranked_among(folded, m.start())]


def subject_former_unit(doc_text: str, folded: str, lo: int, hi: int) -> Optional[str]:
    """A former unit that opens a sentence as its subject (`tỉnh Kon Tum (cũ) đạt 84,51% về ...`, `tỉnh X (cũ)
    có Chỉ số A ..., Chỉ số B ...`): the unit of every value the sentence states."""
    hits = _old_units_not_ranked_among(doc_text, folded, lo, hi)
    if not hits or not _SUBJECT_AFTER.match(folded, hits[-1].end()):
        return None
    return former_unit(doc_text, folded, hits[-1].start(), hits[-1].end())


def scope_of(doc_text: str, folded: str, lo: int, hi: int, own: set[str]) -> Optional[str]:
    """`tỉnh Yên Bái (cũ)`, or `tỉnh Hải Dương` when results are `của` a unit other than the issuer's."""
    # (not the former unit a rank is among: `xếp thứ 3/8 huyện, thành phố của tỉnh Thái Bình (cũ); Chỉ số SIPAS ...`)
    hits = _old_units_not_ranked_among(doc_text, folded, lo, hi)
    former = former_unit(doc_text, folded, hits[-1].start(), hits[-1].end()) if hits else None
    if former:
        return former
    for m in reversed(list(_OF_UNIT.finditer(folded, lo, hi))):
        if _RANKED_AMONG.search(folded, max(0, m.start() - 50), m.start()):
            continue  # `xếp thứ 4/18 xã, thị trấn của huyện X`: the units ranked, not whose result
        if _own_named_after(doc_text, folded, m.end(), hi, own):
            return None  # `... của thành phố Hà Nội, huyện Đông Anh đạt 87,4 điểm`: the subject is ours
        name = _capitalised_after(doc_text, m.end(), hi)
        if not name:
            continue
        if _is_own(f"{fold(m.group(1)).strip()} {fold(name)}", own):
            return None
        return _unit_name(m.group(1), name)
    ministry = _ministry_above(doc_text)
    if ministry:  # `Chỉ số CCHC năm 2018 của Bộ Tài chính đạt 86,49%` in the plan of a general department of it
        for m in _OF_MINISTRY.finditer(folded, lo, hi):
            if folded.startswith(ministry, m.end() - 3) and doc_text[m.end() - 3] == "B":
                return doc_text[m.end() - 3:m.end() - 3 + len(ministry)]
    above = province_above(doc_text)
    if above:
        for m in reversed(list(_OF_BARE_PROVINCE.finditer(folded, lo, hi))):
            if fold(above).split()[0] != m.group().split()[1]:
                continue  # `của thành phố` under a province names a city of it, not the province
            if any(doc_text[o.end() - 2] == "S" and not doc_text[o.end() + 1:o.end() + 2].isupper()
                   for o in _OF_DEPARTMENT.finditer(folded, m.end(), hi)):
                return None  # `Kết quả khảo sát của Thành phố ... đối với sự phục vụ của Sở đạt`: the department's
            if not doc_text[m.end():m.end() + 2].strip()[:1].isupper() and \
                    not _AMONG_UNITS.search(folded, max(lo, m.start() - 40), m.start()):
                return above  # `Chỉ số SIPAS của tỉnh đạt 83,75%` in a department's plan: the province's
        # `...; tỉnh xếp thứ 20/63`, `Chỉ số PAR INDEX năm 2024 tỉnh đạt 88,10 điểm` in a district's plan: the
        # province above as the bare subject
        for m in reversed(list(_BARE_PROVINCE_SUBJECT.finditer(folded, lo, min(len(folded), hi + 8)))):
            if m.start() < hi and doc_text[m.start()] == "t" and above.startswith("tỉnh") \
                    and not _AGENCY_OF_PROVINCE.search(folded, max(0, m.start() - 40), m.start()) \
                    and not re.search(r"\bSở [^.,;:()]{2,30}$", doc_text[max(0, m.start() - 40):m.start()]):
                # (its verb may open the value; not `Công an tỉnh đạt`, `BHXH tỉnh`, `Sở Y tế tỉnh`: an agency's name)
                return above
    # the unit as the subject: `Thành phố Hồ Chí Minh có Chỉ số PAPI năm 2024 đạt ...`
    for m in reversed(list(_UNIT.finditer(folded, lo, hi))):
        agency = _AGENCY_BEFORE_UNIT.search(folded, max(0, m.start() - 40), m.start())
        if agency and doc_text[agency.start()].isupper():
            # `Cục Thuế tỉnh Nghệ An`, `Cục Hải quan thành phố Hải Phòng`: the unit names an agency, the issuer's
            # own (its header) or another one (`Cục Hải quan tỉnh Quảng Ninh đứng đầu`): no unit's result either way
            name = _capitalised_after(doc_text, m.end(), hi)
            if fold(f"{folded[agency.start():m.end()]}{name}") in " ".join(header_region(doc_text).split()):
                return None
            continue
        name = _capitalised_after(doc_text, m.end(), hi)
        if name and (_publisher(doc_text, folded, m, name) or _AUTHORITY.search(folded, max(0, m.start() - 260), m.start())
                     or _RANKED_AMONG.search(folded, max(0, m.start() - 50), m.start())
                     or _COMPARED_WITH.search(folded, max(0, m.start() - 16), m.start())):
            continue  # `..., thấp hơn thành phố Hải Phòng (74,05 điểm); năm 2023 tỉnh đạt ...`: compared, not the subject
        if name:
            if _is_own(f"{m.group(1)} {fold(name)}", own):
                return None
            return _unit_name(m.group(1), name)
    return None


# an agency whose name goes on with a unit (`Cục Thuế tỉnh`, `Kho bạc Nhà nước tỉnh`, `Công an thành phố`, `Thuế tỉnh`)
_AGENCY_BEFORE_UNIT = re.compile(r"\b(?:(?:tong\s+)?cuc\s+[a-z]+(?:\s+[a-z]+){0,2}|kho\s+bac\s+nha\s+nuoc|bao\s+hiem\s+xa\s+hoi|"
                                 r"cong\s+an|thue|vien\s+kiem\s+sat\s+nhan\s+dan|toa\s+an\s+nhan\s+dan)\s+$")
_AGENCY_OF_PROVINCE = re.compile(r"\b(?:bhxh|kbnn|ubnd|hdnd|uy\s+ban\s+nhan\s+dan|hoi\s+dong\s+nhan\s+dan|cong\s+an|"
                                 r"(?:chi\s+|tong\s+)?cuc\s+[a-z]+(?:\s+[a-z]+){0,2}|kho\s+bac(?:\s+nha\s+nuoc)?|"
                                 r"bao\s+hiem\s+xa\s+hoi|thue|tinh\s+uy|ban\s+[a-z]+(?:\s+[a-z]+){0,3})\s+$")
_BARE_PROVINCE_SUBJECT = re.compile(r"(?<!cua\s)(?<!\bcac\s)\btinh\s+(?=(?:nam\s+\d{4},?\s+)?(?:dat|xep|dung|van|tiep\s+tuc|co\s+chi\s+so)\b)")
_OF_DEPARTMENT = re.compile(r"\b(?:c\S{1,3}a|doi\s+voi)\s+so\b")
# `của tỉnh` naming no province: the province above a department, district or commune
_OF_BARE_PROVINCE = re.compile(r"\bc\S{1,3}a\s+(?:tinh\b(?!\s+(?:uy|doan)\b)|thanh\s+pho\b(?!\s+uy\b))")
# ... among the units of the province (`đứng thứ 5 trong 20 sở, ngành của tỉnh`): a ranking, not whose value
_AMONG_UNITS = re.compile(rf"(?:\bcac|\btrong|\bdon\s+vi|\bco\s+quan|\bnganh|\bdia\s+phuong|\b{UNIT_WORDS})[\s,]*$")
# (the provincial branches of central agencies too: `CÔNG AN TỈNH X`, `BẢO HIỂM XÃ HỘI TỈNH X`, `THUẾ TỈNH X`)
_DEPARTMENT_LINE = re.compile(r"^\s*(?:so(?!\s*:?\s*\d)|ban|phong|trung\s+tam|cuc|chi\s+cuc|van\s+phong|cong\s+an|"
                              r"bao\s+hiem\s+xa\s+hoi|kho\s+bac|thue|thanh\s+tra)\s", re.M)
_DEPARTMENT_LINE_TEXT = re.compile(_DEPARTMENT_LINE.pattern + r".*", re.M)
_LOWER_UNITS = ("huyen", "quan", "thi xa", "xa", "phuong", "thi tran")


def issuer_is_department(doc_text: str) -> bool:
    """The plan's issuer is a department or a central agency's branch (`SỞ TƯ PHÁP`, `CÔNG AN TỈNH X`)."""
    return bool(_DEPARTMENT_LINE.search(header_region(doc_text)))


_OF_MINISTRY = re.compile(r"\bc\S{1,3}a\s+bo\s")


@lru_cache(maxsize=8)  # asked per value checked, like header_region
def _ministry_above(doc_text: str) -> Optional[str]:
    """`bo nong nghiep va phat trien nong thon` over `TỔNG CỤC THỦY LỢI`: the ministry a lower issuer's header names
    above it (its name may wrap over two lines); None for the ministry's own plan (`BỘ TÀI CHÍNH` over a rule)."""
    lines = [re.split(r"\s{2,}", line.strip())[0] for line in header_region(doc_text).split("\n")]
    lines = [" ".join(line.split()) for line in lines if re.search(r"[a-z]", line)
             and not re.match(r"c\S{0,2}ng\s+h\S{0,2}a\b|d\S{0,2}c\s+l\S{0,2}p\b", line)]
    if len(lines) < 2 or not re.match(r"bo\s+[a-z]", lines[0]) or not _LOWER_AGENCY.match(lines[-1]):
        return None
    return " ".join(lines[:-1])


# the issuer under a ministry: `TỔNG CỤC THUẾ`, `CỤC ...`, `VỤ ...`, `VIỆN ...`, `VĂN PHÒNG BỘ`, `THANH TRA BỘ`
_LOWER_AGENCY = re.compile(r"(?:tong\s+cuc|cuc|vu|vien|van\s+phong|thanh\s+tra|trung\s+tam|ban|uy\s+ban|kho\s+bac)\b")


@lru_cache(maxsize=8)
def province_above(doc_text: str) -> Optional[str]:
    """`tỉnh Hà Tĩnh` when the issuer is below the province (a department under `UBND TỈNH HÀ TĨNH`, a district,
    a commune), else None: the province's own plan says `của tỉnh` of itself."""
    from extract.places import province_kind, province_name

    region = header_region(doc_text)
    kind = "tỉnh"
    if _DEPARTMENT_LINE.search(region):
        # (a centrally-run city above its departments: `UBND THÀNH PHỐ HÀ NỘI` / `SỞ NỘI VỤ`)
        named = re.search(r"\b(tinh|thanh\s+pho)\s+([a-z]+(?:\s+[a-z]+){0,3})", region)
        province = province_name(" ".join(named.group(2).split()[:3])) if named else None
        if province is None and named:
            province = province_name(" ".join(named.group(2).split()[:2]))
        kind = "thành phố" if named and named.group(1) != "tinh" else kind
        if not named:  # a branch named by its province alone (`KHO BẠC NHÀ NƯỚC QUẢNG NINH`)
            for line in _DEPARTMENT_LINE_TEXT.findall(region):
                words = re.split(r"\s{2,}", line.strip())[0].split()  # (the motto may share the line)
                province = next((province_name(" ".join(words[-n:])) for n in (3, 2) if len(words) > n
                                 and province_name(" ".join(words[-n:]))), None)
                if province:
                    kind = province_kind(province)  # `KHO BẠC NHÀ NƯỚC HÀ NỘI`, `CỤC HẢI QUAN TP HẢI PHÒNG`
                    break
    elif any(_split_unit(u)[0] in _LOWER_UNITS for u in own_units(doc_text)):
        from extract.issuer import dominant_province

        province = dominant_province(doc_text)
    else:
        return None
    return f"{kind} {province}" if province else None


_NO_NAME = ("và", "đến", "trong")  # words no place name holds (as printed: `Đức Trọng`, `Măng Đen`, `Mường Và` are)


def _capitalised_after(doc_text: str, lo: int, hi: int) -> str:
    words = []
    split = doc_text[lo:hi].split()
    for k, w in enumerate(split):
        after = fold(split[k + 1]) if k + 1 < len(split) else ""
        if not w[:1].isupper() or fold(w) in ("nam", "ngay", "thang") and after[:1].isdigit():
            break  # (`của Thành phố` / `Năm 2025, ...`: a date opens the next sentence)
        if w.lower() in _NO_NAME or (fold(w), after.strip(",.;:")) in (("giai", "doan"), ("nhiem", "ky")):
            break  # a heading in capitals: `CỦA TỈNH GIAI ĐOẠN 2018 - 2020`, `CỦA HUYỆN VÀ ...` (not `Đức Trọng`)
        words.append(w.strip(",.;:"))
        if w[-1] in ",.;:":  # `huyện Thanh Sơn; Chỉ số SIPAS`: the name ends at its punctuation
            break
    gap_start = lo
    while gap_start > 0 and doc_text[gap_start - 1].isspace():  # (the unit word's pattern took the line break)
        gap_start -= 1
    if words and "\n" in doc_text[gap_start:lo + doc_text[lo:hi].find(split[0])]:
        from extract.places import is_place_name

        # a unit word ending a heading (`1. Chỉ số PAPI của tỉnh` / `Theo Báo cáo ...`): the next line's
        # capitals are a place only when the gazetteer knows them
        if not any(is_place_name(" ".join(words[:k])) for k in range(1, min(len(words), 4) + 1)):
            return ""
    return " ".join(words)


is_own = _is_own  # used by extract/result_peers.py
capitalised_after = _capitalised_after


_SCOPE_NAMED = re.compile(r"^(?P<kind>tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn) (?P<name>.+?)(?P<old> \(cũ\))?$")


def snap_scope(scope: Optional[str], province: Optional[str]) -> Optional[str]:
    """A unit's name the restorer spelt otherwise (`xã Hoa Lợi (cũ)`) as the gazetteer spells it (`xã Hòa Lợi
    (cũ)`): within the issuer's province, else in the country when its letters spell one name only
    (places.unit_name); same letters, marks from the gazetteer; the unit's type is not checked; names it does
    not know stay as printed."""
    from extract.places import province_kind, unit_name

    if scope and re.match(r"S[ởơốổ] (?=[A-ZĐ])", scope):  # (`Sơ GDĐT`, `Sổ Kế hoạch`: the restorer's slips for `Sở`)
        scope = _expand_department("Sở " + scope[3:])
    if scope and scope.startswith("Sở "):  # ... and the province closing it (`Sở X tính Phụ Thu (cũ)`)
        tail = re.search(r" (?:tỉnh|tính|tinh) (?P<name>[^()]+?)(?P<old> \(cũ\))?$", scope)
        known = tail and _province_spelt(tail.group("name"))
        return scope[:tail.start()] + f" {province_kind(known)} {known}{tail.group('old') or ''}" if known else scope
    m = _SCOPE_NAMED.match(scope or "")
    if not m:
        return scope
    name, kind = m.group("name"), m.group("kind")
    known = _province_spelt(name) if kind in ("tỉnh", "thành phố") else None
    if known:  # (`tỉnh Hồ Chí Minh`: a centrally-run city; `thành phố Thanh Hóa`, a province's city, stays one)
        return f"{province_kind(known) if kind == 'tỉnh' else kind} {known}{m.group('old') or ''}"
    known = unit_name(name, province)
    if not known or fold(known) != fold(name):
        return scope
    return f"{kind} {known}{m.group('old') or ''}"


def _province_spelt(name: str) -> Optional[str]:
    """A province's name as the gazetteer spells it, the restorer's marks aside (`Phú Thọ`), or one letter off when only
    one province is that near (`Hình Phước` -> `Bình Phước`, `Phụ Thu` -> `Phú Thọ`), else None."""
    from rapidfuzz.distance import Levenshtein

    from extract.places import province_name, province_names

    known = province_name(name)
    if known:
        return known
    key = fold(name).replace(" ", "")
    near = [p for p in province_names() if Levenshtein.distance(key, fold(p).replace(" ", "")) <= 1]
    return near[0] if len(near) == 1 and len(key) >= 6 else None


# how department names are shortened (`Sở NN&PTNT (cũ)`, `Sở GDĐT tỉnh X (cũ)`): written out in a scope, as the
# three annotators who met them wrote them
_DEPARTMENT_SHORT = (
    (r"NN\s*&\s*PTNT|NN\s*và\s*PTNT|NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    (r"Nông nghiệp và PTNT", "Nông nghiệp và Phát triển nông thôn"),
    (r"TN\s*&\s*MT|TNMT", "Tài nguyên và Môi trường"), (r"GD\s*&\s*ĐT|GDĐT", "Giáo dục và Đào tạo"),
    (r"KH\s*&\s*ĐT|KHĐT", "Kế hoạch và Đầu tư"), (r"KH\s*&\s*CN|KHCN", "Khoa học và Công nghệ"),
    (r"LĐ\s*-?\s*TB\s*&\s*XH|LĐTBXH", "Lao động - Thương binh và Xã hội"), (r"TT\s*&\s*TT|TTTT", "Thông tin và Truyền thông"),
    (r"VH\s*,?\s*-?\s*TT\s*&\s*DL|VHTTDL", "Văn hóa, Thể thao và Du lịch"), (r"GTVT", "Giao thông vận tải"),
)


def written_out_department(scope: Optional[str]) -> Optional[str]:
    """A department's short name in a scope written out, whatever the text's marks (`Sở TN&MT (cũ)` heading a
    table column)."""
    return _expand_department(scope) if scope and scope.startswith("Sở ") else scope


def _expand_department(scope: str) -> str:
    """`Sở GDĐT Hà Giang (cũ)` -> `Sở Giáo dục và Đào tạo tỉnh Hà Giang (cũ)` (a province named bare gets `tỉnh`)."""
    from extract.places import province_kind, province_name

    head, rest = scope[:3], scope[3:]
    for short, full in _DEPARTMENT_SHORT:
        expanded = re.sub(rf"^(?:{short})(?=\s|$)", full, rest)
        if expanded != rest:
            place = re.match(r" ([A-ZĐ][^()]*?)(\s*\(cũ\))?$", expanded[len(full):])
            if place and province_name(place.group(1)):
                expanded = f"{full} {province_kind(place.group(1))} {place.group(1)}{place.group(2) or ''}"
            rest = expanded
            break
    return head + rest


_FORMER_PROVINCE = re.compile(r"^(?:tỉnh|thành phố) (?P<name>.+) \(cũ\)$")


def foreign_former_province(scope: Optional[str], doc_text: str) -> bool:
    """`tỉnh Gia Lai (cũ)` in a plan of Đắk Lắk (or of a unit in it): a former province that did not merge into
    the issuer's, so a unit the plan compares itself with (the 2025 merger table of `vietnamadminunits`)."""
    m = _FORMER_PROVINCE.match(scope or "")
    if not m:
        return False
    from extract.places import merged_into

    own = [u for u in own_units(doc_text) if _split_unit(u)[0] in ("tinh", "thanh pho")]
    province = own[0] if own else province_above(doc_text)
    return bool(province) and merged_into(m.group("name"), province) is False


_PROVINCE_SCOPE = re.compile(r"^(?:tỉnh|thành phố) (?P<name>[^()]+)$")


def peer_province(scope: Optional[str], own: set[str], province_issuer: bool = True) -> bool:
    """`tỉnh Quảng Trị`, `thành phố Hải Phòng` in a province's own plan (own: its folded `tỉnh X`): another
    province, one the plan compares itself with (no province is above a province; former ones say `(cũ)`, or are
    named bare in a plan of the province they merged into in 2025: `tỉnh Hà Nam` in Ninh Bình's)."""
    from extract.places import merged_into, province_name

    m = _PROVINCE_SCOPE.match(scope or "")
    provinces = [u for u in own if _split_unit(u)[0] in ("tinh", "thanh pho") and province_name(_split_unit(u)[1])]
    if not province_issuer or not m or not provinces or not province_name(m.group("name")):
        return False
    other = province_name(m.group("name")) or ""
    return not any(fold(other) == fold(province_name(_split_unit(u)[1]) or "")
                   or merged_into(other, province_name(_split_unit(u)[1]) or "") for u in provinces)
