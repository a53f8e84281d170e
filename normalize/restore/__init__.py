"""Diacritic restoration for mark-less and English-OCR'd Vietnamese.

    from normalize.restore import get_restorer
    r = get_restorer()                       # loads models/restorer/ once
    r.needs_restoration("Chi s6 cai cach")   # True
    r.restore_line("Chi s6 cai cach")        # "Chỉ số cải cách"
    r.restore_text(text, mode="auto")        # RestoreResult(text, lines_restored, lines_total)
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from kehoach.errors import MissingDependencyError
from normalize.restore.restorer import RestoreResult, Restorer

MODEL_FILES = ("lm.npz", "vocab.txt", "channel.json", "acronyms.json", "meta.json")
_lock = threading.Lock()
_cache: dict[Path, Restorer] = {}


def default_model_dir() -> Path:
    env = os.environ.get("KEHOACH_RESTORER_MODEL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "models" / "restorer"


def get_restorer(model_dir: str | Path | None = None) -> Restorer:
    """The restorer for `model_dir` (default models/restorer/), loaded once per process."""
    path = Path(model_dir) if model_dir else default_model_dir()
    with _lock:
        if path not in _cache:
            missing = [f for f in MODEL_FILES if not (path / f).exists()]
            if missing:
                raise MissingDependencyError(
                    f"diacritic restorer model missing in {path} ({', '.join(missing)})",
                    "run `make models` (python -m models.restorer.build --corpus ../shared/corpus --out models/restorer)",
                )
            _cache[path] = Restorer(path)
        return _cache[path]


__all__ = ["get_restorer", "Restorer", "RestoreResult", "default_model_dir"]
