"""`kehoach run INPUT... --out DIR`: many documents -> one plan JSON each + manifest.jsonl.

The parent walks the inputs, hashes each document, skips those already done with the same key,
hands the rest to an engine (local worker processes, or Dask) and writes every result itself:
atomically, then one fsynced manifest line. See docs/batch.md.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Iterator, Optional

from kehoach.config import PipelineConfig
from kehoach.errors import ExitCode, UsageError
from kehoach.inputs import LocalDocument, count_documents, expand_inputs, iter_documents, sha256_file
from kehoach.outdir import OutputDir
from kehoach.progress import Progress
from kehoach.work import DEFAULT_PROCESSOR, Job, Outcome, document_key

DEFAULT_TIMEOUT = 600.0


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def add_arguments(p) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="PDF, image, .txt file, folder (walked recursively) or .zip/.tar/.tar.gz archive")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder: DIR/<name>.json + DIR/manifest.jsonl")
    p.add_argument("--jobs", type=int, default=default_jobs(), metavar="N",
                   help="worker processes (default: the cores available, %(default)s here)")
    p.add_argument("--force", action="store_true", help="redo documents already done with the same key")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                   help="seconds per document before it is abandoned as failed (0: none; default %(default)g)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: worker processes on this machine; dask: a Dask LocalCluster")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on an existing Dask cluster")
    p.add_argument("--max-tasks-per-child", type=int, default=25, metavar="K",
                   help="restart a local worker after K documents to bound memory (default %(default)s)")
    p.add_argument("--config", metavar="FILE.json",
                   help='stage options, e.g. {"ocr": {"dpi": 400}, "normalize": {"restore": "never"}}')
    p.add_argument("--progress", choices=["auto", "bar", "log"], default="auto",
                   help="bar on a terminal, log lines otherwise (default auto)")
    # tests and benchmarks swap the document processor ("module:function", same signature as
    # kehoach.pipeline.process_document); it is part of the cache key
    p.add_argument("--processor", default=DEFAULT_PROCESSOR, help=argparse.SUPPRESS)


def _check_usage(args) -> None:
    if args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: must be 1 or more")
    if args.timeout < 0:
        raise UsageError(f"--timeout {args.timeout:g}: must be 0 (no limit) or more seconds")
    if args.max_tasks_per_child < 1:
        raise UsageError(f"--max-tasks-per-child {args.max_tasks_per_child}: must be 1 or more")
    if args.scheduler and not args.scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        raise UsageError(f"--scheduler {args.scheduler}: expected an address like tcp://HOST:8786")


def load_config(path: Optional[str]) -> PipelineConfig:
    """PipelineConfig from a JSON file of per-stage options; unknown names are bad usage."""
    if not path:
        return PipelineConfig()
    import dataclasses
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"--config {path}: cannot read it as JSON ({exc})") from None
    default = PipelineConfig()
    unknown = set(data) - {f.name for f in dataclasses.fields(default)} if isinstance(data, dict) else {"<not an object>"}
    if unknown:
        raise UsageError(f"--config {path}: unknown section(s) {sorted(unknown)}", "sections are ocr, normalize, extract")
    try:
        stages = {name: dataclasses.replace(getattr(default, name), **options) for name, options in data.items()}
    except TypeError as exc:
        raise UsageError(f"--config {path}: {exc}") from None
    return dataclasses.replace(default, **stages)


def make_engine(args, config):
    timeout = args.timeout or None
    if args.scheduler or args.engine == "dask":
        from kehoach.distributed import DaskPool

        return DaskPool(args.jobs, args.processor, config, timeout, scheduler=args.scheduler)
    from kehoach.workers import LocalPool

    return LocalPool(args.jobs, args.processor, config, timeout, max_tasks_per_child=args.max_tasks_per_child)


def main(args, config: Optional[PipelineConfig] = None) -> int:
    _check_usage(args)
    paths = expand_inputs(args.inputs)
    config = config or load_config(args.config)
    out = OutputDir(Path(args.out)).open()
    progress = engine = None
    in_flight: dict[int, LocalDocument] = {}
    try:
        engine = make_engine(args, config)
        runtime, notes = engine.runtime(out.state / "models.json")  # where the documents are processed
        for note in notes:
            print(f"kehoach run: {note}", file=sys.stderr, flush=True)
        progress = Progress(count_documents(paths), bar={"auto": None, "bar": True, "log": False}[args.progress])
        previous = {} if args.force else out.previous_results()

        def jobs() -> Iterator[Job]:
            for index, item in enumerate(iter_documents(paths, out.tmp)):
                if isinstance(item, tuple):  # an archive that cannot be read: one failed line for it
                    display, error = item
                    _record(out, progress, display, sha256_file(Path(display)), None, None, Outcome("failed", error))
                    continue
                media_type = _media_type(item.path)
                key = document_key(item.sha256, media_type, config, runtime, args.processor)
                output = out.assign_name(item.stem, item.sha256)
                done = out.is_done(previous, output, key)
                if done:
                    item.discard()
                    _record(out, progress, item.display, item.sha256, key, output,
                            Outcome("ok", pages=done.get("pages")), skipped=True)
                    continue
                in_flight[index] = item
                yield Job(index, item.display, item.sha256, key, output, path=str(item.path), name=item.name,
                          media_type=media_type)

        for job, outcome in engine.imap_unordered(jobs()):
            if outcome.status == "ok" and outcome.plan_json is not None:
                out.write_plan(job.output, outcome.plan_json)
            elif outcome.status == "ok":
                outcome = Outcome("failed", error="internal error: the processor returned no plan")
            _record(out, progress, job.display, job.sha256, job.key, job.output, outcome)
            in_flight.pop(job.index).discard()
    finally:
        if engine is not None:
            engine.close()
        for item in in_flight.values():
            item.discard()
        if progress is not None:
            progress.close(out.root)
        out.close()
    return ExitCode.some_failed if progress.failed else ExitCode.ok


def _record(out: OutputDir, progress: Progress, display: str, sha256: str, key: Optional[str],
            output: Optional[str], outcome: Outcome, skipped: bool = False) -> None:
    entry = {
        "file": display,
        "sha256": sha256,
        "status": outcome.status,
        "error": outcome.error,
        "seconds": 0.0 if skipped else outcome.seconds,
        "key": key,
        "pages": outcome.pages,
        "skipped": skipped,
        "output": output if outcome.status == "ok" else None,
    }
    if outcome.traceback:
        out.log_error(display, outcome.traceback)
    out.append_manifest(entry)
    progress.update(display, outcome.status, outcome.pages, skipped=skipped, error=outcome.error)


def _media_type(path: Path) -> Optional[str]:
    from kehoach.errors import KehoachError
    from kehoach.media import sniff_media_type

    try:
        return sniff_media_type(path)
    except (KehoachError, OSError):
        return None
