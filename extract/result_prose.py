"""Index results and targets stated in sentences.

`Chỉ số PAR Index của tỉnh năm 2022 đạt 85,95/100 điểm, xếp thứ 28/63` (result),
`phấn đấu Chỉ số SIPAS đạt 80% trở lên` (target), `xếp hạng 80 - 85/124 xã, phường` (rank target),
`lĩnh vực Cải cách thể chế đạt 8,75/10 điểm` (component result), `bảo đảm trên 90% người dân ... hài
lòng` (SIPAS percent target, no index named).

Patterns run on folded text (see extract.numbers) so they also match English-model OCR
(`dat 85,95/100 diém, xép thir 28/63`). Each index mention owns the text up to the next mention
or the end of its sentence; values found there belong to it. Sentences that name no index but
name a component of one mentioned just before (`chỉ số Chi phí thời gian đạt 7,45 điểm`) give
that component's values.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.components import index_mentions
from extract.result_context import (component_before, component_match, components_listed, inner_end, paragraph_start,
                                    scope_of, sentence_end, sentence_start, year_before)
from extract.result_items import Doc, add_result, make_targets, result_year
from extract.result_satisfaction import satisfaction_targets
from extract.result_values import Value, find_values, is_target
from extract.schema import IndexResult, IndexTarget

_BREAKDOWN = re.compile(r"trong\s+d\S")  # `trong đó điểm thẩm định đạt 58,72/67`: a part, not the index
# A sentence naming no index gives component values only when it speaks of components ...
_COMPONENT_CUE = re.compile(r"linh vuc|chi\s*s\S|noi dung|yeu to|tru cot|thanh phan|tieu chi")
# ... and not of operational rates (`tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%`).
_OPERATIONAL = re.compile(r"\bho so\b|van ban|truc tuyen|so hoa|chu ky so|thoi gian (?:giai quyet|xu ly)|ty le")
_ADJACENT_SCORE = re.compile(r"\s*[:-]?\s*(\d{1,3}(?:[.,]\d+)?)\s*d[i1l]\S?e?m\b")
# kinds that are never results
_NO_VALUE = ("rank_increase", "rank_group", "rank_increase_range", "score_increase", "score_increase_range")


def prose_values(doc_text: str, page_of=None) -> tuple[list[IndexResult], list[IndexTarget], list[str]]:
    d = Doc(doc_text, page_of)
    folded = d.folded
    mentions = _main_mentions(folded, index_mentions(folded))
    in_turn = _respectively(folded, mentions)
    owned = d.owned
    for k, (ms, me, index) in enumerate(mentions):
        sent_start = sentence_start(folded, ms)
        # only mentions within reach of this one matter; scanning all of them is quadratic in pages
        near = [a for a, _, _ in mentions[k + 1:] if a < me + 420]
        inner = [(a, inner_end(folded, a, sent_start, len(folded))) for a in near]
        inner = [(a, b) for a, b in inner if b < len(folded)]
        nxt = next((a for a, _, _ in mentions[k + 1:] if not any(x == a for x, _ in inner)), len(folded))
        end = sentence_end(folded, me, min(nxt, me + 420))
        end = inner_end(folded, ms, sent_start, end)
        owned.append((ms, end))
        values = [v for v in find_values(folded, me, end) if not any(a <= v.start <= b for a, b in inner)]
        adjacent = _ADJACENT_SCORE.match(folded, me, end)  # `Chỉ số PAR INDEX 88,01 điểm, xếp thứ 16/63`
        if adjacent and not any(v.start <= adjacent.start(1) < v.end for v in values):
            values.insert(0, Value("score", adjacent.start(1), adjacent.end(), (adjacent.group(1), None)))
        # `Chỉ số PAR INDEX, Chỉ số SIPAS ... lần lượt đạt 90,12 điểm và 88,7%`: one value per index, in order
        own_index = dict(zip((v.start for v in values), in_turn.get(k, [])))
        before = _component_before_mention(folded, sent_start, ms, index)
        current: dict = {}
        seg_lo = me
        in_parens = inner_end(folded, ms, sent_start, len(folded)) < len(folded)
        for v in values:
            lo, seg_lo = seg_lo, v.end
            index = own_index.get(v.start, mentions[k][2])
            comp = _component(folded, lo, v.start, index) or before
            if not comp and v.kind not in ("rank",) and _BREAKDOWN.search(folded[me:v.start]):
                continue
            ev = d.evidence(ms, v)
            if is_target(folded, v, folded[max(ms, v.start - 60):v.start], ms, d.goals):
                listed = components_listed(folded, lo, v.start, index)
                d.targets.extend(make_targets(d, v, index, end, ev, sent_start, listed or [comp]))
                continue
            if v.kind in _NO_VALUE:  # `tăng 04 bậc so với năm 2023`: a change, not a result
                continue
            # an index inside parentheses shares the unit of the sentence around it
            scope = scope_of(d.text, folded, sent_start if in_parens else max(sent_start, ms - 40), v.start, d.own)
            current = add_result(d, current, v, index, comp, result_year(folded, v, ms, sent_start), scope, ev)
    _orphan_components(d, mentions, owned)
    d.targets.extend(satisfaction_targets(d))
    for t in d.targets:
        if t.year is None and d.title_year:  # `... giai đoạn 2026 - 2030` in the title: the goals' horizon
            t.year = d.title_year
    return d.results, d.targets, []


_LIST_SEP = re.compile(r"[\s,]*(?:va\s+)?(?:chi\s*s\S\s*)?")


def _respectively(folded: str, mentions) -> dict[int, list[str]]:
    """{last mention of a list: the listed indices} for `X, Y (và Z) ... lần lượt đạt a, b (và c)`."""
    out, i = {}, 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and _LIST_SEP.fullmatch(folded, mentions[j][1], mentions[j + 1][0]):
            j += 1
        if j > i and "lan luot" in folded[mentions[j][1]:mentions[j][1] + 120]:
            out[j] = [m[2] for m in mentions[i:j + 1]]
        i = j + 1
    return out


def _component_before_mention(folded: str, sent_start: int, ms: int, index) -> Optional[str]:
    """`Lĩnh vực Cải cách thể chế trong Chỉ số CCHC năm 2024 ... đạt 8,12/10 điểm`: the component named
    just before the index it belongs to."""
    m = re.search(r"\s*(?:trong|cua|thuoc)\s*$", folded[sent_start:ms])
    if not m or not _COMPONENT_CUE.search(folded, sent_start, ms):
        return None
    return component_before(folded, sent_start, sent_start + m.start(), index, max_gap=0)


def _component(folded: str, lo: int, pos: int, index) -> Optional[str]:
    """A component named right before the value (`Quản trị môi trường (3,77 điểm)`), or a few words
    before it after a cue (`yếu tố Thủ tục hành chính của xã đạt`); `Chỉ số SIPAS đối với các thủ tục
    hành chính của Sở là 86,9%` is the whole index."""
    return component_before(folded, lo, pos, index, max_gap=0) or (
        component_before(folded, lo, pos, index) if _COMPONENT_CUE.search(folded, lo, pos) else None)





def _main_mentions(folded: str, mentions):
    """`Chỉ số PAR INDEX, góp phần nâng cao Chỉ số PAPI, SIPAS ... xếp hạng 80 - 85/124`: the indices the
    goal only contributes to do not take the value of the one named first (which has none of its own yet)."""
    out = []
    for ms, me, index in mentions:
        sent_start = sentence_start(folded, ms)
        g = [m.start() for m in re.finditer(r"gop\s+phan", folded[sent_start:ms])]
        first = [p for p in out if p[0] >= sent_start]
        if g and first and first[0][1] < sent_start + g[-1] and not find_values(folded, first[-1][1], sent_start + g[-1]):
            continue
        out.append((ms, me, index))
    return out


def _orphan_components(d: Doc, mentions, owned) -> None:
    """Values in sentences that name no index but a component of one named shortly before
    (`Trong 10 chỉ số thành phần, ... chỉ số Chi phí thời gian đạt 7,45 điểm`)."""
    folded = d.folded
    if not mentions:
        return
    values = [v for v in find_values(folded, mentions[0][1], len(folded))
              if not any(a <= v.start < b for a, b in owned)]
    prev_end = 0
    last: tuple = (-1, None, None)  # (sentence start, index, component) of the last component value
    for v in values:
        before = [(ms, idx) for ms, _, idx in mentions if ms < v.start and v.start - ms < 1500]
        if not before:
            continue
        sent_start = sentence_start(folded, v.start)
        lo = max(sent_start, prev_end)
        prev_end = v.end
        # the cue may be in the lead-in of a bullet list (`cụ thể theo từng yếu tố:`)
        cue_lo = min(sent_start, max(paragraph_start(folded, v.start), v.start - 400))
        if not _COMPONENT_CUE.search(folded, cue_lo, v.start) or _OPERATIONAL.search(folded, lo, v.start):
            continue
        recent = list(dict.fromkeys(idx for _, idx in reversed(before)))[:3]
        found = [(idx, component_match(folded, lo, v.start, idx)) for idx in recent]
        found = [(hit[1], hit[2], -k, idx, hit[0]) for k, (idx, hit) in enumerate(found) if hit]
        if found:
            # the longest, best match wins (`Cải cách thủ tục hành chính` is PAR INDEX, not SIPAS's factor)
            *_, index, comp = max(found)
            last = (sent_start, index, comp)
        elif last[0] == sent_start:  # `Lĩnh vực X ... đạt tối thiểu 9/10 điểm, xếp hạng trong nhóm 20`
            index, comp = last[1], last[2]
        else:
            continue
        if v.kind == "rank_group" and not found and last[0] != sent_start:
            continue
        ms = before[-1][0]
        ev = d.evidence(sent_start, v)
        if is_target(folded, v, folded[max(sent_start, v.start - 60):v.start], sent_start, d.goals):
            d.targets.extend(make_targets(d, v, index, sentence_end(folded, v.end, v.end + 200), ev, sent_start, [comp]))
        elif v.kind not in _NO_VALUE:
            year = year_before(folded, v.start, 0, paragraph_start(folded, sentence_start(folded, ms)))
            # the unit of the index's last result above holds for its components (`Trong 8 lĩnh vực, ...`)
            above = [sc for at, idx, sc in d.scopes if idx == index and at < v.start]
            scope = scope_of(d.text, folded, sent_start, v.start, d.own) or (above[-1] if above else None)
            add_result(d, {}, v, index, comp, year, scope, ev)


__all__ = ["prose_values"]
