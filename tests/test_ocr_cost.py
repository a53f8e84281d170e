"""The cheap page statistics and the OSD gate of the OCR stage (no Tesseract: fake readings)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

import ocr.document as document
from ocr._exec import tesseract
from ocr.options import OcrOptions
from ocr.preprocess import ink_contrast, looks_scanned, scan_figures
from ocr.types import Word


def _page(noise: float = 0.0, shade: int = 0, seed: int = 0) -> np.ndarray:
    """A white page with black text-like bars; optional grain and a left-to-right shadow."""
    rng = np.random.default_rng(seed)
    img = np.full((1200, 900), 250.0, np.float32)
    img -= np.linspace(0, shade, 900, dtype=np.float32)[None, :]
    for y in range(100, 1100, 60):
        img[y:y + 20, 80:820] = 20
    img += rng.standard_normal(img.shape).astype(np.float32) * noise
    return np.clip(img, 0, 255).astype(np.uint8)


def test_a_clean_rendering_measures_no_grain_and_no_spread():
    assert scan_figures(_page()) == (0.0, 0.0)
    assert not looks_scanned(_page())


def test_grain_and_shadow_are_measured_on_the_subsampled_page():
    grain, spread = scan_figures(_page(noise=4.0))
    assert grain == pytest.approx(4.0, rel=0.25)  # per-pixel grain survives 2x2 subsampling
    assert scan_figures(_page(shade=40))[1] > 25
    assert looks_scanned(_page(noise=4.0)) and looks_scanned(_page(shade=40))


def test_ink_contrast_from_the_histogram_matches_percentiles():
    page = cv2.GaussianBlur(_page(noise=6.0, seed=3), (3, 3), 0)
    exact = np.percentile(page, 50) - np.percentile(page, 1)
    assert ink_contrast(page) == pytest.approx(exact, abs=1.0)


def _words(conf: float, tall: bool, n: int = 20) -> list[Word]:
    w, h = (40, 120) if tall else (120, 40)
    return [Word("chữ", 100, 60 * i, w, h, conf, 1, 1, i) for i in range(n)]


def test_osd_runs_only_on_a_poor_or_sideways_reading():
    assert not document.looks_misoriented(_words(90, tall=False))
    assert document.looks_misoriented(_words(48, tall=False))  # upside down: low confidence
    assert document.looks_misoriented(_words(95, tall=True))  # sideways: read as vertical text
    assert document.looks_misoriented([])


@pytest.mark.parametrize("conf, osd_calls", [(92.0, 0), (45.0, 1)])
def test_upright_page_skips_osd_and_a_turned_one_is_read_again(monkeypatch, conf, osd_calls):
    calls = {"osd": 0, "tsv": []}

    def fake_tsv(image, languages, psm=3, timeout=180.0):
        calls["tsv"].append(image[0, 0])
        # a reading is poor until the page has been turned (marker pixel moved by the rotation)
        good = conf > 70 or image[0, 0] == 0
        return "TSV" + ("good" if good else "poor")

    def fake_parse(tsv):
        return _words(92.0 if tsv.endswith("good") else conf, tall=False)

    def fake_osd(image, timeout=60.0):
        calls["osd"] += 1
        return tesseract.Orientation(180, 9.0)

    monkeypatch.setattr(tesseract, "image_to_tsv", fake_tsv)
    monkeypatch.setattr(tesseract, "parse_tsv", fake_parse)
    monkeypatch.setattr(tesseract, "detect_orientation", fake_osd)
    page = np.full((300, 200), 255, np.uint8)
    page[-1, -1] = 0  # after a 180-degree turn this pixel is at (0, 0)
    result = document.ocr_page(page, 1, OcrOptions(tables=False, denoise=False, deskew=False, remove_rules=False))
    assert calls["osd"] == osd_calls and len(calls["tsv"]) == 1 + osd_calls
    assert result.mean_confidence == 92.0
    assert document.ocr_page(page, 1, OcrOptions(tables=False, orientation=False)).mean_confidence == (
        92.0 if conf > 70 else conf)


def _fake_tesseract(tmp_path, monkeypatch, body: str) -> None:
    monkeypatch.setenv("KEHOACH_TESSERACT_CLI", "1")  # the program, not the in-process engine
    exe = tmp_path / "tesseract"
    exe.write_text("#!/bin/sh\n" + body + "\n")
    exe.chmod(0o755)
    monkeypatch.setattr(tesseract, "_cmd", str(exe))


def test_the_page_goes_to_tesseract_stdin_as_pgm_and_tsv_comes_back(tmp_path, monkeypatch):
    _fake_tesseract(tmp_path, monkeypatch, 'printf "%s " "$@"; head -c 2')
    out = tesseract.image_to_tsv(np.full((20, 30), 255, np.uint8), "vie+Vietnamese", psm=3)
    assert out == "stdin stdout -l vie+Vietnamese --psm 3 tsv P5"


def test_a_hung_or_failing_tesseract_raises_its_own_errors(tmp_path, monkeypatch):
    _fake_tesseract(tmp_path, monkeypatch, "sleep 5")
    with pytest.raises(tesseract.TesseractTimeout, match="longer than 0.3 s"):
        tesseract.image_to_tsv(np.zeros((5, 5), np.uint8), "vie", timeout=0.3)
    _fake_tesseract(tmp_path, monkeypatch, "echo 'Failed loading language xyz' >&2; exit 1")
    with pytest.raises(tesseract.TesseractFailed, match="Failed loading language xyz"):
        tesseract.image_to_tsv(np.zeros((5, 5), np.uint8), "xyz")
    assert tesseract.detect_orientation(np.zeros((5, 5), np.uint8)) is None


def test_ocr_scale_from_known_or_estimated_resolution():
    assert document.ocr_scale((3508, 2480), 200, dpi=300) == pytest.approx(2 / 3)
    assert document.ocr_scale((3508, 2480), 200) == pytest.approx(2 / 3, abs=0.01)  # A4 at 300 dpi, estimated
    assert document.ocr_scale((2339, 1654), 200) == pytest.approx(1.0, abs=0.01)  # already 200 dpi
    assert document.ocr_scale((1169, 827), 200) == 1.0  # never enlarged
    assert document.ocr_scale((3508, 2480), 0, dpi=300) == 1.0  # 0: as rendered


def test_words_read_on_the_scaled_page_come_back_in_page_pixels(monkeypatch):
    seen = {}

    def fake_tsv(image, languages, psm=3, timeout=180.0):
        seen["shape"] = image.shape
        return "tsv"

    monkeypatch.setattr(tesseract, "image_to_tsv", fake_tsv)
    monkeypatch.setattr(tesseract, "parse_tsv", lambda tsv: [Word("Kế", 100, 200, 40, 20, 95.0, 1, 1, 1)])
    page = np.full((3000, 2100), 255, np.uint8)
    result = document.ocr_page(page, 1, OcrOptions(tables=False, ocr_dpi=200), dpi=300)
    assert seen["shape"] == (2000, 1400)
    w = result.words[0]
    assert (w.left, w.top, w.width, w.height) == (150, 300, 60, 30)
    assert (result.width, result.height) == (2100, 3000)
    document.ocr_page(page, 1, OcrOptions(tables=False, ocr_dpi=0), dpi=300)
    assert seen["shape"] == (3000, 2100)
