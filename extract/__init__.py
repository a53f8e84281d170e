"""Extract stage: schema objects with evidence from normalised text."""
from extract.plan import extract_plan

__all__ = ["extract_plan"]
