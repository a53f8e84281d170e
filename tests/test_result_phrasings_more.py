"""Results and targets in phrasings of the eighth fresh dev batch (issue #4); inputs written here."""
from __future__ import annotations

import pytest

from extract.results import extract_results_and_targets
from normalize.types import NormalizedDocument


def run(text: str):
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return results, targets


def rows(items, *fields):
    return {tuple(getattr(x, f) for f in fields) for x in items}


@pytest.mark.parametrize("first", ["TT", "STT"])
def test_table_with_one_results_column_per_year(first):
    factors = ["Tiếp cận dịch vụ hành chính công", "Thủ tục hành chính"]
    lines = [f"{first} | Yếu tố | Năm 2022 (%) | Năm 2023 (%) | Mục tiêu năm 2025 (%)"]
    lines += [f"{k} | {name} | 8{k},5 | 9{k},25 | ≥ 9{k + 2}" for k, name in enumerate(factors, 1)]
    text = "Chỉ số SIPAS của Sở qua các năm:\n" + "\n".join(lines) + "\n"
    results, targets = run(text)
    assert rows(results, "index", "component", "year", "percent") == {
        ("SIPAS", factors[0], 2022, 81.5), ("SIPAS", factors[0], 2023, 91.25),
        ("SIPAS", factors[1], 2022, 82.5), ("SIPAS", factors[1], 2023, 92.25)}
    assert rows(targets, "component", "year", "metric", "comparator", "value") == {
        (factors[0], 2025, "percent", ">=", 93), (factors[1], 2025, "percent", ">=", 94)}


@pytest.mark.parametrize("unit", ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn",
                                  "thị trấn Đông Hưng", "thị xã Sơn Tây"])
def test_results_of_a_merged_unit_carry_its_scope(unit):
    text = f"Năm 2024, Chỉ số CCHC của {unit} (cũ) đạt 84,10/100 điểm, đứng thứ 11/19."
    results, _ = run(text)
    assert rows(results, "scope", "score", "rank") == {(f"{unit} (cũ)", 84.1, 11)}


def test_the_unit_is_the_last_one_named_before_cu():
    text = ("Theo kết quả công bố của UBND tỉnh Thái Bình (cũ), Chỉ số DTI cấp tỉnh năm 2024 của tỉnh Quảng Ngãi "
            "(cũ) đạt 0,4831 điểm, xếp hạng 35/63.")
    results, _ = run(text)
    assert rows(results, "index", "scope", "score") == {("DTI", "tỉnh Quảng Ngãi (cũ)", 0.4831)}


@pytest.mark.parametrize("inside", ["đứng thứ 42/63 với 42,35 điểm", "xếp hạng 42/63, đạt 42,35 điểm"])
def test_values_in_parentheses_after_a_comparison_are_that_years(inside):
    text = f"Năm 2024, Chỉ số PAPI của tỉnh đạt 41,87 điểm, đứng thứ 48/63, tụt 6 bậc so với năm 2023 ({inside})."
    results, _ = run(text)
    assert rows(results, "year", "score", "rank") == {(2024, 41.87, 48), (2023, 42.35, 42)}


@pytest.mark.parametrize("years,sep,unit", [((2021, 2022, 2023), ", ", "%"), ((2022, 2023), " và ", " điểm")])
def test_several_years_in_turn(years, sep, unit):
    values = [80.14 + k for k in range(len(years))]
    said = lambda v: f"{v:.2f}".replace(".", ",") + unit  # noqa: E731
    text = (f"Chỉ số CCHC của huyện các năm {sep.join(map(str, years))} lần lượt đạt "
            f"{', '.join(said(v) for v in values[:-1])} và {said(values[-1])}; năm {years[-1]} xếp thứ 4/13.")
    results, _ = run(text)
    field = "percent" if unit == "%" else "score"
    got = {(r.year, getattr(r, field)) for r in results}
    assert got == {(y, round(v, 2)) for y, v in zip(years, values)}
    assert rows(results, "year", "rank") >= {(years[-1], 4)}


@pytest.mark.parametrize("cue", ["Các chỉ số nội dung", "Các chỉ số"])
def test_components_listed_in_a_goal_sentence_naming_no_index(cue):
    text = ("II. MỤC TIÊU\nPhấn đấu Chỉ số PAPI năm 2025 của tỉnh tăng ít nhất 05 bậc. "
            f"{cue} Tham gia của người dân ở cấp cơ sở, Trách nhiệm giải trình với người dân đạt từ 5 điểm trở lên.\n")
    _, targets = run(text)
    assert rows(targets, "index", "component", "metric", "comparator", "value") == {
        ("PAPI", None, "rank_increase", ">=", 5), ("PAPI", "Tham gia của người dân ở cấp cơ sở", "score", ">=", 5),
        ("PAPI", "Trách nhiệm giải trình với người dân", "score", ">=", 5)}


@pytest.mark.parametrize("rate", ["tỷ lệ hài lòng của người dân, tổ chức", "mức độ hài lòng của người dân"])
def test_a_satisfaction_clause_in_another_index_sentence_is_sipas(rate):
    text = (f"Phấn đấu năm 2026 Chỉ số CCHC của xã tăng ít nhất 05 bậc; {rate} đối với việc giải quyết thủ tục "
            "hành chính đạt trên 90%.")
    _, targets = run(text)
    assert rows(targets, "index", "component", "metric", "comparator", "value") == {
        ("PAR INDEX", None, "rank_increase", ">=", 5), ("SIPAS", "Thủ tục hành chính", "percent", ">", 90)}


@pytest.mark.parametrize("when,year", [("quý III/2025", 2025), ("thực hiện năm 2024", 2024)])
def test_survey_year_from_a_quarter_or_after_thuc_hien(when, year):
    text = f"Kết quả khảo sát {when}, Chỉ số SIPAS của phường đạt 91,36%."
    results, _ = run(text)
    assert rows(results, "index", "year", "percent") == {("SIPAS", year, 91.36)}


@pytest.mark.parametrize("change", ["Tăng (+), giảm (-)", "Tăng/giảm", "Chênh lệch"])
def test_a_change_column_gives_no_target(change):
    text = ("Điểm các chỉ số thành phần PCI của tỉnh:\n"
            f"STT | Chỉ số thành phần | Năm 2023 | Năm 2024 | {change}\n"
            "1 | Chi phí gia nhập thị trường | 7,01 | 7,25 | +0,24\n"
            "2 | Tiếp cận đất đai | 6,88 | 6,41 | -0,47\n")
    results, targets = run(text)
    assert not targets
    assert rows(results, "index", "component", "year", "score") == {
        ("PCI", "Chi phí gia nhập thị trường", 2023, 7.01), ("PCI", "Chi phí gia nhập thị trường", 2024, 7.25),
        ("PCI", "Tiếp cận đất đai", 2023, 6.88), ("PCI", "Tiếp cận đất đai", 2024, 6.41)}


@pytest.mark.parametrize("verb", ["xếp thứ", "đứng thứ"])
def test_rank_stated_before_the_index(verb):
    text = f"Năm 2023, huyện {verb} 7/21 huyện, thành phố, thị xã về Chỉ số CCHC với 84,33 điểm."
    results, _ = run(text)
    assert rows(results, "index", "year", "score", "rank", "rank_total") == {("PAR INDEX", 2023, 84.33, 7, 21)}


def test_components_take_the_latest_year_of_their_paragraph():
    text = ("Năm 2023, Chỉ số CCHC của huyện đạt 84,33 điểm; năm 2022 đạt 85,9 điểm.\n"
            "Lĩnh vực có điểm thấp: Cải cách chế độ công vụ đạt 11,2/15 điểm.")
    results, _ = run(text)
    assert ("Cải cách chế độ công vụ", 2023, 11.2) in rows(results, "component", "year", "score")


@pytest.mark.parametrize("opening", ["Theo đó, tỉnh Nghệ An đạt", "Kết quả, tỉnh đạt"])
def test_unit_as_subject_right_after_the_index_sentence(opening):
    text = (f"Bộ Nội vụ công bố Chỉ số CCHC năm 2024 của các tỉnh. {opening} 89,54%, xếp thứ 15/63 "
            "(năm 2023 xếp thứ 23/63, đạt 86,12%).")
    results, _ = run(text)
    assert rows(results, "index", "year", "percent", "rank") == {("PAR INDEX", 2024, 89.54, 15),
                                                                 ("PAR INDEX", 2023, 86.12, 23)}


def test_unit_as_subject_far_from_any_index_gives_nothing():
    text = "Chỉ số CCHC năm 2024 của tỉnh được công bố. Tỉnh đã triển khai nhiều giải pháp. Theo đó, tỉnh đạt 89,54%."
    results, _ = run(text)
    assert not results


def test_satisfaction_with_civil_servants_attitude_is_the_civil_servant_factor():
    _, targets = run("II. MỤC TIÊU\nTrên 95% người dân, tổ chức hài lòng với thái độ phục vụ của công chức.\n")
    assert rows(targets, "index", "component", "comparator", "value") == {
        ("SIPAS", "Công chức trực tiếp giải quyết công việc", ">", 95)}


def test_an_expected_increase_column_compared_with_last_year_stays_a_target():
    text = ("STT | Lĩnh vực | Điểm năm 2024 | Điểm tối đa | Dự kiến tăng điểm năm 2025 so với năm 2024 | Mục tiêu năm 2025\n"
            "1 | Cải cách thể chế | 8,8974 | 10 | + 0,7875 | ≥ 9,68\n")
    results, targets = run(text)
    assert rows(results, "component", "year", "score", "max_score") == {("Cải cách thể chế", 2024, 8.8974, 10)}
    assert rows(targets, "metric", "year", "value") == {("score_increase", 2025, 0.7875), ("score", 2025, 9.68)}


def test_a_ratio_column_is_the_percent_and_the_year_comes_from_the_line_above():
    text = ("Chỉ số CCHC năm 2024 của Sở đạt 85,62/100 điểm. Kết quả theo lĩnh vực:\n"
            "STT | Lĩnh vực | Điểm tối đa | Điểm đạt | Tỷ lệ (%)\n"
            "1 | Cải cách thể chế | 10 | 8,9 | 89,00\n"
            "2 | Cải cách chế độ công vụ | 15 | 12,25 | 81,67\n")
    results, targets = run(text)
    assert not targets
    assert rows(results, "component", "year", "score", "max_score", "percent") == {
        (None, 2024, 85.62, 100, None), ("Cải cách thể chế", 2024, 8.9, 10, 89.0),
        ("Cải cách chế độ công vụ", 2024, 12.25, 15, 81.67)}


def test_a_share_of_the_maximum_is_no_index_percent():
    _, targets = run("II. MỤC TIÊU\nChỉ số CCHC năm 2025 đạt trên 88 điểm; mỗi lĩnh vực đạt tối thiểu 85% số điểm tối đa.\n")
    assert rows(targets, "metric", "value") == {("score", 88)}


@pytest.mark.parametrize("sep", ["; ", ", "])
def test_years_opening_the_sentence_in_turn(sep):
    text = f"Năm 2022, 2023 và 2024, Chỉ số PAPI của tỉnh lần lượt đạt 42,1{sep}42,9 và 43,5 điểm."
    results, _ = run(text)
    assert rows(results, "index", "year", "score") == {("PAPI", 2022, 42.1), ("PAPI", 2023, 42.9), ("PAPI", 2024, 43.5)}


def test_merged_units_as_subjects_of_the_next_sentence():
    text = ("Chỉ số DTI năm 2024 của tỉnh Vĩnh Long (cũ) xếp hạng 12/63; điểm số đạt 0,5731. Tỉnh Bến Tre (cũ) xếp "
            "hạng 20/63 với 0,5402 điểm; tỉnh Trà Vinh (cũ) xếp hạng 31/63 với 0,4987 điểm.")
    results, _ = run(text)
    assert rows(results, "index", "scope", "score", "rank") == {
        ("DTI", "tỉnh Vĩnh Long (cũ)", 0.5731, 12), ("DTI", "tỉnh Bến Tre (cũ)", 0.5402, 20),
        ("DTI", "tỉnh Trà Vinh (cũ)", 0.4987, 31)}


def test_a_dti_pillar_goal_without_the_word_diem():
    _, targets = run("II. MỤC TIÊU\nNăm 2025, Chỉ số DTI của tỉnh có trụ cột Chính quyền số đạt từ 0,6 trở lên.\n")
    assert rows(targets, "index", "component", "comparator", "value") == {("DTI", "Chính quyền số", ">=", 0.6)}


def test_a_ranking_bullet_under_the_index_bullet():
    _, targets = run("II. MỤC TIÊU\n- Chỉ số SIPAS năm 2026 đạt từ 97% trở lên.\n- Xếp hạng trong nhóm 10 xã, phường dẫn đầu.\n")
    assert rows(targets, "index", "metric", "comparator", "value") == {("SIPAS", "percent", ">=", 97),
                                                                       ("SIPAS", "rank", "<=", 10)}


def test_max_printed_after_diem_and_year_after_the_short_index_name():
    results, _ = run("PCI 2024 của tỉnh đạt 69,31 điểm/100 điểm, tăng 2,6 điểm, xếp hạng 7/63.")
    assert rows(results, "index", "year", "score", "max_score", "rank") == {("PCI", 2024, 69.31, 100, 7)}


def test_component_values_listed_after_a_colon_without_a_verb():
    text = ("Năm 2024, Chỉ số PCI của tỉnh đạt 69,31 điểm. Trong 10 chỉ số thành phần: Tiếp cận đất đai 6,4 điểm; "
            "Tính minh bạch 6,05 điểm, tăng 0,5 điểm.")
    results, _ = run(text)
    assert rows(results, "component", "score") == {(None, 69.31), ("Tiếp cận đất đai", 6.4), ("Tính minh bạch", 6.05)}


def test_maximum_column_before_two_year_columns():
    text = ("Kết quả Chỉ số CCHC theo lĩnh vực:\n"
            "STT | Lĩnh vực | Điểm tối đa | Năm 2023 | Năm 2024\n"
            "1 | Cải cách tài chính công | 12 | 10,02 | 11,2\n")
    results, _ = run(text)
    assert rows(results, "component", "year", "score", "max_score") == {
        ("Cải cách tài chính công", 2023, 10.02, 12), ("Cải cách tài chính công", 2024, 11.2, 12)}


@pytest.mark.parametrize("subject", ["Sở Kế hoạch và Đầu tư (cũ)", "tỉnh Yên Bái (cũ)"])
def test_a_merged_unit_as_subject_under_the_results_heading_of_a_one_index_plan(subject):
    text = ("KẾ HOẠCH\nNâng cao Chỉ số cải cách hành chính năm 2025\n\nI. KẾT QUẢ\n"
            f"Năm 2024, {subject} đạt 89,15 điểm/100 điểm, xếp thứ 3/21.\n")
    results, _ = run(text)
    assert rows(results, "index", "year", "scope", "score", "rank") == {("PAR INDEX", 2024, subject, 89.15, 3)}


def test_no_index_from_the_title_when_the_title_names_two():
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI và Chỉ số PCI năm 2025\n\nI. KẾT QUẢ\n"
            "Năm 2024, tỉnh đạt 45,2 điểm, xếp thứ 3/63.\n")
    results, _ = run(text)
    assert not results


@pytest.mark.parametrize("sep", ["; ", ", "])
def test_components_listed_then_values_in_turn(sep):
    text = ("Chỉ số PAPI năm 2024 của tỉnh đạt 42,76 điểm. Các chỉ số nội dung Quản trị môi trường; Quản trị điện tử "
            f"lần lượt đạt 3,12{sep}2,95 điểm.")
    results, _ = run(text)
    assert rows(results, "component", "year", "score") == {(None, 2024, 42.76), ("Quản trị môi trường", 2024, 3.12),
                                                           ("Quản trị điện tử", 2024, 2.95)}


def test_values_after_labels():
    results, _ = run("I. KẾT QUẢ NĂM 2024\n1. Chỉ số PAR INDEX: Điểm số: 86,91; Xếp hạng: 24/63.\n2. Chỉ số SIPAS: Tỷ lệ hài lòng: 84,3%; "
                     "Xếp hạng: 31/63.\n")
    assert rows(results, "index", "year", "score", "percent", "rank") == {("PAR INDEX", 2024, 86.91, None, 24),
                                                                          ("SIPAS", 2024, None, 84.3, 31)}


def test_unit_names_then_values_without_a_verb():
    results, _ = run("Chỉ số PAPI 2024: tỉnh Khánh Hòa (cũ) 43,15 điểm, xếp thứ 35/63; tỉnh Ninh Thuận (cũ) 42,02 điểm.")
    assert rows(results, "scope", "score") == {("tỉnh Khánh Hòa (cũ)", 43.15), ("tỉnh Ninh Thuận (cũ)", 42.02)}


def test_a_rank_right_after_a_component_value_is_the_components():
    results, _ = run("Năm 2024, Chỉ số DTI của tỉnh đạt 0,5012 điểm, xếp thứ 25/63; trụ cột Chính quyền số đạt 0,5581, "
                     "xếp thứ 19/63.")
    assert rows(results, "component", "score", "rank") == {(None, 0.5012, 25), ("Chính quyền số", 0.5581, 19)}


def test_a_goal_before_the_index_in_a_one_index_plan():
    text = ("KẾ HOẠCH\nNâng cao Chỉ số cải cách hành chính năm 2026\n\nII. MỤC TIÊU\n"
            "Giữ vững vị trí trong nhóm 5 đơn vị dẫn đầu; Chỉ số CCHC năm 2026 đạt trên 92 điểm.\n")
    _, targets = run(text)
    assert rows(targets, "index", "year", "metric", "value") == {("PAR INDEX", 2026, "rank", 5), ("PAR INDEX", 2026, "score", 92)}


def test_a_table_of_indices_under_a_heading_naming_the_year_and_a_former_province():
    text = ("I. KẾT QUẢ NĂM 2024 CỦA TỈNH TUYÊN QUANG (CŨ)\nSTT | Chỉ số | Điểm | Xếp hạng\n1 | PAR INDEX | 84,1 | 41/63\n"
            "2 | PCI | 64,05 | 37/63\n")
    results, _ = run(text)
    assert rows(results, "index", "year", "scope", "score", "rank") == {
        ("PAR INDEX", 2024, "tỉnh Tuyên Quang (cũ)", 84.1, 41), ("PCI", 2024, "tỉnh Tuyên Quang (cũ)", 64.05, 37)}


def test_one_goal_for_every_index_listed_with_deu():
    _, targets = run("II. MỤC TIÊU\nCác chỉ số PAR INDEX, SIPAS, PCI của tỉnh đều tăng ít nhất 03 bậc so với năm 2024.\n")
    assert rows(targets, "index", "metric", "value") == {("PAR INDEX", "rank_increase", 3), ("SIPAS", "rank_increase", 3),
                                                         ("PCI", "rank_increase", 3)}


def test_factor_rates_after_the_overall_satisfaction_rate():
    text = ("Kết quả đo lường sự hài lòng năm 2024: tỷ lệ hài lòng chung đạt 89,45%; yếu tố Tiếp cận dịch vụ hành chính "
            "công đạt 91,2%; yếu tố Thủ tục hành chính đạt 87,6%.")
    results, _ = run(text)
    assert rows(results, "index", "component", "percent") == {
        ("SIPAS", None, 89.45), ("SIPAS", "Tiếp cận dịch vụ hành chính công", 91.2), ("SIPAS", "Thủ tục hành chính", 87.6)}


def test_a_goal_for_components_named_without_a_cue_word():
    _, targets = run("Chỉ số PAPI năm 2024 đạt 42,05 điểm.\n\nII. MỤC TIÊU\n"
                     "Quản trị môi trường và Quản trị điện tử đều đạt từ 3,5 điểm trở lên.\n")
    assert rows(targets, "index", "component", "comparator", "value") == {
        ("PAPI", "Quản trị môi trường", ">=", 3.5), ("PAPI", "Quản trị điện tử", ">=", 3.5)}


def test_a_rank_after_a_part_of_the_score_is_the_indexs():
    text = ("Năm 2024, Chỉ số CCHC của tỉnh đạt 85,1 điểm; trong đó điểm thẩm định là 58,72/67 điểm, điểm tác động "
            "phát triển kinh tế - xã hội là 4,98 điểm, xếp thứ 09/63 tỉnh, thành phố.")
    results, _ = run(text)
    assert {(r.component is None, r.rank) for r in results} == {(True, 9), (False, None)}


@pytest.mark.parametrize("joined,both", [("Chỉ số CCHC và Chỉ số SIPAS", True), ("Chỉ số CCHC, Chỉ số SIPAS", False)])
def test_a_goal_shared_by_two_indices_joined_by_va(joined, both):
    _, targets = run(f"II. MỤC TIÊU\n{joined} năm 2025 của Sở tiếp tục nằm trong nhóm 3 cơ quan dẫn đầu.\n")
    expected = {("PAR INDEX", 3), ("SIPAS", 3)} if both else {("SIPAS", 3)}
    assert rows(targets, "index", "value") == expected


@pytest.mark.parametrize("average", ["mức trung bình cả nước", "bình quân chung"])
def test_an_average_in_parentheses_is_not_the_units_value(average):
    results, _ = run(f"Chỉ số SIPAS năm 2024 của tỉnh đạt 80,12%, thấp hơn {average} (82,65%), xếp thứ 50/63.")
    assert rows(results, "percent", "rank") == {(80.12, 50)}


def test_a_table_of_former_provinces_gives_scopes_not_components():
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI tỉnh năm 2025\n\nI. KẾT QUẢ NĂM 2024\nSTT | Tỉnh (cũ) | Điểm | Xếp hạng\n"
            "1 | Lâm Đồng | 43,31 | 22/63\n2 | Đắk Nông | 41,77 | 51/63\n")
    results, _ = run(text)
    assert rows(results, "index", "component", "year", "scope", "score", "rank") == {
        ("PAPI", None, 2024, "tỉnh Lâm Đồng (cũ)", 43.31, 22), ("PAPI", None, 2024, "tỉnh Đắk Nông (cũ)", 41.77, 51)}
