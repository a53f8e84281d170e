"""Simulated archive scans: render Vietnamese lines as a degraded 300 dpi page, OCR it with the
English Tesseract model, and align the output tokens to the source syllables."""
from __future__ import annotations

import difflib
import random
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from kehoach.errors import MissingDependencyError
from normalize.restore.syllables import is_viet_word, skeleton

FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation")]
PAGE_W, PAGE_H, MARGIN = 2480, 3508, 220  # A4 at 300 dpi


def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    for d in FONT_DIRS:
        if (d / name).exists():
            return ImageFont.truetype(str(d / name), size)
    raise MissingDependencyError("Liberation Serif font not found", "install fonts-liberation2")


def _wrap(text: str, font, width: int) -> list[str]:
    out, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and font.getlength(trial) > width:
            out.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        out.append(cur)
    return out


def render_page(lines: list[str], rng: random.Random, mild: bool = False) -> tuple[Image.Image, list[str], list[str]]:
    """A grey page holding as many of `lines` as fit. Returns (image, physical lines, lines used)."""
    size = rng.choice([40, 44, 48, 52, 54])
    font = _font(rng.random() < 0.1, size)
    img = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(img)
    y, physical, used = MARGIN, [], []
    step = int(size * 1.45)
    for line in lines:
        wrapped = _wrap(line, font, PAGE_W - 2 * MARGIN)
        if y + step * len(wrapped) > PAGE_H - MARGIN:
            break
        for w in wrapped:
            draw.text((MARGIN, y), w, font=font, fill=rng.randint(0, 60))
            y += step
        physical.extend(wrapped)
        used.append(line)
        y += step // 3
    return degrade(img, rng, mild), physical, used


def degrade(img: Image.Image, rng: random.Random, mild: bool = False) -> Image.Image:
    """Scanner damage: slight rotation, blur, down/up-sampling, speckle noise, sometimes
    binarisation. `mild` keeps 60-100 % resolution and grey levels (a good office scan)."""
    img = img.rotate(rng.uniform(-0.4, 0.4), resample=Image.BILINEAR, fillcolor=255)
    # archive scans are often low resolution and bi-level: marks break or merge with letters
    scale = rng.choice([1.0, 0.8, 0.7, 0.6] if mild else [1.0, 0.8, 0.7, 0.6, 0.5, 0.45])
    if scale < 1:
        small = img.resize((int(PAGE_W * scale), int(PAGE_H * scale)), Image.BILINEAR)
        img = small.resize((PAGE_W, PAGE_H), Image.BILINEAR)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.1)))
    a = np.asarray(img, dtype=np.int16)
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, rng.uniform(4, 14), a.shape)
    a = np.clip(a + noise, 0, 255)
    if not mild and rng.random() < 0.4:
        a = np.where(a > rng.uniform(110, 170), 255, 0)
    return Image.fromarray(a.astype(np.uint8))


def ocr_english(image_path: Path, timeout: int = 300) -> str:
    """Tesseract with the English model, as the archive's OCR was done."""
    exe = shutil.which("tesseract")
    if not exe:
        raise MissingDependencyError("tesseract not found", "install tesseract-ocr (make setup)")
    res = subprocess.run(
        [exe, str(image_path), "stdout", "-l", "eng", "--psm", "4"],
        capture_output=True, text=True, timeout=timeout, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
    )
    return res.stdout


_CORE = re.compile(r"^\W+|\W+$")


def _core(tok: str) -> str:
    return _CORE.sub("", tok)


def align_tokens(source: str, ocr: str) -> list[tuple[str, str]]:
    """(observed, source syllable) pairs: tokens aligned on their mark-less keys; replaced spans
    of equal length are paired one to one, others skipped (glued/split words)."""
    src = [t for t in (_core(x) for x in source.split()) if t]
    obs = [t for t in (_core(x) for x in ocr.split()) if t]
    sm = difflib.SequenceMatcher(None, [skeleton(t) for t in src], [skeleton(t) for t in obs], autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for s, o in zip(src[i1:i2], obs[j1:j2]):
                if is_viet_word(s):
                    pairs.append((o, s))
    return pairs
