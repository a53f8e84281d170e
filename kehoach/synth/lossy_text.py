"""The plan text as an English-model OCR left it: diacritics gone, a few letters misread.

Archives hold such text ("Chi s6 cai cach hanh chinh"); the restorer and extraction must cope.
Slips are seeded; the table is small and written here, not learned from the seeds.
"""
from __future__ import annotations

import random
import re
import unicodedata

from unidecode import unidecode

# Vietnamese letters an English model tends to read as another glyph (before stripping).
SLIPS = {"ố": "6", "ổ": "6", "ộ": "0", "ớ": "é", "ế": "é", "ư": "u'", "đ": "d", "ạ": "a."}
_TOKEN = re.compile(r"(\w+)|\W+")


def strip_marks(text: str) -> str:
    """Vietnamese letters to ASCII (đ -> d), keeping line structure."""
    return "\n".join(unidecode(line) for line in unicodedata.normalize("NFC", text).split("\n"))


def lossy_text(text: str, seed: int, slip_rate: float = 0.03) -> str:
    """Strip diacritics; in `slip_rate` of the words with a letter from SLIPS, misread it."""
    rng = random.Random(seed)

    def word(m: re.Match) -> str:
        w = m.group(0)
        hits = [i for i, ch in enumerate(w) if ch in SLIPS]
        if hits and rng.random() < slip_rate:
            i = rng.choice(hits)  # the misread glyph survives the stripping (é stays é)
            return unidecode(w[:i]) + SLIPS[w[i]] + unidecode(w[i + 1:])
        return unidecode(w)

    lines = unicodedata.normalize("NFC", text).split("\n")
    return "\n".join("".join(word(m) if m.group(1) else unidecode(m.group(0))
                              for m in _TOKEN.finditer(line)) for line in lines)
