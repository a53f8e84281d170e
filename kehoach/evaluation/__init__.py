"""Scoring predictions against gold annotations: `kehoach eval` (docs/evaluation.md)."""
