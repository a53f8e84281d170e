"""Items that share a key (index, metric, year, component) and differ only in value must not be
paired crosswise: a pair that agrees in value wins the assignment."""
from __future__ import annotations

from kehoach.evaluation.items import score_results, score_targets


def _target(value, comparator=">=", component=None):
    return {"index": "PAR INDEX", "component": component, "year": 2025, "metric": "score",
            "comparator": comparator, "value": value, "value_max": None, "out_of": None}


def test_targets_sharing_a_key_pair_by_value():
    gold = {"index_targets": [_target(80), _target(90), _target(95, ">")]}
    pred = {"index_targets": [_target(95, ">"), _target(90), _target(80)]}
    s = score_targets("d", gold, pred)
    assert (s.gold, s.pred, s.correct) == (3, 3, 3)
    assert not s.disagreements


def test_one_wrong_value_costs_one_item_only():
    gold = {"index_targets": [_target(80), _target(90)]}
    pred = {"index_targets": [_target(91), _target(80)]}
    s = score_targets("d", gold, pred)
    assert s.correct == 1
    assert [d.field for d in s.disagreements] == ["index_targets[PAR INDEX||score|2025].value"]


def test_results_sharing_a_key_pair_by_value():
    def r(score, rank):
        return {"index": "PAPI", "component": None, "year": 2024, "scope": None, "score": score,
                "max_score": None, "percent": None, "rank": rank, "rank_total": 63}
    gold = {"index_results": [r(42.1, 30), r(43.5, 20)]}
    pred = {"index_results": [r(43.5, 20), r(42.1, 30)]}
    assert score_results("d", gold, pred).correct == 2


def test_component_still_decides_the_pair():
    gold = {"index_targets": [_target(9.5, component="Cải cách thể chế")]}
    pred = {"index_targets": [_target(9.5, component="Cải cách tài chính công")]}
    s = score_targets("d", gold, pred)
    assert s.correct == 0 and len(s.disagreements) == 2
