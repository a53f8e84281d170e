from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KEHOACH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED} (set KEHOACH_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def plan_schema(shared_dir):
    return json.loads((shared_dir / "spec" / "plan.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate_plan(plan_schema):
    """Validate a plan dict against the shared contract; raises jsonschema.ValidationError."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(plan_schema, format_checker=jsonschema.FormatChecker())

    def _validate(obj: dict):
        errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.path))
        if errors:
            raise AssertionError("; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))

    return _validate


def have_tesseract() -> bool:
    return shutil.which("tesseract") is not None
