"""Learn the OCR channel: render train-split lines, OCR them with `tesseract -l eng`, align the
tokens to the source syllables and estimate P(observed segment | letter) by hard EM over
letter-level alignments. Only the letter table (and counts) is kept; pages and pairs are
temporary because they contain corpus text."""
from __future__ import annotations

import math
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from models.restorer.corpus import corpus_lines, plan_register_lines
from models.restorer.scan_sim import align_tokens, ocr_english, render_page
from normalize.restore.channel import FLOOR_DEL, FLOOR_SUB, FLOOR_TWO, Channel, default_table
from normalize.restore.syllables import normalize_tone, skeleton


def sample_lines(corpus: Path, n: int, seed: int) -> list[str]:
    """A reproducible sample of medium-length train lines (reservoir sampling)."""
    rng = random.Random(seed)
    pool: list[str] = []
    for i, line in enumerate(corpus_lines(corpus, "train")):
        if not 30 <= len(line) <= 260:
            continue
        if len(pool) < n:
            pool.append(line)
        else:
            j = rng.randint(0, i)
            if j < n:
                pool[j] = line
    rng.shuffle(pool)
    return pool


def _page_pairs(lines: list[str], n: int, rng: random.Random, kind: str, base: Path, keep: bool):
    pairs, pos = [], 0
    for page in range(n):
        img, physical, used = render_page(lines[pos : pos + 60], rng, mild=kind == "mild")
        pos += max(len(used), 1)
        source = "\n".join(physical)
        path, txt, src = (base / f"{kind}{page:03d}{ext}" for ext in (".png", ".txt", ".src.txt"))
        if keep and txt.exists() and (not src.exists() or src.read_text(encoding="utf-8") == source):
            text = txt.read_text(encoding="utf-8")  # OCR of an identical earlier render
        else:
            img.save(path)
            text = ocr_english(path)
            path.unlink()
            if keep:
                txt.write_text(text, encoding="utf-8")
                src.write_text(source, encoding="utf-8")
        pairs.extend(align_tokens(source, text))
        print(f"[channel] {kind} {page + 1}/{n}: {len(pairs)} pairs", file=sys.stderr, flush=True)
    return pairs


def ocr_pairs(corpus: Path, pages: int, seed: int, workdir: str | None = None, mild_pages: int = 0) -> list[tuple[str, str]]:
    """Aligned (observed, source) tokens from `pages` degraded and `mild_pages` mildly degraded
    renderings of train-split lines (two random streams, so either set can grow alone)."""
    pairs: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(workdir or tmp)
        base.mkdir(parents=True, exist_ok=True)
        for kind, n, s in (("page", pages, seed), ("mild", mild_pages, seed + 1)):
            if n <= 0:
                continue
            rng = random.Random(s)
            lines = sample_lines(corpus, n * 40, s) + plan_register_lines()
            rng.shuffle(lines)
            pairs += _page_pairs(lines, n, rng, kind, base, keep=workdir is not None)
    return pairs


def _family(letter: str) -> str:
    """Marked letters sharing a base (ò ó ô ố ơ ợ ... -> "o*"): they back off to each other."""
    sk = skeleton(letter)
    return sk + "*" if sk != letter else letter


def estimate_table(pairs: list[tuple[str, str]], iterations: int = 3, prior_weight: float = 2.0,
                   family_weight: float = 5.0):
    """P(segment | letter) by hard EM; a rare letter (õ, ẵ) backs off to its family of marked
    letters with weight `family_weight`, the family to the hand prior with `prior_weight`."""
    prior = default_table()
    table = prior
    for _ in range(iterations):
        ch = Channel(table)
        counts: dict[str, Counter] = defaultdict(Counter)
        for (o, s), n in Counter(pairs).items():
            for letter, seg in ch.align(o, s, want_path=True)[1]:
                counts[letter][seg] += n
        family: dict[str, Counter] = defaultdict(Counter)
        for letter, c in counts.items():
            family[_family(letter)].update(c)
        table = {}
        for letter in set(prior) | set(counts):
            c = counts.get(letter, Counter())
            fam = family.get(_family(letter), Counter()) if family_weight > 0 else Counter()
            p0 = {seg: math.exp(lp) for seg, lp in prior.get(letter, {}).items()}
            fam_total = sum(fam.values()) + prior_weight
            p_fam = {seg: (fam[seg] + prior_weight * p0.get(seg, 0.0)) / fam_total for seg in set(fam) | set(p0)}
            total = sum(c.values()) + family_weight
            row = {}
            for seg in set(c) | set(p_fam):
                p = (c[seg] + family_weight * p_fam.get(seg, 0.0)) / total
                floor = {0: FLOOR_DEL, 1: FLOOR_SUB}.get(len(seg), FLOOR_TWO)
                row[seg] = round(max(math.log(p), floor), 3) if p > 0 else floor
            table[letter] = row
    return table


def fit_channel(corpus: Path, pages: int, seed: int = 7, workdir: str | None = None, mild_pages: int = 0) -> dict:
    t0 = time.time()
    pairs = ocr_pairs(corpus, pages, seed, workdir, mild_pages) if pages + mild_pages > 0 else []
    norm = [(o.lower(), normalize_tone(s.lower())) for o, s in pairs]
    table = estimate_table(norm) if norm else default_table()
    exact = sum(o == s for o, s in norm)
    return {
        "table": table,
        "pairs": len(norm),
        "exact_share": round(exact / max(len(norm), 1), 4),
        "pages": pages,
        "mild_pages": mild_pages,
        "seconds": round(time.time() - t0, 1),
    }
