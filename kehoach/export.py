"""`kehoach export DIR --format jsonl|parquet|csv`: a batch output folder -> five flat tables.

Tables: documents, references, index_results, index_targets, tasks. Every row carries the
document key (file, sha256) and its output name; child rows carry `position` (order in the plan).
Lists (lead, partners, actions, indices, warnings) stay lists in jsonl and parquet and are joined
with "; " in CSV. Columns and types are fixed, so an empty table still has its header.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

from kehoach.errors import ExitCode, UsageError
from kehoach.outdir import MANIFEST, read_manifest

LIST_SEPARATOR = "; "
KEY = [("file", "str"), ("sha256", "str"), ("output", "str")]
EVIDENCE = [("evidence_page", "int"), ("evidence_text", "str")]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": KEY + [
        ("media_type", "str"), ("pages", "int"), ("text_origin", "str"), ("diacritics", "str"),
        ("ocr_engine", "str"), ("ocr_mean_confidence", "float"), ("low_confidence_pages", "list_int"),
        ("doc_type", "str"), ("number", "str"), ("title", "str"), ("issue_date", "str"), ("issue_place", "str"),
        ("issuer_name", "str"), ("issuer_superior", "str"), ("issuer_level", "str"), ("issuer_province", "str"),
        ("signer_name", "str"), ("signer_position", "str"), ("indices", "list"),
        ("period_from", "int"), ("period_to", "int"),
        ("parent_doc_type", "str"), ("parent_number", "str"), ("parent_date", "str"), ("parent_issuer", "str"),
        ("n_references", "int"), ("n_index_results", "int"), ("n_index_targets", "int"), ("n_tasks", "int"),
        ("warnings", "list"),
    ],
    "references": KEY + [("position", "int"), ("doc_type", "str"), ("number", "str"), ("date", "str"),
                         ("issuer", "str"), ("subject", "str")] + EVIDENCE,
    "index_results": KEY + [("position", "int"), ("index", "str"), ("component", "str"), ("year", "int"),
                            ("scope", "str"), ("score", "float"), ("max_score", "float"), ("percent", "float"),
                            ("rank", "int"), ("rank_total", "int")] + EVIDENCE,
    "index_targets": KEY + [("position", "int"), ("index", "str"), ("component", "str"), ("year", "int"),
                            ("metric", "str"), ("comparator", "str"), ("value", "float"), ("value_max", "float"),
                            ("out_of", "float")] + EVIDENCE,
    "tasks": KEY + [("position", "int"), ("source", "str"), ("id", "str"), ("index", "str"), ("area", "str"),
                    ("content", "str"), ("target", "str"), ("actions", "list"), ("lead", "list"),
                    ("partners", "list"), ("deadline", "str"), ("deadline_date", "str")] + EVIDENCE,
}
FORMATS = {"jsonl": ".jsonl", "parquet": ".parquet", "csv": ".csv"}


def add_arguments(p) -> None:
    p.add_argument("dir", metavar="DIR", help="a `kehoach run` output folder")
    p.add_argument("--format", choices=sorted(FORMATS), default="jsonl", help="table format (default jsonl)")
    p.add_argument("--out", metavar="DIR2", help="where the tables go (default DIR/export)")


def main(args) -> int:
    src = Path(args.dir)
    if not src.is_dir():
        raise UsageError(f"{src}: no such folder", "give the --out folder of a `kehoach run`")
    plans, bad = load_plans(src)
    if not plans and not bad:
        raise UsageError(f"{src}: no plan JSON files found", "run `kehoach run INPUT --out DIR` first")
    for path, error in bad:
        print(f"kehoach export: skipped {path}: {error}", file=sys.stderr)
    tables = flatten(plans)
    out = Path(args.out) if args.out else src / "export"
    for name, path in write_tables(tables, args.format, out).items():
        print(f"{name}: {len(tables[name])} rows -> {path}", file=sys.stderr)
    return ExitCode.some_failed if bad else ExitCode.ok


def plan_files(src: Path) -> list[Path]:
    """The manifest's latest successful output per name (a batch folder), else every *.json, sorted."""
    manifest = src / MANIFEST
    if manifest.is_file():
        latest: dict[str, dict] = {}
        for entry in read_manifest(manifest):
            if entry.get("output"):
                latest[entry["output"]] = entry
        return sorted(src / name for name, e in latest.items() if e.get("status") == "ok" and (src / name).is_file())
    return sorted(src.glob("*.json"))


def load_plans(src: Path) -> tuple[list[tuple[str, dict]], list[tuple[Path, str]]]:
    plans, bad = [], []
    for path in plan_files(src):
        try:
            plan = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(plan, dict) or "source" not in plan:
                raise ValueError("not a plan (no `source`)")
        except (OSError, ValueError) as exc:
            bad.append((path, str(exc)))
            continue
        plans.append((path.name, plan))
    return plans, bad


def flatten(plans: list[tuple[str, dict]]):
    """Plans -> {table name: DataFrame} with the fixed columns and dtypes of COLUMNS."""
    import pandas as pd

    rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for output, plan in plans:
        for table, row in _rows(output, plan):
            rows[table].append(row)
    frames = {}
    for name, columns in COLUMNS.items():
        df = pd.DataFrame(rows[name], columns=[c for c, _ in columns])
        frames[name] = df.astype({c: _PANDAS_DTYPES[t] for c, t in columns})
    return frames


_PANDAS_DTYPES = {"str": "object", "int": "Int64", "float": "Float64", "list": "object", "list_int": "object"}


def _rows(output: str, plan: dict) -> Iterator[tuple[str, dict]]:
    source = plan.get("source") or {}
    key = {"file": source.get("file"), "sha256": source.get("sha256"), "output": output}
    doc = plan.get("document") or {}
    issuer, signer, period = doc.get("issuer") or {}, doc.get("signer") or {}, doc.get("period") or {}
    ocr, parent = source.get("ocr") or {}, plan.get("parent_plan") or {}
    yield "documents", {
        **key, "media_type": source.get("media_type"), "pages": source.get("pages"),
        "text_origin": source.get("text_origin"), "diacritics": source.get("diacritics"),
        "ocr_engine": ocr.get("engine"), "ocr_mean_confidence": ocr.get("mean_confidence"),
        "low_confidence_pages": list(ocr.get("low_confidence_pages") or []),
        **{k: doc.get(k) for k in ("doc_type", "number", "title", "issue_date", "issue_place")},
        **{f"issuer_{k}": issuer.get(k) for k in ("name", "superior", "level", "province")},
        "signer_name": signer.get("name"), "signer_position": signer.get("position"),
        "indices": list(doc.get("indices") or []),
        "period_from": period.get("from_year"), "period_to": period.get("to_year"),
        **{f"parent_{k}": parent.get(k) for k in ("doc_type", "number", "date", "issuer")},
        **{f"n_{k}": len(plan.get(k) or []) for k in ("references", "index_results", "index_targets", "tasks")},
        "warnings": list(plan.get("warnings") or []),
    }
    for table in ("references", "index_results", "index_targets", "tasks"):
        names = [c for c, _ in COLUMNS[table]][len(KEY) + 1:]
        for position, item in enumerate(plan.get(table) or [], start=1):
            evidence = item.get("evidence") or {}
            row = {**key, "position": position, **{c: item.get(c) for c in names}}
            row["evidence_page"], row["evidence_text"] = evidence.get("page"), evidence.get("text")
            for c, kind in COLUMNS[table]:
                if kind == "list":
                    row[c] = list(row[c] or [])
            yield table, row


def write_tables(tables, fmt: str, out: Path) -> dict[str, Path]:
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt}: expected one of {', '.join(sorted(FORMATS))}")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, df in tables.items():
        path = out / f"{name}{FORMATS[fmt]}"
        tmp = path.with_name(f".{path.name}.tmp")
        if fmt == "csv":
            _for_csv(df, COLUMNS[name]).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
        elif fmt == "jsonl":
            tmp.write_text(_to_jsonl(df), encoding="utf-8")
        else:
            _to_parquet(df, COLUMNS[name], tmp)
        tmp.replace(path)
        written[name] = path
    return written


def _for_csv(df, columns):
    df = df.copy()
    for c, kind in columns:
        if kind in ("list", "list_int"):
            df[c] = df[c].map(lambda v: LIST_SEPARATOR.join(map(str, v)))
    return df


def _to_jsonl(df) -> str:
    plain = df.astype(object).where(df.notna(), None)  # pd.NA -> null; lists stay lists
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in plain.to_dict("records"))


def _to_parquet(df, columns, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string()),
             "list_int": pa.list_(pa.int64())}
    schema = pa.schema([(c, types[kind]) for c, kind in columns])
    pq.write_table(pa.Table.from_pandas(df, schema=schema, preserve_index=False), path)
