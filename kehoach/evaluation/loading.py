"""Pairing prediction and gold files by name, and reading them without ever raising.

A prediction that is missing, unparsable or invalid against the contract is reported as such
and scored as an empty plan, so each of its gold items counts as a miss.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from extract.schema import Plan

_REPO = Path(__file__).resolve().parents[2]


def find_schema() -> Path | None:
    """The shared contract, when it can be found (KEHOACH_SHARED or ../shared next to the repo)."""
    candidates = []
    if os.environ.get("KEHOACH_SHARED"):
        candidates.append(Path(os.environ["KEHOACH_SHARED"]) / "spec" / "plan.schema.json")
    candidates.append(_REPO.parent / "shared" / "spec" / "plan.schema.json")
    return next((p for p in candidates if p.is_file()), None)


@dataclass
class LoadedPlan:
    data: dict  # the plan as a dict; {} when it could not be used
    status: str  # ok | missing | unparsable | invalid
    problems: list[str] = field(default_factory=list)


@dataclass
class DocumentPair:
    name: str  # file stem, e.g. 000_f678a7199dd3c216
    gold: dict
    gold_meta: dict
    pred: LoadedPlan
    gold_text: str | None = None


class PlanValidator:
    """jsonschema against the shared contract when present, else the pydantic mirror of it."""

    def __init__(self, schema_path: Path | None = None):
        self._validator = None
        schema_path = schema_path or find_schema()
        if schema_path is not None:
            import jsonschema

            schema = json.loads(schema_path.read_text(encoding="utf-8"))
            self._validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    def problems(self, obj: dict) -> list[str]:
        if self._validator is not None:
            errors = sorted(self._validator.iter_errors(obj), key=lambda e: [str(p) for p in e.path])
            return [f"{'/'.join(str(p) for p in e.path) or '<root>'}: {e.message}" for e in errors[:10]]
        try:
            Plan.model_validate(obj)
        except ValidationError as exc:
            return [f"{'/'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:10]]
        return []


def read_prediction(path: Path, validator: PlanValidator) -> LoadedPlan:
    if not path.is_file():
        return LoadedPlan({}, "missing", [f"no prediction file {path.name}"])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return LoadedPlan({}, "unparsable", [f"{type(exc).__name__}: {exc}"])
    if not isinstance(data, dict):
        return LoadedPlan({}, "invalid", ["top level is not a JSON object"])
    problems = validator.problems(data)
    if problems:
        return LoadedPlan({}, "invalid", problems)
    return LoadedPlan(data, "ok")


def read_gold(path: Path) -> tuple[dict, dict, list[str]]:
    """(gold plan without gold_meta, gold_meta, problems). Gold is trusted but read defensively."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, {}, [f"gold {path.name} unreadable: {exc}"]
    if not isinstance(data, dict):
        return {}, {}, [f"gold {path.name}: top level is not an object"]
    meta = data.pop("gold_meta", None) or {}
    return data, meta if isinstance(meta, dict) else {}, []


def load_pairs(pred_dir: Path, gold_dir: Path, gold_text_dir: Path | None = None,
               validator: PlanValidator | None = None) -> tuple[list[DocumentPair], list[str]]:
    """Every gold `<name>.json` (and every gold text `text/<name>.txt`) paired with
    `pred_dir/<name>.json`, in name order. A gold text without a gold JSON scores the text only."""
    validator = validator or PlanValidator()
    gold_text_dir = gold_text_dir or gold_dir / "text"
    json_names = {p.stem: p for p in gold_dir.glob("*.json")}
    text_names = {p.stem: p for p in gold_text_dir.glob("*.txt")} if gold_text_dir.is_dir() else {}
    pairs, problems = [], []
    for name in sorted(set(json_names) | set(text_names)):
        if name in json_names:
            gold, meta, gold_problems = read_gold(json_names[name])
            problems.extend(gold_problems)
            if gold_problems:
                continue
        else:
            gold, meta = {}, {"complete": ["text"], "notes": "gold text only"}
        gold_text = text_names[name].read_text(encoding="utf-8") if name in text_names else None
        pairs.append(DocumentPair(name, gold, meta, read_prediction(pred_dir / f"{name}.json", validator), gold_text))
    scored = {p.name for p in pairs}
    extra = sorted({p.stem for p in pred_dir.glob("*.json")} - scored) if pred_dir.is_dir() else []
    if extra:
        problems.append(f"{len(extra)} prediction(s) without gold, not scored: {', '.join(extra[:10])}")
    return pairs, problems
