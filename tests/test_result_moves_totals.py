"""Ranks as plans of the dr_130-139 batch state them: a change from one value to another (the value
after `xuống`/`lên` is the year's, the one after `từ` the earlier ranking's: extract/result_moves.py),
a total said once for a list of ranks, a group goal before `về <index>`. Written here, with and
without marks."""
from __future__ import annotations

import pytest

from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument


def run(text: str):
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return {(r.index, r.year, r.score, r.percent, r.rank, r.rank_total) for r in results}


CASES = [
    ("Năm 2023, Chỉ số cải cách hành chính của huyện đạt 83,56 điểm; so với năm trước, huyện tụt 3 bậc, "
     "từ vị trí thứ 4 xuống vị trí thứ 7 trong 21 đơn vị cấp huyện của tỉnh.",
     {("PAR INDEX", 2023, 83.56, None, 7, 21), ("PAR INDEX", 2022, None, None, 4, 21)}),
    ("Năm 2024, Chỉ số SIPAS của tỉnh đạt 84,12%, tăng 5 bậc so với năm 2022, từ 30/63 lên 25/63.",
     {("SIPAS", 2024, None, 84.12, 25, 63), ("SIPAS", 2022, None, None, 30, 63)}),
    ("Chỉ số PAPI năm 2024 của tỉnh tăng từ 41,20 điểm lên 43,05 điểm.",
     {("PAPI", 2024, 43.05, None, None, None), ("PAPI", 2023, 41.2, None, None, None)}),
]


@pytest.mark.parametrize("text,expected", CASES)
@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_the_value_moved_to_is_the_years(text, expected, form):
    assert run(strip_marks(text) if form == "stripped" else text) == expected


def test_without_a_change_the_from_value_is_untouched():
    # `từ` as a floor of a goal or a plain range is no move
    assert run("Năm 2024, Chỉ số PAR INDEX của tỉnh đạt 86,10 điểm, xếp thứ 12/63.") == {
        ("PAR INDEX", 2024, 86.1, None, 12, 63)}


def _all(text: str):
    return extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_total_said_once_in_parentheses_serves_the_ranks_listed_after_it(form):
    text = ("Về Chỉ số cải cách hành chính năm 2024 (trên tổng số 30 xã, phường của thành phố): phường An Lạc (cũ) "
            "91,20 điểm, hạng 3; phường Tân Phú (cũ) 88,75 điểm, hạng 9.")
    results, _, _ = _all(strip_marks(text) if form == "stripped" else text)
    assert {(r.score, r.rank, r.rank_total) for r in results} == {(91.2, 3, 30), (88.75, 9, 30)}


def test_a_rank_without_a_stated_total_keeps_none():
    results, _, _ = _all("Năm 2024, Chỉ số SIPAS của phường đạt 91,5%, hạng 3 của thành phố.")
    assert {(r.percent, r.rank, r.rank_total) for r in results} == {(91.5, 3, None)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_group_goal_before_the_index_it_is_about(form):
    text = "II. MỤC TIÊU\n2. Năm 2026: phấn đấu vào nhóm 5 xã, phường dẫn đầu tỉnh về Chỉ số cải cách hành chính.\n"
    _, targets, _ = _all(strip_marks(text) if form == "stripped" else text)
    assert {(t.index, t.year, t.metric, t.comparator, t.value) for t in targets} == {("PAR INDEX", 2026, "rank", "<=", 5)}
