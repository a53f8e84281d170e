"""A former province that did not merge into the issuer's province (2025 merger table of `vietnamadminunits`) is
a unit the plan compares itself with: its values are no results; former provinces merged into it keep their scope.
Plans written here, run through the whole extraction (the filter is applied to the plan)."""
from __future__ import annotations

import pytest
from unidecode import unidecode

from extract.places import merged_into
from extract.plan import extract_plan
from normalize.types import NormalizedDocument

PLAN = ("ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH GIA LAI\n"
        "Số: 40/KH-UBND                     Gia Lai, ngày 3 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
        "Nâng cao Chỉ số PAPI năm 2025\n\nI. KẾT QUẢ\n"
        "Năm 2024, Chỉ số PAPI của tỉnh Bình Định (cũ) đạt 43,18 điểm, xếp thứ 21/63; thấp hơn tỉnh Phú Yên (cũ), "
        "địa phương có điều kiện tương đồng (PAPI 44,02 điểm). Tỉnh Gia Lai (cũ) đạt 42,5 điểm, xếp thứ 30/63.\n")


@pytest.mark.parametrize("form", [lambda t: t, unidecode])
def test_a_former_province_merged_elsewhere_gives_no_result(form):
    plan = extract_plan(NormalizedDocument.from_pages([(1, form(PLAN))]))
    got = {(unidecode(r.scope), r.score, r.rank) for r in plan.index_results}  # not restored here: names as printed
    assert got == {("tinh Binh Dinh (cu)", 43.18, 21), ("tinh Gia Lai (cu)", 42.5, 30)}


def test_merged_into():
    assert merged_into("tỉnh Bình Định", "Gia Lai") is True
    assert merged_into("Phu Yen", "tỉnh Gia Lai") is False
    assert merged_into("Phú Yên", "Đắk Lắk") is True
    assert merged_into("Yên Bái", "Narnia") is None
    assert merged_into("Hạ Long", "Quảng Ninh") is None  # a city within a province, not a province
