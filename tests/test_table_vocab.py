"""One vocabulary of task tables for `ocr` and `extract` (ocr/table_vocab.py)."""
from __future__ import annotations

import extract.patterns
from extract.text_tables import is_task_header, map_columns
from ocr.table_read import _ID
from ocr.table_vocab import ROLE_CUES, ROW_ID, fold, header_role, header_roles, names_task_table
from ocr.table_vocab import row_mark


def test_fold_is_one_function_and_keeps_length():
    assert extract.patterns.fold is fold
    for text in ("Cơ quan CHỦ TRÌ", "Đơn vị phối hợp", "Quý III/2025", "ﬁ İ ǅ"):
        assert len(fold(text)) == len(text)
    assert fold("Cơ quan chủ trì") == "co quan chu tri" and fold("ĐỀ ÁN") == "de an"


def test_ocr_and_extract_read_every_cue_as_the_same_role():
    for role, cues in ROLE_CUES:
        for cue in cues:
            heading = cue.upper()
            assert header_role(heading) == role, cue
            assert map_columns([heading]) == {role: 0}, cue
    assert header_role("Sở Nội vụ") is None and header_roles("Nội dung công việc") == ["actions", "content"]
    assert map_columns(["Nhiệm vụ", "Nội dung công việc"]) == {"actions": 0, "content": 1}  # first role free


def test_a_task_table_heading_names_three_roles_with_an_agency_or_a_deadline():
    assert names_task_table(["id", "content", "lead"]) and names_task_table(["id", None, "target", "deadline"])
    assert not names_task_table(["id", "content", "target"]) and not names_task_table(["lead", "lead", "deadline"])
    assert is_task_header(["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phdi hợp"])
    assert not is_task_header(["1", "Nội dung", "Cơ quan chủ trì", "Thời gian"])  # a row number first: a body row


def test_row_numbers_one_pattern():
    for t in ("1", "2.1", "1.2.3", "12.", "II", "IV."):
        assert _ID.match(t) and row_mark(t)
    assert ROW_ID.match("2.1") and not ROW_ID.match("II")
    assert all(row_mark(t) for t in ("a)", "-", "L")) and not any(_ID.match(t) for t in ("a)", "-", "2026", "Sở"))


def test_the_english_models_eth_folds_to_d():
    assert fold("ðiểm ða.t Ðông") == "diem da.t dong"
