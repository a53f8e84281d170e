"""The issuing body from the header's left column (`UBND TỈNH CAO BẰNG` over `SỞ NỘI VỤ`), or from
the body when the header is missing (`UBND tỉnh Cao Bằng ban hành Kế hoạch`)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from extract.patterns import agency_case, fold, fold_key
from extract.places import is_place_name, province_name, restore_place
from extract.schema import Issuer

# Unit type words, folded -> as written in a name.
UNIT_TYPES = {"tinh": "tỉnh", "thanh pho": "thành phố", "tp": "thành phố", "huyen": "huyện", "quan": "quận",
              "thi xa": "thị xã", "xa": "xã", "phuong": "phường", "dac khu": "đặc khu", "thi tran": "thị trấn"}
_TYPE_RE = r"(?:thanh\s+ph[o06]|thi\s+x[a4]|thi\s+tran|dac\s+khu|tinh|huy[e&]n|quan|x[a4]|phuong|tp\.?)"
_UBND_RE = re.compile(r"^(?:ubnd|[uúùủ]y\s+ban\s+nh[a-z]{1,2}n\s+d[a-z]{1,2}n)\b\s*(?P<rest>.*)$")
_HDND_RE = re.compile(r"^(?:hdnd|h[o0]i\s+d[o0]ng\s+nh[a-z]{1,2}n\s+d[a-z]{1,2}n)\b\s*(?P<rest>.*)$")
_UNIT_RE = re.compile(r"(?P<type>" + _TYPE_RE + r")\s+(?P<place>[a-z][a-z .'-]*(?:\s\d{1,2})?)$")  # used with .match
_UNIT_PREFIX_RE = re.compile(r"(?P<type>" + _TYPE_RE + r")\s+(?P<place>[a-z][a-z ]*)")
_DEPT_RE = re.compile(r"^(?:s[o0&¢e6]|ban|van\s+phong|thanh\s+tra|bo|cuc|chi\s+cuc|trung\s+tam|phong)\s+\w")
LEVEL_OF_TYPE = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district",
                 "xã": "commune", "thị trấn": "commune", "đặc khu": "commune", "phường": "ward"}

# Provincial departments and offices, for names printed without diacritics. Keys are folded.
KNOWN_AGENCIES = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Công Thương",
    "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Nông nghiệp và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư",
    "Sở Thông tin và Truyền thông", "Sở Giao thông vận tải", "Sở Lao động - Thương binh và Xã hội",
    "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Ban Dân tộc", "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
    "Ban Quản lý các khu công nghiệp", "Ban Quản lý khu kinh tế",
]
_KNOWN = {fold_key(n): n for n in KNOWN_AGENCIES}
# Abbreviations of agencies that appear inside names (`SỞ VHTTDL`).
ABBREVIATIONS = {"ubnd": "Ủy ban nhân dân", "hdnd": "Hội đồng nhân dân", "vhttdl": "Văn hóa, Thể thao và Du lịch",
                 "gddt": "Giáo dục và Đào tạo", "khcn": "Khoa học và Công nghệ", "tttt": "Thông tin và Truyền thông",
                 "nnmt": "Nông nghiệp và Môi trường", "tnmt": "Tài nguyên và Môi trường",
                 "khdt": "Kế hoạch và Đầu tư", "ldtbxh": "Lao động - Thương binh và Xã hội"}

_MOTTO = re.compile(r"\bc[o0]ng\s+h[o0]a\s+x|\b\S{2,4}\s+[l1][a4]p\s*[-–—]\s*t\S{0,2}\s+do|\bd[o0]c\s+l[a4]p\b")


@dataclass
class Body:
    kind: str  # "ubnd" | "hdnd" | "agency"
    name: str
    unit_type: str | None = None
    place: str | None = None
    printed: str = ""  # the header text it was read from (agencies continue on the next line)


def left_column(lines: list[str]) -> list[str]:
    """Header lines with the right column (national name and motto) cut off."""
    out = []
    for line in lines:
        parts = re.split(r"\s{3,}|\t", line.strip())
        left = parts[0] if parts else ""
        m = _MOTTO.search(fold(left))
        if m:
            left = left[: m.start()]
        left = re.sub(r"^[\W_]+|[^\w.)]+$", "", left.strip())  # OCR specks: `ỦY BAN NHÂN DÂN ˆ`, `._`
        out.append(left)
    return [ln for ln in out if sum(c.isalpha() for c in ln) >= 2]


def _unit_name(unit_type: str, place_text: str, province: str | None = None) -> tuple[str, str]:
    place = restore_place(place_text.strip(" .,"), province)
    return f"{unit_type} {place}", place


def _unit_match(f: str, pos: int = 0):
    """`tinh cao bang` -> the unit's type and place span; a place followed by other words
    (`tinh thai nguyen ve-trien khai ...`) is cut after the longest name the gazetteer knows."""
    whole = _UNIT_RE.match(f, pos)
    if whole and is_place_name(whole.group("place")):
        return whole.group("type"), whole.start("place"), whole.end("place")
    m = _UNIT_PREFIX_RE.match(f, pos)
    if m:
        words = list(re.finditer(r"[a-z]+", f[m.start("place"):m.end("place")]))
        for n in range(min(4, len(words)), 0, -1):
            end = m.start("place") + words[n - 1].end()
            name = f[m.start("place"):end]
            if is_place_name(name):
                return m.group("type"), m.start("place"), end
    if whole:  # a name the gazetteer does not know, alone on its line
        return whole.group("type"), whole.start("place"), whole.end("place")
    return None


def _type_key(matched: str) -> str:
    """`thanh ph6` -> `thanh pho`: the unit type an OCR-slipped type word stands for."""
    key = re.sub(r"[06]$", "o", re.sub(r"[4]", "a", re.sub(r"&", "e", " ".join(matched.split()))))
    return key.rstrip(".")


def clean_ocr_word_marks(text: str) -> str:
    """English-OCR spellings of horn letters and dots: `Hu'u` -> `Huu`, `Ta. Quang` -> `Ta Quang`."""
    return re.sub(r"(?<=[^\W\d_])'(?=[^\W\d_])", "", text)


def parse_body(line: str, province: str | None = None) -> Body | None:
    line = " ".join(clean_ocr_word_marks(line).split())
    f = fold(line)  # same length as `line`: spans cut the printed text
    m = _UBND_RE.match(f) or _HDND_RE.match(f)
    if m:
        kind = "ubnd" if _UBND_RE.match(f) else "hdnd"
        head = "Ủy ban nhân dân" if kind == "ubnd" else "Hội đồng nhân dân"
        unit = _unit_match(f, m.start("rest")) if m.group("rest") else None
        if unit:
            utype = UNIT_TYPES[_type_key(unit[0])]
            name, place = _unit_name(utype, line[unit[1]:unit[2]], province)
            return Body(kind, f"{head} {name}", utype, place)
        return Body(kind, head)
    unit = _UNIT_RE.match(f)
    if unit:  # "TỈNH LÀO CAI" under a lost "ỦY BAN NHÂN DÂN" line
        utype = UNIT_TYPES[_type_key(unit.group("type"))]
        name, place = _unit_name(utype, line[unit.start("place"):unit.end("place")], province)
        return Body("unit", name, utype, place)
    if _DEPT_RE.match(f):
        return Body("agency", agency_name(line), printed=line)
    return None


def agency_name(text: str) -> str:
    """A department's name in normal capitalisation, abbreviations expanded, diacritics from the
    list of known agencies when the print lost them."""
    words = []
    for w in text.split():
        words.append(ABBREVIATIONS.get(fold(w).strip(".,"), w))
    joined = " ".join(words)
    key = fold_key(joined)
    if key in _KNOWN:
        return _KNOWN[key]
    head, _, rest = key.partition(" ")
    if head in ("s", "so", "se", "s6", "sb", "s0") and "so " + rest in _KNOWN:  # OCR: `S& VHTTDL`, `Sé Nội vụ`
        return _KNOWN["so " + rest]
    near = process.extractOne(key, list(_KNOWN), scorer=fuzz.ratio, score_cutoff=88)
    if near and near[0].split()[0] == ("so" if head in ("s", "se", "s6", "sb", "s0") else head):
        return _KNOWN[near[0]]  # OCR slips in a known name: `So N0i vu`
    # A known agency followed by its place: `Sở Nội vụ tỉnh Đắk Lắk`.
    m = re.match(r"(?P<agency>.+?)\s+(?P<unit>(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+\S.*)$", key)
    if m and m.group("agency") in _KNOWN:
        words_in_agency = len(m.group("agency").split())
        place_words = joined.split()[words_in_agency:]
        unit_type = UNIT_TYPES.get(" ".join(fold(w) for w in place_words[:2]), UNIT_TYPES.get(fold(place_words[0]), ""))
        place = " ".join(place_words[len(unit_type.split()):])
        return f"{_KNOWN[m.group('agency')]} {unit_type} {restore_place(place)}".strip()
    letters = [c for c in joined if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) < 0.6:
        return joined  # printed in normal case: keep it (`Trung tâm Phục vụ hành chính công`)
    return agency_case(joined)


def parse_header_bodies(left_lines: list[str], province: str | None = None) -> list[Body]:
    """Bodies printed in the left column, top to bottom (continuation lines merged). `province`
    resolves unit names spelt two ways in the country."""
    bodies: list[Body] = []
    pending_ubnd: Body | None = None
    for line in left_lines:
        body = parse_body(line, province)
        if pending_ubnd is not None:
            if body is not None and body.kind == "unit":
                body = Body(pending_ubnd.kind, f"{pending_ubnd.name} {body.name}", body.unit_type, body.place)
                bodies[-1] = body
                pending_ubnd = None
                continue
            pending_ubnd = None
        if body is None:
            # A continuation of the previous agency line ("VÀ DU LỊCH").
            if bodies and bodies[-1].kind == "agency" and not re.search(r"\d|:", line):
                printed = f"{bodies[-1].printed} {line}"
                bodies[-1] = Body("agency", agency_name(printed), printed=printed)
            continue
        bodies.append(body)
        if body.kind in ("ubnd", "hdnd") and body.unit_type is None:
            pending_ubnd = body
    return bodies


def _level(body: Body) -> str:
    if body.kind == "agency":
        # Specialised agencies of the province committee (Sở, Thanh tra, Văn phòng, Ban Dân tộc) are
        # departments; boards and centres directly under it (Ban Quản lý ..., Trung tâm ...) are not.
        # A district's Phòng is the same kind of specialised agency one level down.
        specialised = ("so ", "ban dan toc", "van phong", "thanh tra", "phong ")
        return "department" if fold(body.name).startswith(specialised) else "other"
    if body.unit_type == "thành phố":
        return "province" if province_name(body.place or "") else "district"
    return LEVEL_OF_TYPE.get(body.unit_type or "", "other")


def _as_ubnd(body: Body) -> str:
    return body.name if body.kind != "unit" else f"Ủy ban nhân dân {body.name}"


def issuer_from_bodies(bodies: list[Body]) -> Issuer:
    if not bodies:
        return Issuer()
    main = bodies[-1]
    superior = _as_ubnd(bodies[-2]) if len(bodies) >= 2 else None
    province = None
    for b in reversed(bodies):
        if b.unit_type in ("tỉnh", "thành phố") and province_name(b.place or ""):
            province = province_name(b.place or "")
            break
    return Issuer(name=_as_ubnd(main), superior=superior, level=_level(main), province=province)


_BODY_ISSUER = re.compile(
    r"(?P<who>(?:ubnd|[uú]y\s+ban\s+nh[a-z]{1,2}n\s+d[a-z]{1,2}n)(?:\s*\(ubnd\))?\s+" + _TYPE_RE
    + r"(?:\s+[a-z]+){0,4}?|\bs[o0&]\s+(?:(?!ubnd|[uú]y\s+ban)[a-z ,-]){3,60}?(?:\s*\([a-z]+\))?)\s+(?:ban\s+h[a-z]{1,2}nh|x[a-z]y\s+d[uy]ng)\s+"
    + r"(?:k[e&¢6]?\s*ho[a4]?ch)"
)


def issuer_from_body(text: str, province: str | None = None) -> Issuer:
    """`UBND tỉnh Cao Bằng ban hành Kế hoạch ...` in the opening paragraphs."""
    folded = fold(text[:6000])
    m = next((m for m in _BODY_ISSUER.finditer(folded) if text[m.start("who")].isupper()), None)
    if not m:
        return Issuer()
    printed = re.sub(r"\s*\([^)]*\)", "", " ".join(text[m.start("who"):m.end("who")].split()))
    body = parse_body(printed, province)
    if body is None:
        return Issuer()
    return issuer_from_bodies([body])


def dominant_province(text: str) -> str | None:
    """The province the text names most often (`tỉnh Tuyên Quang`), for issuers below province level."""
    counts: Counter[str] = Counter()
    for m in re.finditer(r"\b(?:tinh|thanh\s+pho)\s+([a-z]+(?:\s+[a-z]+){0,3})", fold(text)):
        words = m.group(1).split()
        for n in range(min(4, len(words)), 0, -1):
            name = province_name(" ".join(words[:n]))
            if name:
                counts[name] += 1
                break
    return counts.most_common(1)[0][0] if counts else None
