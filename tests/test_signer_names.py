"""Spelling of the signer's name: rarer surnames, English-OCR spellings of marks, a name printed in
capitals in a text with diacritics. Names are drawn from the generator's lists
(kehoach.synth.signature_blocks), the block is built here."""
import random

import pytest

from extract.names import is_surname, restore_person_name
from extract.signer import extract_signer
from kehoach.synth.lossy_text import strip_marks
from kehoach.synth.signature_blocks import GIVEN_NAMES, MIDDLE_NAMES
from normalize import NormalizeOptions, normalize_document
from normalize.types import NormalizedDocument
from ocr.types import DocumentText, PageText

BODY = ("Trên đây là Kế hoạch nâng cao Chỉ số cải cách hành chính năm 2025 của tỉnh; đề nghị các cơ quan,\n"
        "đơn vị, địa phương nghiêm túc triển khai thực hiện./.\n")


def _signer_name(text: str, restore: str = "auto") -> str | None:
    doc = DocumentText(path="t.txt", media_type="text/plain", pages=[PageText(1, text, "plain_text")])
    return extract_signer(normalize_document(doc, NormalizeOptions(restore=restore))).signer.name


def _block(name: str) -> str:
    return BODY + f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n{name}\n"


@pytest.mark.parametrize("surname", ["Võ", "Quàng", "Sùng", "Châu"])
def test_rarer_surnames_are_names_and_restore_without_marks(surname):
    rng = random.Random(surname)
    name = f"{surname} {rng.choice(MIDDLE_NAMES[:12])} {rng.choice(['Bình', 'Cường', 'Tuấn', 'Hải', 'Long'])}"
    assert is_surname(surname) and is_surname(strip_marks(surname).upper())
    assert _signer_name(_block(name.upper()), restore="never") == name  # capitals: a surname tells it from a stamp
    assert _signer_name(strip_marks(_block(name))) == name


@pytest.mark.parametrize("printed, expected", [
    ("Ly Hu'ng", "Lý Hưng"),          # the horn English OCR kept says Hưng, not the commoner Hùng
    ("Tru'o'ng Van Tu'", "Trương Văn Tư"),
    ("Pha.m Qu6c Huy", "Phạm Quốc Huy"),  # `a.` for ạ inside a word, 6 for ố
])
def test_english_ocr_spellings_of_marks(printed, expected):
    text = strip_marks(BODY) + f"Noi nhan: KT. CHU TICH\n- Luu: VT. PHO CHU TICH\n\n{printed}\n"
    assert _signer_name(text) == expected


def test_horn_in_the_name_picks_the_spelling_that_has_it():
    assert restore_person_name("Lý Hưng") == "Lý Hưng"
    assert restore_person_name("Ly Hung") == "Lý Hùng"  # no hint: the commoner spelling
    assert restore_person_name("Vụ Đức Long") == "Vũ Đức Long"  # a tone the restorer guessed is re-read


@pytest.mark.parametrize("seed", range(6))
def test_capitals_printed_with_marks_are_kept_as_printed(seed):
    """The restorer may rewrite a line of capitals (`CAO BÁ DUNG` -> `CÁO BỘ DỤNG`): in a text
    printed with its marks the name is read back as printed, not from the name tables (`Dũng`)."""
    rng = random.Random(seed)
    given = rng.choice([g for g in GIVEN_NAMES if g.isascii()])
    name = f"Cao {rng.choice([m for m in MIDDLE_NAMES if not m.isascii()])} {given}"
    printed = _block(name.upper())
    restored = printed.replace(name.upper(), "CÁO BỘ " + given.upper())  # a restorer's guess
    source = DocumentText(path="t.txt", media_type="text/plain", pages=[PageText(1, printed, "plain_text")])
    doc = NormalizedDocument.from_pages([(1, restored)], diacritics="restored", source=source)
    assert extract_signer(doc).signer.name == name


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("given", ["Vân", "Sâm"])
def test_last_syllable_is_read_as_a_given_name(seed, given):
    """`Van` ends a name as `Vân` (`Văn` only opens a given name); `Sam` as `Sâm`, not the surname `Sầm`."""
    rng = random.Random(seed)
    name = f"{rng.choice(['Lê', 'Nguyễn', 'Trần', 'Phạm'])} {rng.choice(['Thị', 'Ngọc', 'Văn', 'Hồng'])} {given}"
    assert restore_person_name(strip_marks(name)) == name
    assert _signer_name(strip_marks(_block(name))) == name
