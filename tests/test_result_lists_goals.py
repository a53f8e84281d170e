"""Bullets labelled with former units under an index lead-in, an average of a former unit's bloc,
goals with a sign (`đạt ≥ 90%`) and groups said by the units that lead (`xếp trong 5 cơ quan ...
dẫn đầu`): shapes of the dr_130-139 batch, written here with other names, with and without marks."""
from __future__ import annotations

import pytest

from extract.results import extract_results_and_targets
from extract.numbers import fold
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument


def run(text: str, form: str = "marks"):
    text = strip_marks(text) if form == "stripped" else text
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return ({(r.index, r.year, r.scope, r.percent, r.score, r.rank, r.rank_total) for r in results},
            {(t.index, t.year, t.metric, t.comparator, t.value) for t in targets})


@pytest.mark.parametrize("form", ["marks", "stripped"])
@pytest.mark.parametrize("marker", ["-", "+", "•"])
def test_bullets_labelled_with_former_units_under_an_index_lead_in(form, marker):
    text = (f"Kết quả Chỉ số SIPAS năm 2023 của các phường trước sắp xếp:\n"
            f"{marker} Phường Tân Định (cũ): 91,40%, xếp thứ 2/15;\n"
            f"{marker} Phường Đa Kao (cũ): 88,05%, xếp thứ 7/15;\n"
            f"{marker} Phường Bến Nghé (cũ): 86,90%.\n")
    results, _ = run(text, form)
    # names are read as printed (restoring a stripped text is the normalize stage's job): compare folded
    got = {(fold(r[2]) if r[2] else None, r[3], r[5]) for r in results}
    assert got == {("phuong tan dinh (cu)", 91.4, 2), ("phuong da kao (cu)", 88.05, 7), ("phuong ben nghe (cu)", 86.9, None)}
    assert {r[0] for r in results} == {"SIPAS"} and {r[1] for r in results} == {2023}


def test_bullets_without_an_index_lead_in_give_nothing():
    text = ("Kết quả rà soát hồ sơ của các phường trước sắp xếp:\n"
            "- Phường Tân Định (cũ): 91,40%, xếp thứ 2/15;\n- Phường Đa Kao (cũ): 88,05%.\n")
    assert run(text) == (set(), set())


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_an_average_of_a_former_units_bloc_is_no_result(form):
    text = ("Về Chỉ số SIPAS năm 2024, Sở Tư pháp tỉnh Hà Tây (cũ) đạt 90,10%; bình quân khối sở, ngành "
            "tỉnh Hà Tây (cũ) là 86,75%.")
    results, _ = run(text, form)
    assert {r[3] for r in results} == {90.1}


@pytest.mark.parametrize("form", ["marks", "stripped"])
@pytest.mark.parametrize("sign,comparator", [("≥ ", ">="), ("≥", ">="), (">= ", ">="), ("> ", ">")])
def test_goals_with_a_sign(form, sign, comparator):
    _, targets = run(f"II. MỤC TIÊU\n- Năm 2026, Chỉ số SIPAS đạt {sign}92%.\n- Chỉ số PAPI đạt {sign}44 điểm.\n", form)
    assert targets == {("SIPAS", 2026, "percent", comparator, 92), ("PAPI", 2026, "score", comparator, 44)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_group_said_by_the_units_that_lead(form):
    text = ("II. MỤC TIÊU\nNăm 2025, Chỉ số cải cách hành chính của Sở đạt từ 90% trở lên, phấn đấu xếp\n"
            "trong 5 cơ quan chuyên môn dẫn đầu của tỉnh.\n")
    _, targets = run(text, form)
    assert targets == {("PAR INDEX", 2025, "percent", ">=", 90), ("PAR INDEX", 2025, "rank", "<=", 5)}


def test_a_rank_among_units_is_no_group():
    results, targets = run("Năm 2024, Chỉ số CCHC của tỉnh đạt 88,1 điểm, xếp thứ 5 trong 63 tỉnh, thành phố; "
                           "nằm trong 10 tỉnh dẫn đầu cả nước.")
    assert results == {("PAR INDEX", 2024, None, None, 88.1, 5, 63)} and targets == set()


def test_component_labels_are_no_unit_labels():
    """`quản` folds to `quan` (a district): a bullet labelled with a component keeps its rank."""
    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI tỉnh Sóc Trăng năm 2025\nI. KẾT QUẢ PAPI 2024\n"
            "Điểm tổng hợp PAPI 2024 của tỉnh đạt 41,85 điểm, xếp thứ 47/63. Một số chỉ số nội dung còn thấp:\n"
            "+ Quản trị môi trường: 3,05 điểm (xếp thứ 38/63);\n+ Quản trị điện tử: 2,91 điểm (xếp thứ 45/63).\n")
    results, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))[:2]
    assert {(r.component, r.score, r.rank) for r in results} == {
        (None, 41.85, 47), ("Quản trị môi trường", 3.05, 38), ("Quản trị điện tử", 2.91, 45)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_pillar_scores_listed_one_per_line_without_a_word(form):
    text = ("Năm 2024, Chỉ số DTI của huyện đạt 0,5830 điểm, xếp thứ 3/9 huyện. Theo từng trụ cột:\n"
            "   Chính quyền số        0,6410\n   Kinh tế số            0,4975\n   Xã hội số             0,5502\n")
    results, _ = run(text, form)
    assert {(r[0], r[4], r[5]) for r in results} >= {("DTI", 0.583, 3)}
    got = extract_results_and_targets(NormalizedDocument.from_pages([(1, strip_marks(text) if form == "stripped" else text)]))[0]
    assert {(r.component, r.score) for r in got if r.component} == {
        ("Chính quyền số", 0.641), ("Kinh tế số", 0.4975), ("Xã hội số", 0.5502)}


def test_decimals_listed_for_an_index_not_scored_0_to_1_are_no_scores():
    text = ("Năm 2024, Chỉ số PCI của tỉnh đạt 66,20 điểm. Theo từng chỉ số thành phần (tỷ lệ so với điểm tối đa):\n"
            "   Tiếp cận đất đai        0,64\n   Tính minh bạch          0,59\n")
    got = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))[0]
    assert {(r.component, r.score) for r in got} == {(None, 66.2)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_percentage_right_after_the_index_the_verb_names(form):
    results, _ = run("Năm 2024, xã Tân Lập (cũ) đạt Chỉ số CCHC 83,15%, xếp thứ 6/21 xã, thị trấn của huyện.", form)
    got = {(fold(r[2]), r[3], r[5], r[6]) for r in results}
    assert got == {("xa tan lap (cu)", 83.15, 6, 21)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
@pytest.mark.parametrize("clause", ["Kết quả tự đánh giá Chỉ số CCHC năm 2025 của xã ước đạt 82,5/100 điểm.",
                                    "Chỉ số CCHC năm 2025 của xã ước đạt 82,5/100 điểm."])
def test_an_estimate_is_no_result(form, clause):
    results, targets = run("I. ĐÁNH GIÁ KẾT QUẢ\n" + clause + " Năm 2024, Chỉ số CCHC của xã đạt 80,20 điểm.\n", form)
    assert {(r[0], r[1], r[4]) for r in results} == {("PAR INDEX", 2024, 80.2)} and targets == set()


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_bullets_take_their_lead_ins_index_not_a_siblings(form):
    text = ("Theo kết quả xác định Chỉ số CCHC năm 2024 của các xã, phường thuộc thành phố:\n"
            "- Phường An Hòa (cũ) đạt 85,20 điểm, xếp thứ 6/25; Chỉ số SIPAS đạt 88,50%.\n"
            "- Phường Bình Minh (cũ) đạt 82,15 điểm, xếp thứ 12/25; Chỉ số SIPAS đạt 86,75%.\n")
    results, _ = run(text, form)
    got = {(r[0], fold(r[2]), r[3], r[4], r[5]) for r in results}
    assert got == {("PAR INDEX", "phuong an hoa (cu)", None, 85.2, 6), ("SIPAS", "phuong an hoa (cu)", 88.5, None, None),
                   ("PAR INDEX", "phuong binh minh (cu)", None, 82.15, 12),
                   ("SIPAS", "phuong binh minh (cu)", 86.75, None, None)}
