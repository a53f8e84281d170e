"""Scalar fields of a plan: how each is read from the JSON and when two values agree."""
from __future__ import annotations

import math
from typing import Any, Callable

from kehoach.evaluation.textnorm import compact, expand_issuer, folded, similarity, tidy

# Titles, areas, contents and actions are "the same" at or above this character similarity
# (rapidfuzz normalised Indel on NFC, tone-position-free, case-folded text). 0.90 forgives a
# few wrong letters from OCR or restoration in a 60-character title, not a different title.
TEXT_THRESHOLD = 0.90


def get_path(obj: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def same_text(a, b) -> bool:
    return similarity(a, b) >= TEXT_THRESHOLD


def same_name(a, b) -> bool:
    return folded(a) == folded(b)


def same_issuer(gold, pred) -> bool:
    # Gold abbreviations are expanded; the prediction must spell them out (output contract).
    return folded(expand_issuer(gold)) == folded(pred)


def same_number(a, b) -> bool:
    return compact(a) == compact(b)


def same_exact(a, b) -> bool:
    return a == b


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=0.0, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def same_period(a, b) -> bool:
    a, b = a or {}, b or {}
    return same_value(a.get("from_year"), b.get("from_year")) and same_value(a.get("to_year"), b.get("to_year"))


def same_parent(gold, pred) -> bool:
    """parent_plan agrees by number + date + issuer (both null agrees)."""
    if not gold or not pred:
        return not gold and not pred
    return (same_number(gold.get("number"), pred.get("number"))
            and gold.get("date") == pred.get("date")
            and same_issuer(gold.get("issuer"), pred.get("issuer")))


def show(value: Any) -> str:
    """A value as it appears in the disagreement list."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}={show(v)}" for k, v in value.items() if v not in (None, [], ""))
    if isinstance(value, list):
        return " | ".join(show(v) for v in value)
    return tidy(str(value))


# field name (also its JSON path) -> comparison(gold, pred)
SCALAR_FIELDS: dict[str, Callable[[Any, Any], bool]] = {
    "document.doc_type": same_name,
    "document.number": same_number,
    "document.title": same_text,
    "document.issue_date": same_exact,
    "document.issue_place": same_name,
    "document.issuer.name": same_issuer,
    "document.issuer.superior": same_issuer,
    "document.issuer.level": same_exact,
    "document.issuer.province": same_name,
    "document.signer.name": same_name,
    "document.signer.position": same_name,
    "document.indices": lambda a, b: list(a or []) == list(b or []),
    "document.period": same_period,
    "parent_plan": same_parent,
}


def _parent_view(ref):
    if not ref:
        return None
    return {"number": ref.get("number"), "date": ref.get("date"), "issuer": ref.get("issuer")}


def field_value(plan: dict, name: str) -> Any:
    value = get_path(plan, name)
    return _parent_view(value) if name == "parent_plan" else value
