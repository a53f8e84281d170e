"""Results listed as numbered component items `(n) <component>: x/y điểm (p%), xếp thứ r/t;` (a table flattened into
a list; issue #4, dr_177 at first contact, session 5). Lists built here (other indices, components, numbers), with
marks, stripped and in an English-model-OCR-like spelling, with a page number inside and an item wrapped."""
from __future__ import annotations

import pytest

from extract.result_numbered_items import numbered_item_results
from tests.test_result_tables_cells import FORMS, _form, _run
from tests.test_result_tables_shapes import rows

PAPI = [("Tham gia của người dân ở cấp cơ sở", "5,12", "10", "51,20", "12/63"),
        ("Trách nhiệm giải trình với người dân", "4,25", "10", "42,50", "30/63"),
        ("Kiểm soát tham nhũng trong khu vực công", "6,80", "10", "68,00", "7/63"),
        ("Quản trị điện tử", "3,05", "10", "30,50", "41/63")]


def _list(items, heading="II. KẾT QUẢ CHỈ SỐ PAPI NĂM 2022") -> str:
    lines = [heading, "Năm 2022, Chỉ số PAPI của tỉnh đạt 41,50 điểm. Điểm các nội dung như sau:"]
    for n, (name, score, top, pct, rank) in enumerate(items, 1):
        if n == 3:
            lines += ["", "2", ""]  # a page number between two items
        if n == 2:  # an item wrapped over two lines
            lines += [f"({n}) {name}: {score}/{top} điểm", f"({pct}%), xếp thứ {rank};"]
        else:
            lines.append(f"({n}) {name}: {score}/{top} điểm ({pct}%), xếp thứ {rank};")
    return "\n".join(lines + ["Các nội dung còn lại giảm điểm.", ""])


@pytest.mark.parametrize("form", FORMS)
def test_numbered_component_items_are_read_as_rows(form):
    got, _, _ = _run(_list(PAPI), form)
    expected = {("PAPI", name, 2022, float(s.replace(",", ".")), float(t), float(p.replace(",", ".")),
                 int(r.split("/")[0]), 63) for name, s, t, p, r in PAPI}
    assert rows([g for g in got if g.component], "index", "component", "year", "score", "max_score", "percent",
                "rank", "rank_total") == expected


def test_maxima_with_decimals_and_no_percent_or_rank():
    items = [("Cải cách thể chế", "8,60", "9,5", None, None), ("Cải cách tài chính công", "10,25", "13,5", None, None)]
    text = "\n".join(["II. KẾT QUẢ CHỈ SỐ CCHC NĂM 2021", "Điểm các lĩnh vực:"]
                     + [f"({n}) {name}: {s}/{t} điểm;" for n, (name, s, t, _, _) in enumerate(items, 1)] + [""])
    got, _ = numbered_item_results(text)
    assert rows(got, "component", "year", "score", "max_score", "percent") == {
        ("Cải cách thể chế", 2021, 8.6, 9.5, None), ("Cải cách tài chính công", 2021, 10.25, 13.5, None)}


@pytest.mark.parametrize("bad", ["(2) Nhiệm vụ trọng tâm: 4,25/10 điểm;", "(3) Trách nhiệm giải trình với người dân: 4,25 điểm;"])
def test_a_list_stops_at_an_item_it_cannot_read(bad):
    text = "\n".join(["II. KẾT QUẢ CHỈ SỐ PAPI NĂM 2022", "Điểm các nội dung:",
                      "(1) Quản trị môi trường: 3,40/10 điểm;", "(2) Quản trị điện tử: 2,90/10 điểm;" if "(3)" in bad else bad,
                      bad if "(3)" in bad else "(3) Quản trị điện tử: 2,90/10 điểm;", ""])
    got, spans = numbered_item_results(text)
    assert len(got) == (2 if "(3)" in bad else 0) and len(spans) == len(got)


def test_no_index_or_no_year_no_rows():
    text = "Điểm các nội dung:\n(1) Quản trị môi trường: 3,40/10 điểm;\n(2) Quản trị điện tử: 2,90/10 điểm;\n"
    assert numbered_item_results(text) == ([], [])
