"""Roman quarters of table cells checked against their ink: `Quý III/2025` read `Quý II`, `Quý I/I`,
`Quý IH` or `Quý 1/2025`.

At 200 dpi the serifs of `III` touch and Tesseract (page and crop readings alike, with or without a
whitelist) drops or garbles a stroke. The strokes themselves are plain: in the numeral's word box (the
page TSV's, same frame as the page image), each `I` is one vertical bar crossing the middle of the
letter height, and the numeral ends at a slanted `/` (or at the word's end). So a cell whose text holds
a quarter cue (`Quý` with its mark, or a bare `quy` before a numeral-like token: not the `quy`
of `quy định`) followed by a stroke-like reading (`I`, `l`, `1`, `H`, `|`, `/` only) gets its numeral
from the count of bars when that count is 1-3 and all the ink before the slash is bars; a `V`, a
digit, a broken stroke leave the text as read (an Arabic `1` is one bar too: a digit reading that
counts one bar stays), and so do bars split by a gap or a short mark: a range `I-II`, `I,II`,
`I+II` is two numerals, not `III`. A reading that lost the slash (`112025` for `II/2025`) gets it back when the
ink shows one. No Tesseract call: ~1 ms a table page; a page without a `Quý` in a table cell, nothing.
"""
from __future__ import annotations

import re

import cv2
import numpy as np

from ocr.table_vocab import fold
from ocr.types import TableCell, Word

# `Quý` + numeral + optional `/year`; the numeral may hold a misread slash (`I/I/2021`)
QUARTER = re.compile(r"(?<!\w)(?P<cue>qu[yýỳỷỹỵ])\s+(?P<num>\S+?)(?P<year>\s*[/⁄]\s*\d{2,4})?(?=$|\s|[.,;:)])",
                     re.IGNORECASE)
STROKE_LIKE = set("IlH1|!/⁄")
NUMERAL_LIKE = re.compile(r"[IVXlH|!\d/⁄]+[.,;:)]*")  # `II/2025`, `IV`, `1`: what may follow a bare `quy`
GLUED_YEAR = re.compile(r"[IlH1|!]{1,4}?(?P<year>(?:19|20)\d\d)")  # `112025`: `II/2025` with its slash lost
BANDS = (0.3, 0.5, 0.7)  # rows of the letter height where serifs do not reach: one run per bar
SLANT_ROWS = (0.15, 0.85)  # a slash leans over most of its height


def stroke_like(num: str) -> bool:
    return bool(num.strip("/⁄")) and all(ch in STROKE_LIKE for ch in num)


def is_cue(text: str, following: str) -> bool:
    """`Quý` with its mark, or a `quy` that lost it followed by a numeral-like token; not the `quy` of
    `quy định`, `quy hoạch`, `quy chế` nor `quỹ`, which fold to the same letters."""
    if fold(text).strip(".,:;") != "quy":
        return False
    return "ý" in text.lower() or bool(NUMERAL_LIKE.fullmatch(following.strip()))


def _quys(words: list[Word]) -> list[Word]:
    return [w for i, w in enumerate(words) if is_cue(w.text, words[i + 1].text if i + 1 < len(words) else "")]


def has_quarter_cue(words: list[Word]) -> bool:
    """A page word `Quý` among a cell's words: the cell is worth a look."""
    return bool(_quys(words))


def numeral_box(quy: Word, words: list[Word]) -> tuple[int, int, int, int] | None:
    """The box of the word after `quy`: on its line to the right, else first on the next line (a
    wrapped `III/2025`); words glued to it on its line (`II` `/2025` split by the reader) join it."""
    h = quy.height
    right = quy.left + quy.width

    def same_line(a: Word, b: Word) -> bool:
        ca, cb = a.top + a.height / 2, b.top + b.height / 2
        return abs(ca - cb) <= 0.5 * max(a.height, b.height)

    after = [w for w in words if w is not quy and same_line(w, quy) and -2 <= w.left - right <= 1.5 * h]
    if not after:
        below = [w for w in words if quy.top + 0.6 * h < w.top <= quy.top + quy.height + 1.5 * h]
        if not below:
            return None
        top = min(w.top for w in below)
        after = [min((w for w in below if w.top <= top + 0.5 * h), key=lambda w: w.left)]
    first = min(after, key=lambda w: w.left)
    x0, y0, x1, y1 = first.left, first.top, first.left + first.width, first.top + first.height
    for w in sorted(words, key=lambda w: w.left):
        if w is not first and same_line(w, first) and 0 <= w.left - x1 <= 0.2 * h:
            x1, y0, y1 = w.left + w.width, min(y0, w.top), max(y1, w.top + w.height)
    return x0, y0, x1 - x0, y1 - y0


def _runs(row: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the ink runs of a boolean row."""
    padded = np.concatenate(([0], row.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2], edges[1::2]))


def _split_bars(bars: list[tuple[int, int]], stats: np.ndarray, tall: list[int], cap: float) -> bool:
    """Bars that are two numerals, not one: a wide gap between neighbours, or a short mark (`-`, `,`,
    `.`, `+`, dropped as a speck from the bars) between them, as in a range `I-II`, `I,II`."""
    if any(b[0] - a[1] > 0.5 * cap for a, b in zip(bars, bars[1:])):
        return True
    marks = [i for i in range(1, len(stats)) if i not in tall and stats[i, cv2.CC_STAT_AREA] >= 3]
    for a, b in zip(bars, bars[1:]):
        for i in marks:
            centre = stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] / 2
            if a[1] <= centre <= b[0]:
                return True
    return False


def count_strokes(image: np.ndarray, box: tuple[int, int, int, int], slash: bool = False) -> int | None:
    """Vertical bars of a Roman numeral in `box` before its slash (I=1, II=2, III=3), or None when the
    ink there is anything else (a `V`, a digit, a stroke broken by the scan).

    Ink runs are taken across three rows of the letter height (30, 50, 70 %, under the serifs); a bar
    sits at the same place in the three, the slash leans (its run moves left going down, 15 % -> 85 %): counted left
    to right, runs rather than blobs, since a serif or the slash may touch its neighbour. `slash`: the
    count stands only when a slash follows it (a reading that lost it, `112025`)."""
    x, y, w, h = (int(round(v)) for v in box)
    H, W = image.shape[:2]
    crop = image[max(0, y - 2): min(H, y + h + 2), max(0, x - 2): min(W, x + w + 2)]
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 60:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n < 2:
        return None
    cap = float(stats[1:, cv2.CC_STAT_HEIGHT].max())
    tall = [i for i in range(1, n) if stats[i, cv2.CC_STAT_HEIGHT] >= 0.75 * cap]
    top = int(np.median([stats[i, cv2.CC_STAT_TOP] for i in tall]))
    ink = np.isin(labels, tall)  # specks and dots left out
    rows = {f: _runs(ink[min(len(ink) - 1, top + int(f * cap))]) for f in (*SLANT_ROWS, *BANDS)}
    tol = max(1.0, 0.06 * cap)
    strokes = 0
    bars: list[tuple[int, int]] = []  # (start, end) of the counted bars on the middle row

    def nearest(f: float, c: float) -> tuple[float, int] | None:
        """Centre and width of the run of row `f` nearest to `c`."""
        runs = [((s + e) / 2, e - s) for s, e in rows[f]]
        return min(runs, key=lambda r: abs(r[0] - c)) if runs else None

    for s, e in rows[0.5]:
        c = (s + e) / 2
        track = [nearest(f, c) for f in sorted(rows)]  # top to bottom
        if any(t is None for t in track):
            return None
        centres, widths = [t[0] for t in track], [t[1] for t in track]
        if strokes and max(widths) <= 0.3 * cap and centres[0] - centres[-1] >= 0.15 * cap and \
                all(b <= a + 0.5 for a, b in zip(centres, centres[1:])):
            slash = False
            break  # the slash before the year: thin, leaning left all the way down
        cu, cl = nearest(0.3, c)[0], nearest(0.7, c)[0]
        if abs(cu - c) <= tol and abs(cl - c) <= tol and e - s <= 0.3 * cap:
            column = ink[top: top + int(cap), s:e].any(axis=1)
            if column.mean() < 0.85:
                return None  # a broken bar, or a letter's stem: do not count it
            strokes += 1
            bars.append((s, e))
            continue
        return None
    if _split_bars(bars, stats, tall, cap):
        return None
    return strokes if 1 <= strokes <= 3 and not slash else None


def fix_quarters(image: np.ndarray, cells: list[tuple[TableCell, list[Word]]]) -> int:
    """Each cell's quarter numerals read from their strokes (module doc); `cells` pairs a cell with
    its page words (page frame). Returns how many numerals were changed."""
    changed = 0
    for cell, words in cells:
        if not has_quarter_cue(words):
            continue
        matches = [m for m in QUARTER.finditer(cell.text) if is_cue(m.group("cue"), m.group("num"))]
        quys = sorted(_quys(words), key=lambda w: (w.top // max(1, w.height), w.left))
        if not matches or len(matches) != len(quys):
            continue  # which word is which numeral is not clear
        text = cell.text
        for m, quy in reversed(list(zip(matches, quys))):
            num, glued = m.group("num"), GLUED_YEAR.fullmatch(m.group("num"))
            if not stroke_like(num) and not glued:
                continue
            box = numeral_box(quy, words)
            n = count_strokes(image, box, slash=bool(glued)) if box else None
            if glued and n is not None:  # `112025`: the bars, the slash the reading lost, the year
                text = text[:m.start("num")] + "I" * n + "/" + glued.group("year") + text[m.end("num"):]
                changed += 1
                continue
            if n is None or num == "I" * n or (n == 1 and any(ch.isdigit() for ch in num)):
                continue  # agrees, or a `1` that may well be an Arabic quarter
            text = text[:m.start("num")] + "I" * n + text[m.end("num"):]
            changed += 1
        cell.text = text
    return changed
