"""Dev plans as the scorer sees them: normalised text, the rules' outputs, gold, aligned labels.

Text: the path `kehoach run` takes for a .txt (`read_document` -> `normalize_document`).
Labels: a candidate is positive when its value is a value of a gold result or target of the
plan (`score`/`percent`/`rank`/`rank_total`/`max_score`, target `value`/`value_max`/`out_of`)
AND it can be placed: the value is printed once in the plan, or the candidate lies inside the
evidence of a rule output that equals a gold item and carries that value. A gold value printed
several times and not placed so is `ambiguous` (left out of training, counted in the model card).
Everything else is negative.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from models.result_scorer.features import Candidate, candidates

DEV_RAW, DEV_GOLD = Path("data/dev/raw"), Path("data/dev/gold")
# First plan of each dev batch, as listed in docs/results_tasks.md (dr_01-12, 13-17, ..., 125-129).
BATCH_STARTS = (1, 13, 18, 25, 29, 33, 37, 41, 45, 53, 59, 65, 71, 76, 81, 85, 89, 93, 97, 101, 109, 115, 120, 125, 130)
RESULT_VALUES = ("score", "max_score", "percent", "rank", "rank_total")
TARGET_VALUES = ("value", "value_max", "out_of")


def plan_number(path: Path) -> int:
    return int(re.match(r"dr_(\d+)", path.name).group(1))


def batch_of(number: int) -> str:
    starts = [s for s in BATCH_STARTS if s <= number]
    lo = starts[-1]
    nxt = [s for s in BATCH_STARTS if s > number]
    hi = nxt[0] - 1 if nxt else number
    return f"dr_{lo:02d}-{hi}"


@dataclass
class Plan:
    name: str
    batch: str
    text: str
    results: list[dict]  # rule outputs, with evidence
    targets: list[dict]
    gold_results: list[dict]
    gold_targets: list[dict]
    cands: list[Candidate] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)  # 1, 0, None = ambiguous


def normalised_text(path: Path):
    from kehoach.config import PipelineConfig
    from kehoach.pipeline import read_document
    from normalize import normalize_document
    config = PipelineConfig()
    return normalize_document(read_document(path, config), config.normalize)


def load_plan(path: Path, gold_dir: Path, batch: str | None = None) -> Plan:
    import json

    from extract.results import extract_results_and_targets
    norm = normalised_text(path)
    results, targets, _ = extract_results_and_targets(norm)
    gold = json.loads((gold_dir / (path.stem + ".json")).read_text())
    plan = Plan(path.stem, batch or batch_of(plan_number(path)), norm.text,
                [r.model_dump() for r in results], [t.model_dump() for t in targets],
                gold.get("index_results") or [], gold.get("index_targets") or [])
    label_plan(plan)
    return plan


def item_values(item: dict) -> set[float]:
    return {float(item[k]) for k in RESULT_VALUES + TARGET_VALUES if item.get(k) is not None}


def _strip(item: dict) -> dict:
    return {k: v for k, v in item.items() if k != "evidence"}


def evidence_spans(text: str, evidence: dict | None) -> list[tuple[int, int]]:
    """Where an output's evidence (whitespace collapsed by the rules) stands in the text."""
    if not evidence or not evidence.get("text"):
        return []
    words = evidence["text"].split()
    pattern = r"[\s|]+".join(re.escape(w) for w in words)  # table rows lose their `|`
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def candidates_of_item(plan: Plan, item: dict) -> list[int]:
    """Candidates inside the item's evidence whose value (or total) is one of the item's values."""
    values = item_values(item)
    spans = evidence_spans(plan.text, item.get("evidence"))
    return [i for i, c in enumerate(plan.cands)
            if any(a <= c.start < b for a, b in spans)
            and (c.value in values or (c.total is not None and c.total in values and c.value in values))]


def label_plan(plan: Plan) -> None:
    plan.cands = candidates(plan.text)
    gold_values = set().union(*[item_values(g) for g in plan.gold_results + plan.gold_targets]) or set()
    right_outputs = [o for o in plan.results + plan.targets
                     if _strip(o) in [_strip(g) for g in plan.gold_results + plan.gold_targets]]
    anchored = {i for o in right_outputs for i in candidates_of_item(plan, o)}
    count: dict[float, int] = {}
    for c in plan.cands:
        count[c.value] = count.get(c.value, 0) + 1
    plan.labels = []
    for i, c in enumerate(plan.cands):
        if c.value not in gold_values:
            plan.labels.append(0)
        elif i in anchored or count[c.value] == 1:
            plan.labels.append(1)
        else:
            plan.labels.append(None)


def dev_paths(lo: int = 1, hi: int = 129, raw: Path = DEV_RAW) -> list[Path]:
    paths = [p for p in raw.glob("dr_*") if p.suffix in (".txt", ".pdf")]
    return sorted((p for p in paths if lo <= plan_number(p) <= hi), key=plan_number)
