"""Shapes met at first contact with the fresh batch dr_200-209 (issue #4): a table of year rows read one cell per
line, former units ranked after a sentence naming the CCHC index and then SIPAS, a field's `tỷ lệ` as its own rate,
the task section headed `T0 CHỨC` by the English model, partners closing an item, a stray `|` before `Nơi nhận`,
and the date closing an item as its deadline. Inputs written here (other units, numbers and dates), with and
without marks."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from extract.body_tasks import item_deadline
from extract.result_cell_lines import rejoin_cell_lines
from extract.tasks import extract_tasks
from test_result_turns_scope import header, rows, run
from test_tasks import doc_of

FORMS = [lambda t: t, unidecode]

_YEAR_CELLS = ("Kết quả Chỉ số cải cách hành chính của huyện qua các năm như sau:\n"
               "Năm\nĐiểm số\nXếp hạng\n| 2021\n79,45\n9/13\n2022\n82,10\n6/13\n2023\n85,32\n4/13\n")


@pytest.mark.parametrize("form", FORMS)
def test_year_rows_read_one_cell_per_line(form):
    text = header("HUYỆN KRÔNG PẮC", "Krông Pắc") + "II. KẾT QUẢ\n" + _YEAR_CELLS + (
        "Chỉ số SIPAS năm 2023 của huyện đạt 84,60%.\n")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", 2021, 79.45, None, 9, 13), ("PAR INDEX", 2022, 82.1, None, 6, 13),
        ("PAR INDEX", 2023, 85.32, None, 4, 13), ("SIPAS", 2023, None, 84.6, None, None)}


def test_year_cells_are_left_alone_when_a_row_comes_short():
    # the third row lost its rank: the block is no certain table, so nothing is rejoined
    text = "Năm\nĐiểm số\nXếp hạng\n2021\n79,45\n9/13\n2022\n82,10\n6/13\n2023\n85,32\n"
    rewritten, warnings = rejoin_cell_lines(text)
    assert rewritten == text and warnings


@pytest.mark.parametrize("form", FORMS)
def test_former_units_ranked_in_points_after_the_cchc_index_and_sipas(form):
    text = header("PHƯỜNG TÂN AN", "Tân An") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số cải cách hành chính của thị xã Cam Đường (cũ) đạt 86,15 điểm, xếp hạng "
        "4/9 huyện, thị xã; Chỉ số SIPAS của thị xã đạt 85,40%. Trong số các xã, phường trước sắp xếp, "
        "phường Bắc Lệnh (cũ) đạt 83,70 điểm, xếp hạng 5/17 xã, phường; phường Nam Cường (cũ) xếp hạng 9/17.\n")
    results, _ = run(form(text))
    got = {(i, s and unidecode(s), sc, r, t) for i, s, sc, r, t in rows(results, "index", "scope", "score", "rank",
                                                                            "rank_total")}
    # the former wards' points and ranks are the CCHC index's, not SIPAS's (a share of people satisfied); the town's
    # own two values keep their indices
    assert got == {("PAR INDEX", "phuong Bac Lenh (cu)", 83.7, 5, 17), ("PAR INDEX", "phuong Nam Cuong (cu)", None, 9, 17),
                   ("PAR INDEX", "thi xa Cam Duong (cu)", 86.15, 4, 9), ("SIPAS", "thi xa Cam Duong (cu)", None, None, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_field_rate_said_with_ty_le(form):
    text = header("TỈNH HẬU GIANG", "Hậu Giang") + (
        "II. KẾT QUẢ\nChỉ số PAR INDEX năm 2023 của tỉnh đạt 86,02%, xếp hạng 21/63.\n"
        "Trong 08 lĩnh vực, lĩnh vực Cải cách thể chế đạt tỷ lệ cao nhất với 93,10%; lĩnh vực Cải cách tài "
        "chính công đạt thấp nhất với 70,25%. Tỷ lệ hồ sơ trực tuyến đạt 98%.\n")
    results, _ = run(form(text))
    assert rows(results, "index", "component", "percent") == {
        ("PAR INDEX", None, 86.02), ("PAR INDEX", "Cải cách thể chế", 93.1),
        ("PAR INDEX", "Cải cách tài chính công", 70.25)}


_SECTION = ("V. T0 CHUC THUC HIEN\n"
            "1. Phong Noi vu: Tham muu UBND huyen theo doi viec thuc hien Ke hoach; bao cao ket qua truoc ngay 20/11/2024.\n"
            "2. Phong Tai chinh - Ke hoach: Chu tri giai quyet ho so dung han; phoi hop voi Chi cuc Thue khu vuc.\n"
            "3. UBND cac xa, thi tran: Xay dung ke hoach thuc hien tai dia phuong.\n"
            "| Noi nhan:\n- Nhu tren;\n- Luu: VT.\n")


def test_english_model_task_section_partners_and_end():
    tasks, _ = extract_tasks(doc_of(_SECTION))
    assert [t.id for t in tasks] == ["1", "2", "3"]
    assert tasks[0].deadline == "trước ngày 20/11/2024" and tasks[0].deadline_date == "2024-11-20"
    assert tasks[1].partners == ["Chi cuc Thue khu vuc"]
    assert not any("Noi nhan" in a or "Luu" in a for a in tasks[2].actions)


@pytest.mark.parametrize("actions,deadline", [
    (["Tổng hợp, báo cáo Sở Nội vụ trước ngày 05/12/2026."], "trước ngày 05/12/2026"),
    (["Báo cáo UBND tỉnh hằng năm trước ngày 10/12."], "hằng năm trước ngày 10/12"),
    (["Tổ chức khảo sát sự hài lòng, hoàn thành trong Quý III/2026."], "Quý III/2026"),
    (["Số hóa hồ sơ, hoàn thành trong tháng 9/2026."], "tháng 9/2026"),
    (["Khảo sát sự hài lòng, hoàn thành trong quý iv / 2026."], "Quý IV/2026"),
    (["Hoàn thành trước ngày 31/3/2026; báo cáo kết quả về Sở Nội vụ theo quy định."], "trước ngày 31/3/2026"),
    (["Báo cáo kết quả trước ngày 15/6/2026 để tổng hợp."], "trước ngày 15/6/2026"),
    # two dates in the item and none closing it: no deadline for the item as a whole
    (["Xây dựng kế hoạch trước ngày 31/01/2026; báo cáo sơ kết trước ngày 15/6/2026 theo quy định."], None),
    (["Tuyên truyền thường xuyên trên loa truyền thanh."], None),
    # several bullets: a date inside one of them is that bullet's (seeds 001, 004), the report closing the last the item's
    (["Rà soát nhiệm vụ, xây dựng kế hoạch trước ngày 20/7/2026.", "Báo cáo kết quả thực hiện định kỳ."], None),
    (["Theo dõi việc thực hiện Kế hoạch.", "Tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2026."], "trước ngày 15/12/2026"),
    (["Rà soát hồ sơ tồn đọng.", "Giải quyết dứt điểm hồ sơ trễ hạn trong năm 2026."], None),
    (["Tổ chức đối thoại trong năm 2026 tại các thôn."], None),  # a time said inside the action, not closing it
])
def test_the_date_closing_an_item_is_its_deadline(actions, deadline):
    assert item_deadline(actions) == deadline
    # spelled out with marks from its folded form, whatever the input lost (`trtroc ngay` of the English model)
    assert item_deadline([unidecode(a) for a in actions]) == deadline
    if deadline and "trước" in deadline:
        assert item_deadline([a.replace("trước", "trtroc") for a in actions]) == deadline


_FORMER_TABLE = ("II. KẾT QUẢ NĂM 2024\nKết quả Chỉ số PCI và Chỉ số DTI năm 2024 của hai tỉnh trước khi hợp nhất:\n\n"
                 "{head}      Điểm PCI 2024   Xếp hạng PCI   Điểm DTI 2024   Xếp hạng DTI\n"
                 "Hòa Bình        64,20           37/63          0,4410          51/63\n"
                 "Vĩnh Phúc       68,75           11/63          0,5630          15/63\n")


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_former_provinces_by_bare_name_with_a_rank_column_per_index(form):
    results, _ = run(form(header("TỈNH PHÚ THỌ", "Phú Thọ") + _FORMER_TABLE.format(head="Tỉnh (cũ)")))
    got = {(i, unidecode(s), sc, r, t) for i, s, sc, r, t in rows(results, "index", "scope", "score", "rank",
                                                                        "rank_total")}
    assert got == {("PCI", "tinh Hoa Binh (cu)", 64.2, 37, 63), ("DTI", "tinh Hoa Binh (cu)", 0.441, 51, 63),
                   ("PCI", "tinh Vinh Phuc (cu)", 68.75, 11, 63), ("DTI", "tinh Vinh Phuc (cu)", 0.563, 15, 63)}
    assert all(r.year == 2024 for r in results)


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_other_provinces_gives_no_results(form):
    # `Tỉnh` without `(cũ)`: provinces compared with, not the issuer's former units
    results, _ = run(form(header("TỈNH PHÚ THỌ", "Phú Thọ") + _FORMER_TABLE.format(head="Tỉnh     ")))
    assert not [r for r in results if r.scope]


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_former_wards_with_one_rank_column(form):
    text = header("PHƯỜNG HÀ TU", "Hà Tu") + (
        "II. KẾT QUẢ NĂM 2024\nKết quả của các phường (cũ) hợp thành phường Hà Tu như sau:\n\n"
        "Phường (cũ)      Chỉ số CCHC (điểm)   Xếp hạng   Chỉ số SIPAS (%)\n"
        "Hà Phong         88,12                3/12       87,45\n"
        "Hà Khánh         84,60                8/12       85,30 |\n")
    results, _ = run(form(text))
    got = {(i, unidecode(s), sc, p, r) for i, s, sc, p, r in rows(results, "index", "scope", "score", "percent", "rank")}
    assert got == {("PAR INDEX", "phuong Ha Phong (cu)", 88.12, None, 3), ("SIPAS", "phuong Ha Phong (cu)", None, 87.45, None),
                   ("PAR INDEX", "phuong Ha Khanh (cu)", 84.6, None, 8), ("SIPAS", "phuong Ha Khanh (cu)", None, 85.3, None)}


@pytest.mark.parametrize("form", FORMS)
def test_the_issuer_named_as_subject_among_its_peers_is_no_other_unit(form):
    text = header("SỞ XÂY DỰNG", "Hà Tĩnh") + (
        "II. KẾT QUẢ\nNăm 2022, Chỉ số cải cách hành chính của tỉnh Hà Tĩnh đạt 87,10%, xếp thứ 10/63. Đối với "
        "khối sở, ban, ngành, Sở Xây dựng đạt 83,25%, xếp thứ 11/20.\nTrong các lĩnh vực, Cải cách tài chính công "
        "đạt 10,75/12 điểm.\n")
    results, _ = run(form(text))
    got = {(c, s and unidecode(s), p, sc, r) for c, s, p, sc, r in rows(results, "component", "scope", "percent", "score",
                                                                           "rank")}
    assert got == {(None, "tinh Ha Tinh", 87.1, None, 10), (None, None, 83.25, None, 11),
                   ("Cải cách tài chính công", None, None, 10.75, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_group_qualified_as_leading_is_no_first_place(form):
    text = header("TỈNH QUẢNG TRỊ", "Quảng Trị") + (
        "III. MỤC TIÊU\n- Năm 2026: Chỉ số PCI đạt từ 67,5 điểm trở lên, xếp trong nhóm 15 tỉnh, thành phố đứng "
        "đầu cả nước.\n")
    _, targets = run(form(text))
    assert rows(targets, "index", "year", "metric", "comparator", "value") == {
        ("PCI", 2026, "score", ">=", 67.5), ("PCI", 2026, "rank", "<=", 15.0)}


def test_goal_headings_after_blanked_table_lines():
    """A stray `|` may open a goals heading; the blanks around it are the line's own. Blanked table lines are runs of
    spaces, where `\\s*\\|?\\s*` backtracked quadratically (minutes on a long synthetic plan): not timed here, the
    reader must get through and still find both headings."""
    from extract.result_context import goal_spans

    text = ("\n" + " " * 80) * 400 + "\n|iii. muc tieu\n1. chi so sipas dat 90%.\n   iv. to chuc thuc hien\n"
    spans = goal_spans(text)
    assert len(spans) == 1 and text[spans[0][0]:spans[0][1]].strip() == "1. chi so sipas dat 90%."


# --- shapes met at first contact with dr_220-229 -------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_former_wards_listed_after_a_colon_and_a_rank_among_a_former_province(form):
    text = header("PHƯỜNG LONG HƯƠNG", "Long Hương") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số cải cách hành chính của huyện Đất Đỏ (cũ) đạt 85,40 điểm, xếp thứ 4/8 huyện, "
        "thị xã, thành phố của tỉnh Bà Rịa - Vũng Tàu (cũ); Chỉ số hài lòng của người dân, tổ chức đạt 86,30%.\n"
        "Đối với các xã (cũ) sắp xếp thành phường Long Hương: xã Phước Long Thọ (cũ) đạt 84,10 điểm, xếp thứ "
        "20/77 xã, phường, thị trấn; xã Láng Dài (cũ) đạt 81,05 điểm, xếp thứ 45/77.\n")
    results, _ = run(form(text))
    got = {(i, unidecode(s or ""), sc, p, r) for i, s, sc, p, r in rows(results, "index", "scope", "score", "percent",
                                                                           "rank")}
    assert got == {("PAR INDEX", "huyen Dat Do (cu)", 85.4, None, 4), ("SIPAS", "huyen Dat Do (cu)", None, 86.3, None),
                   ("PAR INDEX", "xa Phuoc Long Tho (cu)", 84.1, None, 20),
                   ("PAR INDEX", "xa Lang Dai (cu)", 81.05, None, 45)}


@pytest.mark.parametrize("form", FORMS)
def test_a_table_read_column_by_column_with_a_column_per_index(form):
    text = header("THỊ XÃ BUÔN HỒ", "Buôn Hồ") + (
        "II. KẾT QUẢ\nKết quả hai năm gần nhất như sau:\nChỉ số\nNăm 2022\nNăm 2023\n"
        "Chỉ số cải cách hành chính (điểm)\n83,15\n85,60\nXếp hạng trong 15 huyện, thị xã, thành phố\n9/15\n6/15\n"
        "Chỉ số hài lòng (SIPAS)\n81,20%\n83,95%\nNăm 2023, thị xã tăng 3 bậc.\n")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", 2022, 83.15, None, 9, 15), ("PAR INDEX", 2023, 85.6, None, 6, 15),
        ("SIPAS", 2022, None, 81.2, None, None), ("SIPAS", 2023, None, 83.95, None, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_median_and_a_part_the_lists_do_not_know_are_no_results(form):
    text = header("SỞ CÔNG THƯƠNG", "Công Thương") + (
        "II. KẾT QUẢ\nNăm 2023, Chỉ số PCI của tỉnh Bình Định đạt 66,10 điểm, xếp thứ 20/63; chỉ số thành phần Chi phí "
        "không chính thức đạt 6,02 điểm, cao hơn điểm trung vị của cả nước (5,88 điểm); nội dung Thủ tục cấp phép "
        "kinh doanh trong Chỉ số PCI của tỉnh chỉ đạt 1,55/2,5 điểm.\n")
    results, _ = run(form(text))
    assert {(c, sc) for c, sc in rows(results, "component", "score")} == {(None, 66.1), ("Chi phí không chính thức", 6.02)}


@pytest.mark.parametrize("form", FORMS)
def test_a_field_name_wrapped_above_a_total_row(form):
    text = header("SỞ Y TẾ", "Y Tế") + (
        "II. KẾT QUẢ NĂM 2024\nKết quả Chỉ số cải cách hành chính năm 2024 của Sở theo lĩnh vực:\n"
        "STT | Lĩnh vực | Điểm tối đa | Điểm đạt\n"
        "1   | Cải cách thể chế | 9 | 8,10\n"
        "2   | Tác động của cải cách hành chính đến người dân, tổ chức và | 25 | 20,75\n"
        "    | phát triển kinh tế - xã hội | |\n"
        "    | Tổng cộng | 34 | 28,85\n")
    results, _ = run(form(text))
    assert {(c, sc) for c, sc in rows(results, "component", "score")} == {
        ("Cải cách thể chế", 8.1), (None, 28.85),
        ("Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội", 20.75)}


_ITEMS = ("V. TỔ CHỨC THỰC HIỆN\n"
          "1. V4n phòng Sở: Theo dõi việc thực hiện Kế hoạch.\n"
          "2. Trưởng các phòng thuộc Sở: Triển khai các nhiệm vụ được phân công tại\n"
          "Phụ lục kèm theo Kế hoạch này; báo cáo kết quả trước ngày 05/12/2024.\n"
          "3. Đề nghị. Công đoàn Sở: Vận động công chức thực hiện văn hóa công vụ.\n"
          "Trong quá trình triển khai, nếu có vướng mắc, các đơn vị báo cáo Giám đốc Sở.\n\n"
          "PHỤ LỤC\n| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n"
          "| 1 | Rà soát thủ tục hành chính | Văn phòng Sở | Thanh tra Sở | Quý III/2024 |\n")


@pytest.mark.parametrize("form", FORMS)
def test_items_over_an_appendix_line_a_dotted_request_and_a_markdown_rule(form):
    tasks, _ = extract_tasks(doc_of(form(_ITEMS)))
    assert [(t.source, t.id) for t in tasks] == [("table", "1"), ("body", "1"), ("body", "2"), ("body", "3")]
    body = {t.id: t for t in tasks if t.source == "body"}
    assert unidecode(body["1"].lead[0]).startswith("V4n phong So") or unidecode(body["1"].lead[0]) == "Van phong So"
    assert body["2"].deadline == "trước ngày 05/12/2024" and "Phu luc" in unidecode(" ".join(body["2"].actions))
    assert unidecode(body["3"].lead[0]) == "Cong doan So"
    assert not any("vuong mac" in unidecode(a) for a in body["3"].actions)


@pytest.mark.parametrize("form", FORMS)
def test_parts_listed_after_the_goal_are_still_its_components(form):
    # `các chỉ số nội dung sau của Chỉ số PAPI`: not a part the lists do not know, the goal of the parts listed
    text = header("XÃ TÂN HÒA", "Tân Hòa") + (
        "II. MỤC TIÊU\nPhấn đấu để các chỉ số nội dung sau của Chỉ số PAPI năm 2026 đạt từ 6,5 điểm trở lên: Kiểm "
        "soát tham nhũng trong khu vực công; Thủ tục hành chính công.\n")
    _, targets = run(form(text))
    assert rows(targets, "component", "value") == {("Kiểm soát tham nhũng trong khu vực công", 6.5),
                                                   ("Thủ tục hành chính công", 6.5)}


# --- shapes met at first contact with dr_230-239 -------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_a_markdown_table_of_year_rows_and_former_wards_after_trong_cac(form):
    text = header("PHƯỜNG NAM ĐỊNH", "Nam Định") + (
        "II. KẾT QUẢ\nKết quả Chỉ số cải cách hành chính và Chỉ số hài lòng của thành phố Nam Định (cũ) như sau:\n\n"
        "| Năm  | Chỉ số CCHC (điểm) | Xếp hạng | Chỉ số SIPAS (%) |\n"
        "|------|--------------------|----------|------------------|\n"
        "| 2023 | 85,14              | 4/10     | 86,75            |\n"
        "| 2024 | 87,02              | 2/10     | 88,10            |\n"
        "Năm 2024, Chỉ số cải cách hành chính của thành phố Nam Định (cũ) tăng 2 bậc. Trong các phường trước sắp "
        "xếp, phường Trần Hưng Đạo (cũ) đạt 90,35 điểm, xếp thứ 1/25.\n")
    results, _ = run(form(text))
    got = {(i, y, unidecode(s or ""), sc, p, r) for i, y, s, sc, p, r in rows(results, "index", "year", "scope", "score",
                                                                              "percent", "rank")}
    # the rule line under the header is no row: the table's two years of values are read, and nothing else of the city
    assert {(i, y, sc or p, r) for i, y, s, sc, p, r in got if "Tran Hung Dao" not in s} == {
        ("PAR INDEX", 2023, 85.14, 4), ("PAR INDEX", 2024, 87.02, 2), ("SIPAS", 2023, 86.75, None),
        ("SIPAS", 2024, 88.1, None)}
    assert ("PAR INDEX", 2024, "phuong Tran Hung Dao (cu)", 90.35, None, 1) in got


def test_commune_civil_servants_are_addressees_and_a_restored_heading_opens_the_section():
    text = ("V. Tổ CHỨC THU.Cô HIỆN\n"
            "1. Công chức Văn phòng - Thống kê: tham mưu UBND xã theo dõi thực hiện Kế hoạch.\n"
            "2. Công chức Tư pháp - Hộ tịch: niêm yết thủ tục hành chính; giải quyết hồ sơ đúng hạn.\n\nNơi nhận:\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert [t.lead for t in tasks] == [["Công chức Văn phòng - Thống kê"], ["Công chức Tư pháp - Hộ tịch"]]


# --- shapes met at first contact with dr_240-249 -------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_former_wards_after_an_evaluation_clause_and_units_ranked_behind(form):
    text = header("PHƯỜNG CỬA NAM", "Cửa Nam") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số cải cách hành chính của quận Hoàn Kiếm (cũ) đạt 91,08 điểm, xếp thứ 4/30, "
        "đứng đầu nhóm quận nội thành, trước các quận Ba Đình (90,12 điểm) và Đống Đa (89,64 điểm).\n"
        "Trong đánh giá của quận đối với 18 phường, phường Hàng Bông (cũ) dẫn đầu với 93,40 điểm; phường Tràng Tiền "
        "(cũ) đạt 90,05 điểm, xếp thứ 7/18.\n"
        "III. MỤC TIÊU\n1. Chỉ số cải cách hành chính năm 2025 của phường xếp hạng từ thứ 2 đến thứ 5/126 xã, phường.\n")
    results, targets = run(form(text))
    got = {(unidecode(s or ""), sc, r) for s, sc, r in rows(results, "scope", "score", "rank")}
    assert got == {("quan Hoan Kiem (cu)", 91.08, 4), ("phuong Hang Bong (cu)", 93.4, None),
                   ("phuong Trang Tien (cu)", 90.05, 7)}
    assert rows(targets, "metric", "comparator", "value", "value_max", "out_of") == {("rank", "between", 2.0, 5.0, 126.0)}


@pytest.mark.parametrize("form", FORMS)
def test_trong_do_and_trong_khi_do_open_no_unit_subject(form):
    # `Trong đó,` breaks a value down, `Trong khi đó, tỉnh X đạt` compares: neither gives a value of the index named
    text = header("TỈNH THANH HÓA", "Thanh Hóa") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số cải cách hành chính của tỉnh đạt 88,12 điểm, xếp thứ 20/63. Trong khi đó, tỉnh "
        "Nghệ An đạt 89,5 điểm. Chỉ số PAPI năm 2024 của tỉnh đạt 43,2 điểm. Trong đó, tỉnh đạt 6,1 điểm ở nội dung "
        "Kiểm soát tham nhũng trong khu vực công.\n")
    results, _ = run(form(text))
    assert {(i, sc, s) for i, sc, s in rows(results, "index", "score", "scope")} == {
        ("PAR INDEX", 88.12, None), ("PAPI", 43.2, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_neighbour_among_a_region_is_no_result(form):
    text = header("TỈNH HÀ TĨNH", "Hà Tĩnh") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số PCI của tỉnh Hà Tĩnh đạt 70,1 điểm, xếp thứ 20/63. Trong các tỉnh Bắc Trung Bộ, "
        "tỉnh Nghệ An đạt 72,3 điểm, xếp thứ 10/63.\n")
    results, _ = run(form(text))
    assert rows(results, "score", "rank") == {(70.1, 20)}


def test_delivery_dates_appendix_headings_and_civil_servants_in_prose():
    # a date that says which procedures is no deadline; a delivery date is
    assert item_deadline(["Rà soát, công bố danh mục TTHC ban hành trước ngày 01/7/2025 thuộc thẩm quyền."]) is None
    assert item_deadline(["Xây dựng kế hoạch trước ngày 31/3/2026, tổ chức triển khai tại đơn vị."]) == "trước ngày 31/3/2026"
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: theo dõi việc thực hiện Kế hoạch.\n"
            "2. Công chức, viên chức các cơ quan nghiêm túc thực hiện quy định về văn hóa công vụ.\n"
            "Phụ lục I: Danh mục nhiệm vụ cải cách hành chính năm 2026\n3. Rà soát thủ tục hành chính.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert [t.lead for t in tasks if t.source == "body"] == [["Sở Nội vụ"]]


@pytest.mark.parametrize("form", FORMS)
def test_a_survey_rate_with_its_rank_and_a_survey_named_by_khao_sat(form):
    text = header("SỞ Y TẾ", "Y Tế") + (
        "II. KẾT QUẢ\nNăm 2023, kết quả khảo sát mức độ hài lòng của người dân, tổ chức đối với Sở đạt 84,6%, xếp thứ "
        "11/20 sở, ban, ngành.\nNăm 2024, kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của "
        "Sở đạt 86,2%.\nĐơn vị tổ chức khảo sát sự hài lòng của người dân hằng quý.\n")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "percent", "rank", "rank_total") == {
        ("SIPAS", 2023, 84.6, 11, 20), ("SIPAS", 2024, 86.2, None, None)}


@pytest.mark.parametrize("form", FORMS)
def test_the_index_row_closing_a_table_of_factors(form):
    text = header("XÃ ĐẠ SAR", "Đạ Sar") + (
        "II. KẾT QUẢ NĂM 2025\nKết quả đo lường sự hài lòng năm 2025 của xã theo từng yếu tố:\n\n"
        "| STT | Yếu tố | Tỷ lệ hài lòng (%) |\n|-----|--------|--------------------|\n"
        "| 1   | Tiếp cận dịch vụ hành chính công | 87,15 |\n| 2   | Thủ tục hành chính | 83,40 |\n"
        "|     | Chỉ số SIPAS chung | 85,02 |\n")
    results, _ = run(form(text))
    assert rows(results, "index", "component", "year", "percent") == {
        ("SIPAS", "Tiếp cận dịch vụ hành chính công", 2025, 87.15), ("SIPAS", "Thủ tục hành chính", 2025, 83.4),
        ("SIPAS", None, 2025, 85.02)}
