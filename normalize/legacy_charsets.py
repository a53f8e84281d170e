"""The two legacy 8-bit Vietnamese font encodings still found in old archives, as tables.

No maintained PyPI package decodes them, so the tables live here:

- TCVN3 (TCVN 5712:1993 "ABC", fonts `.VnTime`): one byte per precomposed letter. Capitals
  with a tone were drawn by a separate capital font (`.VnTimeH`) with the *same* byte codes as
  the small letters, so they decode as small letters; only Ă Â Đ Ê Ô Ơ Ư have codes of their own.
- VNI (VNI-Windows, fonts `VNI-Times`): a base ASCII letter followed by one byte for the mark
  (circumflex/breve and tone together), read through Windows-1252.
"""
from __future__ import annotations

import re
import unicodedata

# TCVN3 byte (as a Latin-1 character) -> letter.
_TCVN3_PAIRS = (
    "à µ|á ¸|ả ¶|ã ·|ạ ¹|ă ¨|ằ »|ắ ¾|ẳ ¼|ẵ ½|ặ Æ|â ©|ầ Ç|ấ Ê|ẩ È|ẫ É|ậ Ë|đ ®|è Ì|é Ð|ẻ Î|ẽ Ï|ẹ Ñ|"
    "ê ª|ề Ò|ế Õ|ể Ó|ễ Ô|ệ Ö|ì ×|í Ý|ỉ Ø|ĩ Ü|ị Þ|ò ß|ó ã|ỏ á|õ â|ọ ä|ô «|ồ å|ố è|ổ æ|ỗ ç|ộ é|"
    "ơ ¬|ờ ê|ớ í|ở ë|ỡ ì|ợ î|ù ï|ú ó|ủ ñ|ũ ò|ụ ô|ư \u00ad|ừ õ|ứ ø|ử ö|ữ ÷|ự ù|ỳ ú|ý ý|ỷ û|ỹ ü|ỵ þ|"
    "Ă ¡|Â ¢|Đ §|Ê £|Ô ¤|Ơ ¥|Ư ¦"
)
TCVN3_TO_UNICODE: dict[str, str] = {code: letter for letter, code in (p.split(" ") for p in _TCVN3_PAIRS.split("|"))}
UNICODE_TO_TCVN3: dict[str, str] = {v: k for k, v in TCVN3_TO_UNICODE.items()}


def decode_tcvn3(data: bytes) -> str:
    text = data.decode("latin-1")
    return _restore_tcvn3_capitals("".join(TCVN3_TO_UNICODE.get(c, c) for c in text))


_WORD = re.compile(r"[^\W\d_]+")


def _caps_word(word: str) -> bool | None:
    """True: a capitals word (`HOạCH`, `ủY`); False: not; None: cannot tell (`Kế`, `ở`)."""
    ascii_letters = [c for c in word if c.isascii()]
    if any(c.islower() for c in ascii_letters):
        return False
    if len(ascii_letters) >= 2 or (ascii_letters and not word[0].isascii()):
        return True
    return None


def _restore_tcvn3_capitals(text: str) -> str:
    """Capitals with a tone came from the capital font with the small letters' codes: `KÕ HO¹CH`
    decodes as `Kế HOạCH`. A word whose plain letters are all capitals is a capitals word, and so is
    an undecidable word (`Kế`, `Số`) between capitals words on its line."""
    out = []
    for line in text.split("\n"):
        words = list(_WORD.finditer(line))
        caps = [_caps_word(m.group()) for m in words]
        pieces, pos = [], 0
        for i, m in enumerate(words):
            decide = caps[i]
            if decide is None:  # neighbours only across plain spaces (`Số: 12/KH-UBND` stays `Số`)
                neighbours = [caps[j] for j in (i - 1, i + 1) if 0 <= j < len(words)
                              and not line[min(m.end(), words[j].end()):max(m.start(), words[j].start())].strip()]
                decide = any(neighbours) and not any(n is False for n in neighbours)
            pieces.append(line[pos:m.start()])
            pieces.append(m.group().upper() if decide else m.group())
            pos = m.end()
        pieces.append(line[pos:])
        out.append("".join(pieces))
    return "\n".join(out)


def encode_tcvn3(text: str) -> bytes:
    """Unicode -> TCVN3 bytes (capitals with a tone are written with the small-letter code, as the
    capital font did). Used to build test data."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        code = UNICODE_TO_TCVN3.get(c) or UNICODE_TO_TCVN3.get(c.lower())
        out.append(code if code is not None else c)
    return "".join(out).encode("latin-1", errors="replace")


# VNI: mark byte (small-letter form) per (vowel shape, tone). Capitals use the upper-case form
# of the same mark character.
_VNI_TONES = {"": "", "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
# Letters VNI writes as a single byte (no separate base letter).
_VNI_SINGLE = {"í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ơ": "ô", "ư": "ö", "ỵ": "î", "đ": "ñ"}


def _vni_code(letter: str) -> str | None:
    """The VNI spelling of one small Vietnamese letter, or None for a plain ASCII letter."""
    if letter in _VNI_SINGLE:
        return _VNI_SINGLE[letter]
    nfd = unicodedata.normalize("NFD", letter)
    base, marks = nfd[0], nfd[1:]
    tone = next((m for m in marks if m in _VNI_TONES and m), "")
    if base == "i" and tone:
        return None  # i with a tone is always a single byte (handled above)
    if "\u0302" in marks:  # circumflex: â ê ô
        return base + _VNI_CIRCUMFLEX[tone]
    if "\u0306" in marks:  # breve: ă
        return base + _VNI_BREVE[tone]
    if "\u031b" in marks:  # horn: ơ ư with a tone
        return _VNI_SINGLE[unicodedata.normalize("NFC", base + "\u031b")] + _VNI_TONES[tone]
    if tone:
        return base + _VNI_TONES[tone]
    return None


def _vietnamese_letters() -> list[str]:
    letters = []
    for base in "aăâeêioôơuưy":
        for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"):
            letters.append(unicodedata.normalize("NFC", unicodedata.normalize("NFD", base) + tone))
    return letters + ["đ"]


UNICODE_TO_VNI: dict[str, str] = {}
for _small in _vietnamese_letters():
    _code = _vni_code(_small)
    if _code:
        UNICODE_TO_VNI[_small] = _code
        UNICODE_TO_VNI[_small.upper()] = _code.upper()
VNI_TO_UNICODE: dict[str, str] = {v: k for k, v in UNICODE_TO_VNI.items()}
# Longest spellings first, so `oâ` (ô) wins over `ô` (ơ) and `ôù` (ớ) over `ô`.
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))


def decode_vni(data: bytes) -> str:
    text = data.decode("cp1252", errors="replace")
    return _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


def encode_vni(text: str) -> bytes:
    """Unicode -> VNI-Windows bytes. Used to build test data."""
    out = [UNICODE_TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text)]
    return "".join(out).encode("cp1252", errors="replace")


def encode_cp1258(text: str) -> bytes:
    """Unicode -> Windows-1258 the way Vietnamese Windows wrote it: letters with circumflex, breve
    or horn precomposed, the tone as a combining mark after them. Used to build test data."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        nfd = unicodedata.normalize("NFD", c)
        tone = "".join(m for m in nfd if m in "\u0300\u0301\u0303\u0309\u0323")
        rest = unicodedata.normalize("NFC", "".join(m for m in nfd if m not in tone))
        try:
            out.append(c.encode("cp1258"))  # a few toned letters (à, á, é ...) have codes of their own
        except UnicodeEncodeError:
            out.append((rest + tone).encode("cp1258", errors="replace"))
    return b"".join(out)
