"""Layout-aware line assembly from Tesseract words.

Tesseract's own lines can span the gap between the two header columns (issuer | motto,
`Số:` | place and date). We rebuild visual rows from word boxes, then split each row wherever the
horizontal gap between neighbouring words is far wider than a word space: each piece becomes its
own line, left piece first. Body rows have no such gap, so they come out as one line each, top to
bottom. Words inside table regions are left out; the table is emitted as one line per row with
cells joined by " | " (the convention of the synthetic ground truth and of `extract`).
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Iterable, Sequence

from ocr.types import Table, Word

TABLE_CELL_SEP = " | "


@dataclass(frozen=True)
class LayoutRules:
    # A gap wider than this many median word heights splits a row into separate lines (columns).
    column_gap_heights: float = 2.5
    # ... and it must also be at least this share of the text width (guards justified lines).
    column_gap_min_share: float = 0.04
    # Two words are on the same visual row when their vertical overlap is at least this share
    # of the smaller height.
    row_overlap: float = 0.5


@dataclass
class Line:
    words: list[Word]

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def right(self) -> int:
        return max(w.left + w.width for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.top + w.height for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _overlap(a_top: int, a_bot: int, b_top: int, b_bot: int) -> int:
    return min(a_bot, b_bot) - max(a_top, b_top)


def _tesseract_lines(words: Sequence[Word]) -> list[list[Word]]:
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        groups.setdefault((w.block, w.par, w.line), []).append(w)
    return list(groups.values())


def visual_rows(words: Sequence[Word], rules: LayoutRules = LayoutRules()) -> list[list[Word]]:
    """Words grouped into visual rows, rows top to bottom, words left to right.

    Starts from Tesseract's lines (reliable inside a column) and merges lines whose vertical
    extents overlap, so both header columns of one printed row land in one row.
    """
    segments = sorted(_tesseract_lines(words), key=lambda ws: (min(w.top for w in ws), min(w.left for w in ws)))
    rows: list[dict] = []
    for seg in segments:
        # Use the median box of the segment: one tall glyph (a bracket, a stamp) must not stretch it.
        top = int(median(w.top for w in seg))
        bot = int(median(w.top + w.height for w in seg))
        best, best_ov = None, 0.0
        for row in rows[-6:]:  # only recent rows can overlap a segment sorted by top
            ov = _overlap(top, bot, row["top"], row["bot"])
            ratio = ov / max(1, min(bot - top, row["bot"] - row["top"]))
            if ratio >= rules.row_overlap and ratio > best_ov:
                best, best_ov = row, ratio
        if best is None:
            rows.append({"top": top, "bot": bot, "words": list(seg)})
        else:
            best["words"].extend(seg)
    rows.sort(key=lambda r: r["top"])
    return [sorted(r["words"], key=lambda w: w.left) for r in rows]


def split_columns(row: list[Word], word_height: float, text_width: int, rules: LayoutRules = LayoutRules()) -> list[Line]:
    """Split one visual row at gaps much wider than a word space."""
    min_gap = max(rules.column_gap_heights * word_height, rules.column_gap_min_share * text_width)
    lines: list[Line] = [Line([row[0]])]
    for prev, w in zip(row, row[1:]):
        gap = w.left - (prev.left + prev.width)
        if gap > min_gap:
            lines.append(Line([w]))
        else:
            lines[-1].words.append(w)
    return lines


def is_speck(w: Word, word_height: float) -> bool:
    """A scanner speck read as punctuation: tiny box, no letter or digit. Dropped only when a
    whole line is specks (a dash or colon inside a real line stays)."""
    small = w.height < 0.4 * word_height and w.width < 0.6 * word_height
    return small and not any(c.isalnum() for c in w.text)


def centre_in(w: Word, box: tuple[int, int, int, int]) -> bool:
    """Whether the centre of `w` lies in `box` (left, top, width, height)."""
    x, y, bw, bh = box
    cx, cy = w.left + w.width / 2, w.top + w.height / 2
    return x <= cx <= x + bw and y <= cy <= y + bh


def table_lines(table: Table) -> list[str]:
    out = []
    for row in table.grid():
        cells = [" ".join(c.split()) for c in row]
        if any(cells):
            out.append(TABLE_CELL_SEP.join(cells))
    return out


def assemble_lines(
    words: Iterable[Word], tables: Sequence[Table] = (), rules: LayoutRules = LayoutRules()
) -> list[str]:
    """Page text lines in reading order: rows top to bottom, left column first within a row;
    each table as row lines where its box starts (tables without a box at the end)."""
    words = [w for w in words if w.text.strip()]
    boxed = sorted((t for t in tables if t.box is not None), key=lambda t: t.box[1])
    running = [w for w in words if not any(centre_in(w, t.box) for t in boxed)]
    lines: list[Line] = []
    if running:
        word_height = median(w.height for w in running)
        text_width = max(w.left + w.width for w in running) - min(w.left for w in running)
        for row in visual_rows(running, rules):
            for line in split_columns(row, word_height, text_width, rules):
                if not all(is_speck(w, word_height) for w in line.words):
                    lines.append(line)
    ordered: list[str] = []
    pending = list(boxed)
    for line in lines:
        while pending and pending[0].box[1] <= line.top:
            ordered.extend(table_lines(pending.pop(0)))
        ordered.append(line.text)
    for table in pending + [t for t in tables if t.box is None]:
        ordered.extend(table_lines(table))
    return ordered
