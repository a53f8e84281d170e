"""Channel model: log P(observed OCR token | Vietnamese syllable), letter by letter.

Each letter of the syllable becomes 0, 1 or 2 observed characters (`ố`->`6`, `ủ`->`ti`,
`ư`->`w`, `đ`->`d`) with probabilities learned from English-OCR'd renderings of corpus text
(models/restorer/channel_fit.py). A token's score is the best alignment under that table.
The same table, read backwards, proposes which mark-less spellings an observed token may stand
for, so that candidates are found even when OCR changed letters (`ctia` -> key `cua`).
"""
from __future__ import annotations

import itertools
from functools import lru_cache

from normalize.restore.syllables import skeleton

FLOOR_SUB = -9.0  # a letter read as an unrelated single character
FLOOR_DEL = -9.5  # a letter lost
FLOOR_TWO = -11.0  # a letter read as two unrelated characters
FLOOR_INS = -9.5  # a spurious observed character
# A marked vowel the English model cannot name often comes out as a digit or symbol (ố->6,
# ở->&, ệ->¢); renderings show a few of these, real scans many more: a generic prior.
SYMBOL_FOR_VOWEL = -5.0
SYMBOLS = "0123456789@&¢©®£€¥§|"
VOWEL_SKELETONS = "aeiouy"


class Channel:
    def __init__(self, table: dict[str, dict[str, float]], reverse_min_logp: float = -5.0):
        self.table = table
        # observed segment -> skeleton letters it may stand for (beyond the obvious one)
        reverse: dict[str, set[str]] = {}
        for letter, segs in table.items():
            sk = skeleton(letter)
            for seg, lp in segs.items():
                if lp >= reverse_min_logp and skeleton(seg) != sk:
                    reverse.setdefault(seg, set()).add(sk)
        for sym in SYMBOLS:
            reverse.setdefault(sym, set()).update(VOWEL_SKELETONS)
        self.reverse = {k: sorted(v) for k, v in reverse.items()}
        # letters OCR often drops (ơ in được -> duc): candidate keys may put them back
        self.droppable = sorted({skeleton(l) for l, segs in table.items() if segs.get("", -99.0) >= reverse_min_logp})
        self.vowel_floor = FLOOR_SUB
        self.direct_threshold = float("-inf")  # equal lengths: letter by letter, no DP (measured: same WER)
        self._score = lru_cache(maxsize=400_000)(self._score_uncached)

    def _sub(self, letter: str, seg: str) -> float:
        row = self.table.get(letter)
        if row is not None and seg in row:
            lp = row[seg]
            if len(seg) == 1 and seg in SYMBOLS and skeleton(letter) in VOWEL_SKELETONS:
                return max(lp, SYMBOL_FOR_VOWEL)
            return lp
        if len(seg) == 1 and seg in SYMBOLS and skeleton(letter) in VOWEL_SKELETONS:
            return SYMBOL_FOR_VOWEL
        if len(seg) == 1 and letter != skeleton(letter) and skeleton(seg) in VOWEL_SKELETONS:
            return self.vowel_floor  # a marked vowel read as another vowel (ă -> i)
        if len(seg) == 0:
            return FLOOR_DEL
        if len(seg) == 1:
            return 0.0 if seg == letter and row is None else FLOOR_SUB
        return FLOOR_TWO

    def score(self, observed: str, syllable: str) -> float:
        return self._score(observed, syllable)

    def _score_uncached(self, o: str, s: str) -> float:
        if len(o) == len(s):  # the usual case: one observed character per letter
            direct = sum(self._sub(a, b) for a, b in zip(s, o))
            if direct > self.direct_threshold:
                return direct
        return self.align(o, s)[0]

    def align(self, o: str, s: str, want_path: bool = False) -> tuple[float, list[tuple[str, str]]]:
        """Best alignment of syllable `s` to observed `o`: log-prob and, if asked, the
        (letter, observed segment) operations (spurious characters left out)."""
        n, m = len(s), len(o)
        neg = -1e9
        dp = [[neg] * (m + 1) for _ in range(n + 1)]
        back: dict[tuple[int, int], tuple[int, int]] = {}
        dp[0][0] = 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                cur = dp[i][j]
                if cur <= neg:
                    continue
                if j < m and cur + FLOOR_INS > dp[i][j + 1]:  # spurious observed char
                    dp[i][j + 1] = cur + FLOOR_INS
                    back[(i, j + 1)] = (i, j)
                if i < n:
                    for k in (0, 1, 2):
                        if j + k <= m:
                            v = cur + self._sub(s[i], o[j : j + k])
                            if v > dp[i + 1][j + k]:
                                dp[i + 1][j + k] = v
                                back[(i + 1, j + k)] = (i, j)
        ops: list[tuple[str, str]] = []
        if want_path and dp[n][m] > neg:
            cell = (n, m)
            while cell != (0, 0):
                prev = back[cell]
                if prev[0] < cell[0]:
                    ops.append((s[prev[0]], o[prev[1] : cell[1]]))
                cell = prev
            ops.reverse()
        return dp[n][m], ops

    def keys(self, observed: str, max_edits: int = 2) -> set[str]:
        """Mark-less spellings the observed token may come from (its own skeleton first)."""
        o = observed.lower()
        base = skeleton(o)
        out = {base}
        # options per position: (length consumed in o, replacement skeleton text)
        options: list[list[tuple[int, str]]] = []
        for j in range(len(o)):
            opts = []
            for k in (1, 2):
                seg = o[j : j + k]
                if len(seg) == k and seg in self.reverse:
                    opts.extend((k, r) for r in self.reverse[seg])
            options.append(opts)
        for p in range(1, len(base) + 1):
            for x in self.droppable:
                out.add(base[:p] + x + base[p:])
        if self.vowel_floor > FLOOR_SUB:  # one vowel read as another (nim -> nam)
            for p, ch in enumerate(base):
                if ch in VOWEL_SKELETONS:
                    for x in VOWEL_SKELETONS:
                        out.add(base[:p] + x + base[p + 1 :])
        edit_positions = [j for j, opts in enumerate(options) if opts]
        for n_edits in range(1, max_edits + 1):
            for combo in itertools.combinations(edit_positions, n_edits):
                for choice in itertools.product(*(options[j] for j in combo)):
                    ok, parts, j, c = True, [], 0, 0
                    while j < len(o):
                        if c < len(combo) and combo[c] == j:
                            k, rep = choice[c]
                            parts.append(rep)
                            j += k
                            c += 1
                        elif c < len(combo) and combo[c] < j:
                            ok = False  # overlapping two-character segments
                            break
                        else:
                            parts.append(skeleton(o[j]))
                            j += 1
                    if ok and c == len(combo):
                        out.add("".join(parts))
                if len(out) > 200:
                    return out
        return out


def default_table() -> dict[str, dict[str, float]]:
    """Prior before learning: a marked letter is read as itself or without its marks."""
    import math

    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    table: dict[str, dict[str, float]] = {}
    for c in letters:
        sk = skeleton(c)
        if c == sk:
            table[c] = {c: math.log(0.95)}
        else:
            table[c] = {c: math.log(0.3), sk: math.log(0.6)}
    for c in "bcdghklmnpqrstvx":
        table[c] = {c: math.log(0.97)}
    return table
