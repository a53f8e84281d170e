"""Results tables with one column per former unit and one row per index (a merged province's plan comparing the
provinces it was made of):

    Chỉ số               Tỉnh Hưng Yên (cũ)     Tỉnh Thái Bình (cũ)
    PAR INDEX (%)        87,02 - hạng 24        89,36 - hạng 11
    PAPI (điểm)          43,15 (18/63)          42,08 (36/63)

Each cell is the value of its row's index for its column's unit (the scope), with the rank beside it; the total of
the ranking may be stated once above (`thứ hạng trên tổng số 63 tỉnh, thành phố`), the year in the caption or
the section heading. A numbering column (`STT`) is skipped; a row naming no index but a component of the one the
caption or the section heading names (`II. KẾT QUẢ PCI NĂM 2024` over `Gia nhập thị trường | 6,85 | 7,21`) is that
component's. The lines read are handed back so that the sentence reader does not read them again."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from rapidfuzz import fuzz

from extract.components import _choices as component_choices, _key as component_key, best_component, index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_scope import UNIT_SPELLING, UNIT_WORDS, former_unit, former_unit_named
from extract.result_table_context import RANK_ROW, is_total_row, split_numeric_tail, stated_max
from extract.result_table_lead import results_year, section_year
from extract.schema import Evidence, IndexResult

_RANK = re.compile(r"(?:\b(?:xep\s+)?(?:h\S{0,3}ng|thu|vi\s+tri)\s*(?:thu\s*)?(\d{1,3})(?:\s?/\s?(\d{1,3}))?"
                   r"|(?<![\d,.])(\d{1,3})\s?/\s?(\d{1,3})(?![\d,.]))")
_VALUE = re.compile(rf"(?<![\d,./]){NUMBER}(?![\d/])")
_OUT_OF = re.compile(r"(\d{1,3}[.,]\d+)\s?/\s?(\d{1,3}(?:[.,]\d+)?)")
# `thứ hạng trên tổng số 63 tỉnh, thành phố`, `xếp hạng trong số 20 sở` (not `trên 90%`, `trên 80 điểm`)
_TOTAL = re.compile(r"\b(?:tong\s+so|trong\s+so|tren)\s+(\d{1,3})(?![\d,.%])(?!\s*d\S?em)\b")
_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}\.|\d+\.\d+\.|\d+\.\s)")
_ROMAN_HEADING = re.compile(r"^\s*[IVX]{1,4}\.\s")
_NUMBERING = re.compile(r"^(?:s\S{0,2}\s*)?t\s*t$")  # STT, TT, Số TT


@dataclass
class _Cell:
    value: Optional[float]
    rank: Optional[int]
    rank_total: Optional[int]
    max_score: Optional[float] = None


def _cells(line: str) -> list[str]:
    if "|" in line:  # (a table with outer borders: `| Trụ cột | A (cũ) | B (cũ) |`)
        parts = line.strip().removeprefix("|").removesuffix("|").split("|")
    else:
        parts = re.split(r"\s*\t\s*|\s{2,}", line.strip())  # (a Word export parts cells by one tab)
    return [p.strip() for p in parts]


# a header whose columns English OCR ran together with single spaces: its label, then the former units
_COLLAPSED_LABEL = re.compile(r"\s*(?:s?tt\s+)?(?:chi\s+so(?:\s+(?:thanh\s+phan|noi\s+dung))?|linh\s+vuc|yeu\s+to|tru\s+cot"
                              r"|noi\s+dung|tieu\s+chi)\s+(?=\S)")
_COLLAPSED_UNIT = re.compile(r"\s*((?:[^\W\d_]+\s+){1,5}?\((?:cũ|cu|cii)\))", re.I)


def _collapsed_header(line: str) -> Optional[list[str]]:
    """`Chỉ số thành phần Đồng Nai (cũ) Bình Phước (cũ)`: [label, unit, unit], else None."""
    m = _COLLAPSED_LABEL.match(fold(line))
    if not m:
        return None
    units, at = [], m.end()
    while at < len(line.rstrip()):
        u = _COLLAPSED_UNIT.match(line, at)
        if not u:
            return None
        units.append(u.group(1))
        at = u.end()
    return [line[:m.end()].strip()] + units if len(units) >= 2 else None


def read_cell(cell: str) -> Optional[_Cell]:
    """`87,02 - hạng 24`, `43,15 (18/63)`, `81,47`, `hạng 40`; None when the cell holds no number."""
    folded = fold(cell)
    out_of = _OUT_OF.fullmatch(folded.strip())
    if out_of:  # `11,20/13` under `(điểm đạt/tối đa)`: a score over its maximum, no rank
        return _Cell(parse_number(out_of.group(1)), None, None, parse_number(out_of.group(2)))
    rank = _RANK.search(folded)
    rest = folded[:rank.start()] + " " * (rank.end() - rank.start()) + folded[rank.end():] if rank else folded
    value = _VALUE.search(rest)
    if not rank and not value:
        return None
    r, total = ((rank.group(1) or rank.group(3)), (rank.group(2) or rank.group(4))) if rank else (None, None)
    return _Cell(parse_number(value.group(0)) if value else None, int(r) if r else None, int(total) if total else None)


_ETH = str.maketrans("Ðð", "Đđ")  # OCR prints the Icelandic eth for đ: the same glyph


def _units(cells: list[str], doc_folded: str = "") -> list[Optional[str]]:
    """The former unit each header cell names (`Tỉnh A (cũ)`; `A (cũ)` when the document names `tỉnh A (cũ)`)."""
    cells = [c.translate(_ETH) for c in cells]
    return [(_opening_unit(c) or former_unit(c, fold(c), 0, len(c)) or former_unit_named(doc_folded, c)) if c else None
            for c in cells]


def _opening_unit(cell: str) -> Optional[str]:
    """A header cell opening with its unit word is that unit (`Phường Quán Thánh (cũ)`, whose name a restorer may
    spell like another unit word: `Phường Quân Thanh`, not `quận Thanh`)."""
    m = re.match(rf"\s*({UNIT_WORDS})\s+(?=\S)", fold(cell))
    if not m or not re.search(r"\((?:cu|cii)\)\s*$", fold(cell)):
        return None
    name = re.sub(r"\s*\((?:cũ|cu|cii)\)\s*$", "", cell[m.end():].strip(), flags=re.I)
    return f"{UNIT_SPELLING[' '.join(m.group(1).split())]} {name} (cũ)" if name[:1].isupper() else None


def _metric(label: str, index: str) -> str:
    folded = fold(label)
    if re.search(r"%|ty le", folded):
        return "percent"
    if re.search(r"d\S?em", folded):
        return "score"
    return "percent" if index == "SIPAS" else "score"


def text_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every line of `text`, blank ones included."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    return lines


def unit_column_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                        ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every unit-column table in `text`, and the (start, end) of the lines they were read from."""
    lines = text_lines(text)
    results: list[IndexResult] = []
    spans: list[tuple[int, int]] = []
    sections = section_lines(text)
    folded = fold(text)
    i = 0
    while i < len(lines):
        off, line = lines[i]
        year_of_section, index_of_section = sections[i][2], sections[i][3]
        cells = _cells(line)
        collapsed = len(cells) == 1 and _collapsed_header(line)
        cells = collapsed or cells
        numbered = len(cells) > 1 and bool(_NUMBERING.match(fold(cells[0])))
        cells = cells[1:] if numbered else cells
        units = _units(cells, folded)
        groups = None
        if not all(units[1:]):  # `Chỉ số | A (cũ) - Điểm | Xếp hạng | B (cũ) - Điểm | Xếp hạng`: two columns a unit
            groups = _unit_groups(cells, folded)
            units = [None] + [g[0] for g in groups] if groups else units
        # `Lĩnh vực | Điểm tối đa | Sở A (cũ) | Sở B (cũ)`: the maximum's column before the units, shared by them
        max_column = len(units) >= 4 and units[0] is None and units[1] is None and all(units[2:]) \
            and re.search(r"toi\s+da|thang\s+diem", fold(cells[1])) is not None
        if max_column:
            cells, units = cells[:1] + cells[2:], units[:1] + units[2:]
        labelled = units[0] is None  # `Chỉ số | Tỉnh A (cũ) | Tỉnh B (cũ)`; the first cell may be empty
        if len(units) < 3 or not all(units[1:]) or len(set(units[1:])) != len(units) - 1:
            i += 1
            continue
        # the lead-in's paragraph (its sentence may wrap over lines above a blank one), after the last heading
        lead = [raw for _, raw in lines[max(0, i - 5):i] if raw.strip()]
        heads = [k for k, raw in enumerate(lead) if _HEADING.match(raw)]
        lead = lead[heads[-1]:] if heads else lead
        above = fold(" ".join(lead) + " " + (cells[0] if labelled else ""))
        # the index and year of the lead-in's own sentence first (`... trong khi Chỉ số SIPAS ... giảm so với năm 2023.
        # Điểm các chỉ số nội dung PAPI năm 2024 của hai tỉnh như sau:`)
        last_sentence = fold(re.split(r"(?<=[.;])\s+", " ".join(lead).strip())[-1]) if lead else ""
        year = results_year(fold(cells[0])) or results_year(last_sentence) or results_year(above) or year_of_section
        total = _TOTAL.search(above)
        # (`mức độ hài lòng ... theo từng yếu tố như sau:` over `Yếu tố | Sở A (cũ) | Sở B (cũ)`: SIPAS unnamed)
        satisfaction = re.search(r"\bhai\s?l\S?ong\b", last_sentence) or re.match(r"yeu\s+to\b", fold(cells[0]))
        index = one_index(last_sentence) or ("SIPAS" if satisfaction else None) or one_index(above) or index_of_section
        by_year = bool(re.fullmatch(r"n\S{0,2}m", fold(cells[0])))  # `Năm | Phường A (cũ) | ...`: a row per year
        read = _rows(lines, i + 1, units[1:], year, int(total.group(1)) if total else None, page_of, numbered, index,
                     by_year, [g[1] for g in groups] if groups else None, (stated_max(fold(cells[0])) if labelled else None) or stated_max(above),
                     max_column, bool(collapsed))
        if read[0]:
            results += read[0]
            spans.append((off, read[1]))
            i = read[2]
            continue
        i += 1
    return results, spans


def scan_lines(text: str, read_at: Callable[[list, list, int], Optional[tuple[list, list, int]]]
               ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Try `read_at(lines, sections, i)` at every line not read yet (lines: `text_lines`, sections:
    `section_lines`); it returns (results, spans read, next line) or None. -> (results, spans)."""
    lines, sections = text_lines(text), section_lines(text)
    results: list[IndexResult] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        found = read_at(lines, sections, i)
        if found:
            results += found[0]
            spans += found[1]
            i = found[2]
        else:
            i += 1
    return results, spans


def section_lines(text: str) -> list[tuple[int, str, Optional[int], Optional[str]]]:
    """(offset, line, the results year of its section, the index its Roman heading names) of every line."""
    out: list[tuple[int, str, Optional[int], Optional[str]]] = []
    year: Optional[int] = None
    index: Optional[str] = None
    for off, line in text_lines(text):
        if _HEADING.match(line):
            year = section_year(line, year)
        if _ROMAN_HEADING.match(line):
            index = one_index(line)
        out.append((off, line, year, index))
    return out


def one_index(text: str) -> Optional[str]:
    named = list(dict.fromkeys(n for _, _, n in index_mentions(fold(text))))
    return named[0] if len(named) == 1 else None


def row_component(label: str, index: str) -> Optional[str]:
    """The component of `index` a row's label names, as printed, with its short forms spelled out, or cut to the
    first or last words of one official name (`Gia nhập thị trường`, `Tính năng động`)."""
    from extract.result_tables import expand_short_forms

    found = best_component(label, (index,))[1] or best_component(expand_short_forms(label), (index,))[1]
    return found or _cut_name(label, index)


def _cut_name(label: str, index: str) -> Optional[str]:
    """The one official name whose first or last words the cell spells closely (three words at least): a narrow
    column prints `Gia nhập thị trường` for `Chi phí gia nhập thị trường`."""
    key = component_key(label)
    n = len(key.split())
    if n < 3:
        return None
    hits = set()
    for name_key, name in component_choices(index):
        words = name_key.split()
        if len(words) > n and any(fuzz.ratio(key, " ".join(part)) >= 90 for part in (words[:n], words[-n:])):
            hits.add(name)
    return hits.pop() if len(hits) == 1 else None


def _unit_groups(cells: list[str], doc_folded: str) -> Optional[list[tuple[str, list[int]]]]:
    """(unit, its columns) when each unit's column (`Tuyên Quang (cũ) - Điểm/Tỷ lệ`) is followed by columns of
    ranks (`Xếp hạng`), else None."""
    groups: list[tuple[str, list[int]]] = []
    for k, cell in enumerate(cells[1:], start=1):
        unit = _units([re.sub(r"\s+[-–:]\s+[^()]*$", "", cell)], doc_folded)[0]
        if unit:
            groups.append((unit, [k]))
        elif groups and RANK_ROW.fullmatch(fold(cell)):
            groups[-1][1].append(k)
        else:
            return None
    return groups if len(groups) >= 2 and any(len(cols) > 1 for _, cols in groups) else None


def _rows(lines, i: int, units: list[str], year: Optional[int], total: Optional[int], page_of, numbered: bool = False,
          lead_index: Optional[str] = None, by_year: bool = False, groups: Optional[list[list[int]]] = None,
          parts_max: Optional[float] = None, max_column: bool = False, collapsed: bool = False
          ) -> tuple[list[IndexResult], int, int]:
    """(results, end offset, next line) of the rows under a header of units: each opens with one index, or with a
    component of the index of the caption or section."""
    out: list[IndexResult] = []
    end = lines[i - 1][0] + len(lines[i - 1][1])
    while i < len(lines):
        off, line = lines[i]
        cells = _cells(line)
        if collapsed and len(cells) == 1:  # (single spaces between the cells too: the label, then the numbers)
            label, numbers = split_numeric_tail(line)
            cells = [label] + numbers
        if numbered and len(cells) > 1 and re.fullmatch(r"\d{1,2}\.?|", cells[0]):  # (a total row's number cell is empty)
            cells = cells[1:]
        row_year = re.fullmatch(rf"(?:n\S{{0,2}}m\s+)?({YEAR})", fold(cells[0])) if by_year and cells else None
        if by_year and not (row_year and lead_index):
            break  # (`Bình quân | 88,08 | ...` under the years: no unit's result)
        named = [lead_index] if by_year else list(dict.fromkeys(n for _, _, n in index_mentions(fold(cells[0])))) if cells else []
        # (a row naming no index: a part of the one led in, else of the one the row above named)
        above = lead_index or (out[-1].index if out else None)
        component = row_component(cells[0], above) if cells and not named and above else None
        if cells and not named and not component and lead_index and is_total_row(cells[0]) and out:
            named = [lead_index]  # `Tổng điểm (thang điểm 80) | 42,63 | 41,42` under the parts: the index's own
        year = int(row_year.group(1)) if row_year else year
        row_max = None
        if max_column and len(cells) == len(units) + 2:
            row_max = parse_number(cells.pop(1))
        if cells and RANK_ROW.match(fold(cells[0])) and out and len(cells) == len(units) + 1:
            # `Xếp hạng | 12/20 | 3/20` under `Tổng điểm`: the ranks of the units' results on the row above
            ranks = [read_cell(c) for c in cells[1:]]
            wholes = [r for r in out[-len(units):] if r.component is None]
            if len(wholes) == len(units) and all(c is not None and c.rank is not None and c.value is None for c in ranks):
                for r, c in zip(wholes, ranks):
                    r.rank, r.rank_total = c.rank, c.rank_total
                end = off + len(line)
                i += 1
                continue
        if groups and len(cells) == groups[-1][-1] + 1:  # a unit's value and rank, read as one cell
            cells = cells[:1] + [" ".join(cells[k] for k in cols) for cols in groups]
        read = [read_cell(c) for c in cells[1:]]
        if not (len(named) == 1 or component) or len(read) != len(units) or None in read:
            break
        index = named[0] if named else above
        ev = Evidence(page=page_of(off) if page_of else None, text=" ".join(line.split())[:240])
        metric = _metric(cells[0], index)
        # (a maximum said in the row's label, or over the parts in the header's: `Chỉ số nội dung (tối đa 10 điểm)`)
        most = (row_max or stated_max(fold(cells[0])) or (parts_max if component else None)) if metric == "score" else None
        for unit, cell in zip(units, read):
            if cell.value is None and cell.rank is None:
                continue
            out.append(IndexResult(index=index, component=component, year=year, scope=unit, evidence=ev, rank=cell.rank,
                                   rank_total=cell.rank_total or (total if cell.rank is not None else None),
                                   max_score=(cell.max_score or most) if cell.value is not None else None,
                                   **{metric: cell.value}))
        end = off + len(line)
        i += 1
    return out, end, i
