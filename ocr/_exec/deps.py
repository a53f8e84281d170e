"""Checks of external programs and models, shared by `ocr/_exec` and `kehoach doctor`.

Every command that needs a missing program fails with the same advice: the exact apt-get line.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import MissingDependencyError

# program or model -> Debian package that provides it
APT_PACKAGE = {
    "tesseract": "tesseract-ocr",
    "vie": "tesseract-ocr-vie",
    "Vietnamese": "tesseract-ocr-script-viet",
    "osd": "tesseract-ocr-osd",
    "eng": "tesseract-ocr-eng",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "qpdf": "qpdf",
    "fonts-liberation2": "fonts-liberation2",
    "fonts-dejavu-core": "fonts-dejavu-core",
}
TESSERACT_FLOOR = (4, 1)


def apt_line(*names: str) -> str:
    """`sudo apt-get install ...` for the packages providing `names` (programs, models, packages)."""
    packages = list(dict.fromkeys(APT_PACKAGE.get(n, n) for n in names))
    return "sudo apt-get install " + " ".join(packages)


def require_program(name: str) -> str:
    """Path of `name` on PATH, or MissingDependencyError with the install line."""
    path = shutil.which(name)
    if path is None:
        raise MissingDependencyError(f"'{name}' is not installed or not on PATH", f"install it: {apt_line(name)}")
    return path


@dataclass(frozen=True)
class TesseractInfo:
    path: str
    version: tuple[int, ...]
    version_text: str  # "5.3.0"
    languages: tuple[str, ...]
    tessdata: str = ""  # where the program finds its models (`--list-langs`; TESSDATA_PREFIX included)
    in_process: str = ""  # the worker's own engine when it reads the pages (ocr/_exec/tesslib.py)

    @property
    def engine(self) -> str:
        return self.in_process or f"tesseract {self.version_text}"


_INFO_CACHE: dict[str, TesseractInfo] = {}


def tesseract_info(binary: str = "tesseract") -> TesseractInfo:
    """Version and installed languages of the Tesseract binary (cached per binary)."""
    if binary in _INFO_CACHE:
        return _INFO_CACHE[binary]
    path = require_program(binary)
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
        langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MissingDependencyError(f"'{path} --version' failed: {exc}", f"reinstall: {apt_line('tesseract')}")
    m = re.search(r"tesseract\s+v?(\d+)\.(\d+)(?:\.(\d+))?", out.stdout + out.stderr)
    if not m:
        raise MissingDependencyError(f"cannot read the version of {path}", f"reinstall: {apt_line('tesseract')}")
    version = tuple(int(g) for g in m.groups() if g is not None)
    lines = (langs.stdout + langs.stderr).splitlines()
    languages = tuple(sorted(ln.strip() for ln in lines if ln.strip() and not ln.startswith("List of")))
    where = re.search(r'languages in "([^"]+)"', langs.stdout + langs.stderr)
    info = TesseractInfo(path, version, ".".join(map(str, version)), languages, where.group(1) if where else "")
    _INFO_CACHE[binary] = info
    return info


def require_tesseract(languages: str = "vie", binary: str = "tesseract") -> TesseractInfo:
    """Tesseract at or above the version floor with every model of `languages` ('vie+Vietnamese')."""
    info = tesseract_info(binary)
    if info.version[:2] < TESSERACT_FLOOR:
        raise MissingDependencyError(
            f"tesseract {info.version_text} is too old (need >= {'.'.join(map(str, TESSERACT_FLOOR))})",
            f"upgrade it: {apt_line('tesseract')}",
        )
    missing = [lang for lang in languages.split("+") if lang and lang not in info.languages]
    if missing:
        raise MissingDependencyError(
            f"Tesseract language model(s) {', '.join(missing)} not installed",
            f"install: {apt_line(*missing)}",
        )
    return info


def font_installed(file_name: str, roots: tuple[str, ...] = ("/usr/share/fonts", "/usr/local/share/fonts")) -> bool:
    return any(next(Path(r).rglob(file_name), None) is not None for r in roots if Path(r).is_dir())
