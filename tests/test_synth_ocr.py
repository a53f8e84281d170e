"""The rendered scans are legible: stock Tesseract `vie` reads most printed words of a light scan."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from kehoach.synth import generate_plan
from kehoach.synth.degrade import degrade
from kehoach.synth.ocr_check import ocr_page, word_recall
from kehoach.synth.render import render_pages


def _has_vie() -> bool:
    if not shutil.which("tesseract"):
        return False
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    return "vie" in out.split()


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(not _has_vie(), reason="tesseract with the vie model not installed")
def test_light_scan_is_legible_and_heavy_is_harder():
    plan = generate_plan(4)
    page = render_pages(plan, 300)[0]
    truth = plan.page_texts[0]
    light = word_recall(truth, ocr_page(degrade(page, "light", 1)))
    heavy = word_recall(truth, ocr_page(degrade(page, "heavy", 1)))
    assert light >= 0.95
    assert heavy < light
