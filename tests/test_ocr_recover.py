"""Lines dropped by Tesseract's page layout are found from uncovered ink and read again (fake Tesseract)."""
from __future__ import annotations

from statistics import median

import cv2
import numpy as np

from ocr import recover
from ocr._exec import tesseract
from ocr.types import Word


def _page_with_lines():
    """Three text lines; words (boxes) for lines 1 and 3 only, as if line 2 had been dropped."""
    page = np.full((600, 1200), 255, np.uint8)
    words = []
    for i, y in enumerate((100, 250, 400)):
        for j, text in enumerate(("KE HOACH", "NAM 2025", "THUC HIEN")):
            x = 80 + 360 * j
            cv2.putText(page, text, (x, y), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
            (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 1.2, 3)
            if i != 1:
                words.append(Word(text.split()[0], x, y - th, tw // 2, th + 4, 95.0, 1, 1, i + 1))
                words.append(Word(text.split()[1], x + tw // 2 + 10, y - th, tw // 2 - 10, th + 4, 95.0, 1, 1, i + 1))
    return page, words


def test_uncovered_text_line_is_a_lost_band_and_covered_ones_are_not():
    page, words = _page_with_lines()
    bands = recover.lost_bands(page, words)
    assert bands and all(200 <= y <= 260 for _, y, _, _ in bands)
    assert recover.lost_bands(page, words + [Word("x", 60, 200, 1100, 70, 90.0)]) == []
    assert recover.lost_bands(page, words[:3]) == []  # too few words to judge


def test_lost_bands_are_read_in_one_call_and_only_confident_text_is_kept(monkeypatch):
    page, words = _page_with_lines()
    calls = []

    def fake_read(crops, languages, psm=6, config="", timeout=180.0):
        calls.append((len(crops), psm))
        out = [[Word("NAM", 10, 8, 50, 20, 90.0)]]
        out += [[Word("~~", 5, 5, 20, 20, 95.0)]] * (len(crops) - 1)  # no letters: dropped
        return out

    monkeypatch.setattr(tesseract, "images_to_words", fake_read)
    found = recover.recover_lost_lines(page, words, "vie", scale=0.5)
    assert calls == [(len(recover.lost_bands(page, words)), 7)]
    assert [w.text for w in found] == ["NAM"]
    band = recover.lost_bands(page, words)[0]
    margin = int(0.6 * median(w.height for w in words))
    assert (found[0].left, found[0].top) == (band[0] - margin + 20, band[1] - margin + 16)  # page pixels
    assert found[0].width == 100 and found[0].block == max(w.block for w in words) + 1

    monkeypatch.setattr(tesseract, "images_to_words",
                        lambda crops, *a, **k: [[Word("NAM", 10, 8, 50, 20, 30.0)] for _ in crops])
    assert recover.recover_lost_lines(page, words, "vie") == []  # not sure enough
