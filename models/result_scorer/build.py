"""Rebuild the result scorer: `python -m models.result_scorer.build` (deterministic).

Trains a logistic regression (scikit-learn, lbfgs) on the number candidates of the dev plans
dr_01-129 (`data/dev/raw` + `data/dev/gold`, labels as in `data.py`) and writes `model.json`:
the intercept and one weight per one-hot feature, rounded, sorted. See README.md (model card).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from models.result_scorer.data import DEV_GOLD, Plan, dev_paths, load_plan
from models.result_scorer.features import document_context, features
from models.result_scorer.scorer import MODEL_PATH

C = 0.5  # inverse L2 strength: fixed before the CV, not tuned on the fresh batch


def plan_features(plan: Plan) -> list[list[str]]:
    ctx = document_context(plan.text)
    return [features(plan.text, ctx, i) for i in range(len(ctx["cands"]))]


def training_rows(plans: list[Plan], feats: dict[str, list[list[str]]]) -> tuple[list[dict], list[int]]:
    X, y = [], []
    for p in plans:
        for f, label in zip(feats[p.name], p.labels):
            if label is not None:  # ambiguous gold alignment: left out
                X.append({k: 1 for k in f})
                y.append(label)
    return X, y


def train(X: list[dict], y: list[int]) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sort=True)
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=5000)
    model.fit(vec.fit_transform(X), y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])
               if abs(w) >= 1e-4}
    return {"kind": "logistic", "C": C, "intercept": round(float(model.intercept_[0]), 5),
            "weights": dict(sorted(weights.items()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--last", type=int, default=129, help="last dev plan trained on (dr_01..LAST)")
    args = ap.parse_args(argv)
    plans = [load_plan(p, DEV_GOLD) for p in dev_paths(1, args.last)]
    X, y = training_rows(plans, {p.name: plan_features(p) for p in plans})
    model = train(X, y)
    model["trained_on"] = {"plans": len(plans), "candidates": len(y), "positive": sum(y),
                           "ambiguous_left_out": sum(l is None for p in plans for l in p.labels)}
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(model['weights'])} weights, {model['trained_on']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
