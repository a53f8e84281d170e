"""Where a value stated in a sentence belongs: its sentence, year, scope and component.

All functions work on folded text (see extract.numbers.fold), whose offsets are the original's.
"""
from __future__ import annotations

import re
from typing import Optional

from rapidfuzz import fuzz, process

from extract.components import _choices, _key
from extract.numbers import YEAR
from extract.result_scope import UNIT_WORDS

# a line holding only a number under a short line: cells read one per line, no sentence runs over them (a wrapped
# sentence's lines are long: `... của tỉnh đạt` / `88,15` / `điểm` goes on)
_CELL_LINE = r"(?<=\n)(?=[^\n]{1,40}\n)[^\n]*?\n[ \t]*\d[\d.,/%]*(?<!\.)[ \t]*(?=\n)"
# (a footnote's rule line `____` ends the sentence above it)
_SENT_END = re.compile(r"\.\s+(?=[a-z0-9])|\.\s*$|\n\s*[-+•]\s|\n[ \t]*_{4,}|\f|\n\s*(?:[ivx]+|\d+(?:\.\d+)*|[a-z])[.)]\s|\n\s*\n|"
                       + _CELL_LINE)


def sentence_end(folded: str, start: int, limit: int) -> int:
    m = _SENT_END.search(folded, start, limit)
    return m.start() if m else limit


_SENT_START = re.compile(r"\.\s+(?=[a-z])|\n[ \t]*_{4,}[ \t]*(?=\n)|\f|\n\s*[-+•]\s|\n\s*(?:[a-z]|\d+(?:\.\d+)*)[.)]\s|\n\s*\n|" + _CELL_LINE)


def sentence_start(folded: str, ms: int) -> int:
    # (the lookahead sees the character at `ms`: a sentence that opens right at `ms` starts there)
    cut = [m.end() for m in _SENT_START.finditer(folded, max(0, ms - 600), ms + 1) if m.end() <= ms]
    return cut[-1] if cut else max(0, ms - 600)


def paragraph_start(folded: str, pos: int) -> int:
    lo = max(0, pos - 900)
    cut = [m.end() for m in re.finditer(r"\n\s*\n(?=\s*[a-z(])|\f|\n\s*(?:[a-z]\)|\d+\.)\s", folded[lo:pos])]
    return lo + cut[-1] if cut else lo


def years(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(offset, year) of `năm YYYY` in [lo, hi), leaving out comparisons (`so với năm 2023`)."""
    out = []
    # `quý III/2025`: a survey of that year
    # `PCI 2024 của tỉnh đạt`: the year right after the index's short name
    for m in re.finditer(rf"(?:n\S{{0,2}}m\s+|\bquy\s+[ivx1l]{{1,4}}\s*/\s*|\b(?:pci|papi|dti|sipas|par index)\s+)({YEAR})\b",
                         folded[lo:hi]):
        s = lo + m.start()
        if re.search(r"(?:so\s+v\S{1,3}|\bh\S?n)\s*$", folded[max(0, s - 10):s]):  # `so với`, `thấp hơn` năm 2023
            continue
        out.append((s, int(m.group(1))))
    return out


def closed_parens(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans, stack = [], []
    for i in range(lo, hi):
        if folded[i] == "(":
            stack.append(i)
        elif folded[i] == ")" and stack:
            spans.append((stack.pop(), i))
    return spans


def year_before(folded, pos, lo, back_lo) -> Optional[int]:
    """Nearest `năm YYYY` before `pos`, skipping parentheses closed before it (`(năm 2023 đạt ...)`)."""
    closed = closed_parens(folded, back_lo, pos)
    ys = [y for s, y in years(folded, back_lo, pos) if not any(a < s < b for a, b in closed)]
    return ys[-1] if ys else None


def year_after(folded, pos, hi) -> Optional[int]:
    ys = years(folded, pos, min(hi, pos + 80))
    return ys[0][1] if ys else None


def inner_end(folded: str, ms: int, sent_start: int, end: int) -> int:
    """A mention inside parentheses owns the text up to the closing parenthesis only."""
    depth = 0
    for ch in folded[sent_start:ms]:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
    if depth <= 0 or re.match(r"[a-z -]{0,12}\)", folded[ms:ms + 14]) and folded[max(0, ms - 2):ms].strip() == "(":
        return end  # `(DTI)` naming the index just spelled out is not a parenthetical remark
    close = folded.find(")", ms, end)
    return close if close > 0 else end


def title_text(folded: str) -> str:
    """The title under `KẾ HOẠCH` (its first block, at most three lines), folded; '' when not found."""
    m = re.search(r"^\s*k\S{0,2}\s*ho\S{0,2}ch\s*$", folded[:3000], re.M)
    if not m:
        return ""
    block = re.split(r"\n\s*\n|\n\s*(?:[ivx]+|\d+)\.\s", folded[m.end():m.end() + 500].strip("\n "))[0]
    return "\n".join(block.split("\n")[:3])


def title_year(folded: str, first: bool = False) -> Optional[int]:
    """The last year named in the title under `KẾ HOẠCH` (`năm 2025`, `giai đoạn 2026 - 2030`); with `first`, the year
    the plan's own period opens with (`năm 2026`, `giai đoạn 2026 - 2030`; not a cited document's date)."""
    title = title_text(folded)
    if first:
        own = re.findall(rf"\b(?:nam|giai\s+doan)\s+({YEAR})\b", title)
        return int(own[0]) if own else None
    found = [int(y) for y in re.findall(YEAR, title)]
    return found[-1] if found else None


# (a stray `|` of English OCR may open the line: `|III. MUC TIÊU`; blanks within the line only: `\s*\|?\s*` over the
# blanked lines of a table backtracks quadratically)
_GOALS_HEADING = re.compile(r"^[ \t]*(?:\|[ \t]*)?(?:[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})?|[a-d])[.)]\s*(?:m\S{1,2}c\s+ti\S{1,3}u|ch\S\s+ti\S{1,3}u)\b[^\n]*$",
                            re.M)
_NEXT_ROMAN = re.compile(r"^[ \t]*(?:\|[ \t]*)?[ivx]{1,4}\.\s", re.M)


def goal_spans(folded: str) -> list[tuple[int, int, Optional[int]]]:
    """Text under `II. MỤC TIÊU` / `2. Chỉ tiêu cụ thể đến năm 2030`: what it states are targets.
    (start, end, year named in the heading)."""
    spans = []
    for m in _GOALS_HEADING.finditer(folded):
        nxt = _NEXT_ROMAN.search(folded, m.end())
        ys = [int(y) for y in re.findall(YEAR, m.group(0))]
        spans.append((m.end(), nxt.start() if nxt else len(folded), ys[-1] if ys else None))
    return spans


_FOOTNOTE_MARK = re.compile(r"[ \t]*[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_RULE_LINE = re.compile(r"[ \t]*_{5,}[ \t]*$")


def in_footnote(text: str, pos: int) -> bool:
    """`pos` is in a footnote: its paragraph opens with a footnote mark (`¹ Năm 2024, ...`) or under a rule line
    (`________________`); a footnote in the goals section reports results, it sets no goal."""
    after = ""  # the line below the one looked at
    for line in reversed(text[max(0, pos - 800):pos].split("\n")):
        if not line.strip() or re.match(r"\s*(?:[IVX]{1,4}|\d{1,2})\.\s", line):
            return False
        if _FOOTNOTE_MARK.match(line) or _RULE_LINE.match(line) and re.match(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰1-9]\s", after):
            return True  # (a rule line only above a marked note: not a title's underline)
        after = line
    return False


_HEADING_LINE = re.compile(r"^\s*(?:[ivx]{1,4}|\d{1,2})\.\s[^\n]{0,80}$", re.M)


def heading_year(folded: str, pos: int) -> Optional[int]:
    """The year in the nearest section heading above `pos` (`II. KẾT QUẢ NĂM 2024`), if it names one."""
    heads = [m for m in _HEADING_LINE.finditer(folded, max(0, pos - 3000), pos) if re.match(r"\s*[ivx]", m.group(0))]
    if not heads:
        return None
    ys = re.findall(rf"n\S{{0,2}}m\s+({YEAR})", heads[-1].group(0))
    return int(ys[-1]) if ys and len(set(ys)) == 1 else None


def goal_year(goals, pos: int) -> Optional[int]:
    """The year of the innermost goals heading holding `pos` (`Mục tiêu năm 2025`)."""
    inside = [(a, y) for a, b, y in goals if a <= pos < b and y]
    return max(inside)[1] if inside else None


# Words that close a component name before its value (`lĩnh vực X đạt thấp nhất với 9,64 điểm`).
_TAIL = re.compile(r"(?:\s|[,(:;-])*(?:(?:chi\s+)?dat(?:\s+duoc)?(?:\s+(?:tu|tir|tren|toi\s+thieu|it\s+nhat))?|la|voi|"
                   r"chi(?:\s+con)?|con|"
                   r"(?:thap|cao)\s+nhat|o\s+muc|dung|xep|khong\s+(?:thap\s+hon|duoi)|"
                   r"nam\s+\d{4}|muc\s+do\s+hai\s+long|ty\s+le\s+hai\s+long)?(?:\s|[,(:;-])*$")


_IMPACT = "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội"
# Parts of the whole PAR INDEX that sentences report (`trong đó điểm thẩm định đạt 58,72/67 điểm`);
# only for sentences: in a table, `Điều tra XHH` under a field is that field's part.
_PROSE_PARTS = {"PAR INDEX": (("diem tham dinh", "Điểm thẩm định"), ("diem danh gia tham dinh", "Điểm thẩm định"),
                              ("diem dieu tra xa hoi hoc", "Điểm điều tra xã hội học"),
                              ("dieu tra xa hoi hoc", "Điểm điều tra xã hội học"),
                              ("tac dong den phat trien kinh te xa hoi", _IMPACT + " - Tác động đến phát triển kinh tế - xã hội"),
                              ("diem tac dong phat trien kinh te xa hoi", _IMPACT + " - Tác động đến phát triển kinh tế - xã hội"))}


def _prose_choices(index: str) -> tuple[tuple[str, str], ...]:
    return _choices(index) + _PROSE_PARTS.get(index, ())


def _best_span(words: list[str], index: str, min_score: float, max_gap: int):
    """(i, j, name) of the best component match among words[i:j] ending at most `max_gap` words
    before the end (closest to the end wins ties), else None."""
    choices = _prose_choices(index)
    keys = [k for k, _ in choices]
    official = len(_choices(index))
    best = (0.0, 0, 0, None)
    for j in range(len(words), max(0, len(words) - max_gap - 1), -1):
        if any(ch.isdigit() for w in words[j:] for ch in w):
            break
        for i in range(j - 1, max(-1, j - 22), -1):
            cand = " ".join(words[i:j])
            if len(cand) < 6:
                continue
            hit = process.extractOne(cand, keys, scorer=fuzz.ratio, score_cutoff=min_score)
            if not hit and (i == 0 or words[i - 1] in _SEGMENT_OPENERS):
                hit = _short_form(cand, keys[:official], min_score)  # official names only, not parts of a score
            if hit and (hit[1], j, -i) > best[:3]:
                best = (hit[1], j, -i, choices[hit[2]][1])
    return (-best[2], best[1], best[3], best[0]) if best[3] else None


# words after which a component's name opens its own segment: a cue, or the end of the previous value
# (`...; Tính năng động 7,20 điểm`, `- Kiểm soát tham nhũng: 6,88 điểm`, `lĩnh vực Chính phủ điện tử, ... đạt`)
_SEGMENT_OPENERS = {"vuc", "phan", "dung", "to", "cot", "diem"}


def _short_form(cand: str, keys: list[str], min_score: float):
    """A short form of one official name that opens a segment: its first words (`Tính năng động` for `Tính
    năng động của chính quyền tỉnh`) or its last (`Chính phủ điện tử, Chính phủ số`), three words at least,
    and no other name shares them; or a close spelling of one name only. Scored just above the cut-off, so a
    full match always wins."""
    if len(cand.split()) < 3:
        return None
    found = [k for k, key in enumerate(keys) if key.startswith(cand + " ") or key.endswith(" " + cand)]
    if len(found) == 1:
        return (keys[found[0]], min_score + 0.5, found[0])
    # ... or a word left out in the middle (`Công chức giải quyết công việc`): close to one name, far from the rest
    ranked = process.extract(cand, keys, scorer=fuzz.ratio, limit=2)
    if ranked and ranked[0][1] >= 84 and (len(ranked) < 2 or ranked[1][1] <= ranked[0][1] - 10):
        return (ranked[0][0], min_score + 0.5, ranked[0][2])
    return None


# `Chỉ số thành phần X của tỉnh Y (cũ) giảm mạnh, chỉ còn 6,05 điểm`: whose value it is says nothing of the name
_OF_FORMER_UNIT = re.compile(rf"\bc\S{{1,3}}a\s+{UNIT_WORDS}\s+[a-z ]{{1,30}}?\((?:cu|cii)\)")


def _clause_words(folded: str, lo: int, pos: int) -> list[str]:
    seg = _OF_FORMER_UNIT.sub(" ", folded[max(lo, pos - 240):pos])
    for _ in range(3):
        seg = _TAIL.sub("", seg)
    return _key(seg).split()[-26:]


def component_before(folded: str, lo: int, pos: int, index: Optional[str], min_score: float = 90.0,
                     max_gap: int = 4) -> Optional[str]:
    """The official component of `index` named just before a value (`lĩnh vực Cải cách thể chế đạt`,
    `Quản trị môi trường (3,77 điểm)`, `yếu tố Thủ tục hành chính đạt trên 88%`): the best match among
    the word sequences of the clause before `pos`, a few words (`của Sở`) allowed after it."""
    hit = component_match(folded, lo, pos, index, min_score, max_gap)
    return hit[0] if hit else None


def component_match(folded: str, lo: int, pos: int, index: Optional[str], min_score: float = 90.0,
                    max_gap: int = 4) -> Optional[tuple[str, float, int]]:
    """(component, score, words matched) for component_before; None when nothing matches."""
    if not index or not _choices(index):
        return None
    hit = _best_span(_clause_words(folded, lo, pos), index, min_score, max_gap)
    return (hit[2], hit[3], hit[1] - hit[0]) if hit else None


def component_opens(folded: str, lo: int, pos: int, index: Optional[str]) -> bool:
    """The clause from `lo` to the value is a component's name and little else (`Điểm điều tra xã hội học đạt
    tối thiểu 31,5/37 điểm`): the component is the subject, cue enough in a sentence naming no index."""
    hit = component_match(folded, lo, pos, index, min_score=90.0, max_gap=0)
    return bool(hit) and hit[2] >= 2 and hit[2] >= len(_clause_words(folded, lo, pos)) - 2


def component_after(folded: str, pos: int, hi: int, index: Optional[str], min_score: float = 90.0) -> Optional[str]:
    """`... hài lòng về kết quả giải quyết thủ tục hành chính`: the component named right after `pos`
    (a few linking words allowed); the longest best match wins."""
    if not index or not _prose_choices(index):
        return None
    words = _key(folded[pos:hi]).split()[:18]
    choices = _prose_choices(index)
    keys = [k for k, _ in choices]
    best: tuple = (0.0, 0, None)
    for i in range(min(4, len(words))):
        for j in range(i + 1, min(len(words), i + 16) + 1):
            cand = " ".join(words[i:j])
            if len(cand) < 6:
                continue
            hit = process.extractOne(cand, keys, scorer=fuzz.ratio, score_cutoff=min_score)
            if hit and (hit[1], j - i) > best[:2]:
                best = (hit[1], j - i, choices[hit[2]][1])
    return best[2]


def components_listed(folded: str, lo: int, pos: int, index: Optional[str], min_score: float = 90.0) -> list[str]:
    """`các chỉ số nội dung X, Y và Z đạt tối thiểu 5,5 điểm` -> [X, Y, Z] (text order)."""
    if not index or not _choices(index):
        return []
    # items parted by `;` are read one by one: each opens with its name (a short form may stand for it there:
    # `các yếu tố: tiếp cận dịch vụ; thủ tục hành chính; ... và kết quả cung ứng dịch vụ lần lượt đạt`)
    cut = folded.rfind(";", max(lo, pos - 240), pos)
    out: list[str] = []
    while True:
        out[:0] = _listed_in(_clause_words(folded, max(lo, cut + 1), pos), index, min_score, 4 if not out else 0)
        if cut < 0 or len(out) < 1:
            return out
        pos, cut = cut, folded.rfind(";", max(lo, cut - 240), cut)


def _listed_in(words: list[str], index: str, min_score: float, max_gap: int) -> list[str]:
    out: list[str] = []
    hit = _best_span(words, index, min_score, max_gap)
    while hit:
        i, _, name, _ = hit
        if name not in out:
            out.insert(0, name)
        words = words[:i]
        while words and (words[-1] in ("va", "cung", "cac", "chi", "noi", "dung", "linh", "vuc", "yeu", "to")
                         or words[-2:] == ["chi", "so"]):  # `chỉ số` before a name; `Kinh tế số` keeps its `số`
            words.pop()
        hit = _best_span(words, index, min_score, 0)
    return out
