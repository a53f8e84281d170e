"""NER: the silver annotator, the hand-check set, and the trained model when it has been built."""
from __future__ import annotations

import pytest

from extract import ner
from models.ner.annotate import annotate
from models.ner.build import handcheck, strip_marks


def labelled(text, facts=None):
    return [(text[a:b], lab) for a, b, lab in annotate(text, facts)]


def test_annotator_labels_each_kind():
    text = ("Căn cứ Quyết định số 412/QĐ-UBND ngày 3/4/2024 của Ủy ban nhân dân tỉnh Lạng Sơn, "
            "Sở Giáo dục và Đào tạo phối hợp với Công an huyện tại xã Tân Thanh trong Quý II/2025.")
    got = labelled(text)
    assert ("412/QĐ-UBND", "DOC_REF") in got
    assert ("ngày 3/4/2024", "DATE") in got and ("Quý II/2025", "DATE") in got
    assert ("Sở Giáo dục và Đào tạo", "ORG") in got
    assert ("Ủy ban nhân dân tỉnh Lạng Sơn", "ORG") in got
    assert ("xã Tân Thanh", "LOC") in got


def test_annotator_facts_win_and_names_stop_before_function_words():
    got = labelled("Đề nghị Báo Lạng Sơn đưa tin về Kế hoạch", {"PERSON": []})
    assert ("Báo Lạng Sơn", "ORG") in got
    got = labelled("Nguyễn Văn An ký ban hành", {"PERSON": ["Nguyễn Văn An"]})
    assert got == [("Nguyễn Văn An", "PERSON")]


def test_strip_marks_keeps_offsets():
    s = "Sở Tư pháp, ngày 12/7/2025"
    assert strip_marks(s) == "So Tu phap, ngay 12/7/2025" and len(strip_marks(s)) == len(s)


def test_handcheck_markup_parses():
    items = list(handcheck())
    assert len(items) >= 25
    for text, spans in items:
        assert "](" not in text
        for a, b, lab in spans:
            assert 0 <= a < b <= len(text) and lab in ("ORG", "LOC", "PERSON", "DATE", "DOC_REF")


@pytest.mark.slow
@pytest.mark.skipif(not ner.available(), reason="NER model not built (make models)")
def test_model_finds_agencies_and_splits_a_lead_list():
    text = "Giám đốc Sở Tài chính, Thủ trưởng Công an tỉnh và Ban Quản lý dự án tỉnh tiếp tục rà soát các nhiệm vụ."
    labels = {lab for _, _, lab in ner.entities(text)}
    assert "ORG" in labels
    found = ner.leading_agencies("Sở Tài chính, Công an tỉnh tiếp tục rà soát")
    assert found is not None and found[0][:2] == ["Sở Tài chính", "Công an tỉnh"]
