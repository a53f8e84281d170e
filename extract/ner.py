"""The trained NER (models/ner/model, rebuilt by `make models`) as a helper for the rules.

Used where rules cannot tell where agency names end (`1. Giám đốc các sở, Thủ trưởng các ban,
ngành cấp tỉnh; Chủ tịch UBND cấp huyện ... tiếp tục nghiên cứu ...`). When the model has not been
built, `available()` is False and callers keep their rule-only behaviour.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner" / "model"


@lru_cache(maxsize=1)
def _nlp():
    if not (MODEL_DIR / "meta.json").exists():
        return None
    try:
        import spacy

        return spacy.load(MODEL_DIR)
    except Exception:  # a stale or partial model must not break extraction
        return None


def available() -> bool:
    return _nlp() is not None


def entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of ORG, LOC, PERSON, DATE, DOC_REF in `text` ([] without a model)."""
    nlp = _nlp()
    if nlp is None or not text.strip():
        return []
    return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]


def leading_agencies(text: str, max_gap: int = 6) -> Optional[tuple[list[str], int]]:
    """The agencies that open `text` (ORG entities separated only by `,`, `;`, `và`), and where they end."""
    names, end = [], 0
    for a, b, label in entities(text):
        gap = text[end:a]
        if label != "ORG" or len(gap) > max_gap or not re.fullmatch(r"[\s,;]*(?:và\s*)?(?:Đề nghị\s*)?", gap):
            break
        names.append(text[a:b])
        end = b
    return (names, end) if names else None
