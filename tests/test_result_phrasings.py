"""Results and targets in phrasings the first rules did not know (issue #4, written for these tests)."""
from __future__ import annotations

from extract.results import extract_results_and_targets
from normalize.types import NormalizedDocument


def run(text: str):
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return results, targets


def rows(items, *fields):
    return {tuple(getattr(x, f) for f in fields) for x in items}


def test_component_values_in_sentences_naming_no_index():
    text = ("Năm 2023, Chỉ số PCI của tỉnh đạt 65,1 điểm, xếp thứ 30/63. Trong các chỉ số thành phần, "
            "chỉ số Tiếp cận đất đai đạt 6,02 điểm, chỉ số Cạnh tranh bình đẳng chỉ đạt 5,4 điểm (giảm 0,3 điểm).")
    results, targets = run(text)
    assert not targets
    assert rows(results, "index", "component", "year", "score") == {
        ("PCI", None, 2023, 65.1), ("PCI", "Tiếp cận đất đai", 2023, 6.02), ("PCI", "Cạnh tranh bình đẳng", 2023, 5.4)}


def test_component_names_with_their_value_in_parentheses():
    text = ("Chỉ số PAPI năm 2022 của tỉnh đạt 41,8 điểm. Các chỉ số nội dung đạt khá gồm: Quản trị điện tử "
            "(4,1 điểm), Trách nhiệm giải trình với người dân (4,35 điểm).")
    results, _ = run(text)
    assert rows(results, "component", "score") == {(None, 41.8), ("Quản trị điện tử", 4.1),
                                                   ("Trách nhiệm giải trình với người dân", 4.35)}


def test_component_wins_over_the_index_named_last():
    # `Cải cách thủ tục hành chính` is a PAR INDEX field even right after a SIPAS sentence
    text = ("Năm 2024, Chỉ số CCHC của tỉnh đạt 86 điểm. Chỉ số SIPAS đạt 83%. "
            "Lĩnh vực cải cách thủ tục hành chính đạt 11,9/13 điểm.")
    results, _ = run(text)
    assert ("PAR INDEX", "Cải cách thủ tục hành chính", 11.9, 13) in rows(results, "index", "component", "score",
                                                                           "max_score")


def test_group_ranks_ranges_and_floors_are_targets():
    text = ("II. MỤC TIÊU\n"
            "1. Năm 2027, Chỉ số DTI của tỉnh thuộc nhóm 25 tỉnh, thành phố dẫn đầu; Chỉ số PCI tăng 3 - 5 bậc.\n"
            "2. Chỉ số PAPI đạt từ 42 đến 44 điểm; Chỉ số CCHC không thấp hơn 87,5 điểm.\n")
    _, targets = run(text)
    got = rows(targets, "index", "metric", "comparator", "value", "value_max", "year")
    assert got == {("DTI", "rank", "<=", 25, None, 2027), ("PCI", "rank_increase", "between", 3, 5, 2027),
                   ("PAPI", "score", "between", 42, 44, 2027), ("PAR INDEX", "score", ">=", 87.5, None, 2027)}


def test_one_goal_for_several_named_components():
    text = "Phấn đấu Chỉ số PAPI năm 2026 có các chỉ số nội dung Quản trị môi trường và Quản trị điện tử đạt trên 5 điểm."
    _, targets = run(text)
    assert rows(targets, "component", "comparator", "value") == {("Quản trị môi trường", ">", 5),
                                                                 ("Quản trị điện tử", ">", 5)}


def test_operational_rates_counts_and_budget_give_nothing():
    text = ("I. MỤC TIÊU\nGóp phần nâng cao Chỉ số SIPAS của xã.\n"
            "- Tỷ lệ hồ sơ giải quyết trước hạn đạt trên 60%; 100% hồ sơ được số hóa.\n"
            "- Tổ chức 03 lớp tập huấn cho 90 lượt công chức; kinh phí 45,5 triệu đồng.\n"
            "- Giảm ít nhất 20% thời gian chờ đợi tại bộ phận một cửa.\n")
    results, targets = run(text)
    assert results == [] and targets == []


def test_changes_are_not_results():
    results, _ = run("Năm 2024, Chỉ số PAPI của tỉnh tăng 1,25 điểm và tăng 6 bậc so với năm 2023.")
    assert results == []


def test_goal_year_from_a_one_line_title_not_from_the_results_heading():
    text = ("KẾ HOẠCH\nNâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
            "nhà nước trên địa bàn huyện năm 2025\n\nI. KẾT QUẢ NĂM 2023\nChỉ số SIPAS năm 2023 đạt 80,2%.\n\n"
            "II. MỤC TIÊU\n1. Chỉ số SIPAS đạt trên 84%.\n")
    results, targets = run(text)
    assert rows(results, "year", "percent") == {(2023, 80.2)}
    assert rows(targets, "year", "comparator", "value") == {(2025, ">", 84)}


def test_satisfaction_level_with_a_long_subject_and_a_factor():
    text = ("Phấn đấu năm 2026, mức độ hài lòng của người dân, tổ chức đối với việc tiếp cận dịch vụ hành chính "
            "công tại Trung tâm Phục vụ hành chính công tỉnh đạt từ 92% trở lên.")
    _, targets = run(text)
    assert rows(targets, "index", "component", "comparator", "value", "year") == {
        ("SIPAS", "Tiếp cận dịch vụ hành chính công", ">=", 92, 2026)}


def test_english_ocr_floor_cues():
    _, targets = run("Phan dau Chi s6 SIPAS nam 2025 dat tir 84% tr6 lén.")
    assert rows(targets, "index", "comparator", "value", "year") == {("SIPAS", ">=", 84, 2025)}


def test_table_one_cell_per_line_with_the_maximum_first():
    text = ("Kết quả Chỉ số PAR INDEX năm 2024 và mục tiêu năm 2025:\n"
            "STT\nLĩnh vực\nĐiểm tối đa\nĐiểm năm 2024\nMục tiêu năm 2025\n"
            "1\nCải cách thể chế\n10\n8,4\n≥ 9\n2\nCải cách tài chính công\n12\n10,9\n≥ 11,5\n"
            "II. NHIỆM VỤ\n")
    results, targets = run(text)
    assert rows(results, "component", "year", "score", "max_score") == {
        ("Cải cách thể chế", 2024, 8.4, 10), ("Cải cách tài chính công", 2024, 10.9, 12)}
    assert rows(targets, "component", "year", "comparator", "value") == {
        ("Cải cách thể chế", 2025, ">=", 9), ("Cải cách tài chính công", 2025, ">=", 11.5)}


def test_four_digit_maximum():
    results, _ = run("Năm 2024, Chỉ số DTI của Sở đạt 702,5/1000 điểm, đứng thứ 4/20 cơ quan.")
    assert rows(results, "score", "max_score", "rank", "rank_total") == {(702.5, 1000, 4, 20)}


def test_province_result_in_a_city_plan_carries_its_scope():
    text = ("UBND TỈNH BẾN TRE\nỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẾN TRE\nSố: 12/KH-UBND    Bến Tre, ngày 3 tháng 2 năm 2025\n\n"
            "Năm 2024, Chỉ số PAPI của tỉnh Bến Tre đạt 42,6 điểm. Chỉ số CCHC của thành phố Bến Tre đạt 88 điểm.")
    results, _ = run(text)
    assert rows(results, "index", "scope") == {("PAPI", "tỉnh Bến Tre"), ("PAR INDEX", None)}


def test_a_goal_said_twice_is_one_target():
    text = "II. MỤC TIÊU\n- Chỉ số PCI năm 2026 nằm trong nhóm 20 tỉnh dẫn đầu (xếp hạng từ 20/34 trở lên).\n"
    _, targets = run(text)
    assert rows(targets, "index", "metric", "comparator", "value", "out_of") == {("PCI", "rank", "<=", 20, 34)}


def test_share_of_people_after_an_index_mention_is_not_a_value():
    results, targets = run("Năm 2024, tỉnh tập huấn về Chỉ số PAPI với 85% cán bộ cấp xã tham dự.")
    assert results == [] and targets == []


def test_factor_values_as_bullets_under_a_lead_in():
    text = ("Năm 2025, Chỉ số SIPAS của huyện đạt 84%, cụ thể theo từng yếu tố:\n"
            "- Thủ tục hành chính: 82,5%;\n- Công chức trực tiếp giải quyết công việc: 86%.\n")
    results, _ = run(text)
    assert rows(results, "component", "year", "percent") == {
        (None, 2025, 84), ("Thủ tục hành chính", 2025, 82.5), ("Công chức trực tiếp giải quyết công việc", 2025, 86)}


def test_text_layer_table_with_split_stt_and_name_wrapped_after_the_numbers():
    text = ("Kết quả các lĩnh vực của Chỉ số PAR INDEX năm 2023 và mục tiêu năm 2024:\n"
            "ST        Lĩnh vực              Xếp hạng   Điểm      Điểm     Dự kiến    Mục tiêu\n"
            " T                             năm 2023   năm 2023  tối đa   tăng điểm  năm 2024\n"
            "1    Cải cách tổ chức bộ máy    40/63      7,25      10,5     + 0,5      ≥ 7,75 hành chính nhà nước\n"
            "2    Cải cách tài chính công    12/63      10,1      12       0,2        ≥ 10,3\n")
    results, targets = run(text)
    assert rows(results, "component", "year", "score", "max_score", "rank") == {
        ("Cải cách tổ chức bộ máy hành chính nhà nước", 2023, 7.25, 10.5, 40),
        ("Cải cách tài chính công", 2023, 10.1, 12, 12)}
    assert ("Cải cách tổ chức bộ máy hành chính nhà nước", "score_increase", 0.5) in rows(
        targets, "component", "metric", "value")


def test_ranks_written_with_words_and_total_score():
    text = ("Năm 2023, huyện có Chỉ số CCHC đứng thứ 7 trên 28 huyện, thị xã, thành phố với tổng điểm 86,4; "
            "Chỉ số SIPAS xếp thứ 12 trong 28 đơn vị.")
    results, _ = run(text)
    assert rows(results, "index", "year", "score", "rank", "rank_total") == {
        ("PAR INDEX", 2023, 86.4, 7, 28), ("SIPAS", 2023, None, 12, 28)}


def test_rank_floor_and_score_increase_goals():
    text = ("II. MỤC TIÊU\n- Năm 2026, Chỉ số PCI xếp hạng không thấp hơn vị trí 20/34.\n"
            "- Chỉ số PAPI tăng ít nhất 1,5 điểm; Chỉ số DTI tăng từ 0,02 đến 0,05 điểm.\n")
    _, targets = run(text)
    assert rows(targets, "index", "metric", "comparator", "value", "value_max") == {
        ("PCI", "rank", "<=", 20, None), ("PAPI", "score_increase", ">=", 1.5, None),
        ("DTI", "score_increase", "between", 0.02, 0.05)}


def test_the_subject_named_after_a_city_of_publication_is_the_issuer():
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN SÓC SƠN\nSố: 1/KH-UBND    Sóc Sơn, ngày 2 tháng 3 năm 2025\n\n"
            "Theo kết quả Chỉ số CCHC năm 2024 của thành phố Hà Nội, huyện Sóc Sơn đạt 85 điểm, xếp thứ 20/30.")
    results, _ = run(text)
    assert rows(results, "scope", "score", "rank") == {(None, 85, 20)}


def test_satisfaction_factor_named_after_hai_long():
    _, targets = run("Phấn đấu năm 2026 bảo đảm trên 92% người dân hài lòng về kết quả giải quyết thủ tục hành chính.")
    assert rows(targets, "index", "component", "comparator", "value") == {
        ("SIPAS", "Kết quả cung ứng dịch vụ hành chính công", ">", 92)}


def test_band_of_a_ranking_is_not_a_rank():
    results, _ = run("Năm 2024, Chỉ số PAPI của tỉnh đạt 42 điểm, xếp thứ 40/63, thuộc nhóm thứ 3/4 nhóm.")
    assert rows(results, "score", "rank", "rank_total") == {(42, 40, 63)}


def test_satisfaction_rates_reported_as_results_with_former_units():
    text = ("ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA BÌNH\nSố: 2/KH-UBND    Hòa Bình, ngày 2 tháng 3 năm 2026\n\n"
            "Năm 2025, tỷ lệ hài lòng của người dân đối với phường Tân Hòa (cũ) đạt 91,5%, phường Đồng Tiến (cũ) đạt 89%.")
    results, targets = run(text)
    assert not targets
    assert rows(results, "index", "year", "scope", "percent") == {
        ("SIPAS", 2025, "phường Tân Hòa (cũ)", 91.5), ("SIPAS", 2025, "phường Đồng Tiến (cũ)", 89)}


def test_unit_named_as_subject_and_components_that_follow_keep_its_scope():
    text = ("UBND TỈNH HÀ TĨNH\nSỞ TÀI CHÍNH\nSố: 5/KH-STC    Hà Tĩnh, ngày 2 tháng 3 năm 2025\n\n"
            "Năm 2024, tỉnh Hà Tĩnh có Chỉ số PCI đạt 66,1 điểm, xếp thứ 25/63. Trong 10 chỉ số thành phần, "
            "chỉ số Tính minh bạch chỉ 5,9 điểm.")
    results, _ = run(text)
    assert rows(results, "component", "scope", "score") == {(None, "tỉnh Hà Tĩnh", 66.1),
                                                            ("Tính minh bạch", "tỉnh Hà Tĩnh", 5.9)}


def test_index_colon_value_bullets_and_adjacent_scores():
    text = ("Kết quả các chỉ số năm 2023 như sau:\n- Chỉ số PAPI: 43,1 điểm, xếp thứ 20/63;\n- Chỉ số SIPAS: 84,2%.\n"
            "Tỉnh Hải Dương (cũ): Chỉ số PAR INDEX 86,5 điểm, xếp thứ 30/63.")
    results, _ = run(text)
    assert rows(results, "index", "year", "scope", "score", "percent", "rank") == {
        ("PAPI", 2023, None, 43.1, None, 20), ("SIPAS", 2023, None, None, 84.2, None),
        ("PAR INDEX", 2023, "tỉnh Hải Dương (cũ)", 86.5, None, 30)}


def test_value_in_parentheses_after_a_compared_year_and_values_down_to():
    text = ("Năm 2024, tổng điểm PAPI của tỉnh là 40,5 điểm, thấp hơn năm 2023 (41,7 điểm), đứng thứ 50 trên 61. "
            "Chỉ số nội dung Quản trị môi trường chỉ còn 2,9 điểm.")
    results, _ = run(text)
    assert rows(results, "component", "year", "score", "rank") == {
        (None, 2024, 40.5, 50), (None, 2023, 41.7, None), ("Quản trị môi trường", 2024, 2.9, None)}


def test_goal_years_stay_in_their_clause():
    text = "Đến năm 2027, Chỉ số CCHC của xã đạt từ 80 điểm trở lên; đến năm 2030 đạt từ 85 điểm trở lên."
    _, targets = run(text)
    assert rows(targets, "year", "value") == {(2027, 80), (2030, 85)}


def test_dti_score_printed_without_unit():
    results, _ = run("Năm 2023, Chỉ số DTI của tỉnh đạt 0,4612, xếp thứ 34/63.")
    assert rows(results, "score", "rank") == {(0.4612, 34)}


def test_ranks_without_total_equivalent_percent_and_section_heading_year():
    text = ("II. KẾT QUẢ NĂM 2024\n1. Chỉ số PAR INDEX của tỉnh được công bố với kết quả 91,2 điểm, đứng thứ nhất cả nước.\n"
            "2. Chỉ số SIPAS đạt 8,7/10 điểm (tương đương 87%), xếp thứ 5 toàn quốc.\n")
    results, _ = run(text)
    assert rows(results, "index", "year", "score", "max_score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", 2024, 91.2, None, None, 1, None), ("SIPAS", 2024, 8.7, 10, 87, 5, None)}


def test_percent_row_in_a_table_of_indices():
    text = ("Kết quả các chỉ số năm 2024 và mục tiêu năm 2025:\nSTT | Chỉ số | Điểm năm 2024 | Xếp hạng | Mục tiêu năm 2025\n"
            "1 | PAPI | 43,2 | 20/63 | ≥ 44\n2 | SIPAS (%) | 85,5 | 30/63 | ≥ 87\n")
    results, targets = run(text)
    assert rows(results, "index", "score", "percent", "rank") == {("PAPI", 43.2, None, 20), ("SIPAS", None, 85.5, 30)}
    assert rows(targets, "index", "metric", "value") == {("PAPI", "score", 44), ("SIPAS", "percent", 87)}


def test_month_of_a_date_is_not_a_rank():
    results, _ = run("Chỉ số PAR INDEX năm 2023 được công bố ngày 20 tháng 12 năm 2023 tại Hà Nội.")
    assert results == []


def test_values_given_in_turn_and_position_kept():
    text = ("Năm 2025, Chỉ số PAR INDEX, Chỉ số SIPAS của tỉnh lần lượt đạt 88,2 điểm và 86,4%; "
            "Chỉ số PAPI đạt 44 điểm, giữ vững vị trí 6/34.")
    results, _ = run(text)
    assert rows(results, "index", "score", "percent", "rank") == {
        ("PAR INDEX", 88.2, None, None), ("SIPAS", None, 86.4, None), ("PAPI", 44, None, 6)}


def test_component_named_before_its_index_and_improvement_goals():
    text = ("Năm 2024, lĩnh vực Cải cách thể chế trong Chỉ số CCHC của tỉnh Hà Nam đạt 8,3/10 điểm.\n\n"
            "II. MỤC TIÊU\nNăm 2025, lĩnh vực Cải cách thể chế đạt tối thiểu 9/10 điểm, xếp hạng trong nhóm 15 tỉnh; "
            "Chỉ số PAPI cải thiện ít nhất 4 bậc.\n")
    results, targets = run(text)
    assert rows(results, "component", "score", "max_score") == {("Cải cách thể chế", 8.3, 10)}
    assert rows(targets, "index", "component", "metric", "comparator", "value") == {
        ("PAR INDEX", "Cải cách thể chế", "score", ">=", 9), ("PAR INDEX", "Cải cách thể chế", "rank", "<=", 15),
        ("PAPI", None, "rank_increase", ">=", 4)}


def test_measured_satisfaction_is_sipas_but_an_average_in_parentheses_is_not():
    results, _ = run("Kết quả đo lường sự hài lòng của người dân năm 2024 đạt 84,5%, thấp hơn bình quân của tỉnh (86%).")
    assert rows(results, "index", "year", "percent") == {("SIPAS", 2024, 84.5)}


def test_lowest_rank_words_are_not_a_rank():
    results, _ = run("Năm 2024, Chỉ số PCI của tỉnh đạt 60 điểm, là chỉ số có thứ hạng thấp nhất.")
    assert rows(results, "score", "rank") == {(60, None)}


def test_goal_for_components_listed_after_a_colon():
    text = ("Phấn đấu các chỉ số nội dung sau của Chỉ số PAPI năm 2026 đạt từ 6 điểm trở lên: Quản trị môi trường; "
            "Quản trị điện tử.")
    _, targets = run(text)
    assert rows(targets, "component", "comparator", "value", "year") == {
        ("Quản trị môi trường", ">=", 6, 2026), ("Quản trị điện tử", ">=", 6, 2026)}
