"""One document = one pure unit of work: (bytes or path, config) -> Outcome.

Runs in a worker process (local pool) or on a Dask worker; it never writes to the output folder,
so the client alone owns the outputs and a batch can be killed at any moment.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from kehoach.errors import KehoachError
from kehoach.inputs import sha256_file

DEFAULT_PROCESSOR = "kehoach.pipeline:process_document"


@dataclass(frozen=True)
class Job:
    """What a worker needs to process one document (picklable, small unless `data` is set)."""

    index: int  # position in the deterministic walk order
    display: str  # `source.file` in the plan and `file` in the manifest
    sha256: str
    key: str  # cache key: content + configuration + models + code
    output: str  # output file name inside DIR
    path: Optional[str] = None  # local path the worker can read...
    data: Optional[bytes] = field(default=None, repr=False)  # ...or the bytes themselves (Dask)
    name: str = ""  # base name of the input; keeps the suffix when bytes land in a temp file
    media_type: Optional[str] = None  # as sniffed by the client: an engine re-keying the job needs it


@dataclass
class Outcome:
    status: str  # ok | failed
    error: Optional[str] = None
    plan_json: Optional[str] = field(default=None, repr=False)  # serialised plan, written by the client
    pages: Optional[int] = None
    seconds: float = 0.0
    traceback: Optional[str] = None  # internal errors only, for DIR/.kehoach/errors.log
    timed_out: bool = False  # the worker was interrupted mid-document: the pool replaces it
    runtime: Optional["Runtime"] = None  # Dask: the set-up of the worker that processed it


class DocumentTimeout(BaseException):
    """Raised inside a worker when a document takes longer than --timeout.

    A BaseException, like KeyboardInterrupt, so that a stage's `except Exception` guard (which
    turns one extractor's bug into a warning) cannot swallow it and return a partial plan.
    """


SINGLE_THREAD_ENV = {
    "OMP_THREAD_LIMIT": "1",  # Tesseract (OpenMP)
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMBA_NUM_THREADS": "1",
}


def single_threaded() -> None:
    """One thread per worker: parallelism comes from processes, and N workers x M library
    threads on N cores only adds switching. Env vars reach libraries loaded later and child
    programs (Tesseract); OpenCV, already loaded by the warm-up, is told directly."""
    os.environ.update(SINGLE_THREAD_ENV)
    cv2 = sys.modules.get("cv2")
    if cv2 is not None:
        try:
            cv2.setNumThreads(1)
        except Exception:
            pass


def resolve(ref: str) -> Callable:
    """'package.module:function' -> the function (lets tests inject a processor in the workers)."""
    module_name, _, attr = ref.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def serialize_plan(plan) -> str:
    data = plan.to_json_dict() if hasattr(plan, "to_json_dict") else plan
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run_job(job: Job, processor_ref: str, config) -> Outcome:
    """Process one document; every failure comes back as data, never as an exception."""
    t0 = time.monotonic()
    tmp_dir = None
    path = job.path
    try:
        if job.data is not None:  # bytes shipped to a remote worker: a private temp file, same base name
            tmp_dir = tempfile.mkdtemp(prefix="kehoach-job-")
            path = os.path.join(tmp_dir, job.name or "document")
            with open(path, "wb") as fh:
                fh.write(job.data)
        processor = resolve(processor_ref)
        plan = processor(Path(path), config, display_name=job.display, sha256=job.sha256)
        text = serialize_plan(plan)
        pages = _pages_of(plan)
        return Outcome("ok", plan_json=_hide_path(text, path, job.display, in_json=True), pages=pages,
                       seconds=round(time.monotonic() - t0, 3))
    except DocumentTimeout as exc:
        return Outcome("failed", error=str(exc), seconds=round(time.monotonic() - t0, 3), timed_out=True)
    except KehoachError as exc:
        return Outcome("failed", error=_hide_path(str(exc), path, job.display), seconds=round(time.monotonic() - t0, 3))
    except Exception as exc:  # a bug or an unforeseen input: recorded, the batch goes on
        return Outcome("failed", error=_hide_path(f"internal error: {type(exc).__name__}: {exc}", path, job.display),
                       traceback=traceback.format_exc(), seconds=round(time.monotonic() - t0, 3))
    finally:
        if tmp_dir:
            _rmtree_quiet(tmp_dir)


def _pages_of(plan) -> Optional[int]:
    source = getattr(plan, "source", None)
    if source is None and isinstance(plan, dict):
        return (plan.get("source") or {}).get("pages")
    return getattr(source, "pages", None)


def _hide_path(text: str, path: Optional[str], display: str, in_json: bool = False) -> str:
    """Messages name the input as the user knows it, not the temp file it was extracted to."""
    if not path or path == display:
        return text
    if in_json:
        return text.replace(json.dumps(path)[1:-1], json.dumps(display, ensure_ascii=False)[1:-1])
    return text.replace(path, display)


def _rmtree_quiet(folder: str) -> None:
    for name in os.listdir(folder):
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass
    try:
        os.rmdir(folder)
    except OSError:
        pass


# --- cache keys ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Runtime:
    """What decides a document's output besides its bytes and the options: the model files, the OCR
    engine and the code, as found where the documents are processed."""

    models: str
    ocr_engine: str
    code: str


def local_runtime(models_cache: Optional[Path] = None) -> Runtime:
    """This machine's runtime (no model is loaded: files are hashed, the engine is named)."""
    from kehoach import __version__
    from ocr._exec.tesslib import engine_ref

    return Runtime(models_version(models_cache), engine_ref(), __version__)


def document_key(sha256: str, media_type: Optional[str], config, runtime: Runtime,
                 processor_ref: str = DEFAULT_PROCESSOR) -> str:
    """Same content + same options that matter for it + same models, engine and code -> same key.

    Plain-text inputs never reach the OCR stage, so OCR options and the engine are left out of
    their key: tuning the OCR invalidates scans only.
    """
    options = config.to_dict()
    if media_type == "text/plain":
        options.pop("ocr", None)
    else:  # the engine is not an option, but it changes what a scan reads
        options["ocr_engine"] = runtime.ocr_engine
    blob = json.dumps(
        {"sha256": sha256, "options": options, "models": runtime.models, "code": runtime.code,
         "processor": processor_ref},
        sort_keys=True, default=str,
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def models_dir() -> Path:
    env = os.environ.get("KEHOACH_MODELS")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "models"


def models_version(cache_file: Optional[Path] = None) -> str:
    """A hash of the files under models/ (and of KEHOACH_RESTORER_MODEL's when set).

    File hashes are cached by (size, mtime) in `cache_file` so a rerun does not re-read big models.
    Nothing is imported: the batch process never loads a model itself.
    """
    parts = ["files=" + _hash_model_files(models_dir(), cache_file)]
    restorer = os.environ.get("KEHOACH_RESTORER_MODEL")  # normalize.restore reads its model from here
    if restorer:
        parts.append("restorer=" + _hash_model_files(Path(restorer), None))
    return ";".join(parts)


def _hash_model_files(root: Path, cache_file: Optional[Path]) -> str:
    cache = {}
    if cache_file and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
    fresh, total = {}, hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file() and _is_model_file(p)) if root.is_dir() else []
    for p in files:
        rel = p.relative_to(root).as_posix()
        st = p.stat()
        stamp = [st.st_size, st.st_mtime_ns]
        hit = cache.get(rel)
        digest = hit[2] if hit and hit[:2] == stamp else sha256_file(p)
        fresh[rel] = stamp + [digest]
        total.update(f"{rel}\0{digest}\n".encode())
    if cache_file and fresh != cache:
        try:
            cache_file.write_text(json.dumps(fresh, sort_keys=True), encoding="utf-8")
        except OSError:
            pass
    return total.hexdigest()[:16]


def _is_model_file(p: Path) -> bool:
    return "__pycache__" not in p.parts and p.suffix not in {".pyc", ".md"} and not p.name.startswith(".")

