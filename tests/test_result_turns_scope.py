"""Results and targets in phrasings of the nineteenth fresh dev batch (dr_101-108, issue #4): whose result
a value is, values given in turn, averages, ranks in words. Inputs are written here (other units, other
numbers than the batch)."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from extract.results import extract_results_and_targets
from normalize.types import NormalizedDocument


def run(text: str):
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return results, targets


def rows(items, *fields):
    return {tuple(getattr(x, f) for f in fields) for x in items}


def header(unit_line: str, place: str) -> str:
    return (f"ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{unit_line}\n"
            f"Số: 12/KH-UBND                     {place}, ngày 3 tháng 2 năm 2025\n\n")


@pytest.mark.parametrize("motto", ["CONG HOA XA HQI CHU NGHIA VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_the_national_motto_beside_the_issuer_is_not_its_unit(motto):
    text = (f"UBND TINH BINH PHUOC                {motto}\nSo: 7/KH-UBND          Binh Phuoc, ngay 2 thang 3 nam 2025\n\n"
            "Năm 2024, tỉnh Bình Phước đạt 65,3 điểm PCI, xếp thứ 22/63.")
    results, _ = run(text)
    assert rows(results, "index", "scope", "score", "rank") == {("PCI", None, 65.3, 22)}


@pytest.mark.parametrize("printed,expected", [("phương Bến Thành", "phường Bến Thành"), ("xa Tân Lập", "xã Tân Lập"),
                                              ("Thi tran Phố Mới", "thị trấn Phố Mới")])
def test_the_unit_word_of_a_former_unit_is_spelled_out(printed, expected):
    results, _ = run(f"Năm 2024, Chỉ số CCHC của {printed} (cũ) đạt 81,7 điểm.")
    assert rows(results, "scope", "score") == {(f"{expected} (cũ)", 81.7)}


def test_the_body_that_published_a_result_is_not_its_unit():
    text = header("HUYỆN CHƯ PĂH", "Chư Păh") + (
        "Năm 2024, Chỉ số CCHC của huyện được UBND tỉnh Gia Lai công bố đạt 79,15%, xếp thứ 9/17.")
    results, _ = run(text)
    assert rows(results, "scope", "percent", "rank") == {(None, 79.15, 9)}


def test_a_former_unit_opening_the_sentence_holds_for_every_index_in_it():
    text = ("Năm 2024, thị xã Kỳ Anh (cũ) có Chỉ số CCHC đạt 83,02 điểm, Chỉ số SIPAS đạt 86,4% và "
            "Chỉ số DTI đạt 0,611, đứng thứ 2/13 về DTI.")
    results, _ = run(text)
    assert {(r.index, r.scope) for r in results} == {("PAR INDEX", "thị xã Kỳ Anh (cũ)"), ("SIPAS", "thị xã Kỳ Anh (cũ)"),
                                                      ("DTI", "thị xã Kỳ Anh (cũ)")}


def test_a_value_right_before_ve_an_index_is_that_indexs():
    text = ("Năm 2023, tỉnh Hà Giang (cũ) đạt 87,2% về Chỉ số CCHC (xếp thứ 19/63) và 81,06% về Chỉ số SIPAS "
            "(xếp thứ 57/63).")
    results, _ = run(text)
    assert rows(results, "index", "scope", "percent", "rank") == {
        ("PAR INDEX", "tỉnh Hà Giang (cũ)", 87.2, 19), ("SIPAS", "tỉnh Hà Giang (cũ)", 81.06, 57)}


@pytest.mark.parametrize("sentence", [
    "Điểm bình quân Chỉ số SIPAS của các tỉnh năm 2024 là 83,1%.",
    "Chỉ số PAPI trung bình cả nước năm 2024 đạt 42,9 điểm.",
    "Năm 2024, bình quân Chỉ số CCHC của khối sở, ngành là 86,33 điểm."])
def test_an_average_of_other_units_is_not_a_result(sentence):
    results, _ = run("Chỉ số PAPI năm 2024 của tỉnh đạt 44,1 điểm. " + sentence)
    assert rows(results, "index", "score", "percent") == {("PAPI", 44.1, None)}


def test_ranks_in_turn_go_to_the_indices_named_before_them():
    text = ("Năm 2024, Chỉ số PCI đạt 66,8 điểm, Chỉ số PAPI đạt 43,9 điểm và Chỉ số DTI đạt 0,52, "
            "xếp hạng lần lượt là 17/63, 36/63 và 8/63.")
    results, _ = run(text)
    assert rows(results, "index", "rank", "rank_total") == {("PCI", 17, 63), ("PAPI", 36, 63), ("DTI", 8, 63)}


def test_ranks_in_turn_that_do_not_pair_one_to_one_give_no_rank():
    text = "Năm 2024, Chỉ số PCI đạt 66,8 điểm, Chỉ số PAPI đạt 43,9 điểm, xếp hạng lần lượt là 17/63, 36/63 và 8/63."
    results, _ = run(text)
    assert rows(results, "index", "score", "rank") == {("PCI", 66.8, None), ("PAPI", 43.9, None)}


def test_values_in_turn_go_to_the_former_units_named_before():
    text = ("Xã Đại Lộc được thành lập từ xã Đại Hiệp (cũ) và xã Đại Hòa (cũ).\n"
            "Năm 2024, Chỉ số CCHC của xã Đại Hiệp (cũ) đạt 80,4 điểm; xã Đại Hòa (cũ) đạt 78,9 điểm. "
            "Về Chỉ số SIPAS, hai xã đạt lần lượt 88,1% và 86,7%.")
    results, _ = run(text)
    assert rows(results, "index", "scope", "score", "percent") == {
        ("PAR INDEX", "xã Đại Hiệp (cũ)", 80.4, None), ("PAR INDEX", "xã Đại Hòa (cũ)", 78.9, None),
        ("SIPAS", "xã Đại Hiệp (cũ)", None, 88.1), ("SIPAS", "xã Đại Hòa (cũ)", None, 86.7)}


@pytest.mark.parametrize("strip", [False, True])
def test_years_in_turn_each_with_nam(strip):
    text = "Chỉ số PAPI của tỉnh năm 2022 và năm 2023 lần lượt đạt 41,2 điểm và 42,05 điểm; năm 2023 xếp thứ 30/63."
    results, _ = run(unidecode(text) if strip else text)
    assert rows(results, "year", "score", "rank") == {(2022, 41.2, None), (2023, 42.05, 30)}


@pytest.mark.parametrize("word,rank", [("ba", 3), ("hai", 2), ("năm", 5), ("nhất", 1)])
def test_a_rank_in_words(word, rank):
    results, _ = run(f"Năm 2023, Chỉ số hài lòng của người dân đối với sự phục vụ của Sở đạt 90,2%, xếp thứ {word} trong khối.")
    assert rows(results, "index", "percent", "rank") == {("SIPAS", 90.2, rank)}


def test_hang_nam_is_not_a_rank():
    _, targets = run("II. MỤC TIÊU\nĐến năm 2030, Chỉ số CCHC của tỉnh đạt trên 90%; hằng năm tăng ít nhất 01 bậc.")
    assert rows(targets, "metric", "comparator", "value") == {("percent", ">", 90), ("rank_increase", ">=", 1)}


def test_a_rank_range_without_the_number_ranked():
    _, targets = run("II. MỤC TIÊU\n- Chỉ số CCHC năm 2025 của Sở phấn đấu xếp thứ hạng từ 3 đến 6 trong khối sở, ngành.")
    assert rows(targets, "metric", "comparator", "value", "value_max", "out_of") == {("rank", "between", 3, 6, None)}


@pytest.mark.parametrize("verb", ["vươn lên nhóm", "lọt vào nhóm", "thuộc nhóm"])
def test_a_group_goal(verb):
    _, targets = run(f"Năm 2025, phấn đấu Chỉ số CCHC của huyện {verb} 4 đơn vị dẫn đầu tỉnh.")
    assert rows(targets, "year", "metric", "comparator", "value") == {(2025, "rank", "<=", 4)}


@pytest.mark.parametrize("strip", [False, True])
def test_a_part_of_the_index_as_the_subject_of_a_goal(strip):
    text = ("II. MỤC TIÊU\n1. Chỉ số CCHC năm 2025 của tỉnh đạt trên 88%.\n"
            "2. Điểm thẩm định đạt tối thiểu 56/63 điểm.\n")
    _, targets = run(unidecode(text) if strip else text)
    assert ("Điểm thẩm định", "score", ">=", 56, 63) in rows(targets, "component", "metric", "comparator", "value", "out_of")


def test_a_component_name_alone_is_not_a_subject_when_other_words_lead():
    text = "Chỉ số CCHC năm 2024 của tỉnh đạt 88,1%.\nTỷ lệ hồ sơ về cải cách thể chế được số hóa đạt 95%."
    results, _ = run(text)
    assert rows(results, "component", "percent") == {(None, 88.1)}


def test_an_earlier_years_values_in_parentheses_of_the_index_discussed():
    text = ("1. Kết quả Chỉ số CCHC năm 2024\nChỉ số CCHC năm 2024 của Sở đạt 85,6 điểm, xếp thứ 6/18.\n\n"
            "So với năm 2023 (83,1 điểm, xếp thứ 9/18), Sở tăng 3 bậc.")
    results, _ = run(text)
    assert rows(results, "year", "score", "rank") == {(2024, 85.6, 6), (2023, 83.1, 9)}


def test_an_earlier_year_in_parentheses_after_two_indices_is_left_out():
    text = ("Chỉ số CCHC năm 2024 của Sở đạt 85,6 điểm; Chỉ số SIPAS đạt 88,2%.\n\n"
            "So với năm 2023 (83,1 điểm), có cải thiện.")
    results, _ = run(text)
    assert rows(results, "index", "year", "score", "percent") == {("PAR INDEX", 2024, 85.6, None), ("SIPAS", 2024, None, 88.2)}


def test_a_value_ending_a_line_stays_with_its_own_index():
    results, _ = run("- Chỉ số CCHC năm 2024: 85,2 điểm\nChỉ số SIPAS năm 2024: 82,4%;")
    assert rows(results, "index", "score", "percent") == {("PAR INDEX", 85.2, None), ("SIPAS", None, 82.4)}


# phrasings of the twentieth fresh batch (dr_109-114)

def test_an_average_of_a_number_of_units_is_not_a_result():
    results, _ = run("Chỉ số DTI năm 2024 của tỉnh đạt 0,5120 điểm. Điểm trung bình DTI của 34 tỉnh, thành phố là 0,4700 điểm.")
    assert rows(results, "index", "score") == {("DTI", 0.512)}


@pytest.mark.parametrize("strip", [False, True])
def test_so_diem_names_a_bare_score(strip):
    text = "Năm 2023, Chỉ số CCHC của thị xã xếp thứ 4 trên 9 đơn vị với số điểm 79,6."
    results, _ = run(unidecode(text) if strip else text)
    assert rows(results, "score", "rank", "rank_total") == {(79.6, 4, 9)}


def test_a_percentage_right_after_a_factor_name_is_that_factors():
    text = ("Năm 2024, Chỉ số SIPAS của xã đạt 90,4%, trong đó hài lòng về Tiếp cận dịch vụ hành chính công 91,2%, "
            "về Kết quả cung ứng dịch vụ hành chính công 89,5%.")
    results, _ = run(text)
    assert rows(results, "component", "percent") == {(None, 90.4), ("Tiếp cận dịch vụ hành chính công", 91.2),
                                                     ("Kết quả cung ứng dịch vụ hành chính công", 89.5)}


def test_a_percentage_after_a_name_that_is_no_component_is_left_out():
    results, _ = run("Năm 2024, Chỉ số CCHC của xã đạt 84,2 điểm; tỷ lệ hồ sơ giải quyết trực tuyến 76,5%.")
    assert rows(results, "score", "percent") == {(84.2, None)}


def test_a_goal_of_last_year_it_is_compared_with_is_neither_result_nor_target():
    results, targets = run("I. KẾT QUẢ\nChỉ số SIPAS năm 2024 của Sở đạt 87,2%, vượt 2,2% so với chỉ tiêu đề ra (85%).")
    assert rows(results, "percent") == {(87.2,)} and targets == []


def test_the_clause_after_so_voi_nam_khi_is_that_years():
    text = "Năm 2024, Chỉ số CCHC của huyện xếp thứ 5/12, giảm 2 bậc so với năm 2023 khi huyện xếp thứ 3/12 với 86,1 điểm."
    results, _ = run(text)
    assert rows(results, "year", "score", "rank") == {(2024, None, 5), (2023, 86.1, 3)}


# phrasings of the twenty-first fresh batch (dr_115-119)

def test_a_decimal_over_its_maximum_after_la():
    results, _ = run("Năm 2024, Chỉ số DTI của tỉnh là 0,5237/1, xếp thứ 27/63.")
    assert rows(results, "score", "max_score", "rank") == {(0.5237, 1, 27)}


def test_an_integer_over_a_total_after_la_is_no_score():
    results, _ = run("Năm 2024, Chỉ số CCHC của huyện có thứ hạng là 5/13.")
    assert rows(results, "index", "year", "score", "rank", "rank_total") == {("PAR INDEX", 2024, None, 5, 13)}


@pytest.mark.parametrize("said,total", [("xếp thứ hạng không thấp hơn vị trí thứ 4 trong tỉnh", None),
                                        ("xếp thứ 4 trong tổng số 30 đơn vị", 30)])
def test_a_rank_goal_with_trong_after_it(said, total):
    _, targets = run(f"II. MỤC TIÊU\nNăm 2025, Chỉ số CCHC của xã {said}.")
    assert rows(targets, "metric", "comparator", "value", "out_of") == {
        ("rank", "<=" if total is None else "=", 4, total)}


def test_a_year_opening_the_parentheses_of_a_sentence_naming_no_index():
    text = ("Chỉ số CCHC năm 2024 của Sở đạt 86,2 điểm, xếp thứ 7/19.\n"
            "So với năm 2023, Sở tăng 3 bậc (năm 2023 xếp thứ 10/19 với 84,4 điểm).")
    results, _ = run(text)
    assert rows(results, "year", "score", "rank") == {(2024, 86.2, 7), (2023, 84.4, 10)}


def test_values_in_turn_of_years_are_not_given_to_former_units():
    text = ("Xã Đại Lộc được thành lập từ xã Đại Hiệp (cũ) và xã Đại Hòa (cũ).\n"
            "Chỉ số SIPAS của xã lần lượt đạt 88,1% và 86,7% trong năm 2023 và 2024.")
    results, _ = run(text)
    assert rows(results, "index", "scope", "percent") == {("SIPAS", None, 88.1), ("SIPAS", None, 86.7)}


def test_ubnd_of_another_unit_as_the_subject_is_that_unit():
    text = header("TỈNH ĐẮK LẮK", "Đắk Lắk") + "Năm 2024, UBND huyện Krông Pắc có Chỉ số CCHC đạt 88,4 điểm, xếp thứ 2/15."
    results, _ = run(text)
    assert rows(results, "scope", "score") == {("huyện Krông Pắc", 88.4)}


def test_each_year_inside_parentheses_holds_for_its_own_value():
    text = "Chỉ số PAPI của tỉnh cải thiện không đáng kể (năm 2022 đạt 41,06 điểm; năm 2023 đạt 41,9 điểm)."
    results, _ = run(text)
    assert rows(results, "year", "score") == {(2022, 41.06), (2023, 41.9)}


def test_a_former_unit_between_a_component_and_its_value():
    text = ("Năm 2024, Chỉ số CCHC của tỉnh đạt 86,1%. Lĩnh vực Cải cách tài chính công của tỉnh Hà Nam (cũ) "
            "giảm mạnh, chỉ còn 8,2 điểm.")
    results, _ = run(text)
    assert ("Cải cách tài chính công", "tỉnh Hà Nam (cũ)", 8.2) in rows(results, "component", "scope", "score")
