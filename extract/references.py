"""Cited documents (`Quyết định số 288/QĐ-BNV ngày 14/4/2023 của Bộ trưởng Bộ Nội vụ về ...`) and
the parent plan (`Thực hiện Kế hoạch số ... của ...`).

Every number printed after `số` or a document type is a citation. Around it: the type before
it (or the one a list shares: `các Quyết định: số 288/QĐ-BNV ..., số 289/QĐ-BNV ... của ...`),
the date after it, then `của <issuer>` and `về <subject>`. Matching runs on folded text, values
are cut from the printed text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from extract.dates import read_date_at
from extract.issuer import parse_body, agency_name
from extract.places import province_name, unit_name
from extract.patterns import (CUA, DOC_TYPE_RE, NUMBER, SO, THUC_HIEN, VE, clean_number, doc_type_of, fold,
                              fold_key, snippet)
from extract.schema import Evidence, Issuer, Reference
from normalize.types import NormalizedDocument

# A lone `)` after the type is how the English OCR model reads `số` (`Văn bản ) 839/SNV-...`).
_CITED_NUMBER = re.compile(r"(?<![a-z])(?:" + SO + r"|(?:" + DOC_TYPE_RE.pattern + r")(?:\s+\))?)\s*[:.]?\s*(?P<num>" + NUMBER + ")")
_TYPE_BEFORE = re.compile(r"(?:" + DOC_TYPE_RE.pattern + r")\s*(?:,\s*)?(?::\s*)?(?:(?:" + SO + r"|\))\s*[:.]?\s*)?$")
_LIST_NEXT = re.compile(r"\s*(?:,|;|\bva\b)\s*(?:(?:" + DOC_TYPE_RE.pattern + r")\s*)?(?:" + SO + r"\s*[:.]?\s*)?$")
_ISSUER_START = re.compile(r"[\s,]*" + CUA + r"\s+")
_ISSUER_STOP = re.compile(
    r"\s+" + VE + r"\s|\s*[;:]|\.(?:\s|$)|,\s|\n\s*\n|\s+(?:ban\s+h[a-z]nh|tai\s|trong\s|nham\s|theo\s|ngay\s|da\s|"
    r"quy\s+d[i1]nh|h[uw][o0]ng\s+d[a-z]n|ph[e&]\s+duy[e&]t|c[o0]ng\s+b[o0]|s[uw]a\s+d[o0]i|tri[e&]n\s+khai|"
    r"th[uy]c\s+hi[e&]n|giao\s|ch[i1]\s+d[a-z]o|v[e&]\s+vi[e&]c|"
    r"va\s+(?:cac\s+)?(?:k[e&]\s*hoach|quy[a-z]t|ngh[i1]|ch[i1]\s+th[i1]|v[a-z]n\s+b[a-z]n)|cu\s+the|dong\s+thoi)"
)
_SUBJECT_START = re.compile(r"[\s,]*" + VE + r"\s+(?:vi[e\w]c\s+)?")
_SUBJECT_STOP = re.compile(
    r"\s*;|\.(?:\s|$)|\n\s*\n|,\s+(?:cu\s+the|nhu\s+sau|trong\s+do|tri[a-z]{1,2}n\s+khai|dong\s+thoi|nham\s|de\s|"
    r"b[a-z]o\s+d[a-z]m|d[a-z]m\s+b[a-z]o|xay\s+dung|s[o&]\s)|\s+(?:nhu\s+sau|cu\s+the)\b"
)
# Document types implied by the code in a number (`.../QĐ-...`), for citations printed without one.
_CODE_TYPES = {"kh": "Kế hoạch", "qd": "Quyết định", "nq": "Nghị quyết", "ct": "Chỉ thị", "cd": "Công điện",
               "tb": "Thông báo", "nd": "Nghị định", "tt": "Thông tư", "ctr": "Chương trình"}
# Central bodies, to give names printed without diacritics their spelling back. Keys are folded.
KNOWN_ISSUERS = ["Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Chính phủ", "Thủ tướng Chính phủ",
                 "Văn phòng Chính phủ", "Bộ Nội vụ", "Bộ Tài chính", "Bộ Tư pháp", "Bộ Thông tin và Truyền thông",
                 "Bộ Khoa học và Công nghệ", "Bộ Kế hoạch và Đầu tư", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
                 "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Chỉ đạo cải cách hành chính của Chính phủ",
                 "Chương trình Phát triển Liên hợp quốc"]
_KNOWN_ISSUERS = {fold_key(n): n for n in KNOWN_ISSUERS}
_PARTY = re.compile(r"^(?P<btv>ban thuong vu )?(?P<kind>tinh|thanh) uy(?: (?P<place>.+))?$")
_TITLE_PREFIX = re.compile(r"^(?:b[o0]\s+tr\w{1,3}ng|th\w\s+tr\w{1,3}ng|ch\w\s+t[i1]ch|gi[a-z]m\s+d[o0]c)\s+(?=\S)")


def _own_unit(unit_type_key: str, own: Issuer | None) -> str | None:
    """`xa` + own issuer `Ủy ban nhân dân xã Minh Xuân` -> `xã Minh Xuân` (the same kind of unit only);
    the body printed above the issuer counts too (`UBND huyện` in a commune under that district)."""
    if own is None:
        return None
    for name in (own.name, own.superior):
        m = re.match(r"(?:Ủy ban nhân dân|Hội đồng nhân dân) (?P<unit>(?P<kind>huyện|quận|thị xã|thành phố|xã|"
                     r"phường|thị trấn|đặc khu) .+)$", name or "")
        if m and fold_key(m.group("kind")) == unit_type_key and (name != own.name or own.level != "province"):
            return m.group("unit")
    return None


def _local_party(key: str, own: Issuer | None) -> str | None:
    """`Huyện ủy` / `Đảng ủy xã` printed bare in the plan of that district or commune: with its name."""
    m = re.match(r"^(?P<btv>ban thuong vu )?(?:huyen uy|dang uy (?P<kind>xa|phuong|thi tran))$", key)
    if not m:
        return None
    head = "Ban Thường vụ " if m.group("btv") else ""
    unit = _own_unit(m.group("kind") or "huyen", own)
    if not unit:
        return None
    if m.group("kind"):
        return f"{head}Đảng ủy {unit}"
    return f"{head}Huyện ủy {unit.split(' ', 1)[1]}"  # unit is `huyện <name>`


@dataclass
class _Mention:
    start: int  # of the number (or the type word before it)
    num_start: int
    num_end: int
    number: str
    doc_type: str | None
    date: str | None = None
    end: int = 0  # where the citation's number/date ends
    issuer: str | None = None
    subject: str | None = None
    tail_end: int = 0
    parent: bool = False
    warnings: list[str] = field(default_factory=list)


def normalize_issuer(printed: str, province: str | None, own: Issuer | None = None) -> str | None:
    """`Ủy ban nhân dân (UBND) tỉnh Cao Bằng` -> `Ủy ban nhân dân tỉnh Cao Bằng`; `UBND tỉnh` -> with the
    document's province; `UBND xã` in a commune's plan -> that commune; `Bộ trưởng Bộ Nội vụ` -> `Bộ Nội vụ`;
    `Bo Noi vu` -> `Bộ Nội vụ`."""
    text = re.sub(r"(?<=[^\W\d_])['’](?=[^\W\d_])", "", printed)  # English OCR: `tru'ong` for `trường`
    text = re.sub(r"\s*\([^)]{1,15}\)|['’‘`´]", " ", text)  # `(UBND)`, OCR specks: `dân'(UBND)`
    text = " ".join(text.split()).strip(" ,.;")
    if not text:
        return None
    f = fold(text)
    m = _TITLE_PREFIX.match(f)
    if m and re.match(r"(?:b[o0]?|ubnd|[uú]y\s+ban|s[o0&]?)\s", f[m.end():]):
        text = text[m.end():]
    key = fold_key(text)
    party = _PARTY.match(key)
    if party:  # `Tỉnh ủy` gets its province: `Tỉnh ủy Hà Tĩnh`, `Ban Thường vụ Thành ủy Hải Phòng`
        head = ("Ban Thường vụ " if party.group("btv") else "") + ("Tỉnh ủy" if party.group("kind") == "tinh" else "Thành ủy")
        place = province_name(party.group("place") or "") or (None if party.group("place") else province)
        return f"{head} {place}" if place else (text if party.group("place") else head)
    if key in _KNOWN_ISSUERS:
        return _KNOWN_ISSUERS[key]
    local = _local_party(key, own)
    if local:
        return local
    if key in ("so", "s") and own is not None and own.level == "department":
        return own.name  # `của Sở` in a department's plan
    prefix = max((k for k in _KNOWN_ISSUERS if key.startswith(k + " ")), key=len, default=None)
    if prefix:  # a verb the stop list missed: `Thủ tướng Chính phủ phê chuẩn ...`
        return _KNOWN_ISSUERS[prefix]
    body = parse_body(text, province)
    if body is not None and body.kind == "unit" and not (province_name(body.place or "") or unit_name(body.place or "")):
        body = None  # `Tỉnh oty`: not a real unit, maybe a known name with OCR slips
    if body is not None and body.kind != "agency":
        if body.kind in ("ubnd", "hdnd") and body.unit_type is None:
            rest = fold_key(text)
            if province and rest.endswith((" tinh", " thanh pho")):  # `UBND tỉnh`: the document's province
                return f"{body.name} {'tỉnh' if rest.endswith('tinh') else 'thành phố'} {province}"
            unit = _own_unit(rest.split(" ", 4)[-1] if rest.startswith(("uy ban", "hoi dong"))
                             else rest.split(" ", 1)[-1], own)
            if unit:  # `UBND xã` in the plan of xã Minh Xuân: that commune
                return f"{body.name} {unit}"
            if rest.endswith((" huyen", " xa", " phuong", " quan", " thi xa")):
                return f"{body.name} {text.split()[-1].lower()}"
        return body.name if body.kind != "unit" else text
    near = process.extractOne(key, list(_KNOWN_ISSUERS), scorer=fuzz.ratio, score_cutoff=80)
    # OCR slips in a known name (`Thu tuéng Chinh pht`, `B Chinh tri`); `Sở Nội vụ` is not `Bộ Nội vụ`.
    if near and (body is None or near[0].split()[0] == key.split()[0]):
        return normalize_issuer(_KNOWN_ISSUERS[near[0]], province) if _PARTY.match(near[0]) else _KNOWN_ISSUERS[near[0]]
    if body is not None:
        if province and re.search(r"(?:ủy ban nhân dân|hội đồng nhân dân) tỉnh$", body.name, re.I):
            return f"{body.name} {province}"  # `Văn phòng UBND tỉnh`
        return body.name
    if re.match(r"b[o0]\s", f):
        return agency_name(text)
    return text


def _find_mentions(text: str, folded: str, own_number: str | None) -> list[_Mention]:
    out: list[_Mention] = []
    for m in _CITED_NUMBER.finditer(folded):
        number = clean_number(text[m.start("num"):m.end("num")])
        if own_number and (number == own_number or own_number.startswith(number + "-")):
            continue  # the plan's own number (also when a line break cut it: `38/KH-` + lost `UBND`)
        back = folded[max(0, m.start("num") - 60):m.start("num")]
        t = _TYPE_BEFORE.search(back)
        doc_type = doc_type_of(t) if t else None
        if t:  # a compound type names the document by its first word: `Thông báo kết luận số ...`
            outer = re.search(r"(?:" + DOC_TYPE_RE.pattern + r")\s+$", back[: t.start()])
            if outer and outer.end() == t.start():
                doc_type, t = doc_type_of(outer), outer
        out.append(_Mention(start=m.start("num") - (len(back) - t.start()) if t else m.start(),
                            num_start=m.start("num"), num_end=m.end("num"), number=number, doc_type=doc_type))
    return out


def _read_tail(mn: _Mention, text: str, folded: str, province: str | None, own: Issuer | None) -> None:
    pos = mn.num_end
    date = read_date_at(folded, text, pos)
    if date:
        mn.date = date.iso
        if date.warning:
            mn.warnings.append(f"reference {mn.number}: {date.warning}")
        pos = date.end
    mn.end = pos
    m = _ISSUER_START.match(folded, pos)
    if m:
        end = _issuer_end(text, folded, m.end())
        mn.issuer = normalize_issuer(text[m.end():end], province, own)
        pos = end
    s = _SUBJECT_START.match(folded, pos)
    if s:
        stop = _SUBJECT_STOP.search(folded, s.end(), s.end() + 400)
        end = stop.start() if stop else min(len(text), s.end() + 300)
        subject = " ".join(text[s.end():end].split()).strip(" ,")
        mn.subject = subject or None
        pos = end
    mn.tail_end = pos


def _issuer_end(text: str, folded: str, start: int) -> int:
    """Where the issuer after `của` ends. A stop word printed with a capital is part of a name
    (`Đà Nẵng`, `Giao Thủy`), not the verb or preposition it folds to."""
    for stop in _ISSUER_STOP.finditer(folded, start, start + 160):
        first = re.search(r"[^\W\d_]", text[stop.start():stop.end()])
        if first and first.group().isupper() and not re.match(r"\s+" + VE + r"\s", folded[stop.start():]):
            continue
        return stop.start()
    return min(len(text), start + 100)


def _group_lists(mentions: list[_Mention], folded: str) -> None:
    """`các Quyết định: số 288/QĐ-BNV ngày .., số 289/QĐ-BNV ngày .. của Bộ Nội vụ về ..`: one type,
    issuer and subject for every member."""
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and mentions[j].issuer is None and mentions[j].subject is None \
                and _LIST_NEXT.match(folded[mentions[j].end:mentions[j + 1].num_start]):
            j += 1
        if j > i:
            group = mentions[i:j + 1]
            for mn in group[1:]:
                mn.doc_type = mn.doc_type or group[0].doc_type
            last = group[-1]
            for mn in group[:-1]:
                mn.issuer = mn.issuer or last.issuer
                mn.subject = mn.subject or last.subject
        i = j + 1


def _is_parent(mn: _Mention, folded: str) -> bool:
    if mn.doc_type != "Kế hoạch":
        return False
    before = folded[max(0, mn.start - 30):mn.start]
    return bool(re.search(THUC_HIEN + r"\s*$", before))


def extract_references(doc: NormalizedDocument, own_number: str | None, province: str | None,
                       own_issuer: Issuer | None = None) -> tuple[Reference | None, list[Reference], list[str]]:
    """(parent plan, references in order of first mention, warnings). `own_number` is never a
    reference; `province` and `own_issuer` complete issuers printed as `UBND tỉnh`, `UBND xã`, `Sở`."""
    text, folded = doc.text, fold(doc.text)
    mentions = _find_mentions(text, folded, own_number)
    for mn in mentions:
        _read_tail(mn, text, folded, province, own_issuer)
    _group_lists(mentions, folded)

    warnings: list[str] = []
    by_number: dict[str, Reference] = {}
    parent: Reference | None = None
    for mn in mentions:
        doc_type = mn.doc_type
        if doc_type is None:
            code = re.split(r"[/-]", fold(mn.number))
            doc_type = next((_CODE_TYPES[c] for c in code[1:] if c in _CODE_TYPES), None)
        warnings += mn.warnings
        evidence = Evidence(page=doc.page_of(mn.start), text=snippet(text, mn.start, max(mn.tail_end, mn.num_end)))
        ref = by_number.get(mn.number)
        if ref is not None and ref.date and mn.date and ref.date != mn.date:
            # Two documents printed with the same number (no year in it): told apart by date.
            key = f"{mn.number}@{mn.date}"
            ref = by_number.get(key)
            if ref is None:
                ref = by_number[key] = Reference(doc_type=doc_type, number=mn.number, date=mn.date,
                                                 issuer=mn.issuer, subject=mn.subject, evidence=evidence)
        if ref is None:
            ref = Reference(doc_type=doc_type, number=mn.number, date=mn.date, issuer=mn.issuer,
                            subject=mn.subject, evidence=evidence)
            by_number[mn.number] = ref
        else:  # a later mention may say what the first one left out
            for name, value in (("doc_type", doc_type), ("date", mn.date), ("issuer", mn.issuer),
                                ("subject", mn.subject)):
                if getattr(ref, name) is None and value is not None:
                    setattr(ref, name, value)
        if parent is None and _is_parent(mn, folded):
            parent = ref
    references = list(by_number.values())
    return (parent.model_copy() if parent else None), references, warnings
