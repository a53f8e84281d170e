"""Shapes of the dr_150-159 batch, written here with other names (with and without marks): a National
Assembly resolution number with its term (`202/2025/QH15`), a task section headed `NHIỆM VỤ VÀ TỔ CHỨC THỰC
HIỆN`, the PAR INDEX field under its pre-2022 name (`Hiện đại hóa hành chính`), the leader of a ranking named
after `là` (`đơn vị dẫn đầu là Sở Tư pháp với 92,10 điểm`)."""
from __future__ import annotations

import pytest

from extract.components import match_component
from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument
from test_references import _refs
from test_tasks import doc_of
from extract.tasks import extract_tasks

FORMS = [lambda t: t, strip_marks]


@pytest.mark.parametrize("form", FORMS)
def test_a_resolution_number_with_the_legislatures_term(form):
    text = "Căn cứ Nghị quyết số 1656/2025/NQ-UBTVQH15 và Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội.\n"
    _, _, refs, _ = _refs(form(text))
    assert {r.number for r in refs} >= {"202/2025/QH15"}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("heading", ["III. NHIỆM VỤ VÀ TỔ CHỨC THỰC HIỆN", "IV. NHIỆM VỤ, GIẢI PHÁP VÀ TỔ CHỨC THỰC HIỆN"])
def test_a_task_section_with_more_words_in_its_heading(form, heading):
    text = form(f"KẾ HOẠCH\nNâng cao Chỉ số CCHC\n{heading}\n1. Văn phòng Sở: Theo dõi, tổng hợp kết quả.\n"
                "2. Thanh tra Sở chủ trì kiểm tra công vụ.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert [(t.id, len(t.lead)) for t in tasks] == [("1", 1), ("2", 1)]


def test_a_numbered_item_about_implementation_is_no_task_section():
    text = ("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Nâng cao chất lượng tổ chức thực hiện dân chủ ở cơ sở.\n"
            "V. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở: Theo dõi, tổng hợp kết quả.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert [t.id for t in tasks] == ["1"] and tasks[0].lead == ["Văn phòng Sở"]


def test_the_old_name_of_the_digital_government_field():
    assert match_component("Hiện đại hóa hành chính", "PAR INDEX")[0] == "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số"


@pytest.mark.parametrize("form", FORMS)
def test_the_leader_named_after_la_is_another_unit(form):
    header = ("UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 12/KH-SNV          Hà Tĩnh, ngày 2 tháng 3 năm 2025\n\nKẾ HOẠCH\n")
    text = header + ("Năm 2024, Chỉ số CCHC của Sở Nội vụ đạt 88,56/100 điểm, xếp thứ 4/18; đơn vị dẫn đầu là Sở Tư "
                     "pháp với 92,10 điểm.\n")
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, form(text))]))
    assert {(r.score, r.rank) for r in results} == {(88.56, 4)}


@pytest.mark.parametrize("form", FORMS)
def test_every_value_in_a_compared_units_parentheses(form):
    header = ("ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSố: 7/KH-UBND          Gia Lai, ngày 2 tháng 9 năm 2025\n\nKẾ HOẠCH\n")
    text = header + ("Năm 2024, Chỉ số cải cách hành chính của tỉnh Bình Định (cũ) đạt 86,15%, xếp thứ 33/63; cao hơn "
                     "mức trung bình cả nước (85,63%) nhưng thấp hơn thành phố Đà Nẵng (91,37%, xếp thứ 3/63).\n")
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, form(text))]))
    assert {(r.percent, r.rank) for r in results} == {(86.15, 33)}


@pytest.mark.parametrize("form", FORMS)
def test_the_index_said_again_without_its_name(form):
    text = ("Năm 2021, Chỉ số CCHC của huyện đạt 82,14 điểm, xếp thứ 8/10. Năm 2022, Chỉ số đạt 84,93 điểm, xếp thứ "
            "6/10, tăng 02 bậc. Các chỉ số đạt kết quả khá.")
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, form(text))]))
    assert {(r.index, r.year, r.score, r.rank) for r in results} == {("PAR INDEX", 2021, 82.14, 8),
                                                                      ("PAR INDEX", 2022, 84.93, 6)}


def test_a_bare_index_without_a_named_one_before_gives_nothing():
    results, _, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, "Năm 2022, Chỉ số đạt 84,93 điểm.")]))
    assert results == []


@pytest.mark.parametrize("form", FORMS)
def test_a_roadmap_whose_header_names_no_index_takes_its_lead_ins(form):
    text = ("II. MỤC TIÊU\nLộ trình nâng cao thứ hạng Chỉ số SIPAS của xã như sau:\n| Năm  | Tỷ lệ hài lòng (%) | Thứ hạng |\n"
            "| 2026 | từ 88% trở lên | trong nhóm 10/40 |\n| 2027 | từ 90% trở lên | trong nhóm 08/40 |\n")
    _, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, form(text))]))
    assert {(t.index, t.year, t.metric, t.comparator, t.value, t.out_of) for t in targets} == {
        ("SIPAS", 2026, "percent", ">=", 88, None), ("SIPAS", 2026, "rank", "<=", 10, 40),
        ("SIPAS", 2027, "percent", ">=", 90, None), ("SIPAS", 2027, "rank", "<=", 8, 40)}


def test_a_year_table_without_an_index_anywhere_gives_nothing():
    text = "Kết quả giải quyết hồ sơ như sau:\n| Năm | Số hồ sơ | Tỷ lệ |\n| 2024 | từ 100 trở lên | trong nhóm 5 |\n"
    _, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, text)]))
    assert targets == []


@pytest.mark.parametrize("form", FORMS)
def test_a_goal_for_the_factors_listed_after_it(form):
    text = ("II. MỤC TIÊU\n1. Năm 2026, Chỉ số SIPAS của xã đạt từ 88% trở lên.\n2. Phấn đấu đạt từ 85% trở lên đối "
            "với các yếu tố: (1) Thủ tục hành chính; (2) Công chức trực tiếp giải quyết công việc.\n"
            "3. Phấn đấu đạt 100% hồ sơ đúng hạn.\n")
    _, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, form(text))]))
    assert {(t.component, t.value) for t in targets} == {(None, 88), ("Thủ tục hành chính", 85),
                                                         ("Công chức trực tiếp giải quyết công việc", 85)}


@pytest.mark.parametrize("form", FORMS)
def test_a_satisfaction_goal_for_the_components_of_the_index_its_list_names(form):
    text = ("II. MỤC TIÊU\n1. Phấn đấu mức độ hài lòng của người dân đạt từ 80% trở lên đối với các nội dung PAPI: "
            "(1) Công khai, minh bạch trong việc ra quyết định ở địa phương; (2) Thủ tục hành chính công.\n"
            "2. Phấn đấu mức độ hài lòng của người dân đạt từ 85% trở lên đối với các nội dung: (1) Tiếp cận dịch vụ "
            "hành chính công; (2) Thủ tục hành chính.\n")
    _, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, form(text))]))
    assert {(t.index, t.component, t.value) for t in targets} == {
        ("PAPI", "Công khai, minh bạch trong việc ra quyết định ở địa phương", 80), ("PAPI", "Thủ tục hành chính công", 80),
        ("SIPAS", "Tiếp cận dịch vụ hành chính công", 85), ("SIPAS", "Thủ tục hành chính", 85)}
