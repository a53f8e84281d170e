"""PLACEHOLDER (owned by the task-assignment work)."""
from __future__ import annotations


def extract_tasks(doc) -> tuple[list, list[str]]:
    """-> (tasks, warnings) from a NormalizedDocument (text and, via doc.source, OCR'd tables)."""
    return [], []
