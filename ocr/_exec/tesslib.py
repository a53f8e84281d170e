"""Tesseract in the worker process (the `tesserocr` binding): the language model loads once.

A `tesseract` process spends ~0.27 CPU s loading `vie+Vietnamese` (0.15 s `vie`) before it reads
anything, and a scanned page took 2-3 such processes (the page, its table cells, lost lines).
Here one engine per language set lives as long as the worker and reads every page and crop of
every document it is given, with the same parameters and pixels as the program. tesserocr's wheel
carries its own Tesseract (5.5.4) and reads the program's models; Debian's program is 5.3.0, so
a few words of a page may differ (specks, spacing: tests/test_ocr_tesslib.py, docs/ocr.md).

`engine(languages)` returns None when tesserocr cannot be imported, the model cannot be loaded or
KEHOACH_TESSERACT_CLI=1: `ocr._exec.tesseract` then runs the `tesseract` program as before
(`unavailable(languages)` says why; `kehoach doctor` prints it). A call cannot be killed like a
process: its timeout is Tesseract's own deadline (the page comes back cut short and
`EngineTimeout` is raised), and `kehoach run --timeout` still kills a stuck worker.
"""
from __future__ import annotations

import atexit
import os
import threading
import time

import numpy as np

_lock = threading.Lock()
_engines: dict[str, "Engine"] = {}
_failures: dict[str, str] = {}  # language set -> why no engine (the program is used)
_pid = os.getpid()


# the command line writes this header once per output (TessTsvRenderer); the API leaves it out
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


class EngineError(RuntimeError):
    pass


class EngineTimeout(EngineError):
    pass


def _tessdata() -> str:
    """The models the `tesseract` program reads (TESSDATA_PREFIX first, as the program does)."""
    if os.environ.get("TESSDATA_PREFIX"):
        return os.environ["TESSDATA_PREFIX"]
    from ocr._exec.deps import tesseract_info

    return tesseract_info().tessdata


class Engine:
    """One initialised tesserocr API: `tsv(image, psm, {name: value})` reads like
    `tesseract stdin stdout -l L --psm N -c name=value tsv` (string variables: whitelists)."""

    def __init__(self, languages: str, tessdata: str):
        import tesserocr

        self.languages = languages
        self.name = f"tesseract {tesserocr.PyTessBaseAPI.Version()} (in process, tesserocr {tesserocr.__version__})"
        self.busy = threading.Lock()  # one page at a time: a TessBaseAPI is not thread-safe
        try:
            self.api = tesserocr.PyTessBaseAPI(path=tessdata.rstrip("/") + "/", lang=languages)
        except RuntimeError as exc:
            raise EngineError(f"tesserocr could not load the language model(s) {languages} from {tessdata}: {exc}") from exc
        # the command line prints its notes ("Estimating resolution as ...") to stderr we discard
        self.api.SetVariable("debug_file", os.devnull)

    def tsv(self, image: np.ndarray, psm: int, variables: dict[str, str] | None = None,
            timeout: float = 180.0) -> str:
        image = np.ascontiguousarray(image, dtype=np.uint8)
        if image.ndim != 2:
            raise EngineError("the Tesseract engine is given grey pages only")
        with self.busy:
            return self._tsv(image, psm, variables or {}, timeout)

    def _tsv(self, image: np.ndarray, psm: int, variables: dict[str, str], timeout: float) -> str:
        api, defaults = self.api, {}
        try:
            for name, value in variables.items():
                default = api.GetVariableAsString(name)
                if default is None or not api.SetVariable(name, value):
                    raise EngineError(f"not a Tesseract string variable: {name}")
                defaults[name] = default
            api.SetPageSegMode(psm)
            pixels = image.tobytes()  # tesserocr does not copy: kept alive until the TSV is out
            api.SetImageBytes(pixels, image.shape[1], image.shape[0], 1, image.shape[1])
            t0 = time.monotonic()
            done = api.Recognize(timeout=max(1, int(timeout * 1000)))
            if time.monotonic() - t0 >= timeout:
                raise EngineTimeout(f"Tesseract took longer than {timeout:g} s")
            if not done:
                raise EngineError("Tesseract could not read the image")
            return TSV_HEADER + (api.GetTSVText(0) or "")
        finally:
            api.Clear()
            for name, value in defaults.items():  # the next call starts from the defaults, as a new process would
                api.SetVariable(name, value)

    def close(self) -> None:
        if self.api is not None:
            self.api.End()
            self.api = None


def program_asked() -> bool:
    """KEHOACH_TESSERACT_CLI=1 (yes/true) asks for the `tesseract` program; 0, no, false or unset do not."""
    return os.environ.get("KEHOACH_TESSERACT_CLI", "").strip().lower() not in ("", "0", "no", "false")


def not_installed() -> bool:
    import importlib.util
    return importlib.util.find_spec("tesserocr") is None


def engine_ref() -> str:
    """What will read the pages, without loading a model (for cache keys): the pages of a scan read
    by tesserocr's Tesseract and by Debian's program differ in a few words."""
    if program_asked():
        return "program"
    try:
        from importlib.metadata import PackageNotFoundError, version
        return f"tesserocr {version('tesserocr')}"
    except PackageNotFoundError:
        return "program"


def _make(languages: str) -> Engine | None:
    try:
        import tesserocr  # noqa: F401
    except ImportError as exc:
        _failures[languages] = f"tesserocr cannot be imported ({exc})"
        return None
    try:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        return Engine(languages, _tessdata())
    except Exception as exc:  # no program to ask for the models, or a model that does not load
        _failures[languages] = getattr(exc, "message", None) or str(exc)
        return None


def engine(languages: str) -> Engine | None:
    """The process's engine for `languages` (created on first use), or None: use the program."""
    global _pid
    if program_asked():
        return None
    with _lock:
        if _pid != os.getpid():  # forked after an engine was made: the child makes its own
            _engines.clear()
            _failures.clear()
            _pid = os.getpid()
        if languages not in _engines and languages not in _failures:
            made = _make(languages)
            if made is not None:
                _engines[languages] = made
        return _engines.get(languages)


def unavailable(languages: str) -> str | None:
    """Why `languages` is read by the `tesseract` program instead of the in-process engine; None if it is not."""
    if program_asked():
        return "KEHOACH_TESSERACT_CLI is set"
    if engine(languages) is None:
        return _failures.get(languages, "the engine could not be made")
    return None


@atexit.register
def _close_all() -> None:  # ends the engines so Tesseract does not report its models as leaked
    if _pid == os.getpid():
        for e in _engines.values():
            e.close()
    _engines.clear()
