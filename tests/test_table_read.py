"""Cheap cell reading (ocr/table_read.py): page words first, doubtful cells in one batched Tesseract call."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr import table_read
from ocr.table import find_grids
from ocr.types import Word
from tests.test_table import _font, draw_table

ROWS = [["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1.1", "Công khai thủ tục hành chính đầy đủ", "Phòng Kinh tế", "Quý III/2026"],
        ["1.2", "Tiếp nhận hồ sơ trực tuyến", "Công an xã", "Thường xuyên"],
        ["1.3", "Rà soát quy trình nội bộ", "Văn phòng", "31/12/2026"]]
COLS = [90, 560, 420, 420]


def _words_for(table_rows, col_w, row_h=70, origin=(80, 120), conf=93.0, skip_col=None) -> list[Word]:
    """Page words where draw_table printed them (one Word per printed word, rough boxes)."""
    x0, y0 = origin
    out = []
    for r, row in enumerate(table_rows):
        for c, text in enumerate(row):
            if c == skip_col:
                continue
            left = x0 + sum(col_w[:c]) + 10
            for word in text.split():
                out.append(Word(word, left, y0 + row_h * r + 18, 12 * len(word), 26, conf))
                left += 12 * len(word) + 8
    return out


@pytest.fixture
def calls(monkeypatch):
    """Fake batched Tesseract: records each call (one per batch) and reads every crop as `7.7`."""
    seen: list[tuple[int, int, str]] = []

    def fake(images, languages, psm=6, config="", timeout=180.0):
        seen.append((len(images), psm, config))
        return [[Word("7.7", 0, 0, 10, 10, 95.0)] for _ in images]

    monkeypatch.setattr(table_read.tesseract, "images_to_words", fake)
    return seen


def test_long_cells_keep_page_words_and_doubtful_cells_go_in_few_batches(calls):
    page = draw_table(ROWS, COLS)
    # the page OCR missed the narrow STT column; short cells below `sure_conf` are doubtful
    words = _words_for(ROWS, COLS, conf=88.0, skip_col=0)
    tables = table_read.read_tables(page, words, "vie")
    grid = tables[0].grid()
    assert grid[1][1] == "Công khai thủ tục hành chính đầy đủ"  # long, confident: page words kept
    assert grid[2][0] == "7.7"  # row numbers read again from their crops
    assert grid[1][3] == "Quý III/2026"  # short cells read again, page words kept (crop not more confident)
    assert len(calls) <= 3  # one process per kind of read, not one per cell
    assert sum(n for n, _, _ in calls) >= 8
    id_calls = [c for c in calls if "whitelist" in c[2]]
    assert id_calls and all(psm == 7 and "IVX" not in cfg for _, psm, cfg in id_calls)


def test_short_cells_read_near_certain_keep_page_words_without_a_crop_read(calls):
    page = draw_table(ROWS, COLS)
    sure = table_read.ReadOptions().sure_conf
    tables = table_read.read_tables(page, _words_for(ROWS, COLS, conf=sure + 5), "vie")
    assert calls and all("whitelist" in cfg for _, _, cfg in calls)  # the row numbers only
    assert tables[0].grid()[1][2:] == ["Phòng Kinh tế", "Quý III/2026"]
    calls.clear()
    table_read.read_tables(page, _words_for(ROWS, COLS, conf=sure - 5), "vie")
    assert sum(n for n, psm, cfg in calls if psm == 6 and not cfg) >= 8  # every short cell read again


@pytest.mark.parametrize("confs,text,again", [
    ([], "", True),  # ink but no page word
    ([95.0, 70.0], "Công khai thủ tục hành chính đầy đủ trên cổng", True),  # a doubtful word
    ([95.0, 85.0], "Công khai thủ tục hành chính đầy đủ trên cổng", False),  # long and confident
    ([96.0, 97.0], "Quý III/2026", False),  # short, every word near-certain
    ([97.0, 92.0], "Quý III/2026", True),  # short, one word not near-certain
])
def test_which_cells_are_read_again(confs, text, again):
    inside = [Word(t, 10 * i, 0, 8, 10, c) for i, (t, c) in enumerate(zip(text.split(), confs))]
    assert table_read.needs_reread(inside, text, table_read.ReadOptions()) is again


def test_header_cell_of_the_number_column_is_not_read_as_a_number(calls):
    page = draw_table(ROWS, COLS)
    table_read.read_tables(page, _words_for(ROWS, COLS), "vie")
    assert [n for n, _, cfg in calls if "whitelist" in cfg] == [3]  # 1.1, 1.2, 1.3: not `STT`


def test_page_without_tables_costs_no_tesseract_call(calls):
    img = Image.new("L", (1200, 900), 255)
    ImageDraw.Draw(img).text((100, 100), "Chỉ số PAPI năm 2024 đạt 42,1 điểm", font=_font(30), fill=0)
    assert table_read.read_tables(np.array(img), [], "vie") == []
    assert calls == []


@pytest.mark.parametrize("page_text,page_conf,crop,expected", [
    ("41", 83.0, "4.1", "4.1"),  # the crop kept the dot
    ("1.1", 95.0, "11", "1.1"),  # same digits: the reading with the dot
    ("", None, "5.2", "5.2"),
    ("2.2", 96.0, "5.2", "2.2"),  # two different numbers: the more confident one (page 96 > crop 60)
    ("7.1", 90.0, "Z", "7.1"),  # not a row number: page words stay
])
def test_row_number_choice(page_text, page_conf, crop, expected):
    cell = table_read.TableCell(1, 0, page_text, conf=page_conf)
    pending = table_read.Pending(cell, np.zeros((1, 1), np.uint8), page_text, page_conf)
    table_read._choose_id(pending, [Word(crop, 0, 0, 10, 10, 60.0)])
    assert cell.text == expected


def test_lone_stroke_is_a_one():
    def glyph(text):
        img = Image.new("L", (80, 80), 255)
        ImageDraw.Draw(img).text((25, 10), text, font=_font(48), fill=0)
        return np.array(img)

    assert table_read.lone_stroke(glyph("1"))
    assert not any(table_read.lone_stroke(glyph(d)) for d in ("2", "3", "4", "5", "7", "11", "-"))


def test_faint_thin_rules_with_a_break_do_not_merge_cells():
    """A 200-dpi render of a scan: rules 1 px, ~28 grey levels below the paper, a vertical rule fading
    for 30 px under a horizontal rule, another broken for 12 px (two cells came out merged before)."""
    img = Image.new("L", (1400, 700), 250)
    d = ImageDraw.Draw(img)
    xs, ys = [100, 200, 600, 1000, 1300], [100 + 90 * i for i in range(6)]
    for y in ys:
        d.line([(xs[0], y), (xs[-1], y)], fill=222, width=1)
    for x in xs:
        d.line([(x, ys[0]), (x, ys[-1])], fill=222, width=1)
    d.line([(600, ys[2] + 2), (600, ys[2] + 32)], fill=238, width=1)  # a faded stretch ...
    d.line([(1000, ys[3] + 30), (1000, ys[3] + 42)], fill=250, width=1)  # ... and a break
    for r in range(5):
        for c in range(4):
            d.text((xs[c] + 10, ys[r] + 25), "Sở" if c else str(r), font=_font(22), fill=40)
    grids = find_grids(np.array(img))
    assert len(grids) == 1
    t = grids[0].table
    assert (t.n_rows, t.n_cols) == (5, 4)
    assert all(c.col_span == 1 and c.row_span == 1 for c in t.cells)


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_real_batch_read_of_number_and_text_cells():
    from ocr._exec import tesseract

    from ocr.preprocess import remove_rules

    tesseract.check("vie")
    page = draw_table(ROWS, COLS)
    words = tesseract.parse_tsv(tesseract.image_to_tsv(remove_rules(page)[0], "vie", 3))  # as ocr_page does
    grid = table_read.read_tables(page, words, "vie")[0].grid()
    assert [row[0] for row in grid[1:]] == ["1.1", "1.2", "1.3"]
    assert [row[2] for row in grid[1:]] == ["Phòng Kinh tế", "Công an xã", "Văn phòng"]
    assert grid[2][3] == "Thường xuyên" and grid[3][3] == "31/12/2026"


def _line(*pairs, top=0):
    out, left = [], 0
    for text, conf in pairs:
        out.append(Word(text, left, top, 12 * len(text), 26, conf, line=top))
        left += 12 * len(text) + 8
    return out


@pytest.mark.parametrize("page,crop,expected", [
    ([("Phòng", 96), ("Kếhoạch-", 91)], [("Phòng", 96), ("Kế", 97), ("hoạch", 93), ("-", 93)], "Phòng Kế hoạch -"),
    ([("liên", 97), ("ục", 93)], [("liền", 85), ("tục", 97)], "liên tục"),  # page letters, crop's lost letter
    ([("+0,12", 86)], [("-0,12", 86)], "+0,12"),  # signs: page kept unless the crop is clearly better
    ([("quan,", 46)], [("quan", 93), (".", 85)], "quan ,"),  # same letters: the page's mark
    ([("Hằng", 96), ("năm", 96)], [("Hãng", 88), ("năm", 96)], "Hằng năm"),
    ([("'Văn", 91), ("phòng", 96)], [("Văn", 95), ("phòng", 96)], "Văn phòng"),  # a speck dropped
    ([("Phòng", 96), ("Kếhoạch-", 91), ("Tài", 96)], [("Phòng", 96), ("Kế", 95), ("hoạch", 95), (":", 91), ("Tài", 96)],
     "Phòng Kế hoạch - Tài"),  # the crop's spaces, the page's dash
])
def test_merge_word_by_word(page, crop, expected):
    from ocr.table_merge import merge

    assert merge(_line(*page), _line(*crop)) == expected


def test_merge_keeps_the_page_lines():
    from ocr.table_merge import merge

    page = _line(("-", 95), ("Rà", 54), ("soát", 96)) + _line(("-", 95), ("Kiểm", 96), ("tra", 96), top=40)
    crop = _line(("-", 95), ("Rà", 90), ("soát", 96)) + _line(("-", 95), ("Kiếm", 90), ("tra", 96), top=40)
    assert merge(page, crop) == "- Rà soát\n- Kiểm tra"
    assert merge([], crop) == "- Rà soát\n- Kiếm tra"


def test_specks_and_glued_noise_are_left_out_of_cells():
    words = [Word("Sở", 0, 0, 31, 21, 97), Word("Nội", 40, 0, 36, 21, 97), Word("vụ", 80, 0, 27, 19, 97),
             Word("Ñ", 120, 5, 6, 6, 33), Word("_", 140, 0, 11, 40, 70), Word("-", 160, 10, 7, 3, 93)]
    kept = [w.text for w in words if not table_read.is_speck(w, 22.0)]
    assert kept == ["Sở", "Nội", "vụ", "-"]  # a dash is small but real
    trimmed = table_read.trim([Word("III/2022”", 0, 0, 90, 22, 90), Word("xã_", 0, 0, 30, 22, 90)])
    assert [w.text for w in trimmed] == ["III/2022", "xã"]
    quoted = table_read.trim([Word("“mức", 0, 0, 50, 22, 90), Word("độ”", 0, 0, 30, 22, 90)])
    assert [w.text for w in quoted] == ["“mức", "độ”"]


def test_merge_prefers_a_reading_in_the_form_of_a_quarter_or_date():
    from ocr.table_merge import merge

    assert merge(_line(("Quý", 93), ("HI/2025", 80)), _line(("Quý", 93), ("III/2025", 60))) == "Quý III/2025"
    assert merge(_line(("Quý", 93), ("II/2025", 80)), _line(("Quý", 93), ("11/2025", 85))) == "Quý II/2025"


def test_group_numerals_and_id_configs_shared_with_the_borderless_path():
    from ocr import table_marks

    digits, roman = table_read.id_configs(table_read.ReadOptions())
    assert digits.endswith("=0123456789.") and roman.endswith("=0123456789.IVX")
    assert (table_marks.DIGITS, table_marks.ROMAN) == (digits, roman)
    read = lambda *texts: [Word(t, 0, 0, 5, 5, 90.0) for t in texts]  # noqa: E731
    assert table_read.roman_numeral(read("II")) == "II" and table_read.roman_numeral(read("I", "V.")) == "IV."
    assert table_read.roman_numeral(read("I")) is None and table_read.roman_numeral(read("11")) is None


def test_cells_read_again_take_the_crop_and_retry_empty_ones_as_one_word(monkeypatch):
    from ocr.types import TableCell

    psms = []

    def read(crops, languages, psm=6, config="", timeout=60.0):
        psms.append((psm, len(crops)))
        return [[Word("Quý", 0, 0, 40, 20, 96.0), Word("III/2026", 50, 0, 80, 20, 95.0)] if psm == 8 else []
                for _ in crops]

    monkeypatch.setattr(table_read.tesseract, "images_to_words", read)
    kept, empty = TableCell(1, 1, "Sở Nội vụ"), TableCell(1, 2, "")
    items = [table_read.Pending(kept, np.zeros((5, 5), np.uint8), kept.text, 90.0,
                                page_words=[Word("Sở", 0, 0, 20, 20, 90.0), Word("Nội", 25, 0, 30, 20, 90.0),
                                            Word("vụ", 60, 0, 20, 20, 90.0)]),
             table_read.Pending(empty, np.zeros((5, 5), np.uint8), "", None)]
    table_read.reread_cells(items, "vie", 10.0, table_read.ReadOptions())
    assert psms == [(6, 2), (8, 1)] and kept.text == "Sở Nội vụ" and empty.text == "Quý III/2026"
