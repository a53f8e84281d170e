"""`kehoach doctor`: is everything the pipeline calls installed? Prints a table and the exact
install commands; exits 3 (missing_dependency) when something required is missing.

The checks are the ones `ocr/_exec` runs before calling a program, so the advice is the same.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import shutil
import sys
from dataclasses import dataclass

from kehoach.errors import ExitCode, MissingDependencyError
from ocr._exec.deps import APT_PACKAGE, TESSERACT_FLOOR, apt_line, font_installed, tesseract_info
from ocr.options import OcrOptions

# import name -> pip distribution (for the advice line)
PYTHON_DEPS = {
    "pytesseract": "pytesseract", "pdf2image": "pdf2image", "cv2": "opencv-python-headless",
    "numpy": "numpy", "PIL": "Pillow", "pydantic": "pydantic", "jsonschema": "jsonschema",
    "regex": "regex", "jiwer": "jiwer", "fpdf": "fpdf2", "rapidfuzz": "rapidfuzz", "pandas": "pandas",
}
FONTS = {"LiberationSerif-Regular.ttf": "fonts-liberation2", "DejaVuSans.ttf": "fonts-dejavu-core"}


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    apt: str | None = None  # Debian package that fixes it
    pip: str | None = None
    required: bool = True


def run_checks() -> list[Check]:
    checks: list[Check] = []
    try:
        info = tesseract_info()
        floor = ".".join(map(str, TESSERACT_FLOOR))
        ok = info.version[:2] >= TESSERACT_FLOOR
        checks.append(Check("tesseract", ok, f"{info.engine} at {info.path}" + ("" if ok else f" (< {floor})"),
                            APT_PACKAGE["tesseract"]))
        default_langs = OcrOptions().languages.split("+")
        for lang in dict.fromkeys(default_langs + ["vie", "osd", "Vietnamese"]):
            there, required = lang in info.languages, lang in default_langs or lang == "osd"
            checks.append(Check(f"tesseract model {lang}", there, "installed" if there else "missing",
                                APT_PACKAGE[lang], required=required))
        checks.append(_in_process_engine(OcrOptions().languages))
    except MissingDependencyError as exc:
        checks.append(Check("tesseract", False, exc.message, APT_PACKAGE["tesseract"]))
        for lang in ("vie", "osd"):
            checks.append(Check(f"tesseract model {lang}", False, "tesseract missing", APT_PACKAGE[lang]))
    for prog in ("pdftoppm", "pdftotext", "pdfinfo"):
        path = shutil.which(prog)
        checks.append(Check(prog, path is not None, path or "not on PATH", APT_PACKAGE[prog]))
    qpdf = shutil.which("qpdf")
    checks.append(Check("qpdf (tests, decrypting)", qpdf is not None, qpdf or "not on PATH", "qpdf", required=False))
    for font, package in FONTS.items():
        there = font_installed(font)
        checks.append(Check(f"font {font}", there, "installed" if there else "missing", package,
                            required=package == "fonts-liberation2"))
    for module, dist in PYTHON_DEPS.items():
        try:
            importlib.import_module(module)
            checks.append(Check(f"python {module}", True, _dist_version(dist)))
        except Exception as exc:  # any import failure is a broken install
            checks.append(Check(f"python {module}", False, f"{type(exc).__name__}: {exc}", pip=dist))
    return checks


def _in_process_engine(languages: str) -> Check:
    """A note, not a requirement: without the worker's own engine the `tesseract` program reads
    the pages (same words but for a few specks, ~0.3 CPU s more per Tesseract call)."""
    from ocr._exec import tesslib

    why = tesslib.unavailable(languages)
    if why is None:
        engine = tesslib.engine(languages)
        return Check("tesseract in process", True, engine.name if engine else "")
    return Check("tesseract in process", False, f"{why}: the tesseract program reads the pages",
                 pip="tesserocr" if tesslib.not_installed() else None, required=False)


def _dist_version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "importable"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", action="store_true", help="print only problems and advice")


def main(args: argparse.Namespace) -> int:
    checks = run_checks()
    width = max(len(c.name) for c in checks)
    for c in checks:
        if args.quiet and c.ok:
            continue
        status = "ok" if c.ok else ("MISSING" if c.required else "missing (optional)")
        print(f"{c.name:<{width}}  {status:<18}  {c.detail}")
    missing = [c for c in checks if not c.ok]
    apt = list(dict.fromkeys(c.apt for c in missing if c.apt))
    pip = list(dict.fromkeys(c.pip for c in missing if c.pip))
    if apt:
        print(f"\nto install the system packages:\n  {apt_line(*apt)}")
    if pip:
        print(f"\nto install the Python packages:\n  .venv/bin/pip install {' '.join(pip)}")
    if any(not c.ok and c.required for c in checks):
        print("\nkehoach doctor: required dependencies are missing", file=sys.stderr)
        return int(ExitCode.missing_dependency)
    if not missing:
        print("\nall dependencies found")
    return int(ExitCode.ok)
