"""Normalize stage: clean NFC Vietnamese text with offsets back to source pages."""
from __future__ import annotations

import importlib

# Lazy: `normalize.restore` is loaded alone by `kehoach restore`; keep its start-up light.
_EXPORTS = {
    "normalize_document": "normalize.document",
    "NormalizeOptions": "normalize.options",
    "NormalizedDocument": "normalize.types",
    "NormalizedPage": "normalize.types",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'normalize' has no attribute {name!r}")
