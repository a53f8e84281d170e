"""Recognise a PDF or an image into DocumentText: the short linear driver of the OCR stage.

PDF: per page, the text layer when it is real (ocr.textlayer), else rasterise and OCR.
Images: every frame is a page. One page at a time; a page that fails becomes an empty page
and a warning, never a failed document.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Optional

import cv2
import numpy as np

from kehoach.errors import InputFileError
from kehoach.media import sniff_media_type
from ocr import images
from ocr._exec import poppler, tesseract
from ocr.layout import assemble_lines
from ocr.options import OcrOptions
from ocr.recover import recover_lost_lines
from ocr.preprocess import MIN_OSD_CONFIDENCE, Preprocessed, preprocess_page, rotate_quadrant
from ocr.textlayer import assess_text_layer
from ocr.table_borderless import find_borderless, last_borderless
from ocr.types import DocumentText, PageText, Table, Word

try:  # written in parallel by the table work; the stage runs without it
    from ocr.table_read import read_tables
except ImportError:  # pragma: no cover - depends on the checkout
    read_tables = None


def recognize_document(path: Path, options: OcrOptions = OcrOptions(), media_type: str | None = None) -> DocumentText:
    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"{path}: no such file", "check the path")
    media_type = media_type or sniff_media_type(path)
    if media_type == "application/pdf":
        return _recognize_pdf(path, options)
    if media_type.startswith("image/"):
        return _recognize_image(path, options, media_type)
    raise InputFileError(f"{path}: cannot OCR media type {media_type}", "inputs are PDF, PNG, TIFF or JPEG files")


def _recognize_pdf(path: Path, options: OcrOptions) -> DocumentText:
    info = poppler.pdf_info(path)
    doc = DocumentText(path=str(path), media_type="application/pdf", pages=[])
    engine = None
    for number in range(1, info.pages + 1):
        layer_note = None
        if options.use_text_layer:
            try:
                text = poppler.page_text(path, number)
                verdict = assess_text_layer(text)
                if verdict.usable:
                    doc.pages.append(PageText(number, _clean_layer_text(text), "pdf_text_layer"))
                    continue
                if verdict.chars >= 40:  # a layer was there but rejected: say why
                    layer_note = f"page {number}: text layer not used ({verdict.reason}); page OCR'd"
            except poppler.PopplerFailed as exc:
                layer_note = f"page {number}: text layer unreadable ({exc}); page OCR'd"
        engine = engine or tesseract.check(options.languages)
        try:
            gray = poppler.render_page(path, number, options.dpi)
        except poppler.PopplerFailed as exc:
            doc.pages.append(_failed_page(number, f"page {number}: could not rasterise ({exc})"))
            continue
        page = ocr_page(gray, number, options, dpi=options.dpi, previous=last_borderless(doc.pages))
        if layer_note:
            page.warnings.insert(0, layer_note)
        doc.pages.append(page)
    if engine:
        doc.engine, doc.languages = engine.engine, options.languages
    return doc


def _recognize_image(path: Path, options: OcrOptions, media_type: str) -> DocumentText:
    engine = tesseract.check(options.languages)
    doc = DocumentText(path=str(path), media_type=media_type, pages=[], engine=engine.engine,
                       languages=options.languages)
    for number, (gray, error) in enumerate(images.iter_pages(path, options.max_image_pixels), start=1):
        if gray is None:
            doc.pages.append(_failed_page(number, f"page {number}: {error}"))
            continue
        doc.pages.append(ocr_page(gray, number, options, previous=last_borderless(doc.pages)))
    if not doc.pages:
        raise InputFileError(f"{path}: the image has no frames", "re-export the scan")
    return doc


# Orientation: Tesseract reads the page first and OSD (~0.5 s of CPU a page) runs only when that
# reading looks wrong. Upside down, a page reads at confidence 45-51; upright degraded scans at
# 85-96 (tune pages of scripts.eval_ocr). Sideways, Tesseract reads the text as vertical lines with
# good confidence but tall word boxes (99% of words of 3+ letters, upright: under 1%).
OSD_BELOW_CONFIDENCE = 70.0
SIDEWAYS_SHARE = 0.5


def ocr_page(gray: np.ndarray, number: int, options: OcrOptions, dpi: float | None = None,
             previous: Table | None = None) -> PageText:
    """Preprocess, OCR and lay out one grey page; failures become warnings on an empty page.
    `dpi`: the page's resolution when known (rendered PDF pages), else estimated from its size.
    `previous`: the page before's last borderless table, which this page may continue."""
    warnings: list[str] = []
    scale = ocr_scale(gray.shape, options.ocr_dpi, dpi)
    try:
        pre, words = _read(gray, options, number, warnings, scale)
    except (tesseract.TesseractTimeout, tesseract.TesseractFailed) as exc:
        return _failed_page(number, f"page {number}: OCR failed ({exc})", gray.shape)
    if options.orientation and looks_misoriented(words):
        osd = tesseract.detect_orientation(gray, timeout=options.page_timeout)
        if osd is not None and osd.rotate in (90, 180, 270) and osd.confidence >= MIN_OSD_CONFIDENCE:
            try:
                pre, words = _read(rotate_quadrant(gray, osd.rotate), options, number, warnings, scale)
                pre.rotated = osd.rotate
            except (tesseract.TesseractTimeout, tesseract.TesseractFailed) as exc:
                warnings.append(f"page {number}: turned page not read ({exc}); kept as scanned")
    if options.recover_lines:
        try:
            words = words + recover_lost_lines(pre.ocr_image, words, options.languages, scale,
                                               min(60.0, options.page_timeout))
        except (tesseract.TesseractTimeout, tesseract.TesseractFailed) as exc:
            warnings.append(f"page {number}: lines left out by the page layout not re-read ({exc})")
    tables = _find_tables(pre.image, words, options, number, warnings, pre.image_mean)
    if options.tables and options.borderless_tables:  # column gaps only: rebuilt from word boxes
        try:
            page_warnings: list[str] = []
            tables += find_borderless(words, tables, image=pre.image, languages=options.languages,
                                      timeout=min(60.0, options.page_timeout), previous=previous,
                                      warnings=page_warnings)
            warnings.extend(f"page {number}: {w}" for w in page_warnings)
        except Exception as exc:  # a table bug must not lose the page's running text
            warnings.append(f"page {number}: borderless table failed ({type(exc).__name__}: {exc})")
    text = "\n".join(assemble_lines(words, tables))
    conf = page_confidence(words)
    if conf is not None and conf < options.low_confidence:
        warnings.append(f"page {number}: mean OCR confidence {conf:.0f} < {options.low_confidence:.0f}")
    if not words:
        warnings.append(f"page {number}: no text recognised")
    h, w = pre.image.shape[:2]
    return PageText(number, text, "ocr", conf, words, warnings, w, h, tables)


A4_SHORT_SIDE_INCHES = 8.27  # resolution of an image page of unknown dpi, taken as A4


def ocr_scale(shape: tuple, ocr_dpi: int, dpi: float | None = None) -> float:
    """Factor applied to the cleaned page before Tesseract (<= 1: never enlarged)."""
    if not ocr_dpi:
        return 1.0
    dpi = dpi or min(shape[:2]) / A4_SHORT_SIDE_INCHES
    return min(1.0, ocr_dpi / dpi) if dpi > 0 else 1.0


def _read(gray: np.ndarray, options: OcrOptions, number: int, warnings: list[str],
          scale: float = 1.0) -> tuple[Preprocessed, list[Word]]:
    try:
        pre = preprocess_page(gray, options)
    except cv2.error as exc:  # an odd image must not cost the page: OCR it as it is
        warnings.append(f"page {number}: preprocessing failed ({exc.__class__.__name__}); page OCR'd as is")
        pre = Preprocessed(image=gray, ocr_image=gray)
    image = pre.ocr_image
    if scale < 0.95:
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    else:
        scale = 1.0
    words = tesseract.parse_tsv(tesseract.image_to_tsv(image, options.languages, options.psm, options.page_timeout))
    if scale != 1.0:  # boxes back to page pixels: tables and layout work on the full page
        words = [dataclasses.replace(w, left=round(w.left / scale), top=round(w.top / scale),
                                     width=round(w.width / scale), height=round(w.height / scale)) for w in words]
    return pre, words


def looks_misoriented(words: list[Word]) -> bool:
    """True when the reading suggests a turned page: low confidence or mostly tall word boxes."""
    conf = page_confidence(words)
    if conf is None or conf < OSD_BELOW_CONFIDENCE:
        return True
    long = [w for w in words if len(w.text) >= 3]
    return bool(long) and sum(w.height > w.width for w in long) > SIDEWAYS_SHARE * len(long)


def page_confidence(words: list) -> Optional[float]:
    """Mean word confidence, weighted by word length (a wrong 1-letter word weighs less)."""
    scored = [(w.conf, len(w.text)) for w in words if w.conf >= 0 and w.text.strip()]
    if not scored:
        return None
    total = sum(n for _, n in scored)
    return round(sum(c * n for c, n in scored) / total, 2)


def _find_tables(image: np.ndarray, words: list[Word], options: OcrOptions, number: int,
                 warnings: list[str], mean: np.ndarray | None = None) -> list[Table]:
    """Ruled tables, cells filled from the page's own words (the page was OCR'd with its rules
    erased: no extra call); doubtful cells (no word, short, low confidence, row numbers) are read
    again from their crops by one Tesseract process per page (ocr/table_read.py)."""
    if read_tables is None or not options.tables:
        return []
    try:
        return read_tables(image, words, options.languages, timeout=min(60.0, options.page_timeout), mean=mean)
    except (tesseract.TesseractTimeout, tesseract.TesseractFailed) as exc:
        warnings.append(f"page {number}: table cells not read ({exc})")
    except Exception as exc:  # a table bug must not lose the page's running text
        warnings.append(f"page {number}: table detection failed ({type(exc).__name__}: {exc})")
    return []


def _failed_page(number: int, warning: str, shape: tuple | None = None) -> PageText:
    h, w = (shape[:2] if shape else (None, None))
    return PageText(number, "", "ocr", None, [], [warning], w, h)


def _clean_layer_text(text: str) -> str:
    # pdftotext -layout pads with spaces; keep the line structure, drop trailing blanks.
    return "\n".join(ln.rstrip() for ln in text.rstrip().splitlines())
