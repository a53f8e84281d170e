"""Footnotes that name no index: their values are those of the index named in the sentence carrying the mark.

    Chỉ số PCI năm 2022 của thành phố đạt 66,18 điểm¹, xếp thứ 25/63 ...
    ______________________
    ¹ Năm 2021 đạt 65,30 điểm, xếp thứ 28/63; năm 2020 đạt 64,95 điểm, xếp thứ 23/63.

A text that lost its marks prints the mark as a digit glued to the word before it (`66,18 diem1`). The mark must
be found once in the text above the rule line; a note naming an index of its own is read as any sentence is.
"""
from __future__ import annotations

import re

from extract.components import index_mentions
from extract.result_context import sentence_start, year_before
from extract.result_items import Doc, add_result
from extract.result_orphans import COMPONENT_CUE, NO_VALUE
from extract.result_scope import scope_of
from extract.result_values import Value, find_values

_RULE = re.compile(r"^[ \t]*_{4,}[ \t]*$", re.M)
_NOTE = re.compile(r"^[ \t]*([¹²³⁴⁵⁶⁷⁸⁹]|[1-9])[ \t]+(?=\S)", re.M)
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_DIGIT_OF = str.maketrans(_SUPERSCRIPT, "0123456789")
_NOTES_END = re.compile(r"\n[ \t]*\n|\f|\n[ \t]*(?:[IVX]{1,4}|\d{1,2})\.[ \t]")


def _mark_at(d: Doc, number: int, lo: int, hi: int, source_text: str = "") -> int | None:
    """Where the note's mark stands between lo and hi: a superscript, or (marks lost) the digit glued to a word
    or a closing `%`/`)`; None unless found once."""
    found = [m.start() for m in re.finditer(_SUPERSCRIPT[number], d.text[lo:hi])]
    if not found and d.marks_lost:
        found = [m.start() for m in re.finditer(rf"(?<=[a-z%)]){number}(?=[\s,.;:)])", d.folded[lo:hi])]
    if not found and d.marks_lost and source_text:
        # the restorer may have dropped a mark glued to a word (`66,18 diem1` -> `66,18 điểm`): the value it follows
        # in the printed text, found once above the rule line
        glued = {m.group(1) for m in re.finditer(rf"(\d{{1,3}}[.,]\d{{1,4}})\s?(?:d\S{{2,3}}m|%)?{number}(?=[\s,.;:)])",
                                                 source_text)}
        found = [m.end() for g in glued for m in re.finditer(rf"(?<![\d,.]){re.escape(g)}(?![\d])", d.text[lo:hi])]
    return lo + found[0] if len(found) == 1 else None


def footnote_values(d: Doc, mentions: list[tuple[int, int, str]], owned: list[tuple[int, int]], source_text: str = ""
                    ) -> None:
    folded = d.folded
    for rule in _RULE.finditer(d.text):
        end = _NOTES_END.search(d.text, rule.end() + 1)
        notes = list(_NOTE.finditer(d.text, rule.end(), end.start() if end else len(d.text)))
        for k, note in enumerate(notes):
            lo = note.end()
            hi = notes[k + 1].start() if k + 1 < len(notes) else (end.start() if end else len(d.text))
            if index_mentions(folded[lo:hi]) or COMPONENT_CUE.search(folded, lo, hi):
                continue  # (a note naming its index is a sentence of its own; parts of one are the orphans' reading)
            mark = _mark_at(d, int(note.group(1).translate(_DIGIT_OF)), max(0, rule.start() - 4000), rule.start(),
                            source_text)
            if mark is None:
                continue
            start = sentence_start(folded, mark)
            named = [(ms, index) for ms, me, index in mentions if start <= ms and me <= mark]
            if not named:
                continue
            index = named[-1][1]
            marked_scope = next((sc for at, idx, sc in reversed(d.scopes) if idx == index and start <= at <= mark), None)
            current: dict = {}
            values: list[Value] = [v for v in find_values(folded, lo, hi, d.text, d.own)
                                   if not any(a <= v.start < b for a, b in owned)]
            for v in values:
                if v.kind in NO_VALUE:
                    continue
                clause = max(lo, folded.rfind(";", lo, v.start) + 1)
                year = (year_before(folded, v.start, 0, clause) or year_before(folded, v.start, 0, lo)
                        or year_before(folded, mark, 0, start))  # (else the year of the marked sentence)
                scope = scope_of(d.text, folded, clause, v.start, d.own) or marked_scope
                current = add_result(d, current, v, index, None, year, scope, d.evidence(clause, v))
            owned.append((lo, hi))
