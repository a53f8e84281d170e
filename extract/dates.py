"""Dates as printed in plans: `12/7/2025`, `ngày 18 tháng 7 năm 2025`, and their English-OCR forms
(`ngay30 thdng 7 nam 2025`, `ngdy 14thangs ndam 2023`). An unreadable part gives no date and a
warning, never a guess."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.patterns import NAM, NGAY, THANG

NUMERIC_DATE = r"(?P<nd>[\dOo#?*]{1,2})\s?[/.-]\s?(?P<nm>[\dOo#?*]{1,2})\s?[/.-]\s?(?P<ny>(?:19|20)\d\d)"
LONG_DATE = (
    NGAY + r"\s*(?P<ld>[^\s]{0,3}?)\s*" + THANG + r"\s*(?P<lm>[^\s]{0,3}?)\s*" + NAM + r"\s*(?P<ly>\S{4})"
)
NUMERIC_DATE_RE = re.compile(r"(?<![\d/])" + NUMERIC_DATE + r"(?!\d)")
LONG_DATE_RE = re.compile(LONG_DATE)


@dataclass(frozen=True)
class DateReading:
    iso: str | None
    warning: str | None
    start: int
    end: int


def _digits(part: str) -> int | None:
    part = part.replace("O", "0").replace("o", "0")
    return int(part) if part.isdigit() else None


def make_iso(day: str, month: str, year: str, printed: str) -> tuple[str | None, str | None]:
    d, m, y = _digits(day), _digits(month), _digits(year)
    missing = [name for name, v in (("day", d), ("month", m), ("year", y)) if v is None]
    if missing:
        return None, f"date '{printed}': {', '.join(missing)} unreadable; left empty"
    try:
        return dt.date(y, m, d).isoformat(), None
    except ValueError:
        return None, f"date '{printed}' is not a valid date; left empty"


def read_long_date(folded: str, original: str, pos: int = 0) -> DateReading | None:
    """First `ngày D tháng M năm Y` at or after `pos` (matched on folded text)."""
    m = LONG_DATE_RE.search(folded, pos)
    if not m:
        return None
    printed = " ".join(original[m.start():m.end()].split())
    iso, warning = make_iso(m.group("ld"), m.group("lm"), m.group("ly"), printed)
    return DateReading(iso, warning, m.start(), m.end())


def read_date_at(folded: str, original: str, pos: int, reach: int = 40) -> DateReading | None:
    """A date (`ngày 12/7/2025` or the long form) starting within `reach` characters of `pos`."""
    window = folded[pos:pos + reach + 40]
    m = re.match(r"[\s,]{0,3}(?:" + NGAY + r"\s*)?" + NUMERIC_DATE, window)
    if m:
        printed = " ".join(original[pos + m.start("nd"):pos + m.end()].split())
        iso, warning = make_iso(m.group("nd"), m.group("nm"), m.group("ny"), printed)
        return DateReading(iso, warning, pos + m.start(), pos + m.end())
    m = re.match(r"[\s,]{0,3}" + LONG_DATE, window)
    if m:
        printed = " ".join(original[pos + m.start():pos + m.end()].split())
        iso, warning = make_iso(m.group("ld"), m.group("lm"), m.group("ly"), printed)
        return DateReading(iso, warning, pos + m.start(), pos + m.end())
    return None
