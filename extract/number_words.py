"""Numbers written in words where a value stands (`đạt tối thiểu chín mươi điểm`, `tăng ít nhất một bậc`,
`trên tổng số mười đơn vị`): replaced in the folded text by their digits, right-padded with spaces so
that every offset still points at the same place in the original text. Ranks after `thứ` are left to
the rank rules (`xếp thứ ba`), which read them in words themselves.
"""
from __future__ import annotations

import re

_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8,
          "chin": 9}
_DIGIT = r"(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)"
# `chín mươi`, `sáu mươi ba`, `mười`, `mười lăm`, `hai`: up to 99
_WORDS = rf"(?:{_DIGIT}\s+muoi(?:\s+{_DIGIT})?|muoi(?:\s+{_DIGIT})?|{_DIGIT})"
# where a number in words is a value: after a floor or a verb, before `điểm` / `bậc` / `%`; or a total
_VALUE = re.compile(rf"\b(?P<cue>dat|toi thieu|it nhat|tren|khong thap hon|khong duoi|tang|giam|tut|len|xuong)\s+"
                    rf"(?P<n>{_WORDS})(?=\s+(?:diem|bac)\b|\s*%|\s+phan\s+tram\b)")
_TOTAL = re.compile(rf"\b(?P<cue>(?:tren|trong)\s+(?:tong\s+)?so)\s+(?P<n>{_WORDS})(?=\s+(?:don vi|tinh|huyen|xa|"
                    r"phuong|so|co quan|dia phuong|quan|thi xa|thanh pho)\b)")


def words_value(words: str) -> int:
    """`chin muoi` 90, `sau muoi ba` 63, `muoi lam` 15, `hai` 2."""
    parts = words.split()
    if "muoi" not in parts:
        return _UNITS[parts[0]]
    at = parts.index("muoi")
    tens = _UNITS[parts[0]] if at else 1
    return tens * 10 + sum(_UNITS[p] for p in parts[at + 1:])


def digits_for_words(folded: str) -> str:
    """`folded` with numbers in words at value places written in digits (same length, same offsets)."""
    out = list(folded)
    for rx in (_VALUE, _TOTAL):
        for m in rx.finditer(folded):
            a, b = m.span("n")
            digits = str(words_value(m.group("n")))
            out[a:b] = list(digits.ljust(b - a))
    return "".join(out)


__all__ = ["digits_for_words", "words_value"]
