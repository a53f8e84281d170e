"""Deskew and rule finding on pages drawn in the test: skewed text pages with and without a table,
and the pooled component search (ocr.table.large_components) against labelling the whole mask."""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.options import OcrOptions
from ocr.preprocess import estimate_skew, preprocess_page
from ocr.table import find_grids, large_components, rule_skew

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
LINES = ["Ủy ban nhân dân tỉnh ban hành kế hoạch cải thiện chỉ số năng lực cạnh tranh cấp tỉnh",
         "Các sở, ban, ngành và Ủy ban nhân dân cấp huyện tổ chức thực hiện các nhiệm vụ sau đây",
         "Nâng cao chất lượng giải quyết thủ tục hành chính, công khai minh bạch thông tin"]


def _font(size: int):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def text_page(size=(1700, 2300), table_rows: int = 0, top: int = 150) -> np.ndarray:
    """A grey page of running text; with `table_rows`, a ruled 4-column table below the text."""
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    font = _font(30)
    y = top
    for i in range(18 if not table_rows else 8):
        d.text((120, y), LINES[i % len(LINES)], font=font, fill=0)
        y += 55
    if table_rows:
        xs, y0, row_h = [120, 240, 800, 1200, 1580], y + 40, 70
        for r in range(table_rows + 1):
            d.line([(xs[0], y0 + r * row_h), (xs[-1], y0 + r * row_h)], fill=0, width=3)
        for x in xs:
            d.line([(x, y0), (x, y0 + table_rows * row_h)], fill=0, width=3)
        for r in range(table_rows):
            for c, text in enumerate([str(r + 1), "Sở Nội vụ", "Phòng Kinh tế", "Quý II/2026"]):
                d.text((xs[c] + 12, y0 + r * row_h + 18), text, font=_font(26), fill=0)
    return np.array(img)


def turned(page: np.ndarray, degrees: float) -> np.ndarray:
    h, w = page.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(page, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


@pytest.mark.parametrize("degrees", [1.5, -2.3, 0.7])
def test_skewed_text_page_without_rules_is_straightened(degrees):
    page = turned(text_page(), degrees)
    assert abs(estimate_skew(page) + degrees) <= 0.1
    pre = preprocess_page(page, OcrOptions())
    assert abs(pre.skew + degrees) <= 0.1 and not pre.rules_removed


def test_straight_page_is_left_alone():
    pre = preprocess_page(text_page(), OcrOptions())
    assert pre.skew == 0.0


def test_table_page_at_1_5_degrees_is_straightened_and_its_grid_found():
    page = turned(text_page(table_rows=6), 1.5)
    pre = preprocess_page(page, OcrOptions())
    assert abs(pre.skew + 1.5) <= 0.1 and pre.rules_removed
    grids = find_grids(pre.image)
    assert len(grids) == 1
    assert (grids[0].table.n_rows, grids[0].table.n_cols) == (6, 4)
    # no deskew: the grid search turns the page by the rules' own skew and still finds every row
    grids = find_grids(page)
    assert len(grids) == 1 and grids[0].matrix is not None
    assert (grids[0].table.n_rows, grids[0].table.n_cols) == (6, 4)


def test_rule_skew_measures_long_rules_only():
    mask = np.zeros((900, 1200), np.uint8)
    for y in (200, 400, 600):  # long rules rising 1 px every 100 px
        for x0 in range(100, 1100, 100):
            mask[y - (x0 - 100) // 100: y - (x0 - 100) // 100 + 3, x0:x0 + 100] = 255
    mask[800:803, 100:300] = 255  # a short underline does not count
    assert rule_skew(mask) == pytest.approx(np.degrees(np.arctan(-0.01)), abs=0.05)
    assert rule_skew(np.zeros((300, 300), np.uint8)) == 0.0


def _full_labelling(mask: np.ndarray, min_w: float, min_h: float) -> list[tuple]:
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w >= min_w and h >= min_h:
            out.append(((x, y, w, h), labels[y:y + h, x:x + w] == i))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_large_components_are_those_of_the_whole_mask(seed):
    rng = np.random.default_rng(seed)
    h, w = rng.integers(97, 403, size=2)  # sizes not a multiple of the pooling
    mask = np.zeros((h, w), np.uint8)
    for _ in range(40):  # rectangles, thin lines and specks, touching or close to each other
        x, y = rng.integers(0, w), rng.integers(0, h)
        bw, bh = rng.choice([1, 2, 3, 20, 80]), rng.choice([1, 2, 3, 20, 60])
        mask[y:y + bh, x:x + bw] = 255
    for _ in range(400):
        mask[rng.integers(0, h), rng.integers(0, w)] = 255
    for min_w, min_h in [(0, 0), (10, 0), (30, 5), (w * 0.3, 0), (5, 40)]:
        want = sorted(_full_labelling(mask, min_w, min_h), key=lambda c: (c[0][1], c[0][0], c[0][2:]))
        got = sorted(large_components(mask, min_w, min_h), key=lambda b: (b.box[1], b.box[0], b.box[2:]))
        assert [b.box for b in got] == [box for box, _ in want]
        for blob, (_, members) in zip(got, want):
            assert np.array_equal(blob.labels == blob.label, members)
            ys, xs = blob.pixels()
            assert mask[ys, xs].all() and len(ys) == members.sum()



def test_large_components_of_a_0_1_mask():
    """A 0/1 mask (a block mean of one pixel of 1 is 0) gives the components of its 0/255 copy."""
    mask = np.zeros((90, 130), np.uint8)
    mask[10, 5:120] = 1  # a one-pixel rule: no block of it holds more than 4 of 16 pixels
    mask[30:80, 60] = 1
    mask[50, 100] = 1
    want = [(b.box, b.pixels()) for b in large_components(mask * 255, 0)]
    got = [(b.box, b.pixels()) for b in large_components(mask, 0)]
    assert [box for box, _ in got] == [box for box, _ in want] == [(5, 10, 115, 1), (60, 30, 1, 50), (100, 50, 1, 1)]
    for (_, (ys, xs)), (_, (wys, wxs)) in zip(got, want):
        assert np.array_equal(ys, wys) and np.array_equal(xs, wxs)

@pytest.mark.parametrize("seed", range(4))
def test_line_opening_is_the_whole_page_opening(seed):
    from ocr.preprocess import line_opening

    rng = np.random.default_rng(seed)
    h, w = rng.integers(150, 420, size=2)  # not a multiple of the row blocks
    ink = np.where(rng.random((h, w)) < 0.35, 255, 0).astype(np.uint8)  # dense specks, runs of all lengths
    for _ in range(12):  # and rules, some reaching the page's edges
        if rng.random() < 0.5:
            y, x = rng.integers(0, h), rng.integers(-20, w - 30)
            ink[y, max(0, x):x + rng.integers(20, 140)] = 255
        else:
            y, x = rng.integers(-20, h - 30), rng.integers(0, w)
            ink[max(0, y):y + rng.integers(20, 140), x] = 255
    for length in (3, 9, 40, 61):
        for vertical in (False, True):
            line = cv2.getStructuringElement(cv2.MORPH_RECT, (1, length) if vertical else (length, 1))
            assert np.array_equal(line_opening(ink, length, vertical), cv2.morphologyEx(ink, cv2.MORPH_OPEN, line))
    assert not line_opening(np.zeros((50, 60), np.uint8), 10).any()



@pytest.mark.parametrize("h, length, run", [(2339, 93, 47), (3508, 87, 44)])
def test_line_opening_keeps_a_half_rule_on_the_bottom_edge(h, length, run):
    """The whole-page opening counts outside the page as ink: a vertical run ending on the last row survives
    from floor(length / 2) + 1 px (the page sizes and lengths of remove_rules and rule_masks on A4 scans)."""
    from ocr.preprocess import line_opening

    ink = np.zeros((h, 64), np.uint8)
    ink[h - run:, 30] = 255
    line = cv2.getStructuringElement(cv2.MORPH_RECT, (1, length))
    want = cv2.morphologyEx(ink, cv2.MORPH_OPEN, line)
    assert cv2.countNonZero(want) == run
    assert np.array_equal(line_opening(ink, length, vertical=True), want)


def test_line_opening_at_every_edge_and_run_length():
    """Runs of every length ending on each edge of pages of every height mod 4, in both directions."""
    from ocr.preprocess import line_opening

    for size in range(41, 49):
        for length in range(3, 30):
            for run in range(1, length + 1):
                for vertical in (False, True):
                    ink = np.zeros((size, 20) if vertical else (20, size), np.uint8)
                    for line_at, sl in ((3, slice(size - run, None)), (11, slice(0, run))):  # far edge, near edge
                        if vertical:
                            ink[sl, line_at] = 255
                        else:
                            ink[line_at, sl] = 255
                    line = cv2.getStructuringElement(cv2.MORPH_RECT, (1, length) if vertical else (length, 1))
                    want = cv2.morphologyEx(ink, cv2.MORPH_OPEN, line)
                    assert np.array_equal(line_opening(ink, length, vertical), want), (size, length, run, vertical)

def test_tiny_and_blank_pages_have_no_skew():
    assert estimate_skew(np.full((40, 30), 255, np.uint8)) == 0.0
    tiny = np.full((40, 30), 255, np.uint8)
    tiny[10:14, 2:28] = 0  # a straight bar looks the same over a few degrees: the smallest turn wins the tie
    assert estimate_skew(tiny) == 0.0


def test_all_ink_page_stays_in_the_searched_range():
    from ocr.preprocess import MAX_SKEW

    assert abs(estimate_skew(np.zeros((500, 700), np.uint8))) <= MAX_SKEW


def dense_lines_page(degrees: float, line: int, gap: int, margin: int = 60) -> np.ndarray:
    """Rules `line` px thick, `gap` px apart, broken into words: 4-5 px a line in the deskew mask."""
    from ocr.preprocess import rotate_by

    page = np.full((791, 1323), 255, np.uint8)
    for y in range(margin, 791 - margin - line, line + gap):
        page[y:y + line, margin:1323 - margin] = 0
    for x in range(0, 1323, 40):
        page[:, x:x + 8] = 255
    return rotate_by(page, degrees)


@pytest.mark.parametrize("degrees, line, gap", [(0.74, 3, 3), (-1.3, 3, 3), (1.8, 3, 3), (-0.9, 2, 3)])
def test_dense_lines_are_straightened(degrees, line, gap):
    """The half-size coarse search aliases on lines this close: its best step alone led elsewhere."""
    assert estimate_skew(dense_lines_page(degrees, line, gap)) == pytest.approx(-degrees, abs=0.06)


@pytest.mark.parametrize("offset", [8, 15, 1])
def test_darker_than_mean_is_opencv_adaptive_threshold(offset):
    from ocr.preprocess import RULE_WINDOW, darker_than_mean, local_mean

    rng = np.random.default_rng(offset)
    for k in range(6):
        h, w = (int(v) for v in rng.integers(20, 300, 2))
        gray = rng.integers(0, 256, (h, w)).astype(np.uint8)
        if k % 2:  # smooth grey levels: many pixels near the threshold
            gray = cv2.GaussianBlur(gray, (7, 7), 0)
        want = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, RULE_WINDOW, offset)
        assert np.array_equal(darker_than_mean(gray, offset), want)
        assert np.array_equal(darker_than_mean(gray, offset, local_mean(gray)), want)


def test_preprocessing_hands_its_mean_to_the_grid_search():
    from ocr.preprocess import local_mean

    page = text_page(table_rows=5)
    pre = preprocess_page(page, OcrOptions())
    assert np.array_equal(pre.image_mean, local_mean(pre.image))
    with_mean, without = find_grids(pre.image, mean=pre.image_mean), find_grids(pre.image)
    assert with_mean and [[c.box for c in g.table.cells] for g in with_mean] == \
        [[c.box for c in g.table.cells] for g in without]
    assert preprocess_page(page, OcrOptions(remove_rules=False)).image_mean is None
