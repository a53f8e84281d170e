"""Regex helpers that work on text WITH diacritics and on English-model OCR text without them.

The trick: match on `fold(text)` - lower case, diacritics removed, `đ` -> `d` - which has the
same length as `text`, so a match's offsets cut the original (with its capitals and diacritics)
out of `text`. The word patterns below also accept the letter slips the English OCR model
makes (`Ké hoach sé` for `Kế hoạch số`, `ctia` for `của`, `S6:` for `Số:`, `ngdy` for `ngày`).
"""
from __future__ import annotations

import re

from ocr.table_vocab import fold, fold_char  # one folding for the whole pipeline (a leaf module `ocr` shares)


def fold_key(text: str) -> str:
    """A comparison key: folded, punctuation dropped, spaces collapsed."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


# Word patterns for folded text (all lower case). `\S?` slots absorb one OCR slip.
SO = r"(?:s[o0-9b&e¢d$]|\$[o0-9])"  # số / sở: So, S6, Sb, Sé, S&, $6
NGAY = r"ng[a-z4]{0,2}y"  # ngày: ngay, ngdy, ngiy
THANG = r"th[a-z4]{0,2}ng[s]?"  # tháng: thang, thdng, thangs
NAM = r"n[a-z]{0,2}m"  # năm: nam, nim, ndam
CUA = r"c[a-z]{0,3}a"  # của: cua, ctia, cta, caa, cia, clia, ciia
VE = r"v[e&é]"
KE_HOACH = r"k[e&¢6]?\s*ho[a4]?\.?ch"  # `Ke hoa.ch`: the English model reads ạ as `a.`
THUC_HIEN = r"th[a-z]{1,2}\s+hi[a-z¢]{1,2}n"  # Thực hiện: Thuc hién, Thue hién, Thyc hi¢n
CAN_CU = r"c[a-z]n\s+c[a-z]{1,2}"

# Document types cited in plans, canonical spelling -> folded pattern.
DOC_TYPES: dict[str, str] = {
    "Kế hoạch": KE_HOACH,
    "Quyết định": r"quy[a-z]{1,2}t\s+d[i1l]nh",
    "Nghị quyết": r"ngh[i1l]\s+quy[a-z]{1,2}t",
    "Nghị định": r"ngh[i1l]\s+d[i1l]nh",
    "Chỉ thị": r"ch[i1l]\s+th[i1l]",
    "Công điện": r"c[o0]ng\s+di[a-z]{1,2}n",
    "Thông báo": r"th[o0]ng\s+b[a4]o",
    "Thông tư": r"th[o0]ng\s+t[uw]",
    "Công văn": r"c[o0]ng\s+v[a-z]{1,2}n",
    "Văn bản": r"v[a-z]{1,2}n\s+b[a-z]{1,2}n",
    "Chương trình": r"ch[uw][o0]ng\s+tr[i1l]nh",
    "Kết luận": r"k[e&]t\s+lu[a-z]{1,2}n",
    "Hướng dẫn": r"h[uw][o0]ng\s+d[a-z]{1,2}n",
    "Báo cáo": r"b[a4]o\s+c[a4]o",
    "Đề án": r"d[e&]\s+[a4]n",
    "Tờ trình": r"t[o0]\s+tr[i1l]nh",
}
DOC_TYPE_RE = re.compile("|".join(f"(?P<t{i}>{p})" for i, p in enumerate(DOC_TYPES.values())))
_DOC_TYPE_NAMES = list(DOC_TYPES)


def doc_type_of(match: re.Match) -> str:
    """Canonical document type of a DOC_TYPE_RE match."""
    for i, name in enumerate(_DOC_TYPE_NAMES):
        if match.group(f"t{i}"):
            return name
    raise ValueError("not a DOC_TYPE_RE match")


# A document number (số hiệu) on folded text: `2163/kh-ubnd`, `57-nq/tw`, `60/2021/nd-cp`,
# `839/snv-cchc&vtlt`, `38 /kh-ubnd`; OCR may put `o` for `0` inside the digits.
NUMBER = (
    r"(?<![\w/])\d[\do]{0,5}"
    r"(?:\s?/\s?(?:19|20)\d\d)?"
    r"\s?[/-]\s?[a-z&]{1,8}\d{0,2}(?:\s?[-/]\s?(?:[a-z&]{1,10}\d?|[a-z]*\d{1,2}[a-z]*))*"  # `/QH15`: the legislature's term
    r"(?![\w])"
)
NUMBER_RE = re.compile(NUMBER)

# Codes whose Đ the English OCR model drops or misreads (`QD-`, `QP-`, `ND-`, `HDND`).
_CODE_INNER = re.compile(r"GDDT|HDND|TTDT|BCD$")  # the same inside a longer code: `SGDDT` -> `SGDĐT`
_CODE_FIXES = {"QD": "QĐ", "QP": "QĐ", "ND": "NĐ", "CD": "CĐ", "HDND": "HĐND", "TTDT": "TTĐT", "DU": "ĐU",
               "NB": "NĐ", "BCD": "BCĐ", "GDDT": "GDĐT"}


def clean_number(raw: str) -> str:
    """`38 /KH-UBND` -> `38/KH-UBND`; `2O21` -> `2021`; `QD-BNV` -> `QĐ-BNV`."""
    text = re.sub(r"\s+", "", raw)
    head = re.match(r"[\dOo]+", text)
    if head:
        text = head.group(0).replace("O", "0").replace("o", "0") + text[head.end():]
    # Codes are ASCII letters plus Đ: a restorer or OCR that put marks on them (`TƯ`) is undone.
    text = "".join(c if c in "đĐ" else (fold_char(c).upper() if c.isupper() else fold_char(c)) for c in text)
    parts = re.split(r"([/-])", text)
    parts = [_CODE_FIXES.get(p, "QĐ" if re.fullmatch(r"Q[DPĐ]b", p) else p) for p in parts]
    return "".join(_CODE_INNER.sub(lambda m: _CODE_FIXES[m.group(0)], p) if p not in "/-" else p for p in parts)


def snippet(text: str, start: int, end: int, limit: int = 200) -> str:
    """The matched text with collapsed spaces, cut to `limit` characters."""
    s = " ".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


# Official spellings the capitalisation rule below cannot produce.
_AGENCY_EXCEPTIONS = {"công thương": "Công Thương"}
_HEAD_WORDS = {"Sở", "Bộ", "Ban", "Cục", "Phòng"}  # "Sở Nội vụ": the word after the head is a name


def agency_case(name: str) -> str:
    """`SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH` -> `Sở Văn hóa, Thể thao và Du lịch`: the first word and
    the first word after a comma, `và` or a dash are capitalised, the rest lower case."""
    words = name.split()
    out: list[str] = []
    cap_next = True
    for i, w in enumerate(words):
        lw = w.lower()
        if i == 1 and out[0] in _HEAD_WORDS:
            cap_next = True
        if cap_next and lw not in ("và", "-"):
            out.append(lw[:1].upper() + lw[1:])
            cap_next = False
        else:
            out.append(lw)
        if lw in ("và", "-", "–") or lw.endswith(","):
            cap_next = True
    text = " ".join(out)
    for low, proper in _AGENCY_EXCEPTIONS.items():
        text = re.sub(low, proper, text, flags=re.I) if low in text.lower() else text
    return text


def title_case(text: str) -> str:
    """`TRỊNH TRƯỜNG HUY` -> `Trịnh Trường Huy`."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())
