"""Words of English-model OCR lines, read back as agency names and deadlines (extract/interleaved.py).

A token keeps its line and its place in the line, so a name whose cell wraps can be followed onto the
next line at about the same place. Words compare through the slips the English model makes on
Vietnamese (`Céng` for `Công`, `ctta` for `của`, `T6` for `Tổ`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from extract.numbers import fold, iso_date

WORD = re.compile(r"[a-z0-9]+(?:/[a-z0-9]+)*")

# deadline phrases (folded words) and their printed form
_DEADLINE_PHRASES = (
    ("thuong xuyen lien tuc", "Thường xuyên, liên tục"), ("thuong xuyen", "Thường xuyên"),
    ("hang nam", "Hằng năm"), ("theo quy dinh", "Theo quy định"), ("theo ke hoach", "Theo kế hoạch"),
    ("theo thong bao ket qua", "Theo thông báo kết quả"), ("hang quy", "Hằng quý"), ("hang thang", "Hằng tháng"),
)
UNIT_WORDS = {"tinh", "huyen", "xa", "phuong", "tran", "pho", "quan"}


@dataclass
class Tok:
    word: str  # folded letters/digits
    line: int
    start: int  # offset in the region
    end: int
    cap: bool  # printed with a capital
    rel: float = 0.0  # position in its line (0 left .. 1 right): a wrapped cell goes on at about the same place


@dataclass
class NameMatch:
    name: str
    toks: list[int]
    score: float

    @property
    def first(self) -> int:
        return self.toks[0]


def tokens(region: str) -> list[Tok]:
    folded = fold(region)
    toks: list[Tok] = []
    line_starts = [0] + [i + 1 for i, c in enumerate(region) if c == "\n"]
    li = 0
    for m in WORD.finditer(folded):
        while li + 1 < len(line_starts) and line_starts[li + 1] <= m.start():
            li += 1
        # OCR digits inside words (`s6` -> `so`, `d6n` -> `don`)
        w = m.group(0)
        if re.search(r"[a-z]", w) and "/" not in w:
            w = w.translate(str.maketrans("0168", "oioa"))
        ls = line_starts[li]
        le = line_starts[li + 1] - 1 if li + 1 < len(line_starts) else len(region)
        toks.append(Tok(w, li, m.start(), m.end(), region[m.start()].isupper(), (m.start() - ls) / max(1, le - ls)))
    return toks


def word_ok(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) <= 3 or len(b) <= 3:  # short syllables: same letters once the vowels the model garbles go
        return a[0] == b[0] and _skeleton(a) == _skeleton(b)
    if len(a) == len(b) and _SKELETON.sub("", a) == _SKELETON.sub("", b):
        return True  # the English model reads Vietnamese vowels as others (`Céng` for `Công`)
    if _U_READ.search(a + " " + b) and _SKELETON.sub("", _U_READ.sub("u", a)) == _SKELETON.sub("", _U_READ.sub("u", b)):
        return True  # `ư` read as two letters: `chttc`/`chitc`/`chifc` for `chức`, `dttng` for `đứng`
    return fuzz.ratio(a, b) >= (75 if min(len(a), len(b)) >= 6 else 80)  # `hoan` is no `hang`


_SKELETON = re.compile(r"[aeiouy]")
_U_READ = re.compile(r"(?<=[a-z])(?:tt|it|ti|tv|if)(?=[a-z])")  # ư, ủ as the English model prints them


def _skeleton(w: str) -> str:
    """Consonants of a syllable as the English model prints it: `ctta`/`ctva`/`cua` -> `c`, `héda`/`hoa` -> `h`."""
    w = _U_READ.sub("u", w)
    return w[0] + _SKELETON.sub("", w[1:]).replace("d", "")


def match_words(name_words: list[str], toks: list[Tok], i: int, hi: int,
                blocked: frozenset[int] = frozenset(), tail_anywhere: bool = False) -> tuple[list[int], float]:
    """Name words read in order from token i: next word on the same line (one stray token allowed)
    or on one of the next two lines (a wrapped cell). Two name words may be one merged token.
    Tokens in `blocked` belong to another name already. `tail_anywhere`: the name's last words may stand
    anywhere on the next line when read there side by side (agency names; not deadline phrases)."""
    got, pos, k, total = [i], i, 1, sum(len(w) for w in name_words)
    matched = len(name_words[0])
    while k < len(name_words):
        w = name_words[k]
        nxt = None
        for j in range(pos + 1, min(hi, pos + 3)):
            if toks[j].line != toks[pos].line:
                break
            if j not in blocked and word_ok(w, toks[j].word):
                nxt = j
                break
        if nxt is None:
            for j in range(pos + 1, hi):
                if toks[j].line > toks[pos].line + 2:
                    break
                if toks[j].line > toks[pos].line and j not in blocked and _below(toks[got[0]], toks[j]) \
                        and word_ok(w, toks[j].word):
                    nxt = j
                    break
        if nxt is None and tail_anywhere and len(name_words) - k >= 2:
            tail = _tail_on_next_line(name_words[k:], toks, pos, hi, blocked)
            if tail:
                got += tail
                matched += sum(len(x) for x in name_words[k:])
                break
        if nxt is None and k + 1 < len(name_words) and toks[pos].word.endswith(w):
            k += 1  # merged token (`xahoi`) already covered this word
            matched += len(w)
            continue
        if nxt is None:
            if len(name_words) < 4:
                return got, 0.0  # short names must be read whole
            k += 1  # word lost by the OCR
            continue
        got.append(nxt)
        matched += len(w)
        pos = nxt
        k += 1
    return got, matched / total


def _tail_on_next_line(words: list[str], toks: list[Tok], pos: int, hi: int, blocked: frozenset[int]) -> list[int]:
    """The name's last two or more words read side by side on the next line, wherever they stand on it:
    a short continuation line (`: nam. Phap ché vu`) puts a wrapped cell far from where it began. The
    last one or two may go on side by side on the line after (`Quan ly chuyén` / `nganh`). Read block by
    block, the tail may open any later line of the row (`Phong Quan ly` ... `chuyén nganh lién quan`)."""
    if sum(map(len, words)) < 5:
        return []
    line = toks[pos].line + 1
    for j in range(pos + 1, hi):
        if toks[j].line > line:
            break
        if toks[j].line < line:
            continue
        n = _run(words, toks, j, hi, blocked)
        if n == len(words):
            return list(range(j, j + n))
        if 2 <= n and len(words) - n <= 2 and j + n < hi:
            for i in range(j + n, hi):  # the rest, side by side somewhere on the line after
                if toks[i].line > line + 1:
                    break
                if toks[i].line == line + 1 and _run(words[n:], toks, i, hi, blocked) == len(words) - n:
                    return list(range(j, j + n)) + list(range(i, i + len(words) - n))
    if len(words) >= 2 and sum(map(len, words)) >= 8:
        # cells read block by block (psm 3): the tail opens a later line of the row
        for j in range(pos + 1, hi):
            if toks[j].line > line and toks[j - 1].line < toks[j].line and _run(words, toks, j, hi, blocked) == len(words):
                return list(range(j, j + len(words)))
    return []


def _run(words: list[str], toks: list[Tok], j: int, hi: int, blocked: frozenset[int]) -> int:
    """How many of `words` are read side by side on one line from token j."""
    n = 0
    while n < len(words) and j + n < hi and toks[j + n].line == toks[j].line and j + n not in blocked \
            and word_ok(words[n], toks[j + n].word):
        n += 1
    return n


def _below(a: Tok, b: Tok) -> bool:
    """`b` (on a later line) could continue the cell `a` is in: about the same place from either side."""
    return abs(a.rel - b.rel) < 0.25


def names_in(toks: list[Tok], lo: int, hi: int, lexicon: list[tuple[str, list[str]]]) -> list[NameMatch]:
    """Lexicon names read in tokens lo..hi, no token in two names. The best reading goes first: letters
    read minus letters lost (a long name half read loses to a short one read whole); a name that
    shares a token with a better one is read again without it (`... thuộc Sở` took the `Sở`)."""
    def read(name: str, i: int, words: list[str], blocked: frozenset[int]) -> Optional[NameMatch]:
        got, score = match_words(words, toks, i, hi, blocked, tail_anywhere=True)
        if words[-1] in UNIT_WORDS and toks[got[-1]].word != words[-1]:
            return None  # a unit word is read exactly (`xuyen` is no `huyen`)
        if score < (0.7 if len(words) >= 4 else 0.8) or len(got) < min(2, len(words)):
            return None
        total = sum(map(len, words))
        # a word lost costs more than its letters: a longer name missing one (`Phòng Văn hóa [và] Thông tin`
        # from an action's `thông tin`) loses to a name read whole; ties: the one on fewer lines
        # (`Phòng Kinh / tế` over `Phòng [Kinh] / tế / pháp`)
        spread = toks[got[-1]].line - toks[got[0]].line
        lost = max(0, len(words) - len(got))
        return NameMatch(name, got, (2 * score - 1) * total + score - 0.2 * spread - lost)

    found: list[tuple[NameMatch, int, list[str]]] = []
    for i in range(lo, hi):
        if not toks[i].cap:
            continue
        for name, words in lexicon:
            # a name starts on its first word; a short one read loosely only when consonants pin it
            # down (`Cc` for `Các`, but a lone `S-` vowel is no `Sở`)
            weak = len(words[0]) < 5 and len(_skeleton(words[0])) < 2 and words[0] != toks[i].word
            # and on its first letter: a capital survives the English model (`Thong`, `Khong` are no `Phòng`)
            if weak or words[0][0] != toks[i].word[0] or not word_ok(words[0], toks[i].word):
                continue
            m = read(name, i, words, frozenset())
            if m:
                found.append((m, i, words))
    candidates = [m for m, _, _ in found]
    used: set[int] = set()
    out: list[NameMatch] = []
    while found:
        found.sort(key=lambda x: -x[0].score)
        m, i, words = found.pop(0)
        if used.isdisjoint(m.toks):
            out.append(m)
            used.update(m.toks)
        elif i not in used:
            again = read(m.name, i, words, frozenset(used))
            if again and again.score < m.score:
                found.append((again, i, words))
                candidates.append(again)
    return sorted(_swap_better(out, candidates), key=lambda m: m.first)


def _swap_better(chosen: list[NameMatch], candidates: list[NameMatch]) -> list[NameMatch]:
    """Greedy choice, then one name swapped for the names it blocked when they read more letters
    together (`Phòng Kinh tế xã` taking the `xã` of `Công an xã` on the next line: two names, not one)."""
    improved = True
    while improved:
        improved = False
        for m in sorted(chosen, key=lambda m: m.score):
            rest = [c for c in chosen if c is not m]
            taken = {t for c in rest for t in c.toks}
            fits: list[NameMatch] = []
            for c in sorted(candidates, key=lambda c: -c.score):
                if c is not m and taken.isdisjoint(c.toks):
                    fits.append(c)
                    taken.update(c.toks)
            if sum(c.score for c in fits) > m.score + 0.5:
                chosen, improved = rest + fits, True
                break
    return chosen


def deadline_in(toks: list[Tok], lo: int, hi: int, last: bool) -> Optional[tuple[str, Optional[str]]]:
    """The row's deadline cell: dates, `Quý II/2026`, `Năm 2026`, `31/12 hằng năm`, fixed phrases; a phrase
    may wrap onto the next line (`Thường` / `xuyên`, `31/12 hằng` / `năm`, `Trước` / `30/6/2026`)."""
    hits: list[tuple[int, str, Optional[str]]] = []
    for i in range(lo, hi):
        t, prev = toks[i], toks[i - 1] if i > lo else None
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(20\d\d)", t.word):
            if prev and prev.line == t.line and re.fullmatch(r"ng\S{1,2}y", prev.word) and not prev.cap:
                continue  # `ngày 06/8/2025` dates a cited document inside an action
            printed = f"{int(m.group(1))}/{int(m.group(2))}/{m.group(3)}"
            if _before_is_truoc(toks, lo, i):
                printed = "Trước " + printed
            hits.append((i, printed, iso_date(printed)))
        elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})", t.word):
            got, score = match_words([t.word, "hang", "nam"], toks, i, hi)
            if score == 1.0 and len(got) == 3:
                hits.append((i, f"{m.group(1)}/{m.group(2)} hằng năm", None))
        elif (m := re.fullmatch(r"([ivx1l]{1,4})/(20\d\d)", t.word)) and prev and re.fullmatch(r"q\S{1,2}", prev.word):
            hits.append((i - 1, f"Quý {re.sub(r'[1l]', 'I', m.group(1).upper())}/{m.group(2)}", None))
        elif re.fullmatch(r"20\d\d", t.word) and prev and prev.cap and re.fullmatch(r"n[a-z]{1,2}m", prev.word):
            hits.append((i - 1, f"Năm {t.word}", None))
        elif t.cap:
            for key, printed in _DEADLINE_PHRASES:
                kw = key.split()
                if word_ok(kw[0], t.word):
                    got, score = match_words(kw, toks, i, hi)
                    if score == 1.0 and len(got) == len(kw):
                        hits.append((i, printed, None))
                        break
    if not hits:
        return None
    hits.sort()
    pick = hits[-1] if last else hits[0]
    return pick[1], pick[2]


def _before_is_truoc(toks: list[Tok], lo: int, i: int) -> bool:
    """`Trước` just before the date, on its line or at about the same place on the line above."""
    for j in range(i - 1, lo - 1, -1):
        t = toks[j]
        if t.line < toks[i].line - 1:
            break
        near = t.line == toks[i].line and j == i - 1 or t.line == toks[i].line - 1 and abs(t.rel - toks[i].rel) < 0.2
        if near and t.cap and t.word.startswith("tr") and 4 <= len(t.word) <= 6 and fuzz.ratio(t.word, "truoc") >= 60:
            return True
    return False
