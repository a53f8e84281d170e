"""Is a token a well-formed Vietnamese syllable? Used to score candidate decodings of a file."""
from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_TOKEN = re.compile(r"[^\W\d_]+")


def is_vietnamese_syllable(token: str) -> bool:
    nfd = unicodedata.normalize("NFD", token.lower())
    if sum(c in _TONES for c in nfd) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return bool(_SYLLABLE.match(base))


def vietnamese_score(text: str, sample: int = 20000) -> float:
    """Share of letter tokens that are Vietnamese syllables, minus the share that are not and
    hold non-ASCII letters (the signature of a wrong decoding). In [-1, 1]."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text[:sample]))
    if not tokens:
        return 0.0
    good = bad = 0
    for t in tokens:
        if is_vietnamese_syllable(t):
            good += 1
        elif not t.isascii():
            bad += 1
    return (good - 2 * bad) / len(tokens)
