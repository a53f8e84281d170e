"""The in-process Tesseract engine (ocr/_exec/tesslib.py) reads exactly as the `tesseract` program."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr._exec import tesseract, tesslib

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(shutil.which("tesseract") is None or tesslib.engine("vie") is None,
                       reason="needs tesseract and libtesseract"),
]

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = ["Kế hoạch thực hiện năm 2025", "1. Sở Nội vụ chủ trì, phối hợp", "Thời hạn: Quý III/2025"]


def _page(lines=LINES, size=(1100, 90 * 3 + 60)) -> np.ndarray:
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 36)
    for i, line in enumerate(lines):
        draw.text((40, 30 + 90 * i), line, fill=0, font=font)
    return np.asarray(img)


def _read_both(monkeypatch, read):
    monkeypatch.setenv("KEHOACH_TESSERACT_CLI", "1")
    program = read()
    monkeypatch.delenv("KEHOACH_TESSERACT_CLI")
    return program, read()


def test_the_engine_reads_a_page_word_for_word_and_box_for_box_as_the_program(monkeypatch):
    page = _page()
    program, engine = _read_both(monkeypatch, lambda: tesseract.parse_tsv(tesseract.image_to_tsv(page, "vie", 3)))
    assert engine == program
    assert "hoạch" in [w.text for w in engine]


def test_crops_with_a_whitelist_read_alike_and_the_whitelist_ends_with_the_call(monkeypatch):
    page = _page()
    crops = [page[: page.shape[0] // 3], page[2 * page.shape[0] // 3:]]
    digits = "-c tessedit_char_whitelist=0123456789./"

    def read(config):
        return [[w.text for w in ws] for ws in tesseract.images_to_words(crops, "vie", 7, config)]

    program, engine = _read_both(monkeypatch, lambda: read(digits))
    assert engine == program
    assert all(set("".join(ws)) <= set("0123456789./") for ws in engine)
    assert any(ch.isalpha() for ws in read("") for ch in "".join(ws))  # letters again: the default is back


def test_one_engine_per_process_and_language_set_and_none_when_the_program_is_asked_for(monkeypatch):
    assert tesslib.engine("vie") is tesslib.engine("vie")
    monkeypatch.setenv("KEHOACH_TESSERACT_CLI", "1")
    assert tesslib.engine("vie") is None


def test_a_deadline_too_short_is_a_timeout_and_a_bad_variable_a_failure():
    page = np.tile(_page(), (6, 1))
    with pytest.raises(tesseract.TesseractTimeout, match="longer than"):
        tesseract.image_to_tsv(page, "vie", 3, timeout=0.001)
    with pytest.raises(tesseract.TesseractFailed, match="not a Tesseract string variable"):
        tesseract.images_to_words([page[:90]], "vie", 7, "-c no_such_variable_here=1")
    assert tesseract.parse_tsv(tesseract.image_to_tsv(_page(), "vie", 3))  # the engine still reads after both


def test_threads_sharing_the_engine_read_one_page_at_a_time():
    from concurrent.futures import ThreadPoolExecutor

    page = _page()
    alone = tesseract.image_to_tsv(page, "vie", 3)
    with ThreadPoolExecutor(3) as pool:
        assert list(pool.map(lambda _: tesseract.image_to_tsv(page, "vie", 3), range(3))) == [alone] * 3
