"""normalize.encoding: text files in UTF-8/16, Windows-1258, TCVN3 and VNI read back as NFC Vietnamese."""
import codecs
import unicodedata

import pytest

from kehoach.errors import InputFileError
from normalize.encoding import decode_bytes, read_text_document
from normalize.legacy_charsets import decode_tcvn3, decode_vni, encode_cp1258, encode_tcvn3, encode_vni

SAMPLE = ("Kế hoạch cải thiện, nâng cao Chỉ số cải cách hành chính năm 2025 của Ủy ban nhân dân tỉnh Cao Bằng.\n"
          "Thực hiện Quyết định số 288/QĐ-BNV ngày 14/4/2023 của Bộ Nội vụ về phê duyệt báo cáo kết quả Chỉ số "
          "hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước; tăng cường trách nhiệm "
          "người đứng đầu, đẩy mạnh chuyển đổi số, thủ tục hành chính được giải quyết đúng hạn.\n")


def test_known_legacy_spellings():
    # Classic strings as old Vietnamese software wrote them.
    assert decode_vni("Vieät Nam, Tieáng Vieät, Ñaïi hoïc".encode("cp1252")) == "Việt Nam, Tiếng Việt, Đại học"
    assert decode_tcvn3("Bé Néi vô, ViÖt Nam, Hµ Néi".encode("latin-1")) == "Bộ Nội vụ, Việt Nam, Hà Nội"


@pytest.mark.parametrize("encoder, name", [(encode_cp1258, "windows-1258"), (encode_tcvn3, "tcvn3"),
                                           (encode_vni, "vni")])
def test_legacy_file_decoded_and_reported(tmp_path, encoder, name):
    path = tmp_path / "plan.txt"
    path.write_bytes(encoder(SAMPLE))
    doc = read_text_document(path)
    expected = SAMPLE if name != "tcvn3" else SAMPLE.replace("Ủy", "ủy")  # TCVN3 capitals share small codes
    assert doc.pages[0].text == expected
    assert unicodedata.is_normalized("NFC", doc.pages[0].text)
    assert any(w.startswith(f"decoded as {name} (not UTF-8") for w in doc.warnings)


def test_cp1258_combining_tones_composed():
    raw = encode_cp1258("Thực hiện nhiệm vụ. " * 20)
    assert len(raw) > len("Thực hiện nhiệm vụ. " * 20)  # tones stored as combining marks after the letter
    text, warnings = decode_bytes(raw)
    assert text.startswith("Thực hiện nhiệm vụ.") and unicodedata.is_normalized("NFC", text)
    assert warnings[0].startswith("decoded as windows-1258")


@pytest.mark.parametrize("prefix, encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                              (b"", "utf-8")])
def test_unicode_files(tmp_path, prefix, encoding):
    path = tmp_path / "u.txt"
    path.write_bytes(prefix + SAMPLE.encode(encoding))
    assert read_text_document(path).pages[0].text == SAMPLE


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(SAMPLE.encode("utf-16-le"))
    doc = read_text_document(path)
    assert doc.pages[0].text == SAMPLE and "utf-16" in doc.warnings[0]


def test_form_feed_splits_pages(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("trang một\ftrang hai\r\ndòng\ftrang ba", encoding="utf-8")
    doc = read_text_document(path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert doc.pages[1].text == "trang hai\ndòng" and doc.pages[0].origin == "plain_text"


def test_undecodable_and_empty_files_raise_input_error(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(128, 256)) * 50)
    with pytest.raises(InputFileError, match="cannot decode"):
        read_text_document(junk)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(InputFileError, match="empty"):
        read_text_document(empty)
    with pytest.raises(InputFileError):
        read_text_document(tmp_path / "missing.txt")


def test_tcvn3_capitals_come_back_from_context():
    text = "KẾ HOẠCH CẢI THIỆN CHỈ SỐ NĂM 2025\nỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nSố: 12/KH-UBND\nKế hoạch của Sở."
    assert decode_tcvn3(encode_tcvn3(text)) == text


def test_short_ambiguous_text_prefers_the_right_legacy_table():
    for encoder, name in ((encode_tcvn3, "tcvn3"), (encode_vni, "vni"), (encode_cp1258, "windows-1258")):
        text, warnings = decode_bytes(encoder("Việt Nam"))
        assert text == "Việt Nam" and warnings[0].startswith(f"decoded as {name}")
