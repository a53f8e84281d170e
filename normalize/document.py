"""normalize_document: DocumentText (pages from OCR, a text layer or a text file) -> NormalizedDocument.

Steps, each page on its own so offsets map back to source pages:
  1. spacing clean-up, NFC and one tone-placement convention (`hòa`, `ủy`);
  2. page furniture removed (page numbers, repeated headers/footers/links);
  3. diacritics restored line by line where the source lost them (normalize.restore, when present);
  4. wrapped paragraph lines joined and codes broken at a hyphen re-joined.
"""
from __future__ import annotations

import re

from kehoach.errors import KehoachError
from normalize.furniture import remove_furniture
from normalize.options import NormalizeOptions
from normalize.text import (clean_line_spacing, join_wrapped_lines, normalize_tone_placement, repair_digit_lookalikes,
                            repair_table_rules)
from normalize.types import NormalizedDocument
from ocr.types import DocumentText

_WORD = re.compile(r"[^\W\d_]{2,}")
# Below this share of syllables with a Vietnamese diacritic, a text has lost its diacritics
# (real Vietnamese prose: ~60-70 %; English-model OCR: 10-25 %).
LOST_DIACRITICS_SHARE = 0.3
RESTORED_SHARE_GAIN = 0.05  # words newly carrying a mark after restoration, as a share of all words


def diacritic_share(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 1.0
    return sum(1 for w in words if not w.isascii()) / len(words)


def _restore_pages(pages: list[str], mode: str) -> tuple[list[str], int, list[str]]:
    """Restore diacritics page by page; (pages, lines restored, warnings). Never raises."""
    try:
        from normalize.restore import get_restorer
    except ImportError:
        return pages, 0, ["diacritic restorer not available (normalize.restore not installed); text kept as read"]
    try:
        restorer = get_restorer()
    except KehoachError as exc:
        return pages, 0, [f"diacritic restorer not available ({exc.message}); text kept as read"]
    out, restored, warnings = [], 0, []
    for number, text in enumerate(pages, start=1):
        try:
            result = restorer.restore_text(text, mode)
        except Exception as exc:  # one bad page must not kill the document
            warnings.append(f"page {number}: diacritic restoration failed ({type(exc).__name__}: {exc}); kept as read")
            out.append(text)
            continue
        out.append(result.text)
        restored += result.lines_restored
    return out, restored, warnings


def normalize_document(doc: DocumentText, options: NormalizeOptions = NormalizeOptions()) -> NormalizedDocument:
    warnings: list[str] = []
    pages = [normalize_tone_placement(repair_digit_lookalikes(repair_table_rules(clean_line_spacing(p.text))))
             for p in doc.pages]
    if options.remove_furniture:
        pages, furniture_warnings = remove_furniture(pages)
        warnings += furniture_warnings

    source_share = diacritic_share("\n".join(pages))
    diacritics = "present"
    if options.restore != "never":
        pages, restored, restore_warnings = _restore_pages(pages, options.restore)
        warnings += restore_warnings
        if restored:
            pages = [normalize_tone_placement(p) for p in pages]
            warnings.append(f"diacritics restored on {restored} line(s)")
            # `restored` is a claim about the source: it had lost its marks. A few short lines of a
            # normal text (`chí`, `TTHC.`) passing through the restorer do not make it so.
            if diacritic_share("\n".join(pages)) - source_share >= RESTORED_SHARE_GAIN:
                diacritics = "restored"
    if diacritics == "present" and source_share < LOST_DIACRITICS_SHARE:
        warnings.append(
            f"the text has lost most of its diacritics ({source_share:.0%} of words carry one) and they were "
            "not restored; names and titles are given as read"
        )

    pages = [join_wrapped_lines(p, dehyphenate=options.dehyphenate) for p in pages]
    numbered = [(p.number, text) for p, text in zip(doc.pages, pages)]
    return NormalizedDocument.from_pages(numbered, diacritics=diacritics, warnings=warnings, source=doc)
