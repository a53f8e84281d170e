"""normalize.text and normalize.furniture: tone placement, paragraph joining, page furniture."""
from normalize.furniture import remove_furniture
from normalize.text import join_wrapped_lines, normalize_tone_placement


def test_tone_placement_moves_new_style_to_old():
    assert normalize_tone_placement("hoà thuỷ uỷ ban khoẻ tuỳ") == "hòa thủy ủy ban khỏe tùy"
    assert normalize_tone_placement("HOÀ, Uỷ") == "HÒA, Ủy"


def test_tone_placement_leaves_qu_and_closed_syllables():
    for word in ("quý", "quà", "hoàn", "thuyền", "hòa", "của", "người", "Quỳnh"):
        assert normalize_tone_placement(word) == word


def test_tone_placement_composes_nfc():
    decomposed = "Vie\u0323\u0302t Nam"  # NFD input
    assert normalize_tone_placement(decomposed) == "Việt Nam"


def test_wrapped_paragraph_joined_but_structure_kept():
    text = ("UBND TỈNH CAO BẰNG\nSỞ NỘI VỤ\nKẾ HOẠCH\n"
            "Tiếp tục triển khai thực hiện đồng bộ các nhiệm\nvụ, giải pháp đã đề ra.\n"
            "- Gạch đầu dòng\n- tiếp theo viết thường\n1. Mục đích\n2 | Cải cách thể chế | 49/63\n"
            "| tiếp | hàng")
    out = join_wrapped_lines(text).split("\n")
    assert "Tiếp tục triển khai thực hiện đồng bộ các nhiệm vụ, giải pháp đã đề ra." in out
    assert out[:3] == ["UBND TỈNH CAO BẰNG", "SỞ NỘI VỤ", "KẾ HOẠCH"]
    assert "- tiếp theo viết thường" in out  # list items stay lines
    assert "2 | Cải cách thể chế | 49/63" in out  # table rows stay lines


def test_sentence_end_is_not_joined():
    assert join_wrapped_lines("Câu thứ nhất.\nvà dòng sau") == "Câu thứ nhất.\nvà dòng sau"


def test_code_broken_at_hyphen_is_rejoined_without_space():
    text = "Chỉ số PAR-\nINDEX năm 2025 và Quyết định số 289/QĐ-\nBNV ngày 14/4/2023"
    assert join_wrapped_lines(text) == "Chỉ số PAR-INDEX năm 2025 và Quyết định số 289/QĐ-BNV ngày 14/4/2023"


def test_spaced_dash_joins_with_space():
    assert join_wrapped_lines("phát triển kinh tế -\nxã hội") == "phát triển kinh tế - xã hội"


def test_double_spaced_text_layer_is_squeezed():
    lines = []
    for i in range(6):
        lines += [f"Dòng số {i} của đoạn văn bản và", ""]
    lines += ["kết thúc đoạn.", "", "", "I. MỤC TIÊU", ""]
    out = join_wrapped_lines("\n".join(lines))
    assert "Dòng số 5 của đoạn văn bản và kết thúc đoạn." in out
    assert "\nI. MỤC TIÊU" in out


def test_furniture_repeated_url_and_page_numbers_removed():
    pages = [
        "Trang đầu\nnội dung một\nhttp://papi.org.vn/\n1",
        "- 2 -\nnội dung hai\nhttp://papi.org.vn/\n",
        "3\nnội dung ba\nBảng\n1\n2\n",
    ]
    out, warnings = remove_furniture(pages)
    assert "papi.org.vn" not in "".join(out)
    assert out[1].strip() == "nội dung hai"
    assert out[0].split("\n")[:2] == ["Trang đầu", "nội dung một"]
    assert warnings and "furniture" in warnings[0]


def test_single_page_keeps_standalone_numbers():
    # Without page breaks a lone number is more likely a table cell (STT) than a page number.
    page = "STT\n1\nCông tác chỉ đạo\n2\nCải cách thể chế"
    out, warnings = remove_furniture([page])
    assert out == [page] and warnings == []


def test_running_header_repeated_on_pages_removed():
    bodies = ["Tiếp tục triển khai", "Nâng cao chất lượng", "Đẩy mạnh cải cách", "Tăng cường kiểm tra"]
    pages = [f"KẾ HOẠCH CẢI THIỆN CHỈ SỐ - trang {i + 1}\n{b} công tác.\nĐoạn {b.lower()} thứ hai.\n"
             f"Dòng cuối {b.lower()}." for i, b in enumerate(bodies)]
    out, _ = remove_furniture(pages)
    assert [p.split("\n")[0] for p in out] == [f"{b} công tác." for b in bodies]


def test_code_split_at_its_hyphen_on_one_line():
    assert join_wrapped_lines("chỉ số PAR- INDEX và QĐ- UBND; kinh tế - xã hội") == \
        "chỉ số PAR-INDEX và QĐ-UBND; kinh tế - xã hội"
