"""PLACEHOLDER `kehoach run` (owned by the batch work): sequential, atomic writes, manifest."""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from kehoach.config import PipelineConfig
from kehoach.errors import ExitCode, KehoachError, UsageError
from kehoach.media import SUPPORTED_SUFFIXES


def add_arguments(p):
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)


def _walk(inputs):
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(q for q in path.rglob("*") if q.is_file() and q.suffix.lower() in SUPPORTED_SUFFIXES)
        elif path.is_file():
            yield path
        else:
            raise UsageError(f"{raw}: no such file or folder")


def _atomic_write(path: Path, data: str):
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def main(args) -> int:
    from kehoach.pipeline import process_document, sha256_file

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    with open(out / "manifest.jsonl", "a", encoding="utf-8") as manifest:
        for path in _walk(args.inputs):
            t0 = time.monotonic()
            entry = {"file": str(path), "sha256": sha256_file(path), "status": "ok", "error": None}
            try:
                plan = process_document(path, PipelineConfig(), sha256=entry["sha256"])
                _atomic_write(out / f"{path.stem}.json", json.dumps(plan.to_json_dict(), ensure_ascii=False, indent=2))
                entry["pages"] = plan.source.pages
            except KehoachError as exc:
                entry.update(status="failed", error=str(exc))
                failed += 1
            entry["seconds"] = round(time.monotonic() - t0, 3)
            manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return ExitCode.some_failed if failed else ExitCode.ok
