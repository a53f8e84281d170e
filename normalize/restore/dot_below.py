"""English OCR reads the dot below a vowel (ạ ị ọ ụ ẹ ỵ, ậ ặ ộ ợ ự ệ) as a full stop glued to the
word: `da.t` (đạt), `ha.ng` (hạng), `La.t` (Lạt), or after it, against the next word: `dia.phuong`
(địa phương), `hoi. nghi` (hội nghị). Such a stop belongs to the word, not to the sentence: split
at it, `đã.t` was decoded as two syllables and the value after it lost its verb."""
from __future__ import annotations

import re
from typing import Callable, Optional

from normalize.restore.syllables import VIET_LETTERS, normalize_tone

# a stop right after a vowel and right before a lower-case letter: not a sentence end (`chinh. Theo`,
# `da.Tu`), nor an abbreviation (`v.v`, `TP.HCM`: no vowel before the stop)
DOT_WORD = re.compile(rf"(?<![{VIET_LETTERS}.])[{VIET_LETTERS}]*[aeiouyAEIOUY]\.[a-zđ][{VIET_LETTERS}]*")
# a word ending in such a stop, when the next word starts in lower case (`hoi. nghi` = hội nghị): a
# Vietnamese sentence starts with a capital, so this stop is no sentence end
FINAL_DOT_WORD = re.compile(rf"(?<![{VIET_LETTERS}.])[{VIET_LETTERS}]*[aeiouyAEIOUY]\.$")
_DOT_BELOW = dict(zip("aeiouyAEIOUY", "ạẹịọụỵẠẸỊỌỤỴ"))


def dot_word_parts(text: str, is_syllable: Callable[[str], bool]) -> Optional[list[str]]:
    """`da.t` -> ['dạt'] when the letters around the stop spell one syllable; `dia.phuong` ->
    ['dịa', 'phuong'] when each side does; None otherwise (a URL such as `thanhhoa.gov`)."""
    left, _, right = text.partition(".")
    if len(left) < 2:  # `i.e.`, `a.m.`: an abbreviation, not a slip (`da.t`, `ha.ng`)
        return None
    marked = normalize_tone(left[:-1] + _DOT_BELOW[left[-1]])  # the stop follows the vowels: `dia.` = dịa
    if is_syllable(left + right):
        return [marked + right]
    if len(right) >= 2 and is_syllable(left) and is_syllable(right):
        return [marked, right]
    return None


__all__ = ["DOT_WORD", "FINAL_DOT_WORD", "dot_word_parts"]
