"""Findings of a review of the results/targets rules, on sentences written here (each with and without
diacritics): a crash on `lần lượt` without ranks, the issuer's values dropped as peers' or averages, peers'
values taken, invented targets, compound rank words, scopes."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from test_result_turns_scope import header, rows
from test_result_turns_scope import run as run_text

STRIP = [False, True]


def run(text: str, strip: bool = False):
    return run_text(unidecode(text) if strip else text)


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("sentence", [
    "Chỉ số SIPAS của phường lần lượt đạt 88,5% và 91,2%.",
    "Kết quả xếp hạng lần lượt như sau: các chỉ số đều tăng.",
    "Chỉ số PAPI xếp hạng lần lượt tăng.",
    "Chỉ số PAPI không lần lượt tăng.",
    "Các phòng, ban thường lần lượt báo cáo."])
def test_lan_luot_without_a_list_of_ranks_keeps_the_documents_results(sentence, strip):
    results, _ = run("Năm 2024, Chỉ số PCI của tỉnh đạt 66,1 điểm, xếp thứ 21/63. " + sentence, strip)
    assert ("PCI", 2024, 66.1, 21, 63) in rows(results, "index", "year", "score", "rank", "rank_total")
    assert all(r.rank is None for r in results if r.index != "PCI")
