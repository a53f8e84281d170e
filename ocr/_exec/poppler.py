"""poppler-utils: `pdfinfo`, `pdftotext` and `pdftoppm`, one page at a time, each with a timeout.

Pages are rasterised to an uncompressed PGM and read back, so memory holds one page whatever
the page count (a 300 dpi A4 page is ~9 MB grey).
"""
from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kehoach.errors import InputFileError
from ocr._exec.deps import require_program


class PopplerFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    encrypted: bool
    page_size_pt: tuple[float, float] | None = None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    require_program(args[0])
    try:
        return subprocess.run(args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise PopplerFailed(f"{args[0]} took longer than {timeout:g} s") from exc


def pdf_info(path: Path, timeout: float = 60.0) -> PdfInfo:
    """Page count and encryption; InputFileError for a password-protected or unreadable PDF."""
    proc = _run(["pdfinfo", str(path)], timeout)
    err = proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0:
        if "password" in err.lower():
            raise InputFileError(
                f"{path}: the PDF is password-protected",
                f"decrypt it first: qpdf --decrypt --password=PASSWORD '{path}' decrypted.pdf",
            )
        raise InputFileError(
            f"{path}: not a readable PDF ({_first_line(err) or 'pdfinfo failed'})",
            "the file is truncated or corrupt; re-download or re-export it",
        )
    pages = re.search(r"^Pages:\s+(\d+)", out, re.M)
    if not pages or int(pages.group(1)) == 0:
        raise InputFileError(f"{path}: the PDF has no pages", "the file is truncated or corrupt; re-export it")
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    encrypted = bool(re.search(r"^Encrypted:\s+yes", out, re.M))
    return PdfInfo(int(pages.group(1)), encrypted, (float(size.group(1)), float(size.group(2))) if size else None)


def page_text(path: Path, page: int, timeout: float = 60.0) -> str:
    """Text layer of one page (`pdftotext -layout`), '' when the page has none."""
    proc = _run(["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"], timeout)
    if proc.returncode != 0:
        raise PopplerFailed(f"pdftotext page {page}: {_first_line(proc.stderr.decode('utf-8', 'replace'))}")
    return proc.stdout.decode("utf-8", "replace").replace("\f", "")


def render_page(path: Path, page: int, dpi: int = 300, timeout: float = 120.0) -> np.ndarray:
    """One page as a grey uint8 array at `dpi` (pdftoppm -gray, written as PGM, never PNG)."""
    with tempfile.TemporaryDirectory(prefix="kehoach-ppm-") as tmp:
        prefix = str(Path(tmp) / "page")
        args = ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile",
                str(path), prefix]
        proc = _run(args, timeout)
        out = Path(prefix + ".pgm")
        if proc.returncode != 0 or not out.exists():
            raise PopplerFailed(f"pdftoppm page {page}: {_first_line(proc.stderr.decode('utf-8', 'replace'))}")
        image = cv2.imread(str(out), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise PopplerFailed(f"pdftoppm page {page}: unreadable output")
    return image


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[0] if lines else ""
