"""Task assignments: appendix tables (OCR grids, ` | ` text rows) and numbered body items.

An appendix whose columns survive only as interleaved OCR lines (an English-model OCR of a
landscape table) cannot be rebuilt cell by cell: we say so in a warning rather than guess.
"""
from __future__ import annotations

import re

from extract.agency_lexicon import Lexicon, document_units
from extract.body_tasks import body_tasks
from extract.interleaved import recover
from extract.numbers import fold
from extract.schema import Task
from extract.text_tables import grids_from_text, is_task_header, tasks_from_grid, widen_group_rows

_INTERLEAVED_HEADER = re.compile(r"co\s+quan\s+ch\S{0,2}\s*tr\S{0,2}")


def extract_tasks(doc) -> tuple[list[Task], list[str]]:
    """-> (tasks, warnings) from a NormalizedDocument (text and, via doc.source, OCR'd tables)."""
    warnings: list[str] = []
    table_tasks: list[Task] = []

    # 1. Ruled tables found by the OCR, continued from page to page.
    roles = ctx = None
    for page in getattr(doc.source, "pages", None) or []:
        for table in page.tables:
            try:
                grid = table.grid()
                t, w, roles, ctx = tasks_from_grid(grid, page=page.number, roles=roles if _continues(grid) else None,
                                                   ctx=ctx)
            except Exception as exc:  # one bad table never kills the document
                warnings.append(f"page {page.number}: task table skipped ({type(exc).__name__}: {exc})")
                continue
            table_tasks += t
            warnings += w

    # 2. Tables whose rows survive in the text as ` | `-separated cells.
    if not table_tasks:
        roles = ctx = None
        for offset, grid in grids_from_text(doc.text):
            width = max(len(r) for r in grid)
            t, w, roles, ctx = tasks_from_grid(widen_group_rows(grid, width), page=doc.page_of(offset),
                                               roles=roles, ctx=ctx)
            table_tasks += t
            warnings += w

    tasks, w = body_tasks(doc.text, doc.page_of)
    lexicon = Lexicon(units=document_units(doc.text))  # not the document's own names: they may be the slips
    if not table_tasks and _interleaved_appendix_warning(doc):
        # 3. the appendix survives only as interleaved English-model OCR lines: rows from STT + lexicon
        names = tuple(n for t in tasks for n in t.lead + t.partners)
        table_tasks, w_rows = recover(doc.text, doc.page_of, extra_names=names)
        warnings += w_rows or _interleaved_appendix_warning(doc)
    for t in table_tasks + tasks:  # restorer slips in agency names (`Sở Kế hoạch và Pau tư`)
        t.lead, t.partners = lexicon.snap_all(t.lead), lexicon.snap_all(t.partners)
    return table_tasks + tasks, warnings + w


def _continues(grid: list[list[str]]) -> bool:
    """A table on a later page without its own header continues the previous one."""
    return not any(is_task_header(r) for r in grid[:3])


def _interleaved_appendix_warning(doc) -> list[str]:
    folded = fold(doc.text)
    hits = [m.start() for m in _INTERLEAVED_HEADER.finditer(folded)]
    stt = [h for h in hits if "stt" in folded[max(0, h - 300):h]]
    if not stt:
        return []
    pages = sorted({p for p in (doc.page_of(h) for h in stt) if p is not None})
    where = f" (pages {', '.join(map(str, pages))})" if pages else ""
    return [f"appendix task table{where} survives only as interleaved OCR text: its rows (content, "
            "targets, actions, agencies, deadlines) were not recovered; re-OCR the scan with `vie` to read it"]
