"""Rows, lead and deadline recovered from recorded English-model OCR of rendered appendix tables.

    python -m scripts.eval_interleaved [--dir tests/data/interleaved] [--errors 20]
    python -m scripts.eval_interleaved --doc 003_a701ae0846553fb8     # a seed's appendix, whole pipeline

The fixtures are made by `python -m scripts.make_interleaved_fixtures` (Tesseract `-l eng`, psm 3/4/6,
several synthetic plans, column orders, header wordings and scan degradations). A gold row is
recovered when a predicted row has its id (and index); lead / deadline are then compared (names
folded, order free; deadline text and date). Lead precision: of the recovered rows given a lead, the
share right (a lead left empty, and said so in the warnings, is not a wrong lead).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from extract.interleaved import recover
from extract.numbers import squash


def score_case(gold: list[dict], pred: list) -> tuple[dict, list[str]]:
    errors: list[str] = []
    used: set[int] = set()
    found = lead_ok = dl_ok = both = given = given_ok = 0
    for g in gold:
        hit = next((j for j, t in enumerate(pred) if j not in used and t.id == g["id"] and t.index == g["index"]),
                   None)
        if hit is None:
            errors.append(f"row {g['index']} {g['id']}: not recovered")
            continue
        used.add(hit)
        t = pred[hit]
        found += 1
        lead = sorted(map(squash, t.lead)) == sorted(map(squash, g["lead"]))
        dl = squash(t.deadline or "") == squash(g["deadline"] or "") and t.deadline_date == g.get("deadline_date")
        lead_ok += lead
        given += bool(t.lead)  # a lead stated (an empty one is said in the warnings)
        given_ok += bool(t.lead) and lead
        dl_ok += dl
        both += lead and dl
        if not (lead and dl):
            errors.append(f"row {g['index']} {g['id']}: lead {t.lead} vs {g['lead']}; "
                          f"deadline {t.deadline!r} vs {g['deadline']!r}")
    return {"gold": len(gold), "pred": len(pred), "rows": found, "lead": lead_ok, "deadline": dl_ok,
            "row_lead_deadline": both, "lead_given": given, "lead_given_right": given_ok}, errors


def eval_document(name: str, gold_dir: Path, raw_dir: Path) -> dict:
    """Table rows of one gold document through the whole pipeline: the same counts, plus the evaluator's
    pairing (`kehoach eval`: content similar enough) and its lead/deadline agreement on paired rows."""
    from kehoach.evaluation.items import score_tasks
    from kehoach.pipeline import process_document

    gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
    pred = process_document(raw_dir / f"{name}.txt").to_json_dict()
    g_rows = [t for t in gold["tasks"] if t["source"] == "table"]
    p_rows = [t for t in pred["tasks"] if t["source"] == "table"]
    s = score_tasks(name, {**gold, "tasks": g_rows}, {**pred, "tasks": p_rows})

    class _T:  # score_case reads attributes
        def __init__(self, d):
            self.__dict__.update(d)
    counts, _ = score_case(g_rows, [_T(t) for t in p_rows])
    return {**counts, "paired_by_evaluator": s.correct,
            "paired_lead_right": s.attributes.get("tasks.lead", [0, 0])[0],
            "paired_deadline_right": s.attributes.get("tasks.deadline", [0, 0])[0],
            "warnings": [w for w in pred.get("warnings", []) if "appendix" in w]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=Path("tests/data/interleaved"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--doc", help="a gold document's name (data/gold, data/raw) instead of the fixtures")
    ap.add_argument("--gold", type=Path, default=Path("data/gold"))
    ap.add_argument("--raw", type=Path, default=Path("data/raw"))
    args = ap.parse_args(argv)
    if args.doc:
        print(json.dumps(eval_document(args.doc, args.gold, args.raw), ensure_ascii=False, indent=1))
        return 0
    total = {"gold": 0, "pred": 0, "rows": 0, "lead": 0, "deadline": 0, "row_lead_deadline": 0, "lead_given": 0,
             "lead_given_right": 0}
    errors: list[str] = []
    for meta_path in sorted(args.dir.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        text = meta_path.with_suffix(".txt").read_text(encoding="utf-8")
        tasks, _ = recover(text)
        s, e = score_case(meta["rows"], tasks)
        n = s["gold"] or 1
        print(f"{meta_path.stem}: rows {s['rows']}/{s['gold']} lead {s['lead'] / n:.2f} "
              f"deadline {s['deadline'] / n:.2f} row+lead+deadline {s['row_lead_deadline'] / n:.2f} (pred {s['pred']})")
        total = {k: total[k] + s[k] for k in total}
        errors += [f"{meta_path.stem} {x}" for x in e]
    n = total["gold"] or 1
    print(json.dumps({"gold_rows": total["gold"], "rows_recovered": round(total["rows"] / n, 3),
                      "lead_accuracy": round(total["lead"] / n, 3), "deadline_accuracy": round(total["deadline"] / n, 3),
                      "rows_with_lead_and_deadline": round(total["row_lead_deadline"] / n, 3),
                      "pred_rows": total["pred"],
                      # of the recovered rows given a lead, the share whose lead is right
                      "lead_precision": round(total["lead_given_right"] / (total["lead_given"] or 1), 3)}, indent=1))
    for e in errors[:args.errors]:
        print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
