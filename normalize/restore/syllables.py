"""Vietnamese syllable helpers: tone placement, skeletons (marks stripped), casing, tokenising.

One tone-placement convention for everything the restorer sees or emits: the "old" style
(`hòa`, `hòe`, `ủy`, `thủy`): in an open two-vowel nucleus the tone sits on the first vowel.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# combining tone marks (NFD) -> tone index; 0 = level tone
_TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_TONE_CHARS = {v: k for k, v in _TONES.items()}
# vowel-quality marks that stay with the letter (circumflex, breve, horn)
_QUALITY = {"\u0302", "\u0306", "\u031b"}
_VOWELS = set("aăâeêioôơuưy")
_MARKED_VOWELS = set("ăâêôơư")

VIET_LETTERS = "a-zA-Zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" \
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
_VIET_WORD = re.compile(f"^[{VIET_LETTERS}]+$")
_VN_ONLY = set("ăâêôơưđàảãạằắẳẵặầấẩẫậèẻẽẹềếểễệìỉĩịòỏõọồốổỗộờớởỡợùủũụừứửữựỳỷỹỵ")


def is_viet_word(token: str) -> bool:
    return bool(_VIET_WORD.match(token))


# the shape of one Vietnamese syllable, marks stripped: onset, 1-3 vowels, coda (k for Đắk, Lắk)
_SYLLABLE_SHAPE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnptk])?$")


def is_syllable_shape(token: str) -> bool:
    """True if the token, marks stripped, could be one Vietnamese syllable (bộ, cấp, Đắk), False
    for acronyms and foreign words (DTI, CCHC, SIPAS, PAR, index)."""
    return is_syllable_skeleton(skeleton(token))


def is_syllable_skeleton(key: str) -> bool:
    """is_syllable_shape for a token already reduced by `skeleton`."""
    return bool(_SYLLABLE_SHAPE.match(key))


def has_vietnamese_marks(token: str) -> bool:
    """True if the token carries a mark that only Vietnamese uses (not é/ó/á that English OCR emits)."""
    return any(ch in _VN_ONLY for ch in token.lower())


def _strip_marks_slow(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in nfd if not unicodedata.combining(ch)))


# precomposed Vietnamese letters -> base letter, for a fast str.translate
_SKELETON_TABLE = str.maketrans({c: _strip_marks_slow(c) for c in VIET_LETTERS if c.isalpha() and ord(c) > 127})


def skeleton(token: str) -> str:
    """Lower case, every mark removed, đ -> d: the key English OCR would ideally produce."""
    out = token.lower().translate(_SKELETON_TABLE)
    if out.isascii():
        return out
    return _strip_marks_slow(out)  # decomposed input or marks outside the Vietnamese set


def _split_tone(syllable: str) -> tuple[str, int]:
    """NFC syllable without its tone mark, and the tone index."""
    tone = 0
    out = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)), tone


def _tone_position(base: str) -> int:
    """Index of the vowel carrying the tone in a toneless lower-case syllable (old style)."""
    start = 0
    if base.startswith("qu") and len(base) > 2 and base[2] in _VOWELS:
        start = 2
    elif base.startswith("gi") and len(base) > 2 and base[2] in _VOWELS:
        start = 2
    i = start
    while i < len(base) and base[i] not in _VOWELS:
        i += 1
    j = i
    while j < len(base) and base[j] in _VOWELS:
        j += 1
    if i == len(base):  # no vowel after the onset: 'gì' style, put the tone on the last vowel seen
        for k in range(len(base) - 1, -1, -1):
            if base[k] in _VOWELS:
                return k
        return -1
    nucleus = base[i:j]
    for k in range(len(nucleus) - 1, -1, -1):  # ươ -> ơ, uô -> ô, iê -> ê
        if nucleus[k] in _MARKED_VOWELS:
            return i + k
    if len(nucleus) == 1:
        return i
    if j < len(base):  # closed syllable: tone on the last vowel (hoàn, thuận)
        return j - 1
    if len(nucleus) >= 3:  # oai, uây, uyu: the middle vowel
        return i + 1
    return i  # open two-vowel nucleus: first vowel (hòa, thủy, mía)


def normalize_tone(token: str) -> str:
    """Put the tone mark where the old convention wants it; keeps the token's case pattern."""
    nfc = unicodedata.normalize("NFC", token)
    base, tone = _split_tone(nfc)
    if tone == 0 or not is_viet_word(nfc):
        return nfc
    lower = base.lower()
    pos = _tone_position(lower)
    if pos < 0:
        return nfc
    marked = unicodedata.normalize("NFC", unicodedata.normalize("NFD", base[pos]) + _TONE_CHARS[tone])
    return base[:pos] + marked + base[pos + 1 :]


def apply_case(template: str, word: str) -> str:
    """Give `word` the casing pattern of `template` (the observed token)."""
    letters = [c for c in template if c.isalpha()]
    if not letters:
        return word
    upper = sum(c.isupper() for c in letters)
    if len(letters) > 1 and upper * 2 >= len(letters) and upper > 1:
        return word.upper()
    if letters[0].isupper():
        if template[0] == "I" and word[:1] == "l":  # OCR read a lower-case l as I (Iy -> lý)
            return word
        return word[:1].upper() + word[1:]
    return word


# --- tokenising ---------------------------------------------------------------------------
# A chunk is a maximal run without whitespace; inside it, words, numbers and punctuation.
CHUNK_RE = re.compile(r"\S+")
PIECE_RE = re.compile(rf"[{VIET_LETTERS}0-9]+|[^{VIET_LETTERS}0-9]")
URL_RE = re.compile(r"^(?:https?://|www\.)|^[\w.+-]+@[\w-]+\.[a-z]{2,}|\.(?:vn|com|org|net)\b", re.I)
NUMBER_RE = re.compile(r"^[0-9]+(?:[.,/:-][0-9]+)*%?$")
# document codes and dates: digits and letters joined by / or -, e.g. 2163/KH-UBND, 57-NQ/TW
CODE_RE = re.compile(r"^(?=.*[0-9])(?=.*[/])[\w./&-]+$|^[0-9]+-[A-ZĐ]+(?:[/-][A-ZĐ&]+)*$")

PUNCT_TOKENS = {",", ".", ";", ":", "(", ")", "\"", "-", "?", "!", "/", "“", "”", "…"}
NUM = "<num>"
UNK = "<unk>"
BOS = "<s>"
EOS = "</s>"


@lru_cache(maxsize=500_000)
def _lm_word(piece: str) -> str:
    return normalize_tone(piece.lower()) if is_viet_word(piece) else UNK


def lm_tokens(line: str) -> list[str]:
    """The token stream the language model is trained on: lower-case syllables, punctuation,
    <num> for numbers, codes and dates."""
    out: list[str] = []
    for m in CHUNK_RE.finditer(line):
        chunk = m.group()
        if URL_RE.search(chunk):
            out.append(UNK)
            continue
        core = chunk.rstrip(".,;:)")
        if CODE_RE.match(core) or NUMBER_RE.match(core):
            out.append(NUM)
            tail = chunk[len(core):]
            out.extend(ch for ch in tail if ch in PUNCT_TOKENS)
            continue
        for piece in PIECE_RE.findall(chunk):
            if piece[0].isdigit():
                out.append(NUM)
            elif piece[0].isalpha():
                out.append(_lm_word(piece))
            elif piece in PUNCT_TOKENS:
                out.append(piece)
    return out
