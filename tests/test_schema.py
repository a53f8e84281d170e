"""The pydantic models must produce JSON the shared contract accepts, and reject what it rejects."""
import pytest
from pydantic import ValidationError

from extract.schema import Extraction, IndexTarget, Plan, Reference, Source, Task


def _plan(**kw):
    ex = Extraction(**kw)
    src = Source(file="x.txt", sha256="0" * 64, media_type="text/plain", pages=1,
                 text_origin="plain_text", diacritics="present")
    return Plan(source=src, document=ex.document, parent_plan=ex.parent_plan, references=ex.references,
                index_results=ex.index_results, index_targets=ex.index_targets, tasks=ex.tasks,
                warnings=ex.warnings)


def test_empty_plan_is_valid(validate_plan):
    validate_plan(_plan().to_json_dict())


def test_full_plan_is_valid(validate_plan):
    ref = Reference(doc_type="Kế hoạch", number="2163/KH-UBND", date="2025-07-12",
                    issuer="Ủy ban nhân dân tỉnh Cao Bằng")
    plan = _plan(
        parent_plan=ref, references=[ref],
        index_targets=[IndexTarget(index="SIPAS", metric="percent", comparator=">=", value=80)],
        tasks=[Task(source="body", id="2", lead=["Sở Nội vụ"])],
    )
    validate_plan(plan.to_json_dict())


def test_schema_rejects_unknown_index():
    with pytest.raises(ValidationError):
        IndexTarget(index="PAR-INDEX", metric="score", comparator=">=", value=1)


def test_validator_rejects_bad_date(validate_plan):
    d = _plan().to_json_dict()
    d["document"]["issue_date"] = "2025-13-45"
    with pytest.raises(AssertionError):
        validate_plan(d)
