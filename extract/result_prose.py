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
from extract.result_context import (component_before, components_listed, inner_end, paragraph_start, sentence_end,
                                    sentence_start, years)
from extract.result_scope import UNIT_WORDS, scope_of, subject_former_unit
from extract.result_footnotes import footnote_values
from extract.result_year_lists import year_list_values
from extract.result_items import Doc, add_result, make_targets, result_year
from extract.result_moves import earlier_value, earlier_year, moved_from, rank_moves, reached
from extract.result_satisfaction import satisfaction_targets
from extract.result_turns import values_in_turn
from extract.result_orphans import (COMPONENT_CUE, IN_TURN, NAMED_ONLY, NO_VALUE, components_in_turn,
                                    orphan_components)
from extract.numbers import YEAR
from extract.result_values import (_SHARE, DECIMAL_SCORED, Value, estimate, find_values, floor_remark, is_target,
                                   others_value, reviewed_goal)
from extract.schema import IndexResult, IndexTarget
from kehoach.synth.vocab import official_components

_BREAKDOWN = re.compile(r"trong\s+d\S")  # `trong đó điểm thẩm định đạt 58,72/67`: a part, not the index
_PART_CUE = re.compile(r"linh vuc|noi dung|yeu to|tru cot|thanh phan|tieu chi")  # `chỉ số` names indices too
# ... and not of operational rates (`tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%`).
_ABOUT = r"\bve\s+(?:chi\s*s\S\s+)?"  # `xếp thứ 5/63 về (Chỉ số) PCI`
# what joins a value to the index named right after it: `về` (`84,51% về Chỉ số CCHC`) or nothing (`65,3 điểm PCI`)
_TO_NEXT = rf"(?:\s*{_ABOUT}|[ \t]+)"  # on the same line
_UNIT_BEFORE = re.compile(rf"(?:{_ABOUT}|(?:\d\s?%|\d\s*d[i1l]\S?e?m)[ \t]+)$")
_ADJACENT_SCORE = re.compile(r"\s*[:-]?\s*(\d{1,3}(?:[.,]\d+)?)\s*d[i1l]\S?e?m\b")
# `thị trấn X (cũ) đạt Chỉ số CCHC 84,27%`: a percentage right after the index the verb names
_ADJACENT_PERCENT = re.compile(rf"\s*(\d{{1,3}}(?:[.,]\d+)?)\s?%{_SHARE}")
# `không có yếu tố nào dưới 85%`, `không để chỉ số nội dung nào thấp hơn 5 điểm`: a floor for every component
_NONE_BELOW = re.compile(r"\bkhong\s+(?:co|de)\s+(?:\S+\s+){0,3}?(?:yeu\s+to|tieu\s+chi|linh\s+vuc|thanh\s+phan|"
                         r"noi\s+dung|tru\s+cot)\s+nao\s+(?:\S+\s+){0,8}?(?:duoi|thap\s+hon)\s*$")  # `nào trong năm yếu tố của SIPAS`
# kinds that are never results


def prose_values(doc_text: str, page_of=None, marks_lost: bool = False, source_text: str = ""
                 ) -> tuple[list[IndexResult], list[IndexTarget], list[str]]:
    d = Doc(doc_text, page_of, marks_lost)
    folded = d.folded
    mentions = _main_mentions(folded, _with_bare_mentions(folded, index_mentions(folded)))
    d.mentions = mentions
    in_turn = _respectively(folded, mentions)
    every = _respectively(folded, mentions, cue="deu")
    owned = d.owned
    years_read: set[tuple[int, int]] = set()
    in_turn_read = values_in_turn(d, mentions)  # `xếp hạng lần lượt là 31/63, 44/63 và 27/63`
    in_turn_read += year_list_values(d, mentions)  # `- 2021: 84,1đ (12/29);` under the index's lead-in
    owned.extend(in_turn_read)  # (read: no other rule reads them again)
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
        values = [v for v in find_values(folded, me, end, d.text, d.own) if not any(a <= v.start <= b for a, b in inner)
                  and not _value_of_next(folded, v, nxt) and not any(v.start < b and v.end > a for a, b in in_turn_read)]
        if _UNIT_BEFORE.search(folded, sent_start, ms):  # `huyện xếp thứ 7/21 ... về Chỉ số CCHC với 84,33 điểm`
            # after the index named before and its remark (`xếp thứ 5/63 về Chỉ số PCI và thứ 10/63 về Chỉ số CCHC`,
            # `đạt 84,51% về Chỉ số A (xếp thứ 45/63) và 85,30% về Chỉ số B`): its ranks, and the value right before
            clause = max([sent_start, folded.rfind(";", sent_start, ms) + 1, folded.rfind(")", sent_start, ms) + 1]
                         + [e for _, e, _ in mentions[:k] if e <= ms])
            values = [v for v in find_values(folded, clause, ms, d.text, d.own)
                      if v.kind in ("rank", "rank_only", "rank_group") and re.search(rf"{_ABOUT}$", folded[sent_start:ms])
                      or re.fullmatch(_TO_NEXT, folded[v.end:ms])] + values
        values += [v for v in rank_moves(folded, me, end) if not any(v.start < w.end and w.start < v.end for w in values)]
        values.sort(key=lambda v: v.start)
        adjacent = _ADJACENT_SCORE.match(folded, me, end)  # `Chỉ số PAR INDEX 88,01 điểm, xếp thứ 16/63`
        if adjacent and others_value(folded, adjacent.start(1), d.text, d.own):
            adjacent = None  # `So với trung bình cả nước (PAR INDEX 86,91 điểm; ...)`: the average, not ours
        if adjacent and not any(v.start <= adjacent.start(1) < v.end for v in values):
            values.insert(0, Value("score", adjacent.start(1), adjacent.end(), (adjacent.group(1), None)))
        adjacent = _ADJACENT_PERCENT.match(folded, me, end) if re.search(r"\bdat\s+$", folded[max(0, ms - 8):ms]) else None
        if adjacent and others_value(folded, adjacent.start(1), d.text, d.own):
            adjacent = None
        if adjacent and not any(v.start <= adjacent.start(1) < v.end and v.kind not in NAMED_ONLY for v in values):
            values = [v for v in values if not v.start <= adjacent.start(1) < v.end]  # read as a name's value
            values.insert(0, Value("percent", adjacent.start(1), adjacent.end(), (adjacent.group(1),)))
        # `Chỉ số PAR INDEX, Chỉ số SIPAS ... lần lượt đạt 90,12 điểm và 88,7%`: one value per index, in order
        own_index = dict(zip((v.start for v in values), in_turn.get(k, [])))
        before = _component_before_mention(folded, sent_start, ms, index)
        # `nội dung Thủ tục cấp phép xây dựng trong Chỉ số PAPI ... đạt 1,68/2,5 điểm`: a part the lists do not know
        unknown_part = before is None and _part_before_mention(folded, sent_start, ms)
        # `các năm 2021, 2022, 2023 lần lượt đạt 80,14%, 83,50% và 85,21%`: one value per year, in order
        by_year = _years_in_turn(folded, sent_start, end)  # the years may open the sentence
        if by_year and (by_year[0][1].start, by_year[-1][1].end) in years_read:
            values = [v for v in values if not by_year[0][1].start < v.end <= by_year[-1][1].end]
        elif by_year and not any(a <= me < b for a, b, *_ in d.goals):
            years_read.add((by_year[0][1].start, by_year[-1][1].end))  # a heading naming the index reaches it too
            scope = scope_of(d.text, folded, max(sent_start, ms - 40), by_year[0][1].start, d.own)
            for year, v in by_year:
                add_result(d, {}, v, mentions[k][2], before, year, scope, d.evidence(ms, v))
            values = [v for v in values if not by_year[0][1].start < v.end <= by_year[-1][1].end]
        current: dict = {}
        moved_to: dict[int, tuple] = {}  # where a move's value reached: (the year it names, the component)
        seg_lo, prev_comp, satisfied_at = me, None, None
        in_parens = inner_end(folded, ms, sent_start, len(folded)) < len(folded)
        for v in values:
            lo, seg_lo = seg_lo, v.end
            index = own_index.get(v.start, mentions[k][2])
            if v.kind == "score_decimal" and index not in DECIMAL_SCORED:
                continue  # `Chỉ số PCI ... tối thiểu 0,5`: only a 0-1 index is scored by a bare decimal
            comp = _component(folded, lo, v.start, index) or before
            if comp is None and prev_comp in official_components(index) and (
                    v.kind in ("rank", "rank_only") and not re.search(r"[;.]", folded[lo:v.start])
                    or re.fullmatch(r"\s*\(?\s*", folded[lo:v.start]) and "(" in folded[lo:v.start + 1]):
                # `trụ cột Chính quyền số đạt 0,5581, xếp thứ 19/63`: the component's rank, its score in parentheses
                # after its rank (`xếp thứ 3/63 (0,7012 điểm)`) too (a part of the score,
                # `điểm tác động ... là 4,98 điểm, xếp thứ 09/63`, has none: the rank is the index's)
                comp = prev_comp
            prev_comp = comp
            if not comp and _NONE_BELOW.search(folded, max(sent_start, v.start - 120), v.start) \
                    and any(a <= v.start < b for a, b, *_ in d.goals):
                # `không có yếu tố nào dưới 85%`: a floor for every factor, named by none: no target (the convention
                # of five of eight annotators, docs/evaluation.md), and not the index's own goal either
                continue
            if v.kind in NAMED_ONLY and not comp or unknown_part and not comp and v.start < end_of_clause(folded, me):
                continue  # `... 94,1%` after a name: only a component's
            if _satisfaction_rate(folded, me, v, index):  # `...; tỷ lệ hài lòng ... đối với TTHC đạt trên 90%`
                index, comp = "SIPAS", component_before(folded, me, v.start, "SIPAS", max_gap=12)
                satisfied_at = v.end
            elif satisfied_at is not None and v.kind in ("rank", "rank_only") \
                    and not re.search(r"[;.]\s|\n\s*[-+•]|\)", folded[satisfied_at:v.start]):
                index = "SIPAS"  # `mức độ hài lòng ... đạt 86,7%, xếp thứ 5/10 huyện`: the rank of that rate
            if not comp and v.kind not in ("rank",) and (_BREAKDOWN.search(folded[me:v.start])
                                                         or _PART_CUE.search(folded, max(lo, me), v.start)):
                continue  # a part of the index (`lĩnh vực <a name the lists do not know> 4,5 điểm`), not the index
            if floor_remark(folded, v, d.goals) or estimate(folded, max(sent_start, v.start - 24), v.start) \
                    or reviewed_goal(folded, v, d.goals):
                continue
            ev = d.evidence(ms, v)
            moved = moved_from(folded, v)
            if moved and any(a <= v.start < b for a, b, *_ in d.goals):
                continue  # `phấn đấu tăng từ 85% lên 90%`: the baseline of the goal, no target
            if moved:  # `từ vị trí thứ 4 xuống vị trí thứ 7`: the earlier ranking's value, a result of its own
                year = earlier_year(folded, sent_start, v.start, result_year(folded, v, ms, sent_start), moved)
                add_result(d, {}, earlier_value(v, moved), index, comp, year, _scope(d, v, ms, sent_start, in_parens), ev)
                # the value moved to is the same component's, in the year it names (`... lên 85,40 điểm năm 2023`)
                moved_to[moved.start("to")] = (int(moved.group("to_year") or 0) or None, comp)
                continue
            if is_target(folded, v, folded[max(ms, v.start - 60):v.start], ms, d.goals):
                listed = components_listed(folded, lo, v.start, index)
                # `Các chỉ số PAR INDEX, SIPAS, PAPI ... đều tăng ít nhất 03 bậc`: the goal of every index listed
                shared = comp is None and not listed and v.start not in own_index  # not one value of a list in turn
                for each in (every.get(k, [index]) if shared else [index]):
                    d.targets.extend(make_targets(d, v, each, end, ev, sent_start, listed or [comp]))
                continue
            if v.kind in NO_VALUE:  # `tăng 04 bậc so với năm 2023`: a change, not a result
                continue
            year, comp = reached(moved_to, v) or (None, comp)
            current = add_result(d, current, v, index, comp, year or result_year(folded, v, ms, sent_start),
                                 _scope(d, v, ms, sent_start, in_parens), ev)
    components_in_turn(d, mentions, owned)
    orphan_components(d, mentions, owned)
    footnote_values(d, mentions, owned, source_text)  # (the printed text keeps marks the restorer dropped)
    d.targets.extend(satisfaction_targets(d))
    for t in d.targets:
        if t.year is None and d.title_year:  # `... giai đoạn 2026 - 2030` in the title: the goals' horizon
            t.year = d.title_year
    return d.results, d.targets, []


_UNIT_WORD = re.compile(rf"\b{UNIT_WORDS}\s+")  # (`; Chỉ số CCHC huyện Nam Đàn đạt`: the clause's own unit)


def _scope(d: Doc, v: Value, ms: int, sent_start: int, in_parens: bool) -> Optional[str]:
    """Whose value: an index inside parentheses shares the unit of the sentence around it (a value
    before `về <index>` may follow its unit: `thị trấn X (cũ) xếp thứ 3/12 ... về Chỉ số CCHC`)."""
    lo = sent_start if in_parens or v.start < ms else max(sent_start, ms - 40)
    clause = d.folded.rfind(";", lo, v.start) + 1 if v.start < ms and not in_parens else 0
    # (the unit of the value's own clause first: `...của thành phố X đạt ...; tỉnh Y xếp thứ 49/63 về Chỉ số A`)
    found = (clause and scope_of(d.text, d.folded, clause, v.start, d.own)) or scope_of(
        d.text, d.folded, lo, v.start, d.own) or subject_former_unit(d.text, d.folded, sent_start, ms)
    if found or v.start < ms:
        return found
    # `Chỉ số PAR INDEX của thành phố Hà Nội đạt ...; Chỉ số SIPAS đạt 88,12%`: the unit of the clause before, when
    # this clause names none of its own (no `của ...`)
    clause = d.folded.rfind(";", sent_start, ms)
    if clause > sent_start and not re.search(r"\bc\S{1,3}a\s", d.folded[clause:v.start]) \
            and not any(d.text[m.end():m.end() + 1].isupper() for m in _UNIT_WORD.finditer(d.folded, clause, v.start)):
        earlier = {sc for at, _, sc in d.scopes if sent_start <= at < clause}
        ranked_below = re.search(r"\d\s*/\s*\d{1,3}\s+(?:huyen|quan|thi\s+xa|xa|phuong|so|don\s+vi|co\s+quan|nganh)\b",
                                 d.folded[clause:sentence_end(d.folded, v.start, v.start + 200)])
        if len(earlier) == 1 and not ranked_below:  # (`...; Chỉ số SIPAS đạt 85,2%, xếp thứ 5/21 huyện`: the district's)
            return earlier.pop()
    return None


_YEAR_LIST = re.compile(rf"n\S{{0,2}}m\s+({YEAR}(?:\s*(?:,|va)\s*(?:n\S{{0,2}}m\s+)?{YEAR})+)[\s,]+(?:[a-z]+\s+){{0,6}}?"
                        r"lan\s+luot\s+(?:dat\s+|la\s+)?")


def _years_in_turn(folded: str, lo: int, hi: int) -> list[tuple[int, Value]]:
    """[(year, value)] for `năm 2021, 2022 và 2023 lần lượt đạt a, b và c` (as many values as years)."""
    m = _YEAR_LIST.search(folded, lo, hi)
    if not m:
        return []
    years = [int(y) for y in re.findall(YEAR, m.group(1))]
    found, pos = [], m.end()
    for _ in years:
        n = IN_TURN.match(folded, pos, hi)
        if not n:
            return []
        found.append(n)
        pos = n.end()
    kind = "percent" if any(n.group(2) == "%" for n in found) else "score"
    values = [(y, Value(kind, n.start(1), n.end(), (n.group(1), None))) for y, n in zip(years, found)]
    return values + _ranks_in_turn(folded, pos, hi, years)


_RANKS_IN_TURN = re.compile(r"[\s,;]*(?:tuong\s+ung|lan\s+luot)\s+(?:(?:xep|dung|o)\s+)?(?:thu|hang|vi\s+tri(?:\s+thu)?)\s+"
                            r"(\d{1,3}(?:\s*(?:,|va)\s*(?:thu\s+)?\d{1,3})+)"
                            r"(?:\s*(?:/|tren|trong)\s*(?:tong\s+so\s+)?(\d{1,3})\b)?")


def _ranks_in_turn(folded: str, pos: int, hi: int, years: list[int]) -> list[tuple[int, Value]]:
    """`..., tương ứng xếp thứ 5, thứ 11 và thứ 4 trên 63 tỉnh` after values in turn: one rank per year."""
    m = _RANKS_IN_TURN.match(folded, pos, hi)
    ranks = re.findall(r"\d{1,3}", m.group(1)) if m else []
    if len(ranks) != len(years):
        return []
    total = m.group(2)
    return [(y, Value("rank" if total else "rank_only", m.start(1), m.end(), (r, total))) for y, r in zip(years, ranks)]


_LIST_SEP = re.compile(r"[\s,]*(?:va\s+)?(?:chi\s*s\S\s*)?")


def _respectively(folded: str, mentions, cue: str = "lan luot") -> dict[int, list[str]]:
    """{last mention of a list: the listed indices} for `X, Y (và Z) ... lần lượt đạt a, b (và c)` (or, cue
    `deu`, a goal they share: `... đều tăng ít nhất 03 bậc`, `X và Y ... nằm trong nhóm 3`)."""
    out, i = {}, 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and _LIST_SEP.fullmatch(folded, mentions[j][1], mentions[j + 1][0]):
            j += 1
        joined_by_and = j > i and re.search(r"\bva\b", folded[mentions[j - 1][1]:mentions[j][0]])
        after = folded[mentions[j][1]:mentions[j][1] + 120]
        # `X và Y lần lượt đạt a và b`: values in turn, no goal shared
        # `X và Y ... nằm trong nhóm 3`, `X, Y: giữ vững trong nhóm 3`: a goal both share
        shared = cue == "deu" and (joined_by_and or re.match(r"\s*:", after)) and not re.search(r"\blan\s+luot\b", after)
        if j > i and (re.search(rf"\b{cue}\b", after) or shared):
            out[j] = [m[2] for m in mentions[i:j + 1]]  # `X và Y ... nằm trong nhóm 3`: a goal shared by both
        i = j + 1
    return out


def _value_of_next(folded: str, v: Value, nxt: int) -> bool:
    """`... về Chỉ số PCI và thứ 10/63 về Chỉ số CCHC`, `... và 85,30% về Chỉ số SIPAS`: a value right before
    `về` and the next index is that index's."""
    return bool(re.fullmatch(_TO_NEXT, folded[v.end:nxt]))


def _satisfaction_rate(folded: str, me: int, v: Value, index: str) -> bool:
    """A percentage (or points out of a scale: `9,12/10 điểm`) whose own clause speaks of satisfaction is SIPAS,
    whatever index the sentence names."""
    scaled = v.kind == "score" and len(v.nums) > 1 and v.nums[1] is not None
    if v.kind != "percent" and not scaled or index in ("SIPAS", "SIPAS_LEADERS"):
        return False
    clause_start = max([me] + [i + 1 for i in (folded.rfind(";", me, v.start),) if i >= 0])
    return bool(re.search(r"(?:ty le|muc do)[^;%]{0,60}hai\s?[l1]\s?[o0]ng", folded[clause_start:v.start]))


# `... trong Chỉ số CCHC`, `... của Chỉ số PAPI` (the mention may be the bare name after `Chỉ số`)
_OF_THE_INDEX = re.compile(r"\s+(?:trong|cua|thuoc)\s*(?:(?:bo\s+)?chi\s+s\S\s*)?$")


def _component_before_mention(folded: str, sent_start: int, ms: int, index) -> Optional[str]:
    """`Lĩnh vực Cải cách thể chế trong Chỉ số CCHC năm 2024 ... đạt 8,12/10 điểm`: the component named
    just before the index it belongs to."""
    m = _OF_THE_INDEX.search(folded[sent_start:ms])
    if not m or not COMPONENT_CUE.search(folded, sent_start, ms):
        return None
    return component_before(folded, sent_start, sent_start + m.start(), index, max_gap=0)


def _part_before_mention(folded: str, sent_start: int, ms: int) -> bool:
    """`nội dung X trong Chỉ số PAPI`, `lĩnh vực X của Chỉ số CCHC`: a part of the index is the subject."""
    # (not `các chỉ số nội dung sau của Chỉ số PAPI ...: A; B; C`, the parts listed after)
    return bool(re.search(r"(?<!cac\s)\b(?:linh\s+vuc|noi\s+dung|yeu\s+to|tru\s+cot|chi\s+so\s+thanh\s+phan)\s+"
                          r"(?!sau\b|(?:duoi|sau)\s+day\b)[a-z ,]{3,80}?" + _OF_THE_INDEX.pattern,
                          folded[max(sent_start, ms - 120):ms]))


_CLAUSE_END = re.compile(r";(?:\s|$)")


def end_of_clause(folded: str, pos: int) -> int:
    """The end of the clause at `pos`: its sentence's next `;`, else the sentence's end."""
    end = sentence_end(folded, pos, len(folded))
    m = _CLAUSE_END.search(folded, pos, end)
    return m.start() if m else end


def _component(folded: str, lo: int, pos: int, index) -> Optional[str]:
    """A component named right before the value (`Quản trị môi trường (3,77 điểm)`), or a few words
    before it after a cue (`yếu tố Thủ tục hành chính của xã đạt`); `Chỉ số SIPAS đối với các thủ tục
    hành chính của Sở là 86,9%` is the whole index."""
    return component_before(folded, lo, pos, index, max_gap=0) or (
        component_before(folded, lo, pos, index) if COMPONENT_CUE.search(folded, lo, pos) else None)





# `Năm 2021, Chỉ số đạt 84,93 điểm`: the index named last, said again without its name
_BARE_INDEX = re.compile(r"(?<!cac\s)(?<!nhung\s)\bchi\s+so\s+(?=(?:nam\s+\d{4}\s+)?(?:cua\s+[a-z]+\s+)?(?:dat|xep|dung)\b)")


_CLAUSE_OPENS = re.compile(r"(?:^|[.;:\n(]|\bnam\s+\d{4}\s*,|\btheo\s+do\s*,)\s*$")


def _with_bare_mentions(folded: str, mentions) -> list:
    """Mentions, plus `Chỉ số` without a name that opens a clause of its own, read as the index named last in
    the same paragraph."""
    extra = []
    for m in _BARE_INDEX.finditer(folded):
        if any(a <= m.start() < b for a, b, _ in mentions) or not _CLAUSE_OPENS.search(folded, max(0, m.start() - 24), m.start()):
            continue  # `có 5 chỉ số đạt trên 90%` counts indicators: no clause of the index's own
        before = [idx for a, _, idx in mentions if a < m.start() and a >= paragraph_start(folded, m.start())]
        if before:
            extra.append((m.start(), m.end(), before[-1]))
    return sorted(mentions + extra)


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


__all__ = ["prose_values"]
