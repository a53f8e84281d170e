"""WER and CER of the restored page text against a hand-restored gold text (jiwer).

Both sides get the comparison normalisation (NFC, tone position ignored, whitespace
collapsed, an open hyphen glued to the next word); case and punctuation are kept, since the
restorer must keep them too. Counts, not rates, are kept per document so that the aggregate
is a corpus-level rate.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import jiwer

from kehoach.evaluation.textnorm import canonical, tidy

# A hyphen that ends a word before a line break or space ("PAR-\nINDEX", "57- NQ/TW") is glued
# to the next word on both sides: the pipeline re-joins wrapped lines, the gold keeps the print.
_OPEN_HYPHEN = re.compile(r"(?<=\w)-\s+(?=\w)")


@dataclass
class TextScore:
    ref_words: int
    word_errors: int
    ref_chars: int
    char_errors: int
    # (kind, expected, got) -> count, kind in substitute | delete | insert; shown as display text
    confusions: Counter = field(default_factory=Counter)

    @property
    def wer(self) -> float | None:
        return self.word_errors / self.ref_words if self.ref_words else None

    @property
    def cer(self) -> float | None:
        return self.char_errors / self.ref_chars if self.ref_chars else None


def prediction_text(plan: dict) -> str:
    pages = plan.get("pages") if isinstance(plan, dict) else None
    if not isinstance(pages, list):
        return ""
    ordered = sorted((p for p in pages if isinstance(p, dict)), key=lambda p: p.get("number") or 0)
    return "\n".join(str(p.get("text") or "") for p in ordered)


def score_text(gold_text: str, predicted_text: str) -> TextScore:
    ref_shown = tidy(_OPEN_HYPHEN.sub("-", gold_text or ""))
    hyp_shown = tidy(_OPEN_HYPHEN.sub("-", predicted_text or ""))
    ref, hyp = canonical(ref_shown), canonical(hyp_shown)
    if not ref:
        return TextScore(0, 0, 0, 0)
    if not hyp:  # nothing predicted: every reference word and character is deleted
        return TextScore(len(ref.split()), len(ref.split()), len(ref), len(ref))
    words = jiwer.process_words(ref, hyp)
    chars = jiwer.process_characters(ref, hyp)
    return TextScore(
        ref_words=words.hits + words.substitutions + words.deletions,
        word_errors=words.substitutions + words.deletions + words.insertions,
        ref_chars=chars.hits + chars.substitutions + chars.deletions,
        char_errors=chars.substitutions + chars.deletions + chars.insertions,
        confusions=_confusions(words, ref_shown.split(), hyp_shown.split()),
    )


def _confusions(words, ref_shown: list[str], hyp_shown: list[str]) -> Counter:
    """Which gold word became which predicted word, counted, as printed (the comparison keys
    and the displayed text split into the same words, one for one)."""
    ref, hyp = words.references[0], words.hypotheses[0]
    if len(ref) == len(ref_shown) and len(hyp) == len(hyp_shown):
        ref, hyp = ref_shown, hyp_shown
    out: Counter = Counter()
    for chunk in words.alignments[0]:
        r = ref[chunk.ref_start_idx:chunk.ref_end_idx]
        h = hyp[chunk.hyp_start_idx:chunk.hyp_end_idx]
        if chunk.type == "substitute":
            for a, b in zip(r, h):
                out[("substitute", tidy(a), tidy(b))] += 1
        elif chunk.type == "delete":
            out.update(("delete", tidy(a), "") for a in r)
        elif chunk.type == "insert":
            out.update(("insert", "", tidy(b)) for b in h)
    return out
