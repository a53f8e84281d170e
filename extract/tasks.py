"""Task assignments: appendix tables (OCR grids, ` | ` text rows) and numbered body items.

An appendix whose columns survive only as interleaved OCR lines (an English-model OCR of a
landscape table) cannot be rebuilt cell by cell: its rows are recovered from what survives (STT,
agency names, deadlines; extract/interleaved.py) and a warning says what could not be.
"""
from __future__ import annotations

from extract.agency_lexicon import Lexicon, document_units
from extract.body_tasks import body_tasks
from extract.interleaved import find_region, recover
from extract.schema import Task
from extract.text_tables import grids_from_text, is_task_header, tasks_from_grid, widen_group_rows


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
    # not the document's own names (they may be the slips); province bodies with their names (gazetteers)
    lexicon = Lexicon(units=document_units(doc.text), places=True)
    if not table_tasks and find_region(doc.text) is not None:
        # 3. the appendix survives only as interleaved English-model OCR lines: rows from STT + lexicon
        names = tuple(n for t in tasks for n in t.lead + t.partners)
        table_tasks, w_rows = recover(doc.text, doc.page_of, extra_names=names)
        warnings += w_rows
    for t in table_tasks + tasks:  # restorer slips in agency names (`Sở Kế hoạch và Pau tư`)
        t.lead, t.partners = lexicon.snap_all(t.lead), lexicon.snap_all(t.partners)
    return table_tasks + tasks, warnings + w


def _continues(grid: list[list[str]]) -> bool:
    """A table on a later page without its own header continues the previous one."""
    return not any(is_task_header(r) for r in grid[:3])
