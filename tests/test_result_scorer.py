"""The learned result scorer (models/result_scorer): candidates, features, labels, recovery."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from models.result_scorer.data import Plan, batch_of, evidence_spans, label_plan
from models.result_scorer.features import candidates, document_context, features
from models.result_scorer.recover import recovered, with_recovered
from models.result_scorer.scorer import load_model, probability

SENTENCE = "Năm 2024, Chỉ số PCI của tỉnh đạt {score} điểm, xếp thứ {rank}/63."


def _result(**kw):
    base = {"index": "PCI", "component": None, "year": 2024, "scope": None, "score": None, "max_score": None,
            "percent": None, "rank": None, "rank_total": None, "evidence": None}
    return {**base, **kw}


def _plan(text, results=(), gold=(), targets=()):
    plan = Plan("p", "b", text, list(results), list(targets), list(gold), [])
    label_plan(plan)
    return plan


@pytest.mark.parametrize("score,rank", [(66.2, 26), (71.05, 3), (58.9, 60)])
def test_candidates_read_values_totals_and_percents(score, rank):
    text = SENTENCE.format(score=str(score).replace(".", ","), rank=rank) + " Tỷ lệ đạt 91,5%."
    got = [(c.value, c.total, c.percent) for c in candidates(text)]
    assert got == [(2024, None, False), (score, None, False), (rank, 63, False), (91.5, None, True)]


def test_document_numbers_are_no_candidates():
    assert candidates("Kế hoạch số 123/KH-UBND của UBND tỉnh") == []


def test_features_are_the_same_without_diacritics():
    text = "Chỉ số SIPAS năm 2024 của tỉnh đạt 80,12%, thấp hơn mức trung bình cả nước (82,65%), xếp thứ 50/63."
    for t in (text, unidecode(text)):
        ctx = document_context(t)
        average = [features(t, ctx, i) for i, c in enumerate(ctx["cands"]) if c.value == 82.65][0]
        assert "cue_before=average" in average and "pct" in average and "index=SIPAS" in average
    assert [features(text, document_context(text), i) for i in range(4)] == \
        [features(unidecode(text), document_context(unidecode(text)), i) for i in range(4)]


def test_labels_unique_value_positive_repeated_value_ambiguous_other_negative():
    text = SENTENCE.format(score="66,2", rank=26) + " Năm 2023 tỉnh xếp thứ 26/63, trung bình cả nước 64,1 điểm."
    plan = _plan(text, gold=[_result(score=66.2, rank=26, rank_total=63)])
    by_value = {}
    for c, label in zip(plan.cands, plan.labels):
        by_value.setdefault(c.value, []).append(label)
    assert by_value[66.2] == [1] and by_value[26] == [None, None] and by_value[64.1] == [0] and by_value[2024] == [0]


def test_rule_evidence_places_a_repeated_value():
    text = SENTENCE.format(score="66,2", rank=26) + "\nNăm 2023 tỉnh xếp thứ 26/63."
    gold = _result(score=66.2, rank=26, rank_total=63)
    output = {**gold, "evidence": {"page": 1, "text": " ".join(text.split("\n")[0].split())}}
    plan = _plan(text, results=[output], gold=[gold])
    assert [lab for c, lab in zip(plan.cands, plan.labels) if c.value == 26] == [1, None]


def test_evidence_of_a_table_row_is_found_without_its_bars():
    text = "| 1 | Thủ tục hành chính | 86,45 | ≥ 88 |"
    assert evidence_spans(text, {"text": "1 Thủ tục hành chính 86,45 ≥ 88"}) == [(2, len(text) - 2)]


def test_batches_follow_the_documented_ranges():
    assert [batch_of(n) for n in (1, 12, 13, 44, 45, 129)] == \
        ["dr_01-12", "dr_01-12", "dr_13-17", "dr_41-44", "dr_45-52", "dr_125-129"]


def test_shipped_model_prefers_a_value_over_a_year_and_an_average():
    model = load_model()
    text = ("Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2025. " + SENTENCE.format(score="66,2", rank=26)
            + " Điểm trung bình cả nước là 64,10 điểm.")
    ctx = document_context(text)
    p = {c.value: probability(model, features(text, ctx, i)) for i, c in enumerate(ctx["cands"])}
    assert 15 not in p and 10 not in p  # a document number and a date are no candidates
    assert p[66.2] > 0.5 > p[2024]
    assert p[66.2] > p[64.1]


def test_recovered_builds_one_result_per_clause_and_leaves_goals():
    text = SENTENCE.format(score="66,2", rank=26) + "\nPhấn đấu năm 2026 Chỉ số PCI đạt 70 điểm."
    plan = _plan(text)
    added = recovered(plan, [1.0] * len(plan.cands), 0.8)
    assert [(a["index"], a["year"], a["score"], a["rank"], a["rank_total"]) for a in added] == \
        [("PCI", 2024, 66.2, 26, 63)]
    assert recovered(plan, [0.1] * len(plan.cands), 0.8) == []


def test_recovered_skips_values_the_rules_hold():
    text = SENTENCE.format(score="66,2", rank=26)
    rule = _result(score=66.2, rank=26, rank_total=63, evidence={"text": text})
    plan = _plan(text, results=[rule])
    assert recovered(plan, [1.0] * len(plan.cands), 0.8) == []


def test_with_recovered_fills_missing_fields_and_rules_win_conflicts():
    rule = _result(score=66.2)
    assert with_recovered([rule], [_result(rank=26, rank_total=63)]) == [_result(score=66.2, rank=26, rank_total=63)]
    assert with_recovered([rule], [_result(score=60.0, rank=26)]) == [rule]
    other_year = _result(year=2023, score=60.0)
    assert with_recovered([rule], [other_year]) == [rule, other_year]


def test_training_is_deterministic():
    pytest.importorskip("sklearn")
    from models.result_scorer.build import train
    rows = [{"a": 1, "b": 1}, {"a": 1}, {"c": 1}, {"b": 1, "c": 1}] * 5
    labels = [1, 1, 0, 0] * 5
    first, second = train(rows, labels), train(rows, labels)
    assert first == second and first["weights"]["a"] > 0 > first["weights"]["c"]


def test_auc_counts_ties_half():
    from scripts.eval_result_scorer import auc
    assert auc([(0.9, 1), (0.1, 0)]) == 1.0
    assert auc([(0.5, 1), (0.5, 0)]) == 0.5
    assert auc([(0.2, 1), (0.8, 0), (0.6, 1)]) == 0.0
    assert auc([(0.2, 1), (0.8, 1), (0.6, 0)]) == 0.5


def test_filter_drops_low_scored_outputs_and_keeps_unplaced_ones():
    from scripts.eval_result_scorer import filtered
    text = SENTENCE.format(score="66,2", rank=26)
    placed = _result(score=66.2, evidence={"text": text})
    unplaced = _result(year=2023, rank=5, evidence={"text": "xếp thứ năm"})
    plan = _plan(text, results=[placed, unplaced])
    low = [0.1] * len(plan.cands)
    assert filtered(plan, [placed, unplaced], low, 0.3, "max") == [unplaced]
    assert filtered(plan, [placed, unplaced], [0.9] * len(plan.cands), 0.3, "max") == [placed, unplaced]
