"""The in-process Tesseract engine (ocr/_exec/tesslib.py, tesserocr) reads as the `tesseract` program.

tesserocr carries its own Tesseract (5.5.4), Debian's program is 5.3.0: a page may differ in a few
words, so the engine is checked on what it reads and where, not word for word against the program.
"""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr._exec import tesseract, tesslib

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(shutil.which("tesseract") is None or tesslib.engine("vie") is None,
                       reason="needs tesseract and tesserocr"),
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


def test_the_engine_reads_the_rendered_lines_and_its_boxes_agree_with_the_program(monkeypatch):
    page = _page()
    program, engine = _read_both(monkeypatch, lambda: tesseract.parse_tsv(tesseract.image_to_tsv(page, "vie", 3)))
    assert [w.text for w in engine] == " ".join(LINES).split()
    by_text = {w.text: w for w in program}
    shared = [(w, by_text[w.text]) for w in engine if w.text in by_text]
    assert len(shared) >= len(engine) - 2
    for mine, theirs in shared:
        box = np.array([mine.left, mine.top, mine.width, mine.height])
        assert np.abs(box - [theirs.left, theirs.top, theirs.width, theirs.height]).max() <= 3, mine.text


def test_the_tsv_starts_with_the_programs_header():
    tsv = tesseract.image_to_tsv(_page(), "vie", 3)
    assert tsv.startswith(tesslib.TSV_HEADER) and tsv.count("level\t") == 1


def test_a_whitelist_is_respected_and_ends_with_the_call():
    page = _page()
    crops = [page[: page.shape[0] // 3], page[2 * page.shape[0] // 3:]]

    def read(config):
        return ["".join(w.text for w in ws) for ws in tesseract.images_to_words(crops, "vie", 7, config)]

    digits = read("-c tessedit_char_whitelist=0123456789./")
    assert all(text and set(text) <= set("0123456789./") for text in digits)
    assert "2025" in digits[0] and "2025" in digits[1]
    assert tesslib.engine("vie").api.GetVariableAsString("tessedit_char_whitelist") == ""
    assert any(ch.isalpha() for text in read("") for ch in text)  # letters again: the default is back


def test_one_engine_per_process_and_language_set_and_none_when_the_program_is_asked_for(monkeypatch):
    assert tesslib.engine("vie") is tesslib.engine("vie")
    assert tesslib.engine("vie") is not tesslib.engine("vie+Vietnamese")
    assert tesseract.check("vie").engine == tesslib.engine("vie").name
    monkeypatch.setenv("KEHOACH_TESSERACT_CLI", "1")
    assert tesslib.engine("vie") is None
    assert tesseract.check("vie").engine.startswith("tesseract 5.") and "in process" not in tesseract.check("vie").engine


def test_a_forked_process_makes_its_own_engine(monkeypatch):
    first = tesslib.engine("vie")
    monkeypatch.setattr(tesslib, "_pid", -1)  # as if this process were a child forked after `first`
    monkeypatch.setattr(tesslib, "_engines", dict(tesslib._engines))
    assert tesslib.engine("vie") is not first


def test_a_model_that_does_not_load_or_no_tesserocr_means_the_program(monkeypatch):
    monkeypatch.setattr(tesslib, "_engines", {})
    monkeypatch.setattr(tesslib, "_failures", {})
    assert tesslib.engine("nosuchlanguage") is None
    assert "nosuchlanguage" in tesslib.unavailable("nosuchlanguage")
    monkeypatch.setitem(__import__("sys").modules, "tesserocr", None)  # import fails
    assert tesslib.engine("vie") is None and "cannot be imported" in tesslib.unavailable("vie")


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
