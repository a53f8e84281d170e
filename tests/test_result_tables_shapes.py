"""Results tables flattened to text in shapes the STT readers missed (issue #4, fresh batch dr_130-139): a column
per former unit and a row per index, a year stated only in the section heading, a header without a numbering
column, a `Đơn vị (cũ)` column with a rank column beside an index. Tables are built here (other units, indices,
years and column orders than the batch), each with and without diacritics."""
from __future__ import annotations

import pytest

from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument

STRIP = [False, True]


def run(text: str, strip: bool):
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, strip_marks(text) if strip else text)]))
    return results


def rows(items, *fields):
    return {tuple(getattr(x, f) for f in fields) for x in items}


def aligned(cells: list[str], widths: list[int]) -> str:
    return "".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


def piped(cells: list[str]) -> str:
    return " | ".join(cells)


# ---- a column per index, a rank column beside one, rows naming their own unit under `Đơn vị (cũ)`

@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("unit_word,names", [("Phường", ["Tân Định", "Đa Kao"]), ("Xã", ["Hòa Phú", "Ea Kao", "Cư Êbur"])])
@pytest.mark.parametrize("sipas_first", [False, True])
def test_unit_rows_with_a_rank_column_beside_its_index(unit_word, names, sipas_first, strip):
    par = ["Chỉ số CCHC (điểm)", "Xếp hạng"]
    head = ["STT", "Đơn vị (cũ)"] + (["SIPAS (%)"] + par if sipas_first else par + ["SIPAS (%)"])
    lines = [piped(head)]
    for k, name in enumerate(names):
        par_cells = [f"{80 + k},{k + 1}5", f"{k + 3}/27"]
        sipas = f"8{k},60"
        lines.append(piped([str(k + 1), f"{unit_word} {name}"] + ([sipas] + par_cells if sipas_first else par_cells + [sipas])))
    lines.append(piped(["Bình quân", "", "81,00", "", "82,00"]))
    text = "I. THỰC TRẠNG\nKết quả năm 2023 của các đơn vị trước sắp xếp:\n" + "\n".join(lines) + "\n"
    got = run(text, strip)
    expected = set()
    for k, name in enumerate(names):
        scope = f"{unit_word.lower()} {strip_marks(name) if strip else name} (cũ)"
        expected |= {("PAR INDEX", 2023, scope, float(f"{80 + k}.{k + 1}5"), None, k + 3, 27),
                     ("SIPAS", 2023, scope, None, float(f"8{k}.6"), None, None)}
    assert rows(got, "index", "year", "scope", "score", "percent", "rank", "rank_total") == expected


@pytest.mark.parametrize("strip", STRIP)
def test_a_bare_rank_in_a_rank_column_is_the_rank_of_the_index_before_it(strip):
    text = ("Kết quả năm 2024 của các huyện trước hợp nhất:\n"
            "TT | Huyện (cũ) | Chỉ số PAPI (điểm) | Thứ hạng | Chỉ số PAR INDEX (%)\n"
            "1 | Mường Tè | 41,25 | 7 | 84,10\n2 | Nậm Nhùn | 40,02 | 9 | 82,75\n")
    got = run(text, strip)
    name = "Muong Te" if strip else "Mường Tè"
    assert ("PAPI", 2024, f"huyện {name} (cũ)", 41.25, 7) in rows(got, "index", "year", "scope", "score", "rank")
    assert ("PAR INDEX", 2024, f"huyện {name} (cũ)", 84.1) in rows(got, "index", "year", "scope", "percent")


# ---- the results year stated only in the section heading above the table

@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("heading,year", [("I. KẾT QUẢ NĂM 2023", 2023), ("I. ĐÁNH GIÁ THỰC TRẠNG NĂM 2024", 2024)])
@pytest.mark.parametrize("index,columns,cells", [
    ("PAR INDEX", "Điểm tối đa | Điểm đạt", {"Cải cách thể chế": ("8,0 | 6,25", 6.25, None),
                                            "Cải cách tài chính công": ("13,0 | 11,50", 11.5, None)}),
    ("PAPI", "Điểm | Xếp hạng", {"Quản trị môi trường": ("3,41 | 12/63", 3.41, 12),
                                 "Thủ tục hành chính công": ("7,12 | 30/63", 7.12, 30)})])
def test_a_table_takes_the_year_of_its_results_section(heading, year, index, columns, cells, strip):
    body = "\n".join(f"{k + 1} | {name} | {printed}" for k, (name, (printed, _, _)) in enumerate(cells.items()))
    text = (f"{heading}\n1. Chỉ số {index}\nKết quả giảm so với năm {year - 1}. Theo từng nội dung:\n"
            f"TT | Nội dung | {columns}\n{body}\n")
    got = run(text, strip)
    assert rows(got, "index", "component", "year", "score", "rank") == {
        (index, name, year, score, rank) for name, (_, score, rank) in cells.items()}


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("sections", [
    "I. KẾT QUẢ NĂM 2023\nChỉ số CCHC của huyện đạt 85,1 điểm.\nII. KẾT QUẢ CỦA CÁC LĨNH VỰC\n",  # a new section, no year
    "II. MỤC TIÊU NĂM 2025\n"])  # a goals section: its year is no results year
def test_no_results_year_from_a_section_that_states_none(sections, strip):
    text = (sections + "Chỉ số CCHC theo lĩnh vực, giảm so với năm 2022:\n"
            "STT | Lĩnh vực | Điểm tối đa | Điểm đạt\n1 | Cải cách thể chế | 8,0 | 6,5\n")
    assert ("PAR INDEX", "Cải cách thể chế", None, 6.5) in rows(run(text, strip), "index", "component", "year", "score")


# ---- a header with no numbering column

@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("first,index_heading,names", [
    ("Chỉ số thành phần", "1. Chỉ số PCI", ["Tiếp cận đất đai", "Chi phí thời gian", "Đào tạo lao động"]),
    ("Lĩnh vực", "2. Chỉ số CCHC", ["Cải cách thể chế", "Cải cách tài chính công"]),
    ("Chỉ số nội dung", "1. Chỉ số PAPI", ["Quản trị điện tử", "Quản trị môi trường"])])
@pytest.mark.parametrize("years", [(2022, 2023), (2023, 2024, 2025)])
@pytest.mark.parametrize("layout", ["aligned", "piped"])
def test_a_header_without_a_numbering_column(first, index_heading, names, years, layout, strip):
    index = {"1. Chỉ số PCI": "PCI", "2. Chỉ số CCHC": "PAR INDEX", "1. Chỉ số PAPI": "PAPI"}[index_heading]
    widths = [34] + [12] * len(years)
    shape = (lambda cells: aligned(cells, widths)) if layout == "aligned" else piped
    lines = [shape([first] + [f"Năm {y}" for y in years])]
    for k, name in enumerate(names):
        lines.append(shape([name] + [f"{5 + k},{j}{k}" for j in range(len(years))]))
    text = (f"I. KẾT QUẢ\n{index_heading}\nChỉ số của tỉnh tăng so với năm trước. Điểm một số chỉ số:\n"
            + "\n".join(lines) + "\nCác chỉ số còn lại đều tăng điểm.\n")
    got = run(text, strip)
    expected = {(index, name, y, float(f"{5 + k}.{j}{k}")) for k, name in enumerate(names) for j, y in enumerate(years)}
    assert rows(got, "index", "component", "year", "score") == expected


@pytest.mark.parametrize("strip", STRIP)
def test_a_sentence_opening_with_a_column_word_is_no_header(strip):
    text = ("1. Chỉ số PCI\nLĩnh vực  Tiếp cận đất đai năm 2023 đạt 6,5 điểm.\n"
            "Chi phí thời gian 7,01 6,9\n")
    got = run(text, strip)
    assert ("PCI", "Chi phí thời gian") not in rows(got, "index", "component")


# ---- a column per former unit, a row per index

UNIT_SETS = [("Tỉnh", ["Hà Nam", "Nam Định"]), ("Huyện", ["Kỳ Sơn", "Tân Kỳ", "Anh Sơn"]), ("Xã", ["Ea Tir", "Ea Hồ"])]
INDEX_ROWS = [("PAR INDEX (%)", "PAR INDEX", "percent"), ("SIPAS (%)", "SIPAS", "percent"),
              ("Chỉ số PAPI (điểm)", "PAPI", "score"), ("PCI (điểm)", "PCI", "score")]


def _unit_column_table(unit_word, names, index_rows, cell, layout, caption):
    head = ["Chỉ số"] + [f"{unit_word} {n} (cũ)" for n in names]
    lines = []
    for r, (label, _, _) in enumerate(index_rows):
        lines.append([label] + [cell(f"{60 + 10 * r + u},{u}{r}", 3 + u + r) for u in range(len(names))])
    widths = [24] + [28] * len(names)
    shape = (lambda cells: aligned(cells, widths)) if layout == "aligned" else piped
    return caption + "\n" + "\n".join(shape(c) for c in [head] + lines) + "\nGhi chú: bình quân cả nước 85,00%.\n"


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("unit_word,names", UNIT_SETS)
@pytest.mark.parametrize("cell_shape", ["dash", "paren", "thu"])
@pytest.mark.parametrize("layout", ["aligned", "piped"])
def test_a_column_per_former_unit_and_a_row_per_index(unit_word, names, cell_shape, layout, strip):
    cell = {"dash": lambda v, r: f"{v} - hạng {r}", "paren": lambda v, r: f"{v} ({r}/63)",
            "thu": lambda v, r: f"{v}, xếp thứ {r}"}[cell_shape]
    caption = "I. KẾT QUẢ NĂM 2023 CỦA CÁC ĐƠN VỊ TRƯỚC HỢP NHẤT\nBảng 1. Kết quả (thứ hạng trên tổng số 63 tỉnh, thành phố)"
    got = run(_unit_column_table(unit_word, names, INDEX_ROWS, cell, layout, caption), strip)
    spelled = unit_word.lower()
    expected = set()
    for r, (_, index, metric) in enumerate(INDEX_ROWS):
        for u, name in enumerate(names):
            value = float(f"{60 + 10 * r + u}.{u}{r}")
            scope = f"{spelled} {strip_marks(name) if strip else name} (cũ)"
            expected.add((index, 2023, scope, value if metric == "score" else None,
                          value if metric == "percent" else None, 3 + u + r, 63))
    assert rows(got, "index", "year", "scope", "score", "percent", "rank", "rank_total") == expected


@pytest.mark.parametrize("strip", STRIP)
def test_unit_columns_take_the_year_of_the_caption_and_cells_without_a_rank(strip):
    caption = "Kết quả năm 2024 của hai tỉnh (so với năm 2023):"
    got = run(_unit_column_table("Tỉnh", ["Quảng Bình", "Quảng Trị"], INDEX_ROWS[:2], lambda v, r: v, "piped", caption),
              strip)
    assert {(r.index, r.year, r.percent, r.rank) for r in got} == {
        ("PAR INDEX", 2024, 60.0, None), ("PAR INDEX", 2024, 61.1, None),
        ("SIPAS", 2024, 70.01, None), ("SIPAS", 2024, 71.11, None)}


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("index_cell,index", [("Chỉ số CCHC (điểm)", "PAR INDEX"), ("Chỉ số PAPI (điểm)", "PAPI")])
def test_unit_rows_take_the_one_index_their_header_names(index_cell, index, strip):
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI và Chỉ số CCHC năm 2025\n\nI. THỰC TRẠNG\n"
            "Kết quả năm 2024 của các phường trước sắp xếp:\n"
            f"TT | Đơn vị (cũ) | {index_cell} | Xếp hạng\n1 | Phường Hòa Khánh | 44,15 | 6/13\n2 | Phường Hòa Minh | 40,90 | 10/13\n")
    got = run(text, strip)
    names = ["Hoa Khanh", "Hoa Minh"] if strip else ["Hòa Khánh", "Hòa Minh"]
    assert rows(got, "index", "component", "scope", "score", "rank") == {
        (index, None, f"phường {names[0]} (cũ)", 44.15, 6), (index, None, f"phường {names[1]} (cũ)", 40.9, 10)}


@pytest.mark.parametrize("strip", STRIP)
def test_a_column_per_former_department(strip):
    text = ("I. KẾT QUẢ NĂM 2024 CỦA CÁC SỞ TRƯỚC HỢP NHẤT\nNhìn chung các sở đều giữ vững kết quả.\n"
            "Theo từng chỉ số như sau.\n\n"
            "Chỉ số | Sở Giao thông vận tải (cũ) | Sở Xây dựng (cũ)\n"
            "Chỉ số CCHC (điểm) | 86,20 (5/20) | 84,10 (9/20)\nSIPAS (%) | 88,30 | 85,00\n")
    got = run(text, strip)
    gtvt, xd = ("So Giao thong van tai (cũ)", "So Xay dung (cũ)") if strip else ("Sở Giao thông vận tải (cũ)", "Sở Xây dựng (cũ)")
    assert rows(got, "index", "year", "scope", "score", "percent", "rank") == {
        ("PAR INDEX", 2024, gtvt, 86.2, None, 5), ("PAR INDEX", 2024, xd, 84.1, None, 9),
        ("SIPAS", 2024, gtvt, None, 88.3, None), ("SIPAS", 2024, xd, None, 85.0, None)}


# ---- numbered rows with one value (`TT | Yếu tố | Tỷ lệ hài lòng (%)`)

@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("column,index,names,metric", [
    ("Yếu tố | Tỷ lệ hài lòng (%)", "SIPAS", ["Tiếp cận dịch vụ hành chính công", "Thủ tục hành chính",
                                            "Công chức trực tiếp giải quyết công việc"], "percent"),
    ("Lĩnh vực | Điểm đạt", "PAR INDEX", ["Cải cách thể chế", "Cải cách chế độ công vụ"], "score"),
    ("Chỉ số thành phần | Điểm", "PCI", ["Tính minh bạch", "Chi phí thời gian"], "score")])
def test_numbered_rows_with_one_value_and_no_list_item_after(column, index, names, metric, strip):
    body = "\n".join(f"{k + 1} | {name} | {6 + k},{k}5" for k, name in enumerate(names))
    text = (f"I. KẾT QUẢ NĂM 2024\n2. Chỉ số {index}\nKết quả giảm so với năm 2023. Cụ thể:\n"
            f"TT | {column}\n{body}\n"
            f"{len(names) + 1}. Rà soát thủ tục hành chính, hoàn thành trước ngày 30\n")  # a list item, no row
    got = [r for r in run(text, strip) if r.component]
    assert rows(got, "index", "component", "year", metric) == {
        (index, name, 2024, float(f"{6 + k}.{k}5")) for k, name in enumerate(names)}

