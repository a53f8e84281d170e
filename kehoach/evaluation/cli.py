"""`kehoach eval --pred DIR --gold DIR [--out DIR] [--report FILE] [--fail-below BASELINE.json]`

Scores plan JSON predictions against gold annotations (see docs/evaluation.md). Exit 0
unless usage is wrong (2) or --fail-below finds a figure under the baseline (1).
"""
from __future__ import annotations

import sys
from pathlib import Path

from kehoach.errors import ExitCode, UsageError
from kehoach.evaluation.baseline import DEFAULT_EPSILON, baseline_document, load_baseline, regressions
from kehoach.evaluation.loading import PlanValidator, load_pairs
from kehoach.evaluation.scoring import aggregate, score_document


def add_arguments(p):
    p.add_argument("--pred", required=True, type=Path, help="folder of predicted <name>.json (kehoach run --out)")
    p.add_argument("--gold", required=True, type=Path,
                   help="folder of gold <name>.json (optional gold_meta) and text/<name>.txt restorations")
    p.add_argument("--gold-text", type=Path, default=None, help="gold text folder (default: GOLD/text)")
    p.add_argument("--out", type=Path, default=None, help="write tables, disagreements and report.html here")
    p.add_argument("--report", type=Path, default=None, help="HTML report path (default: OUT/report.html)")
    p.add_argument("--fail-below", type=Path, default=None, metavar="BASELINE.json",
                   help="exit 1 when any aggregate figure is worse than this stored baseline")
    p.add_argument("--write-baseline", type=Path, default=None, metavar="BASELINE.json",
                   help="store the current aggregate figures as the new baseline (a deliberate commit)")
    p.add_argument("--epsilon", type=float, default=None,
                   help=f"tolerance for --fail-below (default: the baseline's, else {DEFAULT_EPSILON})")


def run(args) -> tuple[int, dict, list[str]]:
    if not args.gold.is_dir():
        raise UsageError(f"gold folder not found: {args.gold}")
    if args.fail_below is not None and not args.fail_below.is_file():
        raise UsageError(f"baseline file not found: {args.fail_below}")
    if not args.pred.is_dir():
        print(f"kehoach eval: warning: prediction folder {args.pred} not found; every document counts as missing",
              file=sys.stderr)
    pairs, problems = load_pairs(args.pred, args.gold, args.gold_text, PlanValidator())
    if not pairs:
        raise UsageError(f"no gold files (*.json or text/*.txt) in {args.gold}")
    docs = []
    for pair in pairs:
        try:
            docs.append(score_document(pair))
        except Exception as exc:  # malformed gold must not stop the other documents
            problems.append(f"{pair.name}: not scored ({type(exc).__name__}: {exc}); check its gold file")
    if not docs:
        raise UsageError("no document could be scored: " + "; ".join(problems[:5]))
    summary = aggregate(docs)

    below: list[str] = []
    if args.fail_below is not None:
        try:
            base, epsilon = load_baseline(args.fail_below)
        except (OSError, ValueError, AttributeError) as exc:
            raise UsageError(f"baseline {args.fail_below} unreadable: {exc}") from exc
        below = regressions(summary, base, args.epsilon if args.epsilon is not None else epsilon)

    if args.out is not None:
        from kehoach.evaluation.outputs import write_outputs

        write_outputs(args.out, docs, summary, problems)
    report = args.report or (args.out / "report.html" if args.out is not None else None)
    if report is not None:
        from kehoach.evaluation.html_report import write_html

        write_html(report, docs, summary, problems, below, str(args.pred), str(args.gold))

    if args.write_baseline is not None:
        from kehoach.evaluation.outputs import write_json

        epsilon = args.epsilon if args.epsilon is not None else DEFAULT_EPSILON
        write_json(args.write_baseline, baseline_document(summary, epsilon))
        print(f"baseline written: {args.write_baseline}")
    _print_summary(summary, problems, docs)
    if below:
        print(f"kehoach eval: {len(below)} figure(s) below the baseline {args.fail_below}:", file=sys.stderr)
        for line in below:
            print(f"  {line}", file=sys.stderr)
        return ExitCode.some_failed, summary, below
    return ExitCode.ok, summary, below


def _print_summary(summary: dict, problems: list[str], docs) -> None:
    for p in problems:
        print(f"note: {p}")
    for d in docs:
        if d.status != "ok":
            print(f"{d.name}: prediction {d.status}")
    width = max(len(k) for k in summary)
    for k, v in summary.items():
        print(f"{k:<{width}}  {v:.4f}" if isinstance(v, float) else f"{k:<{width}}  {v}")


def main(args) -> int:
    return int(run(args)[0])
