"""Folding, numbers, comparators and dates as Vietnamese plans print them.

Everything here works on *folded* text (lower case, diacritics stripped, đ -> d) whose length equals
the original's, so a match offset in the folded text is an offset in the original. That makes one
set of patterns serve text with diacritics, text whose diacritics were restored, and raw
English-model OCR (`Chi s6 ... dat 85,95/100 diém`).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from extract.patterns import fold  # one folding for the whole extract stage


def squash(text: str) -> str:
    """Folded text with whitespace collapsed: a key for comparing names."""
    return " ".join(fold(text).split())


# A decimal number as printed: `8,8974`, `85,95`, `9.5`, `100`; OCR may put a space before the comma.
NUMBER = r"\d{1,3}(?:\s?[.,]\s?\d+)?"
_NUMBER_RE = re.compile(r"^\s*([+-]?)\s*(\d+)(?:\s?[.,]\s?(\d+))?\s*$")


def parse_number(token: str) -> Optional[float]:
    """`9,2779` -> 9.2779, `+ 0,13` -> 0.13, `- 1` -> -1.0; None when it is not one number."""
    m = _NUMBER_RE.match(token.replace("\u2212", "-"))
    if not m:
        return None
    sign, whole, frac = m.groups()
    value = float(f"{whole}.{frac}") if frac else float(whole)
    return -value if sign == "-" else value


# Comparator cues, on folded text. Order matters: longer cues first.
_COMPARATOR_CUES: tuple[tuple[str, str], ...] = (
    ("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="),
    ("tro len", ">="), ("tro lên", ">="), ("toi thieu", ">="), ("it nhat", ">="), ("khong thap hon", ">="),
    ("khong duoi", ">="), ("tu ", ">="), ("tir ", ">="), ("tren", ">"), (">", ">"), ("toi da", "<="), ("khong qua", "<="),
    ("duoi", "<"), ("<", "<"),
)


def comparator_near(folded_before: str, folded_after: str) -> str:
    """The comparator a value carries from the words just before and after it (default `=`)."""
    after = folded_after[:14]
    if re.match(r"\s*(?:%\s*)?(?:d\S{1,3}m\s*)?tr[o0d6]\s*[l1]en", after):
        return ">="
    before = folded_before[-22:]
    for cue, comp in _COMPARATOR_CUES:
        if cue in ("tro len", "tro lên"):
            continue
        if before.rstrip().endswith(cue.strip()) or re.search(re.escape(cue.strip()) + r"\s*(?:muc\s*)?$", before):
            return comp
    return "="


_FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})(?!\d)")
_WORD_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d{2})")


def iso_date(text: str) -> Optional[str]:
    """First full date in `text` (`30/11/2025`, `ngày 30 tháng 11 năm 2025`) as ISO, else None."""
    f = fold(text)
    for rx in (_FULL_DATE, _WORD_DATE):
        m = rx.search(f)
        if m:
            d, mth, y = (int(g) for g in m.groups())
            try:
                return date(y, mth, d).isoformat()
            except ValueError:
                return None
    return None


YEAR = r"(?:19|20)\d{2}"
