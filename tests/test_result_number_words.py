"""Numbers in words where a value stands (extract/number_words.py): goals (`tối thiểu chín mươi điểm`,
`tăng ít nhất một bậc`) and a rank's total (`xếp thứ ba trên tổng số mười đơn vị`). With and without marks."""
from __future__ import annotations

import pytest

from extract.number_words import digits_for_words, words_value
from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument


def run(text: str, form: str):
    text = strip_marks(text) if form == "stripped" else text
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return ({(r.index, r.year, r.score, r.rank, r.rank_total) for r in results},
            {(t.index, t.year, t.metric, t.comparator, t.value) for t in targets})


@pytest.mark.parametrize("words,value", [("chin muoi", 90), ("sau muoi ba", 63), ("muoi lam", 15), ("muoi", 10),
                                         ("hai", 2), ("bay muoi tu", 74)])
def test_words_value(words, value):
    assert words_value(words) == value


def test_offsets_are_kept_and_other_words_left_alone():
    folded = "dat toi thieu chin muoi diem; ba nam gan day; hoi nghi lan thu ba"
    out = digits_for_words(folded)
    assert len(out) == len(folded) and out.startswith("dat toi thieu 90        diem") and out.endswith(folded[29:])


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_goals_in_words(form):
    text = ("II. MỤC TIÊU\n1. Chỉ số cải cách hành chính năm 2025 của huyện đạt tối thiểu tám mươi lăm điểm, tăng ít "
            "nhất hai bậc so với năm 2024.\n")
    _, targets = run(text, form)
    assert targets == {("PAR INDEX", 2025, "score", ">=", 85), ("PAR INDEX", 2025, "rank_increase", ">=", 2)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_rank_and_its_total_in_words(form):
    results, _ = run("Năm 2024, Chỉ số cải cách hành chính của huyện đạt 87,40 điểm, xếp thứ tư trên tổng số mười "
                     "hai đơn vị cấp huyện.", form)
    assert results == {("PAR INDEX", 2024, 87.4, 4, 12)}
