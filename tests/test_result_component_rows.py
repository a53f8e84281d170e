"""Results tables of two columns, a row per component and one value, the index and the year said only above the
table (lead-in, section heading) or in the value column's header (issue #4, session 5). Tables are built here with
other indices, components, orders, years and numbers; `|`-separated and space-aligned, with and without
diacritics, and with English-OCR-like header slips."""
from __future__ import annotations

import pytest

from extract.numbers import fold
from extract.result_component_rows import component_row_results
from tests.test_result_tables_shapes import STRIP, aligned, piped, rows, run

SIPAS = [("Thủ tục hành chính", "77,05%", 77.05), ("Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "80,4%", 80.4),
         ("Tiếp cận dịch vụ hành chính công", "86,90%", 86.9)]


def _fmt(layout: str):
    return piped if layout == "piped" else (lambda cells: aligned(cells, [48, 16]))


@pytest.mark.parametrize("lead", ["Chỉ số SIPAS năm 2021 của huyện đạt 81,2%. Kết quả theo yếu tố:",
                                  "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
                                  "nhà nước năm 2021 đạt 81,2%. Kết quả theo yếu tố:"])
@pytest.mark.parametrize("layout", ["piped", "aligned"])
@pytest.mark.parametrize("strip", STRIP)
def test_factors_under_a_lead_in_naming_the_index_and_the_year(lead, layout, strip):
    fmt = _fmt(layout)
    text = "\n".join(["I. THỰC TRẠNG", lead, fmt(["Yếu tố", "Tỷ lệ"])]
                     + [fmt([name, cell]) for name, cell, _ in SIPAS] + ["", "II. MỤC TIÊU"])
    got = run(text, strip)
    assert {r for r in rows(got, "index", "component", "year", "percent") if r[1]} == {
        ("SIPAS", name, 2021, value) for name, _, value in SIPAS}


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("english_ocr", [False, True])
def test_the_index_and_year_of_the_section_heading(strip, english_ocr):
    header = "Chi s6 noi dung | Die.m" if english_ocr else piped(["Chỉ số nội dung", "Điểm"])
    text = "\n".join([
        "II. KẾT QUẢ CHỈ SỐ PAPI NĂM 2023 CỦA TỈNH", "Điểm các chỉ số nội dung như sau:", header,
        piped(["Trách nhiệm giải trình với người dân", "4,31"]),
        piped(["Kiểm soát tham nhũng trong khu vực công", "6,72"]),
        piped(["Quản trị điện tử", "3,05"]), "III. MỤC TIÊU"])
    got = run(text, strip or english_ocr)
    assert {r for r in rows(got, "index", "component", "year", "score", "percent") if r[1]} == {
        ("PAPI", "Trách nhiệm giải trình với người dân", 2023, 4.31, None),
        ("PAPI", "Kiểm soát tham nhũng trong khu vực công", 2023, 6.72, None),
        ("PAPI", "Quản trị điện tử", 2023, 3.05, None)}


@pytest.mark.parametrize("strip", STRIP)
def test_points_of_a_maximum_the_year_in_the_header_and_the_total_row(strip):
    text = "\n".join([
        "Kết quả Chỉ số CCHC của Sở theo từng lĩnh vực:", "",
        piped(["Lĩnh vực", "Điểm đạt năm 2024"]),
        piped(["Cải cách thể chế", "8,75/10"]),
        piped(["Cải cách tài chính công", "10,2/12"]),
        piped(["Tổng cộng", "86,40"])])
    got = run(text, strip)
    assert rows(got, "index", "component", "year", "score", "max_score") == {
        ("PAR INDEX", "Cải cách thể chế", 2024, 8.75, 10.0), ("PAR INDEX", "Cải cách tài chính công", 2024, 10.2, 12.0),
        ("PAR INDEX", None, 2024, 86.4, None)}


@pytest.mark.parametrize("strip", STRIP)
def test_a_row_that_is_no_component_is_left_out(strip):
    text = "\n".join([
        "Chỉ số PCI năm 2022 của tỉnh, các chỉ số thành phần:",
        piped(["Chỉ số thành phần", "Điểm"]),
        piped(["Tính minh bạch", "6,48"]),
        piped(["Bình quân cả nước", "6,10"]),
        piped(["Chi phí không chính thức", "7,02"])])
    got = run(text, strip)
    assert {r for r in rows(got, "index", "component", "year", "score") if r[1]} == {
        ("PCI", "Tính minh bạch", 2022, 6.48), ("PCI", "Chi phí không chính thức", 2022, 7.02)}
    assert 6.1 not in {r.score for r in got}


def test_rows_that_name_no_component_make_no_table():
    text = "\n".join(["Khảo sát SIPAS năm 2023, cơ cấu người trả lời:", piped(["Nội dung", "Tỷ lệ"]),
                      piped(["Nam giới", "46,2%"]), piped(["Nữ giới", "53,8%"])])
    assert component_row_results(text) == ([], [])


def test_the_lines_read_are_handed_back():
    table = [piped(["Yếu tố", "Tỷ lệ hài lòng"]), piped(["Thủ tục hành chính", "90,1%"]),
             piped(["Công chức trực tiếp giải quyết công việc", "92%"])]
    text = "\n".join(["Chỉ số SIPAS năm 2024 theo yếu tố:"] + table + ["Nhìn chung, người dân hài lòng."])
    got, spans = component_row_results(text)
    assert len(got) == 2 and [text[a:b] for a, b in spans] == ["\n".join(table)]


@pytest.mark.parametrize("strip", STRIP)
def test_a_value_column_that_says_no_measure_is_no_table_of_results(strip):
    text = "\n".join(["Số hồ sơ tiếp nhận năm 2023 theo lĩnh vực:", piped(["Lĩnh vực", "Số hồ sơ"]),
                      piped(["Tiếp cận đất đai", "120"]), piped(["Tính minh bạch", "45"]),
                      piped(["Chi phí thời gian", "37"])])
    got, spans = component_row_results(text)
    assert (got, spans) == ([], [])
    assert not [r for r in run(text, strip) if r.score in (120.0, 45.0, 37.0)]


@pytest.mark.parametrize("layout", ["piped", "aligned"])
@pytest.mark.parametrize("value_on_first_line", [True, False])
@pytest.mark.parametrize("strip", STRIP)
def test_a_name_wrapped_over_two_lines(layout, value_on_first_line, strip):
    fmt = _fmt(layout)
    first, rest = "Công khai, minh bạch trong việc ra", "quyết định ở địa phương"
    wrapped = ([fmt([first, "5,48"]), fmt([rest, ""])] if value_on_first_line
               else [fmt([first, ""]), fmt([rest, "5,48"])])
    text = "\n".join(["Kết quả Chỉ số PAPI năm 2020 theo các chỉ số nội dung:", fmt(["Chỉ số nội dung", "Điểm"]),
                      fmt(["Tham gia của người dân ở cấp cơ sở", "4,92"])] + wrapped
                     + [fmt(["Quản trị môi trường", "3,61"]), "Nhìn chung điểm còn thấp."])
    got = run(text, strip)
    assert {r for r in rows(got, "index", "component", "year", "score") if r[1]} == {
        ("PAPI", "Tham gia của người dân ở cấp cơ sở", 2020, 4.92),
        ("PAPI", "Công khai, minh bạch trong việc ra quyết định ở địa phương", 2020, 5.48),
        ("PAPI", "Quản trị môi trường", 2020, 3.61)}
    evidence = next(r.evidence.text for r in got if r.score == 5.48)
    assert "trong viec ra" in fold(evidence) and "dia phuong" in fold(evidence)
