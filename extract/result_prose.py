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

from extract.components import index_mentions, match_component
from extract.numbers import YEAR, comparator_near, fold, parse_number
from extract.result_context import (closed_parens, component_after, component_before, component_match,
                                    components_listed, heading_year, goal_spans, goal_year,
                                    inner_end, own_units, paragraph_start, scope_of, sentence_end, sentence_start,
                                    title_year, year_after, year_before)
from extract.result_values import TARGET_CUES, Value, find_values, is_target
from extract.schema import Evidence, IndexResult, IndexTarget

_BREAKDOWN = re.compile(r"trong\s+d\S")  # `trong đó điểm thẩm định đạt 58,72/67`: a part, not the index
_LIST_AFTER = re.compile(r"\s*(?:tr\S\s*[l1]en\s*)?d\S{1,2}\s+v\S{1,3}\s+(?:cac|moi)\s+[^:.;]{0,40}:")
_N = r"(\d{1,3}(?:\s?[.,]\s?\d+)?)"
_SATISFACTION = re.compile(rf"(?:tren|toi thieu|it nhat|dat|tu)?\s*{_N}\s?%\s*(?:tro len\s*)?(?:so\s+)?"
                           r"(?:nguoi dan|to chuc|ca nhan|doanh nghiep)[^.;%]{0,90}?hai\s?[l1]\s?[o0]ng")  # `hai 1ong`: OCR
# `Mức độ hài lòng năm 2025 đạt 80% trở lên đối với các yếu tố: (1) ...` (no index named).
_SATISFACTION_LEVEL = re.compile(rf"(?:muc do|ty le)(?:\s+(?:nguoi dan|to chuc|ca nhan)[^.;%\d\n]{{0,40}}?)?\s+hai long"
                                 rf"[^.;%\n]{{0,140}}?(?:dat|tren|toi thieu|it nhat)\s+"
                                 rf"(?:tu\s+|tren\s+|toi thieu\s+)?{_N}\s?%")
# A sentence naming no index gives component values only when it speaks of components ...
_COMPONENT_CUE = re.compile(r"linh vuc|chi\s*s\S|noi dung|yeu to|tru cot|thanh phan|tieu chi")
# ... and not of operational rates (`tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%`).
_OPERATIONAL = re.compile(r"\bho so\b|van ban|truc tuyen|so hoa|chu ky so|thoi gian (?:giai quyet|xu ly)|ty le")
# kinds that are never results
_ADJACENT_SCORE = re.compile(r"\s*[:-]?\s*(\d{1,3}(?:[.,]\d+)?)\s*d[i1l]\S?e?m\b")
_NO_VALUE = ("rank_increase", "rank_group", "rank_increase_range", "score_increase", "score_increase_range")


def _blank_table_rows(text: str) -> str:
    """Rows of ` | ` tables are read as tables, not as sentences: blank them (offsets kept)."""
    return re.sub(r"(?m)^[^\n]*\|[^\n]*\|[^\n]*$", lambda m: " " * len(m.group(0)), text)


class _Doc:
    """The text, its folded form and what every value needs to be placed."""

    def __init__(self, doc_text: str, page_of):
        self.text = _blank_table_rows(doc_text)
        self.folded = fold(self.text)
        self.page_of = page_of
        self.own = own_units(self.text)
        self.goals = goal_spans(self.folded)
        self.title_year = title_year(self.folded)
        self.results: list[IndexResult] = []
        self.scopes: list[tuple[int, str, Optional[str]]] = []  # (offset, index, scope) of whole-index results
        self.targets: list[IndexTarget] = []

    def evidence(self, lo: int, v: Value) -> Evidence:
        return Evidence(page=self.page_of(v.start) if self.page_of else None,
                        text=" ".join(self.text[max(lo, v.start - 80):v.end + 20].split()))


def prose_values(doc_text: str, page_of=None) -> tuple[list[IndexResult], list[IndexTarget], list[str]]:
    d = _Doc(doc_text, page_of)
    folded = d.folded
    mentions = _main_mentions(folded, index_mentions(folded))
    owned: list[tuple[int, int]] = []
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
        current: dict = {}
        seg_lo = me
        in_parens = inner_end(folded, ms, sent_start, len(folded)) < len(folded)
        for v in values:
            lo, seg_lo = seg_lo, v.end
            comp = _component(folded, lo, v.start, index)
            if not comp and v.kind not in ("rank",) and _BREAKDOWN.search(folded[me:v.start]):
                continue
            ev = d.evidence(ms, v)
            if is_target(folded, v, folded[max(ms, v.start - 60):v.start], ms, d.goals):
                listed = components_listed(folded, lo, v.start, index)
                d.targets.extend(_targets(d, v, index, end, ev, sent_start, listed or [comp]))
                continue
            if v.kind in _NO_VALUE:  # `tăng 04 bậc so với năm 2023`: a change, not a result
                continue
            # an index inside parentheses shares the unit of the sentence around it
            scope = scope_of(d.text, folded, sent_start if in_parens else max(sent_start, ms - 40), v.start, d.own)
            current = _add_result(d, current, v, index, comp, _result_year(folded, v, ms, sent_start), scope, ev)
    _orphan_components(d, mentions, owned)
    d.targets.extend(_satisfaction_targets(d))
    for t in d.targets:
        if t.year is None and d.title_year:  # `... giai đoạn 2026 - 2030` in the title: the goals' horizon
            t.year = d.title_year
    return d.results, d.targets, []


def _component(folded: str, lo: int, pos: int, index) -> Optional[str]:
    """A component named right before the value (`Quản trị môi trường (3,77 điểm)`), or a few words
    before it after a cue (`yếu tố Thủ tục hành chính của xã đạt`); `Chỉ số SIPAS đối với các thủ tục
    hành chính của Sở là 86,9%` is the whole index."""
    return component_before(folded, lo, pos, index, max_gap=0) or (
        component_before(folded, lo, pos, index) if _COMPONENT_CUE.search(folded, lo, pos) else None)


def _ordinal(word: str) -> int:
    return {"nhat": 1, "nhi": 2}.get(word) or int(word)


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


def _result_year(folded, v: Value, ms: int, sent_start: int) -> Optional[int]:
    # `thấp hơn năm 2023 (42,15 điểm)`: the value in parentheses is that year's
    m = re.search(rf"n\S{{0,2}}m\s+({YEAR})\s*$", folded[max(0, v.start - 14):v.start + 1].rstrip("( "))
    if m and folded[v.start:v.start + 1] == "(":
        return int(m.group(1))
    # a year stated earlier in the paragraph still holds (`Năm 2024, ... Chỉ số ... đạt`), else the
    # section heading's (`II. KẾT QUẢ NĂM 2024` over numbered items)
    return year_before(folded, v.start, ms, sent_start) or year_before(
        folded, v.start, ms, paragraph_start(folded, sent_start)) or heading_year(folded, v.start)


def _orphan_components(d: _Doc, mentions, owned) -> None:
    """Values in sentences that name no index but a component of one named shortly before
    (`Trong 10 chỉ số thành phần, ... chỉ số Chi phí thời gian đạt 7,45 điểm`)."""
    folded = d.folded
    if not mentions:
        return
    values = [v for v in find_values(folded, mentions[0][1], len(folded))
              if not any(a <= v.start < b for a, b in owned) and v.kind not in ("rank_group",)]
    prev_end = 0
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
        if not found:
            continue
        # the longest, best match wins (`Cải cách thủ tục hành chính` is PAR INDEX, not SIPAS's factor)
        *_, index, comp = max(found)
        ms = before[-1][0]
        ev = d.evidence(sent_start, v)
        if is_target(folded, v, folded[max(sent_start, v.start - 60):v.start], sent_start, d.goals):
            d.targets.extend(_targets(d, v, index, sentence_end(folded, v.end, v.end + 200), ev, sent_start, [comp]))
        elif v.kind not in _NO_VALUE:
            year = year_before(folded, v.start, 0, paragraph_start(folded, sentence_start(folded, ms)))
            # the unit of the index's last result above holds for its components (`Trong 8 lĩnh vực, ...`)
            above = [sc for at, idx, sc in d.scopes if idx == index and at < v.start]
            scope = scope_of(d.text, folded, sent_start, v.start, d.own) or (above[-1] if above else None)
            _add_result(d, {}, v, index, comp, year, scope, ev)


def _add_result(d: _Doc, current: dict, v: Value, index, comp, year, scope, ev) -> dict:
    """Values of one mention with the same component, year and scope fill one result until a field repeats."""
    fields: dict = {}
    if v.kind == "rank":
        fields = {"rank": int(v.nums[0]), "rank_total": int(v.nums[1])}
    elif v.kind == "rank_only":
        fields = {"rank": _ordinal(v.nums[0])}
    elif v.kind in ("score", "score_frac", "score_bare", "score_named", "score_decimal"):
        fields = {"score": parse_number(v.nums[0])}
        if len(v.nums) > 1 and v.nums[1]:
            fields["max_score"] = parse_number(v.nums[1])
    elif v.kind == "percent":
        fields = {"percent": parse_number(v.nums[0])}
    if not fields or any(x is None for x in fields.values()):
        return current
    key = (comp, year, scope)
    r = current.get(key)
    if r is not None and all(getattr(r, f) is None for f in fields):
        for f, x in fields.items():
            setattr(r, f, x)
        return current
    r = IndexResult(index=index, component=comp, year=year, scope=scope, evidence=ev, **fields)
    d.results.append(r)
    if comp is None:
        d.scopes.append((v.start, index, scope))
    current[key] = r
    return current


def _target_year(d: _Doc, v: Value, end: int, sent_start: int) -> Optional[int]:
    """The year the goal states in its clause, else its goals heading's, else one stated shortly
    before under the same goals heading (`Phấn đấu năm 2026: ... ; ...`)."""
    folded = d.folded
    closed = closed_parens(folded, sent_start, v.start)
    # `Đến năm 2027 ... đạt 80 điểm; đến năm 2030 đạt 85 điểm`: a year after the value counts up to the clause end
    clause_end = min([end] + [i for i in (folded.find(";", v.end, end),) if i > 0])
    year = year_after(folded, v.end, clause_end) or year_before(folded, v.start, 0, sent_start)
    if year or any(a < v.start < b for a, b in closed):
        return year
    year = goal_year(d.goals, v.start)
    if year:
        return year
    span = next(((a, b) for a, b, _ in d.goals if a <= v.start < b), None)
    if span:
        return year_before(folded, v.start, 0, max(span[0], v.start - 300))
    return None


def _targets(d: _Doc, v: Value, index, end, ev, sent_start, components) -> list[IndexTarget]:
    folded = d.folded
    before, after = folded[max(0, v.start - 25):v.start + 4], folded[v.end:v.end + 14]
    kw: dict = {"index": index, "year": _target_year(d, v, end, sent_start), "evidence": ev}
    n = v.nums
    if v.kind == "rank_range":
        kw.update(metric="rank", comparator="between", value=float(n[0]), value_max=float(n[1]), out_of=float(n[2]))
    elif v.kind == "rank":  # a better rank is a smaller number: `không thấp hơn vị trí 15`, `từ 10/34 trở lên`
        said = folded[max(0, v.start - 25):v.end]
        floor = "tro len" in after or re.search(r"khong thap hon|khong duoi|it nhat|toi thieu|\btu\s+\d", said)
        kw.update(metric="rank", comparator="<=" if floor else comparator_near(before, after),
                  value=float(n[0]), out_of=float(n[1]))
    elif v.kind == "rank_only":
        said = folded[max(0, v.start - 25):v.end]
        floor = "tro len" in after or re.search(r"khong thap hon|khong duoi|it nhat|toi thieu|\btu\s+\d", said)
        kw.update(metric="rank", comparator="<=" if floor else "=", value=float(_ordinal(n[0])))
    elif v.kind == "rank_group":  # `nằm trong nhóm 20 tỉnh dẫn đầu`
        kw.update(metric="rank", comparator="<=", value=float(n[0]))
    elif v.kind in ("percent_range", "score_range"):
        kw.update(metric="percent" if v.kind == "percent_range" else "score", comparator="between",
                  value=parse_number(n[0]), value_max=parse_number(n[1]))
    elif v.kind == "percent":
        kw.update(metric="percent", comparator=comparator_near(folded[:v.end - len(n[0]) - 1][-25:], after),
                  value=parse_number(n[0]))
    elif v.kind in ("score", "score_frac", "score_bare", "score_named", "score_decimal"):
        num_at = folded.find(n[0], v.start)
        kw.update(metric="score", comparator=comparator_near(folded[max(0, num_at - 25):num_at], after),
                  value=parse_number(n[0]), out_of=parse_number(n[1]) if len(n) > 1 and n[1] else None)
    elif v.kind == "score_increase":  # `tăng ít nhất 1 điểm`
        cmp = ">" if (n[0] or "").strip() == "tren" else ">=" if n[0] else "="
        kw.update(metric="score_increase", comparator=cmp, value=parse_number(n[1]))
    elif v.kind == "score_increase_range":
        kw.update(metric="score_increase", comparator="between", value=parse_number(n[0]),
                  value_max=parse_number(n[1]))
    elif v.kind == "rank_increase":
        kw.update(metric="rank_increase", comparator=">=" if n[0] else "=", value=float(n[1]))
    elif v.kind == "rank_increase_range":
        kw.update(metric="rank_increase", comparator="between", value=float(n[0]), value_max=float(n[1]))
    if kw.get("value") is None:
        return []
    listed = _listed_components(d.text, folded, v.end, index)
    if listed:
        return [IndexTarget(component=c, **kw) for c in listed]
    if index == "SIPAS" and kw["metric"] == "percent" and not any(components):
        components = [_quoted_component(d.text, folded, v.start)]
    return [IndexTarget(component=c, **kw) for c in components or [None]]


def _listed_components(doc_text, folded, pos, index) -> list[str]:
    """`đạt 80% trở lên đối với các nội dung: (1) ...; (2) ...` -> the components listed."""
    m = _LIST_AFTER.match(folded, pos)
    if not m:
        return []
    stop = re.compile(r"\.\s*(?:\n|$)|\n\s*\n").search(folded, m.end())
    span = doc_text[m.end():stop.start() if stop else m.end() + 600]
    items = re.split(r"\(\d+\)|;|\n\s*[-+•]", span)
    out = []
    for it in items:
        comp, _ = match_component(it.strip(" ,.;:"), index, min_score=75)
        if comp and comp not in out:
            out.append(comp)
    return out


def _satisfaction_targets(d: _Doc) -> list[IndexTarget]:
    """`bảo đảm trên 90% người dân và tổ chức hài lòng`: a SIPAS percent target, named or not."""
    doc_text, folded, page_of = d.text, d.folded, d.page_of
    out = []
    seen = {(t.evidence.page if t.evidence else None, t.value) for t in d.targets if t.metric == "percent"}
    for m in _SATISFACTION.finditer(folded):
        num_at = m.start(1)
        window = folded[max(0, num_at - 80):num_at]
        if not any(c in window for c in TARGET_CUES + ("tren", "toi thieu", "it nhat")):
            continue
        value = parse_number(m.group(1))
        page = page_of(num_at) if page_of else None
        if value is None or (page, value) in seen:
            continue
        seen.add((page, value))
        v = Value("percent", num_at, m.end(1), (m.group(1),))
        sent_start = sentence_start(folded, num_at)
        year = _target_year(d, v, sentence_end(folded, m.end(), min(len(folded), m.end() + 200)), sent_start)
        comp = comparator_near(folded[max(0, num_at - 25):num_at], folded[m.end(1):m.end(1) + 14])
        component = _quoted_component(doc_text, folded, num_at) or component_before(
            folded, m.end(1), m.end(), "SIPAS") or component_after(
            folded, m.end(), sentence_end(folded, m.end(), m.end() + 160), "SIPAS")
        out.append(IndexTarget(index="SIPAS", component=component, metric="percent", comparator=comp, value=value,
                               year=year, evidence=Evidence(page=page, text=" ".join(
                                   doc_text[max(0, num_at - 40):m.end() + 20].split()))))
    for m in _SATISFACTION_LEVEL.finditer(folded):
        num_at = m.start(1)
        value = parse_number(m.group(1))
        page = page_of(num_at) if page_of else None
        if value is None or (page, value) in seen:
            continue
        seen.add((page, value))
        v = Value("percent", num_at, m.end(), (m.group(1),))
        ev = Evidence(page=page, text=" ".join(doc_text[m.start():m.end() + 60].split()))
        if not is_target(folded, v, folded[max(m.start(), num_at - 60):num_at], m.start(), d.goals):
            _satisfaction_results(d, m, v, ev)  # `Năm 2024, tỷ lệ hài lòng ... đạt 92,1%, ... đạt 90,45%`
            continue
        year = _target_year(d, v, min(len(folded), m.end() + 60), sentence_start(folded, m.start()))
        kw = dict(index="SIPAS", metric="percent", value=value, year=year, evidence=ev,
                  comparator=comparator_near(folded[max(0, num_at - 25):num_at], folded[m.end(1):m.end(1) + 14]))
        listed = _listed_components(doc_text, folded, m.end(), "SIPAS")
        if listed:
            out.extend(IndexTarget(component=c, **kw) for c in listed)
        else:
            # the factor may sit anywhere in the subject (`... đối với việc tiếp cận dịch vụ hành chính công tại ...`)
            out.append(IndexTarget(component=component_before(folded, m.start(), num_at, "SIPAS", max_gap=12), **kw))
    return out


def _satisfaction_results(d: _Doc, m: re.Match, first: Value, ev) -> None:
    """A satisfaction rate reported as a result is SIPAS; the other units' rates that follow in the
    sentence (`phường A (cũ) đạt 92,1%, phường B (cũ) đạt 90,45%`) too."""
    folded = d.folded
    sent_start = sentence_start(folded, m.start())
    end = sentence_end(folded, first.end, min(len(folded), first.end + 400))
    comp = component_before(folded, m.start(), first.start, "SIPAS", max_gap=12)
    current: dict = {}
    for k, v in enumerate([first] + [x for x in find_values(folded, first.end, end) if x.kind == "percent"]):
        scope = scope_of(d.text, folded, m.start(), v.start, d.own)
        year = _result_year(folded, v, m.start(), sent_start)
        current = _add_result(d, current, v, "SIPAS", comp if k == 0 else None, year, scope, ev)


_QUOTED = re.compile(r"[“\"]([^”\"]{4,80})[”\"]")
_SATISFACTION_PREFIX = re.compile(r"^(?:cai thien\s+)?(?:muc do\s+)?hai long\s+(?:ve|doi voi|cua)\s+")


def _quoted_component(doc_text: str, folded: str, pos: int) -> Optional[str]:
    """`2.2. Cải thiện “mức độ hài lòng về TTHC”: ... trên 90% ...` -> the SIPAS factor quoted above."""
    lo = max(0, pos - 500)
    quotes = list(_QUOTED.finditer(doc_text, lo, pos))
    if not quotes:
        return None
    q = quotes[-1]
    phrase = doc_text[q.start(1):q.end(1)]
    m = _SATISFACTION_PREFIX.match(fold(phrase))
    comp, _ = match_component(phrase[m.end():] if m else phrase, "SIPAS", min_score=80)
    return comp


__all__ = ["prose_values"]
