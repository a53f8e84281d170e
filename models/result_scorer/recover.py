"""Option (b): results the rules missed, built from high-scoring candidates no rule output holds.

The rules' own helpers give the rest: the index is the last one named before the value (within
its sentence, else 300 characters back), the year `year_before` (comparisons skipped), the
component `component_before`; the kind comes from the number's shape (`%` percent, `R/T` rank,
`X/Y điểm` score and maximum, a decimal or `điểm` score, `thứ R` rank). Values whose clause holds a
goal cue are left to the targets; no scope is guessed (the issuer's own). Candidates of one clause
with the same index, component and year make one result; a rule result with that key takes the
fields it lacks instead.
"""
from __future__ import annotations

import re

from extract.patterns import fold
from extract.result_context import component_before, sentence_start, year_before
from models.result_scorer.data import candidates_of_item, item_values
from models.result_scorer.features import CUES, _YEAR

_RANK_WORDS = re.compile(r"(?:\bthu|\bhang|vi tri)\s*(?:thu\s*)?$")


def _kind(folded: str, c) -> dict | None:
    after, before = folded[c.end:c.end + 12], folded[max(0, c.start - 20):c.start]
    if c.percent:
        return {"percent": c.value}
    if c.total is not None:
        if "diem" in after or not float(c.value).is_integer() or not float(c.total).is_integer():
            return {"score": c.value, "max_score": c.total}
        return {"rank": int(c.value), "rank_total": int(c.total)}
    if float(c.value).is_integer() and _RANK_WORDS.search(before):
        return {"rank": int(c.value)}
    if "diem" in after or not float(c.value).is_integer():
        return {"score": c.value}
    return None


def recovered(plan, probs: list[float], threshold: float) -> list[dict]:
    """New results (dicts) from candidates scoring >= threshold that no rule output holds."""
    from extract.indices import find_index_mentions
    folded = fold(plan.text)
    mentions = find_index_mentions(plan.text)
    held = {i for o in plan.results + plan.targets for i in candidates_of_item(plan, o)}
    rule_values = set().union(*[item_values(o) for o in plan.results + plan.targets]) if plan.results + plan.targets else set()
    groups: dict[tuple, dict] = {}
    for i, c in enumerate(plan.cands):
        if probs[i] < threshold or i in held or c.value in rule_values or _YEAR.fullmatch(str(int(c.value))):
            continue
        lo = sentence_start(folded, c.start)
        if any(q in folded[lo:c.start] for q in CUES["goal"]):
            continue
        before = [m for m in mentions if m[2] <= c.start and m[1] >= max(0, min(lo, c.start - 300))]
        kind = _kind(folded, c)
        if not before or kind is None:
            continue
        index = before[-1][0]
        year = year_before(folded, c.start, lo, max(0, lo - 300))
        if year is None:
            continue
        component = component_before(folded, before[-1][2], c.start, index)
        key = (lo, index, component, year)
        item = groups.setdefault(key, {"index": index, "component": component, "year": year, "scope": None,
                                       "score": None, "max_score": None, "percent": None, "rank": None,
                                       "rank_total": None, "evidence": None})
        for k, v in kind.items():
            if item[k] is None:
                item[k] = v
    return list(groups.values())


def with_recovered(results: list[dict], added: list[dict]) -> list[dict]:
    """Rule results, their missing fields filled from added ones of the same key; the rest appended."""
    fields = ("score", "max_score", "percent", "rank", "rank_total")
    out = [dict(r) for r in results]
    for a in added:
        for o in out:
            if (o["index"], o.get("component"), o["year"], o.get("scope")) == (a["index"], a["component"], a["year"], None):
                if all(o.get(f) is None or a[f] is None or o.get(f) == a[f] for f in fields):
                    for f in fields:
                        if o.get(f) is None:
                            o[f] = a[f]
                break  # a rule result of that key wins over a conflicting guess
        else:
            out.append(a)
    return out
