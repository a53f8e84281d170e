"""A former unit's name the restorer spelt otherwise takes the gazetteer's marks (within the issuer's
province), and only in text that lost its marks (extract.result_scope.snap_scope, extract.plan)."""
from pathlib import Path

import pytest

from extract.result_scope import snap_scope
from kehoach.pipeline import process_document
from kehoach.synth.lossy_text import strip_marks


@pytest.mark.parametrize("scope,province,expected", [
    ("phường Diện Biên (cũ)", "Thanh Hóa", "phường Điện Biên (cũ)"),
    ("xã Hoa Lợi (cũ)", None, "xã Hòa Lợi (cũ)"),
    ("thị trấn Hợp Hoa (cũ)", "Phú Thọ", "thị trấn Hợp Hòa (cũ)"),
    ("tỉnh Yen Bai (cũ)", None, "tỉnh Yên Bái (cũ)"),
    ("phường Ba Đình (cũ)", "Thanh Hóa", "phường Ba Đình (cũ)"),  # already right
    ("xã Tân Lập Mới (cũ)", "Phú Thọ", "xã Tân Lập Mới (cũ)"),  # not in the gazetteer: as printed
    ("Sở Tài chính (cũ)", "Phú Thọ", "Sở Tài chính (cũ)"),  # a department: no place name
    (None, "Phú Thọ", None),
])
def test_snap_scope(scope, province, expected):
    assert snap_scope(scope, province) == expected


PLAN = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG HẠC THÀNH                          Độc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND                      Thanh Hóa, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Nâng cao Chỉ số cải cách hành chính năm 2025
I. KẾT QUẢ NĂM 2024
Năm 2024, phường Điện Biên (cũ) đạt 89,50 điểm, xếp thứ 3/34 về Chỉ số cải cách hành chính.
"""


def test_a_stripped_plan_gets_the_gazetteers_spelling(tmp_path):
    path = Path(tmp_path) / "plan.txt"
    path.write_text(strip_marks(PLAN), encoding="utf-8")
    plan = process_document(path)
    assert [r.scope for r in plan.index_results] == ["phường Điện Biên (cũ)"]
