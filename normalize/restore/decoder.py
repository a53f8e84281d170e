"""Trigram language model tables and the beam Viterbi decoder, compiled with numba.

N-grams are looked up in open-addressing hash tables built once at load time from the sorted
key arrays in lm.npz; log-probs are int16 milli-nats. A line is decoded in one call: candidate
syllable ids per position (flattened), each with a channel score.
"""
from __future__ import annotations

import numpy as np
from numba import njit

SHIFT = 21
MASK2 = (1 << (2 * SHIFT)) - 1
EMPTY = -1
ABSENT_LP = 1000  # bigram entry that is only a trigram history (no p(w|v) stored)


@njit(cache=True)
def _slot(key, mask):
    h = np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)
    return np.int64((h >> np.uint64(20)) & np.uint64(mask))


@njit(cache=True)
def _fill_hash(keys, table, index):
    mask = len(table) - 1
    for i in range(len(keys)):
        s = _slot(keys[i], mask)
        while table[s] != EMPTY:
            s = (s + 1) & mask
        table[s] = keys[i]
        index[s] = i


def build_hash(keys: np.ndarray, *values: np.ndarray) -> tuple[np.ndarray, ...]:
    """Open-addressing table for `keys` (load factor <= 2/3) and `values` moved to their slots.
    Done at build time, so that loading the model is only reading arrays."""
    cap = 1
    while cap * 2 < 3 * len(keys):
        cap *= 2
    table = np.full(cap, EMPTY, dtype=np.int64)
    index = np.full(cap, -1, dtype=np.int64)
    _fill_hash(keys.astype(np.int64), table, index)
    out = [table]
    for v in values:
        slot_values = np.zeros(cap, dtype=v.dtype)
        used = index >= 0
        slot_values[used] = v[index[used]]
        out.append(slot_values)
    return tuple(out)


@njit(cache=True)
def _find(table, key):
    """Slot of `key` in `table`, or -1."""
    mask = len(table) - 1
    s = _slot(key, mask)
    while True:
        k = table[s]
        if k == key:
            return s
        if k == EMPTY:
            return -1
        s = (s + 1) & mask


@njit(cache=True)
def logprob(u, v, w, t3, lp3, t2, lp2, bo2, lp1, bo1):
    """log p(w | u v) in milli-nats, backoff form of interpolated Kneser-Ney."""
    j = _find(t3, (np.int64(u) << (2 * SHIFT)) | (np.int64(v) << SHIFT) | np.int64(w))
    if j >= 0:
        return np.int32(lp3[j])
    bo = np.int32(0)
    j = _find(t2, (np.int64(u) << SHIFT) | np.int64(v))
    if j >= 0:
        bo = np.int32(bo2[j])
    j = _find(t2, (np.int64(v) << SHIFT) | np.int64(w))
    if j >= 0 and lp2[j] != ABSENT_LP:
        return bo + np.int32(lp2[j])
    return bo + np.int32(bo1[v]) + np.int32(lp1[w])


@njit(cache=True)
def viterbi(cand, offs, chan, bos, eos, beam, t3, lp3, t2, lp2, bo2, lp1, bo1):
    """Best candidate index per position. cand/chan flattened, offs[t]..offs[t+1] for position t;
    chan and the result scores are milli-nats. States are (previous id, current id) pairs."""
    n = len(offs) - 1
    maxk = 1
    for t in range(n):
        maxk = max(maxk, offs[t + 1] - offs[t])
    # state arrays for the current step
    s_prev = np.full(beam, bos, dtype=np.int64)
    s_cur = np.full(beam, bos, dtype=np.int64)
    s_score = np.zeros(beam, dtype=np.int64)
    s_rec = np.full(beam, -1, dtype=np.int64)
    ns = 1
    # back-pointer records: candidate index and parent record
    rec_cand = np.empty(n * beam, dtype=np.int64)
    rec_parent = np.empty(n * beam, dtype=np.int64)
    nrec = 0
    m = beam * maxk
    e_score = np.empty(m, dtype=np.int64)
    e_state = np.empty(m, dtype=np.int64)
    e_cand = np.empty(m, dtype=np.int64)
    for t in range(n):
        ne = 0
        for si in range(ns):
            u, v = s_prev[si], s_cur[si]
            key3 = (u << (2 * SHIFT)) | (v << SHIFT)
            bo_uv = np.int64(0)
            have_bo = False
            for c in range(offs[t], offs[t + 1]):
                w = cand[c]
                j = _find(t3, key3 | w)
                if j >= 0:
                    lp = np.int64(lp3[j])
                else:  # back off; the history weight is looked up once per state
                    if not have_bo:
                        j = _find(t2, (u << SHIFT) | v)
                        if j >= 0:
                            bo_uv = np.int64(bo2[j])
                        have_bo = True
                    j = _find(t2, (v << SHIFT) | w)
                    if j >= 0 and lp2[j] != ABSENT_LP:
                        lp = bo_uv + lp2[j]
                    else:
                        lp = bo_uv + bo1[v] + lp1[w]
                e_score[ne] = s_score[si] + lp + chan[c]
                e_state[ne] = si
                e_cand[ne] = c
                ne += 1
        order = np.argsort(-e_score[:ne])
        new_prev = np.empty(beam, dtype=np.int64)
        new_cur = np.empty(beam, dtype=np.int64)
        new_score = np.empty(beam, dtype=np.int64)
        new_rec = np.empty(beam, dtype=np.int64)
        kept = 0
        for oi in range(ne):
            e = order[oi]
            si = e_state[e]
            pv = s_cur[si]
            cu = cand[e_cand[e]]
            dup = False
            for q in range(kept):  # recombination: same (prev, cur) already kept with a better score
                if new_prev[q] == pv and new_cur[q] == cu:
                    dup = True
                    break
            if dup:
                continue
            rec_cand[nrec] = e_cand[e] - offs[t]
            rec_parent[nrec] = s_rec[si]
            new_prev[kept] = pv
            new_cur[kept] = cu
            new_score[kept] = e_score[e]
            new_rec[kept] = nrec
            nrec += 1
            kept += 1
            if kept == beam:
                break
        s_prev, s_cur, s_score, s_rec, ns = new_prev, new_cur, new_score, new_rec, kept
    best, best_score = 0, np.int64(-(2**62))
    for si in range(ns):
        sc = s_score[si] + logprob(s_prev[si], s_cur[si], eos, t3, lp3, t2, lp2, bo2, lp1, bo1)
        if sc > best_score:
            best_score, best = sc, si
    out = np.zeros(n, dtype=np.int64)
    r = s_rec[best]
    for t in range(n - 1, -1, -1):
        out[t] = rec_cand[r]
        r = rec_parent[r]
    return out


class LanguageModel:
    """The trigram tables as stored by the build (hash slots), ready for the decoder."""

    NAMES = ("tri_table", "tri_lp", "bi_table", "bi_lp", "bi_bo", "uni_lp", "uni_bo")

    def __init__(self, npz_path):
        with np.load(npz_path) as z:
            self.tables = tuple(z[n] for n in self.NAMES)
        self.lp1 = self.tables[5]

    def decode(self, cand: np.ndarray, offs: np.ndarray, chan: np.ndarray, bos: int, eos: int, beam: int):
        return viterbi(cand, offs, chan, bos, eos, beam, *self.tables)

    def logprob(self, u: int, v: int, w: int) -> int:
        return int(logprob(u, v, w, *self.tables))
