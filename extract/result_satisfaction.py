"""Satisfaction goals and rates that name no index: SIPAS (spec: `trên 90% người dân ... hài lòng`).

`bảo đảm trên 90% người dân, tổ chức hài lòng về TTHC` (target), `Mức độ hài lòng ... đạt 80% trở lên đối
với các yếu tố: (1) ...` (one target per factor), `Năm 2024, tỷ lệ hài lòng ... đạt 92,1%, xếp thứ 5/20`, `kết quả
khảo sát sự hài lòng ... đạt 87,6%` (results).
"""
from __future__ import annotations

import re

from extract.components import index_mentions
from extract.numbers import YEAR, comparator_near, parse_number
from extract.result_context import component_after, component_before, sentence_end, sentence_start
from extract.result_scope import scope_of
from extract.result_items import LIST_AFTER, Doc, add_result, listed_components, quoted_component, result_year, target_year
from extract.result_values import TARGET_CUES, Value, estimate, find_values, is_target
from extract.schema import Evidence, IndexTarget

_N = r"(\d{1,3}(?:\s?[.,]\s?\d+)?)"
# (the cue's spaces inside its optional group: a bare `\s*` first would try every position of a blanked table)
_SATISFACTION = re.compile(rf"(?:(?:tren|toi thieu|it nhat|dat|tu)\s*)?{_N}\s?%\s*(?:tro len\s*)?(?:so\s+)?"
                           r"(?:nguoi dan|to chuc|ca nhan|doanh nghiep)[^.;%]{0,90}?hai\s?[l1]\s?[o0]ng")  # `hai 1ong`: OCR
# (said with `là` or a colon, the rate of others: `... lần lượt là`, `Tỷ lệ hài lòng bình quân cả nước là 85,12%`)
# ... nor the share not satisfied, an extreme or a leader's (`tỷ lệ người dân không hài lòng là`, `thấp nhất là`)
_OTHERS_RATE = re.compile(r"lan\s+luot|b\S?nh\s+qu\S{1,2}n|trung\s+b\S?nh|ca\s+n\S{1,3}c|\bkhoi\b|\bcac\s+(?:so|don\s+vi|co\s+quan)\b"
                          r"|\b(?:khong|chua)\s+hai\s+long|(?:cao|thap)\s+nhat|dan\s+dau|thuoc\s+ve|ty\s+le\b.*\bty\s+le\b")
# `Mức độ hài lòng năm 2025 đạt 80% trở lên đối với các yếu tố: (1) ...` (no index named); `- Mức độ hài lòng ...
# đối với sự phục vụ của Sở: 79,8%` (a label).
_SATISFACTION_LEVEL = re.compile(rf"(?:muc do|ty le|do luong(?:\s+su)?|khao sat(?:\s+su)?)(?:\s+(?:nguoi dan|to chuc|ca nhan)[^.;%\d\n]{{0,40}}?)?\s+hai long"
                                 rf"(?:[^.;%\n]|\n(?![ \t]*(?:[\n+•-]|[a-z]\)|\d{{1,2}}[.)]))){{0,140}}?(?:(?:dat|tren|toi thieu|it nhat)\s+|\bla\s+|:\s*)"  # (a wrapped line, not an item)
                                 rf"(?:tu\s+|tren\s+|toi thieu\s+)?{_N}\s?%")


def satisfaction_targets(d: Doc) -> list[IndexTarget]:
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
        year = target_year(d, v, sentence_end(folded, m.end(), min(len(folded), m.end() + 200)), sent_start)
        comp = comparator_near(folded[max(0, num_at - 25):num_at], folded[m.end(1):m.end(1) + 14])
        component = quoted_component(doc_text, folded, num_at) or component_before(
            folded, m.end(1), m.end(), "SIPAS") or component_after(
            folded, m.end(), sentence_end(folded, m.end(), m.end() + 160), "SIPAS")
        out.append(IndexTarget(index="SIPAS", component=component, metric="percent", comparator=comp, value=value,
                               year=year, evidence=Evidence(page=page, text=" ".join(
                                   doc_text[max(0, num_at - 40):m.end() + 20].split()))))
    for m in _SATISFACTION_LEVEL.finditer(folded):
        num_at = m.start(1)
        if re.search(r"(?:\bla\s+|:\s*)(?:tu\s+|tren\s+|toi thieu\s+)?$", folded[m.start():num_at]) and \
                _OTHERS_RATE.search(folded, m.start(), num_at):
            continue
        value = parse_number(m.group(1))
        page = page_of(num_at) if page_of else None
        if value is None or (page, value) in seen:
            continue
        seen.add((page, value))
        v = Value("percent", num_at, m.end(), (m.group(1),))
        ev = Evidence(page=page, text=" ".join(doc_text[m.start():m.end() + 60].split()))
        if not is_target(folded, v, folded[max(m.start(), num_at - 60):num_at], m.start(), d.goals):
            if estimate(folded, max(m.start(), num_at - 24), num_at):
                continue  # `mức độ hài lòng ước đạt 89,5%`
            if not any(a <= num_at < b for a, b in d.owned):  # an index named there reads it already
                _satisfaction_results(d, m, v, ev)  # `Năm 2024, tỷ lệ hài lòng ... đạt 92,1%, ... đạt 90,45%`
            continue
        year = target_year(d, v, min(len(folded), m.end() + 60), sentence_start(folded, m.start()))
        # `... hài lòng ... đạt từ 80% trở lên đối với các nội dung PAPI: (1) ...; (2) ...`: the index the list names
        lead = LIST_AFTER.match(folded, m.end())
        named = [n for _, _, n in index_mentions(folded[lead.start():lead.end()])] if lead else []
        index = named[0] if len(set(named)) == 1 else "SIPAS"
        kw = dict(index=index, metric="percent", value=value, year=year, evidence=ev,
                  comparator=comparator_near(folded[max(0, num_at - 25):num_at], folded[m.end(1):m.end(1) + 14]))
        listed = listed_components(doc_text, folded, m.end(), index)
        if listed:
            out.extend(IndexTarget(component=c, **kw) for c in listed)
        else:
            # the factor may sit anywhere in the subject (`... đối với việc tiếp cận dịch vụ hành chính công tại ...`)
            out.append(IndexTarget(component=component_before(folded, m.start(), num_at, "SIPAS", max_gap=12), **kw))
    return out


_EARLIER_RATE = re.compile(rf"\s*\(\s*n\S{{0,2}}m\s+({YEAR})\s*(?::|la|dat)?\s*{_N}\s?%\s*\)")


def _satisfaction_results(d: Doc, m: re.Match, first: Value, ev) -> None:
    """A satisfaction rate reported as a result is SIPAS; the other units' rates that follow in the
    sentence (`phường A (cũ) đạt 92,1%, phường B (cũ) đạt 90,45%`) too."""
    folded = d.folded
    sent_start = sentence_start(folded, m.start())
    end = sentence_end(folded, first.end, min(len(folded), first.end + 400))
    comp = component_before(folded, m.start(), first.start, "SIPAS", max_gap=12)
    current: dict = {}
    # the other units' rates are stated the same way (`phường B (cũ) đạt 90,45%`), not in parentheses
    # (`...; yếu tố C thấp nhất với 78,90%`, not `với 95% số phiếu`, `ngang bằng với 88,1% của tỉnh X`)
    more = [x for x in find_values(folded, first.end, end, d.text, d.own) if x.kind == "percent" and (
        folded.startswith("dat", x.start) or folded.startswith("voi", x.start) and re.search(
            r"(?:cao|thap)\s+nhat\s*$", folded[max(first.end, x.start - 16):x.start]))
            # ... and the rank said right after the rate (`đạt 83,9%, xếp thứ 13/20`)
            # (a remark in parentheses may come between: `đạt 91,35% (chín mươi mốt phẩy ... phần trăm), xếp thứ 12/104`)
            or x.kind == "rank" and re.fullmatch(r"\s*(?:\([^()]{0,100}\)\s*)?,\s*", folded[first.end:x.start])]
    # `đạt 92,40% (năm 2022: 89,65%)`: the earlier year's rate in parentheses right after
    earlier = _EARLIER_RATE.match(folded, first.end)
    own_year = result_year(folded, first, m.start(), sent_start)
    if earlier and (own_year is None or int(earlier.group(1)) < own_year):  # (`(năm 2025: 90%)` is no earlier year)
        v = Value("percent", earlier.start(2), earlier.end(2), (earlier.group(2),))
        add_result(d, {}, v, "SIPAS", comp, int(earlier.group(1)), scope_of(d.text, folded, m.start(), first.start, d.own), ev)
    prev_end = first.end
    for k, v in enumerate([first] + more):
        scope = scope_of(d.text, folded, m.start(), v.start, d.own)
        year = result_year(folded, v, m.start(), sent_start)
        # `...; yếu tố Thủ tục hành chính đạt 87,6%`: a factor named before a later rate is that factor's
        own = comp if k == 0 else component_before(folded, prev_end, v.start, "SIPAS")
        prev_end = v.end
        current = add_result(d, current, v, "SIPAS", own, year, scope, ev)
    if comp is None:
        _factors_after(d, end, result_year(folded, first, m.start(), sent_start),
                       scope_of(d.text, folded, m.start(), first.start, d.own), ev)


# `... đạt 91,36%, xếp thứ 7/19. Trong đó: Tiếp cận dịch vụ hành chính công 92,10%; Thủ tục hành chính 90,85%; ...`
_BREAKDOWN_OPENS = re.compile(r"[.;]?\s*(?:trong\s+do|cu\s+the(?:\s+theo\s+tung\s+yeu\s+to)?)\s*[:,]\s*")


def _factors_after(d: Doc, end: int, year, scope, ev) -> None:
    """The factors' rates the sentence after a whole rate breaks it into, each named right before its rate."""
    folded = d.folded
    opens = _BREAKDOWN_OPENS.match(folded, end)
    if not opens:
        return
    prev = opens.end()
    for v in find_values(folded, prev, sentence_end(folded, prev, min(len(folded), prev + 600)), d.text, d.own):
        comp = component_before(folded, prev, v.start, "SIPAS", max_gap=2) if v.kind in ("percent", "percent_listed") else None
        if comp is None:
            return  # (not a list of factors: the rules of the sentence reader hold)
        add_result(d, {}, v, "SIPAS", comp, year, scope, ev)
        prev = v.end
