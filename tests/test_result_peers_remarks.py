"""Another unit as a clause's subject, first place said in words (`đứng đầu`), a floor in a remark in
parentheses: shapes of the dr_130-139 batch, written here with other names, with and without marks."""
from __future__ import annotations

import pytest

from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument

DEPARTMENT_HEADER = ("UBND TỈNH BẮC NINH                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "SỞ CÔNG THƯƠNG                        Độc lập - Tự do - Hạnh phúc\n"
                     "Số: 77/KH-SCT                      Bắc Ninh, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
                     "Nâng cao Chỉ số SIPAS năm 2025\nI. KẾT QUẢ NĂM 2024\n")


def run(text: str, form: str = "marks"):
    text = strip_marks(text) if form == "stripped" else text
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return ({(r.index, r.year, r.percent, r.rank) for r in results},
            {(t.index, t.metric, t.comparator, t.value) for t in targets})


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_clause_about_another_department_gives_its_values_not_ours(form):
    text = DEPARTMENT_HEADER + ("Năm 2024, Chỉ số SIPAS của Sở đạt 90,42%, đứng đầu khối cơ quan chuyên môn; "
                                "Sở Giáo dục và Đào tạo xếp thứ hai với 89,70%.\n")
    results, _ = run(text, form)
    assert results == {("SIPAS", 2024, 90.42, 1)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_our_own_department_as_subject_keeps_its_values(form):
    text = DEPARTMENT_HEADER + "Về Chỉ số SIPAS năm 2024, Sở Công Thương đạt 90,42%, xếp thứ 3/19.\n"
    results, _ = run(text, form)
    assert results == {("SIPAS", 2024, 90.42, 3)}


@pytest.mark.parametrize("text", [
    "II. MỤC TIÊU\nNăm 2025, Chỉ số SIPAS xếp hạng trong nhóm 10 cơ quan đứng đầu.\n",
    "Năm 2024, Chỉ số SIPAS của Sở đạt 88,10%; người đứng đầu cơ quan chịu trách nhiệm.\n",
])
def test_dung_dau_of_a_band_or_of_a_head_is_no_first_place(text):
    results, targets = run(DEPARTMENT_HEADER + text)
    assert all(rank != 1 for *_, rank in results) and all(value != 1 for *_, value in targets)


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_floor_in_a_remark_is_neither_goal_nor_value(form):
    text = DEPARTMENT_HEADER + ("Năm 2024, Chỉ số cải cách hành chính của Sở đạt 86,20%. Lĩnh vực Cải cách chế độ công "
                                "vụ đạt tỷ lệ 92,50% (lĩnh vực duy nhất trên 90%).\n")
    results, targets = run(text, form)
    assert targets == set()
    assert {p for _, _, p, _ in results} == {86.2, 92.5}


def test_a_former_department_with_a_long_name_keeps_its_values():
    text = DEPARTMENT_HEADER + ("Về Chỉ số SIPAS năm 2024, Sở Kế hoạch và Đầu tư (cũ) đạt 87,15%, xếp thứ 6/19; Sở Y tế "
                                "đạt 88,40%.\n")
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    assert {(r.scope, r.percent, r.rank) for r in results} == {("Sở Kế hoạch và Đầu tư (cũ)", 87.15, 6)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_ceiling_said_of_results_is_no_value(form):
    text = DEPARTMENT_HEADER.replace("SIPAS", "PAPI") + (
        "Năm 2024, Chỉ số PAPI của tỉnh đạt 42,10 điểm; chỉ số nội dung Quản trị điện tử (PAPI) của tỉnh vẫn dưới "
        "3 điểm.\n")
    results, targets = run(text, form)
    assert {(i, p) for i, _, p, _ in results} == {("PAPI", None)} and targets == set()


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_every_unit_compared_with_keeps_its_value(form):
    text = ("Năm 2023, Chỉ số PCI của tỉnh đạt 70,07 điểm, xếp thứ 8/63, nhưng vẫn thấp hơn Đồng Nai (70,71 điểm) "
            "và Bà Rịa - Vũng Tàu (71,00 điểm).")
    results, _ = run(text, form)
    assert results == {("PCI", 2023, None, 8)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_department_with_a_long_name_compared_with(form):
    text = DEPARTMENT_HEADER + "Năm 2024, Chỉ số SIPAS của Sở đạt 86,90%, xếp thứ 9/19; cao hơn Sở Giáo dục và Đào tạo (85,70%).\n"
    results, _ = run(text, form)
    assert results == {("SIPAS", 2024, 86.9, 9)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
@pytest.mark.parametrize("goal,expected", [
    ("Năm 2026, Chỉ số CCHC xếp hạng trong khoảng 30 - 40/148 xã, phường.", ("PAR INDEX", "rank", "between", 30)),
    ("Năm 2026, thứ hạng PCI nằm trong khoảng 25 - 30/63 tỉnh, thành phố.", ("PCI", "rank", "between", 25)),
    ("Năm 2026, Chỉ số SIPAS của Sở đạt 88% - 90%.", ("SIPAS", "percent", "between", 88)),
])
def test_ranges_said_without_from(form, goal, expected):
    _, targets = run("II. MỤC TIÊU\n" + goal + "\n", form)
    assert targets == {expected}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_trat_tu_is_no_floor(form):
    """`an ninh trật tự` folds to `trat tu`: `tự` is no `từ` (a floor) before the value after it."""
    text = ("Năm 2024, Chỉ số PCI của tỉnh đạt 68,05 điểm. Các chỉ số thành phần năm 2024: Đào tạo lao động 6,80 điểm; "
            "Thiết chế pháp lý và an ninh trật tự 7,25 điểm.")
    results, targets = run(text, form)
    assert targets == set()


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_bullets_former_unit_holds_past_the_units_a_rank_is_among(form):
    text = ("Năm 2024:\n- Phường Lê Lợi (cũ): Chỉ số CCHC đạt 86,40%, xếp thứ 3/9 đơn vị cấp xã của thành phố Kon Tum; "
            "Chỉ số SIPAS đạt 90,15%.\n")
    text = strip_marks(text) if form == "stripped" else text
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    from extract.numbers import fold
    assert {(r.index, fold(r.scope or "")) for r in results} == {("PAR INDEX", "phuong le loi (cu)"),
                                                                  ("SIPAS", "phuong le loi (cu)")}
