"""Text-layer check and bad inputs: each bad file is an InputFileError naming it (no Tesseract run)."""
from __future__ import annotations

import random
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from kehoach.errors import InputFileError
from ocr.document import recognize_document
from ocr.textlayer import assess_text_layer

needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")

VIETNAMESE = (
    "Tiếp tục triển khai thực hiện đồng bộ, quyết liệt các nhiệm vụ, giải pháp về cải cách hành chính, "
    "bảo đảm hoàn thành các mục tiêu tại Kế hoạch cải cách hành chính nhà nước năm 2025; nâng cao "
    "trách nhiệm của người đứng đầu cơ quan trong việc chỉ đạo, tham mưu cải thiện các chỉ số.\n"
) * 3
# What a hidden OCR layer made by an English model looks like (diacritics lost, digits for letters).
ENGLISH_OCR = (
    "Tiep tuc trién khai thuc hien dong bo, quyet liet cac nhiem vu, giai phap ve cai cach hanh chinh, "
    "dam bao cac nhiem vy, muc tieu tai Ke hoach s6 3662/KH-UBND ngay 30/12/2024 cua UBND tinh ve Ke "
    "hoach CCHC nha nuoc tinh nam 2025, trien khai cy the phan dau hoan thanh cac chi tieu da de ra.\n"
) * 2
TCVN3_MOJIBAKE = "KÕ ho¹ch c¶i thiÖn, n©ng cao c¸c ChØ sè c¶i c¸ch hµnh chÝnh n¨m 2025 cña Së Néi vô " * 3


def test_real_vietnamese_text_layer_is_used():
    v = assess_text_layer(VIETNAMESE)
    assert v.usable and v.reason == "" and v.diacritic_word_share > 0.5


@pytest.mark.parametrize(
    "text, why",
    [
        ("", "characters"),
        ("  12  \n", "characters"),
        ("(cid:12)(cid:45)(cid:3) " * 30, "undecodable"),
        ("\ufffd\ufffd ab " * 40, "undecodable"),
        ("1.234,5 | 6/7 = 8 ; " * 20, "letters"),
        (TCVN3_MOJIBAKE, "Vietnamese"),
        (ENGLISH_OCR, "diacritics"),
    ],
)
def test_junk_text_layers_are_rejected_with_a_reason(text, why):
    v = assess_text_layer(text)
    assert not v.usable and why in v.reason


def _fpdf(path: Path, pages: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not Path(font).is_file():
        pytest.skip("DejaVu font not installed")
    pdf.add_font("DejaVu", "", font)
    for text in pages:
        pdf.add_page()
        pdf.set_font("DejaVu", size=12)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


@needs_poppler
def test_born_digital_pdf_uses_the_text_layer_on_every_page(tmp_path):
    pdf = _fpdf(tmp_path / "plan.pdf", [VIETNAMESE, VIETNAMESE.upper()])
    doc = recognize_document(pdf)
    assert [p.origin for p in doc.pages] == ["pdf_text_layer", "pdf_text_layer"]
    assert doc.text_origin == "pdf_text_layer" and doc.engine is None
    assert "cải cách hành chính" in doc.pages[0].text and "\f" in doc.text


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty"):
        recognize_document(path)


@needs_poppler
def test_truncated_pdf(tmp_path):
    whole = _fpdf(tmp_path / "whole.pdf", [VIETNAMESE])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[:600])
    with pytest.raises(InputFileError, match="cut.pdf.*not a readable PDF"):
        recognize_document(cut)


@needs_poppler
@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_encrypted_pdf_says_password_and_qpdf(tmp_path):
    plain = _fpdf(tmp_path / "plain.pdf", [VIETNAMESE])
    locked = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--encrypt", "user-pw", "owner-pw", "256", "--", str(plain), str(locked)], check=True)
    with pytest.raises(InputFileError, match="password-protected") as err:
        recognize_document(locked)
    assert "qpdf --decrypt" in err.value.advice


def test_random_bytes_named_png(tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(random.Random(0).randbytes(4096))
    with pytest.raises(InputFileError, match="scan.png"):
        recognize_document(path)


def test_png_signature_with_garbage_body(tmp_path):
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(2048))
    with pytest.raises(InputFileError, match="broken.png"):
        recognize_document(path)


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_decompression_bomb_image_is_refused_with_its_size(tmp_path, monkeypatch):
    # never decoded: the size in the header is enough to refuse it
    import ocr._exec.tesseract as tess

    monkeypatch.setattr(tess, "check", lambda *a, **k: type("I", (), {"engine": "tesseract test"})())
    path = tmp_path / "huge.png"
    path.write_bytes(_png_header_only(20000, 20000))
    with pytest.raises(InputFileError, match=r"huge.png: image too large \(20000x20000"):
        recognize_document(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputFileError, match="no such file"):
        recognize_document(tmp_path / "nope.pdf")


def test_seed_texts_english_model_ocr_is_rejected_clean_text_kept(shared_dir):
    # seeds 000, 002-004: OCR by an English model (diacritics lost); 001: a born-digital text layer
    verdicts = {p.name[:3]: assess_text_layer(p.read_text(encoding="utf-8"))
                for p in sorted((shared_dir / "seeds").glob("*.txt"))}
    assert verdicts["001"].usable
    assert [k for k, v in verdicts.items() if not v.usable] == ["000", "002", "003", "004"]


def test_multipage_tiff_frames_are_pages(tmp_path):
    from PIL import Image

    from ocr import images

    frames = [Image.new("L", (200, 100), 255), Image.new("RGB", (120, 80), (255, 255, 255))]
    path = tmp_path / "two.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    pages = list(images.iter_pages(path, max_pixels=10_000_000))
    assert [(g.shape, err) for g, err in pages] == [((100, 200), None), ((80, 120), None)]


def test_cli_prints_text_files_and_exits_4_on_bad_input(tmp_path, capsys):
    from kehoach.cli import main

    text = tmp_path / "plan.txt"
    text.write_text("Trang một\fTrang hai\n", encoding="utf-8")
    assert main(["ocr", str(text)]) == 0
    assert capsys.readouterr().out == "Trang một\fTrang hai\n"
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    assert main(["ocr", str(bad)]) == 4
    assert "bad.pdf: the file is empty" in capsys.readouterr().err
