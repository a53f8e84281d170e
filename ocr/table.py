"""Ruled tables on a page image: find the grid with OpenCV, cut the cells, read each one.

1. Binarise (ink white), keep long horizontal and vertical strokes (morphological opening with
   line-shaped kernels): those are the rules, text strokes are too short to survive.
2. Each connected blob of rules with both directions in it is a table.
3. Inside a table, the background regions enclosed by rules are the cells - merged cells
   included, since a missing rule simply makes one bigger region.
4. Cell edges cluster into the table's row and column boundaries; a cell's span is the number of
   boundaries it covers. Cells without ink are not sent to OCR.

`find_tables(gray, ocr_cell)` is called by the OCR page pipeline (ocr/document.py) with its own
`ocr_cell(crop) -> (text, confidence)`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ocr.types import Table, TableCell

OcrCell = Callable[[np.ndarray], tuple[str, float]]


@dataclass(frozen=True)
class TableOptions:
    min_line_frac: float = 0.025  # a rule is at least this fraction of the page side
    min_table_frac: float = 0.08  # a table is at least this wide and tall (fraction of the page)
    min_cell_px: int = 12  # smaller enclosed regions are line junctions, not cells
    merge_tol_px: int = 8  # cell edges closer than this are one boundary
    pad_px: int = 3  # cropped off each cell side so the rules do not reach the OCR
    min_ink: float = 0.002  # a cell with less ink than this fraction is empty
    rule_offset: int = 8  # adaptive-threshold offset (grey levels below the local mean) for rule pixels
    bridge_px: int = 21  # rule pieces closer than this along their direction are one rule
    small_text_px: int = 30  # cells whose letters are shorter than this are enlarged 2x for the OCR


def _cv2():
    from kehoach.errors import MissingDependencyError

    try:
        import cv2
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise MissingDependencyError("OpenCV is not installed", "pip install opencv-python-headless") from exc
    return cv2


def rule_masks(gray: np.ndarray, opts: TableOptions = TableOptions(),
               mean: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) rule masks of a grayscale page (uint8, ink = 255); `mean`: the page's
    `ocr.preprocess.local_mean` when the preprocessing computed it."""
    cv2 = _cv2()
    from ocr.preprocess import darker_than_mean, line_opening  # imports cv2: after _cv2's check
    if gray.ndim == 3:
        gray, mean = cv2.cvtColor(gray, cv2.COLOR_BGR2GRAY), None
    # a low offset: thin rules rasterised at 200 dpi are only ~25 grey levels darker than the paper;
    # the long openings below remove the noise it lets in
    ink = darker_than_mean(gray, opts.rule_offset, mean)
    h, w = ink.shape
    # a thin rule on a slightly skewed scan steps from one pixel row (column) to the next, each step
    # half-inked on both sides: thickened across its direction first, it stays one unbroken run
    horiz = line_opening(cv2.dilate(ink, np.ones((3, 1), np.uint8)), max(15, int(w * opts.min_line_frac)))
    vert = line_opening(cv2.dilate(ink, np.ones((1, 3), np.uint8)), max(15, int(h * opts.min_line_frac)),
                        vertical=True)
    # bridge breaks in scanned rules (a faded junction cut the vertical rule under a horizontal one,
    # so the opening dropped the short stub and two cells merged); a merged cell's missing rule is far longer
    b = opts.bridge_px
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (b, 3)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, b)))
    return horiz, vert


def table_boxes(horiz: np.ndarray, vert: np.ndarray, opts: TableOptions = TableOptions()) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of rule blobs that hold both directions, top to bottom."""
    cv2 = _cv2()
    grid = cv2.bitwise_or(horiz, vert)
    H, W = grid.shape
    boxes = []
    for blob in large_components(grid, W * opts.min_table_frac, H * opts.min_table_frac / 2):
        x, y, w, h = blob.box
        if vert[y:y + h, x:x + w].any() and horiz[y:y + h, x:x + w].any():
            boxes.append(blob.box)
    return sorted(boxes, key=lambda b: (b[1], b[0]))


@dataclass(frozen=True)
class Blob:
    """One 8-connected component of a mask: its box (page pixels) and the labels of that box."""

    box: tuple[int, int, int, int]  # x, y, w, h
    labels: np.ndarray  # label image over `box`
    label: int  # this component's value in `labels`

    def pixels(self) -> tuple[np.ndarray, np.ndarray]:
        """(ys, xs) of the component's pixels, page coordinates."""
        ys, xs = np.nonzero(self.labels == self.label)
        return ys + self.box[1], xs + self.box[0]


def large_components(mask: np.ndarray, min_w: float, min_h: float = 0) -> list[Blob]:
    """The 8-connected components of a `mask` (any non-zero pixel is set: 0/255 or 0/1) at least
    `min_w` wide and `min_h` tall, in the raster order of their first pixel.

    The same components as labelling the whole page, at a fraction of its cost (labelling a
    300-dpi page took 70-100 ms, twice per page, docs/benchmarks.md): a component's blocks of a
    max-pooled copy (blocks of POOL x POOL pixels) are connected, so it lies inside one pooled
    component's box, which must then be at least as large; only those boxes are labelled at full
    resolution, and a component found there is kept when its first pixel's block belongs to that
    pooled component (a piece of a larger component cut by the box belongs to another one)."""
    cv2 = _cv2()
    from ocr.preprocess import POOL  # imports cv2: after _cv2's check
    H, W = mask.shape
    s = POOL
    # any set value as 255: a block mean of 0/1 pixels rounds to 0 with fewer than half of them set
    ink = cv2.compare(np.asarray(mask, np.uint8), 0, cv2.CMP_GT)
    padded = cv2.copyMakeBorder(ink, 0, -H % s, 0, -W % s, cv2.BORDER_CONSTANT, value=0)
    # block means of 0/255 pixels: > 0 exactly when a pixel of the block is set
    pooled = cv2.resize(padded, (padded.shape[1] // s, padded.shape[0] // s), interpolation=cv2.INTER_AREA)
    n, low_labels, low_stats, _ = cv2.connectedComponentsWithStats((pooled > 0).view(np.uint8), connectivity=8)
    found: list[tuple[tuple[int, int], Blob]] = []
    for i in range(1, n):
        lx, ly, lw, lh = (int(v) for v in low_stats[i, :4])
        if lw * s < min_w or lh * s < min_h:
            continue
        x0, y0 = lx * s, ly * s
        roi = mask[y0:min(H, (ly + lh) * s), x0:min(W, (lx + lw) * s)]
        m, labels, stats, _ = cv2.connectedComponentsWithStats(roi, connectivity=8)
        for j in range(1, m):
            x, y, w, h = (int(v) for v in stats[j, :4])
            if w < min_w or h < min_h:
                continue
            first = x + int(np.argmax(labels[y, x:x + w] == j))  # its first pixel is on its top row
            if low_labels[(y0 + y) // s, (x0 + first) // s] != i:
                continue
            found.append(((y0 + y, x0 + first), Blob((x0 + x, y0 + y, w, h), labels[y:y + h, x:x + w], j)))
    return [blob for _, blob in sorted(found, key=lambda f: f[0])]


def _boundaries(values: list[int], tol: int) -> list[int]:
    out: list[int] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(bounds: list[int], v: int) -> int:
    return int(np.argmin([abs(b - v) for b in bounds]))


def cell_boxes(grid_roi: np.ndarray, opts: TableOptions = TableOptions()) -> list[tuple[int, int, int, int]]:
    """Enclosed background regions of a table's rule mask (x, y, w, h in ROI coordinates)."""
    cv2 = _cv2()
    background = cv2.bitwise_not(grid_roi)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(background, connectivity=4)
    H, W = grid_roi.shape
    out = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if x == 0 or y == 0 or x + w >= W or y + h >= H:  # outside the outer frame
            continue
        if w < opts.min_cell_px or h < opts.min_cell_px:
            continue
        out.append((int(x), int(y), int(w), int(h)))
    return out


def rule_skew(horiz: np.ndarray, min_frac: float = 0.3) -> float:
    """Median angle (degrees) of the long horizontal rules; 0 when there are none."""
    slopes = []
    for blob in large_components(horiz, horiz.shape[1] * min_frac):
        ys, xs = blob.pixels()
        if np.ptp(xs) > 0:
            slopes.append(np.polyfit(xs, ys, 1)[0])
    return float(np.degrees(np.arctan(np.median(slopes)))) if slopes else 0.0


@dataclass
class Grid:
    """A table's cells (text not read yet) and the image to cut them from."""

    table: Table  # cell boxes in `image` coordinates
    image: np.ndarray  # the page, turned by the rules' residual skew, rules erased
    matrix: np.ndarray | None = None  # 2x3 affine page -> `image` (None: the same frame)

    def crop(self, cell: TableCell, opts: TableOptions = TableOptions(), binarize: bool = True) -> np.ndarray | None:
        """The cell's inside ready for Tesseract (`_for_ocr`), or None when it holds no ink."""
        inside = self.inked(cell, opts)
        return None if inside is None else _for_ocr(inside, opts.small_text_px, binarize)

    def inked(self, cell: TableCell, opts: TableOptions = TableOptions()) -> np.ndarray | None:
        """The cell's inside (padded off its rules, not copied), or None when it holds no ink."""
        x, y, w, h = cell.box
        p = opts.pad_px
        inside = self.image[y + p: y + h - p, x + p: x + w - p]
        return None if not inside.size or (inside < 128).mean() < opts.min_ink else inside

    def to_grid(self, x: float, y: float) -> tuple[float, float]:
        """A page point in the grid's frame."""
        if self.matrix is None:
            return x, y
        m = self.matrix
        return m[0, 0] * x + m[0, 1] * y + m[0, 2], m[1, 0] * x + m[1, 1] * y + m[1, 2]


def find_grids(gray: np.ndarray, opts: TableOptions = TableOptions(), mean: np.ndarray | None = None) -> list[Grid]:
    """Ruled tables of a page with their cells, in reading order; nothing is read yet. `mean`: the
    page's `ocr.preprocess.local_mean`, when known."""
    cv2 = _cv2()
    if gray.ndim == 3:
        gray, mean = cv2.cvtColor(gray, cv2.COLOR_BGR2GRAY), None
    horiz, vert = rule_masks(gray, opts, mean)
    angle, matrix = rule_skew(horiz), None
    if 0.15 <= abs(angle) <= 5:  # a slightly skewed scan: rows would split into steps
        h, w = gray.shape
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        gray = cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
        horiz, vert = rule_masks(gray, opts)
    # a table holds both directions: a page without a vertical rule (most pages) is not labelled
    boxes = table_boxes(horiz, vert, opts) if cv2.countNonZero(vert) else []
    if not boxes:  # most pages: no cleaned copy of the page
        return []
    grid = cv2.bitwise_or(horiz, vert)
    # the rules are erased before cells are read: their stubs in a crop come out as `|`, `¿`, `“`
    clean = cv2.max(gray, grid)  # white where the 0/255 rule mask is set
    grids = []
    for bx, by, bw, bh in boxes:
        cells = cell_boxes(grid[by:by + bh, bx:bx + bw], opts)
        if len(cells) < 2:
            continue
        table = _assemble(cells, (bx, by, bw, bh), opts)
        if table is not None:
            grids.append(Grid(table, clean, matrix))
    return grids


def find_tables(gray: np.ndarray, ocr_cell: OcrCell, opts: TableOptions = TableOptions()) -> list[Table]:
    """Ruled tables of a page, each non-empty cell read with `ocr_cell`, in reading order."""
    tables = []
    for grid in find_grids(gray, opts):
        for cell in grid.table.cells:
            crop = grid.crop(cell, opts)
            if crop is not None:
                text, cell.conf = ocr_cell(crop)
                cell.text = text.strip()
        tables.append(grid.table)
    return tables


def _for_ocr(crop: np.ndarray, small_px: int, binarize: bool = True) -> np.ndarray:
    """The cell's text block cut out of a tall cell, with a white margin, enlarged 2x when its letters
    are small (Tesseract drops strokes: `Quý III` read `Quý II` at 200 dpi), binarised."""
    cv2 = _cv2()
    ink = (crop < 128).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = [i for i in range(1, n) if max(stats[i, cv2.CC_STAT_HEIGHT], stats[i, cv2.CC_STAT_WIDTH]) >= 8]
    if big:
        x0 = min(stats[i, cv2.CC_STAT_LEFT] for i in big)
        y0 = min(stats[i, cv2.CC_STAT_TOP] for i in big)
        x1 = max(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] for i in big)
        y1 = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in big)
        m = 12  # keeps the diacritics above and below the letters
        crop = crop[max(0, y0 - m):y1 + m, max(0, x0 - m):x1 + m]
    heights = [stats[i, cv2.CC_STAT_HEIGHT] for i in big]
    crop = cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)
    if heights and float(np.median(heights)) < small_px:
        crop = cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    if not binarize:
        return crop
    # black on white: the grey scan background of a small crop fools Tesseract (`2.1` read `VĂ.`)
    return cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]


def _assemble(boxes, frame, opts: TableOptions) -> Table | None:
    bx, by, bw, bh = frame
    # a cell's left/top edge starts a column/row; merged cells reuse the starts of the others
    col_starts = _boundaries(sorted({x for x, _, _, _ in boxes}), opts.merge_tol_px)
    row_starts = _boundaries(sorted({y for _, y, _, _ in boxes}), opts.merge_tol_px)
    if not col_starts or not row_starts:
        return None
    cells: list[TableCell] = []
    for x, y, w, h in sorted(boxes, key=lambda b: (b[1], b[0])):
        r0, c0 = _index(row_starts, y), _index(col_starts, x)
        r1 = max(r0, max((i for i, s in enumerate(row_starts) if s < y + h - opts.merge_tol_px), default=r0))
        c1 = max(c0, max((i for i, s in enumerate(col_starts) if s < x + w - opts.merge_tol_px), default=c0))
        cells.append(TableCell(row=r0, col=c0, text="", row_span=r1 - r0 + 1, col_span=c1 - c0 + 1,
                               box=(bx + x, by + y, w, h)))
    return Table(n_rows=len(row_starts), n_cols=len(col_starts), cells=cells, box=frame, kind="ruled")
