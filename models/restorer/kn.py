"""Interpolated modified Kneser-Ney trigram estimation on integer ids, stored in backoff form.

Keys pack (u, v, w) syllable ids into one int64 (SHIFT bits each). The result is what the
decoder needs: log p(w|u v) for kept trigrams, log p(w|v) and backoff weights for bigrams,
and unigram log-probs and backoffs. Probabilities are computed from full counts; singleton
trigrams are pruned afterwards (their mass then comes through the backoff weight).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SHIFT = 21  # bits per id: vocabularies up to 2 M entries
MASK1 = (1 << SHIFT) - 1
MASK2 = (1 << (2 * SHIFT)) - 1


@dataclass
class KNModel:
    vocab_size: int
    tri_keys: np.ndarray  # int64 sorted
    tri_lp: np.ndarray  # float64 natural log
    bi_keys: np.ndarray  # int64 sorted (v, w)
    bi_lp: np.ndarray  # log p(w|v); nan where (v, w) is only a trigram history
    bi_bo: np.ndarray  # log backoff weight of history (v, w); 0 if none
    uni_lp: np.ndarray  # [V]
    uni_bo: np.ndarray  # [V] log backoff weight of history (v)


def _discounts(counts: np.ndarray) -> np.ndarray:
    """Modified KN discounts D1, D2, D3+ from counts-of-counts (Chen & Goodman)."""
    n = [np.count_nonzero(counts == k) for k in (1, 2, 3, 4)]
    n = [max(x, 1) for x in n]
    y = n[0] / (n[0] + 2 * n[1])
    d = np.array([0.0, 1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2]])
    return np.clip(d, 0.05, None)


def _discount_of(counts: np.ndarray, d: np.ndarray) -> np.ndarray:
    return d[np.minimum(counts, 3)]


def _group_sums(group_keys: np.ndarray, values: np.ndarray):
    """Unique group keys (already sorted) and per-group sums of values."""
    uniq, start = np.unique(group_keys, return_index=True)
    return uniq, np.add.reduceat(values, start)


def _gamma(group_keys: np.ndarray, counts: np.ndarray, d: np.ndarray):
    """Per-history total and interpolation weight gamma = sum of discounts / total."""
    uniq, start = np.unique(group_keys, return_index=True)
    total = np.add.reduceat(counts.astype(np.float64), start)
    disc = np.add.reduceat(_discount_of(counts, d), start)
    return uniq, total, disc / total


def estimate(trigram_keys: np.ndarray, vocab_size: int, min_trigram_count: int = 2) -> KNModel:
    """trigram_keys: every trigram occurrence (int64, unsorted), padded with <s> <s> ... </s>."""
    k3, c3 = np.unique(trigram_keys, return_counts=True)
    # continuation counts for the middle order: N1+(. v w) = distinct u before (v, w)
    suffix = k3 & MASK2
    order = np.argsort(suffix, kind="stable")
    k2, n2 = np.unique(suffix[order], return_counts=True)
    # unigram continuation: distinct v before w
    w_of_bigram = k2 & MASK1
    n1 = np.bincount(w_of_bigram, minlength=vocab_size).astype(np.float64)

    # unigrams: add-half smoothed continuation distribution (never zero)
    uni_p = (n1 + 0.5) / (n1.sum() + 0.5 * vocab_size)

    # bigrams p(w|v) from continuation counts
    d2 = _discounts(n2)
    hist2 = k2 >> SHIFT
    h2, tot2, gam2 = _gamma(hist2, n2, d2)
    idx = np.searchsorted(h2, hist2)
    bi_p = np.maximum(n2 - _discount_of(n2, d2), 0) / tot2[idx] + gam2[idx] * uni_p[w_of_bigram]
    uni_bo = np.zeros(vocab_size)
    uni_bo[h2] = np.log(gam2)

    # trigrams p(w|u v) from raw counts
    d3 = _discounts(c3)
    hist3 = k3 >> SHIFT
    h3, tot3, gam3 = _gamma(hist3, c3, d3)
    idx3 = np.searchsorted(h3, hist3)
    pos = np.searchsorted(k2, suffix)
    tri_p = np.maximum(c3 - _discount_of(c3, d3), 0) / tot3[idx3] + gam3[idx3] * bi_p[pos]

    keep = c3 >= min_trigram_count
    # bigram table: union of (v, w) bigrams and trigram histories (u, v) for their backoffs
    bi_keys = np.union1d(k2, h3)
    bi_lp = np.full(len(bi_keys), np.nan)
    bi_lp[np.searchsorted(bi_keys, k2)] = np.log(bi_p)
    bi_bo = np.zeros(len(bi_keys))
    bi_bo[np.searchsorted(bi_keys, h3)] = np.log(gam3)
    return KNModel(
        vocab_size=vocab_size,
        tri_keys=k3[keep],
        tri_lp=np.log(tri_p[keep]),
        bi_keys=bi_keys,
        bi_lp=bi_lp,
        bi_bo=bi_bo,
        uni_lp=np.log(uni_p),
        uni_bo=uni_bo,
    )


def prune_bigrams(model: KNModel, keep_mask: np.ndarray) -> KNModel:
    """Drop bigram entries (e.g. singletons that are no trigram history) to save space."""
    model.bi_keys = model.bi_keys[keep_mask]
    model.bi_lp = model.bi_lp[keep_mask]
    model.bi_bo = model.bi_bo[keep_mask]
    return model


def logprob(model: KNModel, u: int, v: int, w: int) -> float:
    """Reference (slow) lookup in backoff form; the decoder does the same on hash tables."""
    key3 = (u << (2 * SHIFT)) | (v << SHIFT) | w
    i = np.searchsorted(model.tri_keys, key3)
    if i < len(model.tri_keys) and model.tri_keys[i] == key3:
        return float(model.tri_lp[i])
    bo = 0.0
    h = (u << SHIFT) | v
    j = np.searchsorted(model.bi_keys, h)
    if j < len(model.bi_keys) and model.bi_keys[j] == h:
        bo = float(model.bi_bo[j])
    key2 = (v << SHIFT) | w
    j = np.searchsorted(model.bi_keys, key2)
    if j < len(model.bi_keys) and model.bi_keys[j] == key2 and not np.isnan(model.bi_lp[j]):
        return bo + float(model.bi_lp[j])
    return bo + float(model.uni_bo[v] + model.uni_lp[w])
