"""Image inputs (PNG, JPEG, TIFF incl. multi-page) as grey pages, one at a time, bomb-guarded."""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from kehoach.errors import InputFileError


def _open(path: Path, max_pixels: int) -> Image.Image:
    # Opening reads the header only; our own size check below names the file and its size,
    # Pillow's bomb guard (set to our limit) still protects every later decode.
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise InputFileError(f"{path}: image too large ({exc})", "split or downscale the scan (300 dpi is enough)")
    except UnidentifiedImageError:
        raise InputFileError(f"{path}: not a readable image", "the file is corrupt or mislabelled; re-export it")
    except OSError as exc:
        raise InputFileError(f"{path}: cannot open image ({exc})", "the file is corrupt or truncated; re-export it")
    w, h = im.size
    if w * h > max_pixels:
        raise InputFileError(
            f"{path}: image too large ({w}x{h} = {w * h:,} pixels > {max_pixels:,})",
            "split or downscale the scan (300 dpi is enough)",
        )
    return im


def iter_pages(path: Path, max_pixels: int) -> Iterator[tuple[np.ndarray | None, str | None]]:
    """Yield (grey page, None) or (None, error) per frame, so one bad frame is one bad page."""
    im = _open(path, max_pixels)
    try:
        for frame in ImageSequence.Iterator(im):
            w, h = frame.size
            if w * h > max_pixels:
                yield None, f"image too large ({w}x{h} pixels)"
                continue
            try:
                frame.load()
                yield to_gray(frame), None
            except (OSError, ValueError) as exc:
                yield None, f"cannot decode image ({exc})"
    finally:
        im.close()


def to_gray(frame: Image.Image) -> np.ndarray:
    frame = ImageOps.exif_transpose(frame) or frame
    if frame.mode in ("RGBA", "LA", "P"):
        frame = frame.convert("RGBA")
        bg = Image.new("RGBA", frame.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(bg, frame)
    return np.asarray(frame.convert("L"), dtype=np.uint8).copy()
