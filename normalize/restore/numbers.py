"""Repairs of numbers that English OCR broke, in OCR'd lines only (the values matter downstream).

    84 ,48%  -> 84,48%     a decimal comma OCR set apart (percentages, scores out of /100)
    8l,73%   -> 81,73%     a 1 read as l or I inside a percentage or decimal
    1O0%     -> 100%       an O between digits
    7,2S     -> 7,25       an S inside a decimal (S and 5 are the classic pair of English OCR; B and 8 the other)
Only tokens that become well-formed numbers with a decimal part or a % sign are touched:
`l0` or `Il` are left to the restorer. A look-alike of more than one digit is not guessed:
`8],73%` stays (`]` was a 7 in a real scan: 87,73 %); a wrong value is worse than none.
"""
from __future__ import annotations

import re

from normalize.restore.syllables import NUMBER_RE

# "84 ,48%" / "85 ,95/100": the comma and the decimals belong to the number before them
_SPACED_DECIMAL = re.compile(r"(?<![\w.,])([0-9]{1,3}) ,([0-9]{1,3})(?=%|/[0-9])")
_ONE_LIKE, _ZERO_LIKE, _FIVE_LIKE, _EIGHT_LIKE = "lI", "O", "S", "B"
_LIKE = re.escape(_ONE_LIKE + _ZERO_LIKE + _FIVE_LIKE + _EIGHT_LIKE)
# (not when a letter follows: `12.Ban`, `1.1.Sửa` are a number, then a word)
_TOKEN = re.compile(rf"(?<!\S)[0-9{_LIKE}.,/%]*[0-9][0-9{_LIKE}.,/%]*(?![^\W\d_])")
_TO_DIGIT = str.maketrans({**{c: "1" for c in _ONE_LIKE}, **{c: "0" for c in _ZERO_LIKE}, **{c: "5" for c in _FIVE_LIKE},
                          **{c: "8" for c in _EIGHT_LIKE}})


def _repair_token(m: re.Match) -> str:
    token = m.group()
    core = token.rstrip(".,")
    fixed = core.translate(_TO_DIGIT)
    if fixed == core or not NUMBER_RE.match(fixed):
        return token
    if not ("%" in fixed or re.search(r"[0-9][.,][0-9]", fixed)) or sum(c.isdigit() for c in core) < 2:
        return token  # a bare 8] or l0: too little evidence that it is a number
    if not re.match(r"^[0-9]", core):
        return token  # l5% may be a word glued to a number: leave it
    return fixed + token[len(core):]


def repair_ocr_numbers(line: str) -> str:
    """The line with spaced decimal commas joined and l/I/O inside numbers read as 1/0."""
    line = _SPACED_DECIMAL.sub(r"\1,\2", line)
    return _TOKEN.sub(_repair_token, line)
