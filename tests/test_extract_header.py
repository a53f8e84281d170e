"""Header, issuer, signer, indices and period rules on sentences written for the tests, each with
diacritics and in the English-OCR / stripped forms old archives hold."""
import pytest
from unidecode import unidecode

from extract.dates import read_long_date
from extract.header import extract_header, read_period
from extract.indices import canonical_index, indices_in_order
from extract.patterns import clean_number, fold
from extract.signer import extract_signer
from normalize import NormalizeOptions, normalize_document
from ocr.types import DocumentText, PageText

HEADER = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ KHOA HỌC VÀ CÔNG NGHỆ    Độc lập - Tự do - Hạnh phúc
Số: 57 /KH-SKHCN    Quảng Trị, ngày 03 tháng 9 năm 2024

KẾ HOẠCH
Nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng
của người dân năm 2024

Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2024 của UBND tỉnh;
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Cải thiện Chỉ số PAPI và chỉ số PAR INDEX của tỉnh.
II. NHIỆM VỤ
Phối hợp triển khai khảo sát PCI.
Nơi nhận:    KT. GIÁM ĐỐC
- UBND tỉnh;    PHÓ GIÁM ĐỐC
- Lưu: VT.

Hoàng Thị Mai Anh
"""


def _norm(text: str):
    doc = DocumentText(path="t.txt", media_type="text/plain", pages=[PageText(1, text, "plain_text")])
    return normalize_document(doc, NormalizeOptions(restore="never"))


@pytest.mark.parametrize("variant", ["diacritics", "stripped"])
def test_header_fields(variant):
    text = HEADER if variant == "diacritics" else unidecode(HEADER)
    doc = _norm(text)
    h = extract_header(doc)
    assert h.doc_type == "Kế hoạch"
    assert h.number == "57/KH-SKHCN"
    assert fold(h.title) == fold("Nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân năm 2024")
    assert h.issue_date == "2024-09-03"
    assert h.issue_place == "Quảng Trị"  # restored from the gazetteer when printed without diacritics
    assert h.issuer.name == "Sở Khoa học và Công nghệ"
    assert h.issuer.superior == "Ủy ban nhân dân tỉnh Quảng Trị"
    assert (h.issuer.level, h.issuer.province) == ("department", "Quảng Trị")
    assert (h.period.from_year, h.period.to_year) == (2024, 2024)
    assert h.evidence["number"].page == 1


@pytest.mark.parametrize("variant", ["diacritics", "stripped"])
def test_signer_block_beside_recipients(variant):
    text = HEADER if variant == "diacritics" else unidecode(HEADER)
    res = extract_signer(_norm(text))
    assert res.signer.position == "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"
    assert fold(res.signer.name) == fold("Hoàng Thị Mai Anh")


def test_signer_ocr_slips_and_missing_name():
    text = "nội dung.\n\nNoi nhén: KT. GIAM POC\n- UBND tinh (b/c); 0 A 0\n- Luu: VT, VP.\n"
    res = extract_signer(_norm(text))
    assert res.signer.position == "KT. GIÁM ĐỐC" and res.signer.name is None
    assert any("name not found" in w for w in res.warnings)


def test_indices_from_title_and_objectives_only():
    from extract.plan import extract_plan

    ext = extract_plan(_norm(HEADER))
    # PAR INDEX, SIPAS from the title; PAPI from Mục đích; PCI only under NHIỆM VỤ -> not listed.
    assert ext.document.indices == ["PAR INDEX", "SIPAS", "PAPI"]


@pytest.mark.parametrize("text, name", [
    ("PAR-INDEX", "PAR INDEX"), ("Par Index", "PAR INDEX"), ("Chi s6 cai cach hanh chinh", "PAR INDEX"),
    ("Chỉ số CCHC", "PAR INDEX"), ("Chi sb hai long cua nguoi dan", "SIPAS"), ("SIPAS", "SIPAS"),
    ("Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh", "PAPI"), ("Chỉ số năng lực cạnh tranh", "PCI"),
    ("DTI", "DTI"), ("khảo sát ý kiến lãnh đạo, quản lý", "SIPAS_LEADERS"), ("kế hoạch năm 2025", None),
])
def test_canonical_index(text, name):
    assert canonical_index(text) == name


def test_indices_in_order_of_first_mention():
    assert indices_in_order(["nâng cao PAPI và SIPAS", "PAR INDEX; SIPAS"]) == ["PAPI", "SIPAS", "PAR INDEX"]


@pytest.mark.parametrize("line, iso, warn", [
    ("Cao Bằng, ngày 18 tháng 7 năm 2025", "2025-07-18", None),
    ("Cao Bang, ngay 18 thang 7 nam 2025", "2025-07-18", None),
    ("Lao Cai, ngay30 thdng 7 nam 2025", "2025-07-30", None),
    ("Minh Xuan, ngay 2#thang 02 ndam 2026", None, "day unreadable"),
    ("Ha Tinh, ngdy 14thangs ndam 2023", None, "month unreadable"),
    ("Hà Nội, ngày 30 tháng 02 năm 2024", None, "not a valid date"),
    ("Huế, ngày O5 tháng 1O năm 2023", "2023-10-05", None),
])
def test_long_dates(line, iso, warn):
    reading = read_long_date(fold(line), line)
    assert reading.iso == iso
    assert (reading.warning is None) if warn is None else (warn in reading.warning)


def test_unreadable_issue_date_is_null_with_warning():
    text = HEADER.replace("ngày 03 tháng 9", "ngày 0# tháng 9")
    h = extract_header(_norm(text))
    assert h.issue_date is None
    assert any("day unreadable" in w for w in h.warnings)


@pytest.mark.parametrize("raw, clean", [("38 /KH-UBND", "38/KH-UBND"), ("2O1/QD-BNV", "201/QĐ-BNV"),
                                        ("60/2021/ND-CP", "60/2021/NĐ-CP"), ("57-NQ/TW", "57-NQ/TW"),
                                        ("880/QDb-UBND", "880/QĐ-UBND"), ("29-CTr/TU", "29-CTr/TU")])
def test_clean_number(raw, clean):
    assert clean_number(raw) == clean


@pytest.mark.parametrize("header_line", ["S6: 221 /KH-UBND Ha Tinh, ngay 14 thang 6 nam 2023",
                                         "Sb: 221 /KH-UBND Ha Tinh, ngay 14 thang 6 nam 2023",
                                         "$6:221 /KH-UBND Ha Tinh, ngay 14 thang 6 nam 2023"])
def test_number_line_ocr_forms(header_line):
    text = f"UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\nTINH HA TINH Doc lap - Tu do - Hanh phuc\n" \
           f"{header_line}\nKE HOACH\nKhac phuc ton tai trong nam 2023\n\nThuc hien chi dao."
    h = extract_header(_norm(text))
    assert h.number == "221/KH-UBND" and h.issue_place == "Hà Tĩnh" and h.issue_date == "2023-06-14"
    assert h.issuer.name == "Ủy ban nhân dân tỉnh Hà Tĩnh" and h.issuer.level == "province"


def test_issuer_from_body_when_header_missing():
    text = ("KẾ HOẠCH\nCải thiện các Chỉ số năm 2025\n\nTrên cơ sở đánh giá, UBND tỉnh Cao Bằng ban hành Kế hoạch "
            "cải thiện các chỉ số, cụ thể như sau:\nI. MỤC TIÊU\n")
    h = extract_header(_norm(text))
    assert h.issuer.name == "Ủy ban nhân dân tỉnh Cao Bằng" and h.issuer.province == "Cao Bằng"
    assert h.number is None and any("number" in w for w in h.warnings)


def test_ward_issuer_with_lost_committee_line_gets_province_from_body():
    text = ("PHUONG MINH XUAN Doc lap - Tu do - Hanh phuc\nSo: 38 /KH-UBND Minh Xuan, ngay 3 thang 2 nam 2026\n"
            "KE HOACH\nNang cao Chi so PAR INDEX phuong Minh Xuan, giai doan 2026-2030\n\n"
            "Thuc hien Ke hoach so 13/KH-UBND cua UBND tinh Tuyen Quang ve cai cach.\n")
    h = extract_header(_norm(text))
    assert h.issuer.name == "Ủy ban nhân dân phường Minh Xuân"
    assert (h.issuer.level, h.issuer.province) == ("ward", "Tuyên Quang")
    assert (h.period.from_year, h.period.to_year) == (2026, 2030)


@pytest.mark.parametrize("title, years", [("năm 2025", (2025, 2025)), ("giai đoạn 2026-2030", (2026, 2030)),
                                          ("giai doan 2025 - 2027", (2025, 2027)),
                                          ("từ năm 2024 đến năm 2026", (2024, 2026)), ("không có năm", (None, None))])
def test_period(title, years):
    p = read_period(title, "")
    assert (p.from_year, p.to_year) == years


def test_signer_block_before_an_appendix_table():
    text = ("KẾ HOẠCH\nTiêu đề năm 2025\n\nNội dung kế hoạch.\n"
            "Nơi nhận:    TM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ;    CHỦ TỊCH\n- Lưu: VT.\n\nNguyễn Văn Bình\n"
            "PHỤ LỤC\nNHIỆM VỤ CẢI THIỆN CHỈ SỐ\n(Kèm theo Kế hoạch số 38/KH-UBND)\nSTT | Nội dung | Chủ trì\n"
            "1 | Tuyên truyền | Văn Phòng Ủy Ban\n")
    res = extract_signer(_norm(text))
    assert res.signer.position == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
    assert res.signer.name == "Nguyễn Văn Bình"


def test_period_range_wins_over_single_year():
    p = read_period("Cải thiện chỉ số năm 2025, giai đoạn 2025 - 2030", "")
    assert (p.from_year, p.to_year) == (2025, 2030)


def test_title_stops_at_an_unseparated_body_sentence():
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN BẢO LẠC\nSố: 5/KH-UBND    Bảo Lạc, ngày 2 tháng 3 năm 2023\nKẾ HOẠCH\n"
            "Nâng cao Chỉ số PAPI năm 2023\nNgày 10/01/2023, Ủy ban nhân dân tỉnh đã công bố kết quả.\n")
    h = extract_header(_norm(text))
    assert h.title == "Nâng cao Chỉ số PAPI năm 2023"
    assert h.issuer.name == "Ủy ban nhân dân huyện Bảo Lạc" and h.issuer.level == "district"


def test_header_columns_printed_one_after_the_other():
    text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập — Tự do — Hạnh phúc\nỦY BAN NHÂN DÂN TỈNH GIA LAI\n"
            "SỞ NỘI VỤ\nSố: 88/KH-SNV\nGia Lai, ngày 9 tháng 10 năm 2025\nKẾ HOẠCH\nCải thiện Chỉ số SIPAS năm 2025\n")
    h = extract_header(_norm(text))
    assert (h.number, h.issue_place, h.issue_date) == ("88/KH-SNV", "Gia Lai", "2025-10-09")
    assert (h.issuer.name, h.issuer.superior) == ("Sở Nội vụ", "Ủy ban nhân dân tỉnh Gia Lai")


def test_person_names_without_diacritics_use_the_name_tables():
    from extract.names import restore_person_name

    assert restore_person_name("TRAN HUY TUAN") == "Trần Huy Tuấn"
    assert restore_person_name("Vụ Đức Long") == "Vũ Đức Long"  # a restorer's guess is re-read too
    assert restore_person_name("Nguyen Zzz") == "Nguyễn Zzz"  # unknown syllables kept


def test_signer_name_printed_with_diacritics_is_kept():
    text = "Nội dung.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Tuân\n"
    assert extract_signer(_norm(text)).signer.name == "Nguyễn Văn Tuân"
    assert extract_signer(_norm(unidecode(text))).signer.name == "Nguyễn Văn Tuấn"  # the commoner spelling


def test_unit_name_spelt_two_ways_resolved_within_the_province():
    from extract.places import restore_place, unit_name

    assert unit_name("Minh Xuan") == "Minh Xuân"
    ambiguous = "Long Thanh"
    assert unit_name(ambiguous) is None  # Long Thành and Long Thạnh both exist
    assert restore_place(ambiguous, "Đồng Nai") == "Long Thành"


@pytest.mark.parametrize("block, position", [
    ("KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN"),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG"),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
    ("CHANH THANH TRA", "CHÁNH THANH TRA"),
])
def test_signature_positions(block, position):
    res = extract_signer(_norm(f"Nội dung kế hoạch.\n{block}\n\nLê Văn Nam\n"))
    assert res.signer.position == position and res.signer.name == "Lê Văn Nam"


def test_ocr_specks_around_header_lines():
    text = ("ỦY BAN NHÂN DÂN ˆ\n._ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTÍNH THÁI NGUYÊN\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 3044/KH-UBND\nl\nThái Nguyên, ngày 19 tháng 6 năm 2025 -\nKẾ HOẠCH :\n"
            "Cải thiện Chỉ số PAPI giai đoạn 2025-2029\nCăn cứ Quyết định số 1/QĐ-UBND ngày 2/3/2023.\n")
    h = extract_header(_norm(text))
    assert (h.doc_type, h.title) == ("Kế hoạch", "Cải thiện Chỉ số PAPI giai đoạn 2025-2029")
    assert (h.issuer.name, h.issuer.superior) == ("Ủy ban nhân dân tỉnh Thái Nguyên", None)
    assert (h.issue_place, h.issue_date) == ("Thái Nguyên", "2025-06-19")


def test_place_in_the_right_column_of_the_number_line():
    text = ("ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH BÌNH DƯƠNG                           Độc lập - Tự do - Hạnh phúc\n"
            "Số: 2368/KH-UBND                          Bình Dương, ngày 25 tháng 3 năm 2024\n\nKẾ HOẠCH\nTiêu đề năm 2024\n")
    assert extract_header(_norm(text)).issue_place == "Bình Dương"


def test_signer_name_with_english_ocr_marks():
    text = "Noi dung ke hoach.\nKT. CHU TICH\nPHO CHU TICH\n\nHoang Hu'u Cu'o'ng\n"
    assert extract_signer(_norm(text)).signer.name == "Hoàng Hữu Cường"
    text = "Noi dung ke hoach.\nKT. CHU TICH\nPHO CHU TICH\n\nTa. Quang Huy\n"
    assert extract_signer(_norm(text)).signer.name == "Tạ Quang Huy"


@pytest.mark.parametrize("left, name, level", [
    (["UBND TỈNH ĐẮK LẮK", "SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"], "Sở Nông nghiệp và Môi trường", "department"),
    (["UBND TỈNH ĐẮK LẮK", "TRUNG TÂM PHỤC VỤ HÀNH", "CHÍNH CÔNG"], "Trung tâm phục vụ hành chính công", "other"),
    (["UBND TỈNH ĐẮK LẮK", "BAN QUẢN LÝ CÁC KHU", "CÔNG NGHIỆP"], "Ban Quản lý các khu công nghiệp", "other"),
])
def test_agency_names_over_two_header_lines(left, name, level):
    from extract.issuer import issuer_from_bodies, parse_header_bodies

    issuer = issuer_from_bodies(parse_header_bodies(left))
    assert issuer.name == name and issuer.superior == "Ủy ban nhân dân tỉnh Đắk Lắk" and issuer.level == level


def test_agency_printed_in_normal_case_kept():
    from extract.issuer import agency_name

    assert agency_name("Trung tâm Phục vụ hành chính công tỉnh") == "Trung tâm Phục vụ hành chính công tỉnh"
    assert agency_name("So Noi vu tinh Dak Lak") == "Sở Nội vụ tỉnh Đắk Lắk"
    assert agency_name("So N0i vu") == "Sở Nội vụ"  # an OCR slip in a known name


def test_district_office_is_a_department_one_level_down():
    from extract.issuer import issuer_from_bodies, parse_header_bodies

    issuer = issuer_from_bodies(parse_header_bodies(["UBND HUYỆN BẢO LẠC", "PHÒNG NỘI VỤ"]))
    assert (issuer.name, issuer.superior, issuer.level) == ("Phòng Nội vụ", "Ủy ban nhân dân huyện Bảo Lạc", "department")


@pytest.mark.parametrize("read, expected", [
    ("Trân Thanh Yến", "Trần Thanh Yến"),   # grave accent read as nothing
    ("Phậm Văn Tuân", "Phạm Văn Tuân"),     # wrong tone mark; the given name stays as printed
    ("Lẽ Thị Hoa", "Lê Thị Hoa"),
    ("Trần Thanh Yến", "Trần Thanh Yến"),   # a surname as read is kept
    ("Hà Văn Nam", "Hà Văn Nam"),
    ("Xyz Văn Nam", "Xyz Văn Nam"),         # no surname folds to it: left alone
    ("Doãn Văn Nam", "Doãn Văn Nam"),       # rarer surnames that fold like a common one stand
    ("Giàng A Páo", "Giàng A Páo"),
    ("Hạ Văn Nam", "Hạ Văn Nam"),           # a name syllable as read is not second-guessed
])
def test_a_surname_read_with_a_wrong_mark_is_repaired_when_the_text_has_diacritics(read, expected):
    text = ("Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc kế hoạch này.\n"
            f"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n{read}\n")
    assert extract_signer(_norm(text)).signer.name == expected
