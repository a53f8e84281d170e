"""Canonical index names and the indices a plan sets out to improve (`document.indices`).

`canonical_index(text)` maps any way a plan names an index - `PAR-INDEX`, `Par Index`,
`Chỉ số cải cách hành chính`, English-OCR `Chi s6 cai cach hanh chinh` - to the contract's enum.
`find_index_mentions(text)` gives every mention with its offsets, for other extractors too.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.patterns import SO, fold
from extract.schema import IndexName

_CHI_SO = r"ch[i1l]\s*" + SO + r"?\s*"  # "chỉ số", "Chi s6", "Chi sb", "chi sO"
# Order matters: the leaders' survey before SIPAS, the specific names before the acronyms.
_INDEX_PATTERNS: list[tuple[IndexName, str]] = [
    ("SIPAS_LEADERS", r"khao\s+sat\s+(?:y\s+kien\s+)?(?:cua\s+)?(?:doi\s+ngu\s+)?(?:can\s+bo,?\s+)?(?:cong\s+chuc,?\s+)?"
                      r"lanh\s+dao,?\s+quan\s+ly"),
    ("PAR INDEX", r"\bpar\s*[-–]?\s*ind[eé]x\b"),
    ("PAR INDEX", _CHI_SO + r"(?:cai\s+cach\s+hanh\s+chinh|cchc)\b"),
    ("SIPAS", r"\bsipas\b"),
    ("SIPAS", _CHI_SO + r"(?:do\s+l[uw]+ong\s+)?(?:s[uwy]\s+)?hai\s+l[o0]ng"),
    ("PAPI", r"\bpapi\b"),
    ("PAPI", _CHI_SO + r"hieu\s+qua\s+quan\s+tri\s+va\s+hanh\s+chinh\s+cong"),
    ("PCI", r"\bpci\b"),
    ("PCI", _CHI_SO + r"nang\s+luc\s+canh\s+tranh"),
    ("DTI", r"\bdti\b"),
    ("DTI", _CHI_SO + r"chuy[e&]n\s+d[o0]i\s+" + SO),
]
_MENTION_RE = re.compile("|".join(f"(?P<m{i}>{p})" for i, (_, p) in enumerate(_INDEX_PATTERNS)))


def _name_of(match: re.Match) -> IndexName:
    for i, (name, _) in enumerate(_INDEX_PATTERNS):
        if match.group(f"m{i}"):
            return name
    raise ValueError("not an index mention")


def find_index_mentions(text: str) -> list[tuple[IndexName, int, int]]:
    """Every index named in `text` as (name, start, end), in order."""
    return [(_name_of(m), m.start(), m.end()) for m in _MENTION_RE.finditer(fold(text))]


def canonical_index(text: str) -> Optional[IndexName]:
    """The index `text` names (first mention), or None."""
    mentions = find_index_mentions(text)
    return mentions[0][0] if mentions else None


def indices_in_order(texts: list[str]) -> list[IndexName]:
    """Distinct indices named in `texts`, in order of first mention."""
    seen: list[IndexName] = []
    for text in texts:
        for name, _, _ in find_index_mentions(text):
            if name not in seen:
                seen.append(name)
    return seen


_ROMAN_HEADING = re.compile(r"^\s*(?:[ivxl1|]{1,4}|[0-9])\s*[.,:]\s*\S", re.M)
_OBJECTIVE_HEADING = re.compile(
    r"^\s*(?:[ivxl1|]{1,4}|\d)\s*[.,:]?\s*(?:m[uy]c\s+(?:[dp]i?ch|ti[a-z]{1,2}u)|y[a-z]{1,2}u\s+c[a-z]{1,2}u)", re.M)


def objectives_text(text: str) -> str:
    """The Mục đích / Mục tiêu / Yêu cầu sections (up to the next top-level heading that is not one)."""
    folded = fold(text)
    parts = []
    for m in _OBJECTIVE_HEADING.finditer(folded):
        end = len(text)
        for h in re.finditer(r"^\s*(?:[ivxl1|]{1,4})\s*[.,:]\s*\S.*$", folded[m.end():], re.M):
            line = text[m.end() + h.start(): m.end() + h.end()]
            letters = [c for c in line if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7 \
                    and not _OBJECTIVE_HEADING.match(folded[m.end() + h.start(): m.end() + h.end()]):
                end = m.end() + h.start()
                break
        parts.append(text[m.start():end])
    return "\n".join(parts)
