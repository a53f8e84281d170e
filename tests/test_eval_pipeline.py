"""CI guard: the pipeline on data/raw must not score below the stored baseline on data/gold.

Raising the baseline is a deliberate commit: `make eval-baseline`, review the diff of
data/eval_baseline.json, commit it (docs/evaluation.md).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.evaluation.baseline import load_baseline
from kehoach.evaluation.loading import PlanValidator, load_pairs, read_gold
from kehoach.evaluation.scoring import aggregate, score_document

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "data" / "gold"
BASELINE = REPO / "data" / "eval_baseline.json"


def test_gold_files_are_valid_plans_and_the_baseline_reads():
    validator = PlanValidator()
    gold_files = sorted(GOLD.glob("*.json"))
    assert gold_files, "no gold annotations in data/gold"
    for path in gold_files:
        gold, meta, problems = read_gold(path)
        assert not problems and not validator.problems(gold), path.name
        assert isinstance(meta.get("complete", []), list), path.name
    figures, epsilon = load_baseline(BASELINE)
    assert figures and 0 < epsilon < 0.01


@pytest.mark.slow
def test_pipeline_does_not_fall_below_the_baseline(tmp_path):
    pred, out = tmp_path / "pred", tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "kehoach.cli", "run", str(REPO / "data" / "raw"), "--out", str(pred),
                          "--force", "--progress", "log"], capture_output=True, text=True, timeout=1800, cwd=REPO)
    assert run.returncode in (0, 1), run.stderr[-2000:]  # failed documents are scored as missing below
    ev = subprocess.run([sys.executable, "-m", "kehoach.cli", "eval", "--pred", str(pred), "--gold", str(GOLD),
                         "--out", str(out), "--fail-below", str(BASELINE)],
                        capture_output=True, text=True, timeout=600, cwd=REPO)
    summary = json.loads((out / "aggregate.json").read_text(encoding="utf-8"))["aggregate"]
    assert summary["documents"] >= len(list(GOLD.glob("*.json")))
    assert ev.returncode == 0, f"figures below {BASELINE.name}:\n{ev.stderr}"


def test_gold_scored_against_itself_is_perfect(tmp_path):
    """The scorer on the real gold: each gold file as the prediction must agree everywhere."""
    pred = tmp_path / "pred"
    pred.mkdir()
    for path in sorted(GOLD.glob("*.json")):
        plan, _, _ = read_gold(path)
        text = GOLD / "text" / f"{path.stem}.txt"
        if text.is_file():
            plan["pages"] = [{"number": 1, "text": text.read_text(encoding="utf-8"), "mean_confidence": None}]
        (pred / path.name).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    pairs, problems = load_pairs(pred, GOLD)
    docs = [score_document(pair) for pair in pairs]
    summary = aggregate(docs)
    imperfect = {k: v for k, v in summary.items() if k != "documents"
                 and (v != 0 if k in ("text.wer", "text.cer", "predictions_unreadable") else v != 1.0)}
    assert imperfect == {} and problems == []
    assert [x for d in docs for x in d.disagreements] == []
