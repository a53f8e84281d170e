"""Results tables whose header is spread over two or three lines (issue #4, session 5): a top cell spanning the
columns under it (a former unit over `Điểm | Xếp hạng`, an index over `Điểm | Hạng`, a year over `Điểm đạt | Tỷ lệ
(%)`), box-drawn, `|`-separated or space-aligned; and tables of goals with a one-line header. Tables are built here
(other units, indices, years, numbers), each with and without diacritics; the English-OCR-like form where the
documents print it."""
from __future__ import annotations

import pytest

from extract.numbers import fold
from extract.result_header_grid import header_grid_values
from kehoach.synth.lossy_text import strip_marks
from normalize.text import join_wrapped_lines
from normalize.types import NormalizedDocument
from extract.results import extract_results_and_targets
from tests.test_result_tables_shapes import STRIP, rows, run


def _targets(text: str, strip: bool):
    _, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, strip_marks(text) if strip else text)]))
    return targets


def _grid(cells: list[list[str]], widths: list[int], bar: str = "|") -> list[str]:
    """Rows of cells padded to the widths, `|`-separated (a cell of '' over a merged span is left empty)."""
    return [bar + bar.join(f" {c}".ljust(w) for c, w in zip(row, widths)) + bar for row in cells]


def _spaced(cells: list[list[str]], widths: list[int]) -> list[str]:
    return ["".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]


# ---- a pair of columns per former unit, one row per index (box drawn, `|`, spaces)

_UNITS = [("Xã Tân Phú (cũ)", "xã Tân Phú (cũ)"), ("Xã Hòa Bắc (cũ)", "xã Hòa Bắc (cũ)")]
_UNIT_ROWS = [("PAR INDEX", ["82,40", "7/15", "79,05", "12/15"]), ("SIPAS (%)", ["86,10", "5/15", "88,75", "3/15"])]


def _unit_pairs_box() -> list[str]:
    w = 13
    return ["┌" + "─" * 14 + "┬" + "─" * (2 * w + 1) + "┬" + "─" * (2 * w + 1) + "┐",
            "│" + "".ljust(14) + "│" + f" {_UNITS[0][0]}".ljust(2 * w + 1) + "│" + f" {_UNITS[1][0]}".ljust(2 * w + 1) + "│",
            "│" + " Chỉ số".ljust(14) + "├" + "─" * w + "┬" + "─" * w + "┼" + "─" * w + "┬" + "─" * w + "┤",
            "│" + "".ljust(14) + "│" + " Điểm".ljust(w) + "│" + " Xếp hạng".ljust(w) + "│" + " Điểm".ljust(w) + "│"
            + " Xếp hạng".ljust(w) + "│",
            "├" + "─" * 14 + "┼" + ("─" * w + "┼") * 3 + "─" * w + "┤"] + [
        "│" + f" {name}".ljust(14) + "│" + "│".join(f" {v}".ljust(w) for v in values) + "│" for name, values in _UNIT_ROWS] + [
        "└" + "─" * 14 + "┴" + ("─" * w + "┴") * 3 + "─" * w + "┘"]


def _unit_pairs_spaced() -> list[str]:
    widths = [16, 12, 14, 12, 14]
    return ["".ljust(16) + _UNITS[0][0].ljust(26) + _UNITS[1][0],
            *_spaced([["Chỉ số", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"]], widths),
            *_spaced([[name] + values for name, values in _UNIT_ROWS], widths)]


@pytest.mark.parametrize("layout", [_unit_pairs_box, _unit_pairs_spaced])
@pytest.mark.parametrize("strip", STRIP)
def test_a_pair_of_columns_per_former_unit_and_a_row_per_index(layout, strip):
    text = "\n".join(["II. KẾT QUẢ TRƯỚC SẮP XẾP", "Kết quả năm 2023 của hai xã (cũ) như sau:", "", *layout(), "",
                      "III. MỤC TIÊU"])
    got = run(text, strip)
    assert {fold(r.scope) for r in got} == {fold(s) for _, s in _UNITS}
    assert rows(got, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", 2023, 82.4, None, 7, 15), ("PAR INDEX", 2023, 79.05, None, 12, 15),
        ("SIPAS", 2023, None, 86.1, 5, 15), ("SIPAS", 2023, None, 88.75, 3, 15)}


# ---- a row per year under index names spanning `Điểm | Hạng` pairs (`Năm` in the middle of the header block)

@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("english_ocr", [False, True])
def test_a_row_per_year_under_indices_spanning_their_pairs(strip, english_ocr):
    top = ["", "Chi s6 PCI" if english_ocr else "PCI", "", "DTI", ""]
    widths = [9, 9, 9, 9, 9]
    rank = "Ha.ng" if english_ocr else "Hạng"
    lines = ["1. Thành phố Cần Thơ (cũ)", "",
             "         |" + f" {top[1]}".ljust(19) + "|" + f" {top[3]}".ljust(19),
             "Năm      |" + "-" * 19 + "|" + "-" * 19,
             "         |" + "|".join(f" {c}".ljust(w) for c, w in zip(["Điểm", rank, "Điểm", rank], widths)),
             "---------|" + "|".join("-" * 9 for _ in range(4)),
             "2019     | 63,10   | 21/63   | 0,4120  | -",
             "2020     | 64,85   | 15/63   | 0,4475  | 30/63",
             "", "2. Tỉnh Hậu Giang (cũ)", "Năm 2020, tỉnh Hậu Giang (cũ) có nhiều chuyển biến."]
    got = run("\n".join(lines), strip)
    assert rows(got, "index", "year", "score", "rank", "rank_total") == {
        ("PCI", 2019, 63.1, 21, 63), ("PCI", 2020, 64.85, 15, 63), ("DTI", 2019, 0.412, None, None),
        ("DTI", 2020, 0.4475, 30, 63)}
    assert {fold(r.scope) for r in got} == {fold("thành phố Cần Thơ (cũ)")}


# ---- a row per component, a year spanning `Điểm đạt | Tỷ lệ (%)`, the maximum wrapped over two lines

def _fields_piped() -> list[str]:
    widths = [4, 30, 8, 16, 16]
    sub = [4, 30, 8, 8, 7, 8, 7]
    return [*_grid([["TT", "Lĩnh vực", "Điểm", "Năm 2021", "Năm 2022"]], widths),
            *_grid([["", "", "tối đa", "Điểm", "Tỷ lệ", "Điểm", "Tỷ lệ"], ["", "", "", "đạt", "(%)", "đạt", "(%)"]], sub),
            "|" + "|".join("-" * w for w in sub) + "|",
            *_grid([["1", "Cải cách thể chế", "9", "7,20", "80,00", "8,10", "90,00"],
                    ["2", "Cải cách tài chính công", "10", "9,00", "90,00", "8,50", "85,00"],
                    ["", "Tổng cộng", "100", "83,40", "83,40", "86,15", "86,15"]], sub)]


def _fields_spaced() -> list[str]:
    widths = [30, 10, 9, 9, 9, 9]
    return ["Lĩnh vực".ljust(30) + "Điểm".ljust(10) + "Năm 2021".ljust(18) + "Năm 2022",
            "".ljust(30) + "tối đa".ljust(10) + "Điểm     Tỷ lệ    Điểm     Tỷ lệ",
            *_spaced([["Cải cách thể chế", "9", "7,20", "80,00%", "8,10", "90,00%"],
                      ["Cải cách tài chính công", "10", "9,00", "90,00%", "8,50", "85,00%"],
                      ["Tổng cộng", "100", "83,40", "83,40%", "86,15", "86,15%"]], widths)]


def _fields_centred() -> list[str]:
    """Each year centred over its two sub-columns (it reaches the second only): the nearest top label, not the
    `Điểm` of the maximum on its left."""
    widths = [26, 9, 9, 11, 9, 9]
    return ["Lĩnh vực".ljust(26) + "Điểm".ljust(14) + "Năm 2021".ljust(20) + "Năm 2022",
            "".ljust(26) + "tối đa   Điểm     Tỷ lệ      Điểm     Tỷ lệ",
            *_spaced([["Cải cách thể chế", "9", "7,20", "80,00%", "8,10", "90,00%"],
                      ["Cải cách tài chính công", "10", "9,00", "90,00%", "8,50", "85,00%"],
                      ["Tổng cộng", "100", "83,40", "83,40%", "86,15", "86,15%"]], widths)]


@pytest.mark.parametrize("layout", [_fields_piped, _fields_spaced, _fields_centred])
@pytest.mark.parametrize("strip", STRIP)
def test_a_year_spanning_score_and_percent_with_the_maximum_of_every_year(layout, strip):
    text = "\n".join(["II. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "Điểm từng lĩnh vực của Chỉ số CCHC như sau:", "",
                      *layout(), "", "III. MỤC TIÊU"])
    got = run(text, strip)
    assert rows(got, "index", "component", "year", "score", "max_score", "percent") == {
        ("PAR INDEX", "Cải cách thể chế", 2021, 7.2, 9.0, 80.0), ("PAR INDEX", "Cải cách thể chế", 2022, 8.1, 9.0, 90.0),
        ("PAR INDEX", "Cải cách tài chính công", 2021, 9.0, 10.0, 90.0),
        ("PAR INDEX", "Cải cách tài chính công", 2022, 8.5, 10.0, 85.0),
        ("PAR INDEX", None, 2021, 83.4, 100.0, 83.4), ("PAR INDEX", None, 2022, 86.15, 100.0, 86.15)}


# ---- unit rows under indices with their year spanning `Điểm | Xếp hạng`; an average row is no result

@pytest.mark.parametrize("strip", STRIP)
def test_unit_rows_under_indices_spanning_pairs_and_an_average_row_left_out(strip):
    widths = [26, 10, 14, 12, 10]
    text = "\n".join(["Kết quả năm 2022 của các đơn vị (huyện đánh giá 9 xã) như sau:", "",
                      "".ljust(26) + "Chỉ số CCHC năm 2022".ljust(28) + "Chỉ số SIPAS năm 2022",
                      *_spaced([["Đơn vị", "Điểm", "Xếp hạng", "Tỷ lệ (%)", "Xếp hạng"],
                                ["Phường An Lạc (cũ)", "80,25", "2/9", "90,40", "1/9"],
                                ["Xã Phú Mỹ (cũ)", "74,60", "8/9", "83,15", "6/9"],
                                ["Trung bình huyện", "77,10", "-", "86,00", "-"]], widths), "",
                      "III. MỤC TIÊU"])
    got = run(text, strip)
    assert rows(got, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", 2022, 80.25, None, 2, 9), ("SIPAS", 2022, None, 90.4, 1, 9),
        ("PAR INDEX", 2022, 74.6, None, 8, 9), ("SIPAS", 2022, None, 83.15, 6, 9)}
    assert all(r.scope and r.scope.endswith("(cũ)") for r in got)


# ---- `Năm` over each year, a row per component, a total row and the ranks under it

@pytest.mark.parametrize("strip", STRIP)
def test_year_columns_with_the_year_word_on_the_line_above(strip):
    widths = [40, 10, 10]
    text = "\n".join(["II. KẾT QUẢ CHỈ SỐ PAPI GIAI ĐOẠN 2019 - 2020", "Điểm các chỉ số nội dung qua hai năm:", "",
                      "".ljust(40) + "Năm".ljust(10) + "Năm",
                      *_spaced([["Chỉ số nội dung", "2019", "2020"]], widths), "-" * 60,
                      *_spaced([["1. Công khai, minh bạch", "5,10", "5,32"], ["2. Quản trị môi trường", "3,90", "3,71"]],
                               widths), "-" * 60,
                      *_spaced([["Tổng điểm", "41,05", "42,60"], ["Xếp hạng", "40/63", "28/63"]], widths), "",
                      "III. MỤC TIÊU"])
    got = run(text, strip)
    assert rows(got, "index", "component", "year", "score", "rank") >= {
        ("PAPI", "Quản trị môi trường", 2019, 3.9, None), ("PAPI", "Quản trị môi trường", 2020, 3.71, None),
        ("PAPI", None, 2019, 41.05, 40), ("PAPI", None, 2020, 42.6, 28)}
    assert len([r for r in got if r.component]) == 4


# ---- a table of goals: one column per year, `≥` / `<= a/b` cells (the bars shifted by `≥` -> `>=`)

@pytest.mark.parametrize("strip", STRIP)
def test_a_goal_table_with_a_column_per_year(strip):
    text = "\n".join(["III. MỤC TIÊU", "Chỉ tiêu theo từng năm:", "",
                      "Chỉ số           | Năm 2027   | Năm 2028",
                      "-----------------|------------|-----------",
                      "PCI (điểm)       | ≥ 70,5     | ≥ 72",
                      "DTI (thứ hạng)   | ≤ 15/34    | ≤ 10/34", "", "IV. NHIỆM VỤ"])
    got = _targets(text, strip)
    assert rows(got, "index", "year", "metric", "comparator", "value", "out_of") == {
        ("PCI", 2027, "score", ">=", 70.5, None), ("PCI", 2028, "score", ">=", 72.0, None),
        ("DTI", 2027, "rank", "<=", 15.0, 34.0), ("DTI", 2028, "rank", "<=", 10.0, 34.0)}


# ---- what is left to the other readers

def test_a_one_line_header_of_results_is_left_to_the_other_readers():
    text = "\n".join(["Chỉ số    | Năm 2021 | Năm 2022", "PCI       | 63,10    | 64,85", "DTI       | 0,41     | 0,45"])
    assert header_grid_values(text) == ([], [], [])


def test_prose_with_numbers_is_no_table():
    text = "\n".join(["Năm 2023, Chỉ số CCHC đạt 85,10 điểm, xếp thứ 12/63;",
                      "năm 2024 đạt 86,40 điểm, xếp thứ 9/63.", "Chỉ số SIPAS đạt 84,2%."])
    assert header_grid_values(text) == ([], [], [])


def test_a_space_aligned_header_keeps_its_second_line():
    lines = ["Lĩnh vực                Điểm      Năm 2021",
             "                        tối đa    Điểm     Tỷ lệ",
             "Cải cách thể chế        9         7,20     80,00%"]
    assert join_wrapped_lines("\n".join(lines)).split("\n") == lines
    assert join_wrapped_lines("Chỉ số của tỉnh\nđạt 85 điểm") == "Chỉ số của tỉnh đạt 85 điểm"
    # a task table's long cells wrapped onto the next line are joined as before
    row = ["1    Cải cách thể chế     - Rà soát, sửa đổi các quy định về thủ tục đăng ký    Sở Tư pháp",
           "                          kinh doanh còn chồng chéo."]
    assert len(join_wrapped_lines("\n".join(row)).split("\n")) == 1


# ---- unit names wrapped over two header lines, a rank row under its index row; a year over the unit pairs

@pytest.mark.parametrize("strip", STRIP)
def test_unit_names_wrapped_over_two_lines_and_a_rank_row_under_its_index(strip):
    widths = [32, 24, 24]
    text = "\n".join(["1. Kết quả năm 2023 của hai sở (cũ)", "", "-" * 70,
                      *_spaced([["Nội dung", "Sở Tài nguyên và", "Sở Tài nguyên và"],
                                ["", "Môi trường tỉnh A (cũ)", "Môi trường tỉnh B (cũ)"]], widths), "-" * 70,
                      *_spaced([["Chỉ số CCHC (điểm)", "84,60", "88,05"],
                                ["Xếp hạng trong khối sở, ngành", "11/19", "4/22"],
                                ["Chỉ số SIPAS (%)", "87,5", "90,12"]], widths), "-" * 70, ""])
    got = run(text, strip)
    assert rows(got, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", 2023, 84.6, None, 11, 19), ("PAR INDEX", 2023, 88.05, None, 4, 22),
        ("SIPAS", 2023, None, 87.5, None, None), ("SIPAS", 2023, None, 90.12, None, None)}
    assert {fold(r.scope) for r in got} == {fold("Sở Tài nguyên và Môi trường tỉnh A (cũ)"),
                                            fold("Sở Tài nguyên và Môi trường tỉnh B (cũ)")}


@pytest.mark.parametrize("strip", STRIP)
def test_three_header_lines_a_year_over_units_over_metrics(strip):
    w = [12, 8, 10, 8, 10]
    text = "\n".join(["Kết quả như sau:", "",
                      "|" + "".ljust(12) + "|" + " Năm 2022".ljust(8 + 10 + 8 + 10 + 3) + "|",
                      "|" + " Chỉ số".ljust(12) + "|" + " Phường Đông (cũ)".ljust(19) + "|" + " Phường Tây (cũ)".ljust(19) + "|",
                      *_grid([["", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"]], w),
                      *_grid([["PAPI", "44,10", "3/12", "41,75", "9/12"], ["DTI", "0,512", "5/12", "0,498", "7/12"]], w),
                      ""])
    got = run(text, strip)
    assert rows(got, "index", "year", "score", "rank") == {
        ("PAPI", 2022, 44.1, 3), ("PAPI", 2022, 41.75, 9), ("DTI", 2022, 0.512, 5), ("DTI", 2022, 0.498, 7)}
    assert {fold(r.scope) for r in got} == {fold("phường Đông (cũ)"), fold("phường Tây (cũ)")}


@pytest.mark.parametrize("strip", STRIP)
def test_a_numbering_column_before_the_labels_of_a_space_aligned_table(strip):
    widths = [5, 28, 10, 9, 9]
    text = "\n".join(["Điểm các lĩnh vực của Chỉ số CCHC năm 2024:", "",
                      *_spaced([["STT", "Lĩnh vực", "Điểm", "Điểm", "Tỷ lệ"], ["", "", "tối đa", "đạt", "(%)"],
                                ["1", "Cải cách thể chế", "9", "8,10", "90,00"],
                                ["2", "Cải cách tài chính công", "10", "9,50", "95,00"]], widths), ""])
    got = run(text, strip)
    assert rows(got, "index", "component", "year", "score", "max_score", "percent") == {
        ("PAR INDEX", "Cải cách thể chế", 2024, 8.1, 9.0, 90.0),
        ("PAR INDEX", "Cải cách tài chính công", 2024, 9.5, 10.0, 95.0)}


@pytest.mark.parametrize("strip", STRIP)
def test_a_column_that_names_no_index_year_or_metric_is_left_alone(strip):
    widths = [24, 16, 12, 12]
    text = "\n".join(["Kết quả Chỉ số CCHC năm 2024 của các xã trước sắp xếp:", "",
                      "".ljust(24) + "Dân số".ljust(16) + "Chỉ số CCHC",
                      *_spaced([["Đơn vị", "(nghìn người)", "Điểm", "Xếp hạng"],
                                ["Xã Đông Hòa (cũ)", "12,4", "81,30", "4/11"],
                                ["Xã Tây Hòa (cũ)", "9,8", "78,05", "9/11"]], widths), ""])
    got = run(text, strip)
    assert rows(got, "index", "year", "score", "rank") == {("PAR INDEX", 2024, 81.3, 4), ("PAR INDEX", 2024, 78.05, 9)}


@pytest.mark.parametrize("strip", STRIP)
def test_a_label_that_ends_with_a_number_keeps_it(strip):
    """`Phường 3` is a name; `Xã A (cũ) 87,15` (one space) is a label and a value."""
    text = "\n".join(["Kết quả năm 2021 của các phường (cũ) như sau:", "",
                      "                   Chỉ số SIPAS năm 2021",
                      "Đơn vị (cũ)        Tỷ lệ (%)   Xếp hạng",
                      "Phường 3           91,20       2/14",
                      "Phường 12 (cũ) 84,05       11/14", ""])
    got = run(text, strip)
    assert rows(got, "index", "year", "percent", "rank") == {("SIPAS", 2021, 91.2, 2), ("SIPAS", 2021, 84.05, 11)}
    assert {fold(r.scope) for r in got} == {fold("phường 3 (cũ)"), fold("phường 12 (cũ)")}
