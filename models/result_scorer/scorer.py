"""The learned result scorer at run time: a logistic model stored as a dict of weights.

`score_text(text)` gives every number candidate of a plan's normalised text the probability
that it is a value of one of the plan's own results or targets; `keep_result(...)` judges one
rule output by the candidates its evidence holds. Needs no scikit-learn (only `build.py` does).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from models.result_scorer.data import candidates_of_item
from models.result_scorer.features import document_context, features

MODEL_PATH = Path(__file__).with_name("model.json")


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def probability(model: dict, feats: list[str]) -> float:
    z = model["intercept"] + sum(model["weights"].get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def score_text(text: str, model: dict) -> tuple[list, list[float]]:
    ctx = document_context(text)
    return ctx["cands"], [probability(model, features(text, ctx, i)) for i in range(len(ctx["cands"]))]


def output_score(plan, item: dict, probs: list[float], how: str = "max") -> float | None:
    """The score of one rule output: max (or min) over its value candidates; None when its
    evidence cannot be placed or holds none of its values (a rank in words, a table cell)."""
    found = [probs[i] for i in candidates_of_item(plan, item)]
    if not found:
        return None
    return max(found) if how == "max" else min(found)
