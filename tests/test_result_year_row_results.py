"""Results tables with a row per year whose index is named only above the table (in the lead-in sentence or the
section heading), a column of no value beside (`So với năm trước`, `Ghi chú`) (issue #4, session 5). Tables are
built here with other indices (short and long names), units, years and numbers; `|`-separated and space-aligned,
with and without diacritics, and with English-OCR-like header slips."""
from __future__ import annotations

import pytest

from extract.result_year_row_results import year_row_results
from tests.test_result_tables_shapes import STRIP, aligned, piped, rows, run

WIDTHS = [8, 18, 12, 22]


def _fmt(layout: str):
    return piped if layout == "piped" else (lambda cells: aligned(cells, WIDTHS))


def _ocr(line: str) -> str:
    """Slips of an English-model OCR on a stripped header: `ạ` read `a.`, `ố` read `6`."""
    return line.replace("hang", "ha.ng").replace("Chi so", "Chi s6")


LEADS = [("Chỉ số năng lực cạnh tranh cấp tỉnh", "PCI"), ("Chỉ số DTI", "DTI"),
         ("Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "PAPI"), ("Chỉ số CCHC", "PAR INDEX")]


@pytest.mark.parametrize("name,index", LEADS)
@pytest.mark.parametrize("layout", ["piped", "aligned"])
@pytest.mark.parametrize("strip", STRIP)
def test_the_index_of_the_lead_in_over_a_row_per_year(name, index, layout, strip):
    fmt = _fmt(layout)
    text = "\n".join([
        "I. ĐÁNH GIÁ THỰC TRẠNG",
        f"Kết quả {name} của tỉnh trong bốn năm gần đây như sau:", "",
        fmt(["Năm", "Điểm số", "Xếp hạng", "Tăng/giảm"]),
        fmt(["2019", "61,07", "35/63", "-"]),
        fmt(["2020", "63,40", "27/63", "tăng 8 bậc"]),
        fmt(["2021", "62,18", "41/63", "giảm 14 bậc"]),
        fmt(["2022", "64,92", "19/63"]), "",
        "II. MỤC TIÊU"])
    got = run(text, strip)
    assert rows(got, "index", "component", "year", "score", "percent", "rank", "rank_total") == {
        (index, None, 2019, 61.07, None, 35, 63), (index, None, 2020, 63.4, None, 27, 63),
        (index, None, 2021, 62.18, None, 41, 63), (index, None, 2022, 64.92, None, 19, 63)}


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("english_ocr", [False, True])
def test_the_index_of_the_section_heading_and_a_percentage_column(strip, english_ocr):
    header = piped(["Năm", "Tỷ lệ hài lòng (%)", "Thứ hạng", "Ghi chú"])
    header = _ocr(header if not strip else header) if english_ocr else header
    text = "\n".join([
        "II. KẾT QUẢ ĐO LƯỜNG CHỈ SỐ SIPAS CỦA XÃ", "Cụ thể qua các năm:",
        header,
        piped(["2022", "79,6", "12/17", "Khảo sát trực tiếp"]),
        piped(["Năm 2023", "84,15%", "8/17", ""]),
        "III. MỤC TIÊU"])
    got = run(text, strip or english_ocr)
    assert rows(got, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("SIPAS", 2022, None, 79.6, 12, 17), ("SIPAS", 2023, None, 84.15, 8, 17)}


@pytest.mark.parametrize("strip", STRIP)
def test_a_header_naming_its_index_and_a_maximum_column(strip):
    text = "\n".join([
        "Kết quả qua các năm:",
        piped(["Năm", "PAPI (điểm)", "Điểm tối đa", "Xếp hạng"]),
        piped(["2021", "42,37", "80", "20"]),
        piped(["2022", "43,90", "80", "13"])])
    got = run(text, strip)
    assert rows(got, "index", "year", "score", "max_score", "rank", "rank_total") == {
        ("PAPI", 2021, 42.37, 80.0, 20, None), ("PAPI", 2022, 43.9, 80.0, 13, None)}


@pytest.mark.parametrize("lead", ["Lộ trình phấn đấu nâng cao Chỉ số PCI giai đoạn 2026 - 2030:",
                                  "Mục tiêu Chỉ số PCI cụ thể qua từng năm:"])
@pytest.mark.parametrize("strip", STRIP)
def test_a_table_of_goals_is_no_table_of_results(lead, strip):
    text = "\n".join([lead, piped(["Năm", "Điểm", "Xếp hạng"]), piped(["2026", "70,5", "15"]),
                      piped(["2030", "73", "10"])])
    got, spans = year_row_results(text)
    assert (got, spans) == ([], [])
    assert not [r for r in run(text, strip) if r.year in (2026, 2030) and r.score in (70.5, 73.0)]


@pytest.mark.parametrize("strip", STRIP)
def test_two_indices_named_above_and_none_in_the_header_read_nothing(strip):
    text = "\n".join(["Kết quả Chỉ số PAPI và Chỉ số PCI của tỉnh như sau:",
                      piped(["Năm", "Điểm", "Xếp hạng"]), piped(["2021", "44,1", "9/63"]), piped(["2022", "45,3", "7/63"])])
    assert year_row_results(text) == ([], [])


def test_the_lines_read_are_handed_back():
    table = [piped(["Năm", "Điểm đạt", "Thứ hạng"]), piped(["2020", "85,5", "3/20"]), piped(["2021", "87,25", "2/20"])]
    text = "\n".join(["Kết quả Chỉ số cải cách hành chính của Sở:"] + table + ["Năm 2022, Sở đạt 88 điểm."])
    got, spans = year_row_results(text)
    assert len(got) == 2 and [text[a:b] for a, b in spans] == ["\n".join(table)]


@pytest.mark.parametrize("strip", STRIP)
def test_the_measures_of_columns_are_shared_with_rows_per_former_unit(strip):
    """`column_measure` also reads `Đơn vị | Điểm tối đa | Điểm đạt | Thứ hạng`: the maximum is no score."""
    text = "\n".join(["Kết quả Chỉ số CCHC năm 2024 của các phường trước sắp xếp:",
                      piped(["Đơn vị", "Điểm tối đa", "Điểm đạt", "Thứ hạng"]),
                      piped(["Phường Bến Thành (cũ)", "100", "88,12", "3/22"]),
                      piped(["Phường Cô Giang (cũ)", "100", "84,70", "9/22"])])
    got = run(text, strip)
    assert rows(got, "index", "year", "score", "max_score", "rank", "rank_total") == {
        ("PAR INDEX", 2024, 88.12, 100.0, 3, 22), ("PAR INDEX", 2024, 84.7, 100.0, 9, 22)}
