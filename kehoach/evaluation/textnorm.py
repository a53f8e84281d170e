"""Normalisation used when comparing predictions with gold (spec/README.md, "Normalisation").

NFC, whitespace collapsed, tone placement made irrelevant so that `hoà` == `hòa` and
`uỷ` == `ủy`: `canonical` writes each word as its toneless letters followed by its tone
mark, so two spellings compare equal exactly when they have the same letters and the same
tone, wherever the mark sat. That form is a comparison key, not for display (`tidy` is).
A wrong tone costs one character in CER, as a wrong letter does.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

# Combining marks that carry a Vietnamese tone (breve, circumflex and horn belong to the
# letter and stay where they are).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")

# Issuer abbreviations, expanded in gold issuer names (spec: expanded in output).
ISSUER_ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
}


def collapse_spaces(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def tidy(text: str | None) -> str:
    """NFC and collapsed whitespace: how values are shown in the disagreement list."""
    return collapse_spaces(unicodedata.normalize("NFC", str(text))) if text is not None else ""


def _word_key(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    if not tones:
        return word
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base + "".join(tones)  # left decomposed at the end of the word on purpose


def canonical(text: str | None) -> str:
    """Comparison key: NFC, collapsed whitespace, tone moved to the end of its word (case kept)."""
    return _WORD.sub(lambda m: _word_key(m.group(0)), tidy(text))


def folded(text: str | None) -> str:
    """`canonical` and case-insensitive: for names and titles."""
    return canonical(text).casefold()


def expand_issuer(text: str | None) -> str | None:
    if text is None:
        return None
    out = tidy(text)
    for short, long in ISSUER_ABBREVIATIONS.items():
        out = re.sub(rf"(?<!\w){short}(?!\w)", long, out)
    return out


def compact(text: str | None) -> str:
    """Document numbers: NFC, every space dropped, exact otherwise."""
    if text is None:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFC", str(text)))


def similarity(a: str | None, b: str | None) -> float:
    """Character similarity in [0, 1] of the folded texts (rapidfuzz normalised Indel)."""
    fa, fb = folded(a), folded(b)
    if not fa and not fb:
        return 1.0
    if not fa or not fb:
        return 0.0
    return fuzz.ratio(fa, fb) / 100.0
