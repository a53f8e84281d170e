"""The scorer on hand-made prediction/gold pairs whose right answers are known."""
from __future__ import annotations

import unicodedata

import pytest

from kehoach.evaluation.items import score_references, score_results, score_targets, score_tasks
from kehoach.evaluation.loading import DocumentPair, LoadedPlan
from kehoach.evaluation.matching import _greedy, match_items
from kehoach.evaluation.scoring import aggregate, score_document
from kehoach.evaluation.text_metrics import score_text
from kehoach.evaluation.textnorm import canonical, folded, similarity


def ref(number, **kw):
    return {"doc_type": "Kế hoạch", "number": number, "date": None, "issuer": None, "subject": None, **kw}


# --- normalisation -------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("hoà", "hòa"), ("Uỷ ban", "Ủy ban"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("hoá", "hóa"),
    ("Văn  hóa,\n Thể thao", "Văn hóa, Thể thao"),
    (unicodedata.normalize("NFD", "Cải thiện"), "Cải thiện"),
])
def test_spellings_that_compare_equal(a, b):
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize("a, b", [("hòa", "hóa"), ("hoa", "hòa"), ("Quý", "Quỳ"), ("người", "ngươi")])
def test_different_words_stay_different(a, b):
    assert canonical(a) != canonical(b)


def test_canonical_is_a_stable_key():
    text = "Quyết định của Ủy ban nhân dân tỉnh Quảng Ngãi về giờ giấc, khuỷu tay, hoàng hôn"
    assert canonical(canonical(text)) == canonical(text)
    assert canonical(text).replace("\u0301", "").count("Quyêt") == 1  # letters kept, tone moved


def test_names_fold_case_and_titles_compare_by_similarity():
    assert folded("SỞ VĂN HOÁ") == folded("Sở Văn hóa")
    assert similarity("Cải thiện chỉ số PAPI năm 2025", "Cai thiện chỉ số PAPI năm 2025") >= 0.9
    assert similarity("Cải thiện chỉ số PAPI", "Kế hoạch phòng chống thiên tai") < 0.5


# --- item lists ----------------------------------------------------------------------

def test_three_of_four_references_found():
    gold = {"references": [ref("1/KH-UBND"), ref("2/QĐ-BNV"), ref("57-NQ/TW"), ref("4/KH-SNV")]}
    pred = {"references": [ref("1/KH-UBND"), ref("2/QĐ-BNV"), ref("57- NQ/TW")]}
    s = score_references("d", gold, pred)
    assert (s.gold, s.pred, s.correct) == (4, 3, 3)
    missing = [d for d in s.disagreements if d.kind == "missing"]
    assert [d.field for d in missing] == ["references[4/KH-SNV]"]


def test_reference_attributes_scored_on_matched_pairs():
    gold = {"references": [ref("1/KH-UBND", date="2025-07-12", issuer="UBND tỉnh Cao Bằng")]}
    pred = {"references": [ref("1/KH-UBND", date="2025-07-13", issuer="Ủy ban nhân dân tỉnh Cao Bằng")]}
    s = score_references("d", gold, pred)
    assert s.correct == 1
    assert s.attributes["references.date"] == [0, 1]
    assert s.attributes["references.issuer"] == [1, 1]  # gold abbreviation expanded
    assert [d.field for d in s.disagreements] == ["references[1/KH-UBND].date"]


def test_result_with_a_wrong_value_is_not_correct():
    g = {"index": "PAR INDEX", "component": "Cải cách thể chế", "year": 2024, "scope": None,
         "score": 8.8974, "rank": 49, "rank_total": 63}
    gold = {"index_results": [g, {**g, "component": "Cải cách TTHC", "score": 9.1}]}
    pred = {"index_results": [{**g, "component": "cải cách thể chế"}, {**g, "component": "Cải cách TTHC", "score": 9.0}]}
    s = score_results("d", gold, pred)
    assert (s.gold, s.pred, s.correct) == (2, 2, 1)
    assert [(d.field, d.expected, d.got) for d in s.disagreements] == [
        ("index_results[PAR INDEX|Cải cách TTHC|2024|].score", "9.1", "9.0")]


def test_result_in_another_year_does_not_match():
    g = {"index": "SIPAS", "component": None, "year": 2024, "scope": None, "percent": 80.1}
    s = score_results("d", {"index_results": [g]}, {"index_results": [{**g, "year": 2023}]})
    assert (s.correct, len(s.disagreements)) == (0, 2)


def test_score_increase_accepts_greater_or_equal():
    t = {"index": "PAR INDEX", "component": "Cải cách thể chế", "year": 2025, "metric": "score_increase",
         "comparator": "=", "value": 0.7875, "value_max": None}
    assert score_targets("d", {"index_targets": [t]}, {"index_targets": [{**t, "comparator": ">="}]}).correct == 1
    s = {**t, "metric": "score", "comparator": ">=", "value": 9.68}
    assert score_targets("d", {"index_targets": [s]}, {"index_targets": [{**s, "comparator": "="}]}).correct == 0


def test_assignment_is_optimal_where_greedy_is_not():
    scores = {("A", "X"): 0.9, ("A", "Y"): 0.85, ("B", "X"): 0.8}
    gold, pred = [{"k": "A"}, {"k": "B"}], [{"k": "X"}, {"k": "Y"}]
    pairs = match_items(gold, pred, lambda g, p: scores.get((g["k"], p["k"])))
    assert pairs == [(0, 1), (1, 0)]
    assert _greedy({(0, 0): 0.9, (0, 1): 0.85, (1, 0): 0.8}) == [(0, 0)]


def task(id_, content, lead=(), deadline=None):
    return {"source": "table", "id": id_, "content": content, "actions": [], "lead": list(lead),
            "partners": [], "deadline": deadline, "deadline_date": None}


def test_tasks_matched_then_lead_and_deadline_accuracy():
    gold = {"tasks": [
        task("1.1", "Nâng cao kiến thức của người dân về quyền tham gia", ["Phòng Văn hóa - Xã hội"], "Thường xuyên"),
        task("1.2", "Công khai danh sách hộ nghèo trên Trang thông tin điện tử", ["UBND xã"], "Quý IV"),
        task("2", "Tăng cường kiểm tra công vụ", ["Sở Nội vụ"]),
    ]}
    pred = {"tasks": [
        task("1.2", "Công khai danh sách hộ nghèo trên Trang thông tin điện tử", ["Văn phòng"], "Quý IV."),
        task("1.1", "Nang cao kien thuc cua nguoi dan ve quyen tham gia", ["phòng văn hóa - xã hội"], "Hằng năm"),
        task("9", "Một nhiệm vụ không có trong kế hoạch gốc về du lịch", []),
    ]}
    s = score_tasks("d", gold, pred)
    assert (s.gold, s.pred, s.correct) == (3, 3, 2)
    assert s.attributes["tasks.lead"] == [1, 2]
    assert s.attributes["tasks.deadline"] == [1, 2]
    kinds = sorted(d.kind for d in s.disagreements)
    assert kinds == ["mismatch", "mismatch", "mismatch", "missing", "spurious"]


# --- documents and aggregate ---------------------------------------------------------

GOLD = {
    "document": {"doc_type": "Kế hoạch", "number": "114/KH-SVHTTDL", "title": "Cải thiện các Chỉ số PAPI năm 2025",
                 "issue_date": "2025-07-18", "issue_place": "Cao Bằng",
                 "issuer": {"name": "Sở Văn hoá, Thể thao và Du lịch", "superior": "UBND tỉnh Cao Bằng",
                            "level": "department", "province": "Cao Bằng"},
                 "signer": {"name": None, "position": "KT. GIÁM ĐỐC"}, "indices": ["PAPI"],
                 "period": {"from_year": 2025, "to_year": 2025}},
    "parent_plan": None, "references": [ref("2163/KH-UBND")], "index_results": [], "index_targets": [], "tasks": [],
}


def _pred(**changes):
    import copy

    plan = copy.deepcopy(GOLD)
    plan["document"]["issuer"]["superior"] = "Ủy ban nhân dân tỉnh Cao Bằng"
    plan["document"]["issuer"]["name"] = "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    for path, value in changes.items():
        obj = plan
        *head, last = path.split("__")
        for key in head:
            obj = obj[key]
        obj[last] = value
    return plan


def test_a_perfect_prediction_scores_one_everywhere():
    doc = score_document(DocumentPair("d", GOLD, {}, LoadedPlan(_pred(), "ok")))
    assert all(doc.fields.values()) and doc.disagreements == []
    summary = aggregate([doc])
    assert summary["fields.accuracy"] == 1.0 and summary["items.references.f1"] == 1.0


def test_scalar_field_errors_are_listed():
    pred = _pred(document__issue_date="2025-07-17", document__indices=["PAPI", "SIPAS"])
    doc = score_document(DocumentPair("d", GOLD, {}, LoadedPlan(pred, "ok")))
    wrong = sorted(k for k, ok in doc.fields.items() if not ok)
    assert wrong == ["document.indices", "document.issue_date"]
    assert aggregate([doc])["field.document.issue_date.accuracy"] == 0.0


def test_missing_prediction_is_wrong_everywhere_and_listed():
    doc = score_document(DocumentPair("d", GOLD, {}, LoadedPlan({}, "missing", ["no prediction file d.json"])))
    assert not any(doc.fields.values())  # even signer.name, null in gold
    assert doc.disagreements[0].kind == "unreadable"
    summary = aggregate([doc])
    assert summary["predictions_unreadable"] == 1 and summary["items.references.recall"] == 0.0


def test_gold_meta_limits_the_scored_parts():
    meta = {"complete": ["document.number", "references"]}
    doc = score_document(DocumentPair("d", GOLD, meta, LoadedPlan(_pred(document__title="x"), "ok")))
    assert list(doc.fields) == ["document.number"]
    assert list(doc.items) == ["references"]


def test_word_and_character_error_rates():
    gold = "Kế hoạch số 114\nCải thiện chỉ số"
    assert score_text(gold, "Kế  hoạch số 114 Cải thiện chỉ số").wer == 0.0
    one_wrong = score_text(gold, "Kế hoach số 114 Cải thiện chỉ số")
    assert one_wrong.wer == pytest.approx(1 / 8)
    assert one_wrong.cer == pytest.approx(1 / len(canonical("Kế hoạch số 114 Cải thiện chỉ số")))
    assert score_text("Sở Văn hóa, Ủy ban", "Sở Văn hoá, Uỷ ban").wer == 0.0  # tone position only
    assert score_text(gold, "").wer == 1.0


def test_same_number_references_are_told_apart_by_date():
    gold = {"references": [ref("26/CT-TTg", date="2016-09-05"), ref("26/CT-TTg", date="2023-10-20")]}
    pred = {"references": [ref("26/CT-TTg", date="2023-10-20"), ref("26/CT-TTg", date="2016-09-05")]}
    s = score_references("d", gold, pred)
    assert s.correct == 2 and s.attributes["references.date"] == [2, 2]


def test_task_ids_count_only_within_the_same_index():
    content = "Tuyên truyền nâng cao nhận thức của người dân"
    gold = {"tasks": [{**task("1.1", content, ["Văn phòng"]), "index": "PAPI"},
                      {**task("1.1", content, ["Phòng Nội vụ"]), "index": "SIPAS"}]}
    pred = {"tasks": [{**task("1.1", content, ["Phòng Nội vụ"]), "index": "SIPAS"}]}
    s = score_tasks("d", gold, pred)
    assert s.correct == 1 and s.attributes["tasks.lead"] == [1, 1]


def test_line_joins_at_a_hyphen_are_not_word_errors():
    gold = "các Chỉ số PAR-\nINDEX, SIPAS và Nghị quyết số\n 57- NQ/TW; kinh tế - xã hội"
    assert score_text(gold, "các Chỉ số PAR-INDEX, SIPAS và Nghị quyết số 57-NQ/TW; kinh tế - xã hội").wer == 0.0
    assert score_text(gold, "các Chỉ số PAR-INDEX, SIPAS và Nghị quyết số 57-NQ/TW; kinh tế -xã hội").wer > 0


def test_results_are_also_counted_per_index():
    g = {"index": "SIPAS", "component": None, "year": 2024, "scope": None, "percent": 80.1}
    h = {"index": "PAPI", "component": None, "year": 2024, "scope": None, "score": 44.31}
    s = score_results("d", {"index_results": [g, h]}, {"index_results": [g, {**h, "score": 44.0}]})
    assert s.by_index == {"SIPAS": [1, 1, 1], "PAPI": [1, 1, 0]}


def test_text_confusions_are_counted_as_printed():
    s = score_text("Sở Nội vụ của tỉnh, Sở Tư pháp", "S& Nội vụ cua tỉnh, S& Tư pháp thêm")
    assert s.confusions == {("substitute", "Sở", "S&"): 2, ("substitute", "của", "cua"): 1,
                            ("insert", "", "thêm"): 1}
