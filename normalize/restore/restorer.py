"""The restorer: noisy-channel decoding of a line of mark-less or English-OCR'd Vietnamese.

score(line) = log P_LM(syllables) + log P_channel(observed tokens | syllables), maximised by a
beam Viterbi over the whole line. Numbers, codes, URLs and acronyms are kept as they are (the
LM sees them as <num>/<unk>/the acronym), except acronyms that lost their Đ (HDND -> HĐND).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalize.restore.channel import Channel
from normalize.restore.decoder import LanguageModel
from normalize.restore.dot_below import DOT_WORD, FINAL_DOT_WORD, dot_word_parts
from normalize.restore.syllables import (
    BOS, CHUNK_RE, CODE_RE, EOS, NUM, NUMBER_RE, UNK, URL_RE, VIET_LETTERS, apply_case,
    has_vietnamese_marks, is_syllable_shape, normalize_tone, skeleton,
)
from normalize.restore.inventory import build_inventory
from normalize.restore.numbers import repair_ocr_numbers

# a word as OCR leaves it: letters with digits or @/& standing for marked vowels (s6, S@, ctia)
_OCR_JUNK = "@&¢©®£€¥§|"
_NUMBER_UNIT = re.compile(r"(\d{1,3}[.,]\d{1,4})([dđ])")
_LINE_NUMERAL = re.compile(r"\s*[IVX]{1,4}\.?(?=\s)")
_PIECE = re.compile(rf"[{VIET_LETTERS}0-9{_OCR_JUNK}]+|[^{VIET_LETTERS}0-9{_OCR_JUNK}]")
# English OCR writes a horn (ư, ơ) as an apostrophe: chu'c, thy’c, tt’ (từ), st?c (sức). Inside a
# word, or closing a word in a line that opens no single quote, it belongs to the word.
_HORN_MARKS = re.compile("[’'?]")
_HORN_LETTER = re.compile("[ưừứửữựơờớởỡợ]")
_SHORT_NUMBER = re.compile(r"^[0-9]{1,2}$")
_OPEN_QUOTE = re.compile(rf"(?:^|[\s(])[‘'`][{VIET_LETTERS}]")
_HORN_WORD = re.compile(rf"[{VIET_LETTERS}]+(?:[’'?][{VIET_LETTERS}]+)+[’']?|[{VIET_LETTERS}]+(?:[’']|(?<=[tiuvwTIUVW])\?)(?![{VIET_LETTERS}])")
_GLUED_NUM_WORD = re.compile(rf"^([0-9]+)([{VIET_LETTERS}]{{2,}})$")  # 14thang
_GLUED_WORD_NUM = re.compile(rf"^([{VIET_LETTERS}]{{2,}})([0-9]{{2,}})$")  # ngay30
_LETTERS = re.compile(rf"[{VIET_LETTERS}]")
_ACRONYM_PART = re.compile(r"[A-Z]{2,}")
_VOWEL = re.compile(r"[aeiouy]")
_LOWER_START = set("abcdefghijklmnopqrstuvwxyzđ")
_CODE_LIKE = re.compile(r"[0-9]{2,}")
# a number with one capital: a room, class or annex (3A, 12B); lower case may be a syllable
# English OCR misread (`4p dụng` = `áp dụng`, `1a` = `là`)
_NUMBER_LETTER = re.compile(r"^[0-9]+[A-Z]$")
_VOWEL_JUNK = "@&¢©®£€"  # symbols English OCR writes for marked vowels (not | or §: rules, signs)
_DIGIT_AND_JUNK = re.compile(rf"^(?=.*[0-9])(?=.*[{_VOWEL_JUNK}])[0-9{_VOWEL_JUNK}]{{2,3}}$")
_DIGITS_THEN_LETTERS = re.compile(rf"^[0-9]{{2}}[{VIET_LETTERS}]+$")  # 16i, 13y: lối, lấy in OCR


@dataclass
class RestoreResult:
    text: str
    lines_restored: int
    lines_total: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Piece:
    start: int
    end: int
    text: str  # observed text of the piece
    lm_id: int = -1  # fixed LM token when not decoded
    cands: list[tuple[int, float]] | None = None  # (vocab id, channel log-prob) when decoded
    out: str | None = None  # replacement for fixed pieces (acronym repair)
    prefix: str = ""  # inserted before the piece (space when splitting glued tokens)


class Restorer:
    COMMON_KEY_LP = -12.0  # unigram log-prob (nats) a key's best syllable needs to be a fuzzy candidate
    # glued-token split: the whole token is read badly, both halves well, and the halves (channel +
    # unigram) beat the best whole reading by GLUE_MARGIN nats
    GLUE_WHOLE_LP, GLUE_PART_LP, GLUE_MARGIN = -6.0, -3.0, 4.0
    TOP_KEY_LP = -8.0  # keys proposed two edits away from short forms
    FUZZY_LIMIT = 25  # fuzzy keys per token, nearest and then most frequent first
    P_FOR_CAPITAL_D_LP = -3.0  # log-prob of a capital Đ read as P: the seeds read it so about as often as D (-0.7), but
    # names of the uplands open with P (`Pa Tần`, `Pờ Tó`, `Pú Nhung`) and the gazetteer is no part of the restorer
    def __init__(self, model_dir: Path, beam: int = 8, max_candidates: int = 16, channel_weight: float = 1.0,
                 keep_cost: float | None = None):
        model_dir = Path(model_dir)
        self.vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.lm = LanguageModel(model_dir / "lm.npz")
        self.unigram = self.lm.lp1.astype(np.float64) / 1000.0
        channel = json.loads((model_dir / "channel.json").read_text(encoding="utf-8"))
        self.channel = Channel(channel["table"])
        self.acronyms: dict[str, str] = json.loads((model_dir / "acronyms.json").read_text(encoding="utf-8"))
        self.meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        inventory = build_inventory(self.vocab)
        self.inventory, self._upper_inventory, self._shaped = inventory.lower, inventory.upper, inventory.shaped
        self._known_acronyms = {k for k, v in self.acronyms.items() if k == v}  # DTI, PAPI, CCHC, STT
        # an acronym spelled like a syllable (CAC) is decoded, not protected: headings are upper case
        self.acronyms = {k: v for k, v in self.acronyms.items() if k != v or k.lower() not in self._upper_inventory}
        self._keys = sorted(self._upper_inventory)
        # keys of syllables seen often enough to be proposed for any OCR form one or two edits
        # away (dink -> định, tuat -> luật): the channel alone proposes only its likely confusions
        best_lp = {k: max(self.unigram[i] for i in ids) for k, ids in self._upper_inventory.items()}
        by_freq = sorted(self._keys, key=lambda k: -best_lp[k])  # ties in edit distance: frequent first
        self._common_keys = [k for k in by_freq if best_lp[k] > self.COMMON_KEY_LP]
        # the most frequent syllables (từ, thực, của) are proposed two edits away even for short forms
        self._top_keys = [k for k in by_freq if best_lp[k] > self.TOP_KEY_LP]
        self.beam = beam
        self.max_candidates = max_candidates
        # OCR forms are more ambiguous than stripped ones: wider search (validation renders)
        self.ocr_beam, self.ocr_max_candidates = 16, 32
        self.channel_weight = channel_weight
        self.fuzzy = True
        self.prune_margin = 12.0  # candidates whose channel score is this far below the best are dropped
        self.digit_word_lp: float | None = -3.0  # extra cost of reading a short number as a syllable
        self.keep_cost = keep_cost  # channel log-prob of leaving an out-of-vocabulary token as is
        self._bos, self._eos = self.index[BOS], self.index[EOS]
        self._unk, self._num = self.index[UNK], self.index[NUM]
        self._cand_cache: dict[tuple[str, bool], list[tuple[int, float]]] = {}
        self.restore_line("ke hoach")  # loads the compiled decoder now, not on the first real line

    # --- detection -------------------------------------------------------------------------
    def _words(self, line: str) -> list[str]:
        out = []
        for m in CHUNK_RE.finditer(line):
            chunk = m.group()
            if URL_RE.search(chunk) or CODE_RE.match(chunk.rstrip(".,;:)")):
                continue
            for piece in _PIECE.findall(chunk):
                if not _LETTERS.search(piece):
                    continue
                if self._is_acronym(piece):
                    continue
                out.append(piece)
        return out

    def needs_restoration(self, line: str, ocr_doc: bool = False) -> bool:
        """True for a line whose words are (nearly) all mark-less or English-OCR'd. In a document
        English OCR read, a marked word counts only if it is a Vietnamese word: the model's own
        accents (`Tham (cu) dàt 78,64 diém, dông hang`, no syllable ends in `-àt`) are no sign
        that the line was read with its marks."""
        words = self._words(line)
        if not words:
            return False
        if ocr_doc:
            marked = sum(has_vietnamese_marks(w) and normalize_tone(w.lower()) in self.index for w in words)
        else:
            marked = sum(has_vietnamese_marks(w) for w in words)
        return marked / len(words) < 0.2

    def _is_acronym(self, text: str) -> bool:
        """An upper-case token kept as it is: no word of the vocabulary, or no syllable and either
        a corpus acronym (DTI, PAPI, CCHC, PAR) or a long foreign word (INDEX), even when the corpus
        also has it in lower case. BO, CAC are syllables (headings are upper case); BG, VOL are
        capitals OCR damaged (BỘ, VỚI) and are decoded."""
        if not (text.isalpha() and text.isupper() and len(text) >= 2):
            return False
        if skeleton(text) not in self._upper_inventory:
            return True
        return (text in self._known_acronyms or len(text) >= 5) and not is_syllable_shape(text)

    # --- candidates --------------------------------------------------------------------------
    def candidates(self, observed: str, ocr: bool) -> list[tuple[int, float]]:
        key = (observed, ocr)
        hit = self._cand_cache.get(key)
        if hit is not None:
            return hit
        o = observed.lower()  # not tone-normalised: OCR marks sit where the glyphs were
        upper = observed.isupper()  # may be an acronym: any spelling, not only syllables
        inventory = self._upper_inventory if upper else self.inventory
        ids = list(inventory.get(skeleton(o), ()))
        if ocr:  # clean stripping changes no letter: only OCR needs the channel's other keys
            seen = set(ids)
            for k in self.channel.keys(o):
                for i in inventory.get(k, ()):
                    if i not in seen and (upper or self._shaped[i] or k == skeleton(o)):
                        seen.add(i)
                        ids.append(i)
        if ocr and self.fuzzy and len(o) >= 2:
            # common syllables one edit away (two for longer forms), scored by the channel below
            seen = set(ids)
            sk = _HORN_MARKS.sub("", skeleton(o))  # tt' -> tt, one edit from tu (từ)
            cutoff = 1 if len(sk) <= 3 else 2
            near = process.extract(sk, self._common_keys, scorer=Levenshtein.distance,
                                   score_cutoff=cutoff, limit=self.FUZZY_LIMIT)
            if cutoff == 1 and len(sk) >= 2:
                near += process.extract(sk, self._top_keys, scorer=Levenshtein.distance, score_cutoff=2, limit=self.FUZZY_LIMIT)
            for k, _, _ in near:
                for i in inventory.get(k, ()):
                    if i not in seen and (upper or self._shaped[i]) and self.unigram[i] > self.COMMON_KEY_LP:  # rare spellings: not this far
                        seen.add(i)
                        ids.append(i)
        if ocr and self.fuzzy and not ids and len(o) >= 3:
            # nothing found yet: any syllable within two edits (chute -> chức)
            for k, _, _ in process.extract(skeleton(o), self._keys, scorer=Levenshtein.distance, score_cutoff=2, limit=30):
                ids.extend(inventory.get(k, ()))
        if ocr:
            scored = [(i, self.channel.score(o, self.vocab[i])) for i in ids]
            if observed[:1] == "P" and len(o) >= 2:
                scored = self._capital_d_read_as_p(observed, scored)
        else:  # clean stripping: every spelling with this skeleton is equally likely
            sk = skeleton(o)
            scored = [(i, 0.0 if skeleton(self.vocab[i]) == sk else self.channel.score(o, self.vocab[i])) for i in ids]
        if scored:
            best = max(s for _, s in scored)
            scored = [(i, s) for i, s in scored if s >= best - self.prune_margin]
            scored.sort(key=lambda x: -(x[1] + self.unigram[x[0]]))
            scored = scored[: self.ocr_max_candidates if ocr else self.max_candidates]
            if ocr and o not in self.index and self.keep_cost is not None:
                # a word outside the vocabulary (a name, OCR garbage) may also stay as it is
                scored.append((self._unk, self.keep_cost))
        if len(self._cand_cache) > 200_000:
            self._cand_cache.clear()
        self._cand_cache[key] = scored
        return scored

    def _capital_d_read_as_p(self, observed: str, scored: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """English OCR reads a capital Đ as P about as often as D (the English-OCR seeds: `Pang`, `Poan`, `Pé`, `Pjc
        lap` for Đảng, Đoàn, Để, Độc lập; the channel, fitted on lower-case letters, never sees it): the words in đ the
        same token read with D could be, at the cost of the misreading."""
        best = dict(scored)
        for i, lp in self.candidates("D" + observed[1:], True):
            if self.vocab[i][:1] == "đ" and i not in (self._unk, self._num):
                best[i] = max(best.get(i, float("-inf")), lp + self.P_FOR_CAPITAL_D_LP)
        return list(best.items())

    # --- one line ----------------------------------------------------------------------------
    def _repair_acronym(self, token: str) -> str | None:
        fixed = self.acronyms.get(skeleton(token).upper())
        return fixed if fixed is not None and token.isupper() else None

    def _pieces(self, line: str, ocr: bool) -> list[_Piece]:
        pieces: list[_Piece] = []
        horn = ocr and not _OPEN_QUOTE.search(line)  # with a quote opened, a closing ' is a quote
        chunks = list(CHUNK_RE.finditer(line))
        for n, m in enumerate(chunks):
            chunk, base = m.group(), m.start()
            core = chunk.rstrip(".,;:)")
            if URL_RE.search(chunk):
                pieces.append(_Piece(base, m.end(), chunk, lm_id=self._unk))
                continue
            unit = _NUMBER_UNIT.fullmatch(core)
            if unit:  # `84,6d` (điểm, abbreviated): a number and its unit, no syllable (`độ`) read in the digits
                pieces.append(self._number_piece(unit.group(1), base, unit.group(1), ocr=False))
                pieces.append(_Piece(base + unit.end(1), base + len(core), unit.group(2), lm_id=self._unk))
                for j, ch in enumerate(chunk[len(core):]):
                    pieces.append(_Piece(base + len(core) + j, base + len(core) + j + 1, ch, lm_id=self.index.get(ch, self._unk)))
                continue
            if CODE_RE.match(core) or NUMBER_RE.match(core):
                fixed = _ACRONYM_PART.sub(lambda a: self._repair_acronym(a.group()) or a.group(), core)
                pieces.append(self._number_piece(core, base, fixed, ocr))
                for j, ch in enumerate(chunk[len(core):]):
                    pieces.append(_Piece(base + len(core) + j, base + len(core) + j + 1, ch, lm_id=self.index.get(ch, self._unk)))
                continue
            pos = 0
            lower_next = n + 1 < len(chunks) and chunks[n + 1].group()[:1] in _LOWER_START
            for hm in self._ocr_words(chunk, ocr, horn, lower_next) + [None]:
                stop = hm.start() if hm else len(chunk)
                for pm in _PIECE.finditer(chunk, pos, stop):
                    self._add_piece(pieces, pm.group(), base + pm.start(), ocr)
                if hm:
                    self._add_ocr_word(pieces, hm, base, ocr)
                    pos = hm.end()
        return pieces

    def _ocr_words(self, chunk: str, ocr: bool, horn: bool, lower_next: bool) -> list[re.Match]:
        """Words whose apostrophe (horn) or full stop (dot below) English OCR put there; a stop
        closing the chunk only when the next word starts in lower case (no sentence starts so)."""
        found = list(_HORN_WORD.finditer(chunk)) if horn else []
        if ocr:
            dots = list(DOT_WORD.finditer(chunk)) + (list(FINAL_DOT_WORD.finditer(chunk)) if lower_next else [])
            found += [m for m in dots if not any(h.start() < m.end() and m.start() < h.end() for h in found)
                      and dot_word_parts(m.group(), self._is_syllable)]
        return sorted(found, key=lambda m: m.start())

    def _add_ocr_word(self, pieces: list[_Piece], m: re.Match, base: int, ocr: bool) -> None:
        if "." not in m.group():
            pieces.append(self._word_piece(m.group(), base + m.start(), ocr))
            return
        parts = dot_word_parts(m.group(), self._is_syllable)
        if len(parts) == 1:  # `da.t`: one syllable over the whole span
            pieces.append(self._word_piece(parts[0], base + m.start(), ocr, end=base + m.end()))
            return
        stop = base + m.group().index(".") + 1  # `dia.phuong`: the stop is the first word's mark
        pieces.append(self._word_piece(parts[0], base + m.start(), ocr, end=stop))
        pieces.append(self._word_piece(parts[1], stop, ocr))
        pieces[-1].prefix = " "

    def _is_syllable(self, text: str) -> bool:
        return skeleton(text.lower()) in self.inventory

    def _add_piece(self, pieces: list[_Piece], text: str, start: int, ocr: bool) -> None:
        end = start + len(text)
        if ocr and _DIGIT_AND_JUNK.match(text):  # 1€, 1¢: lệ, lề misread; no number is written so
            pieces.append(self._number_or_word(text, start, None))
            return
        if not _LETTERS.search(text):
            lm = self._num if text[0].isdigit() else self.index.get(text, self._unk)
            pieces.append(_Piece(start, end, text, lm_id=lm))
            return
        glued = _GLUED_NUM_WORD.match(text) or _GLUED_WORD_NUM.match(text)
        word = glued and (glued.group(2) if glued.group(1)[0].isdigit() else glued.group(1))
        # ngay30, 14thang, NGAY30; not codes such as TK04, QH14 (no vowel: not a syllable)
        # one letter beside a number is a code or a room (3A, 12B, 29A), never a glued syllable
        if glued and len(word) > 1 and _VOWEL.search(skeleton(word)) and skeleton(word) in self.inventory:
            a, b = glued.group(1), glued.group(2)
            if ocr and a[0].isdigit() and b.islower() and self._reads_whole(text, a, b):  # 1am = làm, not 1 âm
                pieces.append(self._number_or_word(text, start, None))
                return
            self._add_piece(pieces, a, start, ocr)
            n = len(pieces)
            self._add_piece(pieces, b, start + len(a), ocr)
            pieces[n].prefix = " "
            return
        if ocr and _DIGITS_THEN_LETTERS.match(text):  # 16i, 13y: a code, or lối, lấy misread
            pieces.append(self._number_or_word(text, start, 0.0))  # neither form is a usual number
            return
        if _CODE_LIKE.search(text) or _NUMBER_LETTER.match(text):  # QH14, TK04, 3A: a code, kept
            pieces.append(_Piece(start, end, text, lm_id=self._num))
            return
        fixed = self._repair_acronym(text) if len(text) >= 2 else None
        if fixed is not None:
            pieces.append(_Piece(start, end, text, lm_id=self.index.get(fixed.lower(), self._unk), out=fixed))
            return
        cut = self._glued_split(text) if ocr else None
        if cut:  # two syllables OCR glued together (CHUNGHIA, surdung)
            self._add_piece(pieces, text[:cut], start, ocr)
            n = len(pieces)
            self._add_piece(pieces, text[cut:], start + cut, ocr)
            pieces[n].prefix = " "
            return
        if self._is_acronym(text):
            # VND: VND or VNĐ, the LM decides; never a syllable (DTI is not đủ)
            spellings = [i for i in self._upper_inventory.get(skeleton(text), []) if not self._shaped[i]]
            if len(spellings) > 1:
                pieces.append(_Piece(start, end, text, cands=[(i, self.channel.score(text.lower(), self.vocab[i])) for i in spellings]))
            else:
                pieces.append(_Piece(start, end, text, lm_id=self.index.get(text.lower(), self._unk)))
            return
        pieces.append(self._word_piece(text, start, ocr))

    def _glued_split(self, text: str) -> int | None:
        """Where to cut a long OCR token that no syllable explains but two common ones do well,
        or None. Both halves need a candidate read with few changes (channel >= GLUE_PART_LP)."""
        if len(text) < (6 if text.isupper() else 5) or not text.isalpha():
            return None
        whole = self.candidates(text, True)
        if whole and max(s for _, s in whole) > self.GLUE_WHOLE_LP:
            return None
        whole_best = max((s + self.unigram[i] for i, s in whole), default=float("-inf"))

        def part(t: str) -> float | None:
            good = [s + self.unigram[i] for i, s in self.candidates(t, True)
                    if s >= self.GLUE_PART_LP and self.unigram[i] > self.COMMON_KEY_LP]
            return max(good) if good else None

        best, cut = None, None
        for k in range(2, len(text) - 1):
            if not (_VOWEL.search(skeleton(text[:k])) and _VOWEL.search(skeleton(text[k:]))):
                continue  # a syllable has a vowel
            a, b = part(text[:k]), part(text[k:])
            if a is not None and b is not None and (best is None or a + b > best):
                best, cut = a + b, k
        return cut if best is not None and best > whole_best + self.GLUE_MARGIN else None

    def _reads_whole(self, text: str, digits: str, word: str) -> bool:
        """Digits glued to letters in OCR: one syllable misread (1am = làm, 1én = lên) rather than
        a number and a word (14thang = 14 tháng) when the whole token reads well (channel
        >= GLUE_WHOLE_LP) and better than the number and the word (channel + unigram)."""
        whole = [s + self.unigram[i] for i, s in self.candidates(text, True)
                 if s >= self.GLUE_WHOLE_LP and self._shaped[i]]
        if not whole:
            return False
        part = max((s + self.unigram[i] for i, s in self.candidates(word, True)), default=float("-inf"))
        return max(whole) > self.unigram[self._num] + part

    def _number_or_word(self, text: str, start: int, word_cost: float | None) -> _Piece:
        """A token that is a number/code or a syllable whose letters OCR read as digits
        (6 -> ở, 16 -> lệ, 13y -> lấy): the LM weighs both; the number is kept as written.
        word_cost None: no number reading (1am, 1€), only syllables."""
        floor = -9.0 if word_cost is not None else float("-inf")  # a number stays unless clearly a word
        words = [(i, s + (word_cost or 0.0)) for i, s in self.candidates(text, True) if s > floor and self._shaped[i]]
        if not words:
            return _Piece(start, start + len(text), text, lm_id=self._num)
        return _Piece(start, start + len(text), text, cands=([] if word_cost is None else [(self._num, 0.0)]) + words)

    def _number_piece(self, core: str, start: int, fixed: str, ocr: bool) -> _Piece:
        """A number or code. In OCR text a lone one- or two-digit number may be a syllable whose
        marked vowel OCR read as a digit (6 -> ở, 14 -> là): the LM weighs both readings."""
        if not (ocr and self.digit_word_lp is not None and _SHORT_NUMBER.match(core)):
            return _Piece(start, start + len(core), core, lm_id=self._num, out=fixed)
        return self._number_or_word(core, start, self.digit_word_lp)

    def _word_piece(self, text: str, start: int, ocr: bool, end: int | None = None) -> _Piece:
        """A word to decode; kept as it is when nothing in the inventory can explain it. `end`
        when the observed `text` is not the span's letters (`da.t` observed as `dạt`)."""
        end = start + len(text) if end is None else end
        cands = self.candidates(text, ocr)
        if not cands:
            return _Piece(start, end, text, lm_id=self.index.get(text.lower(), self._unk))
        return _Piece(start, end, text, cands=cands)

    def _looks_ocr(self, line: str) -> bool:
        """English-OCR traces: accented letters, digits/@/& inside words, a dot below read as a stop."""
        return bool(re.search(r"[^\x00-\x7f]", line) or re.search(rf"[a-zA-Z][0-9{_OCR_JUNK}]|[0-9{_OCR_JUNK}][a-zA-Z]", line)
                    or any(dot_word_parts(m.group(), self._is_syllable) for m in DOT_WORD.finditer(line)))

    def restore_line(self, line: str, channel: str = "auto") -> str:
        """Restore one line; `channel` is "ocr", "stripped" or "auto" (decided from the line). A Roman numeral
        opening the line (`I    CHỈ SỐ CCHC`, `II. KẾT QUẢ`) is no word: kept as printed (not `Ì`)."""
        numeral = _LINE_NUMERAL.match(line)
        restored = self._restore_line(line, channel)
        if numeral and restored[:numeral.end()] != line[:numeral.end()] and len(restored) >= numeral.end():
            restored = line[:numeral.end()] + restored[numeral.end():]
        return restored

    def _restore_line(self, line: str, channel: str) -> str:
        ocr = self._looks_ocr(line) if channel == "auto" else channel == "ocr"
        if ocr:
            line = repair_ocr_numbers(line)  # 84 ,48% -> 84,48%; 8l,73% -> 81,73% (a `]` is never guessed)
        pieces = self._pieces(line, ocr)
        if not any(p.cands for p in pieces):
            return self._assemble(line, pieces, [])
        cand, offs, chan = [], [0], []
        w = 1000.0 * self.channel_weight
        for p in pieces:
            if p.cands:
                for i, s in p.cands:
                    cand.append(i)
                    chan.append(int(round(s * w)))
            else:
                cand.append(p.lm_id)
                chan.append(0)
            offs.append(len(cand))
        best = self.lm.decode(
            np.asarray(cand, dtype=np.int64), np.asarray(offs, dtype=np.int64),
            np.asarray(chan, dtype=np.int64), self._bos, self._eos, self.ocr_beam if ocr else self.beam,
        )
        return self._assemble(line, pieces, best, ocr)

    @staticmethod
    def _ocr_case(pieces: list[_Piece], t: int, word: str, cased: str) -> str:
        """English OCR reads a marked capital-height vowel as a capital (Bộ -> BO, Số -> SO) and
        misreads a lower-case l as a capital (là -> Ja, lực -> Tue): a lone upper-case word among
        lower-case ones is title case, and a misread l keeps its case only at the start of a line."""
        text = pieces[t].text
        words = [q.text for q in pieces if _LETTERS.search(q.text)]
        k = sum(1 for q in pieces[:t] if _LETTERS.search(q.text))
        if 1 < len(text) <= 4 and cased.isupper() and has_vietnamese_marks(word.replace("đ", "")):
            near = words[max(k - 1, 0) : k] + words[k + 1 : k + 2]
            if near and all(sum(c.islower() for c in w) > sum(c.isupper() for c in w) for w in near):
                return word[:1].upper() + word[1:]
        if text[:1].isupper() and k > 0 and word[:1] == "l" and text[:1] != "L":  # Ja, Tue, Hén
            return word
        return cased

    def _assemble(self, line: str, pieces: list[_Piece], best, ocr: bool = False) -> str:
        out, pos = [], 0
        for t, p in enumerate(pieces):
            out.append(line[pos : p.start])
            out.append(p.prefix)
            if p.cands:
                chosen = p.cands[int(best[t])][0]
                if chosen in (self._unk, self._num):
                    out.append(p.text)
                else:
                    word = self.vocab[chosen]
                    cased = apply_case(p.text, word)
                    out.append(self._ocr_case(pieces, t, word, cased) if ocr else cased)
                    if p.text.endswith("?") and not _HORN_LETTER.search(word):
                        out.append("?")  # a real question mark (gì?), not a horn
            else:
                out.append(p.out if p.out is not None else p.text)
            pos = p.end
        out.append(line[pos:])
        return "".join(out)

    def restore_text(self, text: str, mode: str = "auto") -> RestoreResult:
        """Restore every line that needs it (mode="auto") or every line (mode="always");
        mode="never" gives the text back unchanged."""
        if mode not in ("auto", "always", "never"):
            raise ValueError(f"restore mode must be auto, always or never, not {mode!r}")
        lines = text.split("\n")
        if mode == "never":
            return RestoreResult(text, 0, len(lines))
        ocr_doc = sum(self._looks_ocr(l) for l in lines) >= max(1, 0.2 * sum(bool(l.strip()) for l in lines))
        out, restored, warnings = [], 0, []
        for n, line in enumerate(lines, 1):
            if not line.strip() or (mode == "auto" and not self.needs_restoration(line, ocr_doc)):
                out.append(line)
                continue
            try:
                new = self.restore_line(line, "ocr" if ocr_doc else "auto")
            except Exception as exc:  # one bad line never loses the document
                warnings.append(f"restore: line {n} kept as is ({type(exc).__name__}: {exc})")
                new = line
            restored += new != line
            out.append(new)
        return RestoreResult("\n".join(out), restored, len(lines), warnings)
