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
from extract.result_context import paragraph_start, sentence_end, sentence_start
from extract.result_items import Doc, add_result, result_year
from extract.result_scope import UNIT_WORDS, capitalised_after, former_unit, old_unit_spans, scope_of, subject_former_unit
from extract.result_values import Value

_CUE = re.compile(r"\blan\s+luot\s+(?:la\s+|dat\s+|xep\s+(?:hang\s+|thu\s+)?(?:la\s+)?)?")
_RANK_VERB_BEFORE = re.compile(r"(?:\bx\S{0,2}p\s+(?:h\S{0,2}ng|th\S{0,3})|\bh\S{0,2}ng|\bvi\s+tri)\s*$")  # not phường/không
_YEAR_SPAN = re.compile(r"\b(?:(?:hai|ba|bon|nam|\d)\s+n\S{0,2}m|(?:qua\s+)?cac\s+n\S{0,2}m)\b")  # `hai năm gần đây`
_UNIT_NAMED = re.compile(rf"\b{UNIT_WORDS}\s+(?=\S)")
_YEARS_LISTED = re.compile(rf"{YEAR}(?:\s*(?:,|\bva\b)\s*(?:n\S{{0,2}}m\s+)?{YEAR})+")
_SEP = r"(?:\s*(?:[,;]|\bva\b)\s*)"
_RANK_ITEM = re.compile(rf"{_SEP}?(?:th\S{{0,3}}\s+)?(\d{{1,3}})\s?/\s?(\d{{1,3}})\b")
_VALUE_ITEM = re.compile(rf"{_SEP}?({NUMBER})\s?(%|d[i1l]\S?e?m\b)?")


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
        if any(a <= cue.start() < b for a, b, *_ in d.goals):
            continue  # goals in turn are left to the target rules
        sent_start = sentence_start(folded, cue.start())
        hi = sentence_end(folded, cue.end(), cue.end() + 200)
        if _YEARS_LISTED.search(folded, sent_start, hi):
            continue  # `năm 2023 và năm 2024 lần lượt đạt`, `... lần lượt đạt a và b trong năm 2023 và 2024`: per year
        before = [(ms, idx) for ms, _, idx in mentions if sent_start <= ms < cue.start()]
        said_rank = _RANK_VERB_BEFORE.search(folded, max(0, cue.start() - 20), cue.start()) or "xep" in cue.group(0)
        if said_rank:
            # the last indices named before the cue, as many as the ranks (`Báo cáo PAPI 2024, ...` opening it is not one)
            ranks = _items(folded, cue.end(), hi, _RANK_ITEM, 6)
            if len(ranks) < 2:
                continue  # `xếp hạng lần lượt như sau:`, `lần lượt tăng`: no list of ranks here
            listed = before[-len(ranks):] if len(ranks) >= 2 else []
            if len(listed) != len(ranks) or len({idx for _, idx in listed}) != len(ranks):
                continue
            for (ms, idx), m in zip(listed, ranks):
                v = Value("rank", m.start(1), m.end(), (m.group(1), m.group(2)))
                scope = scope_of(d.text, folded, max(sent_start, ms - 40), ms, d.own) or \
                    subject_former_unit(d.text, folded, sent_start, ms)
                add_result(d, {}, v, idx, None, result_year(folded, v, ms, sent_start), scope, d.evidence(sent_start, v))
            read.append((cue.start(), ranks[-1].end()))
        elif len({idx for _, idx in before}) == 1:
            _in_turn_to_units(d, before[-1], sent_start, cue, hi, read)
    return read


def _in_turn_to_units(d: Doc, mention, sent_start: int, cue: re.Match, hi: int, read: list) -> None:
    """`hai phường đạt lần lượt 92,4% và 90,8%`: the former units the paragraph named, in order."""
    folded = d.folded
    para = paragraph_start(folded, sent_start)
    if former_unit(d.text, folded, sent_start, cue.start()) or _names_a_unit(d.text, folded, sent_start, cue.start()) \
            or _YEAR_SPAN.search(folded, sent_start, cue.start()):
        return  # a unit named in the sentence itself (its own values), or values over years (`hai năm gần đây`)
    named: dict[str, str] = {}  # folded name -> its last spelling (a restorer may spell one name two ways)
    for a, b in old_unit_spans(d.text, folded, para, sent_start):
        unit = former_unit(d.text, folded, a, b)
        named[fold(unit)] = unit
    units = list(named.values())
    values = _items(folded, cue.end(), hi, _VALUE_ITEM, len(units))
    if len(units) < 2 or len(values) != len(units):
        return
    kind = "percent" if any(m.group(2) == "%" for m in values) else "score"
    if kind == "score" and not any(m.group(2) for m in values):
        return  # bare numbers: not sure what they are
    ms, index = mention
    for unit, m in zip(units, values):
        v = Value(kind, m.start(1), m.end(), (m.group(1), None))
        add_result(d, {}, v, index, None, result_year(folded, v, ms, sent_start), unit, d.evidence(sent_start, v))
    read.append((cue.start(), values[-1].end()))


def _names_a_unit(text: str, folded: str, lo: int, hi: int) -> bool:
    """`của phường Bến Thành`: a unit word followed by a name (`hai phường` names none)."""
    return any(capitalised_after(text, m.end(), hi) for m in _UNIT_NAMED.finditer(folded, lo, hi))


__all__ = ["values_in_turn"]
