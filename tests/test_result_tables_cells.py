"""Results tables whose cells were flattened onto separate lines (issue #4, dr_170-189, session 5): one cell per
line under a numbering header, a label line then a line of values under a header of years, a table read column
by column. Tables are built here (other units, indices, components, years and numbers than the batch), each with
marks, without (`strip_marks`) and in an English-model-OCR-like spelling; blocks whose structure is not certain
are left alone with a warning."""
from __future__ import annotations

import random

import pytest

from extract.result_cell_lines import rejoin_cell_lines
from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument
from tests.test_result_tables_shapes import rows

FORMS = ["marks", "stripped", "ocr"]


def _form(text: str, form: str) -> str:
    if form == "marks":
        return text
    text = strip_marks(text)
    if form == "ocr":  # English-model OCR: `số` -> `s6`, `(cũ)` -> `(cii)`, a stray `|` after a cell
        text = text.replace("Chi so", "Chi s6").replace("(cu)", "(cii)").replace("\n1\n", "\n1 |\n")
    return text


def _run(text: str, form: str):
    return extract_results_and_targets(NormalizedDocument.from_pages([(1, _form(text, form))]))


def _name(text: str, form: str) -> str:
    return text if form == "marks" else strip_marks(text)


# ---- one cell per line: a column per former unit, rows of components of the section's index

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("units", [["Tỉnh Hà Giang", "Tỉnh Tuyên Quang"], ["Tỉnh Lâm Đồng", "Tỉnh Đắk Nông", "Tỉnh Bình Thuận"]])
def test_one_cell_per_line_a_column_per_former_unit(units, form):
    comps = ["Tham gia của người dân ở cấp cơ sở", "Quản trị môi trường", "Thủ tục hành chính công"]
    lines = ["II. KẾT QUẢ PAPI NĂM 2023", "Bảng: điểm các nội dung", "STT", "Nội dung"] + [f"{u} (cũ)" for u in units]
    expected = set()
    for r, comp in enumerate(comps):
        lines += [str(r + 1), comp]
        for c, unit in enumerate(units):
            value = round(3.1 + r + c / 10 + 0.01 * (r + c), 2)
            lines.append(f"{value:.2f}".replace(".", ","))
            expected.add(("PAPI", comp, 2023, unit.split()[0].lower() + " " + _name(" ".join(unit.split()[1:]), form) + " (cũ)",
                          value))
    lines += ["Nhận xét: còn thấp so với trung bình.", ""]
    got, _, warnings = _run("\n".join(lines), form)
    assert rows(got, "index", "component", "year", "scope", "score") == expected
    assert not warnings


@pytest.mark.parametrize("form", FORMS)
def test_short_names_of_components_in_a_narrow_column(form):
    """`Gia nhập thị trường` for `Chi phí gia nhập thị trường`, `Tính năng động` for `... của chính quyền tỉnh`."""
    text = "\n".join(["I. KẾT QUẢ PCI NĂM 2022", "STT", "Chỉ số thành phần", "Tỉnh Hà Nam (cũ)", "Tỉnh Nam Định (cũ)",
                      "1", "Gia nhập thị trường", "7,02", "6,44", "2", "Tính năng động", "5,90", "6,31", ""])
    got, _, _ = _run(text, form)
    assert rows(got, "component", "score") == {("Chi phí gia nhập thị trường", 7.02), ("Chi phí gia nhập thị trường", 6.44),
                                               ("Tính năng động của chính quyền tỉnh", 5.9),
                                               ("Tính năng động của chính quyền tỉnh", 6.31)}


# ---- one cell per line: a column per year, points and ranks on separate rows

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("years", [(2019, 2020), (2022, 2023, 2024)])
def test_one_cell_per_line_a_column_per_year_with_rank_rows(years, form):
    lines = ["II. KẾT QUẢ CÁC NĂM", "Kết quả của thị xã trong 12 đơn vị:", "STT", "Chỉ số"] + [f"Năm {y}" for y in years]
    rows_ = [("Chỉ số PAPI (điểm)", [f"4{k},{k}5" for k in range(len(years))]),
             ("Xếp hạng Chỉ số PAPI", [f"{k + 2}/12" for k in range(len(years))]),
             ("Chỉ số SIPAS (%)", [f"8{k},3{k}" for k in range(len(years))]),
             ("Xếp hạng Chỉ số SIPAS", [f"{9 - k}/12" for k in range(len(years))])]
    for n, (label, cells) in enumerate(rows_):
        lines += [str(n + 1), label] + cells
    lines += ["Như vậy, kết quả còn thấp.", ""]
    got, _, _ = _run("\n".join(lines), form)
    expected = set()
    for k, y in enumerate(years):
        expected |= {("PAPI", y, float(f"4{k}.{k}5"), None, k + 2, 12), ("SIPAS", y, None, float(f"8{k}.3{k}"), 9 - k, 12)}
    assert rows(got, "index", "year", "score", "percent", "rank", "rank_total") == expected


# ---- a header of years, then a label line and a line of `value (rank/total)` cells; scope from the lead-in

@pytest.mark.parametrize("form", FORMS)
def test_label_lines_and_value_lines_under_a_header_of_years(form):
    text = "\n".join([
        "II. KẾT QUẢ GIAI ĐOẠN 2021 - 2023",
        "2. Tỉnh Hà Tây (cũ): Chỉ số PAPI tăng qua các năm, cụ thể (điểm, thứ hạng):",
        "Năm 2021 Năm 2022 Năm 2023",
        "Chỉ số PAPI chung", "41,20 (30/63) 42,05 (25/63) 43,90 (18/63)",
        "Quản trị môi trường", "3,11 (40/63) 3,25 (33/63) 3,40 (29/63)",
        "Quản trị điện tử", "2,05 (50/63) 2,48 (41/63) 2,90 (35/63)",
        "Riêng năm 2023 có nhiều chuyển biến.", ""])
    got, _, _ = _run(text, form)
    scope = "tỉnh " + _name("Hà Tây", form) + " (cũ)"
    assert rows(got, "index", "component", "year", "scope", "score", "rank") == {
        ("PAPI", None, 2021, scope, 41.2, 30), ("PAPI", None, 2022, scope, 42.05, 25), ("PAPI", None, 2023, scope, 43.9, 18),
        ("PAPI", "Quản trị môi trường", 2021, scope, 3.11, 40), ("PAPI", "Quản trị môi trường", 2022, scope, 3.25, 33),
        ("PAPI", "Quản trị môi trường", 2023, scope, 3.4, 29), ("PAPI", "Quản trị điện tử", 2021, scope, 2.05, 50),
        ("PAPI", "Quản trị điện tử", 2022, scope, 2.48, 41), ("PAPI", "Quản trị điện tử", 2023, scope, 2.9, 35)}


# ---- a table read column by column: unit names, then a block of points, then a block of ranks

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("names", [["Phường Tân An", "Phường Hòa Thuận"], ["Xã Ea Tu", "Xã Hòa Thắng", "Xã Cư Êbur"]])
def test_a_table_read_column_by_column(names, form):
    k = len(names)
    scores = [f"8{j},{j + 1}0" for j in range(k)]
    ranks = [f"{3 * j + 2}/25" for j in range(k)]
    text = "\n".join(["II. KẾT QUẢ", "Kết quả Chỉ số cải cách hành chính năm 2022 của các đơn vị như sau:", "Đơn vị"]
                     + [f"{n} (cũ)" for n in names] + ["Điểm"] + scores + ["Xếp hạng"] + ranks
                     + ["Trong đó, các đơn vị đều tăng bậc.", ""])
    got, _, _ = _run(text, form)
    expected = {("PAR INDEX", 2022, n.split()[0].lower() + " " + _name(n.split(" ", 1)[1], form) + " (cũ)",
                 float(f"8{j}.{j + 1}"), 3 * j + 2, 25) for j, n in enumerate(names)}
    assert rows(got, "index", "year", "scope", "score", "rank", "rank_total") == expected


# ---- what is not certain is left alone

def test_a_name_wrapped_over_two_lines_stops_the_rows_with_a_warning():
    text = "\n".join(["STT", "Nội dung", "Tỉnh A Lưới (cũ)", "Tỉnh B Lưới (cũ)",
                      "1", "Quản trị môi trường", "3,10", "3,20",
                      "2", "Kiểm soát tham nhũng trong", "khu vực công", "2,10", "2,20", ""])
    rejoined, warnings = rejoin_cell_lines(text)
    assert rejoined == text and warnings and "row 2" in warnings[0]


def test_a_column_block_with_a_missing_value_is_left_alone():
    text = "\n".join(["Đơn vị", "Xã A (cũ)", "Xã B (cũ)", "Xã C (cũ)", "Điểm", "80,1", "81,2", "82,3",
                      "Xếp hạng", "4/18", "5/18", "Ghi chú", ""])
    rejoined, warnings = rejoin_cell_lines(text)
    assert rejoined == text and warnings


def test_values_without_a_label_under_years_are_left_alone():
    text = "Năm 2021 Năm 2022\nChỉ số PAPI\n41,2 42,3\nQuản trị điện tử\n2,1 2,2\n3,1 3,2\n"
    rejoined, warnings = rejoin_cell_lines(text)
    assert rejoined == text and warnings


@pytest.mark.parametrize("seed", range(20))
def test_rejoining_keeps_length_and_every_offset_outside_the_blocks(seed):
    rnd = random.Random(seed)
    k = rnd.randint(2, 4)
    head = ["STT", "Chỉ số"] + [f"Năm {2015 + j}" for j in range(k)]
    body = []
    for n in range(1, rnd.randint(3, 6)):
        body += [str(n), f"Dòng thứ {'abc'[n % 3]} có tên {'x' * rnd.randint(1, 9)}"]
        body += [f"{rnd.randint(10, 99)},{rnd.randint(0, 99):02d}" for _ in range(k)]
    before, after = "Đoạn trước bảng có số 12 và 3/4.\n", "\nĐoạn sau bảng, 5,5 điểm.\n"
    text = before + "\n".join(head + body) + after
    rejoined, _ = rejoin_cell_lines(text)
    assert len(rejoined) == len(text)
    assert rejoined.startswith(before) and rejoined.endswith(after)
    assert rejoined[len(before):].split("\n")[0] == "|".join(head)
