"""Results in shapes met in the session-10 work on issue #4 (misses left in dr_370-399, then the fresh batches
dr_400-439). Inputs are written here (other units, other numbers than the batches); each case with and without
marks (the rules read folded text; scopes are compared folded)."""
from __future__ import annotations

import pytest

from test_batch250_shapes import FORMS, _folded
from test_result_turns_scope import run


def _plan(unit: str, title: str, body: str) -> str:
    return (f"UBND {unit}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 41/KH-UBND\n\nKẾ HOẠCH\n{title}\n\n"
            "Căn cứ Quyết định số 12/QĐ-UBND ngày 02/3/2024 của UBND tỉnh;\n\n" + body)


@pytest.mark.parametrize("form", FORMS)
def test_a_year_table_under_a_heading_naming_no_index_takes_the_other_index_of_the_title(form):
    text = _plan("HUYỆN THANH SƠN", "Nâng cao Chỉ số CCHC và Chỉ số hài lòng của huyện Thanh Sơn năm 2024", (
        "I. KẾT QUẢ CÁC NĂM\n| Năm | Điểm | Xếp hạng | Tỷ lệ hài lòng (SIPAS) |\n"
        "| 2022 | 80,31 | 7/13 | 83,6% |\n| 2023 | 82,05 | 6/13 | 85,1% |\nII. MỤC TIÊU\n"))
    results, _ = run(form(text))
    assert _folded(results, "index", "year", "score", "percent", "rank") == {
        ("PAR INDEX", 2022, 80.31, None, 7), ("PAR INDEX", 2023, 82.05, None, 6),
        ("SIPAS", 2022, None, 83.6, None), ("SIPAS", 2023, None, 85.1, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_year_table_naming_no_index_under_a_title_of_one_index_is_that_indexs(form):
    text = _plan("HUYỆN THANH SƠN", "Cải thiện Chỉ số PAPI huyện Thanh Sơn giai đoạn 2024 - 2025", (
        "I. KẾT QUẢ CÁC NĂM\nNăm    Điểm     Xếp hạng\n2022   41,20    9/13\n2023   42,05    8/13\nII. MỤC TIÊU\n"))
    results, _ = run(form(text))
    assert _folded(results, "index", "year", "score", "rank") == {("PAPI", 2022, 41.2, 9), ("PAPI", 2023, 42.05, 8)}


@pytest.mark.parametrize("form", FORMS)
def test_a_year_table_under_a_title_of_two_indices_naming_none_is_left(form):
    text = _plan("HUYỆN THANH SƠN", "Nâng cao Chỉ số CCHC và Chỉ số PAPI của huyện năm 2024", (
        "I. KẾT QUẢ CÁC NĂM\n| Năm | Điểm | Xếp hạng |\n| 2022 | 80,31 | 7/13 |\n| 2023 | 82,05 | 6/13 |\n"
        "II. MỤC TIÊU\n"))
    results, _ = run(form(text))
    assert not [r for r in results if r.score in (80.31, 82.05)]


def _dept(body: str) -> str:
    return _plan("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Nâng cao Chỉ số CCHC của Sở năm 2022", body)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("fields", [
    "- Tổng điểm: 83,71/100.\n- Xếp hạng: 9/21 sở, ban, ngành.\n",
    "- Điểm: 83,71/100.\n- Thứ hạng: 9/21.\n",
    "- Đạt 83,71/100 điểm, xếp thứ 9/21.\n",
])
def test_bullets_that_only_score_or_place_the_index_of_their_lead_in(form, fields):
    text = _dept("I. KẾT QUẢ NĂM 2021\n1. Chỉ số cải cách hành chính của Sở:\n" + fields + "II. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "year", "score", "max_score", "rank", "rank_total") == {
        ("PAR INDEX", 2021, 83.71, 100, 9, 21)}


def test_a_total_over_its_maximum_after_tong_diem_is_read_whole():
    results, _ = run(_dept("I. KẾT QUẢ\nNăm 2021, Chỉ số CCHC của Sở: tổng điểm 83,71/100.\n"))
    assert _folded(results, "score", "max_score") == {(83.71, 100)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("said", [": 80,6%", " là 80,6%"])
def test_a_satisfaction_rate_said_with_a_colon_or_la(form, said):
    text = _dept("I. KẾT QUẢ NĂM 2021\n- Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của Sở"
                 + said + ".\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "year", "percent") == {("SIPAS", 2021, 80.6)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("sentence", [
    "Mức độ hài lòng của người dân đối với ba đơn vị lần lượt là 90,25%, 86,70% và 84,15%.",
    "Tỷ lệ hài lòng bình quân của các sở, ngành tỉnh là 83,2%.",
    "Mức độ hài lòng chung của khối sở, ban, ngành là 88,30%.",
])
def test_a_satisfaction_rate_of_others_said_with_la_is_not_the_plans(form, sentence):
    results, _ = run(form(_dept("I. KẾT QUẢ NĂM 2021\n" + sentence + "\nII. MỤC TIÊU\n")))
    assert not results


@pytest.mark.parametrize("form", FORMS)
def test_component_labels_with_a_colon_before_their_fraction_take_the_heading_year(form):
    text = _dept("I. KẾT QUẢ CÁC CHỈ SỐ NĂM 2021\n1. Chỉ số cải cách hành chính của Sở:\n- Tổng điểm: 83,71/100.\n"
                 "- Các lĩnh vực còn bị trừ nhiều điểm: Cải cách thủ tục hành chính: 10,75/13; Cải cách chế độ công vụ: "
                 "12,25/15.\nII. MỤC TIÊU\n")
    results, _ = run(form(text))
    assert _folded(results, "component", "year", "score", "max_score") == {
        (None, 2021, 83.71, 100), ("Cai cach thu tuc hanh chinh", 2021, 10.75, 13),
        ("Cai cach che do cong vu", 2021, 12.25, 15)}
