"""Results in shapes met in the session-9 work on issue #4 (misses left in dr_330-339, then the fresh batches
dr_340-369). Inputs are written here (other units, other numbers than the batches); each case with and without
marks (the rules read folded text; scopes are compared folded)."""
from __future__ import annotations

import pytest

from test_batch250_shapes import FORMS, _folded
from test_result_turns_scope import header, run


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
