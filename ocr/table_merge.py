"""Two readings of one table cell merged word by word: the page's words and the cell crop's words.

Measured on rendered appendix tables (scripts/eval_scan_table.py, dev seeds 2000, 2417, 2611): the
page reading has the better letters (the enlarged, binarised crop adds marks: `liên` -> `liền`,
`chuyên` -> `chuyền`, loses `+` and `≥`), the crop reading the better word boundaries and the letters
the page lost (`Kếhoạch-` -> `Kế hoạch -`, `ục` -> `tục`, `quan,` at 46 -> `quan` at 93). So a stretch
where they differ keeps the page words unless the crop's are clearly more confident, split the same
letters into more words, or hold the page's letters and more.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ocr.layout import assemble_lines
from ocr.types import Word


@dataclass(frozen=True)
class Token:
    text: str
    conf: float
    newline: bool  # starts a line (bullets are split at line starts downstream)


def tokens(words: list[Word]) -> list[Token]:
    """The words in layout order (ocr.layout lines), each with its confidence."""
    pool: dict[str, list[float]] = {}
    for w in words:
        pool.setdefault(w.text, []).append(w.conf)
    out = []
    for line in assemble_lines(words):
        for i, text in enumerate(line.split()):
            confs = pool.get(text) or [0.0]
            out.append(Token(text, confs.pop(0) if len(confs) > 1 else confs[0], i == 0))
    return out


# Forms a short token of a table cell takes: `III/2025` (quarter), `30/9/2025`, `31/12`, `1.2`.
_FORMS = re.compile(r"^(?:(?:I|II|III|IV)/\d{4}|\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}(?:\.\d{1,2}){0,2}|\d{4})[.,;]?$")


def _take_crop(page: list[Token], crop: list[Token], gain: float) -> bool:
    if not crop:
        return False
    if len(page) == len(crop) == 1 and _FORMS.match(crop[0].text) and not _FORMS.match(page[0].text):
        return True  # the crop read a quarter or a date where the page read `HI/2025`, `J/2025`
    if not page:
        return min(t.conf for t in crop) >= 85  # a word the page missed (`-` of `Kế hoạch - Tài chính`)
    p_text, c_text = "".join(t.text for t in page), "".join(t.text for t in crop)
    p_conf, c_conf = min(t.conf for t in page), min(t.conf for t in crop)
    if p_text == c_text:
        return len(crop) > len(page)  # the same letters in more words: a space the page lost
    if c_conf >= p_conf + gain:
        return True
    if c_text and c_text in p_text and not any(ch.isalnum() for ch in p_text.replace(c_text, "", 1)):
        return c_conf >= p_conf - 5  # the page's reading had a speck more (`'Văn` for `Văn`)
    return p_text in c_text and len(c_text) > len(p_text) and c_conf >= p_conf - 5


def _resplit(page: list[Token], crop: list[Token]) -> list[Token]:
    """The page's letters cut into the crop's words, when only spaces and marks differ (`Kếhoạch-` read
    `Kế hoạch :` by the crop): the crop's words, a lone mark of the crop replaced by the page's."""
    if not page or len(crop) <= len(page):
        return []
    letters = lambda ts: "".join(ch for t in ts for ch in t.text if ch.isalnum())  # noqa: E731
    if letters(page) != letters(crop):
        return []
    marks = [ch for t in page for ch in t.text if not ch.isalnum()]
    out = []
    for t in crop:
        if not any(ch.isalnum() for ch in t.text) and marks:
            t = Token(marks.pop(0), t.conf, t.newline)
        out.append(t)
    if page[0].newline:
        out[0] = Token(out[0].text, out[0].conf, True)
    return out


def merge(page_words: list[Word], crop_words: list[Word], gain: float = 10.0) -> str:
    """The cell's text from both readings (lines kept)."""
    page, crop = tokens(page_words), tokens(crop_words)
    if not page:
        return "\n".join(assemble_lines(crop_words))
    out: list[Token] = []
    matcher = difflib.SequenceMatcher(a=[t.text for t in page], b=[t.text for t in crop], autojunk=False)
    spans = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:  # word for word
            spans += [(op, i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:
            spans.append((op, i1, i2, j1, j2))
    for op, i1, i2, j1, j2 in spans:
        if op != "equal" and _resplit(page[i1:i2], crop[j1:j2]):
            out += _resplit(page[i1:i2], crop[j1:j2])
        elif op != "equal" and _take_crop(page[i1:i2], crop[j1:j2], gain):
            taken = list(crop[j1:j2])
            if i1 < i2 and page[i1].newline:  # the line structure stays the page's
                taken[0] = Token(taken[0].text, taken[0].conf, True)
            out += taken
        else:
            out += page[i1:i2]
    text = ""
    for t in out:
        text += ("\n" if t.newline and text else " " if text else "") + t.text
    return text
