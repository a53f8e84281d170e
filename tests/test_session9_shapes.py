"""Results in shapes met in the session-9 work on issue #4 (misses left in dr_330-339, then the fresh batches
dr_340-369). Inputs are written here (other units, other numbers than the batches); each case with and without
marks (the rules read folded text; scopes are compared folded)."""
from __future__ import annotations

import pytest

from test_batch250_shapes import FORMS, _folded
from test_result_turns_scope import header, rows, run


@pytest.mark.parametrize("form", FORMS)
def test_a_unit_word_ending_a_heading_names_no_unit_from_the_next_line(form):
    text = header("HUYỆN KIM ĐỘNG", "Kim Động") + (
        "I. ĐÁNH GIÁ KẾT QUẢ NĂM 2023\n1. Chỉ số PAPI của tỉnh\n"
        "Theo Báo cáo PAPI 2023 công bố ngày 10/4/2024, tỉnh Hưng Yên đạt 43,12 điểm, xếp thứ 30/63.\n"
        "2. Chỉ số SIPAS của huyện\nKết quả đo lường năm 2023 đạt 85,40%.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "score", "percent", "rank") == {
        ("PAPI", "tinh Hung Yen", 43.12, None, 30), ("SIPAS", None, None, 85.4, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_unit_named_on_the_next_line_is_still_its_scope(form):
    text = header("HUYỆN KIM ĐỘNG", "Kim Động") + (
        "I. KẾT QUẢ\nNăm 2023, Chỉ số PAPI của tỉnh\nHưng Yên đạt 43,12 điểm, xếp thứ 30/63.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "score") == {("PAPI", "tinh Hung Yen", 43.12)}


@pytest.mark.parametrize("form", FORMS)
def test_the_highest_unit_named_after_cao_nhat_la_is_not_the_plans(form):
    text = header("HUYỆN TIÊN LỮ", "Tiên Lữ") + (
        "I. KẾT QUẢ\nNăm 2023, Chỉ số SIPAS của huyện đạt 85,10% (cao nhất tỉnh là thành phố Hưng Yên với 91,30%).\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "percent") == {("SIPAS", None, 85.1)}


@pytest.mark.parametrize("form", FORMS)
def test_a_rank_after_a_satisfaction_rate_is_the_rates_not_the_index_named(form):
    text = header("HUYỆN TIÊN LỮ", "Tiên Lữ") + (
        "2. Mức độ hài lòng và Chỉ số CCHC của huyện\n"
        "Năm 2023, mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của huyện đạt 88,20%, xếp thứ 4/10 "
        "huyện, thành phố. Chỉ số CCHC năm 2023 của huyện xếp thứ 6/10.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "percent", "rank") == {("SIPAS", 88.2, 4), ("PAR INDEX", None, 6)}


@pytest.mark.parametrize("form", FORMS)
def test_a_rank_row_with_its_change_in_words_gives_the_ranks_of_the_total_row(form):
    text = header("TỈNH THÁI BÌNH", "Thái Bình") + (
        "I. KẾT QUẢ\nKết quả các chỉ số nội dung của Chỉ số PAPI:\n\n"
        "| TT | Chỉ số nội dung | Năm 2022 | Năm 2023 | Tăng/giảm |\n"
        "| 1 | Kiểm soát tham nhũng | 6,40 | 6,52 | +0,12 |\n"
        "| | Tổng điểm | 43,01 | 43,70 | +0,69 |\n"
        "| | Xếp hạng | 35/63 | 29/63 | tăng 6 bậc |\n\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if not r.component], "year", "score", "rank", "rank_total") == {
        (2022, 43.01, 35, 63), (2023, 43.7, 29, 63)}


@pytest.mark.parametrize("form", FORMS)
def test_a_footnote_of_fields_with_decimal_scores_over_their_maximum(form):
    # the footnote under a rule line belongs to no sentence above it (the province's result named last)
    text = header("THÀNH PHỐ HỘI AN", "Hội An") + (
        "I. KẾT QUẢ NĂM 2022\n1. Chỉ số CCHC của thành phố năm 2022 đạt 88,10/100 điểm, xếp thứ 2/18.¹\n"
        "2. Ở cấp tỉnh, Chỉ số CCHC của tỉnh Quảng Nam đạt 85,02 điểm, xếp thứ 30/63.\n"
        "_______________\n"
        "¹ Điểm các lĩnh vực năm 2022 của thành phố: cải cách thể chế 8,25/9; cải cách TTHC 11,75/13,5; "
        "xây dựng chính quyền điện tử, chính quyền số 9,5/11; tác động của CCHC 20,1/26.\n\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if r.component], "component", "scope", "score", "max_score") == {
        ("Cai cach the che", None, 8.25, 9), ("Cai cach thu tuc hanh chinh", None, 11.75, 13.5),
        ("Xay dung, phat trien Chinh phu dien tu, Chinh phu so", None, 9.5, 11),
        ("Tac dong cua cai cach hanh chinh den nguoi dan, to chuc va phat trien kinh te - xa hoi", None, 20.1, 26)}


@pytest.mark.parametrize("form", FORMS)
def test_integer_fractions_after_a_name_stay_unread(form):
    # `12/20` after a name may be a rank among 20 units: only a decimal over a maximum is a score
    text = header("HUYỆN KIM SƠN", "Kim Sơn") + (
        "I. KẾT QUẢ\nNăm 2023, Chỉ số CCHC của huyện đạt 86,40 điểm. Xếp hạng theo lĩnh vực: cải cách thể chế 3/8; "
        "cải cách tài chính công 5/8.\n")
    results, _ = run(form(text))
    assert not [r for r in results if r.component and r.score is not None]


@pytest.mark.parametrize("form", FORMS)
def test_a_lost_points_column_is_no_result_and_the_share_column_is_the_fields_percent(form):
    text = header("TỈNH PHÚ YÊN", "Phú Yên") + (
        "I. KẾT QUẢ NĂM 2023\nChỉ số CCHC năm 2023 của tỉnh đạt 84,10 điểm. Kết quả theo lĩnh vực:\n\n"
        "| STT | Lĩnh vực | Điểm tối đa | Điểm đạt | Tỷ lệ (%) | Điểm bị trừ |\n"
        "| 1 | Cải cách thể chế | 10 | 8,8000 | 88,00 | 1,2000 |\n"
        "| 2 | Cải cách tài chính công | 12 | 10,2000 | 85,00 | 1,8000 |\n\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if r.component], "component", "score", "max_score", "percent") == {
        ("Cai cach the che", 8.8, 10, 88.0), ("Cai cach tai chinh cong", 10.2, 12, 85.0)}


@pytest.mark.parametrize("form", FORMS)
def test_a_self_assessed_column_in_an_aligned_table_is_no_result(form):
    text = header("TỈNH HÀ TĨNH\nSỞ TƯ PHÁP", "Hà Tĩnh") + (
        "I. KẾT QUẢ NĂM 2024\nKết quả tự đánh giá và thẩm định Chỉ số CCHC năm 2024 theo lĩnh vực:\n\n"
        "TT  Lĩnh vực                          Điểm tối đa   Điểm tự đánh giá   Điểm thẩm định\n"
        "1   Cải cách thể chế                      11            10,50               9,60\n"
        "2   Cải cách tài chính công                8             7,50               7,25\n"
        "    Cộng                                  19            18,00              16,85\n\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded(results, "component", "score", "max_score") == {
        ("Cai cach the che", 9.6, 11), ("Cai cach tai chinh cong", 7.25, 8), (None, 16.85, 19)}


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_maxima_and_goals_gives_goals_out_of_the_maximum_and_no_result(form):
    text = header("TỈNH HÀ TĨNH\nSỞ TƯ PHÁP", "Hà Tĩnh") + (
        "II. MỤC TIÊU\n- Mục tiêu điểm của các lĩnh vực Chỉ số CCHC năm 2025:\n"
        "TT  Lĩnh vực                          Điểm tối đa   Mục tiêu 2025\n"
        "1   Cải cách thể chế                      11            10,50\n"
        "2   Cải cách tài chính công                8             7,80\n\nIII. NHIỆM VỤ\n")
    results, targets = run(form(text))
    assert not results
    assert _folded(targets, "component", "year", "comparator", "value", "out_of") == {
        ("Cai cach the che", 2025, ">=", 10.5, 11), ("Cai cach tai chinh cong", 2025, ">=", 7.8, 8)}


@pytest.mark.parametrize("form", FORMS)
def test_maxima_said_in_the_labels_of_a_table_of_former_units(form):
    text = header("TỈNH GIA LAI", "Gia Lai") + (
        "I. KẾT QUẢ NĂM 2024\nChỉ số PAPI năm 2024 của tỉnh Gia Lai (cũ) và tỉnh Bình Định (cũ):\n\n"
        "| STT | Chỉ số nội dung (tối đa 10 điểm) | Gia Lai (cũ) | Bình Định (cũ) |\n"
        "| 1 | Kiểm soát tham nhũng trong khu vực công | 6,40 | 6,75 |\n"
        "| 2 | Quản trị điện tử | 3,42 | 2,86 |\n"
        "|  | Tổng điểm (thang điểm 80) | 42,63 | 41,42 |\n\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded(results, "component", "scope", "score", "max_score") == {
        ("Kiem soat tham nhung trong khu vuc cong", "tinh Gia Lai (cu)", 6.4, 10),
        ("Kiem soat tham nhung trong khu vuc cong", "tinh Binh Dinh (cu)", 6.75, 10),
        ("Quan tri dien tu", "tinh Gia Lai (cu)", 3.42, 10), ("Quan tri dien tu", "tinh Binh Dinh (cu)", 2.86, 10),
        (None, "tinh Gia Lai (cu)", 42.63, 80), (None, "tinh Binh Dinh (cu)", 41.42, 80)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("rank_cells", [("48/63", "55/63"), ("48", "55")])
def test_a_rank_column_of_one_year_beside_year_columns(form, rank_cells):
    text = header("TỈNH KON TUM", "Kon Tum") + (
        "I. KẾT QUẢ CHỈ SỐ PCI NĂM 2021\nKết quả các chỉ số thành phần PCI như sau:\n\n"
        "STT  Chỉ số thành phần                   Năm 2020   Năm 2021   Xếp hạng 2021\n"
        f" 1   Chi phí gia nhập thị trường            7,12       6,85        {rank_cells[0]}\n"
        f" 2   Tiếp cận đất đai                       6,40       6,02        {rank_cells[1]}\n\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    total = 63 if "/" in rank_cells[0] else None
    assert _folded(results, "component", "year", "score", "rank", "rank_total") == {
        ("Chi phi gia nhap thi truong", 2020, 7.12, None, None), ("Chi phi gia nhap thi truong", 2021, 6.85, 48, total),
        ("Tiep can dat dai", 2020, 6.4, None, None), ("Tiep can dat dai", 2021, 6.02, 55, total)}


def test_a_footnote_naming_no_index_takes_the_index_of_its_marked_sentence():
    text = header("THÀNH PHỐ CẦN THƠ", "Cần Thơ") + (
        "I. KẾT QUẢ\nChỉ số PCI năm 2022 của thành phố đạt 66,18 điểm¹, xếp thứ 25/63. Chỉ số DTI năm 2022 đạt "
        "0,5012, xếp thứ 17/63.\n______________________\n"
        "¹ Năm 2021 đạt 65,30 điểm, xếp thứ 28/63; năm 2020 đạt 64,95 điểm, xếp thứ 23/63.\n\nII. MỤC TIÊU\n")
    results, _ = run(text)
    assert rows(results, "index", "year", "score", "rank") == {
        ("PCI", 2022, 66.18, 25), ("PCI", 2021, 65.3, 28), ("PCI", 2020, 64.95, 23), ("DTI", 2022, 0.5012, 17)}


def test_a_mark_the_restorer_dropped_is_found_after_its_value_in_the_printed_text():
    from extract.result_prose import prose_values

    printed = ("I. KET QUA\nChi so PCI nam 2022 cua thanh pho dat 66,18 diem1, xep thu 25/63.\n____________\n"
               "1 Nam 2021 dat 65,30 diem, xep thu 28/63.\n\nII. MUC TIEU\n")
    restored = ("I. KẾT QUẢ\nChỉ số PCI năm 2022 của thành phố đạt 66,18 điểm, xếp thứ 25/63.\n____________\n"
                "1 Năm 2021 đạt 65,30 điểm, xếp thứ 28/63.\n\nII. MỤC TIÊU\n")
    results, _, _ = prose_values(header("THÀNH PHỐ CẦN THƠ", "Cần Thơ") + restored, None, True, printed)
    assert rows(results, "index", "year", "score", "rank") == {("PCI", 2022, 66.18, 25), ("PCI", 2021, 65.3, 28)}
    results, _, _ = prose_values(header("THÀNH PHỐ CẦN THƠ", "Cần Thơ") + restored, None, True, "")
    assert rows(results, "index", "year", "score", "rank") == {("PCI", 2022, 66.18, 25)}  # no mark: no guess


@pytest.mark.parametrize("form", FORMS)
def test_cells_one_per_line_under_a_head_of_parts_and_former_units_are_rows(form):
    text = header("TỈNH TUYÊN QUANG", "Tuyên Quang") + (
        "I. KẾT QUẢ\nTỉnh được hợp nhất từ tỉnh Tuyên Quang (cũ) và tỉnh Hà Giang (cũ).\n"
        "Điểm các chỉ số thành phần PCI năm 2024 của hai tỉnh (thang điểm 10):\n"
        "Chỉ số thành phần\nTuyên Quang (cũ)\nHà Giang (cũ)\nTiếp cận đất đai\n6,45\n6,02\n"
        "Tính minh bạch\n6,08\n5,71\nChi phí thời gian\n7,35\n6,90\n2. Chỉ số DTI\n")
    results, _ = run(form(text))
    assert _folded(results, "component", "scope", "score", "max_score") == {
        ("Tiep can dat dai", "tinh Tuyen Quang (cu)", 6.45, 10), ("Tiep can dat dai", "tinh Ha Giang (cu)", 6.02, 10),
        ("Tinh minh bach", "tinh Tuyen Quang (cu)", 6.08, 10), ("Tinh minh bach", "tinh Ha Giang (cu)", 5.71, 10),
        ("Chi phi thoi gian", "tinh Tuyen Quang (cu)", 7.35, 10), ("Chi phi thoi gian", "tinh Ha Giang (cu)", 6.9, 10)}


@pytest.mark.parametrize("form", FORMS)
def test_unit_columns_with_field_rows_scored_over_their_maximum(form):
    text = header("TỈNH QUẢNG TRỊ\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Quảng Trị") + (
        "I. KẾT QUẢ NĂM 2024 CỦA HAI SỞ TRƯỚC HỢP NHẤT\n"
        "| TT | Nội dung | Sở Nông nghiệp và Phát triển nông thôn (cũ) | Sở Tài nguyên và Môi trường (cũ) |\n"
        "| 1 | Chỉ số CCHC (điểm) | 86,73 | 84,19 |\n"
        "| 2 | Lĩnh vực cải cách TTHC (điểm đạt/tối đa) | 11,20/13 | 10,35/13 |\n"
        "| 3 | Chỉ số SIPAS (%) | 85,40 | 81,95 |\n\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "component", "score", "max_score", "percent") == {
        ("PAR INDEX", None, 86.73, None, None), ("PAR INDEX", None, 84.19, None, None),
        ("PAR INDEX", "Cai cach thu tuc hanh chinh", 11.2, 13, None),
        ("PAR INDEX", "Cai cach thu tuc hanh chinh", 10.35, 13, None),
        ("SIPAS", None, None, None, 85.4), ("SIPAS", None, None, None, 81.95)}


def test_table_rules_read_as_letters_are_put_back():
    from normalize.text import repair_table_rules

    line = "I Linh vuc I Diem toi da | Nam 2024 I Nam 2025 |\n| Cai cach the che I 10 I 9,20 | 8,75 | ¢\n| I | PAR INDEX |"
    fixed = repair_table_rules(line)
    assert fixed.split("\n") == ["| Linh vuc | Diem toi da | Nam 2024 | Nam 2025 |",
                                 "| Cai cach the che | 10 | 9,20 | 8,75 |  ", "| I | PAR INDEX |"]
    assert repair_table_rules("I. KET QUA I Linh vuc") == "I. KET QUA I Linh vuc"  # no ruled line: left alone


@pytest.mark.parametrize("form", FORMS)
def test_points_lost_are_no_score_but_a_score_over_its_maximum_is(form):
    text = header("HUYỆN TAM ĐẢO", "Tam Đảo") + (
        "I. KẾT QUẢ NĂM 2023\nChỉ số CCHC năm 2023 của huyện đạt 84,20 điểm. Qua thẩm định, huyện bị trừ nhiều điểm ở "
        "lĩnh vực cải cách chế độ công vụ (1,30 điểm so với tự chấm) và lĩnh vực cải cách tài chính công (6,10/8 điểm).\n")
    results, _ = run(form(text))
    assert _folded(results, "component", "score", "max_score") == {(None, 84.2, None), ("Cai cach tai chinh cong", 6.1, 8)}


@pytest.mark.parametrize("form", FORMS)
def test_cells_one_per_line_with_a_change_column_and_a_self_assessed_column(form):
    text = header("TỈNH PHÚ THỌ", "Phú Thọ") + (
        "I. KẾT QUẢ CHỈ SỐ SIPAS NĂM 2021\nNăm 2021, Chỉ số SIPAS của tỉnh đạt 84,97%.\nMức độ hài lòng theo từng yếu tố:\n"
        "Yếu tố\nNăm 2020 (%)\nNăm 2021 (%)\nTăng, giảm\nThủ tục hành chính\n86,90\n85,12\n-1,78\n"
        "Công chức trực tiếp giải quyết công việc\n87,64\n84,05\n-3,59\nNhư vậy cả hai yếu tố đều giảm.\n\n"
        "2. Chỉ số CCHC\nĐiểm từng lĩnh vực Chỉ số CCHC năm 2021 như sau:\nSTT\nLĩnh vực\nĐiểm tối đa\nĐiểm tự đánh giá\n"
        "Điểm thẩm định\n1\nCải cách thể chế\n6\n5,75\n5,30\n2\nCải cách tài chính công\n6\n5,70\n5,40\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if r.component], "component", "year", "score", "max_score", "percent") == {
        ("Thu tuc hanh chinh", 2020, None, None, 86.9), ("Thu tuc hanh chinh", 2021, None, None, 85.12),
        ("Cong chuc truc tiep giai quyet cong viec", 2020, None, None, 87.64),
        ("Cong chuc truc tiep giai quyet cong viec", 2021, None, None, 84.05),
        ("Cai cach the che", 2021, 5.3, 6, None), ("Cai cach tai chinh cong", 2021, 5.4, 6, None)}


def test_letters_read_for_digits_inside_numbers_are_put_back():
    from normalize.text import repair_digit_lookalikes

    assert repair_digit_lookalikes("đạt 81,S6%, xếp thứ 3O/63 năm 2O21 (8l,35 điểm)") == \
        "đạt 81,56%, xếp thứ 30/63 năm 2021 (81,35 điểm)"
    for kept in ("TTHC", "Số 1B/KH-UBND", "x3 Pé", "SIPAS 2024", "lOO"):
        assert repair_digit_lookalikes(kept) == kept


@pytest.mark.parametrize("form", FORMS)
def test_the_rate_named_before_its_value_and_a_rank_after_a_remark_in_parentheses(form):
    text = header("TỈNH KON TUM", "Kon Tum") + (
        "I. KẾT QUẢ\n- SIPAS: năm 2023 đạt 8,3765/10 điểm, tỷ lệ hài lòng 83,77%, xếp thứ 38/63, tăng 5 bậc.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "score", "percent", "rank") == {("SIPAS", 8.3765, 83.77, 38)}
    text = header("PHƯỜNG TRẦN LÃM", "Thái Bình") + (
        "I. KẾT QUẢ\nNăm 2025, mức độ hài lòng chung của phường đạt 91,35% (chín mươi mốt phẩy ba mươi lăm phần trăm), "
        "xếp thứ 12/104 xã, phường của tỉnh.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "percent", "rank", "rank_total") == {("SIPAS", 91.35, 12, 104)}


ANNEX_PIPED = (
    "Phụ lục I\nKẾT QUẢ CÁC CHỈ SỐ CỦA TỈNH NĂM 2021 - 2022\n\n"
    "| STT | Chỉ số / Lĩnh vực | Điểm tối đa | Năm 2021 | | Năm 2022 | |\n"
    "| | | | Điểm | Xếp hạng | Điểm | Xếp hạng |\n"
    "| I | CHỈ SỐ PAR INDEX | 100 | 81,46 | 46/63 | 84,37 | 41/63 |\n"
    "| 1 | Cải cách thể chế | 10 | 8,64 | 40/63 | 9,02 | 35/63 |\n"
    "| II | CHỈ SỐ SIPAS (%) | | 84,05 | 32/63 | 82,91 | 38/63 |\n")
ANNEX_SPACED = (
    "Phụ lục I\nKẾT QUẢ CÁC CHỈ SỐ CỦA THÀNH PHỐ NĂM 2021 - 2022\n"
    "STT  Chỉ số / Lĩnh vực                      Điểm        Năm 2021             Năm 2022\n"
    "                                            tối đa    Điểm    Xếp hạng     Điểm    Xếp hạng\n"
    "I    CHỈ SỐ CCHC (PAR INDEX)                100       85,02   3/12         86,71   2/12\n"
    "1    Cải cách thể chế                         7        6,30                 6,45\n"
    "II   CHỈ SỐ SIPAS (%)                                 86,10   5/12         87,45   4/12\n"
    "1    Thủ tục hành chính                               85,40                86,95\n")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("annex", [ANNEX_PIPED, ANNEX_SPACED])
def test_annex_tables_with_a_header_over_two_lines_and_blank_cells(form, annex):
    results, _ = run(form(header("TỈNH QUẢNG TRỊ", "Quảng Trị") + annex))
    got = _folded(results, "index", "component", "year", "score", "percent", "rank")
    if annex is ANNEX_PIPED:
        assert got == {("PAR INDEX", None, 2021, 81.46, None, 46), ("PAR INDEX", None, 2022, 84.37, None, 41),
                       ("PAR INDEX", "Cai cach the che", 2021, 8.64, None, 40),
                       ("PAR INDEX", "Cai cach the che", 2022, 9.02, None, 35),
                       ("SIPAS", None, 2021, None, 84.05, 32), ("SIPAS", None, 2022, None, 82.91, 38)}
    else:
        assert got == {("PAR INDEX", None, 2021, 85.02, None, 3), ("PAR INDEX", None, 2022, 86.71, None, 2),
                       ("PAR INDEX", "Cai cach the che", 2021, 6.3, None, None),
                       ("PAR INDEX", "Cai cach the che", 2022, 6.45, None, None),
                       ("SIPAS", None, 2021, None, 86.1, 5), ("SIPAS", None, 2022, None, 87.45, 4),
                       ("SIPAS", "Thu tuc hanh chinh", 2021, None, 85.4, None),
                       ("SIPAS", "Thu tuc hanh chinh", 2022, None, 86.95, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_table_headed_noi_dung_with_year_columns_and_goals_by_year_under_a_maximum(form):
    text = header("TỈNH NGHỆ AN\nSỞ Y TẾ", "Nghệ An") + (
        "Phụ lục I\nKẾT QUẢ CHỈ SỐ CCHC CỦA SỞ Y TẾ NĂM 2023 - 2024\n"
        "STT  Nội dung                              Điểm tối đa    Năm 2023    Năm 2024\n"
        "I    CHỈ SỐ CCHC (PAR INDEX)                   100          85,64       88,92\n"
        "1    Cải cách thể chế                            9           7,80        8,10\n\n"
        "Phụ lục II\nMỤC TIÊU\n\n| Nội dung | Điểm tối đa | Năm 2026 | Năm 2030 |\n"
        "| Cải cách chế độ công vụ | 15 | ≥ 13,0 | ≥ 14,0 |\n| Chỉ số PAR INDEX | 100 | ≥ 90 | ≥ 92 |\n")
    results, targets = run(form(text))
    assert _folded(results, "component", "year", "score", "max_score") == {
        (None, 2023, 85.64, 100), (None, 2024, 88.92, 100), ("Cai cach the che", 2023, 7.8, 9),
        ("Cai cach the che", 2024, 8.1, 9)}
    assert _folded(targets, "component", "year", "value", "out_of") == {
        ("Cai cach che do cong vu", 2026, 13.0, 15), ("Cai cach che do cong vu", 2030, 14.0, 15),
        (None, 2026, 90.0, 100), (None, 2030, 92.0, 100)}


def test_the_restorer_keeps_a_roman_numeral_opening_a_line():
    from normalize.document import normalize_document
    from ocr.types import DocumentText, PageText

    text = "I    CHI SO CCHC (PAR INDEX)        100    85,64\nII. KET QUA NAM 2023\n"
    doc = normalize_document(DocumentText(path="t.txt", media_type="text/plain", pages=[PageText(1, text, "plain_text")]))
    lines = doc.text.split("\n")
    assert lines[0].startswith("I    ") and lines[1].startswith("II. ")


@pytest.mark.parametrize("form", FORMS)
def test_results_listed_year_by_year_after_the_index_that_leads_them_in(form):
    text = header("XÃ NGHI PHONG", "Nghi Lộc") + (
        "I. KẾT QUẢ CÁC NĂM GẦN ĐÂY\n1. Chỉ số CCHC của xã (huyện thẩm định, xếp hạng 29 xã, thị trấn):\n"
        "- 2020: 80,25đ (17/29);\n- 2021: 84,1đ (12/29);\n2. Chỉ số HL của phường qua các năm: 2022: 86,4%; 2023: 88,1%.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", 2020, 80.25, None, 17, 29), ("PAR INDEX", 2021, 84.1, None, 12, 29),
        ("SIPAS", 2022, None, 86.4, None, None), ("SIPAS", 2023, None, 88.1, None, None)}


def test_a_lone_year_and_value_is_no_list():
    text = header("XÃ NGHI PHONG", "Nghi Lộc") + "I. KẾT QUẢ\nChỉ số CCHC của xã:\n- 2022: 86,3đ (8/29).\n"
    results, _ = run(text)
    assert not results  # (one item: the reader wants a list; `đ` alone is read by no other rule)


def test_the_restorer_keeps_a_number_with_its_abbreviated_unit():
    from normalize.document import normalize_document
    from ocr.types import DocumentText, PageText

    text = "Chi sb CCHC ctia phuong qua cac nim:\n2021: 84,6d (9/14); 2022: 85,9d (7/14).\n"
    doc = normalize_document(DocumentText(path="t.txt", media_type="text/plain", pages=[PageText(1, text, "plain_text")]))
    assert "84,6d (9/14); 2022: 85,9d" in doc.text


# Review of the session's diff (a read-only reviewer probing with sentences of its own): over-reaches, kept as tests.
_REVIEW_HEAD = header("HUYỆN KIM ĐỘNG", "Kim Động") + "I. KẾT QUẢ\n"


@pytest.mark.parametrize("body", [
    "Chỉ số CCHC bình quân của các xã, thị trấn:\n- 2022: 80,25đ;\n- 2023: 82,10đ.\n",  # an average
    "Chỉ số CCHC của huyện, lĩnh vực cải cách thủ tục hành chính:\n- 2022: 12,5đ;\n- 2023: 12,75đ.\n",  # a part
    "Lộ trình Chỉ số CCHC của huyện:\n- 2025: 88đ;\n- 2026: 90đ.\n",  # goals
])
def test_a_year_list_of_an_average_a_part_or_goals_gives_no_result(body):
    results, _ = run(_REVIEW_HEAD + body)
    assert not [r for r in results if r.year in (2022, 2023, 2025, 2026) and r.component is None]


def test_a_year_list_of_another_measure_is_not_the_index_above():
    results, _ = run(_REVIEW_HEAD + "1. Chỉ số CCHC của xã: 2022: 84,1đ (12/29); 2023: 85,2đ (10/29).\n"
                     "2. Tỷ lệ hồ sơ giải quyết đúng hạn: 2022: 98,5%; 2023: 99,2%.\n")
    assert rows(results, "index", "year", "score", "percent", "rank") == {
        ("PAR INDEX", 2022, 84.1, None, 12), ("PAR INDEX", 2023, 85.2, None, 10)}


@pytest.mark.parametrize("form", FORMS)
def test_review_mends_in_prose(form):
    results, _ = run(form(_REVIEW_HEAD + "Chỉ số CCHC năm 2023 của huyện bị trừ điểm ở lĩnh vực cải cách thủ tục hành "
                          "chính, xếp thứ 5/10 với 85,52 điểm.\n"))
    assert (None, 85.52) in _folded(results, "component", "score")  # no points lost after `với`
    results, _ = run(form(_REVIEW_HEAD + "Năm 2023, Chỉ số PCI của tỉnh Hưng Yên xếp hạng 15 so với cả nước.\n"))
    assert _folded(results, "index", "rank") == {("PCI", 15)}  # `so với` counts no units
    results, _ = run(form(_REVIEW_HEAD + "Chỉ số CCHC năm 2023 của huyện đạt 86,5 điểm (trong đó tỷ lệ hài lòng của "
                          "người dân đạt 95%), xếp thứ 3/10 huyện, thành phố.\n"))
    assert ("PAR INDEX", 86.5, 3) in _folded(results, "index", "score", "rank")  # the rate's parentheses closed
    results, _ = run(form(_REVIEW_HEAD + "Điểm tự đánh giá lĩnh vực cải cách thể chế 8,9/9; điểm thẩm định lĩnh vực cải "
                          "cách thể chế của Chỉ số CCHC năm 2023 là 7,8/9.\n"))
    assert 8.9 not in {r.score for r in results}


@pytest.mark.parametrize("form", FORMS)
def test_review_mends_in_tables(form):
    results, _ = run(form(_REVIEW_HEAD + "Kết quả Chỉ số CCHC:\n\n"
                          "| TT | Nội dung | Điểm tối đa | Năm 2022 | Năm 2023 | Xếp hạng 2023 |\n"
                          "| 1 | Chỉ số CCHC | 100 | 84,10 | 86,20 | 5/10 |\n"
                          "| 2 | Cải cách thủ tục hành chính | 13 | 12,5 | 13 | |\n\nII. MỤC TIÊU\n"))
    assert _folded([r for r in results if r.component], "year", "score", "rank") == {(2022, 12.5, None), (2023, 13.0, None)}
    results, targets = run(form(_REVIEW_HEAD + "Kết quả năm 2024:\n\n"
                                "| TT | Chỉ số | Điểm tối đa | Kết quả năm 2024 | Mục tiêu năm 2025 |\n"
                                "| 1 | Chỉ số CCHC | 100 | 84,20 | ≥ 87 |\n| 2 | Chỉ số SIPAS (%) | | 85,10 | ≥ 87 |\n\nII. MỤC TIÊU\n"))
    assert ("SIPAS", 2024, 85.1) in _folded(results, "index", "year", "percent")


def test_review_mends_in_the_normaliser():
    from normalize.text import repair_digit_lookalikes, repair_table_rules

    assert repair_table_rules("| 1 | Quý I năm 2024 | 86,50 |") == "| 1 | Quý I năm 2024 | 86,50 |"
    assert repair_table_rules("| 2 | Khu vực I | 86,50 |") == "| 2 | Khu vực I | 86,50 |"
    assert repair_digit_lookalikes("Mẫu số 2B.1, tiêu chí 6.2B.1") == "Mẫu số 2B.1, tiêu chí 6.2B.1"


def test_department_scopes_are_written_out():
    from extract.result_scope import snap_scope

    assert snap_scope("Sở Nông nghiệp và PTNT (cũ)", None) == "Sở Nông nghiệp và Phát triển nông thôn (cũ)"
    assert snap_scope("Sở NN&PTNT tỉnh Gia Lai (cũ)", None) == "Sở Nông nghiệp và Phát triển nông thôn tỉnh Gia Lai (cũ)"
    assert snap_scope("Sơ GDĐT Hà Giang (cũ)", None) == "Sở Giáo dục và Đào tạo tỉnh Hà Giang (cũ)"
    assert snap_scope("Sở Tài nguyên và Môi trường (cũ)", None) == "Sở Tài nguyên và Môi trường (cũ)"
    assert snap_scope("Số liệu", None) == "Số liệu"  # (no department: `Số` before a lower-case word)


@pytest.mark.parametrize("form", FORMS)
def test_a_maximum_column_beside_unit_columns_holds_for_every_unit(form):
    text = header("TỈNH ĐẮK LẮK", "Đắk Lắk") + (
        "Phụ lục I\nKẾT QUẢ CÁC CHỈ SỐ NĂM 2024 CỦA TỈNH ĐẮK LẮK (CŨ) VÀ TỈNH PHÚ YÊN (CŨ)\n\n"
        "| STT | Chỉ số / Lĩnh vực | Điểm tối đa | Tỉnh Đắk Lắk (cũ) | | Tỉnh Phú Yên (cũ) | |\n"
        "| | | | Điểm | Xếp hạng | Điểm | Xếp hạng |\n"
        "| I | CHỈ SỐ PAR INDEX NĂM 2024 | 100 | 86,92 | 34/63 | 87,73 | 24/63 |\n"
        "| 1 | Cải cách thể chế | 10 | 9,10 | | 9,35 | |\n")
    results, _ = run(form(text))
    assert _folded(results, "component", "scope", "score", "max_score", "rank") == {
        (None, "tinh Dak Lak (cu)", 86.92, 100, 34), (None, "tinh Phu Yen (cu)", 87.73, 100, 24),
        ("Cai cach the che", "tinh Dak Lak (cu)", 9.1, 10, None), ("Cai cach the che", "tinh Phu Yen (cu)", 9.35, 10, None)}


@pytest.mark.parametrize("form", FORMS)
def test_sipas_rows_with_a_blank_maximum_under_a_maximum_column_are_rates(form):
    text = header("TỈNH NGHỆ AN\nSỞ Y TẾ", "Nghệ An") + (
        "Phụ lục I\nKẾT QUẢ CHỈ SỐ CCHC VÀ CHỈ SỐ SIPAS CỦA SỞ Y TẾ NĂM 2023 - 2024\n"
        "STT  Nội dung                              Điểm tối đa    Năm 2023    Năm 2024\n"
        "I    CHỈ SỐ CCHC (PAR INDEX)                   100          85,64       88,92\n"
        "II   CHỈ SỐ SIPAS (%)                                       85,08       87,35\n"
        "1    Thủ tục hành chính                                     84,90       86,90\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if r.index == "SIPAS"], "component", "year", "score", "percent") == {
        (None, 2023, None, 85.08), (None, 2024, None, 87.35), ("Thu tuc hanh chinh", 2023, None, 84.9),
        ("Thu tuc hanh chinh", 2024, None, 86.9)}
