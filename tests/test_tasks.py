"""Task assignments: body items, appendix grids, lead/partner splitting, deadlines (texts written here)."""
from __future__ import annotations

import pytest

from extract.agencies import lead_and_partners, split_agencies
from extract.tasks import extract_tasks
from extract.text_tables import map_columns, tasks_from_grid
from normalize.types import NormalizedDocument
from ocr.types import DocumentText, PageText, Table, TableCell


def doc_of(text: str, source=None) -> NormalizedDocument:
    return NormalizedDocument.from_pages([(1, text)], source=source)


@pytest.mark.parametrize("cell,names", [
    ("Sở Nội vụ, Sở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Khoa học và Công nghệ; Công an tỉnh", ["Sở Khoa học và Công nghệ", "Công an tỉnh"]),
    ("Văn phòng HĐND và UBND xã, Phòng Kinh tế", ["Văn phòng HĐND và UBND xã", "Phòng Kinh tế"]),
    ("Các sở, ban, ngành; UBND các xã, phường", ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("Phòng Văn hóa - Xã hội và Ban Chỉ huy Quân sự xã", ["Phòng Văn hóa - Xã hội", "Ban Chỉ huy Quân sự xã"]),
    ("So Noi vu, So Tai chinh", ["So Noi vu", "So Tai chinh"]),
])
def test_split_agencies(cell, names):
    assert split_agencies(cell) == names


def test_related_agencies_alone_are_partners():
    assert lead_and_partners("Các cơ quan, đơn vị liên quan", "") == ([], ["Các cơ quan, đơn vị liên quan"])
    assert lead_and_partners("Phòng Kinh tế", "Các cơ quan, đơn vị liên quan") == (
        ["Phòng Kinh tế"], ["Các cơ quan, đơn vị liên quan"])


BODY = """III. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát các tiêu chí.
IV. TỔ CHỨC THỰC HIỆN
1. Phòng Nội vụ
- Là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch.
- Tổng hợp, báo cáo kết quả trước ngày 15/12/2025.
2. Phòng Tư pháp: Chủ trì, phối hợp với Phòng Nội vụ, Thanh tra huyện và các cơ quan liên quan
rà soát văn bản quy phạm pháp luật.
3. Giao các cơ quan chuyên môn thực hiện như sau:
3.1. Phòng Tài chính - Kế hoạch tiếp tục tham mưu bố trí kinh phí thực hiện Kế hoạch.
4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể chính trị - xã hội huyện: Tăng cường giám sát.
Trên đây là Kế hoạch của UBND huyện.
"""


def test_body_tasks_one_per_addressed_agency():
    tasks, _ = extract_tasks(doc_of(BODY))
    got = [(t.source, t.id, t.lead) for t in tasks]
    assert got == [
        ("body", "1", ["Phòng Nội vụ"]),
        ("body", "2", ["Phòng Tư pháp"]),
        ("body", "3.1", ["Phòng Tài chính - Kế hoạch"]),
        ("body", "4", ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "các đoàn thể chính trị - xã hội huyện"]),
    ]
    assert len(tasks[0].actions) == 2 and tasks[0].actions[1].startswith("Tổng hợp")
    assert tasks[1].partners == ["Phòng Nội vụ", "Thanh tra huyện", "các cơ quan liên quan"]
    assert tasks[2].actions == ["Tiếp tục tham mưu bố trí kinh phí thực hiện Kế hoạch."]  # spec: capitalised


HEADER = ["STT", "Nội dung", "Kết quả/sản phẩm", "Giải pháp thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp",
          "Thời hạn"]


def test_columns_mapped_by_header_words_in_any_order():
    roles = map_columns(["Thời gian hoàn thành", "Cơ quan phối hợp", "STT", "Cơ quan chủ trì", "Nhiệm vụ, giải pháp",
                         "Chỉ số/nội dung", "Chỉ tiêu/kết quả"])
    assert roles == {"deadline": 0, "partners": 1, "id": 2, "lead": 3, "actions": 4, "content": 5, "target": 6}


def test_grid_group_rows_continuations_and_repeated_header():
    grid = [
        HEADER,
        ["I", "Chỉ số PAPI", "", "", "", "", ""],
        ["1", "Quản trị điện tử", "", "", "", "", ""],
        ["1.1", "Sử dụng cổng thông tin", "Tăng tỷ lệ", "- Tuyên truyền\n- Hướng dẫn", "Phòng Văn hóa - Xã hội",
         "Các cơ quan, đơn vị liên quan", "Trước ngày 30/6/2026"],
        HEADER,  # the header printed again on the next page
        ["", "", "", "- Kiểm tra", "", "", ""],  # the row above, continued
        ["1.2", "Internet", "", "Phổ cập", "Các cơ quan, đơn vị liên quan", "", "Thường xuyên"],
    ]
    tasks, _, _, _ = tasks_from_grid(grid, page=3)
    assert [t.id for t in tasks] == ["1.1", "1.2"]
    t = tasks[0]
    assert (t.index, t.area, t.content) == ("PAPI", "Quản trị điện tử", "Sử dụng cổng thông tin")
    assert t.actions == ["Tuyên truyền", "Hướng dẫn", "Kiểm tra"]
    assert (t.lead, t.partners) == (["Phòng Văn hóa - Xã hội"], ["Các cơ quan, đơn vị liên quan"])
    assert (t.deadline, t.deadline_date) == ("Trước ngày 30/6/2026", "2026-06-30")
    assert (tasks[1].lead, tasks[1].partners, tasks[1].deadline_date) == ([], ["Các cơ quan, đơn vị liên quan"], None)
    assert t.evidence.page == 3


def test_pipe_text_table_in_plain_text():
    text = "PHỤ LỤC\n" + " | ".join(HEADER) + "\nII | Chỉ số SIPAS\n1 | Thủ tục hành chính | 90% | Rà soát | " \
           "Sở Tư pháp, Sở Nội vụ | | Quý IV/2025\n"
    tasks, _ = extract_tasks(doc_of(text))
    assert [(t.source, t.index, t.lead, t.deadline) for t in tasks] == [
        ("table", "SIPAS", ["Sở Tư pháp", "Sở Nội vụ"], "Quý IV/2025")]


def test_ocr_tables_continue_over_pages():
    def table(rows):
        cells = [TableCell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
        return Table(n_rows=len(rows), n_cols=len(rows[0]), cells=cells)

    p1 = PageText(1, "", "ocr", tables=[table([HEADER, ["1", "A", "x", "Làm", "Phòng Kinh tế", "", "2026"]])])
    p2 = PageText(2, "", "ocr", tables=[table([["2", "B", "y", "Làm tiếp", "Phòng Nội vụ", "", "2027"]])])
    src = DocumentText(path="x.pdf", media_type="application/pdf", pages=[p1, p2])
    doc = NormalizedDocument.from_pages([(1, ""), (2, "")], source=src)
    tasks, warnings = extract_tasks(doc)
    assert [(t.id, t.lead, t.evidence.page) for t in tasks] == [("1", ["Phòng Kinh tế"], 1), ("2", ["Phòng Nội vụ"], 2)]


def test_interleaved_appendix_rows_from_stt_and_lexicon():
    text = ("STT Chi s6/ndi dung Chi tiéu/két qua Nhiém vu/giai phap Co quan chu\ntri Co quan phdi hop\n"
            "1.1 Tri thirc cong Phong Van hoa - Thuong\ndan Nang cao Xa hoi xuyén\n")
    tasks, warnings = extract_tasks(doc_of(text))
    assert [(t.id, t.lead, t.deadline) for t in tasks] == [("1.1", ["Phòng Văn hóa - Xã hội"], "Thường xuyên")]
    assert tasks[0].actions == [] and tasks[0].target is None  # interleaved cells are not guessed
    assert any("not recovered" in w for w in warnings)


BODY_STYLES = """III. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của các phòng, đơn vị
a) Phòng Tư pháp: Rà soát văn bản quy phạm pháp luật của huyện.
b) Thanh tra huyện: Kiểm tra việc giải quyết thủ tục hành chính; phối hợp với Phòng Nội vụ báo cáo kết quả.
2. Giao Phòng Văn hóa và
Thông tin, Trung tâm Văn hóa huyện:
- Tuyên truyền Kế hoạch trên cổng thông tin điện tử.
3. Các đơn vị: Công an huyện; Bảo hiểm xã hội huyện; Chi cục Thuế khu vực trực tiếp giải quyết hồ sơ của người dân
phải công khai quy trình.
4. Phòng Nội vụ (cơ quan thường trực)
- Theo dõi, tổng hợp kết quả thực hiện.
a) Báo cáo UBND huyện hằng quý.
5. Trưởng các thôn, tổ dân phố: Thông tin đến từng hộ gia đình.
Trên đây là Kế hoạch của UBND huyện.
"""


def test_body_styles_lettered_wrapped_listed():
    tasks, _ = extract_tasks(doc_of(BODY_STYLES))
    got = {t.id: t for t in tasks}
    assert list(got) == ["1.a", "1.b", "2", "3", "4", "5"]
    assert got["1.a"].lead == ["Phòng Tư pháp"]
    assert got["1.b"].lead == ["Thanh tra huyện"] and got["1.b"].partners == ["Phòng Nội vụ"]
    assert got["2"].lead == ["Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa huyện"]
    assert got["3"].lead == ["Công an huyện", "Bảo hiểm xã hội huyện", "Chi cục Thuế khu vực"]
    assert got["4"].lead == ["Phòng Nội vụ"]  # the role in parentheses is not part of the name
    assert got["4"].actions == ["Theo dõi, tổng hợp kết quả thực hiện.", "Báo cáo UBND huyện hằng quý."]
    assert got["5"].lead == ["Trưởng các thôn, tổ dân phố"]


def test_restorer_slips_in_agency_names_are_snapped():
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Sở Kế hoạch và Pau tư: Bố trí vốn.\n"
            "2. Phòng Văn hóa - Xã hội phương: Tuyên truyền.\n3. Công ty Điện lực Hà Tĩnh: Báo cáo.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert [t.lead for t in tasks] == [["Sở Kế hoạch và Đầu tư"], ["Phòng Văn hóa - Xã hội phường"],
                                       ["Công ty Điện lực Hà Tĩnh"]]
    assert "Pau tư" in tasks[0].evidence.text  # the printed form stays in evidence


def test_request_words_and_wrapped_addressee_lists():
    text = ("III. TỔ CHỨC THỰC HIỆN\n"
            "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tích cực "
            "tuyên truyền Kế hoạch.\n"
            "2. Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh, các cơ quan\n"
            "Trung ương trên địa bàn tỉnh; Chủ tịch UBND cấp huyện tiếp tục rà soát các chỉ tiêu được giao.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert tasks[0].lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"]
    assert tasks[1].lead == ["Giám đốc các sở", "Thủ trưởng các ban, ngành cấp tỉnh",
                             "các cơ quan Trung ương trên địa bàn tỉnh", "Chủ tịch UBND cấp huyện"]
    assert tasks[1].actions == ["Tiếp tục rà soát các chỉ tiêu được giao."]


def test_doi_voi_heading_addresses_agencies():
    text = ("III. TỔ CHỨC THỰC HIỆN\n3. Đối với các phòng, ban, UBND các xã, thị trấn\n"
            "a) Xây dựng kế hoạch của đơn vị.\nb) Báo cáo kết quả hằng quý.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert [(t.id, t.lead, len(t.actions)) for t in tasks] == [("3", ["các phòng, ban", "UBND các xã, thị trấn"], 2)]


def test_duty_lead_in_is_no_action():
    text = ("III. TỔ CHỨC THỰC HIỆN\n4. Thủ trưởng các đơn vị trực thuộc có trách nhiệm:\n"
            "- Xây dựng kế hoạch của đơn vị.\n- Báo cáo kết quả hằng quý.\n")
    tasks, _ = extract_tasks(doc_of(text))
    assert tasks[0].lead == ["Thủ trưởng các đơn vị trực thuộc"]
    assert tasks[0].actions == ["Xây dựng kế hoạch của đơn vị.", "Báo cáo kết quả hằng quý."]


@pytest.mark.parametrize("label,when,date", [("Thời gian hoàn thành", "Quý IV/2025", None),
                                             ("Thời hạn", "ngày 30/11/2025", "2025-11-30"),
                                             ("Thời gian thực hiện", "Thường xuyên", None)])
def test_body_item_deadline_stated_for_the_whole_item(label, when, date):
    text = ("II. TỔ CHỨC THỰC HIỆN\n"
            "1. Phòng Kinh tế rà soát các thủ tục hành chính thuộc lĩnh vực phụ trách. "
            f"{label}: {when}.\n"
            "2. Phòng Nội vụ tổng hợp, báo cáo kết quả trước ngày 15/12/2025.\n")
    tasks, _ = extract_tasks(doc_of(text))
    # a date closing the item is its deadline too (dr_170-219: five authors annotated it so)
    assert [(t.id, t.deadline, t.deadline_date) for t in tasks] == [("1", when, date),
                                                                    ("2", "trước ngày 15/12/2025", "2025-12-15")]


@pytest.mark.parametrize("strip", [False, True])
def test_lettered_items_with_no_numbered_item_above_are_tasks(strip):
    from unidecode import unidecode
    text = ("IV. TỔ CHỨC THỰC HIỆN\n"
            "a) Văn phòng Sở: chủ trì theo dõi, đôn đốc thực hiện Kế hoạch; báo cáo kết quả\ntrước ngày 10/12/2025.\n"
            "b) Phòng Quản lý xây dựng: chủ trì rút ngắn thời gian cấp phép xây dựng; phối hợp\n"
            "Trung tâm Phục vụ hành chính công tỉnh công khai thủ tục.\n"
            "c) Thanh tra Sở: kiểm tra công vụ định kỳ.\n\nNơi nhận:\n- Như trên;\n")
    tasks, _ = extract_tasks(doc_of(unidecode(text) if strip else text))
    assert [(t.id, len(t.lead)) for t in tasks] == [("a", 1), ("b", 1), ("c", 1)]
    assert [t.lead[0].split()[0] for t in tasks] == ["Văn", "Phòng", "Thanh"] if not strip else True
