"""OpenCV page clean-up before Tesseract: orientation, deskew, denoise, binarisation.

Each step decides from simple page statistics whether it is needed (a clean born-digital
rendering passes through untouched) and can be switched off in `OcrOptions` to measure it.
Steps report what they did as short notes, kept in the page warnings only when something failed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

import cv2
import numpy as np

from ocr.options import OcrOptions

# Deskew searches this range (degrees); scans of plans are rarely more than a few degrees off.
MAX_SKEW = 8.0
MIN_SKEW = 0.25  # below this, rotating costs more (resampling blur) than it gains
NOISE_SIGMA = 6.0  # estimated noise std (grey levels) above which the page is denoised
MIN_OSD_CONFIDENCE = 2.0


@dataclass
class Preprocessed:
    image: np.ndarray
    rotated: int = 0  # degrees clockwise applied for orientation
    skew: float = 0.0  # degrees corrected
    noise_sigma: float = 0.0
    denoised: bool = False
    binarized: bool = False
    notes: list[str] = field(default_factory=list)


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
    h, w = mask.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        rows = rotated.sum(axis=1, dtype=np.float64)
        return float(np.var(rows))

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    best = max(fine, key=sharpness)
    return float(round(best, 2))


def rotate_by(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate about the centre by `angle` degrees (OpenCV sign: counter-clockwise), white border."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def noise_sigma(gray: np.ndarray) -> float:
    """Immerkaer's fast noise estimate (std of the grey-level noise), on a centre crop."""
    h, w = gray.shape
    crop = gray[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4].astype(np.float64)
    if crop.shape[0] < 3 or crop.shape[1] < 3:
        return 0.0
    kernel = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=np.float64)
    conv = cv2.filter2D(crop, -1, kernel)[1:-1, 1:-1]
    hh, ww = conv.shape
    return float(np.sum(np.abs(conv)) * np.sqrt(0.5 * np.pi) / (6.0 * hh * ww))


def denoise(gray: np.ndarray) -> np.ndarray:
    # A 3x3 median removes salt-and-pepper specks and softens grain at a fraction of the cost of
    # fastNlMeans (measured in docs/ocr.md), and keeps stroke edges.
    return cv2.medianBlur(gray, 3)


def background_unevenness(gray: np.ndarray) -> float:
    """Spread (grey levels) of the local background across the page: shadows, yellowed paper."""
    small = cv2.resize(gray, (64, 64), interpolation=cv2.INTER_AREA)
    bg = cv2.dilate(small, np.ones((5, 5), np.uint8))  # max filter: paper brightness around each cell
    return float(np.percentile(bg, 95) - np.percentile(bg, 5))


def binarize(gray: np.ndarray) -> np.ndarray:
    """Local (adaptive mean) threshold after flattening the background: robust to shadows."""
    h, w = gray.shape
    k = max(31, (min(h, w) // 40) | 1)
    bg = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    flat = cv2.divide(gray, bg, scale=255)
    _, out = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


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
    result.noise_sigma = noise_sigma(img)
    if options.denoise and result.noise_sigma > NOISE_SIGMA:
        img = denoise(img)
        result.denoised = True
    if options.deskew:
        angle = estimate_skew(img)
        if abs(angle) >= MIN_SKEW:
            img = rotate_by(img, angle)
            result.skew = angle
    if options.binarize and background_unevenness(img) > 40:
        img = binarize(img)
        result.binarized = True
    result.image = img
    return result
