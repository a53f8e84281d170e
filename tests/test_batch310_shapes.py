"""Results in shapes met in the session-8 work on issue #4 (misses left in dr_280-309). Inputs are written here
(other units, other numbers than the batches); each case with and without marks (the rules read folded text;
scopes are compared folded)."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from extract.result_other_columns import blank_other_columns
from test_batch250_shapes import FORMS, _folded
from test_result_turns_scope import header, rows, run


@pytest.mark.parametrize("form", FORMS)
def test_a_column_of_national_averages_and_a_band_column_hold_no_value_of_the_plan(form):
    text = header("TỈNH QUẢNG BÌNH", "Quảng Bình") + (
        "I. KẾT QUẢ\n2. Các chỉ số nội dung PAPI năm 2023\n\n"
        "| TT | Chỉ số nội dung | Điểm của tỉnh | Nhóm | Điểm trung bình cả nước |\n"
        "| 1 | Tham gia của người dân ở cấp cơ sở | 4,81 | Trung bình thấp | 5,10 |\n"
        "| 2 | Kiểm soát tham nhũng | 6,92 | Cao nhất | 6,30 |\n"
        "| 3 | Quản trị điện tử | 3,55 | Trung bình cao | 3,30 |\n\n"
        "3. Nguyên nhân\nCòn hạn chế.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "component", "year", "score") == {
        ("PAPI", "Tham gia cua nguoi dan o cap co so", 2023, 4.81),
        ("PAPI", "Kiem soat tham nhung trong khu vuc cong", 2023, 6.92),
        ("PAPI", "Quan tri dien tu", 2023, 3.55)}


def test_blanking_keeps_offsets_and_the_rank_columns():
    table = ("| TT | Chỉ số | Điểm | Xếp hạng toàn quốc | Bình quân cả nước |\n"
             "| 1 | PAR INDEX | 86,10 | 12/63 | 84,20 |\n")
    out = blank_other_columns(table)
    assert len(out) == len(table)
    assert "12/63" in out and "84,20" not in out and "Bình quân" not in out
    # a table without such a column is left as it is; `Nhóm 15` (a group in numbers) stays
    grouped = "| Năm | Điểm | Nhóm |\n| 2025 | 45 | Nhóm 15 |\n"
    assert blank_other_columns(grouped) == grouped


@pytest.mark.parametrize("form", FORMS)
def test_a_column_headed_by_a_unit_gives_that_units_component_values(form):
    text = header("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Nghệ An") + (
        "I. KẾT QUẢ\nNăm 2023, Chỉ số SIPAS của tỉnh Nghệ An đạt 86,20%. Mức độ hài lòng theo từng yếu tố:\n\n"
        "   Yếu tố                                         Tỉnh Nghệ An      Bình quân cả nước\n"
        "   Tiếp cận dịch vụ hành chính công                    87,15%            83,50%\n"
        "   Thủ tục hành chính                                  85,02%            82,41%\n\n"
        "II. MỤC TIÊU\n")
    results, _ = run(form(text))
    got = _folded([r for r in results if r.component], "component", "scope", "percent")
    assert got == {("Tiep can dich vu hanh chinh cong", "tinh Nghe An", 87.15),
                   ("Thu tuc hanh chinh", "tinh Nghe An", 85.02)}


@pytest.mark.parametrize("form", FORMS)
def test_cells_one_per_line_row_by_row_under_a_header_of_years(form):
    text = header("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH", "Hà Tĩnh") + (
        "I. KẾT QUẢ KHẢO SÁT\nKết quả theo từng yếu tố như sau:\n\n"
        "Bảng 1. Tỷ lệ hài lòng theo yếu tố\nYếu tố\nNăm 2023\nNăm 2024\n"
        "Tiếp cận dịch vụ hành chính công\n95,10%\n96,05%\nThủ tục hành chính\n92,40%\n93,18%\n"
        "Chung\n93,02%\n94,11%\n\nII. MỤC TIÊU\n- Tỷ lệ hài lòng đạt từ 95% trở lên.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "component", "year", "score", "percent") == {
        ("SIPAS", "Tiep can dich vu hanh chinh cong", 2023, None, 95.1),
        ("SIPAS", "Tiep can dich vu hanh chinh cong", 2024, None, 96.05),
        ("SIPAS", "Thu tuc hanh chinh", 2023, None, 92.4), ("SIPAS", "Thu tuc hanh chinh", 2024, None, 93.18),
        ("SIPAS", None, 2023, None, 93.02), ("SIPAS", None, 2024, None, 94.11)}


@pytest.mark.parametrize("form", FORMS)
def test_a_row_of_percentages_under_a_header_of_years(form):
    text = header("ỦY BAN NHÂN DÂN THỊ XÃ HƯƠNG TRÀ", "Huế") + (
        "II. KẾT QUẢ\nKết quả như sau:\nChỉ số|Năm 2022|Năm 2023\n"
        "Chỉ số cải cách hành chính (điểm)|83,40|85,02\nXếp hạng trong 9 huyện, thị xã|5/9|3/9\n"
        "Chỉ số hài lòng (SIPAS)|81,20%|83,95%\n")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "score", "percent", "rank") == {
        ("PAR INDEX", 2022, 83.4, None, 5), ("PAR INDEX", 2023, 85.02, None, 3),
        ("SIPAS", 2022, None, 81.2, None), ("SIPAS", 2023, None, 83.95, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_neighbour_named_bare_after_its_unit_word_keeps_its_rank(form):
    text = header("TỈNH QUẢNG TRỊ", "Quảng Trị") + (
        "I. KẾT QUẢ\nNăm 2023, Chỉ số PAPI của tỉnh đạt 41,80 điểm, xếp thứ 33/61. Chỉ số PAPI của tỉnh vẫn thấp "
        "hơn các tỉnh lân cận Quảng Bình (thứ 9/61) và Thừa Thiên Huế (thứ 15/61).\n")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "score", "rank") == {("PAPI", 2023, 41.8, 33)}


@pytest.mark.parametrize("form", FORMS)
def test_components_take_the_year_of_their_own_paragraph_not_the_titles(form):
    text = header("ỦY BAN NHÂN DÂN THỊ XÃ KỲ ANH", "Hà Tĩnh") + (
        "KẾ HOẠCH\nNâng cao Chỉ số cải cách hành chính (PAR INDEX) năm 2024\n\n"
        "II. KẾT QUẢ CHỈ SỐ NĂM 2022, 2023\nKết quả các chỉ số của thị xã do UBND tỉnh công bố như sau:\n\n"
        "Năm 2023 thị xã tăng 04 bậc, nằm trong nhóm khá của tỉnh. Lĩnh vực Cải cách tổ chức bộ máy hành chính nhà "
        "nước đạt 9,3/10,5 điểm; lĩnh vực Xây dựng, phát triển Chính phủ điện tử, Chính phủ số chỉ đạt 9,64/13,5 "
        "điểm.\n")
    results, _ = run(form(text))
    assert {year for _, year in rows(results, "component", "year")} == {2023}
    assert len(results) == 2


@pytest.mark.parametrize("form", FORMS)
def test_pillars_listed_with_bare_decimals_after_the_first_verb(form):
    text = header("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Quảng Trị") + (
        "I. KẾT QUẢ\nNăm 2023, Chỉ số DTI của Sở đạt 0,7915 điểm. Về các chỉ số chính: Chuyển đổi nhận thức đạt 0,88; "
        "Kiến tạo thể chế 0,81; Hạ tầng và nền tảng số 0,74; An toàn thông tin mạng 0,93; Hoạt động chính quyền số\n"
        "0,79. Hai chỉ số còn lại thấp nhất, lần lượt giảm 0,03 và 0,05 điểm so với năm 2022.\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if r.component], "component", "year", "score") == {
        ("Chuyen doi nhan thuc", 2023, 0.88), ("Kien tao the che", 2023, 0.81),
        ("Ha tang va nen tang so", 2023, 0.74), ("An toan thong tin mang", 2023, 0.93),
        ("Hoat dong chinh quyen so", 2023, 0.79)}


@pytest.mark.parametrize("form", FORMS)
def test_factors_parted_by_semicolons_in_short_forms_take_rates_in_turn(form):
    text = header("CÔNG AN TỈNH QUẢNG TRỊ", "Quảng Trị") + (
        "I. KẾT QUẢ\nChỉ số SIPAS năm 2023 của Công an tỉnh đạt 91,05%, xếp thứ 4/21. Mức độ hài lòng đối với các "
        "yếu tố: tiếp cận dịch vụ; thủ tục hành chính; công chức trực tiếp giải quyết công việc; kết quả cung ứng "
        "dịch vụ và tiếp nhận, xử lý góp ý, phản ánh, kiến nghị lần lượt đạt 93,10%, 90,25%,\n92,80%, 91,02% và 86,47%.\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if r.component], "component", "percent") == {
        ("Tiep can dich vu hanh chinh cong", 93.1), ("Thu tuc hanh chinh", 90.25),
        ("Cong chuc truc tiep giai quyet cong viec", 92.8), ("Ket qua cung ung dich vu hanh chinh cong", 91.02),
        ("Tiep nhan, xu ly gop y, phan anh, kien nghi", 86.47)}
