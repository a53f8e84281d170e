"""The restorer's inventory: vocabulary spellings by mark-less key, and which of them may be
proposed for an OCR form other than their own."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from normalize.restore.syllables import is_syllable_skeleton, is_viet_word, skeleton

_VOWEL = re.compile(r"[aeiouy]")


@dataclass
class Inventory:
    upper: dict[str, list[int]]  # every spelling by key: upper-case tokens (acronyms, VND -> VNĐ) may take any
    lower: dict[str, list[int]]  # spellings a lower-case token may take (no trđ for trd)
    shaped: np.ndarray  # bool per vocabulary id: a Vietnamese syllable (cấp), not an acronym or foreign word (dti, clip)


def build_inventory(vocab: list[str]) -> Inventory:
    upper: dict[str, list[int]] = {}
    lower: dict[str, list[int]] = {}
    shaped = np.zeros(len(vocab), dtype=bool)
    for i, w in enumerate(vocab):
        if not is_viet_word(w):
            continue
        key = skeleton(w)
        upper.setdefault(key, []).append(i)
        shaped[i] = is_syllable_skeleton(key)
        # a word with đ and no vowel (trđ, nđ) is no reading of a lower-case trd; stt, ng, d, đ are
        if len(w) == 1 or _VOWEL.search(key) or w == key:
            lower.setdefault(key, []).append(i)
    return Inventory(upper, lower, shaped)
