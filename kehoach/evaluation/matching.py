"""One-to-one matching of gold items with predicted items.

`pair_score(gold, pred)` returns None when the two can never be the same item, else a
score (higher = better). The assignment maximises the total score: optimal with scipy's
`linear_sum_assignment`, greedy by score when scipy is missing. Ties are broken by list
order, so the result is deterministic.
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence

try:
    import numpy as np
    from scipy.optimize import linear_sum_assignment
except ImportError:  # pragma: no cover - scipy is optional
    linear_sum_assignment = None

PairScore = Callable[[dict, dict], Optional[float]]


def match_items(gold: Sequence[dict], pred: Sequence[dict], pair_score: PairScore) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs, sorted by gold index."""
    scores: dict[tuple[int, int], float] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = pair_score(g, p)
            if s is not None:
                scores[(gi, pi)] = float(s)
    if not scores:
        return []
    if linear_sum_assignment is not None:
        pairs = _optimal(len(gold), len(pred), scores)
    else:
        pairs = _greedy(scores)
    return sorted(pairs)


def _optimal(n_gold: int, n_pred: int, scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    # Impossible pairs get a large cost and are dropped afterwards; +1 so that any
    # compatible pair is preferred over leaving both items unmatched.
    big = 1e6
    cost = np.full((n_gold, n_pred), big)
    for (gi, pi), s in scores.items():
        cost[gi, pi] = -(s + 1.0)
    rows, cols = linear_sum_assignment(cost)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if (int(r), int(c)) in scores]


def _greedy(scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    used_g, used_p, pairs = set(), set(), []
    for (gi, pi), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs
