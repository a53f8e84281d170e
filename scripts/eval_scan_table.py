"""Rendered scan of a ruled (or borderless) appendix table -> ruled tables read -> tasks; rows right and CPU cost.

    python -m scripts.eval_tables scan --seed 2000 --rows 36 [--degrade medium] [--reader page|cells]
    python -m scripts.eval_tables scan --seed 2000 --rows 36 --borders NONE   # the same table without rules

A synthetic plan with a long appendix (kehoach.synth) is rendered, rasterised, optionally degraded
like a scan, and every page's ruled tables are read. A gold table row counts as recovered when a
predicted task has its id, the same lead agencies and the same deadline (text and date).

Readers:
* `page` (default): the OCR stage's own page function (`ocr.document.ocr_page`: preprocessing, one
  Tesseract call for the page, cells filled from its words, doubtful cells re-read in one batch);
* `cells`: the first design, one Tesseract process per non-empty cell crop (kept to compare).
CPU seconds (this process + its Tesseract children) are counted for the pages that hold a table:
the whole page, and for `page` the table part alone (`table_cpu_s_per_table_page`).
"""
from __future__ import annotations

import resource

import numpy as np

from extract.numbers import squash
from extract.text_tables import tasks_from_grid
from ocr.table import find_tables


def _ocr_cell(crop: np.ndarray) -> tuple[str, float]:
    import pytesseract
    from PIL import Image

    data = pytesseract.image_to_data(Image.fromarray(crop), lang="vie", config="--psm 6",
                                     output_type=pytesseract.Output.DICT)
    lines: dict[tuple, list[str]] = {}
    confs = []
    for i, word in enumerate(data["text"]):
        if word.strip():
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(word)
            confs.append(float(data["conf"][i]))
    text = "\n".join(" ".join(ws) for ws in lines.values())
    return text, (sum(confs) / len(confs) if confs else 0.0)


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _same_names(a: list[str], b: list[str]) -> bool:
    return sorted(squash(x) for x in a) == sorted(squash(x) for x in b)


def _read_tables(page: np.ndarray, number: int, reader: str, languages: str, orientation: bool, previous=None):
    """The tables (`cells` reader) or the PageText (`page` reader: the production OCR of the page)."""
    from ocr.options import OcrOptions
    from ocr.preprocess import preprocess_page

    if reader == "cells":
        # the OCR stage's clean-up (denoise, deskew, binarise) runs before find_tables, as in production
        gray = preprocess_page(page, OcrOptions()).image
        return find_tables(gray, _ocr_cell)
    import ocr.document as document

    inner = document.read_tables

    def timed(*args, **kw):  # the table part of the page's CPU (grids, batched re-reads, merging)
        start = _cpu()
        try:
            return inner(*args, **kw)
        finally:
            _TABLE_CPU[0] += _cpu() - start

    bl_inner = document.find_borderless

    def bl_timed(*args, **kw):  # the borderless step alone (word positions, no Tesseract call)
        start = _cpu()
        try:
            return bl_inner(*args, **kw)
        finally:
            _BORDERLESS_CPU[0] += _cpu() - start
            _TABLE_CPU[0] += _cpu() - start

    document.read_tables, document.find_borderless = timed, bl_timed
    try:
        return document.ocr_page(page, number, OcrOptions(languages=languages, orientation=orientation),
                                 previous=previous)
    finally:
        document.read_tables, document.find_borderless = inner, bl_inner


_TABLE_CPU = [0.0]
_BORDERLESS_CPU = [0.0]


def score_rows(gold: list[dict], pred: list) -> tuple[dict, list[str]]:
    """Gold rows matched in document order: a gold row takes the next predicted row with its id, or the
    next predicted row when that one has no id (ids repeat under each index group)."""
    errors: list[str] = []
    ok_rows = ok_lead = ok_deadline = 0
    cursor = 0
    for g in gold:
        hit = next((j for j in range(cursor, min(len(pred), cursor + 6)) if pred[j].id == g["id"]), None)
        if hit is None and cursor < len(pred) and pred[cursor].id is None:
            hit = cursor  # the row was read but its STT was not: it still counts when lead and deadline agree
        if hit is None:
            errors.append(f"row {g['id']} ({g.get('index')}): not recovered")
            continue
        t = pred[hit]
        cursor = hit + 1
        lead = _same_names(t.lead, g["lead"])
        dl = squash(t.deadline or "") == squash(g.get("deadline") or "") and t.deadline_date == g.get("deadline_date")
        ok_lead += lead
        ok_deadline += dl
        ok_rows += lead and dl
        if not (lead and dl):
            errors.append(f"row {g['id']}: lead {t.lead} vs {g['lead']}; deadline {t.deadline!r} vs {g.get('deadline')!r}")
    n = len(gold) or 1
    return {"rows_right": ok_rows, "rows_with_correct_lead_and_deadline": round(ok_rows / n, 3),
            "lead_accuracy": round(ok_lead / n, 3), "deadline_accuracy": round(ok_deadline / n, 3)}, errors


def eval_scan(seed: int, rows: int, dpi: int = 200, degrade: str | None = None, reader: str = "page",
              languages: str = "vie+Vietnamese", orientation: bool = False,
              borders: str = "ALL", repeat_heading: bool = True) -> tuple[dict, list[str]]:
    from kehoach.synth.plan_text import generate_plan
    from kehoach.synth.render import render_pages, set_table_borders
    from ocr.table_borderless import last_borderless

    plan = set_table_borders(generate_plan(seed, size="long", appendix_rows=rows), borders, repeat_heading)
    gold = [t for t in plan.gold["tasks"] if t["source"] == "table"]
    pages = render_pages(plan, dpi=dpi)
    if degrade:
        from kehoach.synth.degrade import degrade as degrade_page

        pages = [degrade_page(p, degrade, seed=seed + i) for i, p in enumerate(pages)]
    pred, roles, ctx, n_tables, table_pages, cpu, table_cpu, bl_cpu = [], None, None, 0, [], 0.0, 0.0, 0.0
    read = []
    for number, page in enumerate(pages, 1):
        start, _TABLE_CPU[0], _BORDERLESS_CPU[0] = _cpu(), 0.0, 0.0
        previous = last_borderless(read) if reader == "page" else None  # a table the page may continue
        read.append(_read_tables(np.array(page.convert("L")), number, reader, languages, orientation, previous))
        if read[-1] if reader == "cells" else read[-1].tables:
            cpu += _cpu() - start
            table_cpu += _TABLE_CPU[0]
            table_pages.append(number)
        bl_cpu += _BORDERLESS_CPU[0]
    for number, got in enumerate(read, 1):
        for table in (got if reader == "cells" else got.tables):
            n_tables += 1
            tasks, _, roles, ctx = tasks_from_grid(table.grid(), page=number, roles=roles, ctx=ctx)
            pred += tasks
    scores, errors = score_rows(gold, pred)
    report = {"seed": seed, "reader": reader, "gold_rows": len(gold), "pred_rows": len(pred), "tables": n_tables,
              "table_pages": table_pages, "pages": len(pages), "degrade": degrade, "orientation": orientation, **scores,
              "cpu_s_per_table_page": round(cpu / max(1, len(table_pages)), 2)}
    if reader == "page":  # of which reading the tables (the rest is the page's own OCR)
        report["table_cpu_s_per_table_page"] = round(table_cpu / max(1, len(table_pages)), 2)
        report["borders"] = borders  # the borderless step runs on every page: its cost per page read
        report["borderless_cpu_s_per_page"] = round(bl_cpu / max(1, len(pages)), 3)
        report["repeat_heading"] = repeat_heading
    return report, errors
