"""English OCR writes the dot below a vowel as a full stop glued to the word (`da.t` = đạt,
`dia.phuong` = địa phương): the restorer reads it as the word's mark, not as a sentence end."""
import unicodedata

import pytest
from unidecode import unidecode

from normalize.restore import get_restorer
from normalize.restore.dot_below import DOT_WORD, dot_word_parts

_DOT_BELOW_VOWELS = set("ạặậẹệịọộợụựỵ")


def ocr_dot_below(text: str, glue_next: bool = False) -> str:
    """Strip marks; a word with a dot below gets a full stop after its last vowel (`đạt` -> `da.t`,
    `hoạch` -> `hoa.ch`, `địa` -> `dia.`), as English OCR prints it."""
    out = []
    for word in unicodedata.normalize("NFC", text).split(" "):
        plain = unidecode(word)
        if set(word.lower()) & _DOT_BELOW_VOWELS:
            last = max(i for i, ch in enumerate(plain) if ch.lower() in "aeiouy")
            plain = plain[: last + 1] + "." + plain[last + 1 :]
        out.append(plain)
    joined = " ".join(out)
    if glue_next:  # `dia.phuong`: the stop at a word's end swallows the space after it
        joined = joined.replace(". ", ".")
    return joined


SENTENCES = [
    "Chỉ số cải cách hành chính năm 2023 đạt 85,70%, xếp hạng 3 trong 12 huyện, thành phố.",
    "Thành phố Đà Lạt dẫn đầu với 0,6015 điểm.",
    "Kế hoạch thực hiện tại địa phương được ban hành kịp thời.",
    "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt 88,20%.",
    "Tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ năm 2024.",
]


@pytest.fixture(scope="module")
def restorer():
    return get_restorer()


def _words_with_dot_below(text: str) -> list[str]:
    return [w.strip(".,;:") for w in text.split() if set(w.lower()) & _DOT_BELOW_VOWELS]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_words_with_a_dot_below_come_back(restorer, sentence):
    observed = ocr_dot_below(sentence)
    assert "." in observed.rstrip(".")  # the slip is there
    restored = restorer.restore_text(observed).text
    expected, got = _words_with_dot_below(sentence), restored.split()
    hits = sum(w in got or w + "," in got or w + "." in got for w in expected)
    assert hits == len(expected), (observed, restored)
    assert restored.endswith(".") and ".." not in restored


def test_values_keep_their_verb(restorer):
    restored = restorer.restore_text("Chi so SIPAS nam 2024 da.t 87,45%, xep ha.ng 2/21 so, nganh.").text
    assert "đạt 87,45%" in restored and "hạng 2/21" in restored


def test_a_stop_before_the_next_word_is_the_first_words_mark(restorer):
    observed = ocr_dot_below("Kế hoạch của địa phương năm 2025.", glue_next=True)
    assert "dia.phuong" in observed
    assert "địa phương" in restorer.restore_text(observed).text


@pytest.mark.parametrize("text", [
    "Xem https://dichvucong.gov.vn va thanhhoa.gov.vn de biet them.",
    "Cac noi dung khac v.v. da duoc TP.HCM ghi nhan.",
    "Ket qua tot.Tiep tuc trien khai.",  # a sentence end without its space: not a mark
])
def test_urls_abbreviations_and_sentence_ends_keep_their_stops(restorer, text):
    restored = restorer.restore_text(text).text
    for kept in ("gov.vn", "v.v.", "TP.HCM", "t.T"):
        if kept.replace("t.T", "tot.Tiep") in text or kept in text:
            assert kept in restored or (kept == "t.T" and "tốt.Tiếp" in restored), restored


def test_parts_need_syllables_on_both_sides():
    syllables = {"dat", "dia", "phuong", "hang", "ta", "tai"}

    def is_syllable(t):
        return unidecode(t.lower()) in syllables

    assert dot_word_parts("da.t", is_syllable) == ["dạt"]
    assert dot_word_parts("dia.phuong", is_syllable) == ["dịa", "phuong"]
    assert dot_word_parts("thanhhoa.gov", is_syllable) is None
    assert [m.group() for m in DOT_WORD.finditer("v.v. TP.HCM tot.Tiep da.t")] == ["da.t"]
