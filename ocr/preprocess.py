"""OpenCV page clean-up before Tesseract: orientation, deskew, denoise, binarisation.

Each step decides from simple page statistics whether it is needed (a clean born-digital
rendering passes through untouched) and can be switched off in `OcrOptions` to measure it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import cv2
import numpy as np

from ocr.options import OcrOptions

# Deskew searches this range (degrees); scans of plans are rarely more than a few degrees off.
MAX_SKEW = 8.0
MIN_SKEW = 0.25  # below this, rotating costs more (resampling blur) than it gains
# A page is treated as a scan (median denoise + background flattening) above either figure;
# clean renderings measure 0 and 0. Tuned on the `tune` seeds of scripts/eval_ocr.py.
SCAN_NOISE = 0.2  # Immerkaer noise sigma, grey levels
SCAN_UNEVEN = 10.0  # spread of the local paper level, grey levels
FADED_CONTRAST = 80.0  # paper minus ink below this: binarise (faded ink)
MIN_OSD_CONFIDENCE = 2.0
PAPER_SHRINK = 8  # the local paper level is estimated on a 1/8 image


@dataclass
class Preprocessed:
    image: np.ndarray  # what table detection sees (rules kept)
    ocr_image: Optional[np.ndarray] = None  # what Tesseract reads: `image` with long rules erased
    image_mean: Optional[np.ndarray] = None  # `local_mean(image)`: rule removal and the grid search share it
    rotated: int = 0  # degrees clockwise applied for orientation
    skew: float = 0.0  # degrees corrected
    noise_sigma: float = 0.0
    denoised: bool = False
    binarized: bool = False
    rules_removed: bool = False


def rotate_quadrant(gray: np.ndarray, degrees_clockwise: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(gray, codes[degrees_clockwise]) if degrees_clockwise in codes else gray


def _text_mask(gray: np.ndarray) -> np.ndarray:
    """Dark (ink) pixels as 255 via Otsu on a lightly blurred image."""
    blur = cv2.GaussianBlur(gray, (3, 3), 0)
    _, mask = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return mask


def estimate_skew(gray: np.ndarray) -> float:
    """Skew angle in degrees (positive = text rises to the right... corrected by rotating by it).

    Projection-profile search on a downscaled ink mask: the angle whose row sums are sharpest
    (highest variance) is the one that lines text rows up with image rows.
    """
    scale = min(1.0, 1000.0 / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    mask = _text_mask(small)
    if cv2.countNonZero(mask) < 0.002 * mask.size:
        return 0.0

    def sharpness_of(mask: np.ndarray):
        h, w = mask.shape
        centre = (w / 2, h / 2)

        def sharpness(angle: float) -> float:
            m = cv2.getRotationMatrix2D(centre, angle, 1.0)
            rotated = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
            # exact integer row sums (a tenth of numpy's float sum; the same variance)
            rows = cv2.reduce(rotated, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)
            return float(np.var(rows))
        return sharpness

    def best_of(angles, sharpness) -> list[float]:
        # sharpest first; a tie (a short bar looks the same over a few degrees) goes to the smaller turn
        return sorted(angles, key=lambda a: (-sharpness(a), abs(a)))

    # the 0.5-degree steps on a half-size mask (a quarter of the pixels): the best TWO centre the fine
    # search on the full mask. On lines <= ~4 px apart the half mask aliases and its best step can sit on
    # another local optimum (dense 3-px lines at 0.74 deg read +0.85 from the best alone); the second
    # best holds the true one there (docs/benchmarks.md, round 3, review fixes)
    h, w = mask.shape
    half = cv2.resize(mask, (w // 2, h // 2), interpolation=cv2.INTER_AREA) if min(h, w) >= 64 else mask
    coarse = [float(a) for a in np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)]
    centres = best_of(coarse, sharpness_of(half))[:2]
    steps = np.arange(-10, 11) * 0.05  # +-0.5 degrees
    fine = {round(c + d, 2) for c in centres for d in steps if abs(c + d) <= MAX_SKEW + 1e-9}
    return float(best_of(fine, sharpness_of(mask))[0]) + 0.0  # + 0.0: no -0.0


def rotate_by(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate about the centre by `angle` degrees (OpenCV sign: counter-clockwise), white border."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def scan_figures(gray: np.ndarray) -> tuple[float, float]:
    """(paper grain, paper level spread) in grey levels: what tells a scan from a clean rendering.

    Grain: std of paper pixels around their local paper level, away from ink (ink dilated, so
    text edges do not count). Spread: 95th minus 5th percentile of the local paper level
    (shadows, uneven light). A clean rendering measures 0 and 0. Measured on every other pixel
    of every other row: the grain of a pixel is the same, at a quarter of the cost (this ran three
    times per page on full pages before; docs/benchmarks.md).
    """
    sub = np.ascontiguousarray(gray[::2, ::2])
    small = _paper_small(sub, PAPER_SHRINK // 2)  # same grid on the page as paper_level(gray)
    bg = cv2.resize(small, (sub.shape[1], sub.shape[0]), interpolation=cv2.INTER_LINEAR)
    diff = bg.astype(np.int16) - sub.astype(np.int16)
    ink = cv2.dilate((diff > 40).astype(np.uint8), np.ones((3, 3), np.uint8))
    paper = diff[ink == 0]
    grain = float(paper.std()) if paper.size else 0.0
    spread = float(np.percentile(small, 95) - np.percentile(small, 5))
    return grain, spread


def noise_sigma(gray: np.ndarray) -> float:
    """Grain of the paper (grey levels); see scan_figures."""
    return scan_figures(gray)[0]


def denoise(gray: np.ndarray) -> np.ndarray:
    # A 3x3 median removes salt-and-pepper specks and softens grain at a fraction of the cost of
    # fastNlMeans (measured in docs/ocr.md), and keeps stroke edges.
    return cv2.medianBlur(gray, 3)


def background_unevenness(gray: np.ndarray) -> float:
    """Spread (grey levels) of the local paper level across the page: shadows, uneven light."""
    return scan_figures(gray)[1]


def binarize(gray: np.ndarray) -> np.ndarray:
    """Otsu on the background-flattened page: one threshold works once the paper is even."""
    _, out = cv2.threshold(flatten_background(gray), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


RULE_WINDOW = 25  # px: the local mean rule pixels are compared with (rule removal, ocr.table.rule_masks)


def local_mean(gray: np.ndarray) -> np.ndarray:
    """The RULE_WINDOW box mean that `cv2.adaptiveThreshold(..., ADAPTIVE_THRESH_MEAN_C, ...)` computes."""
    return cv2.boxFilter(gray, -1, (RULE_WINDOW, RULE_WINDOW), normalize=True,
                         borderType=cv2.BORDER_REPLICATE | cv2.BORDER_ISOLATED)


def darker_than_mean(gray: np.ndarray, offset: int, mean: Optional[np.ndarray] = None) -> np.ndarray:
    """0/255 mask of the pixels at least `offset` (> 0) grey levels under `mean` (default `local_mean`):
    `cv2.adaptiveThreshold(gray, 255, MEAN_C, THRESH_BINARY_INV, RULE_WINDOW, offset)` pixel for pixel,
    with the mean given once for the two thresholds of a page (~7 ms a 300-dpi page)."""
    assert offset > 0, "a saturated difference of 0 would count as dark"
    return cv2.compare(cv2.subtract(local_mean(gray) if mean is None else mean, gray), offset, cv2.CMP_GE)


def remove_rules(gray: np.ndarray, min_len_share: float = 1 / 25,
                 mean: Optional[np.ndarray] = None) -> tuple[np.ndarray, bool]:
    """Erase long horizontal and vertical rules (table grids, underlines) so Tesseract reads the
    text between them instead of guessing glyphs from the lines. (image, whether any rule was found).
    `mean`: `local_mean(gray)` when already computed."""
    ink = darker_than_mean(gray, 15, mean)
    h, w = ink.shape
    horiz = line_opening(ink, max(40, int(w * min_len_share)))
    vert = line_opening(ink, max(40, int(h * min_len_share)), vertical=True)
    rules = cv2.bitwise_or(horiz, vert)
    if cv2.countNonZero(rules) == 0:
        return gray, False
    rules = cv2.dilate(rules, np.ones((3, 3), np.uint8))
    out = gray.copy()
    cv2.copyTo(paper_level(gray), rules, out)  # the local paper, not one grey for the page
    return out, True


# line openings (runs in blocks of POOL rows / columns) and ocr.table.large_components (a 1/POOL
# max-pooled mask) look at blocks of POOL x POOL pixels first
POOL = 4


def line_opening(ink: np.ndarray, length: int, vertical: bool = False) -> np.ndarray:
    """`cv2.morphologyEx(ink, cv2.MORPH_OPEN, line)` of a 0/255 mask with a `length`-pixel line
    (along the rows, or the columns when `vertical`): the runs of at least `length` set pixels,
    each row (column) on its own; computed only in the rows (columns) that can hold one.

    A row's run is also a run of the OR of its block of POOL rows, so blocks whose OR has no
    such run (eroded to nothing on the smaller image) are left out: 98-99 % of a text page's rows,
    ~80 % of a table page's. Columns are probed on blocks of POOL x POOL pixels, where
    the run spans at least length / POOL blocks, one fewer on the page's far edge (a vertical
    erosion of the whole page costs more). The same result as the whole-page opening, which took 13-20 ms a direction on a 300-dpi
    page (docs/benchmarks.md, round 3)."""
    s = POOL
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (1, length) if vertical else (length, 1))
    h, w = ink.shape
    padded = cv2.copyMakeBorder(ink, 0, -h % s, 0, -w % s if vertical else 0, cv2.BORDER_CONSTANT, value=0)
    if vertical:  # OR of s columns: a dilation anchored on the block's first column, one column in s
        padded = np.ascontiguousarray(cv2.dilate(padded, np.ones((1, s), np.uint8), anchor=(0, 0))[:, ::s])
        # one block fewer than the run spans: the whole-page opening counts outside the page as ink, so a
        # run ending on the last row survives from length // 2 + 1 px, which may span one block fewer than
        # a centred probe of ceil(length / s) blocks needs there (a superset: each band's opening is exact)
        probe = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(1, -(-length // s) - 1)))
    else:
        probe = kernel
    pooled = padded[0::s]  # OR of s rows
    for k in range(1, s):
        pooled = cv2.max(pooled, padded[k::s])
    hits = cv2.findNonZero(cv2.erode(pooled, probe))
    out = np.zeros_like(ink)
    if hits is None:
        return out
    blocks = np.unique(hits.reshape(-1, 2)[:, 0 if vertical else 1])  # (x, y) points
    starts = np.flatnonzero(np.diff(blocks, prepend=-2) > 1)  # runs of consecutive blocks
    ends = np.append(starts[1:], len(blocks)) - 1
    for b0, b1 in zip(blocks[starts], blocks[ends]):
        lo, hi = int(b0) * s, min((int(b1) + 1) * s, w if vertical else h)
        if vertical:  # a narrow column band, opened as rows: the same pixels, ~4x faster on a rule's band
            band = np.ascontiguousarray(ink[:, lo:hi].T)
            out[:, lo:hi] = cv2.morphologyEx(band, cv2.MORPH_OPEN, kernel.T).T
        else:
            out[lo:hi] = cv2.morphologyEx(ink[lo:hi], cv2.MORPH_OPEN, kernel)
    return out


def _paper_small(gray: np.ndarray, shrink: int) -> np.ndarray:
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // shrink), max(1, h // shrink)), interpolation=cv2.INTER_AREA)
    bg = cv2.dilate(small, np.ones((7, 7), np.uint8))
    return cv2.GaussianBlur(bg, (5, 5), 0)


def paper_level(gray: np.ndarray) -> np.ndarray:
    """Local paper brightness: max filter on a 1/8 image (ink is thinner than the window), upscaled."""
    h, w = gray.shape
    return cv2.resize(_paper_small(gray, PAPER_SHRINK), (w, h), interpolation=cv2.INTER_LINEAR)


def flatten_background(gray: np.ndarray) -> np.ndarray:
    """Divide by the local paper level: white paper everywhere, ink contrast and anti-aliasing kept."""
    return cv2.divide(gray, paper_level(gray), scale=255)


def ink_contrast(gray: np.ndarray) -> float:
    """Paper minus ink grey level (median minus 1st percentile): low for faded or pale scans.
    From the grey-level histogram: a sort-free percentile of a full page."""
    cum = np.cumsum(cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel())
    n = cum[-1]
    return float(np.searchsorted(cum, 0.5 * n) - np.searchsorted(cum, 0.01 * n))


def looks_scanned(gray: np.ndarray) -> bool:
    """A rendered page has flat white paper and no grain; a scan has both (measured, docs/ocr.md)."""
    grain, spread = scan_figures(gray)
    return grain > SCAN_NOISE or spread > SCAN_UNEVEN


def preprocess_page(
    gray: np.ndarray,
    options: OcrOptions,
    detect_orientation: Optional[Callable[[np.ndarray], object]] = None,
) -> Preprocessed:
    result = Preprocessed(image=gray)
    img = gray
    if options.orientation and detect_orientation is not None:
        osd = detect_orientation(img)
        if osd is not None and osd.rotate in (90, 180, 270) and osd.confidence >= MIN_OSD_CONFIDENCE:
            img = rotate_quadrant(img, osd.rotate)
            result.rotated = osd.rotate
    result.noise_sigma, spread = scan_figures(img)
    scanned = result.noise_sigma > SCAN_NOISE or spread > SCAN_UNEVEN
    if options.denoise and scanned:
        img = flatten_background(denoise(img))
        result.denoised = True
    if options.deskew:
        angle = estimate_skew(img)
        if abs(angle) >= MIN_SKEW:
            img = rotate_by(img, angle)
            result.skew = angle
    if options.binarize and scanned and ink_contrast(img) < FADED_CONTRAST:
        img = binarize(img)
        result.binarized = True
    result.image = img
    result.ocr_image = img
    if options.remove_rules:
        result.image_mean = local_mean(img)
        result.ocr_image, result.rules_removed = remove_rules(img, mean=result.image_mean)
    return result
