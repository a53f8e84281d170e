"""Lists of items (references, index results, index targets, tasks): match, then count.

Each scorer returns an ItemScore: how many gold and predicted items, how many predictions
are correct, attribute agreement on matched pairs, and one Disagreement per error.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.evaluation.fields import (TEXT_THRESHOLD, same_exact, same_issuer, same_name, same_number,
                                       same_text, same_value, show)
from kehoach.evaluation.matching import match_items
from kehoach.evaluation.textnorm import compact, folded, similarity

# Task rows pair when their texts are at least this similar: low on purpose, since it only
# decides which predicted row stands for which gold row (content quality is scored apart).
TASK_PAIR_THRESHOLD = 0.50


@dataclass
class Disagreement:
    document: str
    field: str  # e.g. document.title, references[76/KH-UBND].date, tasks[1.1]
    expected: str
    got: str
    kind: str  # mismatch | missing | spurious | unreadable


@dataclass
class ItemScore:
    gold: int = 0
    pred: int = 0
    correct: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [agree, compared]
    by_index: dict[str, list[int]] = field(default_factory=dict)  # index -> [gold, pred, correct]
    disagreements: list[Disagreement] = field(default_factory=list)

    def attribute(self, name: str, agree: bool) -> None:
        counts = self.attributes.setdefault(name, [0, 0])
        counts[0] += int(agree)
        counts[1] += 1


def _items(plan: dict, key: str) -> list[dict]:
    value = plan.get(key) if isinstance(plan, dict) else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _count_unmatched(doc, part, score, gold, pred, pairs, label):
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for i, g in enumerate(gold):
        if i not in matched_g:
            score.disagreements.append(Disagreement(doc, f"{part}[{label(g)}]", show(g), "", "missing"))
    for i, p in enumerate(pred):
        if i not in matched_p:
            score.disagreements.append(Disagreement(doc, f"{part}[{label(p)}]", "", show(p), "spurious"))


def _strip(item: dict) -> dict:
    return {k: v for k, v in item.items() if k != "evidence"}


# --- references: matched by number; type, date and issuer are attributes -------------

def score_references(doc: str, gold_plan: dict, pred_plan: dict) -> ItemScore:
    gold, pred = [_strip(x) for x in _items(gold_plan, "references")], [_strip(x) for x in _items(pred_plan, "references")]
    score = ItemScore(len(gold), len(pred))

    def pair(g, p):
        if not compact(g.get("number")) or not same_number(g.get("number"), p.get("number")):
            return None
        # Two documents printed with one number (no year) are told apart by date.
        return 1.0 + (0.5 if g.get("date") == p.get("date") else 0.0)

    pairs = match_items(gold, pred, pair)
    score.correct = len(pairs)
    label = lambda r: compact(r.get("number")) or "?"  # noqa: E731
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        for attr, same in (("doc_type", same_name), ("date", same_exact), ("issuer", same_issuer)):
            agree = same(g.get(attr), p.get(attr))
            score.attribute(f"references.{attr}", agree)
            if not agree:
                score.disagreements.append(Disagreement(doc, f"references[{label(g)}].{attr}",
                                                        show(g.get(attr)), show(p.get(attr)), "mismatch"))
    _count_unmatched(doc, "references", score, gold, pred, pairs, label)
    return score


# --- index results and targets: matched by key, correct when the values agree ----------

def _component_score(g, p):
    if not folded(g.get("component")) and not folded(p.get("component")):
        return 1.0
    s = similarity(g.get("component"), p.get("component"))
    return s if s >= TEXT_THRESHOLD else None


def _keyed_score(doc, part, gold, pred, key_fields, value_fields, value_same, label) -> ItemScore:
    score = ItemScore(len(gold), len(pred))

    def pair(g, p):
        if any(not _key_same(k, g.get(k), p.get(k)) for k in key_fields):
            return None
        comp = _component_score(g, p)
        if comp is None:
            return None
        # Several items may share a key and differ only in value (a prose goal and a table goal):
        # pairs that agree in value win, so the assignment never pairs them crosswise.
        agree = sum(value_same(v, g, p) for v in value_fields) / len(value_fields)
        return comp + 2.0 * agree

    pairs = match_items(gold, pred, pair)
    for items, slot in ((gold, 0), (pred, 1)):
        for item in items:
            score.by_index.setdefault(str(item.get("index")), [0, 0, 0])[slot] += 1
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        wrong = [v for v in value_fields if not value_same(v, g, p)]
        if not wrong:
            score.correct += 1
            score.by_index[str(g.get("index"))][2] += 1
            continue
        for v in wrong:
            score.disagreements.append(Disagreement(doc, f"{part}[{label(g)}].{v}", show(g.get(v)),
                                                    show(p.get(v)), "mismatch"))
    _count_unmatched(doc, part, score, gold, pred, pairs, label)
    return score


def _key_same(key, a, b) -> bool:
    if key == "scope":
        return folded(a) == folded(b)
    return a == b


def _label(*keys):
    return lambda item: "|".join(show(item.get(k)) for k in keys)


RESULT_VALUES = ("score", "max_score", "percent", "rank", "rank_total")


def score_results(doc: str, gold_plan: dict, pred_plan: dict) -> ItemScore:
    return _keyed_score(doc, "index_results", [_strip(x) for x in _items(gold_plan, "index_results")],
                        [_strip(x) for x in _items(pred_plan, "index_results")],
                        ("index", "year", "scope"), RESULT_VALUES,
                        lambda v, g, p: same_value(g.get(v), p.get(v)),
                        _label("index", "component", "year", "scope"))


def _target_value_same(v, g, p) -> bool:
    if v == "comparator":
        # spec: `Dự kiến tăng điểm` is score_increase with `=`; `>=` is accepted.
        return g.get(v) == p.get(v) or (g.get("metric") == "score_increase" and g.get(v) == "=" and p.get(v) == ">=")
    return same_value(g.get(v), p.get(v))


def score_targets(doc: str, gold_plan: dict, pred_plan: dict) -> ItemScore:
    return _keyed_score(doc, "index_targets", [_strip(x) for x in _items(gold_plan, "index_targets")],
                        [_strip(x) for x in _items(pred_plan, "index_targets")],
                        ("index", "metric", "year"), ("comparator", "value", "value_max"),
                        _target_value_same, _label("index", "component", "metric", "year"))


# --- tasks: optimal one-to-one assignment on id + text similarity --------------------

def task_text(task: dict) -> str:
    return task.get("content") or " ".join(a for a in task.get("actions") or [] if a) or task.get("area") or ""


def _task_pair(g, p):
    sim = similarity(task_text(g), task_text(p))
    if sim < TASK_PAIR_THRESHOLD:
        return None
    # Table ids restart in each part (I PAPI, II SIPAS, ...): a row is (index, id).
    same_id = bool(g.get("id")) and compact(g.get("id")) == compact(p.get("id")) and g.get("index") == p.get("index")
    return sim + (0.25 if same_id else 0.0)


def _same_people(a, b) -> bool:
    return sorted(folded(x) for x in a or []) == sorted(folded(x) for x in b or [])


def _same_deadline(g, p) -> bool:
    text_ok = same_text((g.get("deadline") or "").rstrip(" .;,"), (p.get("deadline") or "").rstrip(" .;,"))
    return text_ok and g.get("deadline_date") == p.get("deadline_date")


def score_tasks(doc: str, gold_plan: dict, pred_plan: dict) -> ItemScore:
    gold = [_strip(x) for x in _items(gold_plan, "tasks")]
    pred = [_strip(x) for x in _items(pred_plan, "tasks")]
    score = ItemScore(len(gold), len(pred))
    pairs = match_items(gold, pred, _task_pair)
    score.correct = len(pairs)
    label = lambda t: f"{t.get('id') or '-'}: {task_text(t)[:50]}"  # noqa: E731
    checks = (
        ("lead", lambda g, p: _same_people(g.get("lead"), p.get("lead")), "lead"),
        ("deadline", _same_deadline, "deadline"),
        ("content", lambda g, p: same_text(task_text(g), task_text(p)), "content"),
    )
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        for name, same, shown in checks:
            agree = same(g, p)
            score.attribute(f"tasks.{name}", agree)
            if not agree:
                got = task_text(p) if name == "content" else p.get(shown)
                expected = task_text(g) if name == "content" else g.get(shown)
                if name == "deadline":
                    expected = {"deadline": g.get("deadline"), "date": g.get("deadline_date")}
                    got = {"deadline": p.get("deadline"), "date": p.get("deadline_date")}
                score.disagreements.append(Disagreement(doc, f"tasks[{label(g)}].{name}", show(expected),
                                                        show(got), "mismatch"))
    _count_unmatched(doc, "tasks", score, gold, pred, pairs, label)
    return score


ITEM_SETS = {
    "references": score_references,
    "index_results": score_results,
    "index_targets": score_targets,
    "tasks": score_tasks,
}
