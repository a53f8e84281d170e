"""Lines Tesseract's page layout dropped: ink with no word on it, read again in one Tesseract call.

Tesseract's page segmentation (psm 3) now and then leaves a whole text line out of every block
(seen on a signature block: `- TT Đảng ủy, ...` and `PHÓ CHỦ TỊCH` gone at 200 dpi, read at 300;
at another scale, another page). The page's words say where text was read; a text-sized band of
ink that no word box covers is a lost line. All such bands of a page go to ONE Tesseract process
(psm 7, one line each) and only confident readings with letters or digits are kept.
"""
from __future__ import annotations

import re
from statistics import median

import cv2
import numpy as np

from ocr._exec import tesseract
from ocr.types import Word

INK = 160  # grey level: darker is ink on the cleaned (flattened, rules erased) page
MIN_CONF = 60.0  # a re-read band is kept only when Tesseract is this sure of it (mean, by length)
MAX_BANDS = 40  # more uncovered bands than this: a photo or a stamp, not lost lines
_TEXT = re.compile(r"[^\W_]{2,}")


def lost_bands(image: np.ndarray, words: list[Word]) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h, page pixels) of line-shaped ink that no word box covers."""
    heights = [w.height for w in words if len(w.text) >= 2]
    if len(heights) < 5:
        return []  # an empty or nearly empty reading: nothing to compare ink with
    mh = median(heights)
    f = 0.5  # the search runs on a half-size page
    small = cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    ink = (small < INK).astype(np.uint8)
    pad = 0.3 * mh
    for w in words:
        x0, y0 = int((w.left - pad) * f), int((w.top - pad) * f)
        x1, y1 = int((w.left + w.width + pad) * f) + 1, int((w.top + w.height + pad) * f) + 1
        ink[max(0, y0):y1, max(0, x0):x1] = 0
    # letters of a line join into one blob; lines stay apart
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, max(3, int(0.8 * mh * f))), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    bands = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if 0.5 * mh * f <= h <= 2.0 * mh * f and w >= 2.5 * mh * f and area >= 0.15 * w * h:
            bands.append((int(x / f), int(y / f), int(w / f), int(h / f)))
    return bands if len(bands) <= MAX_BANDS else []


def recover_lost_lines(image: np.ndarray, words: list[Word], languages: str, scale: float = 1.0,
                       timeout: float = 60.0) -> list[Word]:
    """Words read from the lost bands (page pixels), to add to the page's words."""
    bands = lost_bands(image, words)
    if not bands:
        return []
    mh = median(w.height for w in words if len(w.text) >= 2)
    m = int(0.6 * mh)
    H, W = image.shape[:2]
    crops, origins = [], []
    for x, y, w, h in bands:
        x0, y0 = max(0, x - m), max(0, y - m)
        crop = image[y0:min(H, y + h + m), x0:min(W, x + w + m)]
        if scale != 1.0:
            crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        crops.append(crop)
        origins.append((x0, y0))
    block = max((w.block for w in words), default=0) + 1
    found: list[Word] = []
    for i, (read, (x0, y0)) in enumerate(zip(tesseract.images_to_words(crops, languages, psm=7, timeout=timeout),
                                             origins)):
        text = " ".join(w.text for w in read)
        chars = sum(len(w.text) for w in read)
        if not read or not _TEXT.search(text) or sum(w.conf * len(w.text) for w in read) < MIN_CONF * chars:
            continue
        found += [Word(w.text, x0 + round(w.left / scale), y0 + round(w.top / scale), round(w.width / scale),
                       round(w.height / scale), w.conf, block + i, 1, 1) for w in read]
    return found
