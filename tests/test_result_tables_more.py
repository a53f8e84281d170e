"""Results tables flattened to text, shapes of the fresh batch dr_140-149 (issue #4): a goal cell in words
(`Giữ vững`) that must not pull the next row's numbers in, a roadmap with one row per year and goal cells
(`≥ 71,5`, `Top 3`, `Dẫn đầu`), an appendix table of tasks whose rows are no results. Tables are built here
(other names, indices, years and columns than the batch), each with and without diacritics."""
from __future__ import annotations

import pytest

from extract.result_year_rows import year_row_targets
from extract.results import extract_results_and_targets
from kehoach.synth.lossy_text import strip_marks
from normalize.types import NormalizedDocument

STRIP = [False, True]


def run(text: str, strip: bool):
    results, targets, _ = extract_results_and_targets(NormalizedDocument.from_pages([(1, strip_marks(text) if strip else text)]))
    return results, targets


def rows(items, *fields):
    return {tuple(getattr(x, f) for f in fields) for x in items}


def aligned(cells: list[str]) -> str:
    return "".join(c.ljust(max(len(c) + 2, 14)) for c in cells).rstrip()


def piped(cells: list[str]) -> str:
    return " | ".join(cells)


# ---- a goal cell in words

FIELDS = [("Cải cách thể chế", "9", "7,25"), ("Cải cách tổ chức bộ máy", "10", "8,40"),
          ("Cải cách chế độ công vụ", "16", "12,30"), ("Cải cách tài chính công", "7", "6,10")]


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("words", ["Giữ vững", "Duy trì", "Không giảm điểm"])
@pytest.mark.parametrize("at", [1, 2])
@pytest.mark.parametrize("layout", [piped, aligned])
def test_a_goal_in_words_keeps_the_next_row_to_its_own_numbers(words, at, layout, strip):
    lines = [layout(["TT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt 2023", "Mục tiêu 2024"])]
    for k, (name, top, got) in enumerate(FIELDS):
        goal = words if k == at else f"≥ {int(top) - 1},50"
        lines.append(layout([str(k + 1), name, top, got, goal]))
    text = "I. KẾT QUẢ\nĐiểm các lĩnh vực năm 2023 và mục tiêu năm 2024 như sau:\n" + "\n".join(lines) + "\n"
    results, targets = run(text, strip)
    got = sorted((r.score, r.max_score) for r in results if r.index == "PAR INDEX" and r.year == 2023)
    assert got == sorted((float(v.replace(",", ".")), float(top)) for _, top, v in FIELDS)
    goals = {(t.value, t.out_of) for t in targets if t.index == "PAR INDEX" and t.year == 2024 and t.metric == "score"}
    assert goals == {(int(top) - 0.5, float(top)) for k, (_, top, _) in enumerate(FIELDS) if k != at}


# ---- a roadmap, one row per year

ROADMAP_HEAD = ["Năm thực hiện", "Chỉ số PAPI (điểm)", "Xếp hạng", "Xếp hạng SIPAS"]
ROADMAP = [("2027", "từ 45 trở lên", "Tốp 10", "Nhóm 5"), ("2028", "≥ 46,2", "Top 8", "Top 4"),
           ("2029", "> 47", "Đứng đầu", "Dẫn đầu")]


@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("layout", [piped, aligned])
def test_a_roadmap_gives_each_year_its_goals(layout, strip):
    lines = [layout(ROADMAP_HEAD)] + [layout(list(r)) for r in ROADMAP]
    text = "II. MỤC TIÊU\nLộ trình cụ thể:\n\n" + "\n".join(lines) + "\n\nIII. TỔ CHỨC THỰC HIỆN\n"
    _, targets = run(text, strip)
    assert rows(targets, "index", "year", "metric", "comparator", "value") == {
        ("PAPI", 2027, "score", ">=", 45.0), ("PAPI", 2027, "rank", "<=", 10.0), ("SIPAS", 2027, "rank", "<=", 5.0),
        ("PAPI", 2028, "score", ">=", 46.2), ("PAPI", 2028, "rank", "<=", 8.0), ("SIPAS", 2028, "rank", "<=", 4.0),
        ("PAPI", 2029, "score", ">", 47.0), ("PAPI", 2029, "rank", "=", 1.0), ("SIPAS", 2029, "rank", "=", 1.0)}


def test_bare_numbers_and_a_first_column_that_is_no_year_give_no_roadmap():
    bare = "Năm | Chỉ số DTI (điểm) | Xếp hạng DTI\n2026 | 0,72 | 5\n2027 | 0,75 | 4\n"
    assert year_row_targets(bare) == ([], [])
    not_years = "Lĩnh vực | Chỉ số DTI (điểm) | Xếp hạng DTI\nChính quyền số | ≥ 0,70 | Top 5\n"
    assert year_row_targets(not_years) == ([], [])


# ---- an appendix table of tasks

@pytest.mark.parametrize("strip", STRIP)
@pytest.mark.parametrize("sep", ["\t", "    "])
def test_the_rows_of_a_task_table_are_no_results(sep, strip):
    head = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    body = [["I", "Nâng cao Chỉ số SIPAS"],
            ["5", "Khảo sát sự hài lòng của tổ chức, công dân hằng quý", "Bộ phận Một cửa phường", "Các tổ dân phố", "Hằng quý"],
            ["6", "Công khai kết quả giải quyết hồ sơ", "Văn phòng UBND phường", "Các phòng chuyên môn", "Hằng tháng"],
            ["7", "Xử lý phản ánh, kiến nghị của người dân", "Công an phường", "Các đoàn thể", "Thường xuyên"]]
    text = ("I. KẾT QUẢ\nNăm 2024, Chỉ số SIPAS của phường đạt 87,40%.\n\nPHỤ LỤC\nNHIỆM VỤ NÂNG CAO CHỈ SỐ SIPAS NĂM 2025\n"
            + "\n".join(sep.join(r) for r in [head] + body) + "\n")
    results, targets = run(text, strip)
    assert rows(results, "index", "year", "scope", "percent", "rank") == {("SIPAS", 2024, None, 87.4, None)}
    assert targets == []
