"""Components printed in a short form that opens its own segment (a label, a list item, after a cue):
`Tính năng động` (PCI `Tính năng động của chính quyền tỉnh`), `Chính phủ điện tử, Chính phủ số` (PAR
INDEX field), `Công chức giải quyết công việc` (SIPAS factor, a word left out). With and without marks."""
from __future__ import annotations

import pytest

from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument


def components(text: str, form: str):
    text = strip_marks(text) if form == "stripped" else text
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    return {(r.component, r.score or r.percent) for r in results if r.component}, targets


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_pci_components_listed_by_their_short_names(form):
    text = ("Năm 2024, Chỉ số PCI của tỉnh đạt 68,40 điểm. Các chỉ số thành phần năm 2024: Tiếp cận đất đai 6,30 "
            "điểm; Tính năng động 6,95 điểm; Hỗ trợ doanh nghiệp 6,12 điểm; Đào tạo lao động 6,70 điểm.")
    got, _ = components(text, form)
    assert got == {("Tiếp cận đất đai", 6.3), ("Tính năng động của chính quyền tỉnh", 6.95),
                   ("Dịch vụ hỗ trợ doanh nghiệp", 6.12), ("Đào tạo lao động", 6.7)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_papi_and_sipas_labels(form):
    text = ("Năm 2024, Chỉ số PAPI của tỉnh đạt 43,10 điểm, trong đó:\n- Kiểm soát tham nhũng: 6,40 điểm;\n"
            "- Trách nhiệm giải trình: 4,15 điểm.\nChỉ số SIPAS của tỉnh đạt 86,20%, cụ thể theo các yếu tố:\n"
            "a) Công chức giải quyết công việc: 87,10%;\nb) Kết quả cung ứng dịch vụ: 85,40%.\n")
    got, _ = components(text, form)
    assert got == {("Kiểm soát tham nhũng trong khu vực công", 6.4), ("Trách nhiệm giải trình với người dân", 4.15),
                   ("Công chức trực tiếp giải quyết công việc", 87.1),
                   ("Kết quả cung ứng dịch vụ hành chính công", 85.4)}


@pytest.mark.parametrize("form", ["marks", "stripped"])
def test_a_field_after_its_cue(form):
    got, _ = components("Năm 2024, Chỉ số CCHC của tỉnh đạt 88,10%. Lĩnh vực Chính phủ điện tử, Chính phủ số đạt "
                        "11,42/13,5 điểm.", form)
    assert got == {("Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", 11.42)}


def test_an_operational_rate_inside_a_sentence_gets_no_component():
    got, _ = components("Năm 2024, Chỉ số CCHC của tỉnh đạt 88,10%; tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt "
                        "99,5%.", "marks")
    assert got == set()


def test_a_part_of_the_score_named_short_leaves_the_rank_to_the_index():
    """Seed 004: `điểm tác động phát triển kinh tế - xã hội 13 5,357 điểm, xếp thứ 26/63` (the score garbled by
    OCR): short forms are matched against official components only, not against parts of the score."""
    text = ("Chỉ số cải cách hành chính của tỉnh Hà Tây (cũ) đạt 88,10 điểm; trong đó điểm thẩm định đạt 57,00/67 "
            "điểm; điểm tác động phát triển kinh tế - xã hội 13 5,357 điểm, xếp thứ 26/63 tỉnh, thành phố.")
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    assert {(r.component, r.rank) for r in results if r.rank} == {(None, 26)}


def test_components_listed_before_a_shared_goal_keep_their_so():
    """`Trụ cột Kinh tế số và Xã hội số tăng tối thiểu 03 bậc`: `số` ends a pillar's name, it is no `chỉ số`."""
    text = ("II. MỤC TIÊU\nNăm 2025, Chỉ số DTI của tỉnh xếp trong nhóm 20 tỉnh dẫn đầu. Trụ cột Kinh tế số và Xã hội số "
            "tăng tối thiểu 03 bậc so với năm 2024.\n")
    _, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    assert {(t.component, t.metric) for t in targets if t.component} == {("Kinh tế số", "rank_increase"),
                                                                         ("Xã hội số", "rank_increase")}
