"""Pydantic models of the output contract (../shared/spec/plan.schema.json, version 1.x).

Field names and nullability mirror the JSON schema exactly; tests validate every output
against the shared schema itself, so a drift here fails CI.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

IndexName = Literal["PAR INDEX", "SIPAS", "PAPI", "PCI", "DTI", "SIPAS_LEADERS", "OTHER"]
Level = Literal["province", "department", "district", "commune", "ward", "other"]
Metric = Literal["score", "percent", "rank", "score_increase", "rank_increase"]
Comparator = Literal[">=", ">", "=", "<=", "<", "between"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(_Model):
    page: Optional[int] = None
    text: str


class OcrInfo(_Model):
    engine: str
    languages: str
    mean_confidence: Optional[float] = Field(default=None, ge=0, le=100)
    low_confidence_pages: list[int] = []


class Source(_Model):
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    media_type: str
    pages: Optional[int] = Field(default=None, ge=0)
    text_origin: Literal["ocr", "pdf_text_layer", "plain_text", "mixed"]
    diacritics: Literal["present", "restored"]
    ocr: Optional[OcrInfo] = None


class Issuer(_Model):
    name: Optional[str] = None
    superior: Optional[str] = None
    level: Optional[Level] = None
    province: Optional[str] = None


class Signer(_Model):
    name: Optional[str] = None
    position: Optional[str] = None


class Period(_Model):
    from_year: Optional[int] = None
    to_year: Optional[int] = None


class DocumentInfo(_Model):
    doc_type: Optional[str] = None
    number: Optional[str] = None
    title: Optional[str] = None
    issue_date: Optional[str] = None  # ISO 8601 date
    issue_place: Optional[str] = None
    issuer: Issuer = Issuer()
    signer: Signer = Signer()
    indices: list[IndexName] = []
    period: Period = Period()


class Reference(_Model):
    doc_type: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    subject: Optional[str] = None
    evidence: Optional[Evidence] = None


class IndexResult(_Model):
    index: IndexName
    component: Optional[str] = None
    year: Optional[int] = None
    scope: Optional[str] = None
    score: Optional[float] = None
    max_score: Optional[float] = None
    percent: Optional[float] = None
    rank: Optional[int] = None
    rank_total: Optional[int] = None
    evidence: Optional[Evidence] = None


class IndexTarget(_Model):
    index: IndexName
    component: Optional[str] = None
    year: Optional[int] = None
    metric: Metric
    comparator: Comparator
    value: float
    value_max: Optional[float] = None
    out_of: Optional[float] = None
    evidence: Optional[Evidence] = None


class Task(_Model):
    source: Literal["table", "body"]
    id: Optional[str] = None
    index: Optional[IndexName] = None
    area: Optional[str] = None
    content: Optional[str] = None
    target: Optional[str] = None
    actions: list[str] = []
    lead: list[str] = []
    partners: list[str] = []
    deadline: Optional[str] = None
    deadline_date: Optional[str] = None
    evidence: Optional[Evidence] = None


class PageOut(_Model):
    number: int
    text: str
    mean_confidence: Optional[float] = None


class Extraction(_Model):
    """What the extract stage produces from normalised text (everything but `source`)."""

    document: DocumentInfo = DocumentInfo()
    parent_plan: Optional[Reference] = None
    references: list[Reference] = []
    index_results: list[IndexResult] = []
    index_targets: list[IndexTarget] = []
    tasks: list[Task] = []
    warnings: list[str] = []


class Plan(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    document: DocumentInfo
    parent_plan: Optional[Reference]
    references: list[Reference]
    index_results: list[IndexResult]
    index_targets: list[IndexTarget]
    tasks: list[Task]
    pages: Optional[list[PageOut]] = None
    warnings: list[str]

    def to_json_dict(self) -> dict:
        # `pages` is optional in the contract: omit rather than emit null.
        return self.model_dump(mode="json", exclude_none=False, exclude={"pages"} if self.pages is None else set())
