"""Score header and reference extraction on synthetic plans: text with diacritics, the same text
with diacritics stripped by `unidecode`, and stripped with English-OCR letter slips (`lossy`).

    .venv/bin/python -m scripts.eval_extract --seeds 1000-1099 [--restore never|auto] [--json out.json]

Header fields compare after the contract's normalisation (NFC, collapsed spaces, canonical tone
placement, case-insensitive); titles by character similarity >= 90. On stripped text a second
score compares with diacritics folded away (what rules can read without a restorer).
References: precision/recall/F1 by number, and the share of gold references whose type, date
and issuer are all right.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz
from unidecode import unidecode

from extract import extract_plan
from extract.patterns import fold_key
from kehoach.evaluation.textnorm import canonical
from normalize import NormalizeOptions, normalize_document
from ocr.types import DocumentText, PageText

HEADER_FIELDS = ["doc_type", "number", "title", "issue_date", "issue_place", "issuer.name", "issuer.superior",
                 "issuer.level", "issuer.province", "signer.name", "signer.position", "indices", "period"]


def _get(doc: dict, path: str):
    for part in path.split("."):
        doc = doc.get(part) if isinstance(doc, dict) else None
    return doc


def _same(field: str, pred, gold, folded: bool) -> bool:
    if isinstance(gold, (list, dict)) or isinstance(pred, (list, dict)):
        return pred == gold
    if gold is None or pred is None:
        return gold is None and pred is None
    a, b = canonical(str(pred)).lower(), canonical(str(gold)).lower()
    if folded:
        a, b = fold_key(a), fold_key(b)
    if field == "title":
        return fuzz.ratio(a, b) >= 90
    return a == b


def _doc_text(text: str, name: str) -> DocumentText:
    pages = [PageText(number=i + 1, text=t, origin="plain_text") for i, t in enumerate(text.split("\f"))]
    return DocumentText(path=name, media_type="text/plain", pages=pages)


def _lossy(text: str, seed: int) -> str:
    from kehoach.synth.lossy_text import lossy_text

    return lossy_text(text, seed, slip_rate=LOSSY_SLIP_RATE)


LOSSY_SLIP_RATE = 0.1
# How each variant is made from the generated text: as printed; every mark stripped (old OCR
# text); stripped plus English-OCR letter slips (`s6`, `é`, `u'`) in 10 % of the words that can have one.
VARIANTS = {"diacritics": lambda text, seed: text, "stripped": lambda text, seed: unidecode(text), "lossy": _lossy}


def score_document(doc: DocumentText, gold: dict, stripped: bool, restore: str) -> dict:
    norm = normalize_document(doc, NormalizeOptions(restore=restore))
    ext = extract_plan(norm).model_dump(mode="json")
    out = {"fields": {}, "fields_folded": {}, "refs": {}}
    for f in HEADER_FIELDS:
        p, g = _get(ext["document"], f), _get(gold["document"], f)
        out["fields"][f] = _same(f, p, g, folded=False)
        out["fields_folded"][f] = _same(f, p, g, folded=True)
        if not out["fields"][f]:
            out.setdefault("misses", []).append({"field": f, "pred": p, "gold": g})
    pred_refs = {r["number"]: r for r in ext["references"]}
    gold_refs = {r["number"]: r for r in gold["references"]}
    matched = set(pred_refs) & set(gold_refs)
    right = right_folded = 0
    for n in matched:
        ok = [_same(k, pred_refs[n][k], gold_refs[n][k], False) for k in ("doc_type", "date", "issuer")]
        okf = [_same(k, pred_refs[n][k], gold_refs[n][k], True) for k in ("doc_type", "date", "issuer")]
        right += all(ok)
        right_folded += all(okf)
        if not all(ok):
            out.setdefault("ref_misses", []).append({"pred": {k: pred_refs[n][k] for k in ("doc_type", "date", "issuer")},
                                                     "gold": {k: gold_refs[n][k] for k in ("doc_type", "date", "issuer")}})
    out["refs"] = {"pred": len(pred_refs), "gold": len(gold_refs), "matched": len(matched), "right": right,
                   "right_folded": right_folded}
    gp, pp = gold.get("parent_plan"), ext.get("parent_plan")
    out["parent_ok"] = (gp is None and pp is None) or bool(gp and pp and gp["number"] == pp["number"])
    return out


def summarize(rows: list[dict]) -> dict:
    n = len(rows)
    fields = {f: sum(r["fields"][f] for r in rows) / n for f in HEADER_FIELDS}
    fields_folded = {f: sum(r["fields_folded"][f] for r in rows) / n for f in HEADER_FIELDS}
    tot = Counter()
    for r in rows:
        tot.update(r["refs"])
    p = tot["matched"] / tot["pred"] if tot["pred"] else 0.0
    rec = tot["matched"] / tot["gold"] if tot["gold"] else 0.0
    return {
        "plans": n,
        "header_fields": fields,
        "header_mean": sum(fields.values()) / len(fields),
        "header_mean_folded": sum(fields_folded.values()) / len(fields_folded),
        "header_fields_folded": fields_folded,
        "ref_precision": p, "ref_recall": rec, "ref_f1": 2 * p * rec / (p + rec) if p + rec else 0.0,
        "ref_fully_right": tot["right"] / tot["gold"] if tot["gold"] else 0.0,
        "ref_fully_right_folded": tot["right_folded"] / tot["gold"] if tot["gold"] else 0.0,
        "parent_plan_right": sum(r["parent_ok"] for r in rows) / n,
    }


def _seeds(spec: str) -> list[int]:
    a, _, b = spec.partition("-")
    return list(range(int(a), int(b or a) + 1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="1000-1099", help="range of generator seeds, e.g. 1000-1099")
    ap.add_argument("--restore", default="never", choices=["never", "auto", "always"])
    ap.add_argument("--json", help="write per-plan misses and the summary here")
    ap.add_argument("--show-misses", type=int, default=0, help="print this many misses per variant")
    ap.add_argument("--files", help="instead of generated plans: a folder with raw/*.txt and gold/*.json "
                                    "(e.g. data/heldout); only the summary is printed")
    args = ap.parse_args(argv)
    if args.files:
        return _score_folder(Path(args.files), args.restore)
    from kehoach.synth.plan_text import generate_plan

    report = {}
    for variant in VARIANTS:
        rows = []
        for seed in _seeds(args.seeds):
            plan = generate_plan(seed)
            row = score_document(_doc_text(VARIANTS[variant](plan.text, seed), f"synth-{seed}"), plan.gold,
                                 variant != "diacritics", args.restore)
            row["seed"] = seed
            rows.append(row)
        report[variant] = {"summary": summarize(rows), "misses": [
            {"seed": r["seed"], "misses": r.get("misses", []), "ref_misses": r.get("ref_misses", [])}
            for r in rows if r.get("misses") or r.get("ref_misses")]}
    cols = [(v, False) for v in VARIANTS] + [(v, True) for v in VARIANTS if v != "diacritics"]
    names = [v if not folded else f"{v}, folded" for v, folded in cols]
    print(f"{'field':18} " + " ".join(f"{n:>17}" for n in names))

    def cell(v, folded, key):
        summ = report[v]["summary"]
        if key in HEADER_FIELDS:
            return summ["header_fields_folded" if folded else "header_fields"][key]
        if key == "HEADER (mean)":
            return summ["header_mean_folded" if folded else "header_mean"]
        return summ.get(key + "_folded", summ[key]) if folded else summ[key]

    for key in HEADER_FIELDS + ["HEADER (mean)", "ref_precision", "ref_recall", "ref_f1", "ref_fully_right",
                                "parent_plan_right"]:
        print(f"{key:18} " + " ".join(f"{cell(v, f, key):17.1%}" for v, f in cols))
    if args.show_misses:
        for variant in report:
            print(f"--- {variant} misses")
            for m in report[variant]["misses"][: args.show_misses]:
                print(json.dumps(m, ensure_ascii=False)[:600])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=1)
    return 0


def _score_folder(folder: Path, restore: str) -> int:
    from normalize.encoding import read_text_document

    rows = []
    for raw in sorted((folder / "raw").glob("*.txt")):
        gold_path = folder / "gold" / f"{raw.stem}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        row = score_document(read_text_document(raw), gold, stripped=False, restore=restore)
        rows.append(row)
        folded = sum(row["fields_folded"].values())
        print(f"{raw.stem:32} header {sum(row['fields'].values())}/{len(HEADER_FIELDS)} "
              f"(folded {folded}/{len(HEADER_FIELDS)})  refs matched {row['refs']['matched']}/{row['refs']['gold']} "
              f"of {row['refs']['pred']} predicted, fully right {row['refs']['right']}  parent "
              f"{'ok' if row['parent_ok'] else 'wrong'}")
    if not rows:
        print(f"no raw/*.txt with gold/*.json in {folder}", file=sys.stderr)
        return 2
    s = summarize(rows)
    print(f"{'field':18} {'exact':>7} {'folded':>7}")
    for f in HEADER_FIELDS:
        print(f"{f:18} {s['header_fields'][f]:7.1%} {s['header_fields_folded'][f]:7.1%}")
    print(f"{'HEADER (mean)':18} {s['header_mean']:7.1%} {s['header_mean_folded']:7.1%}")
    for k in ("ref_precision", "ref_recall", "ref_f1", "ref_fully_right", "parent_plan_right"):
        print(f"{k:18} {s[k]:7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
