"""Results and targets in phrasings of the fresh dev batches dr_120-129 (issue #4): values of units the plan
compares itself with, former units as bullet labels, the units a rank is among, the authority of a cited
document, DTI decimals after a label or a floor, tables headed `Số TT` with a `Phấn đấu` column, satisfaction
tables. Inputs are written here (other units, other numbers than the batches)."""
from __future__ import annotations

from test_result_turns_scope import header, rows, run


def test_values_of_units_compared_with_are_not_results():
    text = header("TỈNH HÀ NAM", "Hà Nam") + (
        "Năm 2024, Chỉ số PAPI của tỉnh đạt 44,1 điểm, xếp thứ 18/63, đứng sau Nam Định (45,02 điểm) và "
        "Ninh Bình (44,8 điểm). Chỉ số PCI đạt 66,5 điểm, trong khi tỉnh Thái Bình đạt 67,1 điểm. "
        "Chỉ số SIPAS đạt 83,2% (Sở Y tế dẫn đầu với 90,5%). Chỉ số DTI đạt 0,52, thấp hơn huyện Lý Nhân (0,55).")
    results, _ = run(text)
    assert rows(results, "index", "scope", "score", "percent") == {
        ("PAPI", None, 44.1, None), ("PCI", None, 66.5, None), ("SIPAS", None, None, 83.2), ("DTI", None, 0.52, None)}


def test_content_indices_listed_after_noi_dung_sau_are_not_a_comparison():
    _, targets = run("Phấn đấu các chỉ số nội dung sau của Chỉ số PAPI năm 2026 đạt từ 5,5 điểm trở lên: "
                     "Quản trị điện tử; Quản trị môi trường.")
    assert rows(targets, "component", "value") == {("Quản trị điện tử", 5.5), ("Quản trị môi trường", 5.5)}


def test_a_former_unit_as_a_bullet_label_holds_for_every_index_and_the_ranked_units_are_no_scope():
    text = header("XÃ BÌNH AN", "Bình An") + (
        "Kết quả năm 2024 của các xã trước sắp xếp:\n"
        "+ Xã Bình Hòa (cũ): Chỉ số CCHC đạt 83,3 điểm, xếp thứ 5/21 xã, thị trấn của huyện Châu Thành;\n"
        "Chỉ số SIPAS đạt 86,6%.\n"
        "+ Xã An Lạc (cũ): Chỉ số CCHC đạt 79,1 điểm, xếp thứ 14/21; Chỉ số SIPAS đạt 82,4%.\n")
    results, _ = run(text)
    assert rows(results, "index", "scope", "score", "percent") == {
        ("PAR INDEX", "xã Bình Hòa (cũ)", 83.3, None), ("SIPAS", "xã Bình Hòa (cũ)", None, 86.6),
        ("PAR INDEX", "xã An Lạc (cũ)", 79.1, None), ("SIPAS", "xã An Lạc (cũ)", None, 82.4)}


def test_the_authority_of_a_cited_decision_is_not_the_unit_of_the_values_after_it():
    text = ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ\n"
            "Số: 9/KH-SYT                     Phú Yên, ngày 4 tháng 3 năm 2025\n\n"
            "Theo Quyết định số 77/QĐ-UBND ngày 10/02/2025 của UBND tỉnh Phú Yên; năm 2024, Chỉ số SIPAS của Sở "
            "đạt 85,6%, xếp thứ 9/20.")
    results, _ = run(text)
    assert rows(results, "index", "scope", "percent", "rank") == {("SIPAS", None, 85.6, 9)}


def test_dti_decimals_after_a_label_colon_or_a_floor():
    text = header("TỈNH YÊN BÁI", "Yên Bái") + (
        "I. KẾT QUẢ\nChỉ số DTI năm 2024 của tỉnh đạt 0,4402, xếp thứ 40/63. Giá trị các trụ cột:\n"
        "- Trụ cột Kiến tạo thể chế: 0,5131;\n- Trụ cột An toàn thông tin mạng: 0,3012.\n\n"
        "II. MỤC TIÊU\nChỉ số DTI của tỉnh năm 2026 đạt tối thiểu 0,47; năm 2027 tối thiểu 0,51.\n")
    results, targets = run(text)
    assert rows(results, "component", "score") == {(None, 0.4402), ("Kiến tạo thể chế", 0.5131),
                                                   ("An toàn thông tin mạng", 0.3012)}
    assert rows(targets, "year", "value") == {(2026, 0.47), (2027, 0.51)}


def test_a_table_headed_so_tt_with_a_phan_dau_column():
    text = header("TỈNH HÒA BÌNH", "Hòa Bình") + (
        "Điểm số các chỉ số thành phần PCI qua hai năm:\n\n"
        "Số TT | Tên chỉ số thành phần | Điểm năm 2022 | Điểm năm 2023 | Phấn đấu năm 2024\n"
        "1 | Tính minh bạch | 5,71 | 6,08 | ≥ 6,30\n2 | Chi phí thời gian | 6,92 | 7,11 | ≥ 7,20\n")
    results, targets = run(text)
    assert rows(results, "component", "year", "score") == {
        ("Tính minh bạch", 2022, 5.71), ("Tính minh bạch", 2023, 6.08),
        ("Chi phí thời gian", 2022, 6.92), ("Chi phí thời gian", 2023, 7.11)}
    assert rows(targets, "component", "year", "comparator", "value") == {
        ("Tính minh bạch", 2024, ">=", 6.3), ("Chi phí thời gian", 2024, ">=", 7.2)}


def test_a_satisfaction_table_is_read_and_the_sentence_before_its_lead_in_gives_no_scope():
    text = header("PHƯỜNG TRẦN PHÚ", "Trần Phú") + (
        "Năm 2024, Chỉ số SIPAS của phường đạt 90,2%, cao hơn phường Lê Lợi (88,4%). Tỷ lệ hài lòng theo yếu tố:\n\n"
        "TT | Yếu tố đánh giá | Tỷ lệ hài lòng năm 2024 (%) | Bình quân các phường của thị xã (%)\n"
        "1 | Thủ tục hành chính | 91,30 | 88,20\n2 | Tiếp cận dịch vụ hành chính công | 89,75 | 87,60\n")
    results, _ = run(text)
    assert rows(results, "component", "scope", "percent") == {
        (None, None, 90.2), ("Thủ tục hành chính", None, 91.3), ("Tiếp cận dịch vụ hành chính công", None, 89.75)}


def test_a_table_with_one_column_per_index_gives_each_former_unit_its_values():
    text = header("TỈNH LÀO CAI", "Lào Cai") + (
        "Kết quả năm 2024 của hai tỉnh trước hợp nhất như sau:\n\n"
        "STT | Đơn vị | Chỉ số CCHC (%) | Chỉ số PAPI (điểm)\n"
        "1 | Tỉnh Lào Cai (cũ) | 88,31 | 44,06\n2 | Tỉnh Yên Bái (cũ) | 86,02 | 42,55\n")
    results, _ = run(text)
    assert rows(results, "index", "year", "scope", "score", "percent") == {
        ("PAR INDEX", 2024, "tỉnh Lào Cai (cũ)", None, 88.31), ("PAPI", 2024, "tỉnh Lào Cai (cũ)", 44.06, None),
        ("PAR INDEX", 2024, "tỉnh Yên Bái (cũ)", None, 86.02), ("PAPI", 2024, "tỉnh Yên Bái (cũ)", 42.55, None)}


def test_a_table_with_one_column_per_index_and_one_row_per_year():
    text = header("TỈNH LÀO CAI", "Lào Cai") + (
        "Kết quả qua các năm:\n\nTT | Năm | Chỉ số SIPAS (%) | Chỉ số PCI (điểm)\n"
        "1 | Năm 2022 | 81,4 | 64,2\n2 | Năm 2023 | 83,9 | 65,0\n3 | Bình quân cả nước | 82,1 | 63,7\n")
    results, _ = run(text)
    assert rows(results, "index", "year", "score", "percent") == {
        ("SIPAS", 2022, None, 81.4), ("PCI", 2022, 64.2, None), ("SIPAS", 2023, None, 83.9), ("PCI", 2023, 65.0, None)}
