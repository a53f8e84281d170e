"""Cited documents and the parent plan, on sentences written for the tests (with diacritics and stripped)."""
import pytest
from unidecode import unidecode

from extract.patterns import fold
from extract.references import extract_references, normalize_issuer
from normalize import NormalizeOptions, normalize_document
from ocr.types import DocumentText, PageText

BODY = """KẾ HOẠCH
Nâng cao các chỉ số năm 2024

Thực hiện Kế hoạch số 310/KH-UBND ngày 05/3/2024 của Ủy ban nhân dân (UBND) tỉnh Nghệ An về nâng cao
các chỉ số quản trị năm 2024; căn cứ các Quyết định: số 101/QĐ-BNV ngày 14/4/2023, số 102/QĐ-BNV ngày
15/4/2023 của Bộ trưởng Bộ Nội vụ về phê duyệt kết quả Chỉ số cải cách hành chính năm 2022;
Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể;
Căn cứ Văn bản số 839/SNV-CCHC&VTLT ngày 12/5/2023 của Sở Nội vụ;
Thực hiện Quyết định số 2629/QĐ-UBND ngày 23/12/2022 của UBND tỉnh về ban hành Kế hoạch cải cách hành chính.
Kế hoạch này thay thế Kế hoạch số 45/KH-UBND (Kế hoạch số 45/KH-UBND ngày 02/02/2023 của UBND tỉnh).
Số: 77/KH-UBND được nhắc lại ở đây nhưng là số của chính văn bản.
"""


def _refs(text: str, own="77/KH-UBND", province="Nghệ An"):
    doc = DocumentText(path="r.txt", media_type="text/plain", pages=[PageText(1, "", "plain_text"),
                                                                   PageText(2, text, "plain_text")])
    norm = normalize_document(doc, NormalizeOptions(restore="never"))
    return norm, *extract_references(norm, own, province)


@pytest.mark.parametrize("variant", ["diacritics", "stripped"])
def test_references_and_parent(variant):
    _, parent, refs, warnings = _refs(BODY if variant == "diacritics" else unidecode(BODY))
    by = {r.number: r for r in refs}
    assert [r.number for r in refs] == ["310/KH-UBND", "101/QĐ-BNV", "102/QĐ-BNV", "76/NQ-CP",
                                        "839/SNV-CCHC&VTLT", "2629/QĐ-UBND", "45/KH-UBND"]
    assert parent is not None and parent.number == "310/KH-UBND"
    assert (parent.doc_type, parent.date, parent.issuer) == ("Kế hoạch", "2024-03-05", "Ủy ban nhân dân tỉnh Nghệ An")
    assert fold(parent.subject) == fold("nâng cao các chỉ số quản trị năm 2024")
    # A list shares its type, issuer and subject.
    for n, d in (("101/QĐ-BNV", "2023-04-14"), ("102/QĐ-BNV", "2023-04-15")):
        assert (by[n].doc_type, by[n].date, by[n].issuer) == ("Quyết định", d, "Bộ Nội vụ")
        assert fold(by[n].subject).startswith("phe duyet ket qua")
    assert (by["76/NQ-CP"].date, by["76/NQ-CP"].issuer) == ("2021-07-15", "Chính phủ")
    assert (by["839/SNV-CCHC&VTLT"].doc_type, by["839/SNV-CCHC&VTLT"].issuer) == ("Văn bản", "Sở Nội vụ")
    # `UBND tỉnh` alone: the document's province.
    assert by["2629/QĐ-UBND"].issuer == "Ủy ban nhân dân tỉnh Nghệ An"
    # A first bare mention is completed by a later full one.
    assert (by["45/KH-UBND"].date, by["45/KH-UBND"].issuer) == ("2023-02-02", "Ủy ban nhân dân tỉnh Nghệ An")
    assert all(r.evidence and r.evidence.page == 2 for r in refs)


def test_only_thuc_hien_ke_hoach_is_parent():
    text = ("Căn cứ Kế hoạch số 12/KH-UBND ngày 01/02/2024 của UBND tỉnh;\n"
            "Thực hiện các Quyết định số 5/QĐ-BNV ngày 01/02/2024 của Bộ Nội vụ.\n")
    _, parent, refs, _ = _refs(text)
    assert parent is None and len(refs) == 2


def test_english_ocr_citation():
    text = ("Thuc hién Ké hoach sé 2163/KH-UBND ngay 12/7/2025 ctia Uy ban nhan\ndan (UBND) tinh Cao Bang vé "
            "Ké hoach cai thién cac Chi s6 nam 2025. Tai Quyét dinh s6 268/QP-\nBNV ngay 28/3/2025 cta Bo "
            "trudng B Noi vu vé viéc phé duyét két qua.\n")
    _, parent, refs, _ = _refs(text, province="Cao Bằng")
    assert parent.number == "2163/KH-UBND" and parent.issuer == "Ủy ban nhân dân tỉnh Cao Bằng"
    assert parent.date == "2025-07-12"
    assert refs[1].number == "268/QĐ-BNV" and refs[1].issuer == "Bộ Nội vụ" and refs[1].date == "2025-03-28"


def test_same_number_different_dates_are_two_documents():
    text = ("Căn cứ Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ và Chỉ thị số 26/CT-TTg ngày "
            "20/10/2023 của Thủ tướng Chính phủ; Chỉ thị số 26/CT-TTg ngày 05/9/2016.\n")
    _, _, refs, _ = _refs(text)
    assert [(r.number, r.date) for r in refs] == [("26/CT-TTg", "2016-09-05"), ("26/CT-TTg", "2023-10-20")]


def test_kinds_beyond_the_usual():
    _, _, refs, _ = _refs("Thực hiện Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về khuyến khích.\n")
    assert (refs[0].doc_type, refs[0].number, refs[0].issuer) == ("Kết luận", "14-KL/TW", "Bộ Chính trị")


def test_unreadable_reference_date_gives_null_and_warning():
    _, _, refs, warnings = _refs("Căn cứ Quyết định số 9/QĐ-TTg ngày 3#/4/2024 của Thủ tướng Chính phủ.\n")
    assert refs[0].number == "9/QĐ-TTg" and refs[0].date is None and refs[0].issuer == "Thủ tướng Chính phủ"
    assert any("9/QĐ-TTg" in w and "day unreadable" in w for w in warnings)


@pytest.mark.parametrize("printed, expected", [
    ("Bộ trưởng Bộ Nội vụ", "Bộ Nội vụ"), ("Thu tuéng Chinh pht", "Thủ tướng Chính phủ"),
    ("HĐND tỉnh Điện Biên", "Hội đồng nhân dân tỉnh Điện Biên"), ("So Noi vu", "Sở Nội vụ"),
    ("UBND thành phố", "Ủy ban nhân dân thành phố Nghệ An"), ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Nghệ An"),
    ("Tinh uy Dien Bien", "Tỉnh ủy Điện Biên"), ("Tinh @ty", "Tỉnh ủy Nghệ An"),
])
def test_normalize_issuer(printed, expected):
    assert normalize_issuer(printed, "Nghệ An") == expected


def test_issuer_followed_by_a_verb():
    _, _, refs, _ = _refs("Căn cứ Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ phê duyệt "
                          "Đề án Văn hóa công vụ; Quyết định số 7/QĐ-UBND ngày 2/1/2024 của UBND tỉnh Gia Lai "
                          "phê duyệt danh mục.\n")
    assert [r.issuer for r in refs] == ["Thủ tướng Chính phủ", "Ủy ban nhân dân tỉnh Gia Lai"]


@pytest.mark.parametrize("printed, own, expected", [
    ("UBND xã", "Ủy ban nhân dân xã Ea Tân", "Ủy ban nhân dân xã Ea Tân"),
    ("Ủy ban nhân dân huyện", "Ủy ban nhân dân huyện Bảo Lạc", "Ủy ban nhân dân huyện Bảo Lạc"),
    ("HĐND phường", "Ủy ban nhân dân phường Minh Xuân", "Hội đồng nhân dân phường Minh Xuân"),
    ("UBND xã", "Ủy ban nhân dân phường Minh Xuân", "Ủy ban nhân dân xã"),  # another kind of unit: as printed
    ("Sở", "Sở Tư pháp", "Sở Tư pháp"),
    ("Văn phòng UBND tỉnh", "Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh Nghệ An"),
])
def test_issuer_of_the_plans_own_unit(printed, own, expected):
    from extract.issuer import issuer_from_bodies, parse_header_bodies

    issuer = issuer_from_bodies(parse_header_bodies([own]))
    assert normalize_issuer(printed, "Nghệ An", issuer) == expected


def test_compound_type_and_ocr_paren_for_so():
    text = ("Thực hiện Thông báo kết luận số 169/TB-VPCP ngày 05/5/2023 của Văn phòng Chính phủ; tại Văn bản )\n"
            "839/SNV-CCHC ngày 12/5/2023 của Sở Nội vụ; Chỉ thị số 5-CT/TU của Tinh @ty.\n")
    _, _, refs, _ = _refs(text)
    assert [(r.doc_type, r.number) for r in refs] == [("Thông báo", "169/TB-VPCP"), ("Văn bản", "839/SNV-CCHC"),
                                                      ("Chỉ thị", "5-CT/TU")]
    assert refs[2].issuer == "Tỉnh ủy Nghệ An"


def test_issuer_place_followed_by_ocr_junk():
    assert normalize_issuer("Ủy ban nhân dân tỉnh\nThái Nguyên vẽ-triển khai khảo sát", None) == \
        "Ủy ban nhân dân tỉnh Thái Nguyên"


def test_ocr_damaged_unit_name_resolved_within_the_province():
    assert normalize_issuer("UBND thị xã Bình\nLượng", "Bình Phước") == "Ủy ban nhân dân thị xã Bình Long"
    assert normalize_issuer("Ủy ban nhân dân'(UBND) tỉnh Khánh Hòa", None) == "Ủy ban nhân dân tỉnh Khánh Hòa"


def test_english_ocr_slips_in_citations():
    text = ("Thuc hien Ke hoa.ch so 888/KH-UBND ngay 24/3/2024 cua UBND tinh; Can cu Quyet dinh so 5/QD-BNV ngay "
            "2/1/2024 cua Bo tru'ong Bo Noi vu; Nghi quyet so 407/NQ-HDND ngay 17/10/2022 cua HDND thanh ph6 Da Nang;\n")
    _, parent, refs, _ = _refs(text, province="Đà Nẵng")
    assert parent is not None and parent.number == "888/KH-UBND"
    assert [r.issuer for r in refs] == ["Ủy ban nhân dân tỉnh Đà Nẵng", "Bộ Nội vụ", "Hội đồng nhân dân thành phố Đà Nẵng"]


@pytest.mark.parametrize("printed, expected", [
    ("UBND huyện", "Ủy ban nhân dân huyện Krông Năng"),  # the body printed above the commune
    ("Đảng ủy xã", "Đảng ủy xã Ea Tân"), ("Huyện ủy", "Huyện ủy Krông Năng"),
    ("Ban Thường vụ Đảng ủy xã", "Ban Thường vụ Đảng ủy xã Ea Tân"),
])
def test_local_bodies_of_a_commune_plan(printed, expected):
    from extract.issuer import issuer_from_bodies, parse_header_bodies

    own = issuer_from_bodies(parse_header_bodies(["UBND HUYỆN KRÔNG NĂNG", "ỦY BAN NHÂN DÂN", "XÃ EA TÂN"]))
    assert normalize_issuer(printed, "Đắk Lắk", own) == expected
