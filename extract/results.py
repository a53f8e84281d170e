"""Index results (`đạt 85,95/100 điểm, xếp thứ 28/63`) and targets (`≥ 9,68`, `80% trở lên`).

Three sources, merged and de-duplicated: results tables flattened into the text (born-digital
PDFs), results tables the OCR found as ruled grids (`doc.source.pages[i].tables`), and sentences.
"""
from __future__ import annotations

import re

from extract.result_cell_lines import rejoin_cell_lines
from extract.result_component_rows import component_row_results
from extract.result_header_grid import header_grid_values
from extract.result_numbered_items import numbered_item_results
from extract.result_other_columns import blank_other_columns
from extract.result_prose import prose_values
from extract.result_review_rows import review_row_results
from normalize.document import LOST_DIACRITICS_SHARE, diacritic_share
from extract.result_tables import rows_from_grid, rows_from_text, split_numeric_tail, table_values
from extract.result_unit_columns import unit_column_results
from extract.result_scope import province_above
from extract.result_unit_headings import scope_from_unit_headings
from extract.result_unit_rows import unit_row_results
from extract.result_year_columns import year_column_results
from extract.result_year_column_targets import year_column_targets
from extract.result_year_group_rows import year_group_results
from extract.result_year_row_results import year_row_results
from extract.result_year_rows import year_row_targets
from extract.task_table_lines import task_table_spans
from extract.schema import IndexResult, IndexTarget
from extract.text_tables import MARKDOWN_RULE


def _rule_below_table(text: str) -> str:
    """The rows of a Markdown table moved up over its rule line, which ends the table as blanks: the table readers
    see the header right above its rows, and the text keeps its length (only the rows move, by one line)."""
    out = text
    for m in MARKDOWN_RULE.finditer(text):
        end = m.end()
        while end < len(text):  # the table's rows: the lines after the rule that hold a `|`
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            if "|" not in text[end + 1:nxt] or not text[end + 1:nxt].strip():
                break
            end = nxt
        rows = text[m.end() + 1:end]
        if rows:
            out = out[:m.start()] + rows + "\n" + " " * (m.end() - m.start()) + out[end:]
        else:
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def extract_results_and_targets(doc) -> tuple[list[IndexResult], list[IndexTarget], list[str]]:
    """-> (index_results, index_targets, warnings) from a NormalizedDocument."""
    # tables whose cells were put one per line, rejoined into `|` rows (same offsets) for the table readers
    # a Markdown rule under a header (`|------|------|`) is no row: moved below the table as a blank line
    source = blank_other_columns(_rule_below_table(doc.text))  # `Trung bình cả nước`, `Nhóm`: no value of the unit
    rejoined, warnings = rejoin_cell_lines(source)
    rejoined = blank_other_columns(rejoined)  # (a table rejoined from cells one per line has its columns only now)
    # goals with a column per year (`Chỉ tiêu | 2026 | 2027`, a row per goal) first: their header is one line of years
    by_goal_row, goal_rows = year_column_targets(source, doc.page_of)
    # tables with a header over two lines or more (a top cell over the columns below it)
    results, targets, grids = header_grid_values(_blank(source, goal_rows), doc.page_of)
    grids += goal_rows
    rejoined = _blank(rejoined, grids)
    # tables reviewing the last plan's goals (`Chỉ tiêu | Kế hoạch năm 2023 | Kết quả thực hiện | Đánh giá`)
    by_review, reviews = review_row_results(rejoined, doc.page_of)
    grids += reviews
    rejoined = _blank(rejoined, reviews)
    # tables with a column per former unit first; their lines are not read again as tables or sentences
    by_unit, read = unit_column_results(rejoined, doc.page_of)
    by_roadmap, roadmaps = year_row_targets(rejoined, doc.page_of)  # `Năm | PCI (điểm) | Xếp hạng PCI`, a row per year
    by_year_row, year_rows = year_row_results(rejoined, doc.page_of)  # `Năm | Điểm | Thứ hạng`, index named above
    by_part, part_rows = component_row_results(rejoined, doc.page_of)  # `Yếu tố | Tỷ lệ hài lòng`, a row per component
    by_group, group_rows = year_group_results(rejoined, doc.page_of)  # `Năm | Chỉ số nội dung | Điểm`, a year per group
    by_year, year_columns = year_column_results(rejoined, doc.page_of)  # `Năm | 2021 | 2022`, a row per index
    by_row, unit_rows = unit_row_results(rejoined, doc.page_of)  # `Đơn vị | Điểm | Xếp hạng`, a row per former unit
    by_item, items = numbered_item_results(rejoined, doc.page_of)  # `(1) <component>: 8,12/9,5 điểm (85,47%), ...`
    results += by_review + by_unit + by_year_row + by_part + by_group + by_year + by_row + by_item
    targets += by_roadmap + by_goal_row
    spans = grids + read + roadmaps + year_rows + part_rows + group_rows + year_columns + unit_rows + items + task_table_spans(doc.text)
    tables = rows_from_text(_blank(rejoined, spans))
    blocks = _rewritten_blocks(source, rejoined)
    for table in tables:
        r, t, w = table_values(table, doc)
        results += r
        targets += t
        warnings += w
        if r or t:  # cells one per line, rejoined and read as rows, are no sentences (a list of values)
            spans += [(a, b) for a, b in blocks if any(a <= row.offset < b for row in table.rows)]
            spans += _row_lines(rejoined, table)  # ... nor are rows of label and numbers (`Xếp hạng 13/63 11/34`)
    text = _blank(source, spans)
    for page in getattr(doc.source, "pages", None) or []:
        for grid in page.tables:
            ctx = rows_from_grid(grid.grid())
            if ctx is not None:
                for row in ctx.rows:
                    row.offset = _page_start(doc, page.number)
                r, t, w = table_values(ctx, doc)
                results += r
                targets += t
                warnings += w
    # a text that lost its marks (OCR, stripped, restored) may carry footnote marks read as digits
    marks_lost = getattr(doc, "diacritics", "present") == "restored" or diacritic_share(doc.text) < LOST_DIACRITICS_SHARE
    r, t, w = prose_values(text, doc.page_of, marks_lost, getattr(doc.source, "text", "") or "")
    scope_from_unit_headings(text, r)  # `1. Sở Y tế tỉnh A (cũ)` over the sentences of that unit
    results += r
    targets += t
    warnings += w
    _province_indices_of_the_province(doc.text, results)
    return _merge_results(_dedupe(results)), _merge_targets(_dedupe(targets)), warnings


def _province_indices_of_the_province(text: str, results: list[IndexResult]) -> None:
    """PCI and PAPI measure provinces only: in the plan of a unit below the province (a department, a district, a
    commune), their results with no scope are the province's (`tỉnh Sóc Trăng`)."""
    unscoped = [r for r in results if r.index in ("PCI", "PAPI") and r.scope is None]
    above = province_above(text) if unscoped else None
    for r in unscoped if above else ():
        r.scope = above


def _merge_targets(targets: list[IndexTarget]) -> list[IndexTarget]:
    """`nằm trong nhóm 30 tỉnh dẫn đầu (xếp hạng từ 30/34 trở lên)`: one goal said twice; the
    statement with its total stands for both, a range from the first place for a group of the same size."""
    def key(t):
        return (t.index, t.component, t.year, t.metric, t.comparator, t.value, t.value_max)
    with_total = {key(t) for t in targets if t.out_of is not None}
    targets = [t for t in targets if t.out_of is not None or key(t) not in with_total]
    # `vào nhóm 3 đơn vị dẫn đầu (xếp hạng 1 - 3/8)`: the range from the first place says the group again
    from_first = {(t.index, t.component, t.year, t.value_max) for t in targets
                  if t.metric == "rank" and t.comparator == "between" and t.value == 1}
    return [t for t in targets if not (t.metric == "rank" and t.comparator == "<="
                                       and (t.index, t.component, t.year, t.value) in from_first)]


def _merge_results(results: list[IndexResult]) -> list[IndexResult]:
    """One result per (index, component, year, scope) when the sources agree: a table's score and
    a sentence's rank of the same index and year are one result."""
    out: list[IndexResult] = []
    fields = ("score", "max_score", "percent", "rank", "rank_total")
    for r in results:
        key = (r.index, r.component, r.year, r.scope)
        for o in out:
            if (o.index, o.component, o.year, o.scope) == key and all(
                    getattr(o, f) is None or getattr(r, f) is None or getattr(o, f) == getattr(r, f) for f in fields):
                for f in fields:
                    if getattr(o, f) is None and getattr(r, f) is not None:
                        setattr(o, f, getattr(r, f))
                break
        else:
            out.append(r)
    return out


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans read already turned to spaces (offsets kept)."""
    for a, b in spans:
        text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
    return text


def _row_lines(text: str, table) -> list[tuple[int, int]]:
    """(start, end) of the lines of a table's rows that hold both the row's label and its numbers."""
    out = []
    for row in table.rows:
        end = text.find("\n", row.offset)
        end = len(text) if end < 0 else end
        label, tokens = split_numeric_tail(text[row.offset:end].replace("|", " "))
        if tokens and label:
            out.append((row.offset, end))
    return out


def _rewritten_blocks(source: str, rejoined: str) -> list[tuple[int, int]]:
    """(start, end) of each run of lines `rejoin_cell_lines` rewrote (same length, so lines align by offset)."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    for line in source.split("\n"):
        end = pos + len(line)
        if rejoined[pos:end + 1] != source[pos:end + 1]:  # (its line break too: a `|` may stand in its place)
            if blocks and blocks[-1][1] >= pos - 1:
                blocks[-1] = (blocks[-1][0], end)
            else:
                blocks.append((pos, end))
        pos = end + 1
    return blocks


def _page_start(doc, number: int) -> int:
    for p in doc.pages:
        if p.number == number:
            return p.start
    return 0


def _dedupe(items: list) -> list:
    """Drop repeats of the same value (a table re-read as prose, a header repeated on a page)."""
    seen, out = set(), []
    for it in items:
        key = tuple((k, v) for k, v in it.model_dump(exclude={"evidence"}).items())
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


__all__ = ["extract_results_and_targets"]
