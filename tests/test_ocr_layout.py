"""Line assembly, confidence and the page driver, replaying recorded Tesseract TSV (no Tesseract run).

tests/data/ocr/header_psm{3,6}.tsv: Tesseract 5.3.0 `-l vie` TSV of the top 30% of page 1 of
synthetic plan seed 9 degraded with the `medium` preset (see tests/data/ocr/README.md).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ocr._exec import tesseract
from ocr.document import ocr_page, page_confidence
from ocr.layout import assemble_lines, split_columns, visual_rows
from ocr.options import OcrOptions
from ocr.types import Table, TableCell, Word

DATA = Path(__file__).parent / "data" / "ocr"


def recorded(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_parse_tsv_keeps_word_rows_with_boxes_and_confidences():
    words = tesseract.parse_tsv(recorded("header_psm3.tsv"))
    assert len(words) > 60
    first = words[0]
    assert first.text == "ỦY" and first.width > 0 and first.height > 0
    assert all(0 <= w.conf <= 100 for w in words)
    assert all(w.text.strip() for w in words)


@pytest.mark.parametrize("name", ["header_psm3.tsv", "header_psm6.tsv"])
def test_two_column_header_comes_out_one_line_per_column_per_row(name):
    words = tesseract.parse_tsv(recorded(name))
    lines = assemble_lines(words)
    assert lines[0] == "ỦY BAN NHÂN DÂN TỈNH HÀ NAM"
    assert lines[1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[2] == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert lines[3] == "Độc lập - Tự do - Hạnh phúc"
    assert lines[4].startswith("Số: 258/KH-")
    assert lines[5] == "Hà Nam, ngày 13 tháng 02 năm 2023"
    assert "KẾ HOẠCH" in lines
    for line in lines:  # never merged across the column gap
        assert not ("Số:" in line and "ngày" in line)
        assert not ("HÀ NAM" in line and "CỘNG HÒA" in line)


def test_tesseract_line_spanning_the_gap_is_split():
    # psm 6 puts both header columns in one Tesseract line; the layout still splits them.
    words = tesseract.parse_tsv(recorded("header_psm6.tsv"))
    spanning = [w for w in words if (w.block, w.par, w.line) == (1, 1, 3)]
    assert any(w.text == "Số:" for w in spanning) and any(w.text == "ngày" for w in spanning)
    assert "Số: 258/KH-SGDĐT" in assemble_lines(words)


def _w(text, left, top, width=60, height=30, conf=90.0, block=1, line=1):
    return Word(text, left, top, width, height, conf, block, 1, line)


def test_justified_body_line_stays_one_line_and_rows_keep_reading_order():
    # words with wide (justified) spaces, then a lower row given first by Tesseract
    row1 = [_w(t, 100 + i * 110, 500, block=2) for i, t in enumerate("Tiếp tục triển khai các nhiệm vụ".split())]
    row0 = [_w("KẾ", 900, 400, block=1), _w("HOẠCH", 970, 402, block=1)]
    lines = assemble_lines(row1 + row0)
    assert lines == ["KẾ HOẠCH", "Tiếp tục triển khai các nhiệm vụ"]


def test_columns_in_different_blocks_merge_into_one_row_then_split_left_first():
    right = [_w("Độc", 1500, 301, block=2), _w("lập", 1570, 300, block=2)]
    left = [_w("SỞ", 200, 300, block=1), _w("NỘI", 270, 302, block=1), _w("VỤ", 340, 300, block=1)]
    rows = visual_rows(right + left)
    assert len(rows) == 1
    lines = split_columns(rows[0], word_height=30, text_width=1400)
    assert [ln.text for ln in lines] == ["SỞ NỘI VỤ", "Độc lập"]


def test_isolated_specks_are_dropped_but_punctuation_in_lines_kept():
    words = [_w("Độc", 100, 100), _w("-", 170, 112, width=14, height=5), _w("lập", 200, 100),
             _w(":", 1800, 300, width=8, height=7)]
    assert assemble_lines(words) == ["Độc - lập"]


def test_words_inside_a_table_become_row_lines_in_place():
    words = [_w("Trước", 100, 100, line=1), _w("bảng", 100, 900, line=2), _w("Sau", 100, 1500, line=3)]
    table = Table(2, 2, [TableCell(0, 0, "STT"), TableCell(0, 1, "Lĩnh vực"), TableCell(1, 0, "1"),
                         TableCell(1, 1, "Cải cách\nthể chế")], box=(50, 600, 2000, 600))
    assert assemble_lines(words, [table]) == ["Trước", "STT | Lĩnh vực", "1 | Cải cách thể chế", "Sau"]


def test_page_confidence_weights_by_length_and_ignores_empty():
    words = [_w("Cải", 0, 0, conf=90), _w("a", 0, 0, conf=10), _w("thiện", 0, 0, conf=80)]
    assert page_confidence(words) == pytest.approx((90 * 3 + 10 + 80 * 5) / 9, abs=0.01)
    assert page_confidence([]) is None


@pytest.fixture
def replay(monkeypatch):
    """ocr_page with Tesseract replaced by the recorded TSV."""
    monkeypatch.setattr(tesseract, "image_to_tsv", lambda *a, **k: recorded("header_psm3.tsv"))
    monkeypatch.setattr(tesseract, "detect_orientation", lambda *a, **k: None)


def test_ocr_page_replays_tsv_into_text_confidence_and_low_confidence_warning(replay):
    page = np.full((900, 2480), 255, np.uint8)
    options = OcrOptions(low_confidence=99.0, tables=False)
    result = ocr_page(page, 3, options)
    assert result.origin == "ocr" and result.text.startswith("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n")
    assert 50 < result.mean_confidence < 99
    assert result.warnings == [f"page 3: mean OCR confidence {result.mean_confidence:.0f} < 99"]
    assert ocr_page(page, 3, OcrOptions(tables=False)).warnings == []


def test_a_page_whose_ocr_times_out_is_an_empty_page_with_a_warning(monkeypatch):
    def boom(*a, **k):
        raise tesseract.TesseractTimeout("Tesseract took longer than 1 s")

    monkeypatch.setattr(tesseract, "image_to_tsv", boom)
    monkeypatch.setattr(tesseract, "detect_orientation", lambda *a, **k: None)
    result = ocr_page(np.full((100, 100), 255, np.uint8), 2, OcrOptions(page_timeout=1))
    assert result.text == "" and result.mean_confidence is None
    assert result.warnings == ["page 2: OCR failed (Tesseract took longer than 1 s)"]


def test_table_cells_are_filled_from_page_words_and_left_out_of_running_text(replay, monkeypatch):
    words = tesseract.parse_tsv(recorded("header_psm3.tsv"))
    issuer = [w for w in words if w.text in ("ỦY", "BAN", "NHÂN", "DÂN", "TỈNH", "HÀ") or w.text == "NAM" and w.left < 1000]
    x0, y0 = min(w.left for w in issuer) - 5, min(w.top for w in issuer) - 5
    x1, y1 = max(w.left + w.width for w in issuer) + 5, max(w.top + w.height for w in issuer) + 5
    box = (x0, y0, x1 - x0, y1 - y0)

    import ocr.table_read as table_read
    from ocr.table import Grid

    def fake_find_grids(gray, opts, mean=None):
        return [Grid(Table(1, 1, [TableCell(0, 0, "", box=box)], box=box), gray)]

    monkeypatch.setattr(table_read, "find_grids", fake_find_grids)
    page = ocr_page(np.full((900, 2480), 255, np.uint8), 1, OcrOptions())
    assert page.tables[0].cells[0].text == "ỦY BAN NHÂN DÂN TỈNH HÀ NAM"
    assert page.tables[0].cells[0].conf > 50
    assert page.text.splitlines()[:2] == ["ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert page.text.count("ỦY BAN NHÂN DÂN") == 1  # the table's words are not repeated as running text


def test_preprocessing_error_keeps_the_page_with_a_warning(replay, monkeypatch):
    import cv2

    import ocr.document as document

    def broken(*a, **k):
        raise cv2.error("synthetic failure")

    monkeypatch.setattr(document, "preprocess_page", broken)
    page = ocr_page(np.full((50, 50), 255, np.uint8), 4, OcrOptions(tables=False))
    assert page.text.startswith("ỦY BAN NHÂN DÂN")
    assert page.warnings == ["page 4: preprocessing failed (error); page OCR'd as is"]
