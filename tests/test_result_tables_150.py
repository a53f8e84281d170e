"""Results tables flattened to text, shapes of the fresh batch dr_150-159 (issue #4): a narrow column's short forms
(`Thiết chế pháp lý & ANTT`) that must not become a part of the row above, a header and rows whose cells a tab
parts, rows without a header whose cells name their units (`4,25 điểm    xếp thứ 30/63`) under `Trong đó, ...:`.
Tables are built here (other units, names, years and columns than the batch), each with and without diacritics."""
from __future__ import annotations

import pytest

from extract.numbers import fold
from extract.result_table_lead import worded_cells_row
from tests.test_result_tables_shapes import STRIP, rows, run


def aligned(cells: list[str], width: int = 30) -> str:
    return cells[0].ljust(width) + "".join(c.ljust(12) for c in cells[1:]).rstrip()


def num(cell: str) -> float:
    return float(cell.replace(",", "."))


# ---- short forms in a component's name (`&`, `ANTT`) under a row that names a component

PCI_ROWS = [("Chi phí thời gian", "Chi phí thời gian", "6,12", "6,48"),
            ("Thiết chế pháp lý & ANTT", "Thiết chế pháp lý và an ninh trật tự", "7,05", "7,31"),
            ("Đào tạo lao động", "Đào tạo lao động", "5,66", "5,90")]


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("at", [1, 2])
def test_short_forms_name_their_own_component(at, strip):
    order = [PCI_ROWS[0], PCI_ROWS[2]]
    order.insert(at, PCI_ROWS[1])
    lines = [aligned(["Chỉ số thành phần", "Năm 2021", "Năm 2022"])] + [aligned([p, a, b]) for p, _, a, b in order]
    text = ("I. KẾT QUẢ\nKết quả một số chỉ số thành phần PCI của tỉnh Hậu Giang (cũ):\n\n" + "\n".join(lines)
            + "\n\nII. MỤC TIÊU\n")
    got = rows([r for r in run(text, strip) if r.component], "index", "component", "year", "score")
    assert got == {("PCI", comp, y, num(v)) for _, comp, a, b in PCI_ROWS for y, v in ((2021, a), (2022, b))}


# ---- cells parted by tabs

PAPI_SHORT = [("Quản trị điện tử", "Quản trị điện tử", "4,02", "21/63"),
              ("Công khai, minh bạch", "Công khai, minh bạch trong việc ra quyết định ở địa phương", "5,44", "12/63"),
              ("Thủ tục hành chính công", "Thủ tục hành chính công", "7,18", "33/63")]


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("first", ["Chỉ số nội dung", "Chỉ số thành phần", "Nội dung"])
def test_a_table_whose_cells_a_tab_parts(first, strip):
    lines = ["\t".join([first, "Điểm", "Xếp hạng"])] + ["\t".join([s, v, r]) for s, _, v, r in PAPI_SHORT]
    text = ("I. KẾT QUẢ NĂM TRƯỚC\nNăm 2023, Chỉ số PAPI của tỉnh Bình Phước (cũ) đạt 41,20 điểm.\n"
            "Kết quả các chỉ số nội dung năm 2023 của tỉnh Bình Phước (cũ):\n" + "\n".join(lines) + "\nII. MỤC TIÊU\n")
    got = {(r.component, r.year, fold(r.scope or ""), r.score, r.rank, r.rank_total) for r in run(text, strip) if r.component}
    assert got == {(comp, 2023, "tinh binh phuoc (cu)", num(v), int(r.split("/")[0]), 63) for _, comp, v, r in PAPI_SHORT}


# ---- rows without a header whose cells name their units

@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("rank_word", ["xếp thứ", "hạng", "xếp hạng"])
@pytest.mark.parametrize("sep", ["    ", "\t"])
def test_rows_whose_cells_name_their_units_under_a_lead_in(rank_word, sep, strip):
    body = [f"   {name}{sep}{v} điểm{sep}{rank_word} {r}" for name, _, v, r in PAPI_SHORT[::2]]
    text = ("I. KẾT QUẢ\n2. Chỉ số PAPI năm 2022 của tỉnh Kon Tum đạt 40,85 điểm, xếp thứ 40/63. Trong đó, các chỉ số "
            "nội dung cần cải thiện:\n" + "\n".join(body) + "\n3. Năm 2022, tỷ lệ hồ sơ đúng hạn đạt 97%.\n")
    got = {(r.component, r.year, fold(r.scope or ""), r.score, r.rank) for r in run(text, strip) if r.component}
    assert got == {(comp, 2022, "tinh kon tum", num(v), int(r.split("/")[0])) for _, comp, v, r in PAPI_SHORT[::2]}


def test_a_cell_that_names_no_unit_is_no_worded_row():
    assert worded_cells_row("Quản trị điện tử    4,02 điểm    xếp thứ 21/63") == ("Quản trị điện tử", ["4,02", "21/63"],
                                                                                  "diem xep hang")
    assert worded_cells_row("Quản trị điện tử    4,02 điểm    thấp hơn năm trước") is None
    assert worded_cells_row("Quản trị điện tử 4,02 điểm, xếp thứ 21/63") is None  # a sentence, no cells
    assert worded_cells_row("Năm 2023    4,02 điểm    xếp thứ 21/63") is None  # a year, no name
