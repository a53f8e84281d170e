"""Former units as numbered sub-headings give the scope of the results under them (issue #4, dr_173 at first
contact, session 5). Plans built here (other units, indices and values), with and without marks."""
from __future__ import annotations

import pytest

from extract.result_unit_headings import unit_heading_regions
from tests.test_result_tables_shapes import STRIP, rows, run
from kehoach.synth.lossy_text import strip_marks


def _plan(units: list[str], third: str) -> str:
    return "\n".join([
        "II. KẾT QUẢ NĂM 2023 CỦA CÁC ĐƠN VỊ TRƯỚC SẮP XẾP",
        f"1. {units[0]} (cũ)",
        "- Chỉ số CCHC năm 2023 đạt 81,40 điểm, xếp thứ 7/21.",
        "- Chỉ số SIPAS năm 2023 đạt 85,12%, trong đó:",
        "  + Thủ tục hành chính: 83,20%;",
        f"2. {units[1]} (cũ):",
        "- Chỉ số CCHC năm 2023 đạt tỷ lệ 78,65%; năm 2022 xếp thứ 15/20.",
        "- Mức độ hài lòng của người dân, tổ chức năm 2023 đạt 91,30%, cao nhất từ trước đến nay.",
        f"3. {third}",
        "- Chỉ số SIPAS năm 2023 của tỉnh đạt 88,00%.",
        "III. MỤC TIÊU",
        "1. Chỉ số CCHC năm 2024 đạt từ 85 điểm trở lên.",
        ""])


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("units,scopes", [
    (["Sở Tư pháp tỉnh Quảng Bình", "Sở Tư pháp tỉnh Quảng Trị"],
     ["Sở Tư pháp tỉnh Quảng Bình (cũ)", "Sở Tư pháp tỉnh Quảng Trị (cũ)"]),
    (["Xã Tân Lập", "Xã Hòa Bình"], ["xã Tân Lập (cũ)", "xã Hòa Bình (cũ)"])])
def test_a_former_unit_heading_scopes_the_results_under_it(units, scopes, strip):
    got = run(_plan(units, "Tồn tại, hạn chế"), strip)
    # stripped: the name loses its marks, a unit word (`xã`) is spelt as the scope convention spells it
    a, b = ((s.split(" ", 1)[0] + " " + strip_marks(s.split(" ", 1)[1]) if s.startswith("xã") else strip_marks(s))
            .replace("(cu)", "(cũ)") if strip else s for s in scopes)
    assert rows(got, "index", "component", "year", "scope", "score", "percent", "rank") >= {
        ("PAR INDEX", None, 2023, a, 81.4, None, 7), ("SIPAS", None, 2023, a, None, 85.12, None),
        ("SIPAS", "Thủ tục hành chính", 2023, a, None, 83.2, None), ("PAR INDEX", None, 2023, b, None, 78.65, None),
        ("PAR INDEX", None, 2022, b, None, None, 15), ("SIPAS", None, 2023, b, None, 91.3, None)}
    # the scope ends at the next numbered heading that is no unit
    assert ("SIPAS", 2023, None, 88.0) in rows(got, "index", "year", "scope", "percent")


@pytest.mark.parametrize("heading", ["1. Kết quả của xã Tân Lập (cũ) năm 2023", "1. Xã Tân Lập (cũ) đạt 81,40 điểm",
                                     "1. Chỉ số CCHC"])
def test_a_heading_that_is_more_than_a_unit_scopes_nothing(heading):
    text = f"II. KẾT QUẢ\n{heading}\n- Chỉ số SIPAS năm 2023 đạt 85,12%.\n"
    assert unit_heading_regions(text) == []


def test_a_region_runs_to_the_next_numbered_or_roman_heading():
    text = "1. Phường An Lạc (cũ)\nabc\ndef\n2. Phường Bình Trị (cũ)\nghi\nIII. MỤC TIÊU\njkl\n"
    regions = unit_heading_regions(text)
    assert [(text[a:b].strip(), u) for a, b, u in regions] == [("abc\ndef", "phường An Lạc (cũ)"),
                                                              ("ghi", "phường Bình Trị (cũ)")]
