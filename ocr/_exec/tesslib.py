"""Tesseract in the worker process (libtesseract's C API through ctypes): the model loads once.

A `tesseract` process spends ~0.27 CPU s loading `vie+Vietnamese` (0.15 s `vie`) before it reads
anything, and a scanned page took 2-3 such processes (the page, its table cells, lost lines).
Here one engine per language set lives as long as the worker and reads every page and crop of
every document it is given. Same library, same parameters, same pixels: the TSV is the same as
the command line's (checked in tests/test_ocr_tesslib.py and on the bench pages).

`engine(languages)` returns None when the library cannot be loaded or KEHOACH_TESSERACT_CLI=1:
`ocr._exec.tesseract` then runs the `tesseract` program as before. A call cannot be killed like
a process: its timeout is Tesseract's own deadline (the page comes back cut short and
`TesseractTimeout` is raised), and `kehoach run --timeout` still kills a stuck worker.
"""
from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import threading
import time

import numpy as np

_lock = threading.Lock()
_engines: dict[str, "Engine"] = {}
_lib = None
_lib_failed = False
_pid = os.getpid()


# the command line writes this header once per output (TessTsvRenderer); the API leaves it out
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


class EngineError(RuntimeError):
    pass


class EngineTimeout(EngineError):
    pass


def _load_library():
    global _lib, _lib_failed
    if _lib is not None or _lib_failed:
        return _lib
    name = ctypes.util.find_library("tesseract") or "libtesseract.so.5"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        _lib_failed = True
        return None
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    lib.TessBaseAPICreate.restype = p
    lib.TessBaseAPIInit3.argtypes = [p, s, s]
    lib.TessBaseAPISetVariable.argtypes = [p, s, s]
    lib.TessBaseAPIGetStringVariable.argtypes = [p, s]
    lib.TessBaseAPIGetStringVariable.restype = s
    lib.TessBaseAPISetPageSegMode.argtypes = [p, i]
    lib.TessBaseAPISetImage.argtypes = [p, p, i, i, i, i]
    lib.TessBaseAPIRecognize.argtypes = [p, p]
    lib.TessBaseAPIGetTsvText.argtypes = [p, i]
    lib.TessBaseAPIGetTsvText.restype = p
    lib.TessDeleteText.argtypes = [p]
    lib.TessBaseAPIClear.argtypes = [p]
    lib.TessBaseAPIEnd.argtypes = [p]
    lib.TessBaseAPIDelete.argtypes = [p]
    lib.TessMonitorCreate.restype = p
    lib.TessMonitorSetDeadlineMSecs.argtypes = [p, i]
    lib.TessMonitorDelete.argtypes = [p]
    _lib = lib
    return lib


class Engine:
    """One initialised TessBaseAPI: `tsv(image, psm, {name: value})` reads like
    `tesseract stdin stdout -l L --psm N -c name=value tsv` (string variables: whitelists)."""

    def __init__(self, lib, languages: str):
        self.lib, self.languages = lib, languages
        self.busy = threading.Lock()  # one page at a time: a TessBaseAPI is not thread-safe
        self.handle = lib.TessBaseAPICreate()
        if not self.handle or lib.TessBaseAPIInit3(self.handle, None, languages.encode()) != 0:
            raise EngineError(f"libtesseract could not load the language model(s) {languages}")
        # the command line prints its notes ("Estimating resolution as ...") to stderr we discard
        lib.TessBaseAPISetVariable(self.handle, b"debug_file", os.devnull.encode())

    def tsv(self, image: np.ndarray, psm: int, variables: dict[str, str] | None = None,
            timeout: float = 180.0) -> str:
        image = np.ascontiguousarray(image, dtype=np.uint8)
        if image.ndim != 2:
            raise EngineError("libtesseract is given grey pages only")
        with self.busy:
            return self._tsv(image, psm, variables or {}, timeout)

    def _tsv(self, image: np.ndarray, psm: int, variables: dict[str, str], timeout: float) -> str:
        lib, h = self.lib, self.handle
        defaults: dict[str, bytes] = {}
        monitor = lib.TessMonitorCreate()
        try:
            for name, value in variables.items():
                default = lib.TessBaseAPIGetStringVariable(h, name.encode())
                if default is None or not lib.TessBaseAPISetVariable(h, name.encode(), value.encode()):
                    raise EngineError(f"not a Tesseract string variable: {name}")
                defaults[name] = default
            lib.TessBaseAPISetPageSegMode(h, psm)
            lib.TessBaseAPISetImage(h, image.ctypes.data, image.shape[1], image.shape[0], 1, image.strides[0])
            lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(timeout * 1000)))
            t0 = time.monotonic()
            failed = lib.TessBaseAPIRecognize(h, monitor) != 0
            if time.monotonic() - t0 >= timeout:
                raise EngineTimeout(f"Tesseract took longer than {timeout:g} s")
            if failed:
                raise EngineError("Tesseract could not read the image")
            text = lib.TessBaseAPIGetTsvText(h, 0)
            try:
                return TSV_HEADER + (ctypes.string_at(text).decode("utf-8", "replace") if text else "")
            finally:
                if text:
                    lib.TessDeleteText(text)
        finally:
            lib.TessMonitorDelete(monitor)
            lib.TessBaseAPIClear(h)
            for name, value in defaults.items():  # the next call starts from the defaults, as a new process would
                lib.TessBaseAPISetVariable(h, name.encode(), value)

    def close(self) -> None:
        if self.handle:
            self.lib.TessBaseAPIEnd(self.handle)
            self.lib.TessBaseAPIDelete(self.handle)
            self.handle = None


def engine(languages: str) -> Engine | None:
    """The process's engine for `languages` (created on first use), or None: use the program."""
    global _pid
    if os.environ.get("KEHOACH_TESSERACT_CLI"):
        return None
    with _lock:
        if _pid != os.getpid():  # forked after an engine was made: the child makes its own
            _engines.clear()
            _pid = os.getpid()
        if languages not in _engines:
            lib = _load_library()
            if lib is None:
                return None
            os.environ.setdefault("OMP_THREAD_LIMIT", "1")
            _engines[languages] = Engine(lib, languages)
        return _engines[languages]


@atexit.register
def _close_all() -> None:  # ends the engines so Tesseract does not report its models as leaked
    if _pid == os.getpid():
        for e in _engines.values():
            e.close()
    _engines.clear()
