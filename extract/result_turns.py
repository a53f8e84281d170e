"""Values given `lần lượt` (in turn) to what the sentence listed before them.

`X đạt a%, Y đạt b% và Z đạt c điểm, xếp hạng lần lượt là 31/63, 44/63 và 27/63`: one rank per index
named before the cue, in order. `Về Chỉ số SIPAS, hai phường đạt lần lượt 92,4% và 90,8%` after a
paragraph naming two former units: one value per unit, in order. Only when the counts agree: a list
that does not pair one to one is left to the other rules (numbers are never guessed).
Offsets are in the folded text (extract.numbers.fold).
"""
from __future__ import annotations

import re

from extract.numbers import NUMBER, YEAR, fold
from extract.result_context import in_footnote, paragraph_start, sentence_end, sentence_start
from extract.result_items import Doc, add_result, result_year
from extract.result_scope import (UNIT_WORDS, bare_former_units, capitalised_after, former_unit, old_unit_spans, ranked_among,
                                  scope_of, subject_former_unit)
from extract.result_values import Value

_CUE = re.compile(r"\blan\s+luot\s+(?:la\s+|dat\s+|xep\s+(?:hang\s+|thu\s+)?(?:la\s+)?)?")
_RANK_VERB_BEFORE = re.compile(r"(?:\bx\S{0,2}p\s+(?:h\S{0,2}ng|th\S{0,3})|\bh\S{0,2}ng|\bvi\s+tri)\s*$")  # not phường/không
# `hai năm gần đây` (not `1 Năm 2024, ...`: a footnote's mark, stripped of its superscript)
_YEAR_SPAN = re.compile(r"\b(?:(?:hai|ba|bon|nam)\s+n\S{0,2}m|(?<!\n)(?<!^)\d\s+n\S{0,2}m|(?:qua\s+)?cac\s+n\S{0,2}m)\b")
_UNIT_NAMED = re.compile(rf"\b{UNIT_WORDS}\s+(?=\S)")
_YEARS_LISTED = re.compile(rf"{YEAR}(?:\s*(?:,|\bva\b)\s*(?:n\S{{0,2}}m\s+)?{YEAR})+")
_SEP = r"(?:\s*(?:[,;]|\bva\b)\s*)"
_RANK_ITEM = re.compile(rf"{_SEP}?(?:th\S{{0,3}}\s+)?(\d{{1,3}})\s?/\s?(\d{{1,3}})\b")
# `xếp thứ 3, thứ 9 và thứ 15 trong tổng số 18`: places without their total, then the one total
_PLACE_ITEM = re.compile(rf"{_SEP}?(?:th\S{{0,3}}\s+)?(\d{{1,3}})\b(?!\s*[/,.]\d)")
_TOTAL_AFTER_PLACES = re.compile(r"\s+(?:trong|tren)\s+(?:tong\s+so\s+)?(\d{1,3})\b")
# (a rank in parentheses may follow each value: `89,47 điểm (xếp thứ 14/63), 88,02 điểm (xếp thứ 29/63) và ...`)
_VALUE_ITEM = re.compile(rf"{_SEP}?({NUMBER})\s?(%|d[i1l]\S?e?m\b)?"
                         r"(?:\s*\(\s*(?:x\S{0,2}p\s+(?:h\S{0,2}ng|th\S{0,3})\s+)?(\d{1,3})\s?/\s?(\d{1,3})\s*\))?")
_COUNTS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
_COUNTED = re.compile(r"\b(hai|ba|bon|nam|sau|0?[2-6])\s+(?:don\s+vi|dia\s+phuong|co\s+quan|so|tinh|huyen|xa|phuong|thi\s+tran)\b")
_RANKS_NEXT = re.compile(r"\s*[,;]?\s*(?:va\s+)?(?:x\S{0,2}p\s+(?:h\S{0,2}ng|th\S{0,3})|d\S{0,2}ng\s+th\S{0,3})\s+"
                         r"(?:tuong ung\s+)?(?:lan\s+luot\s+)?(?:la\s+)?")
# `Mức độ hài lòng của người dân, tổ chức đối với hai Sở lần lượt là ...`: a SIPAS subject naming no index
# (`hai 1ong`: English-model OCR)
SATISFACTION_SUBJECT = re.compile(r"\b(?:muc\s+do|ty\s+le|chi\s+so|khao\s+sat)\s+(?:su\s+)?hai\s?[l1]\s?[o0]ng\b")


def _items(folded: str, pos: int, hi: int, rx: re.Pattern, n: int) -> list[re.Match]:
    found = []
    while len(found) < n + 1:
        m = rx.match(folded, pos, hi)
        if not m:
            break
        found.append(m)
        pos = m.end()
    return found


def values_in_turn(d: Doc, mentions) -> list[tuple[int, int]]:
    """Adds the results of `lần lượt` lists that pair one to one; returns the spans it read."""
    folded, read = d.folded, []
    for cue in _CUE.finditer(folded):
        if any(a <= cue.start() < b for a, b, *_ in d.goals) and not in_footnote(d.text, cue.start()):
            continue  # goals in turn are left to the target rules
        sent_start = sentence_start(folded, cue.start())
        hi = sentence_end(folded, cue.end(), cue.end() + 200)
        if _YEARS_LISTED.search(folded, sent_start, hi):
            continue  # `năm 2023 và năm 2024 lần lượt đạt`, `... lần lượt đạt a và b trong năm 2023 và 2024`: per year
        before = [(ms, idx) for ms, _, idx in mentions if sent_start <= ms < cue.start()]
        if not before:
            said = SATISFACTION_SUBJECT.search(folded, sent_start, cue.start())
            before = [(said.start(), "SIPAS")] if said else []
        said_rank = _RANK_VERB_BEFORE.search(folded, max(0, cue.start() - 20), cue.start()) or "xep" in cue.group(0)
        if said_rank:
            # the last indices named before the cue, as many as the ranks (`Báo cáo PAPI 2024, ...` opening it is not one)
            ranks = _items(folded, cue.end(), hi, _RANK_ITEM, 6)
            if len(ranks) < 2:
                continue  # `xếp hạng lần lượt như sau:`, `lần lượt tăng`: no list of ranks here
            listed = before[-len(ranks):]
            if len(listed) != len(ranks) or len({idx for _, idx in listed}) != len(ranks):
                if len({idx for _, idx in before}) == 1:  # `Chỉ số CCHC của hai đơn vị lần lượt xếp thứ 9/20 và 16/20`
                    _in_turn_to_units(d, before[-1], sent_start, cue, hi, read, ranks_only=True)
                continue
            for (ms, idx), m in zip(listed, ranks):
                v = Value("rank", m.start(1), m.end(), (m.group(1), m.group(2)))
                scope = scope_of(d.text, folded, max(sent_start, ms - 40), ms, d.own) or \
                    subject_former_unit(d.text, folded, sent_start, ms)
                add_result(d, {}, v, idx, None, result_year(folded, v, ms, sent_start), scope, d.evidence(sent_start, v))
            read.append((cue.start(), ranks[-1].end()))
        else:
            # `...; Chỉ số PAPI lần lượt đạt a và b`: the index of the cue's own clause
            clause = folded.rfind(";", sent_start, cue.start()) + 1
            own = [(ms, idx) for ms, idx in before if ms >= clause] or before
            if len({idx for _, idx in own}) == 1:
                _in_turn_to_units(d, own[-1], sent_start, cue, hi, read)
    return read


def _in_turn_to_units(d: Doc, mention, sent_start: int, cue: re.Match, hi: int, read: list,
                      ranks_only: bool = False) -> None:
    """`hai phường đạt lần lượt 92,4% và 90,8%[, xếp thứ 5/20 và 2/20]`, `hai đơn vị lần lượt xếp thứ 9/20 và
    16/20`: the former units the paragraph named, in order."""
    folded = d.folded
    if _YEAR_SPAN.search(folded, sent_start, cue.start()):
        return  # values over years (`hai năm gần đây`)
    # `Chỉ số PAR INDEX của tỉnh A (cũ) và tỉnh B (cũ) lần lượt đạt ...`: the units the sentence lists, else
    # (`hai đơn vị lần lượt ...`) those of the paragraph before it, if the sentence names no unit of its own
    units = _former_units(d, sent_start, cue.start())
    clause = folded.rfind(";", sent_start, cue.start()) + 1
    if clause and len(units) > 2 and len(_former_units(d, clause, cue.start())) >= 2:
        units = _former_units(d, clause, cue.start())  # `X (cũ) đạt a; Y (cũ) và Z (cũ) lần lượt đạt b và c`
    counted = _COUNTED.search(folded, sent_start, cue.start())  # `của ba đơn vị này`
    if len(units) < 2:
        if units or _names_a_unit(d.text, folded, sent_start, cue.start()):
            return  # one unit named in the sentence itself: its own values
        if not counted:
            return  # (`Tỷ lệ hài lòng về A và về B lần lượt đạt ...`: two factors, not the units named before)
        para = paragraph_start(folded, sent_start)
        units = _former_units(d, para, sent_start)
        if not units and para > 0:  # named in the paragraph before (`... hai Sở năm 2024 lần lượt đạt`)
            units = _former_units(d, paragraph_start(folded, para - 1), para)
    n = _COUNTS[counted.group(1).lstrip("0")] if counted else 0
    if 2 <= n < len(units):
        units = units[-n:]  # the last ones named
    if len(units) < 2:
        return
    ms, index = mention
    current: dict = {}
    pos = cue.end()

    def add_all(kind: str, items: list[tuple[int, int, tuple]]) -> None:
        """(start, end, numbers) of one value per unit, in the units' order."""
        nonlocal current
        for unit, (a, b, nums) in zip(units, items):
            v = Value(kind, a, b, nums)
            current = add_result(d, current, v, index, None, result_year(folded, v, ms, sent_start), unit,
                                 d.evidence(sent_start, v))

    if not ranks_only:
        values = _items(folded, pos, hi, _VALUE_ITEM, len(units))
        if len(values) != len(units):
            return
        kind = "percent" if any(m.group(2) == "%" for m in values) else "score"
        if kind == "score" and not any(m.group(2) for m in values):
            return  # bare numbers: not sure what they are
        add_all(kind, [(m.start(1), m.end(), (m.group(1), None)) for m in values])
        if all(m.group(3) for m in values):  # each value's rank in parentheses
            add_all("rank", [(m.start(3), m.end(4), (m.group(3), m.group(4))) for m in values])
        pos = values[-1].end()
        then = _RANKS_NEXT.match(folded, pos, hi)  # `..., xếp thứ 5/20 và 2/20`: their ranks, in the same order
        if not then:
            read.append((cue.start(), pos))
            return
        pos = then.end()
    ranks = _items(folded, pos, hi, _RANK_ITEM, len(units))
    if len(ranks) == len(units):
        add_all("rank", [(m.start(1), m.end(), (m.group(1), m.group(2))) for m in ranks])
        pos = ranks[-1].end()
    else:  # `xếp thứ 3, thứ 9 và thứ 15 trong tổng số 18 xã`: the ranks, then their one total
        places = _items(folded, pos, hi, _PLACE_ITEM, len(units))
        total = _TOTAL_AFTER_PLACES.match(folded, places[-1].end(), hi) if len(places) == len(units) else None
        if total:
            add_all("rank", [(m.start(1), m.end(), (m.group(1), total.group(1))) for m in places])
            pos = total.end()
    if pos > cue.end():
        read.append((cue.start(), pos))


def _former_units(d: Doc, lo: int, hi: int) -> list[str]:
    """The former units named between lo and hi, in order, each once."""
    spans = [(a, former_unit(d.text, d.folded, a, b)) for a, b in old_unit_spans(d.text, d.folded, lo, hi)
             if not ranked_among(d.folded, a)]  # (not `Trong 16 xã, thị trấn của huyện X (cũ), ...`)
    spans += [(a, unit) for a, _, unit in bare_former_units(d.text, d.folded, lo, hi)]  # `Hà Nam (cũ)`
    named: dict[str, str] = {}  # folded name -> its last spelling (a restorer may spell one name two ways)
    for _, unit in sorted(spans):
        named[fold(unit)] = unit
    return list(named.values())


def _names_a_unit(text: str, folded: str, lo: int, hi: int) -> bool:
    """`của phường Bến Thành`: a unit word followed by a name (`hai phường` names none)."""
    return any(capitalised_after(text, m.end(), hi) for m in _UNIT_NAMED.finditer(folded, lo, hi))


__all__ = ["SATISFACTION_SUBJECT", "values_in_turn"]
