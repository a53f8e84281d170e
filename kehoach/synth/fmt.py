"""How Vietnamese official documents print numbers and dates."""
from __future__ import annotations

import datetime as dt
import random

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def roman(n: int) -> str:
    return ROMAN[n - 1]


def fmt_num(value: float, decimals: int) -> str:
    """8.8974 -> '8,8974' (decimal comma, no thousands separator)."""
    return f"{value:.{decimals}f}".replace(".", ",")


def rnd(rng: random.Random, lo: float, hi: float, decimals: int) -> float:
    """A random value rounded the way it will be printed, so gold equals the printed number."""
    return round(rng.uniform(lo, hi), decimals)


def fmt_date_short(d: dt.date, rng: random.Random) -> str:
    """'12/7/2025' or '12/07/2025' or '05/02/2025'."""
    style = rng.random()
    if style < 0.5:
        return f"{d.day}/{d.month}/{d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_date_long(d: dt.date, pad: bool) -> str:
    """'12 tháng 7 năm 2025'; official style pads day < 10 and months 1-2 ('05 tháng 02')."""
    day = f"{d.day:02d}" if pad else str(d.day)
    month = f"{d.month:02d}" if pad and d.month < 3 else str(d.month)
    return f"{day} tháng {month} năm {d.year}"


def fmt_date_any(d: dt.date, rng: random.Random) -> str:
    return fmt_date_long(d, rng.random() < 0.5) if rng.random() < 0.35 else fmt_date_short(d, rng)


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    span = (end - start).days
    return start + dt.timedelta(days=rng.randint(0, max(span, 0)))
