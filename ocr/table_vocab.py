"""Words of task tables shared by `ocr` (borderless tables found by their heading row, row numbers read
again) and `extract` (columns mapped by their headings): text folding, heading cues, row-number
patterns. A leaf module: `ocr` must not import `extract`, so both import this.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    if c in "đĐðÐ":  # `ð`: how the English OCR model often prints `đ`
        return "d"
    if c.isascii():
        return c.lower()
    base = unicodedata.normalize("NFD", c)[0]
    return base.lower() if len(base.lower()) == 1 else c


def fold(text: str) -> str:
    """Lower case without diacritics, one character per character of `text` (`Cơ quan chủ trì` ->
    `co quan chu tri`), so a match's offsets in the folded text cut the original."""
    return "".join(fold_char(c) for c in text)


# Column role -> heading cues (folded; `phdi hop`, `chu tr`: OCR slips). In this order: a heading cell
# takes the first role it names.
ROLE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("id", ("stt", "st t", "so tt", "tt")),
    ("partners", ("phoi hop", "phdi hop", "phoi")),
    ("lead", ("chu tri", "chu tr", "don vi thuc hien", "co quan thuc hien", "trach nhiem")),
    ("deadline", ("thoi gian", "thoi han", "tien do", "hoan thanh")),
    ("target", ("chi tieu", "ket qua", "san pham", "muc tieu")),
    ("actions", ("nhiem vu", "giai phap", "noi dung cong viec", "hoat dong")),
    ("content", ("chi so", "noi dung", "linh vuc", "tieu chi", "van de")),
)
_CUE_RES = tuple((role, tuple(re.compile(rf"(?<![a-z]){re.escape(c)}(?![a-z])") for c in cues))
                 for role, cues in ROLE_CUES)


def header_roles(text: str) -> list[str]:
    """Every role a heading cell's cues name, first role first (`Thời gian hoàn thành` -> deadline)."""
    f = " ".join(fold(text).replace("/", " ").split())
    return [role for role, cues in _CUE_RES if any(c.search(f) for c in cues)]


def header_role(text: str) -> str | None:
    roles = header_roles(text)
    return roles[0] if roles else None


def names_task_table(roles: Iterable[str | None], min_roles: int = 3) -> bool:
    """Heading roles of a task table: three or more, an agency or a deadline among them."""
    named = {r for r in roles if r}
    return len(named) >= min_roles and bool(named & {"lead", "deadline"})


# Row numbers: `1`, `2.1`, `1.2.3`, with a closing dot; Roman numerals for groups (`II`).
NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,2}"
ROW_ID = re.compile(rf"^{NUMBER}\.?$")
ROMAN_ID = re.compile(r"^[IVX]{1,4}\.?$")
ID = re.compile(rf"^(?:{NUMBER}|[IVX]{{1,4}})\.?$")
ROMAN_GROUP = re.compile(r"[IVX]{2,4}\.?")  # read with Roman numerals allowed: two letters or more (a lone `I` is a `1`)
# ... and the marks a borderless row starts with: a letter item (`a)`), a bullet, `L` read for `I`
ROW_MARK = re.compile(rf"^(?:{NUMBER}|[IVXL]{{1,4}}|[a-zđ]\)|[-+•–])\.?$")
WORDY = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: a word (`STT`), not a row number


def row_mark(text: str) -> bool:
    """A row number or group numeral, with the noise a scan adds (`2...`, `1.1,`)."""
    t = text.strip()
    return bool(ROW_MARK.match(t.rstrip("._,:;…").strip() or t))
