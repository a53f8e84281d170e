"""Tables written to --out: per-document and aggregate (TSV + JSON), every disagreement (TSV + JSONL)."""
from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path

from kehoach.evaluation.scoring import DocumentScore, document_row


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value).replace("\t", " ").replace("\n", " ")


def write_tsv(path: Path, rows: list[dict], columns: list[str] | None = None) -> None:
    columns = columns or _columns(rows)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])


def _columns(rows: list[dict]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def text_error_rows(docs: list[DocumentScore]) -> list[dict]:
    """Word errors of the restored text, most frequent first (the restorer's to-do list)."""
    rows = [{"document": d.name, "kind": k, "expected": e, "got": g, "count": n}
            for d in docs if d.text is not None for (k, e, g), n in d.text.confusions.items()]
    return sorted(rows, key=lambda r: (-r["count"], r["document"], r["kind"], r["expected"], r["got"]))


def write_outputs(out_dir: Path, docs: list[DocumentScore], summary: dict, problems: list[str]) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = [document_row(d) for d in docs]
    disagreements = [asdict(x) for d in docs for x in d.disagreements]
    paths = {
        "documents_tsv": out_dir / "documents.tsv",
        "documents_json": out_dir / "documents.json",
        "aggregate_tsv": out_dir / "aggregate.tsv",
        "aggregate_json": out_dir / "aggregate.json",
        "disagreements_tsv": out_dir / "disagreements.tsv",
        "disagreements_jsonl": out_dir / "disagreements.jsonl",
    }
    write_tsv(paths["documents_tsv"], rows)
    write_json(paths["documents_json"], rows)
    write_tsv(paths["aggregate_tsv"], [{"figure": k, "value": v} for k, v in summary.items()], ["figure", "value"])
    write_json(paths["aggregate_json"], {"aggregate": summary, "problems": problems})
    write_tsv(paths["disagreements_tsv"], disagreements, ["document", "field", "expected", "got", "kind"])
    paths["text_errors_tsv"] = out_dir / "text_errors.tsv"
    write_tsv(paths["text_errors_tsv"], text_error_rows(docs), ["document", "kind", "expected", "got", "count"])
    with open(paths["disagreements_jsonl"], "w", encoding="utf-8") as fh:
        for d in disagreements:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return paths
