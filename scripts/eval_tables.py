"""Measure index results/targets and task extraction.

    python -m scripts.eval_tables text --seeds 1000-1029        # synthetic plans, text only
    python -m scripts.eval_tables gold --gold data/gold --raw data/raw   # hand gold of the seeds
    python -m scripts.eval_tables scan --seed 2000 --rows 36     # rendered ruled appendix, real Tesseract

Synthetic plans come from `kehoach.synth.plan_text.generate_plan`; seeds 1000+ are held out (the
rules were written against the real seeds and generator seeds < 1000). Scoring reuses the project's
evaluation (`kehoach.evaluation.items`), so the figures mean what `kehoach eval` means.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.results import extract_results_and_targets
from extract.tasks import extract_tasks
from kehoach.evaluation.items import score_results, score_targets, score_tasks
from normalize.types import NormalizedDocument


def _prf(correct: int, gold: int, pred: int) -> dict:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": gold, "pred": pred,
            "correct": correct}


def predict(doc: NormalizedDocument) -> dict:
    results, targets, _ = extract_results_and_targets(doc)
    tasks, _ = extract_tasks(doc)
    dump = lambda xs: [x.model_dump(mode="json") for x in xs]  # noqa: E731
    return {"index_results": dump(results), "index_targets": dump(targets), "tasks": dump(tasks)}


class Tally:
    def __init__(self) -> None:
        self.parts = {k: [0, 0, 0] for k in ("results_targets", "results", "targets", "tasks")}
        self.attrs: dict[str, list[int]] = {}
        self.errors: list[str] = []

    def add(self, name: str, gold: dict, pred: dict) -> None:
        s_res, s_tgt, s_task = (f(name, gold, pred) for f in (score_results, score_targets, score_tasks))
        for key, s in (("results", s_res), ("targets", s_tgt), ("tasks", s_task)):
            self.parts[key] = [a + b for a, b in zip(self.parts[key], (s.correct, s.gold, s.pred))]
            self.errors += [f"{d.document} {d.field}: expected {d.expected} got {d.got} ({d.kind})"
                            for d in s.disagreements]
        both = self.parts["results_targets"]
        for s in (s_res, s_tgt):
            both[0] += s.correct
            both[1] += s.gold
            both[2] += s.pred
        for k, (agree, n) in s_task.attributes.items():
            a = self.attrs.setdefault(k, [0, 0])
            a[0] += agree
            a[1] += n

    def report(self) -> dict:
        out = {k: _prf(*v) for k, v in self.parts.items()}
        out["task_attributes"] = {k: round(a / n, 3) if n else None for k, (a, n) in self.attrs.items()}
        return out


def _seeds(spec: str) -> list[int]:
    lo, _, hi = spec.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def eval_text(seeds: list[int], size: str) -> tuple[dict, list[str]]:
    from kehoach.synth.plan_text import generate_plan

    tally = Tally()
    for seed in seeds:
        plan = generate_plan(seed, size=size)
        doc = NormalizedDocument.from_pages([(1, plan.text)])
        tally.add(f"synth-{seed}", plan.gold, predict(doc))
    return tally.report(), tally.errors


def eval_gold(gold_dir: Path, raw_dir: Path) -> tuple[dict, list[str]]:
    """The seeds' hand gold against extraction from their text (`kehoach.pipeline` when it runs, so
    diacritics are restored as in production; the raw text otherwise)."""
    tally = Tally()
    for gold_path in sorted(gold_dir.glob("*.json")):
        raw = raw_dir / (gold_path.stem + ".txt")
        if not raw.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            from kehoach.pipeline import process_document

            pred = process_document(raw).to_json_dict()
        except Exception as exc:  # the pipeline of the day may be broken: fall back to our stages
            print(f"{raw.name}: pipeline failed ({type(exc).__name__}: {exc}); extracting from raw text",
                  file=sys.stderr)
            text = raw.read_text(encoding="utf-8")
            pred = predict(NormalizedDocument.from_pages(list(enumerate(text.split("\f"), 1))))
        tally.add(gold_path.stem, gold, pred)
    return tally.report(), tally.errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("text")
    t.add_argument("--seeds", default="1000-1029")
    t.add_argument("--size", default="long", choices=("compact", "normal", "long"))
    g = sub.add_parser("gold")
    g.add_argument("--gold", type=Path, default=Path("data/gold"))
    g.add_argument("--raw", type=Path, default=Path("data/raw"))
    s = sub.add_parser("scan")
    s.add_argument("--seed", type=int, default=2000)
    s.add_argument("--rows", type=int, default=36)
    s.add_argument("--dpi", type=int, default=200)
    s.add_argument("--degrade", default=None, help="kehoach.synth.degrade preset (light, medium, ...)")
    s.add_argument("--reader", default="page", choices=("page", "cells"), help="scripts/eval_scan_table.py")
    s.add_argument("--lang", default="vie+Vietnamese", help="Tesseract languages of the page reader")
    s.add_argument("--orientation", action="store_true", help="page reader: run Tesseract OSD as production does")
    s.add_argument("--borders", default="ALL", choices=("ALL", "SINGLE_TOP_LINE", "NONE"),
                   help="rules of the rendered table: ALL (ruled), SINGLE_TOP_LINE or NONE (borderless)")
    s.add_argument("--no-repeat-heading", action="store_true", help="the table's heading row on its first page only")
    for p in (t, g, s):
        p.add_argument("--errors", type=int, default=0, help="print this many disagreements")
    args = ap.parse_args(argv)
    if args.mode == "text":
        report, errors = eval_text(_seeds(args.seeds), args.size)
    elif args.mode == "gold":
        report, errors = eval_gold(args.gold, args.raw)
    else:
        from scripts.eval_scan_table import eval_scan

        report, errors = eval_scan(args.seed, args.rows, args.dpi, args.degrade, args.reader, args.lang, args.orientation,
                                   args.borders, not args.no_repeat_heading)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    for e in errors[: args.errors]:
        print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
