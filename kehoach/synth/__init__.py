"""Synthetic plans for testing: seeded plan text + gold (`plan_text`), rendered to text PDFs and
degraded scans (`render`, `degrade`), written with their gold by `python -m kehoach.synth`."""
from kehoach.synth.plan_text import SyntheticPlan, generate_plan

__all__ = ["SyntheticPlan", "generate_plan"]
