"""Results in shapes met in the session-12 work on issue #4 (first-contact misses of the fresh batches, English-OCR
plans above all). Inputs are written here (other units, other numbers than the batches); each case with and without
marks (the rules read folded text; scopes are compared folded)."""
from __future__ import annotations

import pytest

from test_batch250_shapes import FORMS, _folded
from test_result_turns_scope import run


def _plan(unit: str, body: str) -> str:
    return (f"UBND {unit}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 41/KH-UBND\n\nKẾ HOẠCH\n"
            "Nâng cao các chỉ số năm 2025\n\nCăn cứ Quyết định số 12/QĐ-UBND ngày 02/3/2024 của UBND tỉnh;\n\n" + body)


@pytest.mark.parametrize("form", FORMS)
def test_a_move_whose_values_name_their_years_gives_both_years_results(form):
    text = _plan("HUYỆN YÊN THẾ", "I. KẾT QUẢ\nChỉ số CCHC của huyện tăng từ 81,36 điểm năm 2022 lên 84,75 điểm năm "
                 "2023. Chỉ số SIPAS của huyện giảm từ 87,20% (năm 2022) xuống 85,05% (năm 2023).\nII. MỤC TIÊU\n")
    results, targets = run(form(text))
    assert _folded(results, "index", "year", "score", "percent") == {
        ("PAR INDEX", 2022, 81.36, None), ("PAR INDEX", 2023, 84.75, None),
        ("SIPAS", 2022, None, 87.2), ("SIPAS", 2023, None, 85.05)}
    assert not targets  # `từ 81,36` is where the change started, no floor of a goal


@pytest.mark.parametrize("form", FORMS)
def test_a_components_move_between_named_years_gives_both_values(form):
    text = _plan("TỈNH QUẢNG TRỊ", "I. KẾT QUẢ\nNăm 2024, Chỉ số PAPI của tỉnh đạt 42,37 điểm. Chỉ số nội dung Quản trị "
                 "điện tử giảm từ 3,41 điểm (năm 2023) xuống 3,18 điểm (năm 2024), thấp hơn mức trung bình cả nước."
                 "\nII. MỤC TIÊU\n")
    results, targets = run(form(text))
    assert _folded(results, "index", "component", "year", "score") == {
        ("PAPI", None, 2024, 42.37), ("PAPI", "Quan tri dien tu", 2023, 3.41), ("PAPI", "Quan tri dien tu", 2024, 3.18)}
    assert not targets


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("joint", ["; ", ". "])  # in the index's sentence, or in one of its own
def test_a_move_without_years_starts_from_the_year_before(form, joint):
    text = _plan("TỈNH QUẢNG TRỊ", "I. KẾT QUẢ\nNăm 2024, Chỉ số PAPI của tỉnh đạt 42,37 điểm" + joint + "Chỉ số nội dung "
                 "Quản trị điện tử giảm từ 3,41 điểm xuống 3,18 điểm.\nII. MỤC TIÊU\n")
    results, targets = run(form(text))
    assert _folded(results, "index", "component", "year", "score") == {
        ("PAPI", None, 2024, 42.37), ("PAPI", "Quan tri dien tu", 2023, 3.41), ("PAPI", "Quan tri dien tu", 2024, 3.18)}
    assert not targets


@pytest.mark.parametrize("form", FORMS)
def test_the_baseline_of_a_goal_to_rise_is_no_target(form):
    text = _plan("HUYỆN YÊN THẾ", "I. KẾT QUẢ\nNăm 2024, Chỉ số SIPAS của huyện đạt 85,02%.\nII. MỤC TIÊU\nPhấn đấu năm "
                 "2025 Chỉ số SIPAS của huyện tăng từ 85% lên 90%; Chỉ số CCHC đạt từ 88 điểm trở lên.\n")
    _, targets = run(form(text))
    assert _folded(targets, "index", "metric", "comparator", "value") == {
        ("SIPAS", "percent", "=", 90.0), ("PAR INDEX", "score", ">=", 88.0)}
