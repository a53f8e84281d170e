"""Read the cells of ruled tables cheaply: the page's own words first, one Tesseract process for the
doubtful cells of the page.

The page was OCR'd once for its running text (rules erased), so most cells are filled for free by
the words whose centre falls inside them. A cell is read again from its crop (`ocr.table.Grid.crop`:
text block, binarised, small letters enlarged 2x) when
* it has ink but no page word;
* it is short (an STT, a deadline, a short agency name): at page resolution Tesseract drops thin
  strokes there (`Quý III` read `Quý II`, `2.2` read `22`), and these cells carry the row's key;
* a word in it has a low confidence.
All such crops of a page go to ONE Tesseract process (`tesseract.images_to_words`, model loaded
once); the row-number column goes to a second one restricted to digits, dots and Roman numerals.
The crop's reading replaces the page words unless it came out empty or much less confident.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ocr._exec import tesseract
from ocr.layout import assemble_lines
from ocr.table import Grid, TableOptions, find_grids
from ocr.table_merge import merge
from ocr.table_quarters import fix_quarters, has_quarter_cue
from ocr.table_vocab import ID as _ID, ROMAN_GROUP, WORDY as _WORDY
from ocr.types import Table, TableCell, Word


@dataclass(frozen=True)
class ReadOptions:
    id_col_share: float = 0.12  # a first column narrower than this share of the table holds row numbers
    low_conf: float = 80.0  # cells with a word below this confidence are read again from their crop
    short_chars: int = 30  # ... and short cells (an STT, a deadline, an agency name)
    sure_conf: float = 95.0  # ... unless every word of the short cell was read this sure (docs/benchmarks.md, round 4)
    gain: float = 10.0  # a crop word replaces a page word this much more confident (ocr/table_merge.py)
    id_whitelist: str = "0123456789.IVX"
    binarize: bool = True  # text crops binarised (read grey, `Phòng Kế hoạch - Tài chính` lost its dash)




def _mean_conf(words: list[Word]) -> float | None:
    scored = [(w.conf, len(w.text)) for w in words if w.text.strip()]
    total = sum(n for _, n in scored)
    return round(sum(c * n for c, n in scored) / total, 2) if total else None


_SPECK_CHARS = set("_`'\"”“‘’^ˆ|¦°·")


def is_speck(word: Word, text_height: float) -> bool:
    """Scan noise read as a word: a box far smaller than a letter (`Ñ` 6x6 px among 22 px words), or only
    marks that do not stand alone in a cell (`_`, a backtick, `”`; a 40 px `_` is a rule remnant)."""
    if word.text.strip("-–—+.,;:"):  # dashes, bullets and punctuation are small but real
        if max(word.width, word.height) < 0.35 * text_height:
            return True
    else:
        return False
    return all(ch in _SPECK_CHARS for ch in word.text)


def trim(words: list[Word]) -> list[Word]:
    """Noise glued to a word's edge (`III/2022”`, `xã_`); a closing quote stays when the cell opens one."""
    opened = any("“" in w.text for w in words)
    out = []
    for w in words:
        text = w.text.strip("_`ˆ^|¦·")
        if not opened:
            text = text.rstrip("”")
        if text:
            out.append(w if text == w.text else replace(w, text=text))
    return out


def centres(words: list[Word], to_frame=None) -> list[tuple[Word, float, float]]:
    """Each word with its centre (in a grid's frame: `to_frame=grid.to_grid`), computed once per table,
    not once per cell."""
    return [(w, *(to_frame or _same)(w.left + w.width / 2, w.top + w.height / 2)) for w in words]


def _same(x: float, y: float) -> tuple[float, float]:
    return x, y


def words_in(centres: list[tuple[Word, float, float]], box: tuple[int, int, int, int]) -> list[Word]:
    x, y, w, h = box
    return [word for word, cx, cy in centres if x <= cx <= x + w and y <= cy <= y + h]


def id_column(table: Table, share: float) -> int | None:
    firsts = [c for c in table.cells if c.col == 0 and c.col_span == 1 and c.box]
    if not firsts or not table.box:
        return None
    width = float(np.median([c.box[2] for c in firsts]))
    return 0 if width < share * table.box[2] else None


@dataclass
class Pending:
    cell: TableCell
    crop: np.ndarray
    page_text: str
    page_conf: float | None
    group: bool = False  # the row's label spans several columns: a section heading (`I`, `1`)
    crop_bw: np.ndarray | None = None  # the crop binarised: a second try for a row number
    page_words: list[Word] = field(default_factory=list)


def read_tables(image: np.ndarray, words: list[Word], languages: str, timeout: float = 180.0,
                opts: TableOptions = TableOptions(), ropts: ReadOptions = ReadOptions(),
                mean: np.ndarray | None = None) -> list[Table]:
    """Ruled tables of a page image whose `words` (page TSV, same frame) were read already; `mean`:
    the image's `ocr.preprocess.local_mean` when the preprocessing computed it."""
    grids = find_grids(image, opts, mean)
    text_height = float(np.median([w.height for w in words])) if words else 0.0
    again: list[Pending] = []
    ids: list[Pending] = []
    quarters: list[tuple[TableCell, list[Word]]] = []  # cells with a `Quý`: numerals checked by their strokes
    solid = [w for w in words if not is_speck(w, text_height)] if grids else []
    for grid in grids:
        id_col = id_column(grid.table, ropts.id_col_share)
        at = centres(solid, grid.to_grid)
        for cell in grid.table.cells:
            inside = trim(words_in(at, cell.box))
            cell.text, cell.conf = "\n".join(assemble_lines(inside)), _mean_conf(inside)
            if has_quarter_cue(inside):
                quarters.append((cell, inside))
            if grid.inked(cell, opts) is None:  # no ink left after erasing the rules: nothing to read again
                continue
            # crops are cut only for the cells read again (most cells of a results table keep their page words)
            if cell.col == id_col and cell.col_span == 1 and not _WORDY.search(cell.text):
                pending = Pending(cell, grid.crop(cell, opts, binarize=False), cell.text, cell.conf, page_words=inside,
                                  crop_bw=grid.crop(cell, opts, binarize=True))
                pending.group = any(c.row == cell.row and c.col_span > 1 for c in grid.table.cells)
                ids.append(pending)
            elif needs_reread(inside, cell.text, ropts):
                again.append(Pending(cell, grid.crop(cell, opts, binarize=ropts.binarize), cell.text, cell.conf,
                                     page_words=inside))
    reread_cells(again, languages, timeout, ropts)
    _reread_ids(ids, languages, timeout, ropts)
    fix_quarters(image, quarters)
    return [g.table for g in grids]


def needs_reread(inside: list[Word], text: str, ropts: ReadOptions) -> bool:
    """A body cell is read again from its crop when the page read no word in it, a doubtful one, or
    it is short and not every word was read near-certain (`sure_conf`): on the bench's table pages
    68 of 228 crops are sure short cells, and reading them again changed one (`ST` -> `ST\nT`).
    At 90 the re-reads fell to 64 but a glued `Ytế` (90.3) was kept (docs/benchmarks.md, round 4)."""
    if not inside:
        return True
    low = min(w.conf for w in inside)
    return low < ropts.low_conf or (len(text) <= ropts.short_chars and low < ropts.sure_conf)


def _read(items: list[Pending], languages: str, psm: int, timeout: float, config: str = "") -> list[list[Word]]:
    return tesseract.images_to_words([p.crop for p in items], languages, psm=psm, config=config, timeout=timeout)


def reread_cells(items: list[Pending], languages: str, timeout: float, ropts: ReadOptions) -> None:
    """Cells read again from their crops (psm 6, then psm 8 for those still empty), merged with their
    page words."""
    if not items:
        return
    for p, found in zip(items, _read(items, languages, 6, timeout)):
        _choose(p, found, ropts)
    # psm 6 drops a lone short token; psm 8 reads one word
    empty = [p for p in items if not p.cell.text]
    if empty:
        for p, found in zip(empty, _read(empty, languages, 8, timeout)):
            _choose(p, found, ropts)


def _choose(p: Pending, found: list[Word], ropts: ReadOptions) -> None:
    found = trim([w for w in found if not is_speck(w, 0.0)])  # crop scale unknown here: marks only
    if not found:
        return
    p.cell.text = merge(p.page_words, found, ropts.gain)
    p.cell.conf = _mean_conf(p.page_words + found)


def _reread_ids(items: list[Pending], languages: str, timeout: float, ropts: ReadOptions) -> None:
    """Row numbers read as one line (psm 7) with digits and dots only. Section headings are also read
    with Roman numerals allowed, kept only for two or more letters (`II`): a lone `I` and a `1` look
    alike, and a heading is known by its label anyway (`I | Chỉ số PAPI`). The crop is kept grey:
    binarised, `1.1` lost its dot and `5.2` became `2.2` on a light scan."""
    if not items:
        return
    digits, roman = id_configs(ropts)
    for p, found in zip(items, _read(items, languages, 7, timeout, digits)):
        _choose_id(p, found)
    headings = [p for p in items if p.group]
    if headings:
        for p, found in zip(headings, _read(headings, languages, 7, timeout, roman)):
            if roman_numeral(found):
                p.cell.text, p.cell.conf = roman_numeral(found), _mean_conf(found)
    # grey lost a `1.` or a `4` now and then, where the binarised crop kept it
    left = [p for p in items if not _ID.match(p.cell.text.replace(" ", "")) and p.crop_bw is not None]
    if left:
        crops = [p.crop_bw for p in left]
        for p, found in zip(left, tesseract.images_to_words(crops, languages, 7, digits, timeout)):
            _choose_id(p, found)
    for p in items:
        if not p.cell.text.strip() and p.crop_bw is not None and lone_stroke(p.crop_bw):
            # Tesseract returns nothing for a lone `1` (any psm): one tall narrow blob is a 1
            p.cell.text = "1"


def id_configs(ropts: ReadOptions) -> tuple[str, str]:
    """Tesseract configs for a row-number crop read as one line: digits and dots; Roman numerals too
    (a group row's `II`)."""
    return "-c tessedit_char_whitelist=" + ropts.id_whitelist.replace("IVX", ""), \
        f"-c tessedit_char_whitelist={ropts.id_whitelist}"


def roman_numeral(found: list[Word]) -> str | None:
    """A Roman group numeral as read with `id_configs`' second config, kept for two letters or more:
    a lone `I` and a `1` look alike."""
    text = "".join(w.text for w in found).strip()
    return text if ROMAN_GROUP.fullmatch(text) else None


def lone_stroke(crop: np.ndarray) -> bool:
    """One blob, tall, its ink in a narrow vertical band (a `1`; `2`..`7` spread wider: measured
    share 0.35-0.74 against 0.88 in Liberation Serif)."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats((crop < 128).astype(np.uint8), connectivity=8)
    big = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 20]
    if len(big) != 1:
        return False
    h, w = stats[big[0], cv2.CC_STAT_HEIGHT], stats[big[0], cv2.CC_STAT_WIDTH]
    cols = (labels == big[0]).sum(axis=0)
    peak, band = int(np.argmax(cols)), max(2, int(0.15 * h))
    return h >= 1.5 * w and cols[max(0, peak - band): peak + band + 1].sum() >= 0.8 * cols.sum()


def _choose_id(p: Pending, found: list[Word]) -> None:
    text = "".join(w.text for w in found)
    page = p.page_text.replace(" ", "")
    if not _ID.match(text):
        return
    if _ID.match(page) and page != text and text.replace(".", "") != page.replace(".", ""):
        # two different numbers: trust the more confident reading
        if (p.page_conf or 0) >= (_mean_conf(found) or 0):
            return
    elif _ID.match(page) and page.count(".") > text.count("."):
        return  # the same digits: the reading that kept the dot
    p.cell.text, p.cell.conf = text, _mean_conf(found)
