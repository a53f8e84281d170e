"""The linear driver: one document in, one schema-valid Plan out.

read (OCR or text layer or text file) -> normalize -> extract -> assemble.
Stages return warnings as data; only a document that cannot be read at all raises.
"""
from __future__ import annotations

from pathlib import Path

from extract import extract_plan
from extract.schema import OcrInfo, PageOut, Plan, Source
from kehoach.config import PipelineConfig
from kehoach.inputs import sha256_file  # noqa: F401 (kehoach.synth.scan takes it from here)
from kehoach.media import sniff_media_type
from normalize import normalize_document
from normalize.encoding import read_text_document
from ocr import recognize_document
from ocr.types import DocumentText


def read_document(path: Path, config: PipelineConfig, media_type: str | None = None) -> DocumentText:
    media_type = media_type or sniff_media_type(path)
    if media_type == "text/plain":
        return read_text_document(path)
    return recognize_document(path, config.ocr, media_type=media_type)


def process_document(
    path: Path, config: PipelineConfig | None = None, display_name: str | None = None, sha256: str | None = None
) -> Plan:
    config = config or PipelineConfig()
    path = Path(path)
    media_type = sniff_media_type(path)
    doc = read_document(path, config, media_type)
    norm = normalize_document(doc, config.normalize)
    extraction = extract_plan(norm, config.extract)

    ocr_info = None
    ocr_pages = [p for p in doc.pages if p.origin == "ocr"]
    if ocr_pages:
        confs = [p.mean_confidence for p in ocr_pages if p.mean_confidence is not None]
        ocr_info = OcrInfo(
            engine=doc.engine or "tesseract",
            languages=doc.languages or config.ocr.languages,
            mean_confidence=round(sum(confs) / len(confs), 2) if confs else None,
            low_confidence_pages=[
                p.number for p in ocr_pages
                if p.mean_confidence is not None and p.mean_confidence < config.ocr.low_confidence
            ],
        )
    source = Source(
        file=display_name or str(path),
        sha256=sha256 or sha256_file(path),
        media_type=media_type,
        pages=len(doc.pages),
        text_origin=doc.text_origin,
        diacritics=norm.diacritics,
        ocr=ocr_info,
    )
    pages = None
    if config.extract.include_pages:
        pages = [
            PageOut(number=p.number, text=norm.text[p.start : p.end],
                    mean_confidence=_page_conf(doc, p.number))
            for p in norm.pages
        ]
    warnings = _dedupe(
        doc.warnings + [w for p in doc.pages for w in p.warnings] + norm.warnings + extraction.warnings
    )
    return Plan(
        source=source,
        document=extraction.document,
        parent_plan=extraction.parent_plan,
        references=extraction.references,
        index_results=extraction.index_results,
        index_targets=extraction.index_targets,
        tasks=extraction.tasks,
        pages=pages,
        warnings=warnings,
    )


def _page_conf(doc: DocumentText, number: int):
    for p in doc.pages:
        if p.number == number:
            return p.mean_confidence
    return None


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
