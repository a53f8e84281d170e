"""Is a token a well-formed Vietnamese syllable? Used to score candidate decodings of a file."""
from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Vowel groups that can carry a final consonant, and those that end the syllable themselves
# (they close with a glide: `ai`, `ươi`). Spelling of the standard orthography.
_OPEN_NUCLEI = ("a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe uâ uê uy uyê ưa ua ia")
_CLOSED_NUCLEI = ("ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu ia ua ưa iêu yêu oai oay oao oeo uôi ươi ươu "
                  "uây uya uyu uơ")
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:(?:" + "|".join(sorted(_OPEN_NUCLEI.split(), key=len, reverse=True)) + r")(?:ch|ng|nh|[cmnpt])?"
    r"|(?:" + "|".join(sorted(_CLOSED_NUCLEI.split(), key=len, reverse=True)) + r"))$"
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
