"""Ruled-grid detection on images drawn in the test (OpenCV/Pillow), merged cells included."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.table import find_tables

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def _font(size: int):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def draw_table(rows: list[list[str]], col_w: list[int], row_h: int = 70, merged_first_row: bool = False,
               size=(1700, 1100), origin=(80, 120), noise: float = 0.0) -> np.ndarray:
    """A page with one ruled table; `merged_first_row` merges cells 1..2 of the first row."""
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    font = _font(26)
    x0, y0 = origin
    xs = [x0 + sum(col_w[:i]) for i in range(len(col_w) + 1)]
    ys = [y0 + row_h * i for i in range(len(rows) + 1)]
    for y in ys:
        d.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for i, x in enumerate(xs):
        top = ys[1] if (merged_first_row and i == 2) else ys[0]
        d.line([(x, top), (x, ys[-1])], fill=0, width=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                d.text((xs[c] + 10, ys[r] + 18), text, font=font, fill=0)
    d.text((x0, 40), "KẾ HOẠCH cải thiện các chỉ số", font=font, fill=0)  # running text above: not a table
    arr = np.array(img)
    if noise:
        rng = np.random.default_rng(0)
        arr = np.clip(arr.astype(float) + rng.normal(0, noise, arr.shape), 0, 255).astype(np.uint8)
    return arr


def fake_ocr(crop: np.ndarray) -> tuple[str, float]:
    return f"{crop.shape[1]}x{crop.shape[0]}", 90.0


def test_grid_rows_columns_and_merged_cell():
    rows = [["STT", "Nội dung gộp", "", "Chủ trì"]] + [[str(i), "a", "b", "Sở"] for i in range(1, 5)]
    page = draw_table(rows, [120, 400, 400, 400], merged_first_row=True)
    tables = find_tables(page, fake_ocr)
    assert len(tables) == 1
    t = tables[0]
    assert (t.n_rows, t.n_cols) == (5, 4)
    merged = [c for c in t.cells if c.row == 0 and c.col == 1]
    assert merged and merged[0].col_span == 2
    assert all(c.row_span == 1 for c in t.cells)
    assert sum(1 for c in t.cells if c.row == 3) == 4


def test_empty_cells_are_not_sent_to_ocr():
    calls = []

    def counting(crop):
        calls.append(crop.shape)
        return "x", 50.0

    rows = [["STT", "A"], ["1", ""], ["2", ""]]
    find_tables(draw_table(rows, [150, 500]), counting)
    assert len(calls) == 4  # STT, A, 1, 2


def test_page_without_rules_has_no_table():
    img = Image.new("L", (1200, 900), 255)
    ImageDraw.Draw(img).text((100, 100), "Chỉ số PAPI năm 2024 đạt 42,1 điểm", font=_font(30), fill=0)
    assert find_tables(np.array(img), fake_ocr) == []


def test_page_with_horizontal_rules_only_is_not_labelled_for_tables(monkeypatch):
    """Underlines and a ruled-off signature line: no vertical rule, so no table and no labelling."""
    import ocr.table as table

    img = Image.new("L", (1600, 1200), 255)
    draw = ImageDraw.Draw(img)
    for y in (200, 420, 640):
        draw.text((120, y - 45), "Chỉ số PAPI năm 2024 đạt 42,1 điểm", font=_font(30), fill=0)
        draw.line([(100, y), (1500, y)], fill=0, width=3)
    called = []
    monkeypatch.setattr(table, "table_boxes", lambda *a, **k: called.append(1) or [])
    page = np.array(img)
    horiz, vert = table.rule_masks(page)
    assert horiz.any() and not vert.any()
    assert table.find_grids(page) == [] and called == []
    draw.line([(100, 200), (100, 640)], fill=0, width=3)  # one vertical rule: the boxes are looked for
    table.find_grids(np.array(img))
    assert called == [1]


def test_noisy_scan_still_finds_grid():
    rows = [["STT", "Chủ trì", "Thời gian"]] + [[str(i), "Phòng", "2026"] for i in range(1, 7)]
    t = find_tables(draw_table(rows, [150, 500, 400], noise=25.0), fake_ocr)
    assert len(t) == 1 and (t[0].n_rows, t[0].n_cols) == (7, 3)


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_real_ocr_of_a_rendered_task_table_gives_tasks():
    import pytesseract

    from extract.text_tables import tasks_from_grid

    def ocr_cell(crop):
        text = pytesseract.image_to_string(Image.fromarray(crop), lang="vie", config="--psm 6")
        return text.strip(), 90.0

    rows = [["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1.1", "Công khai", "Phòng Kinh tế", "Sở Nội vụ", "30/6/2026"],
            ["1.2", "Tiếp cận", "Công an xã", "Phòng Kinh tế", "Thường xuyên"]]
    page = draw_table(rows, [110, 280, 380, 380, 420], row_h=80)
    grid = find_tables(page, ocr_cell)[0].grid()
    tasks, _, _, _ = tasks_from_grid(grid)
    assert [t.id for t in tasks] == ["1.1", "1.2"]
    assert tasks[0].lead == ["Phòng Kinh tế"] and tasks[0].deadline_date == "2026-06-30"
    assert tasks[1].lead == ["Công an xã"]


def test_skewed_scan_rows_do_not_split():
    import cv2

    rows = [["STT", "Chủ trì", "Phối hợp", "Thời gian"]] + [[str(i), "Phòng", "Sở", "2026"] for i in range(1, 8)]
    page = draw_table(rows, [150, 450, 450, 400])
    h, w = page.shape
    skewed = cv2.warpAffine(page, cv2.getRotationMatrix2D((w / 2, h / 2), 1.2, 1.0), (w, h), borderValue=255)
    t = find_tables(skewed, fake_ocr)
    assert len(t) == 1 and (t[0].n_rows, t[0].n_cols) == (8, 4)
