"""Tesseract: TSV words, OSD orientation, each call with a timeout.

Pages and crops are read by the worker's own engine (tesserocr, `ocr/_exec/tesslib.py`: the
language model is loaded once per process) when it loads; otherwise, and for OSD, by
the `tesseract` program. There, the page goes to Tesseract's stdin as a PGM (a header and the
raw pixels: nothing to compress, no temp file) and the TSV comes back on stdout. No pytesseract: it imports pandas (~0.25 s of CPU
per process) and writes every image to a temp file. Every call runs with OMP_THREAD_LIMIT=1:
Tesseract's OpenMP threads fight each other when pages (or documents) already run in parallel,
and are slower even alone on a small machine.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from ocr._exec import tesslib
from ocr._exec.deps import TesseractInfo, require_tesseract
from ocr.types import Word

os.environ["OMP_THREAD_LIMIT"] = "1"  # inherited by every Tesseract process
_cmd = "tesseract"  # the binary `check` found


class TesseractTimeout(RuntimeError):
    pass


class TesseractFailed(RuntimeError):
    pass


def check(languages: str = "vie") -> TesseractInfo:
    """Binary, version floor and language models; MissingDependencyError with the apt-get line.
    Its `engine` names the in-process engine when that is what reads the pages."""
    global _cmd
    info = require_tesseract(languages)
    _cmd = info.path
    in_process = tesslib.engine(languages)
    return replace(info, in_process=in_process.name) if in_process else info


def _run(args: list[str], timeout: float, stdin: bytes | None = None) -> str:
    """`tesseract <args>`; its stdout as text. TesseractTimeout / TesseractFailed on trouble."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run([_cmd, *args], input=stdin, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as exc:  # run() has killed it
        raise TesseractTimeout(f"Tesseract took longer than {timeout:g} s") from exc
    except OSError as exc:
        raise TesseractFailed(f"Tesseract could not start: {exc}") from exc
    if done.returncode != 0:
        raise TesseractFailed(f"Tesseract failed: {done.stderr.decode('utf-8', 'replace').strip()[-300:]}")
    return done.stdout.decode("utf-8", "replace")


def _read_image(image: np.ndarray, args: list[str], timeout: float) -> str:
    ok, pgm = cv2.imencode(".pgm", image)  # uint8 grey; PNG-encoding a noisy page costs seconds
    if not ok:
        raise TesseractFailed("could not encode the page image for Tesseract")
    return _run(["stdin", "stdout", *args], timeout, pgm.tobytes())


def _engine_tsv(images: list[np.ndarray], languages: str, psm: int, config: str, timeout: float) -> list[str] | None:
    """TSV of each image from the worker's own Tesseract engine (ocr/_exec/tesslib.py: the model
    is loaded once per process, not once per call); None when only the program is available."""
    try:
        engine = tesslib.engine(languages)
        if engine is None:
            return None
        variables = dict(item.split("=", 1) for item in config.split() if item != "-c")
        deadline, out = time.monotonic() + timeout, []
        for image in images:  # `timeout` is for all the images, as for one process
            left = deadline - time.monotonic()
            if left <= 0:
                raise TesseractTimeout(f"Tesseract took longer than {timeout:g} s")
            out.append(engine.tsv(image, psm, variables, left))
        return out
    except tesslib.EngineTimeout as exc:
        raise TesseractTimeout(str(exc)) from exc
    except tesslib.EngineError as exc:
        raise TesseractFailed(str(exc)) from exc


def image_to_tsv(image: np.ndarray, languages: str, psm: int = 3, timeout: float = 180.0) -> str:
    """Raw TSV of one page image (grey or binary uint8)."""
    read = _engine_tsv([image], languages, psm, "", timeout)
    if read is not None:
        return read[0]
    return _read_image(image, ["-l", languages, "--psm", str(psm), "tsv"], timeout)


def parse_tsv(tsv: str) -> list[Word]:
    """Words (level 5 rows with text) of Tesseract TSV output, in Tesseract's order."""
    words: list[Word] = []
    lines = tsv.splitlines()
    if not lines:
        return words
    header = lines[0].split("\t")
    col = {name: i for i, name in enumerate(header)}
    need = ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height", "conf", "text")
    if any(n not in col for n in need):
        raise TesseractFailed("Tesseract TSV output has no header row")
    for ln in lines[1:]:
        parts = ln.split("\t")
        if len(parts) < len(header):
            parts += [""] * (len(header) - len(parts))
        if parts[col["level"]] != "5":
            continue
        text = parts[col["text"]].strip()
        if not text:
            continue
        try:
            conf = float(parts[col["conf"]])
        except ValueError:
            conf = -1.0
        words.append(
            Word(
                text=text,
                left=int(parts[col["left"]]),
                top=int(parts[col["top"]]),
                width=int(parts[col["width"]]),
                height=int(parts[col["height"]]),
                conf=max(conf, 0.0),
                block=int(parts[col["block_num"]]),
                par=int(parts[col["par_num"]]),
                line=int(parts[col["line_num"]]),
            )
        )
    return words


OSD_MAX_WIDTH = 1400  # pixels; an A4 page at 300 dpi is ~2480 wide


@dataclass(frozen=True)
class Orientation:
    rotate: int  # degrees clockwise to turn the image upright (0, 90, 180, 270)
    confidence: float


def detect_orientation(image: np.ndarray, timeout: float = 60.0) -> Orientation | None:
    """Tesseract OSD; None when the page has too little text to decide (Tesseract then errors)."""
    # OSD only needs glyph shapes: a half-size page (~150 dpi) decides as well at a third of the cost.
    if image.shape[1] > OSD_MAX_WIDTH:
        scale = OSD_MAX_WIDTH / image.shape[1]
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    try:
        out = _read_image(image, ["-l", "osd", "--psm", "0"], timeout)
    except (TesseractFailed, TesseractTimeout):
        return None
    rot = re.search(r"Rotate:\s*(\d+)", out)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rot:
        return None
    return Orientation(int(rot.group(1)) % 360, float(conf.group(1)) if conf else 0.0)


def images_to_words(images: list[np.ndarray], languages: str, psm: int = 6, config: str = "",
                    timeout: float = 180.0) -> list[list[Word]]:
    """Words of many small images (table cells) from the worker's engine, else from ONE Tesseract
    process: either way the model is loaded once.

    Tesseract reads a text file listing image paths as a multi-page input; TSV `page_num` tells
    the images apart. `config` adds options such as `-c tessedit_char_whitelist=0123456789.`.
    """
    if not images:
        return []
    read = _engine_tsv(images, languages, psm, config, timeout)
    if read is not None:
        return [parse_tsv(tsv) for tsv in read]
    with tempfile.TemporaryDirectory(prefix="kehoach-tess-") as tmp:
        paths = []
        for i, image in enumerate(images):
            path = str(Path(tmp) / f"cell{i:05d}.pgm")
            if not cv2.imwrite(path, image):
                raise TesseractFailed("could not write a cell image for Tesseract")
            paths.append(path)
        listing = Path(tmp) / "cells.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        out = _run([str(listing), "stdout", "-l", languages, "--psm", str(psm), *config.split(), "tsv"], timeout)
    lines = out.splitlines()
    if not lines:
        return [[] for _ in images]
    header, pages = lines[0], [[] for _ in images]
    page_col = header.split("\t").index("page_num") if "page_num" in header.split("\t") else None
    if page_col is None:
        raise TesseractFailed("Tesseract TSV output has no header row")
    for ln in lines[1:]:
        parts = ln.split("\t")
        if len(parts) > page_col and parts[page_col].isdigit() and 0 < int(parts[page_col]) <= len(images):
            pages[int(parts[page_col]) - 1].append(ln)
    return [parse_tsv("\n".join([header] + rows)) for rows in pages]
