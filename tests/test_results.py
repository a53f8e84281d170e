"""Index results and targets: sentences and tables written for these tests (not taken from the seeds)."""
from __future__ import annotations

import pytest

from extract.numbers import comparator_near, fold, iso_date, parse_number
from extract.result_prose import prose_values
from extract.result_tables import assign_columns, split_numeric_tail
from extract.results import extract_results_and_targets
from normalize.types import NormalizedDocument


def doc_of(text: str) -> NormalizedDocument:
    return NormalizedDocument.from_pages([(1, text)])


def run(text: str):
    results, targets, warnings = extract_results_and_targets(doc_of(text))
    return results, targets


@pytest.mark.parametrize("token,value", [("9,2779", 9.2779), ("+ 0,13", 0.13), ("85,95", 85.95), ("10", 10.0),
                                         ("- 1,5", -1.5), ("84 ,48", 84.48), ("abc", None)])
def test_decimal_commas(token, value):
    assert parse_number(token) == value


def test_fold_keeps_length_and_strips_marks():
    s = "Chỉ số cải cách hành chính đạt 85,95 điểm"
    assert len(fold(s)) == len(s)
    assert fold(s) == "chi so cai cach hanh chinh dat 85,95 diem"


@pytest.mark.parametrize("before,after,comp", [
    ("phấn đấu đạt ", "% trở lên", ">="), ("tối thiểu ", " điểm", ">="), ("bảo đảm trên ", "% người", ">"),
    ("≥ ", "", ">="), ("đạt ", " điểm", "="), ("không quá ", " ngày", "<=")])
def test_comparators(before, after, comp):
    assert comparator_near(fold(before), fold(after)) == comp


def test_iso_dates():
    assert iso_date("Trước ngày 30/11/2025") == "2025-11-30"
    assert iso_date("ngày 5 tháng 3 năm 2026") == "2026-03-05"
    assert iso_date("31/12 hằng năm") is None
    assert iso_date("31/02/2025") is None  # not a date: never guessed


def test_prose_result_with_diacritics():
    text = ("Năm 2023, Chỉ số cải cách hành chính của tỉnh đạt 88,12/100 điểm, xếp thứ 17/63 tỉnh, thành phố, "
            "tăng 05 bậc so với năm 2022.")
    results, targets = run(text)
    assert len(results) == 1 and not targets  # `tăng 05 bậc` is a change, not a goal
    r = results[0]
    assert (r.index, r.year, r.score, r.max_score, r.rank, r.rank_total) == ("PAR INDEX", 2023, 88.12, 100, 17, 63)


def test_prose_result_without_diacritics_english_ocr():
    text = "Chi s6 PAPI cua tinh nam 2021 dat 43,07/80 diém, xép thir 12/63 tinh, thanh phé."
    results, _ = run(text)
    assert [(r.index, r.year, r.score, r.max_score, r.rank) for r in results] == [("PAPI", 2021, 43.07, 80, 12)]


def test_percent_result_and_scope_of_former_province():
    text = "Chỉ số SIPAS năm 2024 của tỉnh Hà Giang (cũ) đạt 83,5%, đứng thứ 30/63 tỉnh, thành phố."
    results, _ = run(text)
    r = results[0]
    assert (r.index, r.percent, r.rank, r.scope) == ("SIPAS", 83.5, 30, "tỉnh Hà Giang (cũ)")


def test_targets_comparators_in_prose():
    text = ("II. MỤC TIÊU\n"
            "- Phấn đấu Chỉ số SIPAS năm 2026 đạt 85% trở lên.\n"
            "- Chỉ số cải cách hành chính năm 2026 xếp hạng 10 - 15/54 xã, phường.\n"
            "- Chỉ số PAPI năm 2026 tăng ít nhất 03 bậc so với năm 2025.\n")
    _, targets = run(text)
    got = {(t.index, t.metric, t.comparator, t.value, t.value_max, t.out_of, t.year) for t in targets}
    assert ("SIPAS", "percent", ">=", 85, None, None, 2026) in got
    assert ("PAR INDEX", "rank", "between", 10, 15, 54, 2026) in got
    assert ("PAPI", "rank_increase", ">=", 3, None, None, 2026) in got


def test_satisfaction_goal_is_sipas_but_operational_rate_is_not():
    text = ("Phấn đấu bảo đảm trên 92% người dân, tổ chức hài lòng về thủ tục hành chính trong năm 2026. "
            "Bảo đảm 100% hồ sơ được giải quyết đúng hạn.")
    _, targets = run(text)
    assert [(t.index, t.metric, t.comparator, t.value, t.year) for t in targets] == [
        ("SIPAS", "percent", ">", 92, 2026)]


def test_goal_for_a_list_of_components_gives_one_target_each():
    text = ("Phấn đấu Chỉ số PAPI đạt từ 6 điểm trở lên đối với các nội dung: (1) Quản trị môi trường; "
            "(2) Quản trị điện tử; (3) Cung ứng dịch vụ công.")
    _, targets = run(text)
    assert sorted(t.component for t in targets) == ["Cung ứng dịch vụ công", "Quản trị môi trường", "Quản trị điện tử"]
    assert {t.comparator for t in targets} == {">="}


def test_numeric_tail_shapes():
    label, tokens = split_numeric_tail("Cải cách tài chính công 21/63 11,0021 12 + 0,25 ≥ 11,25")
    assert label == "Cải cách tài chính công"
    v = assign_columns(tokens, has_max=True)
    assert (v.rank, v.rank_total, v.score, v.max_score, v.increase, v.target) == (21, 63, 11.0021, 12, 0.25, 11.25)


TEXT_TABLE = """2.1. Về Chỉ số PAR INDEX
STT Lĩnh vực
Năm 2024
Điểm tối đa
Dự kiến tăng điểm năm 2025
Mục tiêu năm 2025
Xếp hạng Điểm
1
Công tác chỉ đạo,
điều hành CCHC
12/34 8,75 9,5 + 0,25 ≥ 9,00
2 Cải cách thủ tục hành chính 20/34 12,10 13 +0,40 ≥ 12,50
Điểm thực hiện 7,2 8 +0,3
Điều tra XHH 4,9 5 + 0,1
3 Cải cách tài chính công 5/34 11,5 12 0,2 ≥ 11,70
II. YÊU CẦU
"""


def test_text_table_rows_wrapped_names_and_sub_rows():
    results, targets = run(TEXT_TABLE)
    by = {(r.component, r.year): r for r in results}
    r = by[("Công tác chỉ đạo, điều hành cải cách hành chính", 2024)]
    assert (r.score, r.max_score, r.rank, r.rank_total) == (8.75, 9.5, 12, 34)
    part = by[("Cải cách thủ tục hành chính - Điều tra xã hội học", 2024)]
    assert (part.score, part.max_score) == (4.9, 5)
    goals = {(t.component, t.metric): t for t in targets}
    t = goals[("Cải cách tài chính công", "score")]
    assert (t.comparator, t.value, t.out_of, t.year) == (">=", 11.7, 12, 2025)
    inc = goals[("Cải cách tài chính công", "score_increase")]
    assert (inc.comparator, inc.value) == ("=", 0.2)


def test_pipe_table_of_percentages_with_scope_from_intro_line():
    text = ("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 12/KH-UBND    An Phú, ngày 3 tháng 2 năm 2025\n\n"
            "Kết quả Chỉ số SIPAS năm 2024 của tỉnh Bình Định và mục tiêu năm 2025:\n"
            "STT | Yếu tố | Kết quả năm 2024 (%) | Mục tiêu năm 2025 (%)\n"
            "1 | Thủ tục hành chính | 84,98 | ≥ 87\n")
    results, targets = run(text)
    assert [(r.index, r.component, r.percent, r.scope, r.year) for r in results] == [
        ("SIPAS", "Thủ tục hành chính", 84.98, "tỉnh Bình Định", 2024)]
    assert [(t.metric, t.comparator, t.value, t.year) for t in targets] == [("percent", ">=", 87, 2025)]


def test_nothing_invented_from_prose_without_values():
    results, targets = run("Nâng cao Chỉ số PAR INDEX, SIPAS, PAPI của tỉnh trong thời gian tới.")
    assert results == [] and targets == []


def test_output_validates_against_contract(validate_plan):
    from extract.schema import Plan, Source

    results, targets = run(TEXT_TABLE)
    plan = Plan(source=Source(file="x.txt", sha256="0" * 64, media_type="text/plain", text_origin="plain_text",
                              diacritics="present"),
                document={}, parent_plan=None, references=[], index_results=results, index_targets=targets,
                tasks=[], warnings=[])
    validate_plan(plan.to_json_dict())


def test_prose_values_returns_evidence_pages():
    doc = NormalizedDocument.from_pages([(1, "Mở đầu."), (2, "Chỉ số PAPI năm 2024 đạt 42,1 điểm.")])
    results, _, _ = prose_values(doc.text, doc.page_of)
    assert results[0].evidence.page == 2
