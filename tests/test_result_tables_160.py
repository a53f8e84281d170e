"""Results tables flattened to text in shapes the readers missed (issue #4, fresh batch dr_160-169): an appendix
table after the signature under an unnumbered heading in capitals that names the index and the year (with its
total row and the rank stated under it), and a table with one column per year and one row per index. Tables are
built here (other indices, years, components), each with and without diacritics."""
from __future__ import annotations

import pytest

from tests.test_result_tables_shapes import STRIP, aligned, piped, rows, run


def _appendix(total_label: str, rank_line: str, year: int) -> str:
    return "\n".join([
        "II. MỤC TIÊU",
        f"1. Chỉ số hài lòng của người dân (SIPAS) năm {year + 1} đạt từ 88% trở lên.",
        "",
        "Nơi nhận:                                         GIÁM ĐỐC",
        "- Lưu: VT.",
        "",
        "Phụ lục",
        f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA SỞ TƯ PHÁP",
        f"(Kèm theo Kế hoạch số 45/KH-STP ngày 10/3/{year + 1})",
        "",
        piped(["STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]),
        piped(["1", "Cải cách thể chế", "9", "7,20", "80,00"]),
        piped(["2", "Cải cách tài chính công", "9", "8,10", "90,00"]),
        piped(["", total_label, "100", "84,30", "84,30"]),
        rank_line,
    ])


@pytest.mark.parametrize("total_label,rank_line,rank", [("Tổng cộng", "Xếp hạng: 9/21 sở, ngành.", (9, 21)),
                                                        ("Tổng điểm", "Xếp thứ 4/17 cơ quan.", (4, 17))])
@pytest.mark.parametrize("strip", STRIP)
def test_an_appendix_table_takes_the_index_and_year_of_its_capital_heading(total_label, rank_line, rank, strip):
    got = run(_appendix(total_label, rank_line, 2022), strip)
    assert rows(got, "index", "year") == {("PAR INDEX", 2022)}
    assert ("PAR INDEX", None, 2022, 84.3, 100.0) + rank in rows(
        got, "index", "component", "year", "score", "max_score", "rank", "rank_total")
    assert len([r for r in got if r.component]) == 2


@pytest.mark.parametrize("index,label,field", [("SIPAS", "Chỉ số SIPAS (%)", "percent"),
                                               ("PAPI", "Chỉ số PAPI (điểm)", "score")])
@pytest.mark.parametrize("layout", ["piped", "aligned"])
@pytest.mark.parametrize("strip", STRIP)
def test_a_column_per_year_and_a_row_per_index(index, label, field, layout, strip):
    widths = [24, 10, 10, 10]
    fmt = piped if layout == "piped" else (lambda cells: aligned(cells, widths))
    text = "\n".join(["I. KẾT QUẢ GIAI ĐOẠN 2018 - 2020", "",
                      fmt(["Năm", "2018", "2019", "2020"]),
                      fmt([label, "41,20", "43,05", "42,71"]),
                      fmt(["Thứ hạng", "12/63", "9/63", "15/63"]), "",
                      "II. MỤC TIÊU"])
    got = run(text, strip)
    assert rows(got, "index", "year", field, "rank", "rank_total") == {
        (index, 2018, 41.2, 12, 63), (index, 2019, 43.05, 9, 63), (index, 2020, 42.71, 15, 63)}
