"""Borderless tables from word positions (ocr/table_words.py): generated word boxes, and word boxes
recorded from one Tesseract reading of a rendered borderless appendix (tests/data/borderless,
seed 2000, 36 rows, 200 dpi: page 4 clean, page 5 medium-degraded with a rule under the header,
page 1 = the national header and body prose)."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from extract.text_tables import tasks_from_grid
from ocr.layout import assemble_lines
from ocr.table_borderless import find_borderless
from ocr.table_vocab import header_role, row_mark
from ocr.types import Table, Word

DATA = Path(__file__).parent / "data" / "borderless"
CHAR_W, H, PITCH = 11, 22, 36  # a generated word: 11 px a letter, 22 px tall; lines 36 px apart


def line(y: int, *pieces: tuple[int, str], line_id: int = 0) -> list[Word]:
    """Words of one printed line: each piece starts at x and holds words one space (8 px) apart."""
    out = []
    for x, text in pieces:
        for word in text.split():
            out.append(Word(word, x, y, CHAR_W * len(word), H, 95.0, block=x, line=y + line_id))
            x += CHAR_W * len(word) + 8
    return out


COLS = (100, 200, 560, 1000, 1250, 1500)  # left edges of STT | content | actions | lead | partners | deadline


def header(y: int) -> list[Word]:
    return (line(y, (110, "STT"), (260, "Nội dung"), (700, "Nhiệm vụ"), (1020, "Cơ quan chủ trì"),
                 (1270, "Cơ quan phối"), (1510, "Thời gian"))
            + line(y + PITCH, (1320, "hợp"), (1510, "hoàn thành")))


def row(y: int, stt: str, cells: list[list[str]]) -> tuple[list[Word], int]:
    """A data row: cells (one list of lines per column after STT) top-aligned from y."""
    words = line(y, (COLS[0] + 10, stt)) if stt else []
    depth = max(len(c) for c in cells)
    for k in range(depth):
        pieces = [(COLS[i + 1], c[k]) for i, c in enumerate(cells) if k < len(c)]
        words += line(y + k * PITCH, *pieces)
    return words, y + depth * PITCH + 20  # rows parted by a little more than a line


def task_table(y: int = 300, group: str = "I") -> tuple[list[Word], int]:
    words = header(y)
    y += 2 * PITCH + 30
    group, y = row(y, group, [["Chỉ số cải cách hành chính của các cơ quan nhà nước"]])
    words += group
    for stt, lead, deadline in (("1", "Sở Nội vụ", "Quý II/2026"), ("2", "Sở Tư pháp", "30/6/2026"),
                                ("3", "Văn phòng UBND tỉnh", "Thường xuyên")):
        w, y = row(y, stt, [["Cải cách thủ tục", "hành chính"], ["- Rà soát thủ tục", "- Công khai kết quả", "giải quyết"],
                            [lead], ["Các sở, ban,", "ngành"], [deadline]])
        words += w
    return words, y


def test_header_roles_and_row_marks_are_folded_and_tolerant():
    assert header_role("Cơ quan chủ trì") == "lead" and header_role("CO QUAN PHOI HOP") == "partners"
    assert header_role("Thời gian hoàn thành") == "deadline" and header_role("Sở Nội vụ") is None
    assert all(row_mark(t) for t in ("1", "1.1", "2...", "II", "IV.", "a)", "-", "1.2.3"))
    assert not any(row_mark(t) for t in ("Sở", "2026", "Quý", "100%"))


def test_generated_table_rows_cells_and_spanning_group():
    words, _ = task_table()
    tables = find_borderless(words)
    assert len(tables) == 1 and tables[0].kind == "borderless"
    grid = tables[0].grid()
    assert grid[0] == ["STT", "Nội dung", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    # the group heading runs over three columns at word spacing: one cell
    assert grid[1] == ["I", "Chỉ số cải cách hành chính của các cơ quan nhà nước", "", "", "", ""]
    assert [r[0] for r in grid[2:]] == ["1", "2", "3"]
    assert grid[3][2] == "- Rà soát thủ tục\n- Công khai kết quả\ngiải quyết"
    assert [r[3] for r in grid[2:]] == ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh"]
    assert [r[4] for r in grid[2:]] == ["Các sở, ban,\nngành"] * 3
    tasks, *_ = tasks_from_grid(grid)
    assert [(t.id, t.lead, t.deadline) for t in tasks] == [
        ("1", ["Sở Nội vụ"], "Quý II/2026"), ("2", ["Sở Tư pháp"], "30/6/2026"),
        ("3", ["Văn phòng UBND tỉnh"], "Thường xuyên")]


def test_rows_without_extra_spacing_are_cut_at_row_numbers():
    words = header(300)
    y = 300 + 2 * PITCH + 30
    for stt in ("1", "2"):
        w, y = row(y, stt, [["Nội dung"], ["- Việc một", "- Việc hai"], ["Sở Nội vụ"], ["Sở Tư pháp"], ["Quý I"]])
        words += w
        y -= 20  # no blank between rows
    grid = find_borderless(words)[0].grid()
    assert [r[0] for r in grid[1:]] == ["1", "2"] and grid[2][2] == "- Việc một\n- Việc hai"


def test_prose_after_the_table_stays_running_text():
    words, y = task_table()
    prose = ["Trên đây là Kế hoạch cải thiện các chỉ số của tỉnh năm 2026, đề nghị các cơ quan",
             "đơn vị triển khai thực hiện nghiêm túc, báo cáo kết quả về Sở Nội vụ trước ngày 15/12."]
    for k, text in enumerate(prose):
        words += line(y + 10 + k * PITCH, (COLS[0], text))
    tables = find_borderless(words)
    assert len(tables) == 1 and tables[0].n_rows == 5
    text = assemble_lines(words, tables)
    assert text[-2:] == prose and text[0].startswith("STT | Nội dung")
    assert not any("Trên đây" in c for r in tables[0].grid() for c in r)


def test_prose_pages_give_no_table():
    y, words = 100, []
    # the two-column national header, then body lines with aligned indents that name the roles
    words += line(y, (120, "ỦY BAN NHÂN DÂN"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    words += line(y + PITCH, (160, "TỈNH BẮC NINH"), (1000, "Độc lập - Tự do - Hạnh phúc"))
    body = ["1. Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: các sở, ban, ngành; thời gian hoàn thành:",
            "tháng 12 năm 2026.", "2. Nhiệm vụ, giải pháp: rà soát thủ tục hành chính, chỉ tiêu đạt 100%.",
            "a) Chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện kế hoạch.",
            "b) Thời gian thực hiện: năm 2026; kết quả báo cáo về Ủy ban nhân dân tỉnh."]
    for k, text in enumerate(body, 3):
        words += line(y + k * PITCH, (150 if k % 2 else 100, text))
    # aligned key/value lines: three gappy columns, but not naming roles
    for k, (a, b, c) in enumerate((("Chỉ số", "Năm 2024", "Năm 2025"), ("PAR INDEX", "85,1", "87,2"))):
        words += line(y + (10 + k) * PITCH, (100, a), (600, b), (1100, c))
    assert find_borderless(words) == []


def test_ruled_region_is_not_read_again():
    words, y = task_table()
    ruled = Table(1, 1, [], box=(0, 0, 2000, y + 50))
    assert find_borderless(words, [ruled]) == []


def _recorded(name: str) -> list[Word]:
    with open(DATA / f"{name}.tsv", encoding="utf-8") as f:
        return [Word(r["text"], int(r["left"]), int(r["top"]), int(r["width"]), int(r["height"]), float(r["conf"]),
                     int(r["block"]), int(r["par"]), int(r["line"])) for r in csv.DictReader(f, delimiter="\t")]


@pytest.fixture(scope="module")
def gold_rows():
    from kehoach.synth.plan_text import generate_plan

    plan = generate_plan(2000, size="long", appendix_rows=36)
    # both recorded pages hold rows of the first index group (ids repeat under each group)
    return {t["id"]: t for t in plan.gold["tasks"] if t["source"] == "table" and t["index"] == "PAR INDEX"}


@pytest.mark.parametrize("name, ids", [("seed2000_p4_clean", ["1.1", "2.1", "3.1"]),
                                       ("seed2000_p5_medium_topline", ["3.2", "4.1", "4.2", "5.1"])])
def test_recorded_scan_rows_have_their_lead_and_deadline(name, ids, gold_rows):
    tables = find_borderless(_recorded(name))
    assert len(tables) == 1
    tasks, *_ = tasks_from_grid(tables[0].grid())
    got = {t.id: t for t in tasks}
    assert sorted(got) == sorted(ids)
    for tid in ids:
        assert got[tid].lead == gold_rows[tid]["lead"], tid
        assert got[tid].deadline_date == gold_rows[tid]["deadline_date"], tid


def test_recorded_prose_page_gives_no_table():
    assert find_borderless(_recorded("seed2000_p1_prose")) == []


def test_ocr_page_switch(monkeypatch):
    import ocr.document as document
    from ocr.options import OcrOptions
    from ocr.preprocess import Preprocessed

    words, _ = task_table()
    gray = np.full((1200, 1800), 255, dtype=np.uint8)
    monkeypatch.setattr(document, "_read", lambda *a, **k: (Preprocessed(image=gray, ocr_image=gray), list(words)))
    monkeypatch.setattr(document, "read_tables", lambda *a, **k: [])
    opts = dict(orientation=False, recover_lines=False)
    page = document.ocr_page(gray, 1, OcrOptions(**opts))
    assert [t.kind for t in page.tables] == ["borderless"] and "1 | Cải cách thủ tục hành chính |" in page.text
    off = document.ocr_page(gray, 1, OcrOptions(borderless_tables=False, **opts))
    assert off.tables == [] and " | " not in off.text


def test_a_failing_re_read_keeps_the_tables_found_from_the_words(monkeypatch):
    import ocr.table_marks as marks

    words, _ = task_table()
    image = np.full((1200, 1800), 255, dtype=np.uint8)
    expected = [t.grid() for t in find_borderless(words)]

    def broken(*args, **kwargs):
        raise StopIteration("a bug in the re-reading")

    monkeypatch.setattr(marks, "reread_marks", broken)
    warnings: list[str] = []
    assert [t.grid() for t in find_borderless(words, image=image, warnings=warnings)] == expected
    assert warnings and "not read again" in warnings[0]


@pytest.mark.skipif(not __import__("shutil").which("pdftoppm"), reason="poppler-utils not installed")
def test_generator_draws_the_same_appendix_without_rules():
    from kehoach.synth.plan_text import generate_plan
    from kehoach.synth.render import render_pages, set_table_borders
    from ocr.table import find_grids

    def appendix(borders: str | None):
        plan = generate_plan(7, size="compact", appendix_rows=6)
        if borders:
            set_table_borders(plan, borders)
        return plan, np.array(render_pages(plan, dpi=100)[-1].convert("L"))

    ruled_plan, ruled = appendix(None)  # the default stays a ruled grid
    plain_plan, plain = appendix("NONE")
    assert len(find_grids(ruled)) == 1 and find_grids(plain) == []
    assert plain_plan.gold == ruled_plan.gold and (plain < 128).sum() < (ruled < 128).sum()


def test_row_numbers_the_page_reading_lost_are_read_from_their_ink(monkeypatch):
    """The page's reading dropped the whole STT column: its ink left of the table is read again
    (Tesseract replaced by a stub that reads each blob as the number drawn there)."""
    import ocr.table_marks as marks
    from ocr.table_marks import DIGITS, ROMAN

    words, _ = task_table(group="II")
    stt = [w for w in words if w.left < COLS[1] - 20]
    kept = [w for w in words if w not in stt] + [Word("3", stt[-1].left, stt[-1].top, 11, 22, 90.0, 9, 9, 9)]
    image = np.full((1200, 1800), 255, dtype=np.uint8)
    for w in stt:  # the lost words' ink
        image[w.top + 2: w.top + w.height - 2, w.left + 1: w.left + w.width - 1] = 0
    calls = []
    readings = {DIGITS: ["11", "1", "2", "8"], ROMAN: ["II"], "": ["STT"]}  # blobs come top to bottom

    def read(crops, languages, psm=6, config="", timeout=60.0):
        if psm == 6:  # the short cells read again (reread_short_cells): nothing better found
            return [[] for _ in crops]
        calls.append(config)
        assert len(crops) == len(readings[config])
        return [[Word(t, 0, 0, 5, 5, 90.0)] for t in readings[config]]

    monkeypatch.setattr(marks.tesseract, "images_to_words", read)
    # from the words alone: an unnamed first column (its ink stands apart) holding the one number read
    assert [r[0] for r in find_borderless(kept)[0].grid()] == ["", "", "", "", "3"]
    grid = find_borderless(kept, image=image)[0].grid()
    # Roman numerals only for the label-only row; the page's `3` stands against the crop's `8`
    assert [r[0] for r in grid] == ["STT", "II", "1", "2", "3"]
    assert calls == [DIGITS, ROMAN, ""]


def test_short_cells_are_read_again_and_merged(monkeypatch):
    """A deadline whose strokes the page reading lost (`Quý I` for `Quý III`, not read near-certain)
    takes the crop's reading; the short cells read near-certain are not read again."""
    import ocr.table_marks as marks

    words, _ = task_table()
    words = [w if w.text != "II/2026" else Word("I/2026", w.left, w.top, w.width, w.height, 70.0) for w in words]
    image = np.full((1200, 1800), 255, dtype=np.uint8)
    for w in words:
        image[w.top + 2: w.top + w.height - 2, w.left + 1: w.left + w.width - 1] = 0
    crops = []

    def read(images, languages, psm=6, config="", timeout=60.0):
        if psm != 6:
            return [[] for _ in images]  # row numbers: nothing new
        crops.extend(images)
        return [[Word("Quý", 0, 0, 40, 20, 96.0), Word("III/2026", 50, 0, 80, 20, 95.0)] for _ in images]

    monkeypatch.setattr(marks.tesseract, "images_to_words", read)
    grid = find_borderless(words, image=image)[0].grid()
    assert len(crops) == 1 and [r[5] for r in grid[2:]] == ["Quý III/2026", "30/6/2026", "Thường xuyên"]


@pytest.mark.skipif(not __import__("shutil").which("pdftoppm"), reason="poppler-utils not installed")
def test_synth_cli_writes_borderless_tables(tmp_path):
    from kehoach.synth.cli import run
    from ocr.table import find_grids

    def page(borders: str) -> np.ndarray:
        from PIL import Image

        out = tmp_path / borders
        assert run(["--out", str(out), "--gold", str(tmp_path / "g"), "--seed", "7", "--formats", "tiff",
                    "--size", "compact", "--appendix-rows", "6", "--preset", "clean", "--dpi", "100",
                    "--table-borders", borders]) == 0
        tiff = Image.open(next(out.glob("*.tiff")))
        tiff.seek(tiff.n_frames - 1)  # the appendix page
        return np.array(tiff.convert("L"))

    assert len(find_grids(page("ALL"))) >= 1 and find_grids(page("NONE")) == []  # same plan, rules or none


def test_a_table_continued_without_its_heading_row():
    words1, _ = task_table()
    y, words2 = 120, line(60, (880, "5"))  # the page number, then rows in the same columns
    for stt, lead in (("", "Sở Nội vụ"), ("4", "Sở Tư pháp"), ("5", "Sở Y tế")):
        w, y = row(y, stt, [["Cải cách thủ tục", "hành chính"], ["- Rà soát thủ tục", "- Công khai"], [lead],
                            ["Các sở, ban,", "ngành"], ["Quý IV/2026"]])
        words2 += w
    prose = line(y + 300, (100, "Trên đây là Kế hoạch cải thiện các chỉ số của tỉnh năm 2026, đề nghị các cơ quan"))
    first = find_borderless(words1)[0]
    assert find_borderless(words2 + prose) == []  # no heading row on page 2: not found alone
    (table,) = find_borderless(words2 + prose, previous=first)
    assert [r[0] for r in table.grid()] == ["", "4", "5"] and table.grid()[1][3] == "Sở Tư pháp"
    text = assemble_lines(words2 + prose, [table])
    assert "4 | Cải cách thủ tục hành chính | - Rà soát thủ tục - Công khai | Sở Tư pháp |" in "\n".join(text)
    assert text[-1].endswith("đề nghị các cơ quan")
    tasks, _, roles, ctx = tasks_from_grid(first.grid())
    more, *_ = tasks_from_grid(table.grid(), roles=roles, ctx=ctx)
    assert [t.id for t in more][-2:] == ["4", "5"] and more[-1].lead == ["Sở Y tế"]


def test_a_prose_page_after_a_table_is_not_a_continuation():
    first = find_borderless(task_table()[0])[0]
    words2 = []
    for k, text in enumerate(["Trên đây là Kế hoạch cải thiện các chỉ số của tỉnh năm 2026, đề nghị các cơ quan",
                              "đơn vị triển khai thực hiện nghiêm túc, báo cáo kết quả về Sở Nội vụ trước ngày 15/12.",
                              "Nơi nhận:", "- Như trên;", "- Lưu: VT."]):
        words2 += line(120 + k * PITCH, (100 if k < 2 else 120, text))
    words2 += line(120 + 2 * PITCH, (1100, "KT. CHỦ TỊCH")) + line(120 + 3 * PITCH, (1100, "PHÓ CHỦ TỊCH"))
    assert find_borderless(words2, previous=first) == []
    assert find_borderless(words2[4:], previous=first) == []  # from its second line on, too


def _continued_page(first_stt: str = "3") -> list[Word]:
    """Page 2 of `task_table`: no heading row, its first row's deadline full of heading words."""
    y, words = 120, []
    for stt, deadline in ((first_stt, ["Hoàn thành", "Quý III/2025"]), ("4", ["Quý IV/2026"]), ("5", ["Thời gian"])):
        w, y = row(y, stt, [["Cải cách thủ tục", "hành chính"], ["- Rà soát thủ tục", "- Công khai"], ["Sở Y tế"],
                            ["Các sở, ban,", "ngành"], deadline])
        words += w
    return words


def test_a_continued_table_records_no_heading_row_whatever_its_first_row_says():
    first = find_borderless(task_table()[0])[0]
    assert (first.header_rows, first.id_col) == (1, 0)
    (table,) = find_borderless(_continued_page(), previous=first)
    assert (table.header_rows, table.id_col) == (0, 0)  # `Hoàn thành` / `Thời gian` are body text here
    assert [r[0] for r in table.grid()] == ["3", "4", "5"]
    (again,) = find_borderless(_continued_page("6"), previous=table)  # a third page continues the second
    assert (again.header_rows, again.id_col) == (0, 0) and again.grid()[0][0] == "6"


def test_a_continued_tables_first_row_number_is_read_as_a_number(monkeypatch):
    """The page reading lost the first row's `3`: its ink is read as a row number (digits), not as a
    lost heading, though the row's deadline reads like a heading."""
    import ocr.table_marks as marks
    from ocr.table_marks import DIGITS

    first = find_borderless(task_table()[0])[0]
    words = _continued_page()
    lost = next(w for w in words if w.text == "3")
    words = [w for w in words if w is not lost]
    image = np.full((1200, 1800), 255, dtype=np.uint8)
    for w in [lost] + [w for w in words if w.left < COLS[1] - 20]:
        image[w.top + 2: w.top + w.height - 2, w.left + 1: w.left + w.width - 1] = 0
    short_rows = []

    def read(crops, languages, psm=6, config="", timeout=60.0):
        if psm == 6:  # short cells: record which rows were asked for, read nothing better
            short_rows.append(len(crops))
            return [[] for _ in crops]
        texts = {DIGITS: ["3", "4", "5"]}.get(config, ["Stt"] * len(crops))
        return [[Word(t, 0, 0, 5, 5, 90.0)] for t in texts[:len(crops)]]

    monkeypatch.setattr(marks.tesseract, "images_to_words", read)
    (table,) = find_borderless(words, image=image, previous=first)
    assert [r[0] for r in table.grid()] == ["3", "4", "5"]


def test_only_one_page_number_is_skipped_over_a_continued_table():
    """A row whose number stands alone on its first line (its cells start a line lower) under the page
    number: the number is the row's, not a second page number."""
    first = find_borderless(task_table()[0])[0]
    words = line(60, (880, "5")) + line(120, (COLS[0] + 10, "3"))
    w, y = row(120 + PITCH, "", [["Cải cách thủ tục", "hành chính"], ["- Rà soát thủ tục"], ["Sở Y tế"],
                                 ["Các sở, ban,", "ngành"], ["Quý IV/2026"]])
    words += w
    for stt in ("4", "5"):
        w, y = row(y, stt, [["Cải cách thủ tục"], ["- Công khai"], ["Sở Tư pháp"], ["Các sở"], ["Quý IV/2026"]])
        words += w
    (table,) = find_borderless(words, previous=first)
    assert [r[0] for r in table.grid()] == ["3", "4", "5"] and table.grid()[0][3] == "Sở Y tế"
