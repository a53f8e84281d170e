"""Values of units the plan compares itself with: `đứng (ngay) sau Lào Cai (70,12 điểm)`, `trong khi tỉnh Nghệ An
đạt 4,05 điểm`, `(Sở Xây dựng dẫn đầu với 93,20%)`, `thấp hơn Nam Định (45,02 điểm)`. Such a value is that unit's,
not a result; but the unit a cue names may be the issuer's own (`trong khi tỉnh <own> năm 2024 đạt`, `Chỉ số PCI của
tỉnh <own> dẫn đầu với`) or a former unit of it (`trong khi tỉnh Yên Bái (cũ) đạt`): those values are kept.
Works on folded text (extract.numbers.fold); names are read from the original (same offsets).
"""
from __future__ import annotations

import re
from typing import Optional

from extract.numbers import fold
from extract.result_scope import UNIT_WORDS, capitalised_after, header_region, is_own

_OLD_AFTER = re.compile(r"[^\s(,;.]+(?:\s+[^\s(,;.]+){0,3}\s*\((?:cu|cii|cu\.)\)")
_PEER = re.compile(rf"\b(?:(?<!noi\s)(?:dung|xep|chi)\s+(?:ngay\s+)?sau\s+(?!(?:day|do|khi)\b)"
                   rf"|trong\s+khi\s+(?P<while>{UNIT_WORDS}|so)\s"
                   # (`Sở Nội vụ dẫn đầu khối sở, ngành với`; a restorer's `so với`, `đất` for `với`, `đạt`)
                   r"|(?<!nhom\s)(?P<lead>dan\s+dau)(?:\s+(?:khoi|ca\s+nuoc|toan\s+quoc|toan\s+tinh|khu\s+vuc|vung)\b[^.;()\d]{0,40}?)?"
                   r"(?:\s+(?:so\s+)?(?:voi|la|dat)\b|\s*$)"
                   rf"|(?:cao|thap|kem)\s+hon\s+(?:(?:so\s+voi|cua)\s+)?(?P<than>{UNIT_WORDS})\s+[a-z])")
_NEIGHBOUR = re.compile(rf"\b(?:dia\s+phuong|{UNIT_WORDS})\s+lan\s+can(?:\s+lan\s+luot)?(?:\s+(?:dat|xep|dung|la))?"
                        r"(?:\s+(?:thu|hang))?(?:\s*\d{1,3}(?:[.,]\d+)?\s*(?:/\s*\d{1,3})?\s*(?:diem|%)?\s*(?:,|va)(?:\s+thu)?)*\s*$")
# (right before the value, or before the values listed ahead of it: the neighbours are their subject)
# `(tỉnh dẫn đầu đạt 0,7214 điểm; ...)`: the leading unit, unnamed, in parentheses (`tỉnh dẫn đầu cả nước với 92,1%`
# said of the plan's own unit stays its value; a named one, `tỉnh X dẫn đầu với`, is read below)
_LEADER_REACHES = re.compile(rf"\(\s*(?:{UNIT_WORDS}|dia\s+phuong|don\s+vi)\s+dan\s+dau(?:\s+(?:ca\s+nuoc|toan\s+quoc|khu\s+vuc))?"
                             r"(?:\s+(?:dat|voi|la))?\s*$")
# the leading unit unnamed, as the subject (not `của đơn vị`, the issuer's own)
# (not a group of them: `trong nhóm 10 đơn vị dẫn đầu thành phố, đạt trên 90 điểm`)
# (not the plan's own unit said to be one: `Nghệ An là địa phương dẫn đầu`, `một trong những đơn vị dẫn đầu`)
_NOT_ONE_OF = r"(?<!cua\s)(?<!\d\s)(?<!nhom\s)(?<!cac\s)(?<!la\s)(?<!nhung\s)(?<!trong\s)(?<!mot\s)"
_UNNAMED_LEADER = re.compile(_NOT_ONE_OF + r"\b(?:dia\s+phuong|don\s+vi|co\s+quan)\s+(?:dan\s+dau|dung\s+dau|xep\s+dau|"
                             r"xep\s+(?:thu\s+)?nhat)\b[^.;()\d,]{0,40}$")
_UNNAMED_SUBJECT = re.compile(_NOT_ONE_OF + r"\b(?:dia\s+phuong|don\s+vi|co\s+quan)\s+$")
_FIRST_PLACE = re.compile(r"(?:xep|dung)\s+(?:o\s+)?(?:thu\s+)?(?:nhat|dau)\b")
_LEADER_OPENS = re.compile(rf"\s*(?:[-+•]\s*)?(?:{UNIT_WORDS}|dia\s+phuong|don\s+vi)\s+dan\s+dau\b[^.;]*?\bla\s")
_UNIT_WORD_AT = re.compile(rf"\b(?:{UNIT_WORDS})\s")
_INDEX_ACRONYM = re.compile(r"\(?(?:pci|papi|dti|sipas|cchc|par|index|par\s?index)\)?")
_UNIT_KIND = re.compile(rf"^{UNIT_WORDS}\s+")  # own units are typed (`tỉnh X`); a name alone is compared bare
_UNIT_BEFORE_LEAD = re.compile(rf"\b(?P<kind>{UNIT_WORDS}|so)\s+(?=\S)")
# `thấp hơn Nam Định (45,02 điểm)`, `sau Lào Cai (70,12 điểm)`: a name, then that unit's value in parentheses
# (`đứng đầu khu vực, trước các tỉnh Nghệ An (64,92 điểm) và Hà Tĩnh (64,38 điểm)`: the units ranked behind;
# `thấp hơn các tỉnh lân cận Hà Tĩnh (thứ 8/61)`)
_NAME_THEN_VALUE = re.compile(rf"\b(?:hon|sau|truoc(?!\s+(?:khi|day|do|nam|thoi|sap|hop)\b))\s+(?:(?:so\s+voi|cua)\s+)?"
                              rf"(?:(?:cac\s+)?(?:{UNIT_WORDS}|dia\s+phuong)\s+(?:lan\s+can\s+)?)?((?:[a-z]+\s+){{1,6}})\($")
# ... and the next names of the same comparison: `thấp hơn Đồng Nai (70,71 điểm) và Bà Rịa - Vũng Tàu (71,00 điểm)`
_NEXT_NAME_THEN_VALUE = re.compile(r"\b(?:hon|sau|truoc)\s+[^.;]*?\)\s*(?:,|va)\s+((?:[a-z]+\s+(?:-\s+)?){1,5})\($")


# `So với tỉnh Bắc Ninh (DTI năm 2024 xếp thứ 3/63)`: a unit compared with, its values in parentheses
_UNIT_COMPARED_THEN_VALUE = re.compile(rf"\bso\s+voi\s+(?:{UNIT_WORDS})\s+((?:[a-z]+\s+){{1,5}})\($")


def _capital_so(text: str, at: int) -> bool:
    """`Sở` (a department) folds like `số` (number): in a sentence only the department's is capitalised."""
    return text[at] == "S"


def _named_unit(text: str, folded: str, at: int, hi: int) -> tuple[str, bool]:
    """The name after a unit word at `at` (`Hà Tĩnh`) and whether it is a former unit (`... (cũ)`)."""
    return capitalised_after(text, at, hi), bool(_OLD_AFTER.match(folded, at, hi))


_MINISTRY_BEFORE = re.compile(r"\bbo\s+((?:[a-z]+\s+){1,5})$")


def _name_before(text: str) -> str:
    """Folded capitalised words ending `text` (`Quảng Ngãi`), an index acronym (`PCI`) left out: no unit's name."""
    words = text.split()
    while words and _INDEX_ACRONYM.fullmatch(fold(words[-1])):
        words.pop()
    name: list[str] = []
    while words and words[-1][:1].isupper() and not _INDEX_ACRONYM.fullmatch(fold(words[-1])):
        name.insert(0, fold(words.pop()))
    return " ".join(name)


_CLAUSE_SUBJECT = re.compile(rf"\s*(?:[-+•]\s*)?(?P<kind>{UNIT_WORDS}|so)\s+(?=\S)")
# the rest of the name (`Sở Tư pháp`: one capital), then the verb of the clause
# (past an apposition: `Tỉnh Bắc Ninh, địa phương dẫn đầu vùng, đạt PCI 72,14 điểm`)
_SUBJECT_VERB = re.compile(r"((?:\s+(?!(?:co|chi|cua|nam|da|van|deu|tiep|cung|trong)\b)[a-z]+){0,4}?)(?:\s*,[^,;.()]{3,50},)?\s*"
                           r"(\((?:cu|cii|cu\.)\)\s*)?(?:dat|xep|dung)\b")


def _other_unit_subject(text: str, folded: str, clause_at: int, at: int, own: frozenset) -> bool:
    """`...; Sở Tư pháp xếp thứ hai với 88,10%`: a clause whose subject is another named unit (not the
    issuer: not its own unit, not named in the header; not one of its former units) gives that unit's values."""
    m = _CLAUSE_SUBJECT.match(folded, clause_at, at)
    if not m or m.group("kind") == "so" and not _capital_so(text, m.start("kind")):
        return False
    name, former = _named_unit(text, folded, m.end(), at)
    verb = _SUBJECT_VERB.match(folded, m.end() + len(name), at + 5) if name else None  # the value may open with it
    if not verb or former or verb.group(2):  # `Sở Kế hoạch và Đầu tư (cũ) đạt`: a former unit of the issuer
        return False
    if _above_the_issuer(m.group("kind"), own):  # `; tỉnh An Giang đạt 88,1%` in a district's plan: the unit above it
        return False
    named, unit = f"{m.group('kind')} {fold(name)}", f"{m.group('kind')} {fold(name)}{verb.group(1)}"
    header = header_region(text)  # the issuer (a department's own name) and its superior are named there
    return not is_own(unit, own) and unit not in header and named not in header


_PROVINCE_KINDS = ("tinh", "thanh pho")
_DISTRICT_KINDS = ("huyen", "quan", "thi xa", "thanh pho")
_COMMUNE_KINDS = ("xa", "phuong", "thi tran")


def _above_the_issuer(kind: str, own: frozenset) -> bool:
    """A province named by a district's or a commune's plan, or a district named by a commune's, is the unit the
    issuer belongs to (its values carry a scope); a unit of the issuer's own level is a peer."""
    kinds = {u.split(" ", 1)[0] if not u.startswith(("thanh pho", "thi xa", "thi tran")) else " ".join(u.split()[:2])
             for u in own}
    if kinds & set(_COMMUNE_KINDS):
        return kind in _PROVINCE_KINDS + _DISTRICT_KINDS
    if kinds & set(_DISTRICT_KINDS) - {"thanh pho"}:
        return kind == "tinh"
    return False


# `dẫn đầu là Sở X`, `Đơn vị dẫn đầu Chỉ số DTI khối sở, ban, ngành là Sở X với 0,72 điểm`, `cao nhất tỉnh là
# thành phố X với 90,2%`
_LEADER_IS = re.compile(rf"\b(?:dan\s+dau|dung\s+dau|cao\s+nhat)\s+(?:[^.;:]{{0,60}}?\s)?(?:la|thuoc\s+ve)\s+(?P<kind>{UNIT_WORDS}|so)\s+(?=\S)")


def _leader_named(text: str, folded: str, clause_at: int, at: int, own: frozenset) -> bool:
    """`đơn vị dẫn đầu là Sở Tư pháp với 92,10 điểm`: the leader named after `là` is another unit."""
    m = None
    for m in _LEADER_IS.finditer(folded, clause_at, at):
        pass
    if m is None or m.group("kind") == "so" and not _capital_so(text, m.start("kind")):
        return False
    name, former = _named_unit(text, folded, m.end(), at)
    named = f"{m.group('kind')} {fold(name)}"
    return bool(name) and not former and not is_own(named, own) and named not in header_region(text)


def _named_before_parens(text: str, folded: str, opened: int, own: frozenset) -> bool:
    """The parenthesis at `opened` follows a compared unit's name (`hơn Nam Định (`, `sau Lào Cai (`)."""
    lo = max(0, opened - 90)
    clause_at = lo + ([0] + [m.end() for m in re.finditer(r"[.;:,]\s|\n", folded[lo:opened])])[-1]
    for rx, start in ((_NAME_THEN_VALUE, clause_at), (_NEXT_NAME_THEN_VALUE, max(0, opened - 160)),
                      (_UNIT_COMPARED_THEN_VALUE, clause_at)):
        m = rx.search(folded, start, opened + 1)
        if m and text[m.start(1)].isupper() and not is_own(fold(text[m.start(1):m.end(1)]).strip(), own):
            return True
    return False


def _hard_clause_start(folded: str, at: int) -> int:
    """Start of the value's clause up to 60 characters back, over line breaks (a sentence wraps)."""
    lo = max(0, at - 60)
    return lo + ([0] + [m.end() for m in re.finditer(r"[.;:,]\s", folded[lo:at])])[-1]


def peer_value(folded: str, at: int, text: Optional[str] = None, own: frozenset = frozenset()) -> bool:
    """The value at `at` is another unit's, named by a comparison in its clause."""
    lo = max(0, at - 90)
    clause_at = lo + ([0] + [m.end() for m in re.finditer(r"[.;:,]\s|\n", folded[lo:at])])[-1]
    if text is not None and folded.startswith("(", at) and _named_before_parens(text, folded, at, own):
        return True
    # `thấp hơn thành phố Đà Nẵng (91,37%, xếp thứ 3/63)`: every value in the parentheses of a compared unit
    opened = folded.rfind("(", lo, at)
    if opened >= 0 and folded.rfind(")", lo, at) < opened and peer_value(folded, opened, text, own):
        return True
    # the subject may open the clause a comma before (`huyện B đạt 87,0%, xếp thứ 2/11`): up to `;` or `.`
    sentence_at = lo + ([0] + [m.end() for m in re.finditer(r"[.;:]\s|\n", folded[lo:at])])[-1]
    if text is not None and (_other_unit_subject(text, folded, clause_at, at, own)
                             or _other_unit_subject(text, folded, sentence_at, at, own)
                             or _leader_named(text, folded, sentence_at, at, own)):
        return True
    if _UNNAMED_LEADER.search(folded, sentence_at, at) or (
            _UNNAMED_SUBJECT.search(folded, sentence_at, at) and _FIRST_PLACE.match(folded, at)):
        return True  # `đơn vị xếp thứ nhất đạt 92,40 điểm` (its rank too), `địa phương dẫn đầu cả nước đạt 74,86 điểm`
    if _NEIGHBOUR.search(folded, sentence_at, at) or _LEADER_OPENS.match(folded, sentence_at, at) \
            or _LEADER_REACHES.search(folded, _hard_clause_start(folded, at), at):
        return True  # `tỉnh X và tỉnh Y là hai địa phương lân cận lần lượt xếp thứ`, `Tỉnh dẫn đầu ... là X với`
    cues = list(_PEER.finditer(folded, clause_at, at))
    # the last cue, but `trong khi` first (`trong khi tỉnh dẫn đầu cả nước ... đạt`: the leader is what it introduces)
    m = next((c for c in reversed(cues) if c.group("while")), cues[-1] if cues else None)
    subject_at = clause_at  # where the cue's subject may start
    if m is None:
        subject_at = sentence_at  # `trong khi thành phố Đà Lạt, đơn vị dẫn đầu, đạt 90,12 điểm`: `trong khi` holds to the clause's end
        for m in _PEER.finditer(folded, sentence_at, clause_at):
            pass
        # (... and a leader's phrase over commas, right before the value: `Sở Nội vụ dẫn đầu khối sở, ngành với 91,26`)
        if m is not None and not (m.group("while") and not _UNIT_WORD_AT.search(folded, m.end("while"), at)) \
                and not (m.group("lead") and re.match(r"[^.;()\d]{0,40}?\b(?:voi|la|dat)\s+(?=\d)", folded[m.end():at + 12])):
            m = None
    if m is None:
        return False
    if text is None:
        return True
    if m.group("while") or m.group("than"):
        kind = m.group("while") or m.group("than")
        where = m.start("while") if m.group("while") else m.start("than")
        name, former = _named_unit(text, folded, where + len(kind) + 1, at)
        if kind == "so" and not name:
            return _capital_so(text, where)  # `trong khi số điểm năm 2024 đạt` is no Sở
        if former:  # a former unit of the issuer; not the district above a ward (`trong khi quận X (cũ) đạt`)
            return _above_the_issuer(" ".join(kind.split()), own)
        if not name:  # the issuer itself (`trong khi tỉnh năm 2024 đạt`), unless the leader (`trong khi tỉnh dẫn đầu`)
            return bool(re.match(r"\s*(?:dan\s+dau|dung\s+dau|xep\s+dau|cao\s+nhat)\b", folded[where + len(kind):at]))
        return not is_own(f"{kind} {fold(name)}", own)
    if m.group("lead"):
        units = list(_UNIT_BEFORE_LEAD.finditer(folded, subject_at, m.start()))
        units = [u for u in units if u.group("kind") != "so" or _capital_so(text, u.start())]
        if not units:
            ministry = _MINISTRY_BEFORE.search(folded, subject_at, m.start())
            if ministry and text[ministry.start()] == "B":  # `Bộ Tư pháp dẫn đầu với 87,51%`, unless the issuer
                return f"bo {' '.join(ministry.group(1).split())}" not in " ".join(header_region(text).split())
            name = _name_before(text[subject_at:m.start()])
            # `Lào Cai dẫn đầu với` is a peer; `Chỉ số PCI của <own> dẫn đầu với`, `Chỉ số PCI dẫn đầu với` the issuer
            return bool(name) and not is_own(name, {_UNIT_KIND.sub("", u) for u in own})
        u = units[-1]
        name, former = _named_unit(text, folded, u.end(), m.start())
        if former or not name:
            return False  # `Chỉ số PCI của tỉnh dẫn đầu với`: the issuer
        if u.group("kind") == "so":  # another department, unless the issuer (`Chỉ số CCHC của Sở Tư pháp dẫn đầu`)
            return not re.search(rf"\bso\s+{re.escape(fold(name).strip())}\b", header_region(text))
        return not is_own(f"{u.group('kind')} {fold(name)}", own)
    return True
