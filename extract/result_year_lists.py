"""Results listed year by year after the index that leads them in (terse plans):

    1. Chỉ số CCHC của xã (huyện thẩm định, xếp hạng 29 xã, thị trấn):
    - 2020: 80,25đ (17/29);
    - 2021: 84,1đ (12/29);

    Chỉ số CCHC của phường: 2021: 84,6đ (9/14); 2022: 85,9đ (7/14); 2023: 87,25đ (6/14).

Two items at least, each `YYYY: value` with `đ`/`điểm`/`%` or nothing after the value and the rank in parentheses;
the index is the last one named before the first item (within its lead-in), the unit that of the lead-in. Items in the
goals section are left to the goal readers.
"""
from __future__ import annotations

import re

from extract.numbers import NUMBER, YEAR
from extract.result_context import sentence_start
from extract.result_items import Doc, add_result
from extract.result_orphans import COMPONENT_CUE
from extract.result_scope import scope_of
from extract.result_values import Value

_ITEM = re.compile(rf"(?:(?<=\n)|(?<=[;:]))[ \t]*(?:[-+•][ \t]*)?(?:nam[ \t]+)?({YEAR})[ \t]*:[ \t]*(?:dat[ \t]+)?"
                   rf"({NUMBER})[ \t]?(d\b|diem\b|%)?\s*(?:\([ \t]*(?:xep[ \t]+(?:hang|thu)[ \t]+|thu[ \t]+)?"
                   r"(\d{1,3})[ \t]*/[ \t]*(\d{1,3})[ \t]*\))?")
_NOT_OWN_LEAD_IN = re.compile(r"\b(?:binh\s+quan|trung\s+binh|trung\s+vi|dan\s+dau|cao\s+nhat|thap\s+nhat|phan\s+dau|"
                              r"muc\s+tieu|chi\s+tieu|du\s+kien|lo\s+trinh|ke\s+hoach)\b")
_NEW_ITEM = re.compile(r"\n\s*(?:\d{1,2}[.)]\s|[-+•]\s)|[.;]\s")
_RUN_BREAK = re.compile(r"\n\s*\d{1,2}[.)]\s|\.\s")  # a numbered item or a sentence's end between two items
_GAP = 40  # the most that may stand between two items of one list (`;`, a line break, a remark)


def year_list_values(d: Doc, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Adds the lists' results to `d`; -> the spans read (no other rule reads them again)."""
    folded = d.folded
    items = [m for m in _ITEM.finditer(folded) if m.group(3) or m.group(4)]
    runs: list[list[re.Match]] = []
    for m in items:
        between = (runs[-1][-1].end(), m.start()) if runs else (0, 0)
        if runs and m.start() - runs[-1][-1].end() <= _GAP and not _RUN_BREAK.search(folded, *between) \
                and not any(between[0] <= ms < between[1] for ms, _, _ in mentions):  # (an index named: a new list)
            runs[-1].append(m)
        else:
            runs.append([m])
    read: list[tuple[int, int]] = []
    for run in runs:
        first = run[0]
        if len(run) < 2 or any(a <= first.start() < b for a, b, *_ in d.goals):
            continue
        named = [(ms, me, index) for ms, me, index in mentions if ms < first.start() and first.start() - me <= 240]
        if not named:
            continue
        ms, me, index = named[-1]
        lead_in = folded[me:first.start()]
        line = folded[folded.rfind("\n", 0, ms) + 1:first.start()]  # (the lead-in's line from its start)
        # the list's own lead-in names the index, no other measure, part, average or goal comes between
        if _NOT_OWN_LEAD_IN.search(line) or _NEW_ITEM.search(lead_in.rstrip(" -+•\t")) or COMPONENT_CUE.search(lead_in):
            continue
        read.append((first.start(), run[-1].end()))
        scope = scope_of(d.text, folded, sentence_start(folded, ms), me + 40, d.own)
        for m in run:
            current: dict = {}
            year = int(m.group(1))
            ev = d.evidence(m.start(), Value("score", m.start(2), m.end(), ()))
            kind = "percent" if m.group(3) == "%" else "score"
            value = Value(kind, m.start(2), m.end(2), (m.group(2),))
            current = add_result(d, current, value, index, None, year, scope, ev)
            if m.group(4):
                add_result(d, current, Value("rank", m.start(4), m.end(5), (m.group(4), m.group(5))), index, None, year,
                           scope, ev)
    return read
