"""Diacritic restorer: protected tokens, acronyms, glued tokens, detection, accuracy, CLI."""
from __future__ import annotations

import io
import sys

import pytest

from normalize.restore import get_restorer
from normalize.restore.syllables import normalize_tone, skeleton

# written for these tests (not from the seeds or the corpus)
SENTENCES = [
    "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì theo dõi việc thực hiện kế hoạch này.",
    "Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 20 tháng 12 năm 2025.",
    "Tăng cường kiểm tra, giám sát việc giải quyết thủ tục hành chính cho người dân.",
    "Nâng cao chất lượng đội ngũ cán bộ, công chức làm việc tại Bộ phận Một cửa.",
    "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan nhà nước tăng lên.",
    "Đẩy mạnh chuyển đổi số, cung cấp dịch vụ công trực tuyến toàn trình.",
    "Người đứng đầu cơ quan chịu trách nhiệm về kết quả cải cách hành chính của đơn vị.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo quy định hiện hành.",
]


@pytest.fixture(scope="module")
def restorer():
    return get_restorer()


def _strip(text: str) -> str:
    out = []
    for ch in text:
        s = skeleton(ch)
        out.append(s.upper() if ch.isupper() else s)
    return "".join(out)


def test_stripped_sentences_restored(restorer):
    right = total = 0
    for gold in SENTENCES:
        got = restorer.restore_line(_strip(gold))
        g, p = normalize_tone(gold).split(), got.split()
        assert len(g) == len(p), got
        right += sum(a == b for a, b in zip(g, p))
        total += len(g)
    assert right / total >= 0.93, f"syllable accuracy {right / total:.3f}"


def test_english_ocr_tokens_restored(restorer):
    got = restorer.restore_line("Chi s6 cai cach hanh chinh nim 2025 ctia Bo truong")
    assert got.startswith("Chỉ số cải cách hành chính")
    assert "của Bộ trưởng" in got


def test_protected_tokens_untouched(restorer):
    line = "Ke hoach so 2163/KH-UBND ngay 12/7/2025, xem https://sonoivu.gov.vn va 57-NQ/TW ve CCHC, TTHC, PAR INDEX, SIPAS, PAPI"
    got = restorer.restore_line(line)
    for token in ["2163/KH-UBND", "12/7/2025", "https://sonoivu.gov.vn", "57-NQ/TW", "CCHC", "TTHC", "PAR INDEX", "SIPAS", "PAPI"]:
        assert token in got, (token, got)
    assert got.startswith("Kế hoạch số")


def test_acronyms_get_their_mark(restorer):
    got = restorer.restore_line("Nghi quyet cua HDND tinh, Nghi dinh so 30/2020/ND-CP va Quyet dinh 288/QD-BNV, BNV")
    assert "HĐND" in got and "NĐ-CP" in got and "288/QĐ-BNV" in got
    assert got.rstrip().endswith("BNV")


def test_glued_tokens_split(restorer):
    got = restorer.restore_line("Ha Noi, ngay30 thang 6, ngay 14thang 5 nam 2025")
    assert "ngày 30 tháng" in got and "14 tháng 5 năm 2025" in got
    assert restorer.restore_line("NGAY30 THANG 6") == "NGÀY 30 THÁNG 6"
    # letters with a number are codes, also on English-OCR lines (s6 marks this one as OCR)
    got = restorer.restore_line("Mau TK04 theo Luat s6 20/2023/QH15, khoa QH14")
    assert "TK04" in got and "QH14" in got and "20/2023/QH15" in got and "số" in got


def test_vietnamese_text_passes_unchanged(restorer):
    text = "\n".join(SENTENCES + ["", "Hòa Bình, ngày 5 tháng 6 năm 2025", "ỦY BAN NHÂN DÂN"])
    res = restorer.restore_text(text)
    assert res.text == text and res.lines_restored == 0
    assert not restorer.needs_restoration("Thủ tục hành chính được giải quyết đúng hạn")
    assert restorer.needs_restoration("Thu tuc hanh chinh duoc giai quyet dung han")


def test_mixed_document_restored_per_line(restorer):
    text = "Kế hoạch cải cách hành chính\nThuc hien ke hoach cai cach\n\n2163/KH-UBND"
    res = restorer.restore_text(text)
    lines = res.text.split("\n")
    assert lines[0] == "Kế hoạch cải cách hành chính"
    assert lines[1] == "Thực hiện kế hoạch cải cách"
    assert lines[2:] == ["", "2163/KH-UBND"] and res.lines_total == 4


def test_english_ocr_accents_do_not_pass_a_line_as_marked(restorer):
    # English OCR writes its own accents (dàt, diém, Huyén: no Vietnamese word); in a document it
    # read, such a line is decoded like its neighbours, while a truly marked line stays as it is.
    ocr_line = "Tham (cu) dàt 78,64 diém, dông hang 15/23. Huyén Trang Dinh (cù) nam 2024 dat"
    assert not restorer.needs_restoration(ocr_line)  # alone, 3 of 12 words look marked
    assert restorer.needs_restoration(ocr_line, ocr_doc=True)
    assert not restorer.needs_restoration("Thủ tục hành chính được giải quyết đúng hạn", ocr_doc=True)
    text = "\n".join(["Chi s6 cai cach hanh chinh ctia huyen dat 82,46 diém, xép thir 6/9;"] * 3 + [ocr_line])
    last = restorer.restore_text(text).text.split("\n")[-1]
    assert "Huyện Tràng Định (cũ) năm 2024 đạt" in last


def test_a_capital_d_read_as_p_is_decoded(restorer):
    # English OCR reads a capital Đ as P about as often as D (`Pang`, `Poan`, `Pjc lap` in the seeds); words that
    # truly open with P stay P words
    assert restorer.restore_line("- Pén déc cac xa, thi tran hoan thanh", "ocr") == "- Đôn đốc các xã, thị trấn hoàn thành"
    assert restorer.restore_line("Pang bo tinh Bac Giang", "ocr") == "Đảng bộ tỉnh Bắc Giang"
    assert restorer.restore_line("Phong Noi vu huyen", "ocr") == "Phòng Nội vụ huyện"


def test_an_s_inside_a_decimal_is_a_five():
    from normalize.restore.numbers import repair_ocr_numbers
    assert repair_ocr_numbers("dat 8S,41 diem, linh vuc 7,2S/8") == "dat 85,41 diem, linh vuc 7,25/8"
    assert repair_ocr_numbers("dat 6B,45 diem") == "dat 68,45 diem"  # B and 8, the other pair
    assert repair_ocr_numbers("S6: 12/KH-UBND, SO 12, 12B/QD") == "S6: 12/KH-UBND, SO 12, 12B/QD"  # no decimal, no number


def test_casing_and_spacing_kept(restorer):
    got = restorer.restore_line("KE HOACH  cai thien,   nang cao (PAPI)")
    assert got == "KẾ HOẠCH  cải thiện,   nâng cao (PAPI)"
    assert restorer.restore_line("II. GIAI PHAP CAI THIEN CAC CHI SO") == "II. GIẢI PHÁP CẢI THIỆN CÁC CHỈ SỐ"


def test_cli_keeps_line_structure(restorer, monkeypatch, capsys):
    from kehoach.cli import main

    text = "Ke hoach cai cach\n\nHà Nội\n  so 5/KH-UBND\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(["restore"]) == 0
    out = capsys.readouterr().out
    assert out.split("\n")[1:3] == ["", "Hà Nội"]
    assert out.count("\n") == text.count("\n") and out.startswith("Kế hoạch cải cách")


def test_cli_bad_file_is_reported(capsys):
    from kehoach.cli import main

    assert main(["restore", "/nonexistent/file.txt"]) == 4
    assert "no such file" in capsys.readouterr().err
