"""A value a change moved from: `tụt 3 bậc, từ vị trí thứ 4 xuống vị trí thứ 7 trong 21 đơn vị`,
`tăng từ 80,10 điểm lên 83,56 điểm`. The value after `xuống`/`lên` is the year's; the one after
`từ` is the earlier ranking's: the year the sentence compares with (`so với năm 2022`), else the
year before (`so với năm trước`, or no year said: the indices are yearly). A rank the sentence
gives one total for (`từ thứ 4 xuống thứ 7 trong 21`) shares it. Offsets in folded text.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.numbers import YEAR
from extract.result_values import Value

_FROM = re.compile(r"\btu\s+(?:vi\s+tri\s+|hang\s+)?(?:th\S{0,3}\s+)?$")
_OF = r"(?:\s?/\s?|\s(?:tren|trong)(?:\s+(?:tong\s+)?so)?\s)"
# (each value may name its year: `tăng từ 82,10 điểm năm 2022 lên 85,40 điểm năm 2023`, `giảm từ 3,95 điểm (năm 2023)
# xuống 3,62 điểm (năm 2024)`)
_ITS_YEAR = r"\s*+,?\s*+\(?\s*+n\S{{0,2}}m\s+(?P<{}>{})\s*+\)?"
_TO = re.compile(rf"(?:\s*+(?:diem|%))?(?:{_ITS_YEAR.format('from_year', YEAR)})?\s*+,?\s*+(?:xuong|len)\s+"
                 rf"(?:(?:vi\s+tri|hang)\s+)?(?:th\S{{0,3}}\s+)?(?P<to>\d{{1,3}})"
                 rf"(?:{_OF}(?P<to_total>\d{{1,3}}))?(?:[.,]\d{{1,4}})?(?:\s*+(?:diem|%))?(?:{_ITS_YEAR.format('to_year', YEAR)})?")
_COMPARED_YEAR = re.compile(rf"so\s+v\S{{1,3}}\s+(?:cung\s+ky\s+)?n\S{{0,2}}m\s+({YEAR})")
_MOVED_KINDS = ("rank", "rank_only", "score", "percent", "score_increase")
# `tăng 5 bậc ..., từ 30/63 lên 25/63`: ranks a change of places names without a rank verb
_RANK_MOVE = re.compile(rf"\bbac\b[^.;]{{0,60}}?\btu\s+(\d{{1,3}}){_OF}(\d{{1,3}})\s+(?:xuong|len)\s+"
                        rf"(?:(?:vi\s+tri|hang)\s+)?(?:th\S{{0,3}}\s+)?(\d{{1,3}}){_OF}(\d{{1,3}})\b")


def rank_moves(folded: str, lo: int, hi: int) -> list[Value]:
    """The two ranks of `... N bậc, từ A/T lên B/T` between lo and hi (the rank rules want a verb)."""
    out = []
    for m in _RANK_MOVE.finditer(folded, lo, hi):
        out.append(Value("rank", m.start(1), m.end(2), (m.group(1), m.group(2))))
        out.append(Value("rank", m.start(3), m.end(4), (m.group(3), m.group(4))))
    return out


def moved_from(folded: str, v: Value) -> Optional[re.Match]:
    """The `xuống/lên <value>` match when `v` is the value a change started from, else None."""
    if v.kind not in _MOVED_KINDS:
        return None
    if v.kind == "score_increase":  # `tăng từ 41,20 điểm lên 43,05 điểm`: read as a rise from 41,20
        if not (v.nums[0] or "").startswith("tu"):
            return None
        return _TO.match(folded, v.end, v.end + 60)
    if not (_FROM.search(folded, max(0, v.start - 24), v.start) or folded.startswith("tu ", v.start)):
        return None  # (the value's own cue may be the `từ`: `giảm từ 3,95 điểm xuống ...`)
    return _TO.match(folded, v.end, v.end + 60)


def earlier_value(v: Value, to: re.Match) -> Value:
    """A rank without its total takes the total the sentence gives the rank it moved to; a rise read
    from its start value is that score."""
    if v.kind == "rank_only" and to.group("to_total"):
        return Value("rank", v.start, v.end, (v.nums[0], to.group("to_total")))
    if v.kind == "score_increase":
        return Value("score", v.start, v.end, (v.nums[1], None))
    return v


def earlier_year(folded: str, sent_start: int, pos: int, year: Optional[int], to: Optional[re.Match] = None) -> Optional[int]:
    """The year the start value names (`từ 82,10 điểm năm 2022 lên ...`), else the compared year named
    before `pos` in the sentence, else the year before `year`."""
    if to is not None and to.group("from_year"):
        return int(to.group("from_year"))
    named = _COMPARED_YEAR.findall(folded, sent_start, pos)
    if named:
        return int(named[-1])
    return year - 1 if year else None


def reached(marks: dict, v: Value):
    """What was noted (by the offset of the value a move reached: `... lên 85,40 điểm năm 2023`) for `v`, if `v` is
    that value, else None."""
    return next((x for at, x in marks.items() if v.start <= at < v.end), None)


__all__ = ["earlier_value", "earlier_year", "moved_from", "rank_moves", "reached"]
