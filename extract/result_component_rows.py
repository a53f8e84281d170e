"""Results tables of two columns, a row per component and one value, the index and year said above the table:

    II. KẾT QUẢ ĐO LƯỜNG SỰ HÀI LÒNG NĂM 2022
    ... Chỉ số SIPAS của Sở đạt 82,45%. Tỷ lệ hài lòng theo từng yếu tố như sau:
    | Yếu tố                            | Tỷ lệ hài lòng |
    | Tiếp cận dịch vụ hành chính công  | 84,10%         |
    | Thủ tục hành chính                | 81,37%         |

(`|`-separated or space-aligned). The first column names the components (`Yếu tố`, `Lĩnh vực`, `Chỉ số thành
phần`, `Tiêu chí`, `Nội dung`, `Trụ cột`); the second says the measure (a percentage: `%`, `Tỷ lệ`, `hài lòng`; a
rank: `Xếp hạng`; points: `Điểm`; else a percentage for SIPAS, points for the others). The index is the one the
lead-in (the three lines above) names, else the section heading's, else the one all rows are components of; each
row must name a component of it (or the index itself / a total row: the index's own value), two at least. The year:
the header's (`Tỷ lệ (%) năm 2022`), else the lead-in's results year, else the section heading's. Tables with
more value columns are read by `result_table_text`; the lines read are handed back."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import best_component, index_mentions
from extract.numbers import NUMBER, fold, parse_number
from extract.result_scope import UNIT_WORDS, former_unit, own_units, province_above, scope_of
from extract.result_table_context import is_total_row
from extract.result_table_lead import results_year
from extract.result_unit_columns import row_component, scan_lines
from extract.result_year_row_results import column_measure, index_measure, lead_in
from extract.result_year_rows import line_cells
from extract.schema import Evidence, IndexResult

_LABEL_HEAD = re.compile(r"^(?:cac\s+)?(?:yeu\s*t\S{1,2}|linh\s+vuc|chi\s*s\S{1,2}\s+(?:thanh\s+phan|noi\s+dung)|"
                         r"tieu\s+chi|noi\s+dung|tru\s+cot)(?:\s+\S+){0,3}$")
_ALL = ("PAR INDEX", "PAPI", "SIPAS", "PCI", "DTI")
_WRAPS = re.compile(r"(?:,|\bva|\bcua|\bvoi|-|&)\s*$")  # a name broken at a joining word (folded)
_UNIT_HEAD = re.compile(rf"^{UNIT_WORDS}\s+[a-z]")
_CELL = re.compile(rf"^({NUMBER})\s?%?(?:\s?/\s?({NUMBER}))?$")


def _named(text: str) -> list[str]:
    return list(dict.fromkeys(n for _, _, n in index_mentions(fold(text))))


def component_row_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                          ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every two-column table of components in `text`, and the (start, end) of the lines read."""
    return scan_lines(text, lambda lines, sections, i: _table_at(lines, sections, i, page_of, text))


def _table_at(lines, sections, i: int, page_of, text: str):
    off, line, year_of_section, _ = sections[i]
    cells = line_cells(line) if "|" in line or "  " in line.strip() else []
    # a header `Yếu tố | Tỷ lệ` (`Chi s6 noi dung`: an OCR slip, no number)
    if len(cells) != 2 or not _LABEL_HEAD.match(fold(cells[0])) or re.search(r"\b\d", cells[0]):
        return None
    head = fold(cells[1])  # the value column says a measure, a year or an index (`Số hồ sơ` is no result)
    unit_head = not (column_measure(head) or results_year(head) or _named(head))
    if unit_head and not _UNIT_HEAD.match(head):  # ... or a unit (`Tỉnh Quảng Ninh`): the values are that unit's
        return None
    lead, _, index = lead_in(lines, sections, i)
    year = results_year(fold(cells[1])) or results_year(fold(lead)) or year_of_section
    scope = former_unit(lead, fold(lead), 0, len(lead)) if lead else None
    if unit_head:
        named = f"của {cells[1]}"
        former = former_unit(named, fold(named), 0, len(named))
        scope = former or scope_of(named, fold(named), 0, len(named), own_units(text))
        if scope and not former and fold(scope) != fold(province_above(text) or ""):
            return None  # a neighbour's column (`Tỉnh Hà Tĩnh` in Nghệ An's plan): not the plan's values
    read, j = _rows(lines, i + 1, (index,) if index else _ALL, cells[1], year, scope, page_of)
    if len([r for r in read if r.component]) < 2 or len({r.index for r in read}) != 1:
        return None
    return read, [(off, lines[j - 1][0] + len(lines[j - 1][1]))], j


def _rows(lines, i: int, indices: tuple[str, ...], head: str, year: Optional[int], scope: Optional[str],
          page_of) -> tuple[list[IndexResult], int]:
    """(results, next line) of the rows `label | value` under the header; a row of another shape ends the table."""
    out: list[IndexResult] = []
    rows, end = _row_texts(lines, i)
    for label, cell, off, text in rows:
        m = _CELL.match(cell)
        index, component = row_identity(label, indices)
        # a header that says no measure (`Kết quả`): a percentage for SIPAS, else points
        measure = index_measure(fold(head), index) or ("percent" if index == "SIPAS" else "score") if index else None
        if measure == "max_score":
            break
        if index:
            value, second = parse_number(m.group(1)), parse_number(m.group(2)) if m.group(2) else None
            if measure == "rank":
                fields = {"rank": int(value), "rank_total": int(second) if second else None}
            elif second is not None:  # `9,14/13`: points of a maximum
                fields = {"score": value, "max_score": second}
            else:
                fields = {measure: value}
            ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(text.split())[:240])
            out.append(IndexResult(index=index, component=component, year=year, scope=scope, evidence=ev, **fields))
    return out, end


def _row_texts(lines, i: int) -> tuple[list[tuple[str, str, int, str]], int]:
    """([(label, value cell, offset, text)], next line) of the rows from line `i`: a name wrapped over two lines
    is joined, the words alone on a line going with the row above when they continue it (in lower case, or the
    row's name ends at a comma or a joining word: `Tiếp nhận, xử lý góp ý, phản ánh, | 78,64%` over `kiến nghị |`),
    else with the row below (the first words of its name); a line of another shape ends the table (a dangling
    first part is not read)."""
    rows: list[list] = []
    pending: Optional[tuple[int, str]] = None  # (line number, words) of a name's first part
    while i < len(lines):
        off, line = lines[i]
        cells = [c for c in line_cells(line) if c] if "|" in line else line_cells(line)
        words = cells[0] if len(cells) in (1, 2) and re.search(r"[^\W\d_]", cells[0]) else None
        if words and len(cells) == 2 and _CELL.match(cells[1].strip()):
            label = f"{pending[1]} {words}" if pending else words
            start, text = (lines[pending[0]][0], lines[pending[0]][1] + " " + line) if pending else (off, line)
            rows.append([label, cells[1].strip(), start, text])
            pending = None
        elif words and len(cells) == 1 and len(words) <= 60 and not re.search(r"\b\d", words):
            if rows and not pending and (words[0].islower() or _WRAPS.search(fold(rows[-1][0]))):
                rows[-1][0] += " " + words
                rows[-1][3] += " " + line
            elif pending is None:
                pending = (i, words)
            else:
                break
        else:
            break
        i += 1
    return [tuple(r) for r in rows], pending[0] if pending else i


def row_identity(label: str, indices: tuple[str, ...]) -> tuple[Optional[str], Optional[str]]:
    """(index, component) a row names: a component of one of `indices`, or the index itself (`Chỉ số SIPAS`,
    `Tổng cộng`); (None, None) for any other row (`Bình quân các sở`)."""
    named = _named(label)
    if named and named[0] in indices and len(fold(label)) < 40:
        return named[0], None
    if is_total_row(label) and len(indices) == 1:
        return indices[0], None
    if len(indices) == 1:
        component = row_component(label, indices[0])
        return (indices[0], component) if component else (None, None)
    index, component, _ = best_component(label, indices)
    return (index, component) if component else (None, None)


__all__ = ["component_row_results", "row_identity"]
