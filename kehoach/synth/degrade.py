"""Make a clean page image look scanned: paper tone, uneven light, faded ink, skew, blur, noise,
speckles, JPEG loss and (optionally) a page fed sideways or upside down. Seeded and deterministic."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Degradation:
    max_skew_deg: float = 0.0  # uniform in [-max, max]
    blur_sigma: float = 0.0  # Gaussian blur, pixels at 300 dpi
    noise_sigma: float = 0.0  # additive Gaussian noise, grey levels
    speckles_per_mp: float = 0.0  # dark dots per megapixel
    illumination: float = 0.0  # depth of the uneven-light field (0..1)
    ink: float = 1.0  # ink contrast kept (1 = full black)
    paper: int = 255  # background grey level
    jpeg_quality: int | None = None  # JPEG round trip inside the degradation
    resample: float = 1.0  # scanned at this fraction of the output resolution, then scaled back up
    stroke: int = 0  # +1 ink bleeds (thicker strokes), -1 toner drop-out (thinner, broken strokes)


PRESETS: dict[str, Degradation] = {
    "clean": Degradation(),
    "light": Degradation(max_skew_deg=0.6, blur_sigma=0.5, noise_sigma=0.0, speckles_per_mp=3, illumination=0.04,
                         ink=0.95, paper=250),
    "medium": Degradation(max_skew_deg=1.3, blur_sigma=0.8, noise_sigma=8.0, speckles_per_mp=12, illumination=0.10,
                          ink=0.88, paper=242, jpeg_quality=70),
    "heavy": Degradation(max_skew_deg=2.0, blur_sigma=1.1, noise_sigma=16.0, speckles_per_mp=40,
                         illumination=0.22, ink=0.75, paper=232, jpeg_quality=35, resample=0.5, stroke=-1),
}


def _cv2():
    import cv2

    return cv2


def get_preset(name: str) -> Degradation:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"unknown degradation preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def _light_field(rng: np.random.Generator, h: int, w: int, depth: float) -> np.ndarray:
    """A smooth multiplicative field in [1-depth, 1]: a coarse random grid plus a side-to-side gradient."""
    cv2 = _cv2()
    coarse = rng.random((4, 3)).astype(np.float32)
    field = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    ramp = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    if rng.random() < 0.5:
        ramp = ramp[:, ::-1]
    field = np.clip(0.6 * field + 0.4 * ramp, 0, 1)
    return 1.0 - depth * field


def degrade_array(gray: np.ndarray, spec: Degradation, seed: int) -> tuple[np.ndarray, float]:
    """Degrade a uint8 grayscale page; returns the image and the skew angle applied (degrees)."""
    cv2 = _cv2()
    rng = np.random.default_rng(seed)
    h, w = gray.shape
    img = gray.astype(np.float32)
    if spec.stroke:
        kernel = np.ones((2, 2), np.uint8)
        img = (cv2.erode if spec.stroke > 0 else cv2.dilate)(img, kernel)  # on dark-on-light text
    # Ink and paper: map 0..255 to (paper - ink*paper)..paper.
    img = spec.paper - (255.0 - img) / 255.0 * spec.paper * spec.ink
    if spec.illumination:
        img *= _light_field(rng, h, w, spec.illumination)
    angle = float(rng.uniform(-spec.max_skew_deg, spec.max_skew_deg)) if spec.max_skew_deg else 0.0
    if angle:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        img = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                             borderValue=float(spec.paper))
    if spec.noise_sigma:  # paper grain and sensor noise, softened by the optics below
        img += rng.standard_normal(img.shape, dtype=np.float32) * np.float32(spec.noise_sigma)
    if spec.blur_sigma:
        img = cv2.GaussianBlur(img, (0, 0), spec.blur_sigma)
    if spec.speckles_per_mp:
        n = int(spec.speckles_per_mp * h * w / 1e6)
        ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
        radii = rng.integers(1, 4, n)
        levels = rng.uniform(20, 120, n)
        for y, x, r, v in zip(ys, xs, radii, levels):
            cv2.circle(img, (int(x), int(y)), int(r), float(v), -1)
    if spec.resample < 1.0:
        small = cv2.resize(img, (max(1, int(w * spec.resample)), max(1, int(h * spec.resample))),
                           interpolation=cv2.INTER_AREA)
        img = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    out = np.clip(img, 0, 255).astype(np.uint8)
    if spec.jpeg_quality:
        ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, spec.jpeg_quality])
        if ok:
            out = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return out, angle


def degrade(image, preset: str = "medium", seed: int = 0, rotate: int = 0):
    """Degrade a PIL page image with a named preset; `rotate` (0, 90, 180, 270, counter-clockwise)
    turns the whole page as a badly fed scan would. Returns a grayscale PIL image."""
    from PIL import Image

    if rotate not in (0, 90, 180, 270):
        raise ValueError(f"rotate must be 0, 90, 180 or 270, not {rotate}")
    gray = np.asarray(image.convert("L"))
    out, _ = degrade_array(gray, get_preset(preset), seed)
    if rotate:
        out = np.ascontiguousarray(np.rot90(out, k=rotate // 90))
    return Image.fromarray(out, mode="L")
