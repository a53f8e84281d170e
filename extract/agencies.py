"""Agency names in task cells and body items: where a name starts, splitting lists of them.

`Sở Nội vụ, Sở Tư pháp` is two agencies but `Sở Văn hóa, Thể thao và Du lịch` is one: a comma or
`và` starts a new name only when the next words open an agency (Sở, Phòng, Văn phòng, UBND ...).
Patterns run on folded text and accept English-model OCR (`S6 Noi vu`, `Uy ban nhan dan`).
"""
from __future__ import annotations

import re

from extract.agency_lexicon import known_name_length
from extract.numbers import fold

# How an agency name opens (folded). `s[o6...]` covers OCR of `Sở`.
_HEADS = (
    r"s(?:[o068bde&¢]|(?=\s))", r"phong", r"v[a4]n phong", r"trung tam", r"ban", r"uy ban", r"ubnd", r"hdnd", r"thanh tra",
    r"cong an", r"cong doan", r"cong chuc(?!,?\s+vien\s+chuc)", r"bao hiem", r"buu dien", r"mat tran",
    r"uy ban mat tran", r"hoi", r"hiep hoi", r"doan", r"tinh doan",
    r"lien doan", r"toa an", r"vien kiem sat", r"cuc", r"chi cuc", r"bo phan", r"dai", r"bao", r"kho bac",
    r"chi nhanh", r"ngan hang", r"bo chi huy", r"ban chi huy", r"cac", r"to", r"doi", r"giam doc",
    r"thu truong", r"chu tich", r"dang uy", r"cong ty", r"bo", r"ubmttq", r"mttq", r"cap uy", r"chinh quyen",
    r"lanh dao", r"vp", r"ttpvhcc", r"trung tam phuc vu", r"poan", r"pai", r"co quan",
    r"truong",  # `Trưởng các thôn`, `Trường Chính trị tỉnh`
)
AGENCY_HEAD = re.compile(r"^\s*(?:" + "|".join(sorted(_HEADS, key=len, reverse=True)) + r")(?!\w)")
_NOT_AGENCY = re.compile(r"^\s*(?:cac (?:nhiem vu|giai phap|noi dung|chi so|tieu chi|van ban|ke hoach|"
                         r"hoat dong|tthc|thu tuc)|to chuc (?:thuc hien|trien khai)|ban hanh|doi voi|doi moi|bao dam|"
                         r"bao cao|hoi nghi|to chuc)\b")
# `HĐND và UBND`, `Văn hóa, Thể thao và Du lịch`: joins inside one name.
_KEEP_JOINED = re.compile(r"hdnd (?:va|&) ubnd|cac so, ban, nganh|van hoa, the thao va du lich|khoa hoc va cong nghe|"
                          r"giao duc va dao tao|nong nghiep va moi truong|tai nguyen va moi truong|"
                          r"ke hoach va dau tu|thong tin va truyen thong|dan toc va ton giao|lao dong, thuong binh va xa hoi|"
                          r"khu kinh te[^,;]{0,40}? va cac khu (?:cong nghiep|che xuat)")  # one Ban Quản lý
# `Đề nghị X`, `Giao X`, `Đối với X` address X (OCR: `Pé nghị`, `Pô nghị`, `Phí với`)
_REQUEST = re.compile(r"^\s*(?:[dp][eo] nghi\.?|giao|yeu cau|(?:d|ph)\S{0,2}i v\S{1,2}i)\s+")  # `Đề nghị.`: a dot of the OCR
_WEAK_HEADS = re.compile(r"^(?:bao|dai|hoi|to|doi|bo|ban|doan|cuc)\s")


def drop_request(text: str) -> str:
    """`Đề nghị Mặt trận ...` -> `Mặt trận ...` (matched on folded text, cut in the original)."""
    m = _REQUEST.match(fold(text))
    return text[m.end():] if m else text
ANY_RELATED = re.compile(r"^cac (?:co quan|don vi|so|phong)[^;]*lien quan$")


def is_agency_start(text: str) -> bool:
    f = fold(drop_request(text))
    return bool(AGENCY_HEAD.match(f)) and not _NOT_AGENCY.match(f)


def clean_agency(text: str) -> str:
    t = drop_request(" ".join(text.split()))
    t = re.sub(r"\s[.,:;'`‘’]+(?=\s)", "", t)  # OCR specks between words (`Phục vụ . hành chính`)
    t = re.sub(r"^(?:chủ trì|chu tri|phối hợp|phoi hop)\s*[:,-]\s*", "", t, flags=re.I)
    t = re.sub(r"\s*\([^()]*\)\s*$", "", t)  # `Sở Nội vụ (cơ quan Thường trực CCHC của tỉnh)`: a role, not the name
    return t.strip(" .,;:-–")


def split_agencies(text: str) -> list[str]:
    """`Sở Nội vụ, Sở Tư pháp và UBND các xã` -> three names; one name stays one."""
    text = clean_agency(text.replace("\n", " "))
    if not text:
        return []
    out: list[str] = []
    for chunk in re.split(r"\s*;\s*|\n", text):
        pieces = re.split(r"(\s*,\s*|\s+và\s+|\s+va\s+|\s*\+\s*)", chunk)
        names: list[str] = []
        for i in range(0, len(pieces), 2):
            piece, sep = pieces[i].strip(), pieces[i - 1] if i else ""
            if not piece:
                continue
            joined = f"{names[-1]}{sep}{piece}" if names else piece
            if names and (not _opens_name(piece) or _joins_inside_name(joined, len(names[-1]))):
                names[-1] = joined
            else:
                names.append(piece)
        out.extend(clean_agency(n) for n in names if clean_agency(n))
    return list(dict.fromkeys(out))


# `Các sở: Tư pháp, Tài chính, ...`, `Các sở, ngành Tư pháp, Văn phòng UBND tỉnh, ...`: departments by bare name
_DEPARTMENTS_OPENING = re.compile(r"^cac so(?:\s*,\s*(?:ban\s*,\s*)?nganh)?\s*:?\s+(?=\w)")


def departments_named(text: str) -> list[str]:
    """`Các sở: Tư pháp, Tài chính, Khoa học và Công nghệ` -> [Sở Tư pháp, Sở Tài chính, Sở Khoa học và Công nghệ];
    a name that opens an agency itself (`Văn phòng UBND tỉnh`) stays. [] unless every piece is capitalised."""
    text = " ".join(drop_request(text).split())
    m = _DEPARTMENTS_OPENING.match(fold(text))
    if not m:
        return []
    rest, folded = text[m.end():], fold(text[m.end():])
    joins = [(j.start(), j.end()) for j in _KEEP_JOINED.finditer(folded)]
    cuts = [c.start() for c in re.finditer(r",", rest) if not any(a < c.start() < b for a, b in joins)]
    pieces = [p.strip(" .;:") for p in (rest[a:b] for a, b in zip([0] + [c + 1 for c in cuts], cuts + [len(rest)]))]
    if len(pieces) < 2 or not all(p[:1].isupper() for p in pieces) or re.search(r"(?:\bva|\bcua|-|&)$", fold(pieces[-1])) \
            or any(re.fullmatch(r"tinh|thanh pho|huyen|quan|thi xa|xa|phuong|trung uong", fold(p).strip()) for p in pieces):
        return []  # (`..., Khoa học và` wraps onto the next line)
    return [p if is_agency_start(p) else "Sở " + p for p in pieces]


def _opens_name(piece: str) -> bool:
    """A new agency: an agency word, capitalised (`Ban Chỉ đạo`, not `ban, ngành`) unless `các ...`."""
    f = fold(piece)
    if _WEAK_HEADS.match(f):  # `Báo Cao Bằng` opens a name, `Báo chí` does not
        words = piece.split()
        return piece[:1].isupper() and len(words) > 1 and words[1][:1].isupper()
    return bool(AGENCY_HEAD.match(f)) and (piece[:1].isupper() or f.startswith("cac ") or f.startswith("ubnd"))


def _joins_inside_name(joined: str, junction: int) -> bool:
    return any(m.start() < junction < m.end() for m in _KEEP_JOINED.finditer(fold(joined)))


def lead_and_partners(lead_cell: str, partner_cell: str = "") -> tuple[list[str], list[str]]:
    """Split the agency cells; a lead cell holding only `Các cơ quan, đơn vị liên quan` is partners."""
    lead, partners = split_agencies(lead_cell), split_agencies(partner_cell)
    if lead and all(ANY_RELATED.match(fold(n)) for n in lead):
        partners = list(dict.fromkeys(lead + partners))
        lead = []
    return lead, partners


# Words that open the action after an agency list (`Sở Tài chính tiếp tục tham mưu ...`).
_ACTION_START = re.compile(
    r"(?:^|\s)(?:tiep tuc|chu tri|chu dong|phoi hop|trien khai|thuc hien|to chuc|tham muu|don doc|kiem tra|"
    r"tang cuong|xay dung|ra soat|tuyen truyen|ho tro|huong dan|giam sat|theo doi|chi dao|xu ly|cung cap|"
    r"day manh|nang cao|bao dam|dam bao|giai quyet|cai thien|ban hanh|cong khai|tong hop|bao cao|"
    r"trong viec|trong qua trinh|de |nham |co trach nhiem|can cu|nghien cuu|quan tam|duy tri|tich cuc|"
    r"thuong xuyen|dinh ky|kip thoi|khan truong|phat huy|lam tot|niem yet|quan triet|pho bien|van dong|bo tri|"
    r"cap nhat|tiep nhan|khao sat|phan cong|truc tiep|phai |la\s+(?:co\s+quan|dau\s+moi|don\s+vi)\b|"
    r"phan anh|de xuat|chiu trach nhiem|tham gia|nghiem tuc|uu tien)")
# a verb after these words is part of a body's name (`Phòng Quản lý xây dựng`, `Phòng Quản lý hoạt động xây dựng`)
_NAME_BEFORE_VERB = re.compile(r"(?:quan ly|hoat dong)\s*$")


def text_before_action(text: str) -> str:
    """The agency list that opens `text`, cut before the first action verb ('' when none).
    A capitalised match is a name, not a verb (`Báo Cao Bằng` is not `báo cáo`); a request word
    opening the text (`Đề nghị`, `Giao`) is not the action."""
    skip = len(text) - len(drop_request(text))
    named = skip + known_name_length(fold(text[skip:]))  # (spaces collapsed: a name wrapping a line may be longer)
    for m in _ACTION_START.finditer(fold(text), skip):
        if m.start() < named - 1:
            continue
        s = m.start() + (1 if text[m.start()].isspace() else 0)
        if s <= skip:
            if s < skip:
                continue
            return ""
        if text[s].isupper() or fold(text[max(0, s - 4):s]).endswith("cac ") or \
                _NAME_BEFORE_VERB.search(fold(text[max(0, s - 12):s])):
            continue  # `các tổ chức chính trị - xã hội`, `Phòng Quản lý xây dựng` name bodies: no verb
        return text[:m.start()].strip(" ,;:")
    return ""
