"""Official component lists of the indices and fuzzy matching of printed names against them.

The canonical names live in `kehoach.synth.vocab` (one data module for the whole project: PAR INDEX
fields, PAPI content indices, SIPAS factors, PCI sub-indices, DTI pillars). Here we only add how
plans abbreviate them and match printed, wrapped or diacritic-less names to the official ones.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz, process

from extract.numbers import squash
from kehoach.synth import vocab

# Abbreviations expanded before matching (on folded text).
_ABBREVIATIONS = {
    r"\bcchc\b": "cai cach hanh chinh",
    r"\btthc\b": "thu tuc hanh chinh",
    r"\bxhh\b": "xa hoi hoc",
    r"\bcbccvc\b": "can bo cong chuc vien chuc",
    r"\bktxh\b": "kinh te xa hoi",
    r"\bpakn\b": "phan anh kien nghi",
}

# Short or older forms that plans print for official components (folded -> canonical).
_ALIASES: dict[str, tuple[str, ...]] = {
    "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số": (
        "xay dung phat trien chinh quyen dien tu chinh quyen so",
        "xay dung va phat trien chinh quyen dien tu chinh quyen so", "chuyen doi so",
        "xay dung va phat trien chinh quyen so", "xay dung phat trien chinh quyen so",
        "hien dai hoa hanh chinh",  # the field's name before 2022
        "xay dung chinh quyen dien tu chinh quyen so", "chinh quyen dien tu chinh quyen so"),
    "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội": (
        "tac dong cua cai cach hanh chinh den su hai long cua nguoi dan to chuc va phat trien kinh te xa hoi",
        "tac dong cua cai cach hanh chinh"),
    "Công tác chỉ đạo, điều hành cải cách hành chính": ("cong tac chi dao dieu hanh",),
    "Cải cách tổ chức bộ máy hành chính nhà nước": ("cai cach to chuc bo may",),
    "Tham gia của người dân ở cấp cơ sở": ("tham gia cua nguoi dan",),
    "Công khai, minh bạch trong việc ra quyết định ở địa phương": ("cong khai minh bach",),
    "Tiếp cận dịch vụ hành chính công": ("tiep can dich vu",),
    "Kết quả cung ứng dịch vụ hành chính công": ("ket qua dich vu", "ket qua giai quyet thu tuc hanh chinh"),
    "Công chức trực tiếp giải quyết công việc": ("cong chuc giai quyet thu tuc hanh chinh", "thai do phuc vu cua cong chuc",
                                                 "thai do phuc vu cua can bo cong chuc"),
}


def _key(text: str) -> str:
    k = squash(text)
    for rx, full in _ABBREVIATIONS.items():
        k = re.sub(rx, full, k)
    k = re.sub(r"[^a-z0-9 ]+", " ", k)
    return " ".join(k.split())


@lru_cache(maxsize=None)
def _choices(index: str) -> tuple[tuple[str, str], ...]:
    """(folded key, canonical name) pairs for one index, aliases included."""
    names = vocab.official_components(index)
    out = [(_key(n), n) for n in names]
    for canon, aliases in _ALIASES.items():
        if canon in names:
            out.extend((a, canon) for a in aliases)
    return tuple(out)


def match_component(text: str, index: Optional[str], min_score: float = 82.0) -> tuple[Optional[str], float]:
    """Canonical component of `index` printed as `text` (wrapped, abbreviated, diacritics lost)."""
    if not index or not text.strip():
        return None, 0.0
    choices = _choices(index)
    if not choices:
        return None, 0.0
    key = _key(text)
    if len(key) < 4:
        return None, 0.0
    keys = [k for k, _ in choices]
    best = process.extractOne(key, keys, scorer=fuzz.ratio)
    score, i = (best[1], best[2]) if best else (0.0, 0)
    # A printed name that is a clear prefix of the official one (`Cải cách tổ chức bộ máy hành chính`).
    part = process.extractOne(key, keys, scorer=fuzz.partial_ratio)
    if part and part[1] >= 95 and len(key) >= 12 and part[1] - 5 > score:
        score, i = part[1] - 5, part[2]
    if score < min_score:
        return None, score
    return choices[i][1], score


def best_component(text: str, indices: tuple[str, ...]) -> tuple[Optional[str], Optional[str], float]:
    """(index, component, score) of the best match over several indices."""
    best: tuple[Optional[str], Optional[str], float] = (None, None, 0.0)
    for idx in indices:
        comp, score = match_component(text, idx)
        if comp and score > best[2]:
            best = (idx, comp, score)
    return best


# Index mentions in folded text; English-model OCR turns `số` into s6/sb/sé/s0 and `điểm` into diém.
_SO = r"s[o068bde&]"
INDEX_PATTERNS: tuple[tuple[str, str], ...] = (
    ("SIPAS_LEADERS", r"khao sat (?:y kien )?(?:[^.;()\d]{0,50}?)(?:\d\s)?[l1]\s*anh dao,? quan [l1]y"),
    ("SIPAS_LEADERS", r"sipas[_ ]leaders?"),
    ("PAR INDEX", r"par[\s_-]*index"),
    ("PAR INDEX", rf"chi\s*{_SO}\s+(?:cai\s+c[a-z]ch\s+h[a-z]nh\s+ch[a-z]nh|cchc)"),
    ("SIPAS", r"\bsipas\b"),
    ("SIPAS", rf"chi\s*{_SO}\s+(?:hai\s+long|hl\b)"),  # `Chỉ số HL` in terse plans
    ("PAPI", r"\bpapi\b"),
    ("PAPI", rf"chi\s*{_SO}\s+hieu\s+qua\s+quan\s+tri"),
    ("PCI", r"\bpci\b"),
    ("PCI", r"nang\s+luc\s+canh\s+tranh\s+cap\s+tinh"),
    ("DTI", r"\bdti\b"),
    ("DTI", rf"chi\s*{_SO}\s+chuyen\s+doi\s+s[o068bde]"),
)
_INDEX_RX = [(name, re.compile(rx.replace(" ", r"\s+"))) for name, rx in INDEX_PATTERNS]


def index_mentions(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical index) of index mentions, in order; overlapping spellings merged."""
    hits = sorted((m.start(), m.end(), name) for name, rx in _INDEX_RX for m in rx.finditer(folded))
    out: list[tuple[int, int, str]] = []
    for s, e, name in hits:
        # `Chỉ số CCHC (PAR-INDEX)`: one mention, not two.
        if out and out[-1][2] == name and s - out[-1][1] <= 40 and not re.search(r"[\d;.]", folded[out[-1][1]:s]):
            out[-1] = (out[-1][0], max(e, out[-1][1]), name)
            continue
        if out and s < out[-1][1]:
            continue
        out.append((s, e, name))
    return out


def index_in(text: str) -> Optional[str]:
    """The first index named in `text`, if any."""
    from extract.numbers import fold

    hits = index_mentions(fold(text))
    return hits[0][2] if hits else None
