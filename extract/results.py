"""PLACEHOLDER (owned by the index results/targets work)."""
from __future__ import annotations


def extract_results_and_targets(doc) -> tuple[list, list, list[str]]:
    """-> (index_results, index_targets, warnings) from a NormalizedDocument."""
    return [], [], []
