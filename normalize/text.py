"""Line-level text clean-up: NFC, one tone-placement convention, de-hyphenation, paragraph joining.

Extraction relies on line structure (header columns, headings, list items, table rows, the
signature block), so joining is conservative: a line is joined to the next only when the next
starts with a lower-case letter and the line does not end a sentence, a heading or a table row.
"""
from __future__ import annotations

import re
import unicodedata

from normalize.restore.syllables import skeleton

# Combining marks that carry a tone; the others (breve, circumflex, horn) belong to the letter.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

# An open syllable ending in oa / oe / uy with the tone on the second vowel (new style, `hoà`,
# `uỷ`): the tone moves to the first vowel (old style, `hòa`, `ủy`). `qu` is a consonant, so
# `quý`/`quà` are left alone; a following letter (`hoàn`, `thuyền`) means a closed syllable.
_NEW_STYLE = re.compile(r"(?<![qQ])([oO][aAeE]|[uU][yY])([" + _TONE_MARKS + r"])(?!\w)")


def _move_tone(match: re.Match) -> str:
    pair, tone = match.group(1), match.group(2)
    return pair[0] + tone + pair[1]


def normalize_tone_placement(text: str) -> str:
    """NFC with the old (`hòa`, `ủy`, `thủy`) tone placement everywhere."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _NEW_STYLE.sub(_move_tone, decomposed))


# A table's vertical rule that OCR read as a letter (`| Cải cách thể chế I 10 I 9,20 |`): a lone `I`/`l` between
# spaces on a line ruled with `|` (not a cell of its own, `| I |`, the Roman numeral of a group row).
_RULE_AS_LETTER = re.compile(r"(?:(?<=\s)|^)[Il](?=\s|$)")
_TAKES_NUMERAL = {"quy", "luc", "doan", "nhom", "loai", "vung", "dot", "phan", "chuong", "muc", "khoa", "ky",
                  "hang", "cap", "bac", "phu"}


_SPECK_AFTER_RULE = re.compile(r"\|[ \t]+[^\w\s|]{1,2}[ \t]*$")


def repair_table_rules(text: str) -> str:
    """Lone `I`/`l` read for `|` in ruled table lines put back as `|`, specks after the last rule blanked (same
    length: offsets kept)."""
    out = []
    for line in text.split("\n"):
        if line.count("|") >= 2:
            bordered = line.rstrip().endswith(("|", " I", " l"))

            def fix(m: re.Match, line=line, bordered=bordered) -> str:
                before, after = line[:m.start()].rstrip(), line[m.end():].lstrip()
                if before.endswith("|") and after.startswith("|"):
                    return m.group(0)  # `| I |`: a cell
                if not before and not bordered:
                    return m.group(0)  # `I Chỉ số ...` opening an unbordered line: a numeral
                last = [skeleton(w) for w in before.split()[-2:]]
                if last and (last[-1] in _TAKES_NUMERAL or last == ["khu", "vuc"]):
                    return m.group(0)  # `Quý I năm 2024`, `Phụ lục I`, `Giai đoạn I`: a numeral
                return "|"
            line = _RULE_AS_LETTER.sub(fix, line)
            # a speck after the last rule (`| 0,90 | ¢`, `| 16,59 | .`): blanked
            line = _SPECK_AFTER_RULE.sub(lambda m: "|" + " " * (len(m.group(0)) - 1), line)
        out.append(line)
    return "\n".join(out)


# Letters OCR read for digits inside a number (`81,S6%`, `2O21`, `8l,35`): S 5, O/o 0, l/I 1, B 8; only between
# digits, or between a decimal comma and a digit, so that words and codes (`TTHC`, `KH-UBND`) are never touched.
_DIGIT_LOOKALIKE = re.compile(r"(?<=\d)[SOolIB](?=\d)|(?<=\d[,./])[SOolIB](?=\d|%)|(?<=\d)[SOolI](?=[,./]\d)")  # (`2B.1`: a form's code)
_DIGIT_OF = str.maketrans("SOolIB", "500118")


def repair_digit_lookalikes(text: str) -> str:
    """`81,S6%` -> `81,56%` (same length: offsets kept)."""
    return _DIGIT_LOOKALIKE.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)


# Line classes that must stay lines.
_LIST_ITEM = re.compile(r"^\s*(?:[-–+•*]|\(?[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]|[a-zđ]\)|[IVXLivxl]{1,5}[.)])\s")
_TABLE_ROW = re.compile(r"\s\|\s|\t")
_SENTENCE_END = re.compile(r"[.:;!?]\s*$|[./]\.?/\.?\s*$")
_STARTS_LOWER = re.compile(r"^\s*[^\W\d_]")


def _is_upper_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _starts_lower(line: str) -> bool:
    m = _STARTS_LOWER.match(line)
    return bool(m) and m.group(0).strip()[0].islower()


def _is_double_spaced(lines: list[str]) -> bool:
    """Text layers of some PDFs put a blank line after every printed line."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 8:
        return False
    followed_by_blank = sum(1 for i in filled if i + 1 < len(lines) and not lines[i + 1].strip())
    return followed_by_blank / len(filled) > 0.6


def join_wrapped_lines(text: str, dehyphenate: bool = True) -> str:
    """Join lines of a paragraph that was wrapped; keep every other line break."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    if _is_double_spaced(lines):
        # Blank lines carry no paragraph information here: a single blank between two lines of
        # a wrapped paragraph is dropped, two or more stay one paragraph break.
        squeezed: list[str] = []
        i = 0
        while i < len(lines):
            if not lines[i].strip():
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j - i >= 2 or not squeezed or j == len(lines):
                    squeezed.append("")
                i = j
                continue
            squeezed.append(lines[i])
            i += 1
        lines = squeezed
    out: list[str] = []
    for line in lines:
        if out and _should_join(out[-1], line, dehyphenate):
            prev = out[-1]
            if dehyphenate and re.search(r"\w-$", prev):
                # Vietnamese words are not hyphenated: a break after `PAR-` or `QĐ-` splits a code,
                # so the hyphen stays and no space is added.
                out[-1] = prev + line.lstrip()
            else:
                out[-1] = prev + " " + line.strip()
        else:
            out.append(line)
    text = "\n".join(out)
    if dehyphenate:
        # A code split at its hyphen on one line by the OCR: `PAR- INDEX`, `QĐ- UBND`.
        text = _SPLIT_CODE.sub(r"\1-\2", text)
    return text


_SPLIT_CODE = re.compile(r"\b([A-ZĐ]{2,})- ([A-ZĐ]{2,})\b")


def _should_join(prev: str, line: str, dehyphenate: bool) -> bool:
    if not prev.strip() or not line.strip():
        return False
    if _TABLE_ROW.search(prev) or _TABLE_ROW.search(line) or _LIST_ITEM.match(line):
        return False
    if _short_cells(prev) and _short_cells(line):  # a space-aligned header's second line is no wrapped prose
        return False
    if dehyphenate and re.search(r"\w-$", prev) and re.match(r"\s*\w", line):
        return True
    if _SENTENCE_END.search(prev) or _is_upper_line(prev):
        return False
    return _starts_lower(line)


def _short_cells(line: str) -> bool:
    """`Lĩnh vực     Điểm     Năm 2022`, `     tối đa   Điểm   Tỷ lệ`: short cells apart by runs of 3+ spaces (the
    wrapped cells of a task table, long sentences, are left to be joined as before)."""
    cells = re.split(r" {3,}", line.strip())
    return len(cells) >= 2 and all(len(c) <= 30 for c in cells)


def clean_line_spacing(text: str) -> str:
    """Trailing spaces off, non-breaking and odd spaces to plain spaces, runs of blank lines to one."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)
