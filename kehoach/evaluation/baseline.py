"""Stored baseline figures: compare the current aggregate with them (--fail-below)."""
from __future__ import annotations

import json
from pathlib import Path

from kehoach.evaluation.scoring import lower_is_better

# A real change moves a rate by at least 1/(number of items), i.e. > 0.001 here; the
# tolerance only absorbs float noise and the 6-decimal rounding of the stored file.
DEFAULT_EPSILON = 1e-4
COUNTS = {"documents"}  # not figures of merit


def load_baseline(path: Path) -> tuple[dict[str, float], float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    figures = data.get("aggregate", data)
    epsilon = float(data.get("epsilon", DEFAULT_EPSILON)) if isinstance(data, dict) else DEFAULT_EPSILON
    return {k: float(v) for k, v in figures.items() if isinstance(v, (int, float)) and k not in COUNTS}, epsilon


def regressions(current: dict[str, float], baseline: dict[str, float], epsilon: float) -> list[str]:
    """One line per figure that is worse than the baseline (or has disappeared)."""
    out = []
    for name, base in sorted(baseline.items()):
        if name not in current:
            out.append(f"{name}: missing now (baseline {base:.4f})")
            continue
        now = float(current[name])
        worse = now > base + epsilon if lower_is_better(name) else now < base - epsilon
        if worse:
            out.append(f"{name}: {now:.4f} (baseline {base:.4f})")
    return out


def baseline_document(summary: dict, epsilon: float = DEFAULT_EPSILON, note: str = "") -> dict:
    return {
        "note": note or ("aggregate figures of `make eval`; raise deliberately: "
                         "make eval-baseline, review the diff, commit (docs/evaluation.md)"),
        "epsilon": epsilon,
        "aggregate": {k: round(float(v), 6) for k, v in summary.items() if k not in COUNTS},
    }
