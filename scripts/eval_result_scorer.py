"""Leave-batch-out evaluation of the learned result scorer (models/result_scorer).

    python -m scripts.eval_result_scorer cv [--out FILE]        # dev batches dr_01-129
    python -m scripts.eval_result_scorer fresh --raw DIR --gold DIR  # rules vs rules+scorer, once

`cv`: for each dev batch (docs/results_tasks.md), the scorer is trained on the other batches and
scores the batch's candidates: candidate precision/recall/AUC, and document-level results F1 when
rule outputs whose value candidates score below a threshold are dropped. Rule outputs come from
the current rules (tuned on every dev batch) and, with `--first-contact`, from the rules of the
commit before each batch was written (the outputs the batch met first; see `first_contact.py`).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from extract.patterns import fold
from kehoach.evaluation.items import score_results, score_targets
from models.result_scorer.build import plan_features, train, training_rows
from models.result_scorer.data import DEV_GOLD, dev_paths, load_plan
from models.result_scorer.recover import recovered, with_recovered
from models.result_scorer.scorer import output_score, probability

THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
ADD_THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)
# Chosen on the leave-batch-out CV over first-contact outputs before the fresh batch dr_130-139 was
# seen (docs/result_scorer.md): add results from candidates >= 0.8; the filter (min over the
# output's values >= 0.3) is reported beside it, it did not help in the CV.
PRIMARY_ADD, PRIMARY_FILTER = 0.8, 0.3


def auc(pairs: list[tuple[float, int]]) -> float:
    """Rank AUC (ties count half)."""
    pos = [p for p, y in pairs if y == 1]
    neg = [p for p, y in pairs if y == 0]
    if not pos or not neg:
        return float("nan")
    ordered = sorted(pairs)
    ranks, i = {}, 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j][0] == ordered[i][0]:
            j += 1
        ranks[ordered[i][0]] = (i + j + 1) / 2
        i = j
    return (sum(ranks[p] for p in pos) - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def prf(correct: int, gold: int, pred: int) -> dict:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "correct": correct, "gold": gold, "pred": pred}


def filtered(plan, items: list[dict], probs: list[float], threshold: float, how: str) -> list[dict]:
    out = []
    for it in items:
        s = output_score(plan, it, probs, how)
        if s is None or s >= threshold:
            out.append(it)
    return out


def document_figures(plans, probs_of, outputs_of, how: str = "max", add: float | None = None,
                     thresholds=THRESHOLDS) -> dict:
    """Pooled results/targets F1 per filter threshold; outputs_of(plan) -> (results, targets);
    `add`: also add results from candidates scoring >= add that no rule output holds (recover.py)."""
    table = {}
    for t in thresholds:
        counts = {"results": [0, 0, 0], "targets": [0, 0, 0]}
        for p in plans:
            results, targets = outputs_of(p)
            results = filtered(p, results, probs_of[p.name], t, how)
            if add is not None:
                results = with_recovered(results, recovered(_with_outputs(p, results, targets), probs_of[p.name], add))
            pred = {"index_results": results,
                    "index_targets": filtered(p, targets, probs_of[p.name], t, how)}
            gold = {"index_results": p.gold_results, "index_targets": p.gold_targets}
            for key, fn in (("results", score_results), ("targets", score_targets)):
                s = fn(p.name, gold, pred)
                counts[key][0] += s.correct
                counts[key][1] += s.gold
                counts[key][2] += s.pred
        table[t] = {k: prf(*v) for k, v in counts.items()}
    return table


def _with_outputs(plan, results, targets):
    """The plan as recover.py reads it, with the outputs under evaluation as its rule outputs."""
    return dataclasses.replace(plan, results=results, targets=targets)


def value_shaped(plan, i: int) -> bool:
    """`%`, `/total`, a decimal or `điểm` after it: the candidates a rule could take for a value
    (the hard ones; years, dates and document numbers are easy negatives)."""
    c = plan.cands[i]
    return c.percent or c.total is not None or not float(c.value).is_integer() or \
        "diem" in fold(plan.text[c.end:c.end + 8])


def candidate_figures(plans, probs_of) -> dict:
    out = {}
    for subset, keep in (("all", lambda p, i: True), ("value_shaped", value_shaped)):
        pairs = [(pr, y) for p in plans for i, (pr, y) in enumerate(zip(probs_of[p.name], p.labels))
                 if y is not None and keep(p, i)]
        tp = sum(pr >= 0.5 and y == 1 for pr, y in pairs)
        fp = sum(pr >= 0.5 and y == 0 for pr, y in pairs)
        fn = sum(pr < 0.5 and y == 1 for pr, y in pairs)
        out[subset] = {"candidates": len(pairs), "positive": sum(y for _, y in pairs), "auc": round(auc(pairs), 3),
                       **{k: v for k, v in prf(tp, tp + fn, tp + fp).items() if k in ("p", "r", "f1")}}
    return out


def output_figures(plans, probs_of, outputs_of) -> dict:
    """Rule results one by one: right or wrong against gold, whether their values are all gold values
    of the plan (then no candidate label can tell them wrong), and the AUC of their scores."""
    from models.result_scorer.data import item_values
    right = wrong = wrong_gold_values = 0
    pairs = []
    for p in plans:
        gold_values = set().union(set(), *[item_values(g) for g in p.gold_results + p.gold_targets])
        for o in outputs_of(p)[0]:
            ok = score_results(p.name, {"index_results": p.gold_results}, {"index_results": [o]}).correct == 1
            right += ok
            wrong += not ok
            wrong_gold_values += (not ok) and item_values(o) <= gold_values
            s = output_score(p, o, probs_of[p.name], "max")
            if s is not None:
                pairs.append((s, int(ok)))
    return {"right": right, "wrong": wrong, "wrong_with_only_gold_values": wrong_gold_values,
            "auc_right_vs_wrong": round(auc(pairs), 3)}


def cross_validate(plans) -> dict[str, list[float]]:
    """Out-of-fold probabilities of every candidate: one model per left-out batch."""
    feats = {p.name: plan_features(p) for p in plans}
    probs_of = {}
    for batch in sorted({p.batch for p in plans}):
        X, y = training_rows([p for p in plans if p.batch != batch], feats)
        model = train(X, y)
        for p in plans:
            if p.batch == batch:
                probs_of[p.name] = [probability(model, f) for f in feats[p.name]]
        print(f"  {batch}: trained on {len(y)} candidates", file=sys.stderr)
    return probs_of


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    cv = sub.add_parser("cv")
    cv.add_argument("--first-contact", type=Path, help="JSON of first-contact rule outputs (first_contact.py)")
    cv.add_argument("--out", type=Path)
    fr = sub.add_parser("fresh")
    fr.add_argument("--raw", type=Path, required=True)
    fr.add_argument("--gold", type=Path, required=True)
    fr.add_argument("--rule-outputs", type=Path, help="rule outputs to judge (default: today's rules)")
    fr.add_argument("--first", type=int, default=130)
    fr.add_argument("--last", type=int, default=139)
    fr.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "cv":
        report = run_cv(args.first_contact)
    else:
        report = run_fresh(args.raw, args.gold, args.first, args.last, args.rule_outputs)
    text = json.dumps(report, indent=1, ensure_ascii=False, default=str)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


def run_cv(first_contact: Path | None) -> dict:
    plans = [load_plan(p, DEV_GOLD) for p in dev_paths()]
    probs_of = cross_validate(plans)
    report = {"plans": len(plans), "ambiguous": sum(l is None for p in plans for l in p.labels),
              "candidate_level": candidate_figures(plans, probs_of)}
    for how in ("max", "min"):
        report[f"current_rules_{how}"] = document_figures(plans, probs_of, lambda p: (p.results, p.targets), how)
    if first_contact:
        fc = json.loads(first_contact.read_text())
        seen = [p for p in plans if p.name in fc]
        report["first_contact_plans"] = len(seen)
        first = lambda p: (fc[p.name]["results"], fc[p.name]["targets"])  # noqa: E731
        for how in ("max", "min"):
            report[f"first_contact_{how}"] = document_figures(seen, probs_of, first, how)
        report["first_contact_outputs"] = output_figures(seen, probs_of, first)
        report["first_contact_add"] = {a: document_figures(seen, probs_of, first, add=a, thresholds=(0.0,))[0.0]
                                       for a in ADD_THRESHOLDS}
    report["current_rules_add"] = {a: document_figures(plans, probs_of, lambda p: (p.results, p.targets), add=a,
                                                       thresholds=(0.0,))[0.0] for a in ADD_THRESHOLDS}
    return report


def run_fresh(raw: Path, gold: Path, first: int, last: int, rule_outputs: Path | None) -> dict:
    """Rules alone vs rules + scorer (trained on dr_01-129: the shipped model.json) on a fresh batch.
    The configuration chosen on the CV before the batch was seen: PRIMARY; the others for reference."""
    from models.result_scorer.data import dev_paths
    from models.result_scorer.scorer import load_model
    model = load_model()
    plans = [load_plan(p, gold, batch="fresh") for p in dev_paths(first, last, raw)]
    probs_of = {p.name: [probability(model, f) for f in plan_features(p)] for p in plans}
    rules = lambda p: (p.results, p.targets)  # noqa: E731
    if rule_outputs:  # the rules the batch met first (result_first_contact.py --commit), not today's
        given = json.loads(rule_outputs.read_text())
        rules = lambda p: (given[p.name]["results"], given[p.name]["targets"])  # noqa: E731
    figures = {
        "rules_alone": document_figures(plans, probs_of, rules, thresholds=(0.0,))[0.0],
        "rules_plus_scorer_add": document_figures(plans, probs_of, rules, add=PRIMARY_ADD, thresholds=(0.0,))[0.0],
        "rules_plus_scorer_filter": document_figures(plans, probs_of, rules, how="min",
                                                     thresholds=(PRIMARY_FILTER,))[PRIMARY_FILTER],
        "rules_plus_scorer_both": document_figures(plans, probs_of, rules, how="min", add=PRIMARY_ADD,
                                                   thresholds=(PRIMARY_FILTER,))[PRIMARY_FILTER],
    }
    return {"plans": [p.name for p in plans], "primary": f"add >= {PRIMARY_ADD}", **figures,
            "candidate_level": candidate_figures(plans, probs_of)}


if __name__ == "__main__":
    raise SystemExit(main())
