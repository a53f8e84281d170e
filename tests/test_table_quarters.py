"""Roman quarters re-counted from their strokes (ocr/table_quarters.py), on cells drawn here with PIL."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.table_quarters import (QUARTER, count_strokes, fix_quarters, has_quarter_cue, is_cue, numeral_box,
                                 stroke_like)
from ocr.types import TableCell, Word
from tests.test_table import _font

SIZE = 26  # Liberation Serif at 26 px: capitals ~19 px tall, as a 13 pt table cell at 200 dpi


def _draw(lines: list[str], size: int = SIZE, blur: bool = False) -> tuple[np.ndarray, list[Word]]:
    """A cell printed line by line, with one Word per printed word at its ink box (as a page TSV)."""
    font = _font(size)
    img = Image.new("L", (420, 60 + 45 * len(lines)), 255)
    d = ImageDraw.Draw(img)
    words: list[Word] = []
    for i, line in enumerate(lines):
        x, y = 20, 20 + 45 * i
        for token in line.split(" "):
            left, top, right, bottom = d.textbbox((x, y), token, font=font)
            d.text((x, y), token, font=font, fill=0)
            words.append(Word(token, left, top, right - left, bottom - top, 90.0, line=i))
            x = right + int(0.3 * size)
    arr = np.array(img)
    if blur:  # a soft scan: grey edges, some noise
        import cv2

        rng = np.random.default_rng(7)
        arr = cv2.GaussianBlur(arr, (3, 3), 0)
        arr = np.clip(arr.astype(int) + rng.normal(0, 12, arr.shape), 0, 255).astype(np.uint8)
    return arr, words


def _numeral(text: str, **kw) -> int | None:
    image, words = _draw([f"Quý {text}"], **kw)
    box = numeral_box(words[0], words)
    return count_strokes(image, box)


@pytest.mark.parametrize("text,n", [("I/2025", 1), ("II/2025", 2), ("III/2025", 3), ("III", 3), ("II", 2),
                                    ("III/2026.", 3)])
def test_strokes_of_roman_quarters(text, n):
    assert _numeral(text) == n
    assert _numeral(text, blur=True) == n


@pytest.mark.parametrize("size", [22, 34, 48])
def test_strokes_at_other_sizes(size):
    assert _numeral("III/2024", size=size) == 3
    assert _numeral("II/2024", size=size) == 2


@pytest.mark.parametrize("text", ["IV/2025", "IV", "2/2025", "4/2025", "tới", "V/2025"])
def test_no_count_for_other_numerals(text):
    assert _numeral(text) is None


def _cell(text: str) -> TableCell:
    return TableCell(row=1, col=3, text=text, box=(0, 0, 420, 200))


def test_misread_quarter_is_fixed():
    image, words = _draw(["Quý III/2025"])
    for misread in ("Quý II/2025", "Quý I/I/2025", "Quý 1/2025", "Quý IH/2025"):
        cell = _cell(misread)
        assert fix_quarters(image, [(cell, words)]) == 1
        assert cell.text == "Quý III/2025"


def test_wrapped_numeral_on_the_next_line():
    image, words = _draw(["Trong Quý", "III/2025"])
    cell = _cell("Trong Quý\nII/2025")
    fix_quarters(image, [(cell, words)])
    assert cell.text == "Trong Quý\nIII/2025"


def test_lone_quarter_and_two_quarters_in_a_cell():
    image, words = _draw(["Quý II - Quý III"])
    cell = _cell("Quý I - Quý Il")
    assert fix_quarters(image, [(cell, words)]) == 2
    assert cell.text == "Quý II - Quý III"


def test_right_readings_and_arabic_quarters_untouched():
    image, words = _draw(["Quý IV/2025"])
    cell = _cell("Quý IV/2025")
    assert fix_quarters(image, [(cell, words)]) == 0 and cell.text == "Quý IV/2025"
    image, words = _draw(["Quý 1/2025"])
    cell = _cell("Quý 1/2025")  # a `1` is one bar too: an Arabic quarter stays as printed
    assert fix_quarters(image, [(cell, words)]) == 0 and cell.text == "Quý 1/2025"
    image, words = _draw(["Quý III/2025"])
    cell = _cell("Quý III/2025")
    assert fix_quarters(image, [(cell, words)]) == 0


def test_cells_without_a_quarter_cost_nothing(monkeypatch):
    import ocr.table_quarters as tq

    image, words = _draw(["Theo quy định"])
    called = []
    monkeypatch.setattr(tq, "count_strokes", lambda *a: called.append(a))
    cell = _cell("Theo quy định")
    assert fix_quarters(image, [(cell, words), (_cell("Thường xuyên"), [])]) == 0
    assert not called and cell.text == "Theo quy định"


def test_quarter_pattern():
    assert [m.group("num") for m in QUARTER.finditer("Quý I/I/2021; quý II năm 2025")] == ["I/I", "II"]
    assert stroke_like("I/I") and stroke_like("Il") and stroke_like("1")
    assert not stroke_like("IV") and not stroke_like("/") and not stroke_like("định")


def _ink_words(rows: list[list[str]], col_w: list[int], misread: dict[str, str], row_h: int = 70,
               origin=(80, 120)) -> list[Word]:
    """Page words at their ink boxes where draw_table printed them, some read wrong (`misread`)."""
    font = _font(26)
    d = ImageDraw.Draw(Image.new("L", (10, 10)))
    x0, y0 = origin
    out = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            x, y = x0 + sum(col_w[:c]) + 10, y0 + row_h * r + 18
            for token in text.split(" "):
                left, top, right, bottom = d.textbbox((x, y), token, font=font)
                out.append(Word(misread.get(token, token), left, top, right - left, bottom - top, 93.0))
                x = right + int(d.textlength(" ", font=font))
    return out


def test_ruled_table_reading_counts_the_strokes(monkeypatch):
    from ocr import table_read
    from tests.test_table import draw_table
    from tests.test_table_read import COLS, ROWS

    monkeypatch.setattr(table_read.tesseract, "images_to_words", lambda images, *a, **k: [[] for _ in images])
    words = _ink_words(ROWS, COLS, {"III/2026": "II/2026"})  # the page's reading dropped a stroke
    grid = table_read.read_tables(draw_table(ROWS, COLS), words, "vie")[0].grid()
    assert grid[1][3] == "Quý III/2026"
    assert grid[3][3] == "31/12/2026"


def test_borderless_short_cells_count_the_strokes(monkeypatch):
    from ocr import table_marks
    from ocr.types import Table

    image, words = _draw(["Quý III/2025"])
    words = [w if w.text != "III/2025" else Word("Il/2025", w.left, w.top, w.width, w.height, 60.0) for w in words]
    cell = TableCell(row=1, col=1, text="Quý Il/2025", box=(0, 0, 420, 100))
    table = Table(2, 2, cells=[TableCell(row=0, col=1, text="Thời gian", box=(0, 0, 1, 1)), cell], box=(0, 0, 420, 100),
                  kind="borderless", header_rows=1)
    monkeypatch.setattr(table_marks, "reread_cells", lambda *a, **k: None)  # the crop read nothing better
    table_marks.reread_short_cells(image, words, [table], [None], 17.0, "vie")
    assert cell.text == "Quý III/2025"


def test_a_reading_that_lost_the_slash():
    image, words = _draw(["Quý II/2025"])
    cell = _cell("Quý 112025")
    assert fix_quarters(image, [(cell, words)]) == 1 and cell.text == "Quý II/2025"
    image, words = _draw(["Quý IV/2025"])  # not bars only: left as read
    cell = _cell("Quý 112025")
    assert fix_quarters(image, [(cell, words)]) == 0 and cell.text == "Quý 112025"
    image, words = _draw(["Quý III"])  # no slash in the ink: the digits are not a year glued to bars
    cell = _cell("Quý 112025")
    assert fix_quarters(image, [(cell, words)]) == 0


@pytest.mark.parametrize("printed,read", [("Quý I-II/2025", "Quý I/II/2025"), ("Quý I,II/2025", "Quý I,II/2025"),
                                          ("Quý I, II/2025", "Quý I, II/2025"), ("Quý I+II", "Quý I|II"),
                                          ("Quý I.II/2025", "Quý I/II/2025")])
def test_a_quarter_range_is_not_one_numeral(printed, read):
    """Bars on both sides of a short mark (`-`, `,`, `+`, `.`) are two numerals, not `III`."""
    image, words = _draw([printed])
    cell = _cell(read)
    assert fix_quarters(image, [(cell, words)]) == 0 and cell.text == read
    image, words = _draw([printed], blur=True)
    assert count_strokes(image, numeral_box(words[0], words)) in (None, 1)


def test_bars_far_apart_are_not_one_numeral():
    image, words = _draw(["Quý I  II"])  # two spaces: a gap wider than half the letter height
    bars = [w for w in words[1:] if w.text]
    x0, x1 = bars[0].left, bars[-1].left + bars[-1].width
    box = (x0, min(w.top for w in bars), x1 - x0, max(w.height for w in bars))
    assert count_strokes(image, box) is None
    assert _numeral("III/2025") == 3  # the serifs of one numeral touch: no gap


def test_quy_of_other_words_is_no_quarter_cue():
    for line in ("Theo quy định", "Theo quy hoạch", "Ban hành quy chế", "Quy định chung", "Quỹ phát triển"):
        _, words = _draw([line])
        assert not has_quarter_cue(words), line
    for line in ("Quý III/2025", "QUÝ II", "Trong quy II/2025", "Quy 1/2025"):
        _, words = _draw([line])
        assert has_quarter_cue(words), line
    assert is_cue("Quý", "định") and not is_cue("quy", "định") and is_cue("quy", "III/2025")


def test_quy_dinh_before_a_quarter_does_not_shift_the_numerals():
    """`quy định` in the cell text is not a quarter: the one `Quý` is paired with its own numeral."""
    image, words = _draw(["Theo quy định", "Quý III/2025"])
    cell = _cell("Theo quy định quy định\nQuý II/2025")  # the crop reading repeated a word
    assert fix_quarters(image, [(cell, words)]) == 1
    assert cell.text == "Theo quy định quy định\nQuý III/2025"
