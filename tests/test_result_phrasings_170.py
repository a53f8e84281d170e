"""Prose phrasings met in the fresh batches dr_170-189 (issue #4): ranks shared by two years (`cùng xếp thứ
nhất (1/63)`), a rank restated in parentheses, ranks in turn after values in turn (`tương ứng xếp thứ 5, thứ 11 và
thứ 4`), a compared unit named before a new clause, a component's score in parentheses after its rank, a goal shared
by indices listed before a colon. Inputs written here (other units and numbers), with and without marks."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from test_result_turns_scope import header, rows, run

FORMS = [lambda t: t, unidecode]


@pytest.mark.parametrize("form", FORMS)
def test_a_rank_shared_by_two_years_and_restated_in_parentheses(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "Chỉ số SIPAS: năm 2022 đạt 88,10% và năm 2023 đạt 89,02%, cùng xếp thứ hai (2/63); năm 2024 "
        "lùi xuống thứ 7/63 với 86,5%. Chỉ số PAPI năm 2024 đạt 44,9 điểm, đứng đầu cả nước (1/63).")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "score", "percent", "rank", "rank_total") == {
        ("SIPAS", 2022, None, 88.1, 2, 63), ("SIPAS", 2023, None, 89.02, 2, 63), ("SIPAS", 2024, None, 86.5, 7, 63),
        ("PAPI", 2024, 44.9, None, 1, 63)}


@pytest.mark.parametrize("form", FORMS)
def test_ranks_in_turn_after_values_in_turn(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "Chỉ số PAR INDEX các năm 2021, 2022 và 2023 lần lượt đạt 84,2%, 86,75% và 85,9%, tương ứng xếp thứ 20, "
        "thứ 12 và thứ 15 trên 63 tỉnh, thành phố.")
    results, _ = run(form(text))
    assert rows(results, "year", "percent", "rank", "rank_total") == {
        (2021, 84.2, 20, 63), (2022, 86.75, 12, 63), (2023, 85.9, 15, 63)}


@pytest.mark.parametrize("form", FORMS)
def test_a_unit_compared_with_is_not_the_subject_of_the_next_clause(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "Chỉ số PCI năm 2024 đạt 68,4 điểm, xếp thứ 9/63, thấp hơn tỉnh Nam Định (69,12 điểm); năm 2023 tỉnh "
        "đạt 67,05 điểm, xếp thứ 12/63.")
    results, _ = run(form(text))
    assert rows(results, "year", "scope", "score", "rank") == {(2024, None, 68.4, 9), (2023, None, 67.05, 12)}


@pytest.mark.parametrize("form", FORMS)
def test_a_components_score_in_parentheses_after_its_rank(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "Chỉ số DTI năm 2024 đạt 0,5912, xếp thứ 10/63; trong đó trụ cột Xã hội số xếp thứ 8/63 (0,6120 điểm), "
        "Kinh tế số thứ 15/63 (0,4402 điểm).")
    results, _ = run(form(text))
    assert rows(results, "component", "score", "rank") == {
        (None, 0.5912, 10), ("Xã hội số", 0.612, 8), ("Kinh tế số", 0.4402, 15)}


@pytest.mark.parametrize("form", FORMS)
def test_a_goal_after_indices_listed_before_a_colon_is_each_ones(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "II. MỤC TIÊU NĂM 2025\n1. Chỉ số SIPAS, Chỉ số PAPI: duy trì trong nhóm 10 tỉnh, thành phố dẫn đầu.\n")
    _, targets = run(form(text))
    assert rows(targets, "index", "metric", "comparator", "value") == {
        ("SIPAS", "rank", "<=", 10.0), ("PAPI", "rank", "<=", 10.0)}


@pytest.mark.parametrize("form", FORMS)
def test_trong_khi_holds_past_an_apposition(form):
    text = header("HUYỆN ĐỨC TRỌNG", "Đức Trọng") + (
        "Năm 2023, Chỉ số CCHC của huyện đạt 83,6 điểm, xếp thứ 7/12, trong khi huyện Lâm Hà, đơn vị dẫn đầu, "
        "đạt 91,02 điểm.")
    results, _ = run(form(text))
    assert rows(results, "scope", "score", "rank") == {(None, 83.6, 7)}


@pytest.mark.parametrize("form", FORMS)
def test_the_former_district_above_a_ward_is_compared_and_the_last_place_is_a_rank(form):
    text = header("PHƯỜNG AN HẢI", "An Hải") + (
        "Năm 2024, trong khi quận Sơn Trà (cũ) đạt 86,90 điểm và đứng thứ 5/8 quận, huyện về Chỉ số cải cách hành "
        "chính, thì phường An Hải Bắc (cũ) đạt 89,35 điểm, xếp thứ 2/7; phường Phước Mỹ (cũ) chỉ đạt 80,1 điểm, "
        "tụt xuống vị trí cuối cùng (7/7).")
    results, _ = run(form(text))
    assert {(r.score, r.rank, r.rank_total) for r in results} == {(89.35, 2, 7), (80.1, 7, 7)}


@pytest.mark.parametrize("form", FORMS)
def test_back_into_a_top_group_of_a_stated_number_of_units(form):
    text = header("HUYỆN ĐỨC TRỌNG", "Đức Trọng") + (
        "II. MỤC TIÊU\n- Chỉ số CCHC năm 2025 của huyện phấn đấu trở lại top 4\ncủa 12 huyện, thành phố; "
        "Chỉ số SIPAS nằm trong nhóm 5 đơn vị dẫn đầu.\n")
    _, targets = run(form(text))
    assert rows(targets, "index", "comparator", "value", "out_of") == {
        ("PAR INDEX", "<=", 4.0, 12.0), ("SIPAS", "<=", 5.0, None)}


@pytest.mark.parametrize("form", FORMS)
def test_former_units_values_take_the_lead_in_index_the_sentence_does_not_name(form):
    text = header("TỈNH TUYÊN QUANG", "Tuyên Quang") + (
        "Kết quả Chỉ số cải cách hành chính và Chỉ số SIPAS năm 2024 được công bố riêng cho từng tỉnh trước hợp "
        "nhất. Theo Quyết định số 88/QĐ-BNV, tỉnh Hà Giang (cũ) đạt 84,02 điểm, xếp thứ 40/63; Chỉ số SIPAS đạt "
        "80,15%, xếp thứ 50/63. Tỉnh Tuyên Quang (cũ) đạt 87,7 điểm, xếp thứ 15/63; Chỉ số SIPAS đạt 84,3%.")
    results, _ = run(form(text))
    got = {(r.index, unidecode(r.scope or ""), r.score, r.percent, r.rank) for r in results}
    assert got == {("PAR INDEX", "tinh Ha Giang (cu)", 84.02, None, 40), ("SIPAS", "tinh Ha Giang (cu)", None, 80.15, 50),
                   ("PAR INDEX", "tinh Tuyen Quang (cu)", 87.7, None, 15), ("SIPAS", "tinh Tuyen Quang (cu)", None, 84.3, None)}


@pytest.mark.parametrize("form", FORMS)
def test_rank_from_a_place_upward_and_the_leader_named_after_a_list(form):
    text = header("TỈNH BÌNH ĐỊNH", "Bình Định") + (
        "I. KẾT QUẢ\nNăm 2023, Chỉ số DTI của tỉnh đạt 0,6012 điểm. Đơn vị dẫn đầu Chỉ số DTI khối sở, ban, ngành là "
        "Sở Xây dựng với 0,7002 điểm.\nII. MỤC TIÊU\n- Chỉ số PAPI năm 2024 xếp từ thứ 12 trở lên trong cả nước.\n")
    results, targets = run(form(text))
    assert rows(results, "index", "score") == {("DTI", 0.6012)}
    assert rows(targets, "index", "metric", "comparator", "value") == {("PAPI", "rank", "<=", 12.0)}


@pytest.mark.parametrize("form", FORMS)
def test_cung_nam_opens_a_sentence_of_the_year_before(form):
    text = header("PHƯỜNG NAM ĐỊNH", "Nam Định") + (
        "Năm 2023, trong đánh giá Chỉ số CCHC của thành phố Nam Định (cũ), phường Trần Hưng Đạo (cũ) đạt 90,1 điểm, "
        "xếp thứ 2/25 xã, phường. Cùng năm, thành phố Nam Định (cũ) xếp thứ 3/10 huyện, thành phố của tỉnh.")
    results, _ = run(form(text))
    assert {(r.year, unidecode(r.scope), r.rank, r.rank_total) for r in results} == {
        (2023, "phuong Tran Hung Dao (cu)", 2, 25), (2023, "thanh pho Nam Dinh (cu)", 3, 10)}


@pytest.mark.parametrize("form", FORMS)
def test_cung_nam_with_another_unit_is_a_comparison(form):
    text = header("THÀNH PHỐ HẢI PHÒNG", "Hải Phòng") + (
        "Năm 2024, PCI thành phố đạt 71,3 điểm, xếp thứ 4/63. Cùng năm, tỉnh Quảng Ninh đạt 72,01 điểm, xếp thứ 2/63.")
    results, _ = run(form(text))
    assert rows(results, "scope", "score", "rank") == {(None, 71.3, 4)}


@pytest.mark.parametrize("form", FORMS)
def test_averages_listed_in_parentheses_and_a_unit_past_its_apposition(form):
    text = header("TỈNH PHÚ THỌ", "Phú Thọ") + (
        "Năm 2024, Chỉ số PCI của tỉnh đạt 68,2 điểm. Tỉnh Vĩnh Long, địa phương dẫn đầu cả nước, đạt PCI 73,05 điểm. "
        "So với trung bình cả nước (PAR INDEX 85,1 điểm; SIPAS 81,9%), tỉnh đều cao hơn.")
    results, _ = run(form(text))
    assert rows(results, "index", "score", "percent") == {("PCI", 68.2, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_band_named_trung_binh_before_parentheses_is_no_average(form):
    text = header("TỈNH LÀO CAI", "Lào Cai") + (
        "Năm 2024 Chỉ số PAPI của tỉnh đạt 41,5 điểm, xếp vị trí 46/61, trong nhóm Trung bình thấp, nhóm thứ 3/4 nhóm, "
        "(năm 2023 tỉnh đạt 42,2 điểm, xếp vị trí 30/63).")
    results, _ = run(form(text))
    assert rows(results, "year", "score", "rank") == {(2024, 41.5, 46), (2023, 42.2, 30)}

PAR_PLAN = "KẾ HOẠCH\nNâng cao Chỉ số cải cách hành chính của xã năm 2026\n\n"


@pytest.mark.parametrize("form", FORMS)
def test_named_fields_share_of_their_maximum_and_floors_said_with_khong_de(form):
    text = header("XÃ AN BÌNH", "An Bình") + PAR_PLAN + (
        "I. KẾT QUẢ\nLĩnh vực Cải cách tài chính công của xã đều đạt dưới 60% số điểm.\n"
        "II. MỤC TIÊU\n1. Năm 2026, xã phấn đấu đứng trong tốp 20 trong tổng số 95 xã, phường của tỉnh; không để "
        "lĩnh vực Cải cách thể chế dưới 8 điểm.\n2. Các lĩnh vực Cải cách thủ tục hành chính, Cải cách chế độ công vụ "
        "đạt tối thiểu 91% số điểm tối đa; mỗi lĩnh vực còn lại đạt tối thiểu 85% số điểm tối đa.\n"
        "3. Không để lĩnh vực Cải cách tài chính công đạt dưới 75% số điểm tối đa.\n")
    results, targets = run(form(text))
    assert results == []
    assert rows(targets, "component", "metric", "comparator", "value", "out_of") == {
        (None, "rank", "<=", 20.0, 95.0), ("Cải cách thể chế", "score", ">=", 8.0, None),
        ("Cải cách thủ tục hành chính", "percent", ">=", 91.0, None), ("Cải cách chế độ công vụ", "percent", ">=", 91.0, None),
        ("Cải cách tài chính công", "percent", ">=", 75.0, None)}


@pytest.mark.parametrize("form", FORMS)
def test_an_estimated_satisfaction_rate_is_no_result(form):
    text = header("XÃ CÁT TIẾN", "Cát Tiến") + (
        "Năm 2024, tỷ lệ hài lòng chung tại xã đạt 91,2%. Sáu tháng đầu năm 2025, qua phiếu khảo sát điện tử, "
        "mức độ hài lòng ước đạt 88,4%.")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "percent") == {("SIPAS", 2024, 91.2)}


@pytest.mark.parametrize("form", FORMS)
def test_so_voi_a_unit_then_its_values_in_parentheses(form):
    text = header("TỈNH THÁI NGUYÊN", "Thái Nguyên") + (
        "Năm 2024, Chỉ số DTI của tỉnh đạt 0,5538, xếp thứ 13/63. So với tỉnh Bắc Ninh (DTI năm 2024 xếp thứ 3/63) "
        "thì khoảng cách còn lớn. So với tỉnh Bắc Kạn (cũ) (năm 2023 xếp thứ 40/63), kết quả chung đã tăng.")
    results, _ = run(form(text))
    assert {(r.year, unidecode(r.scope or ""), r.rank) for r in results} == {(2024, "", 13), (2023, "tinh Bac Kan (cu)", 40)}


@pytest.mark.parametrize("form", FORMS)
def test_a_group_goal_restated_as_a_range_from_the_first_place_is_one_goal(form):
    text = header("HUYỆN CẨM LÂM", "Cẩm Lâm") + (
        "II. MỤC TIÊU\n- Chỉ số CCHC năm 2024 đạt từ 86 điểm trở lên, phấn đấu vào nhóm 4 đơn vị dẫn đầu tỉnh "
        "(xếp hạng 1 - 4/9).\n")
    _, targets = run(form(text))
    assert rows(targets, "metric", "comparator", "value", "value_max") == {
        ("score", ">=", 86.0, None), ("rank", "between", 1.0, 4.0)}


@pytest.mark.parametrize("form", FORMS)
def test_goal_years_groups_over_a_total_and_floors_below_a_score(form):
    text = header("TỈNH GIA LAI", "Gia Lai") + (
        "|III. MỤC TIÊU\n1. Chỉ số SIPAS: năm 2026 đạt từ 86% trở lên, năm 2030 đạt trên 91%.\n"
        "2. Năm 2026: Chỉ số PCI xếp trong nhóm 12/34 tỉnh, thành phố.\n"
        "3. Đến năm 2030: không để chỉ số nội dung Công khai, minh bạch của Chỉ số PAPI dưới 6,2 điểm.\n")
    _, targets = run(form(text))
    assert rows(targets, "index", "component", "year", "metric", "comparator", "value", "out_of") == {
        ("SIPAS", None, 2026, "percent", ">=", 86.0, None), ("SIPAS", None, 2030, "percent", ">", 91.0, None),
        ("PCI", None, 2026, "rank", "<=", 12.0, 34.0),
        ("PAPI", "Công khai, minh bạch trong việc ra quyết định ở địa phương", 2030, "score", ">=", 6.2, None)}
