"""Results in shapes met in the session-7 work on issue #4 (known misses of dr_240-249 and the fresh batches
dr_250-269). Inputs are written here (other units, other numbers than the batches); each case with and
without marks (the rules read folded text; scopes are compared folded)."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from extract.tasks import extract_tasks
from test_result_turns_scope import header, rows, run
from test_tasks import doc_of

FORMS = [lambda t: t, unidecode]


def _folded(results, *fields):
    return {tuple(unidecode(x) if isinstance(x, str) else x for x in row) for row in rows(results, *fields)}


@pytest.mark.parametrize("form", FORMS)
def test_former_units_listed_in_the_sentence_take_values_and_ranks_in_turn(form):
    text = header("TỈNH GIA LAI", "Gia Lai") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số PAR INDEX của tỉnh Bình Định (cũ) và tỉnh Gia Lai (cũ) lần lượt đạt 87,36 "
        "điểm và 84,02 điểm, xếp thứ 14/63 và 33/63. Chỉ số SIPAS của tỉnh Bình Định (cũ), tỉnh Gia Lai (cũ) "
        "lần lượt xếp thứ 8/63, 41/63.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "score", "percent", "rank", "rank_total") == {
        ("PAR INDEX", "tinh Binh Dinh (cu)", 87.36, None, 14, 63), ("PAR INDEX", "tinh Gia Lai (cu)", 84.02, None, 33, 63),
        ("SIPAS", "tinh Binh Dinh (cu)", None, None, 8, 63), ("SIPAS", "tinh Gia Lai (cu)", None, None, 41, 63)}


@pytest.mark.parametrize("form", FORMS)
def test_each_clause_of_a_sentence_of_former_units_keeps_its_own_index(form):
    text = header("TỈNH ĐẮK LẮK", "Đắk Lắk") + (
        "II. KẾT QUẢ\nNăm 2024, tỉnh Phú Yên (cũ) và tỉnh Đắk Lắk (cũ) có Chỉ số SIPAS lần lượt là 81,7% và 83,05%; "
        "Chỉ số PAPI lần lượt đạt 42,18 điểm và 43,90 điểm.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "score", "percent") == {
        ("SIPAS", "tinh Phu Yen (cu)", None, 81.7), ("SIPAS", "tinh Dak Lak (cu)", None, 83.05),
        ("PAPI", "tinh Phu Yen (cu)", 42.18, None), ("PAPI", "tinh Dak Lak (cu)", 43.9, None)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("subject", ["Mức độ hài lòng của người dân, tổ chức đối với hai Sở",
                                     "Tỷ lệ hài lòng của người dân đối với hai đơn vị"])
def test_a_satisfaction_rate_of_two_former_departments_in_turn(form, subject):
    text = header("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Lâm Đồng") + (
        "II. KẾT QUẢ\nNăm 2024, Sở Nông nghiệp và Phát triển nông thôn (cũ) đạt 85,12 điểm, xếp thứ 9/21; "
        f"Sở Tài nguyên và Môi trường (cũ) đạt 82,40 điểm, xếp thứ 15/21. {subject} lần lượt là 88,4% và 86,75%.\n")
    results, _ = run(form(text))
    got = _folded([r for r in results if r.index == "SIPAS"], "scope", "percent")
    assert got == {("So Nong nghiep va Phat trien nong thon (cu)", 88.4), ("So Tai nguyen va Moi truong (cu)", 86.75)}


@pytest.mark.parametrize("form", FORMS)
def test_two_units_by_anaphora_take_rates_then_ranks_in_turn(form):
    text = header("PHƯỜNG HÒA KHÁNH", "Đà Nẵng") + (
        "II. KẾT QUẢ\nTrước sắp xếp, phường Hòa Khánh Bắc (cũ) và phường Hòa Minh (cũ) đều tổ chức tốt việc tiếp "
        "nhận hồ sơ. Năm 2024, Chỉ số SIPAS của hai phường lần lượt đạt 90,2% và 87,9%, xếp thứ 6/56 và 19/56. "
        "Về Chỉ số CCHC, hai đơn vị tương ứng lần lượt xếp thứ 11/56 và 23/56.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "percent", "rank") == {
        ("SIPAS", "phuong Hoa Khanh Bac (cu)", 90.2, 6), ("SIPAS", "phuong Hoa Minh (cu)", 87.9, 19),
        ("PAR INDEX", "phuong Hoa Khanh Bac (cu)", None, 11), ("PAR INDEX", "phuong Hoa Minh (cu)", None, 23)}


@pytest.mark.parametrize("form", FORMS)
def test_values_in_turn_that_do_not_pair_with_the_units_are_left(form):
    # three values for two units: none is paired with the first unit
    text = header("TỈNH GIA LAI", "Gia Lai") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số PAPI của tỉnh Bình Định (cũ) và tỉnh Gia Lai (cũ) lần lượt đạt 42,1 điểm, "
        "43,2 điểm và 41,9 điểm.\n")
    results, _ = run(form(text))
    assert not {r for r in _folded(results, "scope") if r[0] == "tinh Binh Dinh (cu)"}


@pytest.mark.parametrize("form", FORMS)
def test_a_management_board_of_an_economic_zone_and_its_industrial_parks_is_one_lead(form):
    text = form("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính chủ trì tham mưu cơ chế hỗ trợ doanh nghiệp.\n"
                "2. Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp hỗ trợ nhà đầu tư về thủ tục đầu tư.\n"
                "3. Đề nghị Hiệp hội Doanh nghiệp tỉnh phản ánh kịp thời vướng mắc của doanh nghiệp.\n")
    tasks, _ = extract_tasks(doc_of(text))
    leads = [[unidecode(n) for n in t.lead] for t in tasks if t.source == "body"]
    assert leads == [["So Tai chinh"], ["Ban Quan ly Khu kinh te Van Phong va cac khu cong nghiep"],
                     ["Hiep hoi Doanh nghiep tinh"]]


def test_restorer_slips_in_office_names_snap_to_their_official_spelling():
    # what the restorer made of stripped names (tones only wrong); a ward's plan naming UBND tỉnh more often
    text = ("UBND tỉnh giao ... UBND tỉnh chỉ đạo ... UBND phường ban hành Kế hoạch.\nIV. TỔ CHỨC THỰC HIỆN\n"
            "1. Trung tâm Phục vụ hành chính công phương: tiếp nhận hồ sơ đúng hạn.\n"
            "2. Bản Thi đua - Khen thưởng: đưa kết quả cải cách hành chính vào bình xét thi đua.\n"
            "3. Trường các tổ dân phố: vận động người dân tham gia khảo sát.\n"
            "4. Hiệp hội Doanh nghiệp tính: phản ánh kịp thời vướng mắc của doanh nghiệp.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert [t.lead for t in tasks if t.source == "body"] == [
        ["Trung tâm Phục vụ hành chính công phường"], ["Ban Thi đua - Khen thưởng"], ["Trưởng các tổ dân phố"],
        ["Hiệp hội Doanh nghiệp tỉnh"]]


@pytest.mark.parametrize("form", FORMS)
def test_one_total_said_once_in_the_sentence_holds_for_every_rank_in_it(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "II. KẾT QUẢ\nĐối với Chỉ số PAPI năm 2024, tỉnh Nam Định (cũ) đạt 42,7 điểm, vị trí thứ 22; tỉnh Hà Nam (cũ) "
        "đạt 41,9 điểm, vị trí thứ 40 trong tổng số 63 tỉnh, thành phố.\nTrong tổng số 63 tỉnh, thành phố được "
        "đánh giá, Chỉ số SIPAS năm 2024 của tỉnh Nam Định (cũ) đạt 83,1%, đứng thứ 25; tỉnh Hà Nam (cũ) đạt 80,9%, "
        "đứng thứ 47.\n")
    results, _ = run(form(text))
    assert {(i, r, t) for i, r, t in rows(results, "index", "rank", "rank_total")} == {
        ("PAPI", 22, 63), ("PAPI", 40, 63), ("SIPAS", 25, 63), ("SIPAS", 47, 63)}


@pytest.mark.parametrize("form", FORMS)
def test_former_units_named_bare_in_turn_take_the_unit_word_the_plan_gives_them(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "II. KẾT QUẢ\nNăm 2024, tỉnh Ninh Bình (cũ), tỉnh Hà Nam (cũ) và tỉnh Nam Định (cũ) đều tăng điểm. Chỉ số "
        "SIPAS năm 2024 của ba địa phương theo thứ tự Hà Nam (cũ), Nam Định (cũ), Ninh Bình (cũ) lần lượt là 80,4%, "
        "84,2% và 82,7%.\n")
    results, _ = run(form(text))
    assert _folded(results, "scope", "percent") == {
        ("tinh Ha Nam (cu)", 80.4), ("tinh Nam Dinh (cu)", 84.2), ("tinh Ninh Binh (cu)", 82.7)}


@pytest.mark.parametrize("form", FORMS)
def test_changes_listed_and_the_leaders_value_are_no_results(form):
    text = header("TỈNH NINH BÌNH", "Ninh Bình") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số PAPI của tỉnh Hà Nam (cũ) đạt 41,2 điểm, tăng 0,5 điểm; Chỉ số PAPI của tỉnh "
        "Nam Định (cũ) tăng 1,5 điểm, đạt 43,1 điểm. So với năm 2023, điểm PAPI của tỉnh Ninh Bình (cũ) và Hà Nam "
        "(cũ) đều giảm (lần lượt giảm 0,62 điểm và 1,37 điểm). Chỉ số nội dung Quản trị điện tử của tỉnh Hà Nam (cũ) "
        "đạt 3,11 điểm, trong khi tỉnh dẫn đầu cả nước ở chỉ số này đạt 6,02 điểm.\n")
    results, _ = run(form(text))
    assert {r[1] for r in _folded(results, "scope", "score")} == {41.2, 43.1, 3.11}


@pytest.mark.parametrize("form", FORMS)
def test_former_departments_with_long_names_as_subjects_under_a_results_heading(form):
    text = header("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Bình Phước") + (
        "KẾ HOẠCH\nNâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng năm 2025\n\n"
        "I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH, CHỈ SỐ HÀI LÒNG NĂM 2024\n"
        "Năm 2024, hai sở trước hợp nhất được xếp hạng riêng trong khối 20 sở, ban, ngành tỉnh. Sở Lao động - "
        "Thương binh và Xã hội (cũ) đạt 84,10 điểm, đứng thứ 9 trên 20 cơ quan; Sở Nông nghiệp và Phát triển nông "
        "thôn (cũ) đạt 80,05 điểm, đứng thứ 18 trên 20 cơ quan.\nKết quả khảo sát sự hài lòng của người dân, tổ chức "
        "đối với hai Sở năm 2024 lần lượt đạt 90,40% và 85,75%.\n")
    results, _ = run(form(text))
    got = _folded(results, "index", "scope", "score", "percent", "rank", "rank_total")
    assert got == {("PAR INDEX", "So Lao dong - Thuong binh va Xa hoi (cu)", 84.1, None, 9, 20),
                   ("PAR INDEX", "So Nong nghiep va Phat trien nong thon (cu)", 80.05, None, 18, 20),
                   ("SIPAS", "So Lao dong - Thuong binh va Xa hoi (cu)", None, 90.4, None, None),
                   ("SIPAS", "So Nong nghiep va Phat trien nong thon (cu)", None, 85.75, None, None)}


@pytest.mark.parametrize("form", FORMS)
def test_departments_named_after_cac_so(form):
    text = form("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: theo dõi, tổng hợp.\n"
                "2. Các sở: Tư pháp, Y tế, Văn hóa, Thể thao và Du lịch\nRà soát thủ tục hành chính thuộc lĩnh vực quản lý.\n"
                "3. Các sở, ngành Xây dựng, Văn phòng UBND tỉnh, Công Thương căn cứ chức năng, nhiệm vụ tham mưu UBND tỉnh.\n")
    tasks, _ = extract_tasks(doc_of(text))
    leads = [[unidecode(n) for n in t.lead] for t in tasks if t.source == "body"]
    assert leads == [["So Noi vu"], ["So Tu phap", "So Y te", "So Van hoa, The thao va Du lich"],
                     ["So Xay dung", "Van phong UBND tinh", "So Cong Thuong"]]


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_the_provinces_content_indices_with_average_and_change_columns(form):
    # the lead-in names no unit: the sentence before it does; `TB cả nước` and `So với 2021` are no year's values
    text = header("THỊ XÃ HƯƠNG TRÀ", "Hương Trà") + (
        "II. KẾT QUẢ\nNăm 2022, Chỉ số PAPI của tỉnh Thừa Thiên Huế đạt 43,90 điểm, xếp thứ 16/63 tỉnh, thành phố. "
        "Kết quả các chỉ số nội dung như sau:\n\n"
        "TT    Chỉ số nội dung                        Điểm 2022   TB cả nước    So với 2021\n"
        "1     Tham gia của người dân ở cấp cơ sở     5,12        5,07          +0,10\n"
        "2     Quản trị môi trường                    3,28        3,52          -0,25\n"
        "3     Quản trị điện tử                       4,05        3,86          +0,31\n\n"
        "Chỉ số cải cách hành chính năm 2022 của thị xã đạt 81,20 điểm.\n")
    results, targets = run(form(text))
    got = _folded([r for r in results if r.component], "component", "year", "scope", "score")
    assert got == {("Tham gia cua nguoi dan o cap co so", 2022, "tinh Thua Thien Hue", 5.12),
                   ("Quan tri moi truong", 2022, "tinh Thua Thien Hue", 3.28),
                   ("Quan tri dien tu", 2022, "tinh Thua Thien Hue", 4.05)}
    assert not targets


_FACTOR_TABLE = ("| STT | Yếu tố                                   | Năm 2024 (%) | Tăng, giảm so    |\n"
                 "|     |                                          |              | với năm 2023     |\n"
                 "| 1   | Tiếp cận dịch vụ hành chính công         | 87,10        | +1,40            |\n"
                 "| 2   | Thủ tục hành chính                       | 84,25        | +0,95            |\n")


@pytest.mark.parametrize("form", FORMS)
def test_a_factor_table_takes_the_unit_of_the_wrapped_sentence_before_its_lead_in(form):
    text = header("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thanh Hóa") + (
        "II. KẾT QUẢ NĂM 2024\nNăm 2024, Chỉ số SIPAS của tỉnh Thanh Hóa đạt 85,60%, xếp thứ 25/63 tỉnh, thành phố (năm\n"
        "2023 đạt 83,10%). Mức độ hài lòng theo từng yếu tố như sau:\n" + _FACTOR_TABLE)
    results, _ = run(form(text))
    assert _folded([r for r in results if r.component], "component", "year", "scope", "percent") == {
        ("Tiep can dich vu hanh chinh cong", 2024, "tinh Thanh Hoa", 87.1), ("Thu tuc hanh chinh", 2024, "tinh Thanh Hoa", 84.25)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("before", [
    "So với các tỉnh Bắc Trung Bộ, tỉnh đứng sau tỉnh Nghệ An (86,01%) và tỉnh Hà Tĩnh.",  # a comparison
    "Chỉ số SIPAS năm 2024 của phường đạt 86,2%, đứng thứ 12 trong tổng số 166 xã, phường của tỉnh Thanh Hóa."])
def test_the_sentence_before_a_lead_in_gives_no_compared_unit_nor_the_one_ranked_among(form, before):
    text = header("PHƯỜNG HẠC THÀNH", "Thanh Hóa") + f"II. KẾT QUẢ NĂM 2024\n{before} Kết quả theo từng yếu tố:\n" + _FACTOR_TABLE
    results, _ = run(form(text))
    assert {r.scope for r in results if r.component} == {None}


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_former_departments_one_cell_per_line_then_their_satisfaction_in_a_wrapped_sentence(form):
    text = header("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Gia Lai") + (
        "II. KẾT QUẢ NĂM 2024\nBảng 1. Kết quả Chỉ số CCHC năm 2024 của các sở trước hợp nhất\nSTT\nCơ quan\nĐiểm đạt\n"
        "Xếp hạng\n1\nSở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum (cũ)\n85,15\n10/21\n2\n"
        "Sở Tài nguyên và Môi trường tỉnh\nKon Tum (cũ)\n83,40\n15/21\n"
        "Về mức độ hài lòng, năm 2024 Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum\n(cũ) đạt 90,10%, Sở Tài "
        "nguyên và Môi trường tỉnh Kon Tum (cũ) đạt 86,05%.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "score", "percent", "rank") == {
        ("PAR INDEX", "So Nong nghiep va Phat trien nong thon tinh Kon Tum (cu)", 85.15, None, 10),
        ("PAR INDEX", "So Tai nguyen va Moi truong tinh Kon Tum (cu)", 83.4, None, 15),
        ("SIPAS", "So Nong nghiep va Phat trien nong thon tinh Kon Tum (cu)", None, 90.1, None),
        ("SIPAS", "So Tai nguyen va Moi truong tinh Kon Tum (cu)", None, 86.05, None)}


@pytest.mark.parametrize("form", FORMS)
def test_former_communes_ranked_among_a_former_district_then_three_rates_in_turn(form):
    text = header("XÃ ĐAN PHƯỢNG", "Lâm Đồng") + (
        "II. KẾT QUẢ NĂM 2024\nNăm 2024, Chỉ số cải cách hành chính của huyện Lâm Hà (cũ) đạt 83,10 điểm, xếp thứ 6/12 "
        "huyện, thành phố của tỉnh Lâm Đồng (cũ).\nTrong 16 xã, thị trấn của huyện Lâm Hà (cũ), xã Tân Hà (cũ) đạt 84,20 "
        "điểm, xếp thứ 4; xã Liên Hà (cũ) đạt 81,05 điểm, xếp thứ 10; xã Đan Phượng (cũ) đạt 79,40 điểm, xếp thứ 14. "
        "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của ba đơn vị này lần lượt là 89,10%, 86,20% và "
        "84,35%.\n")
    results, _ = run(form(text))
    got = _folded(results, "index", "scope", "score", "percent", "rank", "rank_total")
    assert got == {("PAR INDEX", "huyen Lam Ha (cu)", 83.1, None, 6, 12),
                   ("PAR INDEX", "xa Tan Ha (cu)", 84.2, None, 4, 16), ("PAR INDEX", "xa Lien Ha (cu)", 81.05, None, 10, 16),
                   ("PAR INDEX", "xa Dan Phuong (cu)", 79.4, None, 14, 16),
                   ("SIPAS", "xa Tan Ha (cu)", None, 89.1, None, None), ("SIPAS", "xa Lien Ha (cu)", None, 86.2, None, None),
                   ("SIPAS", "xa Dan Phuong (cu)", None, 84.35, None, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_total_closing_one_rank_is_not_given_to_a_rank_after_it(form):
    text = header("TỈNH THANH HÓA", "Thanh Hóa") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số PAR INDEX của tỉnh đứng thứ 12 trên 63 tỉnh, thành phố; Chỉ số SIPAS ở vị trí thứ 9 "
        "cả nước.\n")
    results, _ = run(form(text))
    assert rows(results, "index", "rank", "rank_total") == {("PAR INDEX", 12, 63), ("SIPAS", 9, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_sentence_opening_with_an_index_is_not_the_sentence_before_it(form):
    # the board's own index: not the province named in the sentence before
    text = ("UBND TỈNH BẮC NINH\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\nSố: 12/KH-BQL          Bắc Ninh, ngày 3 tháng 2 năm 2024\n\n"
            "II. KẾT QUẢ\nChỉ số chuyển đổi số (DTI) năm 2023 của tỉnh xếp thứ 13/63 với 0,5412 điểm. Chỉ số cải cách "
        "hành chính năm 2023 của Ban Quản lý đạt 86,75 điểm, xếp thứ 11/23 cơ quan, đơn vị cấp tỉnh.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope") == {("DTI", "tinh Bac Ninh"), ("PAR INDEX", None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_lead_in_naming_no_unit_after_a_heading_takes_the_province_of_the_sentence_before(form):
    # `liên quan` and `một số` fold like unit words (`quận`, `Sở`): no unit is named in the lead-in
    text = header("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Bắc Ninh") + (
        "I. KẾT QUẢ NĂM 2023\n\nNăm 2023, Chỉ số PCI của tỉnh Bắc Ninh đạt 68,40 điểm, xếp thứ 7/63 tỉnh, thành phố, tăng 1 "
        "bậc so với năm 2022. Một số chỉ số thành phần liên quan trực tiếp đến lĩnh vực của Ban Quản lý:\n\n"
        "TT  Chỉ số thành phần                  Năm 2022   Năm 2023   Tăng (+)/giảm (-)\n"
        "1   Chi phí gia nhập thị trường          7,11       7,30         +0,19\n"
        "2   Tiếp cận đất đai                     6,50       6,12         -0,38\n")
    results, _ = run(form(text))
    assert _folded([r for r in results if r.component], "component", "year", "scope", "score") == {
        ("Chi phi gia nhap thi truong", 2022, "tinh Bac Ninh", 7.11), ("Chi phi gia nhap thi truong", 2023, "tinh Bac Ninh", 7.3),
        ("Tiep can dat dai", 2022, "tinh Bac Ninh", 6.5), ("Tiep can dat dai", 2023, "tinh Bac Ninh", 6.12)}


@pytest.mark.parametrize("form", FORMS)
def test_the_city_above_a_department_and_the_clause_after_its_result(form):
    text = ("UBND THÀNH PHỐ HÀ NỘI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n     SỞ NỘI VỤ\n"
            "Số: 31/KH-SNV                  Hà Nội, ngày 9 tháng 6 năm 2026\n\nI. KẾT QUẢ\n"
            "Kết quả khảo sát năm 2025 của Thành phố cho thấy mức độ hài lòng đối với sự phục vụ của Sở đạt 86,40%.\n"
            "Năm 2025, Chỉ số PAR INDEX của thành phố Hà Nội đạt 90,80 điểm, xếp thứ 4/34 tỉnh, thành phố; Chỉ số SIPAS "
            "đạt 87,20%, xếp thứ 7/34. Chỉ số PAPI năm 2024 của Thành phố đạt 42,90 điểm, xếp thứ 15/61.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "score", "percent") == {
        ("SIPAS", None, None, 86.4), ("PAR INDEX", "thanh pho Ha Noi", 90.8, None),
        ("SIPAS", "thanh pho Ha Noi", None, 87.2), ("PAPI", "thanh pho Ha Noi", 42.9, None)}


@pytest.mark.parametrize("form", FORMS)
def test_a_column_of_points_or_rates_and_neighbours_and_the_leader(form):
    text = header("TỈNH GIA LAI", "Gia Lai") + (
        "II. KẾT QUẢ\nBảng 1. Kết quả các chỉ số năm 2024\n"
        "| Chỉ số    | Tỉnh Gia Lai (cũ)   |            | Tỉnh Bình Định (cũ) |            |\n"
        "|           | Điểm / tỷ lệ        | Xếp hạng   | Điểm / tỷ lệ        | Xếp hạng   |\n"
        "| PAR INDEX | 85,90               | 43/63      | 89,40               | 15/63      |\n"
        "| SIPAS     | 80,75%              | -          | 83,60%              | 25/63      |\n\n"
        "Tỉnh dẫn đầu Chỉ số PCI năm 2024 là Quảng Ninh với 73,02 điểm; tỉnh Kon Tum và tỉnh Phú Yên là hai địa "
        "phương lân cận lần lượt xếp thứ 40/63 và thứ 47/63.\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "scope", "score", "percent", "rank") == {
        ("PAR INDEX", "tinh Gia Lai (cu)", 85.9, None, 43), ("PAR INDEX", "tinh Binh Dinh (cu)", 89.4, None, 15),
        ("SIPAS", "tinh Gia Lai (cu)", None, 80.75, None), ("SIPAS", "tinh Binh Dinh (cu)", None, 83.6, 25)}


@pytest.mark.parametrize("form", FORMS)
def test_a_date_opening_the_next_line_is_no_name_of_the_city(form):
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 12/KH-UBND     Thành phố Hồ Chí Minh, ngày 3 tháng 2 năm 2026\n\n"
            "I. KẾT QUẢ\n2. Kết quả năm 2025 của Thành phố\nNăm 2025, Thành phố xếp thứ 9/34 về Chỉ số PAR INDEX với 90,02 "
            "điểm.\n")
    results, _ = run(form(text))
    assert rows(results, "index", "scope", "score", "rank") == {("PAR INDEX", None, 90.02, 9)}


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_year_rows_whose_lead_in_names_two_indices_and_its_header_one(form):
    text = header("THỊ XÃ BA ĐỒN", "Ba Đồn") + (
        "I. KẾT QUẢ GIAI ĐOẠN 2020 - 2022\n\nKết quả xác định Chỉ số cải cách hành chính và Chỉ số hài lòng của thị xã:\n\n"
        "   Năm      Điểm đạt (/100)    Xếp hạng    Chỉ số SIPAS (%)\n"
        "   2021         80,14             5/8           81,70\n"
        "   2022         82,96             3/8           84,05\n")
    results, _ = run(form(text))
    assert rows(results, "index", "year", "score", "max_score", "percent", "rank") == {
        ("PAR INDEX", 2021, 80.14, 100.0, None, 5), ("PAR INDEX", 2022, 82.96, 100.0, None, 3),
        ("SIPAS", 2021, None, None, 81.7, None), ("SIPAS", 2022, None, None, 84.05, None)}


@pytest.mark.parametrize("form", FORMS)
def test_columns_of_former_provinces_named_bare_under_a_wrapped_lead_in_and_the_leader_in_parentheses(form):
    text = header("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Tuyên Quang") + (
        "I. KẾT QUẢ NĂM 2024\n\nNăm 2024, Chỉ số DTI của tỉnh Tuyên Quang (cũ) đạt 0,5230 điểm, xếp thứ 33/63; tỉnh\n"
        "Hà Giang (cũ) đạt 0,4501 điểm, xếp thứ 57/63 tỉnh, thành phố (tỉnh dẫn đầu đạt\n"
        "0,7105 điểm). Kết quả các trụ cột như sau:\n\n"
        "| Trụ cột | Tuyên Quang (cũ) | Hà Giang (cũ) |\n"
        "| Chính quyền số | 0,5902 - 27/63 | 0,4480 - 59/63 |\n"
        "| Kinh tế số | 0,3700 - 43/63 | 0,3105 - 58/63 |\n")
    results, _ = run(form(text))
    assert _folded(results, "component", "scope", "score", "rank") == {
        (None, "tinh Tuyen Quang (cu)", 0.523, 33), (None, "tinh Ha Giang (cu)", 0.4501, 57),
        ("Chinh quyen so", "tinh Tuyen Quang (cu)", 0.5902, 27), ("Chinh quyen so", "tinh Ha Giang (cu)", 0.448, 59),
        ("Kinh te so", "tinh Tuyen Quang (cu)", 0.37, 43), ("Kinh te so", "tinh Ha Giang (cu)", 0.3105, 58)}


@pytest.mark.parametrize("form", FORMS)
def test_results_in_a_footnote_under_the_goals_with_one_unit_word_for_the_list(form):
    text = header("TỈNH PHÚ THỌ", "Phú Thọ") + (
        "II. MỤC TIÊU\n1. Năm 2025\n- Chỉ số PAR INDEX của tỉnh đạt từ 89 điểm trở lên.\n\n________________\n"
        "¹ Năm 2024, Chỉ số PAR INDEX của các tỉnh Phú Thọ (cũ), Vĩnh Phúc (cũ),\nHòa Bình (cũ) lần lượt đạt 88,10 điểm "
        "(xếp thứ 20/63), 87,35 điểm (xếp thứ 31/63) và 84,90 điểm (xếp thứ 52/63); Chỉ số SIPAS lần lượt đạt 83,20%, "
        "82,15% và 79,80%.\n")
    results, targets = run(form(text))
    assert _folded(results, "index", "scope", "score", "percent", "rank") == {
        ("PAR INDEX", "tinh Phu Tho (cu)", 88.1, None, 20), ("PAR INDEX", "tinh Vinh Phuc (cu)", 87.35, None, 31),
        ("PAR INDEX", "tinh Hoa Binh (cu)", 84.9, None, 52), ("SIPAS", "tinh Phu Tho (cu)", None, 83.2, None),
        ("SIPAS", "tinh Vinh Phuc (cu)", None, 82.15, None), ("SIPAS", "tinh Hoa Binh (cu)", None, 79.8, None)}
    assert rows(targets, "index", "metric", "value") == {("PAR INDEX", "score", 89)}


@pytest.mark.parametrize("form", FORMS)
def test_a_table_of_year_rows_under_columns_of_former_wards(form):
    text = header("PHƯỜNG BA ĐÌNH", "Hà Nội") + (
        "I. KẾT QUẢ CÁC NĂM 2023 - 2024\nKết quả Chỉ số cải cách hành chính của các phường (cũ) như sau:\n\n"
        "| Năm       | Phường Điện Biên (cũ) | Phường Quán Thánh (cũ) |\n"
        "| 2023      | 86,10 (5/14)          | 88,20 (2/14)           |\n"
        "| 2024      | 88,30 (3/14)          | 88,75 (2/14)           |\n"
        "| Bình quân | 87,20                 | 88,48                  |\n")
    results, _ = run(form(text))
    assert _folded(results, "index", "year", "scope", "score", "rank") == {
        ("PAR INDEX", 2023, "phuong Dien Bien (cu)", 86.1, 5), ("PAR INDEX", 2023, "phuong Quan Thanh (cu)", 88.2, 2),
        ("PAR INDEX", 2024, "phuong Dien Bien (cu)", 88.3, 3), ("PAR INDEX", 2024, "phuong Quan Thanh (cu)", 88.75, 2)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("sentence,expected", [
    # the plan's own unit leading the country keeps its value (review probes of this session's rules)
    ("Về Chỉ số SIPAS năm 2024, tỉnh dẫn đầu cả nước với 92,1%.", {("SIPAS", None, 92.1, None, None)}),
    # neighbours named earlier in the sentence are no subject of the value
    ("Năm 2024, so với các tỉnh lân cận, Chỉ số PCI của tỉnh đạt 68,2 điểm, xếp thứ 12/63.",
     {("PCI", 68.2, None, 12, 63)}),
    # a regional total after a national rank is not that rank's
    ("Năm 2024, Chỉ số PAPI của tỉnh đạt 45,1 điểm, xếp thứ 5 toàn quốc, đứng thứ 1 trong 6 tỉnh Bắc Trung Bộ.",
     {("PAPI", 45.1, None, 5, None), ("PAPI", None, None, 1, 6)}),
])
def test_review_probes_over_the_sessions_rules(form, sentence, expected):
    results, _ = run(form(header("TỈNH NGHỆ AN", "Nghệ An") + "II. KẾT QUẢ\n" + sentence + "\n"))
    assert rows(results, "index", "score", "percent", "rank", "rank_total") == expected


def test_a_bare_unit_word_after_cac_so_nganh_is_no_department():
    text = "IV. TỔ CHỨC THỰC HIỆN\n2. Các sở, ngành Thành phố, Ủy ban nhân dân các quận chủ động triển khai Kế hoạch.\n"
    tasks, _ = extract_tasks(doc_of(text))
    assert not any(n.startswith("Sở Thành phố") for t in tasks for n in t.lead)


@pytest.mark.parametrize("form", FORMS)
def test_ranks_listed_after_values_in_turn_with_one_total(form):
    text = header("XÃ LẬP THẠCH", "Vĩnh Phúc") + (
        "II. KẾT QUẢ\nNăm 2024, Chỉ số CCHC của thị trấn Hoa Sơn (cũ), xã Xuân Lôi (cũ) và xã Tử Du (cũ) lần lượt đạt "
        "86,40 điểm, 82,15 điểm và 79,90 điểm, xếp thứ 4, thứ 10 và thứ 16 trong tổng số 18 xã, thị trấn.\n")
    results, _ = run(form(text))
    assert _folded(results, "scope", "score", "rank", "rank_total") == {
        ("thi tran Hoa Son (cu)", 86.4, 4, 18), ("xa Xuan Loi (cu)", 82.15, 10, 18), ("xa Tu Du (cu)", 79.9, 16, 18)}
