"""extract_plan: run the extractors on a NormalizedDocument and compose one Extraction.

Rules first: header, signer, indices and references here; index results/targets
(extract.results) and tasks (extract.tasks) from their own modules. An extractor that fails
leaves its fields empty with a warning; the others still run.
"""
from __future__ import annotations

import traceback
from typing import Callable, TypeVar

from extract.header import HeaderResult, extract_header, find_title
from extract.indices import indices_in_order, objectives_text
from extract.patterns import NUMBER_RE, clean_number, fold
from extract.references import extract_references
from extract.schema import DocumentInfo, Extraction, Signer
from extract.signer import SignerResult, extract_signer
from normalize import NormalizeOptions, normalize_document
from normalize.types import NormalizedDocument

T = TypeVar("T")


def _guarded(name: str, fn: Callable[[], T], default: T, warnings: list[str]) -> T:
    try:
        return fn()
    except Exception as exc:  # one extractor's bug must not lose the rest of the document
        where = traceback.extract_tb(exc.__traceback__)[-1]
        warnings.append(f"{name} extraction failed ({type(exc).__name__}: {exc} at {where.name}:{where.lineno})")
        return default


def _code_key(number: str) -> str:
    return fold(number).upper()


def extract_plan(doc: NormalizedDocument, options=None) -> Extraction:
    warnings: list[str] = []
    objectives = _guarded("objectives", lambda: objectives_text(doc.text), "", warnings)
    header = _guarded("header", lambda: extract_header(doc, objectives), HeaderResult(), warnings)
    warnings += header.warnings
    signer = _guarded("signer", lambda: extract_signer(doc), SignerResult(Signer(), None, []), warnings)
    warnings += signer.warnings

    index_sources = [header.title or ""] + ([objectives] if objectives else [])
    indices = indices_in_order(index_sources)
    raw = None
    if doc.diacritics == "restored" and doc.source is not None:
        # Index names are acronyms or mark-less phrases the rules read without diacritics; a
        # restorer can only damage them (`DTI` -> `ĐỦ`), so read them from the unrestored text too.
        raw = normalize_document(doc.source, NormalizeOptions(restore="never")).text
        raw_indices = indices_in_order([find_title(raw) or "", objectives_text(raw)])
        indices = raw_indices + [i for i in indices if i not in raw_indices] if raw_indices else indices
    if not objectives:
        warnings.append("objectives section (Mục đích / Mục tiêu / Yêu cầu) not found; indices from the title only")
    if not indices:
        warnings.append("no index (PAR INDEX, SIPAS, PAPI, PCI, DTI) named in the title or objectives")

    parent, references, ref_warnings = _guarded(
        "references", lambda: extract_references(doc, header.number, header.issuer.province, header.issuer), (None, [], []), warnings)
    warnings += ref_warnings
    if raw is not None:  # document codes as printed (a restorer may change their case: `CTr` -> `CTR`)
        printed = {_code_key(n): n for n in (clean_number(raw[m.start():m.end()]) for m in NUMBER_RE.finditer(fold(raw)))}
        for ref in references + ([parent] if parent else []):
            ref.number = printed.get(_code_key(ref.number), ref.number)

    from extract.result_scope import foreign_former_province, own_units, peer_province, snap_scope, written_out_department
    from extract.results import extract_results_and_targets
    from extract.tasks import extract_tasks

    results, targets, rt_warnings = _guarded(
        "index results/targets", lambda: extract_results_and_targets(doc), ([], [], []), warnings)
    tasks, task_warnings = _guarded("tasks", lambda: extract_tasks(doc), ([], []), warnings)
    # a former province that did not merge into the issuer's is a unit the plan compares itself with
    # ... and, in a province's plan, another province's values (a neighbour, the leader)
    own = own_units(doc.text)
    results = [r for r in results if not foreign_former_province(r.scope, doc.text)
               and not peer_province(r.scope, own, header.issuer.level == "province")]
    restored = getattr(doc, "diacritics", "present") != "present"
    for r in results:  # restored names: the gazetteer's marks where it knows them
        r.scope = snap_scope(r.scope, header.issuer.province) if restored else written_out_department(r.scope)

    document = DocumentInfo(
        doc_type=header.doc_type, number=header.number, title=header.title, issue_date=header.issue_date,
        issue_place=header.issue_place, issuer=header.issuer, signer=signer.signer, indices=indices,
        period=header.period,
    )
    return Extraction(document=document, parent_plan=parent, references=references, index_results=results,
                      index_targets=targets, tasks=tasks, warnings=warnings + rt_warnings + task_warnings)
