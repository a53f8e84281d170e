"""Real Tesseract runs on generated pages (slow): OCR quality, orientation, text layer vs OCR."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from kehoach.evaluation.text_metrics import score_text
from ocr.document import recognize_document
from ocr.options import OcrOptions

pytestmark = [
    pytest.mark.slow,
    pytest.mark.ocr,
    pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                       reason="needs tesseract and poppler-utils"),
]


@pytest.fixture(scope="module")
def one_page(tmp_path_factory):
    from kehoach.synth.scan import one_page_plan

    return one_page_plan(31), tmp_path_factory.mktemp("ocr-slow")


def _cer(truth: str, text: str) -> float:
    s = score_text(truth, text)
    return s.char_errors / s.ref_chars


def test_degraded_scan_is_read_with_low_cer_and_split_header(one_page):
    from kehoach.synth.scan import write_scan

    plan, tmp = one_page
    written = write_scan(plan, tmp / "page.png", fmt="png", preset="medium", seed=5)
    doc = recognize_document(written.path)
    page = doc.pages[0]
    assert doc.engine.startswith("tesseract ") and doc.languages == OcrOptions().languages
    assert page.origin == "ocr" and page.mean_confidence > 70 and page.words
    assert _cer(plan.page_texts[0], page.text) < 0.06
    lines = page.text.splitlines()
    sô = next(i for i, ln in enumerate(lines) if ln.startswith("Số"))
    assert "ngày" not in lines[sô] and "ngày" in lines[sô + 1]  # `Số:` and the date: two lines


@pytest.mark.parametrize("rotate", [90, 180])
def test_sideways_and_upside_down_scans_are_turned_by_osd(one_page, rotate):
    from kehoach.synth.scan import write_scan

    plan, tmp = one_page
    written = write_scan(plan, tmp / f"turned{rotate}.png", fmt="png", preset="light", seed=6, rotate=rotate)
    page = recognize_document(written.path).pages[0]
    assert _cer(plan.page_texts[0], page.text) < 0.06


def test_text_pdf_uses_layer_and_scan_pages_are_ocrd_mixed(one_page):
    from kehoach.synth.scan import write_scan

    plan, tmp = one_page
    text_pdf = write_scan(plan, tmp / "text.pdf", fmt="pdf-text").path
    scan_pdf = write_scan(plan, tmp / "scan.pdf", fmt="pdf-scan", preset="light", seed=7).path
    doc = recognize_document(text_pdf)
    assert doc.text_origin == "pdf_text_layer" and doc.engine is None
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf not installed")
    both = tmp / "both.pdf"
    subprocess.run(["qpdf", "--empty", "--pages", str(text_pdf), str(scan_pdf), "--", str(both)], check=True)
    doc = recognize_document(both)
    assert [p.origin for p in doc.pages] == ["pdf_text_layer", "ocr"]
    assert doc.text_origin == "mixed" and doc.engine
    assert _cer(plan.page_texts[0], doc.pages[1].text) < 0.06
