"""Write a synthetic plan as a file of a given kind (text PDF, scanned PDF, PNG, TIFF, JPEG) and
fill its gold `source` to match the bytes written."""
from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import MissingDependencyError
from kehoach.synth.degrade import degrade, get_preset
from kehoach.synth.lossy_text import lossy_text
from kehoach.synth.plan_text import SyntheticPlan, generate_plan
from kehoach.synth.render import render_pages, render_pdf

FORMATS = {  # format name -> (file extension, media type, text origin)
    "pdf-text": (".pdf", "application/pdf", "pdf_text_layer"),
    "pdf-scan": (".pdf", "application/pdf", "ocr"),
    "png": (".png", "image/png", "ocr"),
    "tiff": (".tiff", "image/tiff", "ocr"),
    "jpeg": (".jpg", "image/jpeg", "ocr"),
    "txt": (".txt", "text/plain", "plain_text"),  # the born-digital reading, for text-only stages
    "txt-lossy": (".txt", "text/plain", "plain_text"),  # as an English-model OCR left it: no diacritics
    "pdf-mixed": (".pdf", "application/pdf", "mixed"),  # text-layer pages, then the signed pages scanned
}
SINGLE_PAGE = {"png", "jpeg"}


@dataclass
class WrittenDocument:
    path: Path
    fmt: str
    pages: int
    gold: dict  # the plan's gold with `source` describing this file
    rotations: list[int]


def sha256_of(path: Path) -> str:
    from kehoach.pipeline import sha256_file  # the digest the pipeline records for its inputs

    return sha256_file(path)


def _jpeg_quality(preset: str) -> int:
    return {"clean": 85, "light": 75, "medium": 55, "heavy": 40}.get(preset, 60)


def write_scan(plan: SyntheticPlan, path: str | Path, fmt: str = "pdf-scan", preset: str = "medium",
               seed: int = 0, dpi: int = 300, rotate: int = 0, bilevel_tiff: bool = True,
               pages: list | None = None, portrait_feed: bool = False) -> WrittenDocument:
    """Render, degrade and save; multi-page formats (pdf-scan, tiff) hold every page.

    PNG and JPEG hold one page: the plan must fit on one (generate it with size="compact").
    `pages`: clean rasters from `render_pages(plan, dpi)` already made, to reuse across formats.
    `portrait_feed`: landscape pages (the appendix) go through the scanner upright like the others,
    so their image is portrait with the text running vertically (turned 90°).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    get_preset(preset)  # fail early on a bad preset name
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("txt", "txt-lossy"):
        path.write_text(plan.text if fmt == "txt" else lossy_text(plan.text, seed), encoding="utf-8")
        gold = _gold(plan, path, fmt)
        gold["source"]["pages"] = plan.text.count("\f") + 1
        gold["source"]["diacritics"] = "present" if fmt == "txt" else "restored"
        gold.pop("pages")
        return WrittenDocument(path, fmt, 1, gold, [])
    if fmt == "pdf-text":
        render_pdf(plan, path)
        return WrittenDocument(path, fmt, len(plan.page_texts or []), _gold(plan, path, fmt), [])
    pages = pages if pages is not None and plan.page_texts else render_pages(plan, dpi)
    if fmt in SINGLE_PAGE and len(pages) != 1:
        raise ValueError(f"{fmt} holds one page but the plan renders to {len(pages)}; use size='compact'")
    rotations = [(rotate + (90 if portrait_feed and p.width > p.height else 0)) % 360 for p in pages]
    images = [degrade(p, preset, seed * 1000 + i, r) for i, (p, r) in enumerate(zip(pages, rotations))]
    quality = _jpeg_quality(preset)
    title = f"Kế hoạch {plan.gold['document']['number']}"
    if fmt == "pdf-scan":
        _save_scan_pdf(images, path, dpi, quality, title)
    elif fmt == "pdf-mixed":
        k = _first_scanned_page(plan)
        with tempfile.TemporaryDirectory(prefix="kehoach-synth-") as tmp:
            text_pdf, scan_pdf = render_pdf(plan, Path(tmp) / "text.pdf"), Path(tmp) / "scan.pdf"
            _save_scan_pdf(images[k:], scan_pdf, dpi, quality, title)
            _qpdf(["--empty", "--deterministic-id", "--pages", str(text_pdf), f"1-{k}", str(scan_pdf), "1-z",
                   "--", str(path)])
        rotations = [0] * k + rotations[k:]
    elif fmt == "png":
        images[0].save(path, "PNG", optimize=True, dpi=(dpi, dpi))
    elif fmt == "jpeg":
        images[0].save(path, "JPEG", quality=quality, dpi=(dpi, dpi))
    else:  # tiff: fax-style bilevel G4 like office scanners, or deflated grey
        if bilevel_tiff:
            images = [im.point(lambda v: 255 if v > 160 else 0).convert("1") for im in images]
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], dpi=(dpi, dpi),
                       compression="group4" if bilevel_tiff else "tiff_deflate")
    gold = _gold(plan, path, fmt)
    if any(rotations):
        turned = ", ".join(f"page {i} by {r}°" for i, r in enumerate(rotations, 1) if r)
        gold["gold_meta"]["notes"] += f"; scanned pages turned counter-clockwise: {turned}"
    return WrittenDocument(path, fmt, len(images), gold, rotations)


def _save_scan_pdf(images: list, path: Path, dpi: int, quality: int, title: str) -> None:
    # Fixed dates: the same seed gives the same bytes (Pillow stamps the current time otherwise).
    stamp = time.gmtime(1735689600)  # 2025-01-01T00:00:00Z
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi), quality=quality,
                   creationDate=stamp, modDate=stamp, producer="kehoach.synth", title=title)


def _first_scanned_page(plan: SyntheticPlan) -> int:
    """0-based index of the first scanned page of a mixed PDF: the page with the signature block."""
    texts = plan.page_texts or []
    if len(texts) < 2:
        raise ValueError("a mixed PDF needs a plan of two pages or more")
    signed = next((i for i, t in enumerate(texts) if "Nơi nhận" in t), len(texts) - 1)
    return min(max(signed, 1), len(texts) - 1)


def _qpdf(args: list[str]) -> None:
    exe = shutil.which("qpdf")
    if not exe:
        raise MissingDependencyError("qpdf not found (needed to assemble mixed PDFs)", "install qpdf")
    done = subprocess.run([exe, *args], capture_output=True, timeout=120)
    if done.returncode not in (0, 3):  # 3: warnings only
        raise RuntimeError(f"qpdf failed: {done.stderr.decode(errors='replace')[:300]}")


def _gold(plan: SyntheticPlan, path: Path, fmt: str) -> dict:
    _, media_type, origin = FORMATS[fmt]
    gold = copy.deepcopy(plan.gold)
    gold["source"].update(file=str(path), sha256=sha256_of(path), media_type=media_type,
                          pages=len(plan.page_texts or []), text_origin=origin, diacritics="present", ocr=None)
    # Printed text of each page, for OCR scoring (CER/WER) against what is really on the page.
    gold["pages"] = [{"number": i, "text": t, "mean_confidence": None}
                     for i, t in enumerate(plan.page_texts or [], 1)]
    return gold


def one_page_plan(seed: int, tries: int = 20, **variation) -> SyntheticPlan:
    """A compact plan that renders to a single page: the first of seed, seed+1, ... that fits."""
    for k in range(tries):
        plan = generate_plan(seed + k, size="compact", **variation)
        with tempfile.TemporaryDirectory(prefix="kehoach-synth-") as tmp:
            render_pdf(plan, Path(tmp) / "probe.pdf")
        if len(plan.page_texts or []) == 1:
            return plan
    raise ValueError(f"no one-page plan found in seeds {seed}..{seed + tries - 1}")
