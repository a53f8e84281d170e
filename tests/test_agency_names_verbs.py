"""Where an agency list ends before its action: `là cơ quan thường trực` is no part of the name, and a
verb after `Quản lý` / `hoạt động` is (`Phòng Quản lý xây dựng`). With and without marks."""
import pytest

from extract.agencies import split_agencies, text_before_action
from kehoach.synth.lossy_text import strip_marks


@pytest.mark.parametrize("form", [lambda t: t, strip_marks])
@pytest.mark.parametrize("text,names", [
    ("Sở Nội vụ là cơ quan thường trực, tham mưu UBND tỉnh theo dõi", ["Sở Nội vụ"]),
    ("Văn phòng Sở là đầu mối tổng hợp kết quả", ["Văn phòng Sở"]),
    ("Phòng Quản lý xây dựng, Phòng Quản lý nhà và thị trường bất động sản rà soát hồ sơ",
     ["Phòng Quản lý xây dựng", "Phòng Quản lý nhà và thị trường bất động sản"]),
    ("Phòng Quản lý hoạt động xây dựng đề xuất đơn giản hóa thủ tục", ["Phòng Quản lý hoạt động xây dựng"]),
    ("Phòng Kinh tế xây dựng kế hoạch chuyển đổi số", ["Phòng Kinh tế"]),
])
def test_names_end_before_the_action(form, text, names):
    assert split_agencies(text_before_action(form(text))) == [form(n) for n in names]


def test_an_association_addressed_by_a_plan_is_an_agency():
    from extract.agencies import is_agency_start
    text = "Hiệp hội Doanh nghiệp tỉnh phối hợp tuyên truyền, tổng hợp kiến nghị của doanh nghiệp."
    assert is_agency_start(text) and text_before_action(text) == "Hiệp hội Doanh nghiệp tỉnh"


@pytest.mark.parametrize("form", [lambda t: t, strip_marks])
def test_a_known_office_whose_name_holds_verbs(form):
    text = form("Phòng Xây dựng và kiểm tra văn bản quy phạm pháp luật tham mưu rà soát văn bản")
    assert split_agencies(text_before_action(text)) == [form("Phòng Xây dựng và kiểm tra văn bản quy phạm pháp luật")]
