"""Silver annotation of plan text for NER: ORG, LOC, PERSON, DATE, DOC_REF as character spans.

Sources, in priority order (an earlier span wins an overlap):
1. facts a synthetic plan's gold puts into its text (agency names of tasks, issuer, signer),
2. patterns: document numbers (`288/QĐ-BNV`), dates (`ngày 12/7/2025`, `Quý IV/2025`),
3. gazetteers: agencies (kehoach.synth.vocab + agency-head patterns), administrative units
   (`tỉnh Cao Bằng`, `xã Minh Xuân`) and personal names (surname + capitalised syllables).
The same function gives the entity_ruler its patterns (see `ruler_patterns`).
"""
from __future__ import annotations

import regex as re  # \p{Lu}: upper-case Vietnamese letters (À-Ỹ would also match lower case)
from functools import lru_cache
from typing import Iterable

from kehoach.synth import vocab

LABELS = ("ORG", "LOC", "PERSON", "DATE", "DOC_REF")
Span = tuple[int, int, str]

_CAP = r"\p{Lu}[\p{L}\p{M}]*"
_UNIT = r"(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|Tỉnh|Thành phố|Huyện|Xã|Phường)"
DOC_REF = re.compile(r"(?<![\w/])\d{1,5}(?:/\d{4})?[/-](?:[A-ZĐ]{1,8}[&-]?)+(?:[/-][A-ZĐ0-9&]{1,10})*(?![\w/])")
DATE = re.compile(r"(?:ng[àa]y\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2}"
                  r"|ng[àa]y\s+\d{1,2}\s+th[áa]ng\s+\d{1,2}\s+n[ăa]m\s+(?:19|20)\d{2}"
                  r"|(?:[Qq]u[ýy]\s+[IV]{1,3}|th[áa]ng\s+\d{1,2})\s*/\s*(?:19|20)\d{2}"
                  r"|th[áa]ng\s+\d{1,2}\s+n[ăa]m\s+(?:19|20)\d{2}")
LOC = re.compile(rf"\b{_UNIT}\s+{_CAP}(?:\s+{_CAP}){{0,3}}(?:\s+\(cũ\))?")
_ORG_HEADS = (r"Sở|Phòng|Văn phòng|Trung tâm|Ủy ban nhân dân|Ủy ban|UBND|HĐND|Thanh tra|Công an|Bảo hiểm xã hội|"
              r"Bưu điện|Mặt trận|Chi cục|Kho bạc Nhà nước|Kho bạc|Bộ phận|Tỉnh ủy|Huyện ủy|Đảng ủy|Chính phủ|"
              r"Thủ tướng Chính phủ|(?:Báo|Đài|Bộ|Ban|Cục|Đoàn|Hội|Tổ)(?=\s+\p{Lu})")
# An agency: its head word, then capitalised words, unit words and connectors, up to punctuation or a verb.
_STOP = (r"(?:về|của|theo|tại|trong|đối|với|để|cho|trên|đến|từ|ngày|số|năm|là|và|chủ|phối|thực|tổ|tham|tăng|"
         r"triển|kiểm|hướng|hoàn|tiếp|báo|đôn|xây|rà|tuyên|hỗ|giám|chỉ|xử|cung|đẩy|nâng|bảo|đảm|giải|cải|ban|"
         r"tổng|có|được|đã|sẽ|phải|cần|các|những|nhằm|khi|đưa|làm|quản|ký|phát)\b")
_WORD = r"[\p{L}\p{M}]+"
# An agency: its head word, then capitalised words (each may carry one lower-case syllable of the same
# word: `Y tế`, `Tài chính`, `Nhà nước`), `và`/`-` between capitalised words, unit words and unit names.
ORG = re.compile(rf"\b(?:{_ORG_HEADS})"
                 rf"(?:\s+(?:{_CAP}(?:\s+(?!{_STOP})\p{{Ll}}{_WORD}(?=[\s,;.:)]|$))?|(?:và|-|,)(?=\s+\p{{Lu}})|"
                 rf"{_UNIT}(?:\s+{_CAP}){{0,3}}|nhân dân))*")
_EXTRA_SURNAMES = ("Trịnh", "Phan", "Võ", "Huỳnh", "Đoàn", "Mai", "Cao", "Chu", "Kiều", "Lò", "Vi", "Hứa")
PERSON = re.compile(rf"\b(?:{'|'.join(vocab.SURNAMES + _EXTRA_SURNAMES)})(?:\s+{_CAP}){{2,3}}\b")


@lru_cache(maxsize=1)
def agency_gazetteer() -> tuple[str, ...]:
    names: set[str] = {d for d, _, _ in vocab.DEPARTMENTS}
    for group in (vocab.PROVINCE_AGENCIES_OLD, vocab.PROVINCE_AGENCIES_NEW, vocab.DEPARTMENT_UNITS):
        names.update(group)
    for group in (vocab.DISTRICT_AGENCIES, vocab.COMMUNE_AGENCIES, vocab.WARD_EXTRA_AGENCIES):
        for n in group:
            for u in ("huyện", "xã", "phường", "thị trấn", "thị xã", "thành phố"):
                names.add(n.replace("{u}", u))
    for group in vocab.PARTNER_GROUPS.values():
        names.update(group)
    names.update(("Bộ Nội vụ", "Bộ Chính trị", "Chính phủ", "Thủ tướng Chính phủ", "Văn phòng Chính phủ",
                  "Ban Chỉ đạo cải cách hành chính", "Mặt trận Tổ quốc Việt Nam"))
    return tuple(sorted(names, key=len, reverse=True))


def _find_all(text: str, needle: str) -> Iterable[tuple[int, int]]:
    if len(needle) < 4:
        return
    for m in re.finditer(r"(?<![\wÀ-ỹ])" + re.escape(needle) + r"(?![\wÀ-ỹ])", text):
        yield m.start(), m.end()


def annotate(text: str, facts: dict[str, Iterable[str]] | None = None) -> list[Span]:
    """Non-overlapping (start, end, label) spans; `facts` maps a label to strings known to be entities."""
    cands: list[tuple[int, int, int, str]] = []  # (priority, start, end, label)
    for label, strings in (facts or {}).items():
        for s in sorted(set(strings), key=len, reverse=True):
            cands += [(0, a, b, label) for a, b in _find_all(text, s)]
    cands += [(1, m.start(), m.end(), "DOC_REF") for m in DOC_REF.finditer(text)]
    cands += [(1, m.start(), m.end(), "DATE") for m in DATE.finditer(text)]
    for name in agency_gazetteer():
        cands += [(2, a, b, "ORG") for a, b in _find_all(text, name)]
    cands += [(3, m.start(), m.end(), "ORG") for m in ORG.finditer(text) if len(m.group(0).split()) >= 2]
    cands += [(3, m.start(), m.end(), "PERSON") for m in PERSON.finditer(text)]
    cands += [(3, m.start(), m.end(), "LOC") for m in LOC.finditer(text)]
    chosen: list[Span] = []
    taken = [False] * (len(text) + 1)
    for _, a, b, label in sorted(cands, key=lambda c: (c[0], -(c[2] - c[1]), c[1])):
        a, b = _trim(text, a, b)
        if b <= a or any(taken[a:b]):
            continue
        for i in range(a, b):
            taken[i] = True
        chosen.append((a, b, label))
    return sorted(chosen)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and text[b - 1] in " ,;:.-–(":
        b -= 1
    while a < b and text[a] in " ,;:.-–)":
        a += 1
    return a, b


def ruler_patterns() -> list[dict]:
    """entity_ruler patterns: the agency gazetteer as phrases, document numbers and dates as token shapes."""
    pats: list[dict] = [{"label": "ORG", "pattern": n} for n in agency_gazetteer()]
    pats.append({"label": "DOC_REF", "pattern": [{"TEXT": {"REGEX": r"^\d{1,5}(-[A-ZĐ]+)?$"}}, {"TEXT": "/"},
                                                 {"TEXT": {"REGEX": r"^[A-ZĐ]{1,8}$"}}, {"TEXT": "-"},
                                                 {"TEXT": {"REGEX": r"^[A-ZĐ0-9&]{1,10}$"}}]})
    pats.append({"label": "DATE", "pattern": [{"LOWER": "ngày"}, {"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}/\d{4}$"}}]})
    return pats
