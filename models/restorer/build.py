"""Rebuild the diacritic restorer's artifacts from the shared corpus.

    python -m models.restorer.build --corpus ../shared/corpus --out models/restorer [--quick]

Writes `lm.npz` (Kneser-Ney trigram over syllable ids, quantised), `vocab.txt` (syllables and
punctuation, one per line), `channel.json` (what English OCR does to each letter, learned from
rendered-and-OCR'd corpus lines) and `meta.json` (sizes, settings). Raw corpus text is never
written out.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from array import array
from collections import Counter
from pathlib import Path

import numpy as np

from models.restorer import kn
from models.restorer.corpus import corpus_lines, gazetteer_lines, plan_register_lines
from normalize.restore.syllables import BOS, EOS, NUM, PUNCT_TOKENS, UNK, is_viet_word, lm_tokens, skeleton

SPECIALS = [BOS, EOS, UNK, NUM]
LP_SCALE = 1000.0  # log-probs stored as int16 milli-nats


def _log(msg: str) -> None:
    print(f"[restorer build {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def training_lines(corpus: Path, max_lines: int | None, plan_weight: int) -> list[str]:
    lines = list(corpus_lines(corpus, "train", max_lines))
    lines += plan_register_lines() * plan_weight
    lines += gazetteer_lines()
    return lines


def count_acronyms(lines: list[str]) -> dict[str, str]:
    """Upper-case tokens used as acronyms in running text, keyed by their mark-less spelling:
    learns HDND -> HĐND, QD -> QĐ from how often each form occurs (not from a hand list)."""
    upper, anycase = Counter(), Counter()
    for line in lines:
        words = [w for w in line.replace("/", " ").replace("-", " ").split() if w]
        n_upper = sum(w.isupper() for w in words)
        if not words or n_upper * 2 > len(words):  # skip headings written in capitals
            continue
        for w in words:
            w = w.strip(".,;:()\"")
            if len(w) < 2 or not w.isalpha():
                continue
            anycase[skeleton(w)] += 1  # the whole family: CAC competes with các, cắc ...
            if w.isupper():
                upper[w] += 1
    best: dict[str, tuple[int, str]] = {}
    for form, n in upper.items():
        if n < 5 or n < 0.6 * anycase[skeleton(form)] or len(form) > 8:
            continue
        key = skeleton(form).upper()
        if form.replace("Đ", "D") != key:  # only a lost Đ is repaired (not LÏ, other marks)
            continue
        if n > best.get(key, (0, ""))[0]:
            best[key] = (n, form)
    return {k: form for k, (n, form) in sorted(best.items())}


def build_vocab(token_lines: list[list[str]], min_count: int) -> list[str]:
    counts = Counter(t for toks in token_lines for t in toks)
    words = [w for w, n in counts.items() if n >= min_count and w not in SPECIALS and is_viet_word(w)]
    words.sort(key=lambda w: (-counts[w], w))
    punct = sorted(p for p in PUNCT_TOKENS if counts[p] > 0)
    return SPECIALS + punct + words


def trigram_keys(token_lines: list[list[str]], index: dict[str, int]) -> np.ndarray:
    unk, bos, eos = index[UNK], index[BOS], index[EOS]
    ids = array("i")
    for toks in token_lines:
        ids.extend((bos, bos))
        ids.extend(index.get(t, unk) for t in toks)
        ids.append(eos)
    a = np.frombuffer(ids, dtype=np.int32).astype(np.int64)
    valid = (a[:-2] != eos) & (a[1:-1] != eos)
    keys = (a[:-2] << (2 * kn.SHIFT)) | (a[1:-1] << kn.SHIFT) | a[2:]
    return keys[valid]


def _q(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(np.nan_to_num(x, nan=1.0) * LP_SCALE), -32000, 32000).astype(np.int16)


def save_lm(model: kn.KNModel, out: Path) -> None:
    """Hash tables with values at their slots (see normalize.restore.decoder). Bigram entries
    that are only trigram histories get log-prob ABSENT_LP (+1000 milli-nats)."""
    from normalize.restore.decoder import ABSENT_LP, build_hash

    tri_table, tri_lp = build_hash(model.tri_keys, _q(model.tri_lp))
    bi_lp = _q(model.bi_lp)
    bi_lp[np.isnan(model.bi_lp)] = ABSENT_LP
    bi_table, bi_lp, bi_bo = build_hash(model.bi_keys, bi_lp, _q(model.bi_bo))
    np.savez_compressed(
        out / "lm.npz", tri_table=tri_table, tri_lp=tri_lp, bi_table=bi_table, bi_lp=bi_lp, bi_bo=bi_bo,
        uni_lp=_q(model.uni_lp), uni_bo=_q(model.uni_bo),
    )


def build(args) -> dict:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    if args.channel_only:
        return _write_channel(args, out, json.loads((out / "meta.json").read_text()), t0)
    lines = training_lines(Path(args.corpus), args.max_lines, args.plan_weight)
    _log(f"{len(lines)} training lines")
    acronyms = count_acronyms(lines)
    token_lines = [lm_tokens(l) for l in lines]
    del lines
    n_tokens = sum(map(len, token_lines))
    _log(f"{n_tokens} tokens")
    vocab = build_vocab(token_lines, args.min_count)
    index = {w: i for i, w in enumerate(vocab)}
    keys = trigram_keys(token_lines, index)
    del token_lines
    _log(f"vocab {len(vocab)}, {len(keys)} trigram occurrences")
    model = kn.estimate(keys, len(vocab), min_trigram_count=args.min_trigram_count)
    del keys
    # bigrams seen once that are no trigram history carry little: drop to keep the file small
    absent = np.isnan(model.bi_lp)
    keep = (model.bi_bo != 0) | absent | (model.bi_lp > np.log(args.min_bigram_prob))
    model = kn.prune_bigrams(model, keep)
    _log(f"{len(model.tri_keys)} trigrams, {len(model.bi_keys)} bigrams kept")
    save_lm(model, out)
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    (out / "acronyms.json").write_text(json.dumps(acronyms, ensure_ascii=False, indent=0), encoding="utf-8")

    meta = {
        "tokens": n_tokens, "vocab": len(vocab), "trigrams": int(len(model.tri_keys)),
        "bigrams": int(len(model.bi_keys)), "acronyms": len(acronyms),
        "max_lines": args.max_lines, "min_count": args.min_count,
        "min_trigram_count": args.min_trigram_count, "lp_scale": LP_SCALE, "shift": kn.SHIFT,
    }
    return _write_channel(args, out, meta, t0)


def _write_channel(args, out: Path, meta: dict, t0: float) -> dict:
    from models.restorer.channel_fit import fit_channel

    channel = fit_channel(Path(args.corpus), pages=args.ocr_pages, seed=args.seed, workdir=args.workdir,
                          mild_pages=args.ocr_mild_pages)
    (out / "channel.json").write_text(json.dumps(channel, ensure_ascii=False, indent=0), encoding="utf-8")
    meta.update(channel_pairs=channel.get("pairs", 0), ocr_pages=args.ocr_pages, ocr_mild_pages=args.ocr_mild_pages,
                build_seconds=round(time.time() - t0, 1))
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    _log(f"done: {meta}")
    return meta


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m models.restorer.build", description=__doc__.split("\n")[1])
    p.add_argument("--corpus", required=True, help="folder with *.train.txt.gz (../shared/corpus)")
    p.add_argument("--out", default="models/restorer")
    p.add_argument("--quick", action="store_true", help="small build for tests: 3000 lines/file, 1 OCR page")
    p.add_argument("--max-lines", type=int, default=None, help="lines per corpus file (default: all)")
    p.add_argument("--min-count", type=int, default=2, help="syllables seen fewer times become <unk>")
    p.add_argument("--min-trigram-count", type=int, default=2)
    p.add_argument("--min-bigram-prob", type=float, default=1e-5)
    p.add_argument("--plan-weight", type=int, default=30, help="repetitions of the plan-register lines")
    p.add_argument("--ocr-pages", type=int, default=120, help="rendered pages OCR'd to learn the channel")
    p.add_argument("--ocr-mild-pages", type=int, default=32, help="more pages, mildly degraded (good scans)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--workdir", default=None, help="keep OCR output of rendered pages here for reruns")
    p.add_argument("--channel-only", action="store_true", help="refit channel.json only (LM files kept)")
    args = p.parse_args(argv)
    if args.quick:
        args.max_lines = args.max_lines or 3000
        args.ocr_pages = min(args.ocr_pages, 1)
        args.ocr_mild_pages = 0
        args.plan_weight = min(args.plan_weight, 3)
    return args


def main(argv=None) -> int:
    build(parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
