"""Results tables read from text lines (born-digital PDFs, `|`-separated synthetic text) or OCR'd cells.

A header starting with `STT` (or naming its first column, `Chỉ số thành phần | Năm 2022`) opens a table; each
row is its STT, its name (wrapped over lines) and its numbers (`39/63 9,2779 9,5 + 0,13 ≥ 9,40`), whose columns
are told by their SHAPE in `extract/result_tables.py`, which survives a header jumbled by the text layer.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.components import index_mentions
from extract.numbers import YEAR, fold
from extract.result_table_context import (TOKEN_RE, TableContext, is_results_header, is_total_row, make_row,
                                          split_numeric_tail, stated_max)
from extract.result_table_lead import headed_without_number, one_value_row, section_year, worded_cells_row

_HEADING_RE = re.compile(r"^\s*(?:[IVX]{1,4}\.|\d+\.\d+\.|\d+\.\s+[A-ZĐÀ-Ỹ])")
# the rank stated under a table's total row (`Xếp hạng: 6/19 sở, ban, ngành.`)
_RANK_UNDER_TOTAL = re.compile(r"^xep\s+(?:hang|thu)\s?:?\s?(\d{1,3}\s?/\s?\d{1,3})(?![\d/])")


def _caps_heading(line: str) -> bool:
    """`KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023`: an unnumbered heading in capitals (an appendix's title)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters)


def rows_from_text(text: str, base: int = 0) -> list[TableContext]:
    """Results tables flattened into text lines (born-digital PDFs, `|`-separated synthetic text)."""
    from extract.result_context import title_text
    from extract.result_scope import own_units

    tables: list[TableContext] = []
    lines = _lines_with_offsets(text, base)
    own = own_units(text)
    named = list(dict.fromkeys(n for _, _, n in index_mentions(title_text(fold(text)))))
    title_index = named[0] if len(named) == 1 else None
    heading_indices: tuple[str, ...] = ()
    intro: tuple[int, str] = (0, "")
    para: list[str] = []  # the lines of the lead-in's paragraph
    year_of_section: Optional[int] = None  # `I. KẾT QUẢ NĂM 2023`
    i = 0
    while i < len(lines):
        off, line = lines[i]
        f = fold(line)
        if intro[1].rstrip().endswith(":") and _worded_rows(lines, i, 2) == 2:
            # rows without a header whose cells name their units, under a lead-in line
            n = _worded_rows(lines, i)
            table = TableContext(header=worded_cells_row(line)[2], indices=heading_indices,
                                 scope=_lead_in_scope(intro[1], own), intro_year=_intro_year(intro[1]),
                                 title_index=title_index, section_year=year_of_section)
            for off_k, line_k in lines[i:i + n]:
                label, tokens, _ = worded_cells_row(line_k)
                table.rows.append(make_row(label, tokens, off_k))
            tables.append(table)
            i += n
            continue
        if not _starts_header(f) and not _header_without_number(lines, i):
            # (`2. Sự hài lòng của người dân, tổ chức`, `Tỷ lệ hài lòng theo từng yếu tố như sau:`: SIPAS unnamed)
            # (the table's own lead-in only: a heading `2. Sự hài lòng ...` would hold for the tables of later sections)
            # (its own sentence: `... Mức độ hài lòng ... đạt 88,6%. Kết quả theo từng lĩnh vực như sau:` is no lead-in of SIPAS)
            own_sentence = fold(re.split(r"(?<=[.;])\s+", line.strip())[-1])
            found = tuple(dict.fromkeys(n for _, _, n in index_mentions(f))) or (
                ("SIPAS",) if _SATISFACTION.search(own_sentence) and line.rstrip().endswith(":") and not _HEADING_RE.match(line)
                else ())
            if found and (_HEADING_RE.match(line) or line.rstrip().endswith(":") or _caps_heading(line)
                          or re.match(r"\s*bang\s+\d", f)):  # a caption (`Bảng 1. Kết quả Chỉ số CCHC ...`)
                heading_indices = found
            elif not found and re.match(r"\s*[IVX]{1,4}\.\s", line):
                heading_indices = ()  # a new section (`I. ĐÁNH GIÁ KẾT QUẢ NĂM 2022`): the lead-in of the plan no longer holds
            if _HEADING_RE.match(line) or _caps_heading(line):
                year_of_section = section_year(line, year_of_section)
            if line.strip():  # (a blank line between the lead-in and its table)
                # the lead-in's paragraph: a sentence wraps over lines (`... (năm` / `2023 đạt ...). Theo yếu tố:`)
                para = [] if _HEADING_RE.match(line) or not intro[1].strip() or re.match(r"\s*[-+•]\s", line) else para
                para.append(line.strip())
                intro = (off, line)
            else:
                para = []
            i += 1
            continue
        header_at = i
        header, i = _read_header(lines, i)
        if not is_results_header(header):
            continue
        lead_text = ("\n".join(para[-6:]) or intro[1]) if intro[1].rstrip().endswith(":") or _HEADING_RE.match(intro[1]) \
            else None  # `I. KẾT QUẢ NĂM 2024 CỦA TỈNH X (CŨ)`
        # (the lead-in's last sentence, its line, else its paragraph opened by a numbered item: `2. Năm 2025, Chỉ số
        # CCHC của Sở đạt ... Kết quả theo từng lĩnh vực:`; the latest year of several)
        lead_sentence = re.split(r"(?<=[.;])\s+(?=\S)", intro[1].strip())[-1]
        numbered = bool(para) and re.match(r"\s*\d+\.\s", para[0]) is not None
        year_of_lead = (_intro_year(lead_sentence) or _intro_year(intro[1], latest=True)
                        or (_intro_year(" ".join(para), latest=True) if numbered else None))
        # a column of `Yếu tố` (the factors of satisfaction) is SIPAS's whatever index the lead-in's paragraph named first
        # (`2. Chỉ số CCHC năm 2021 của Sở đạt ... Kết quả khảo sát mức độ hài lòng ... Kết quả theo từng yếu tố như sau:`)
        factors = re.match(r"\s*(?:s\S{0,2}\s*)?t\s*t\s+yeu\s+to\b|\s*yeu\s+to\b", header) and "SIPAS" not in heading_indices
        table = TableContext(header=header, indices=("SIPAS",) if factors else heading_indices, intro_year=year_of_lead,
                             title_index=title_index, section_year=year_of_section,
                             raw_header=" ".join(raw for _, raw in lines[header_at:i]),
                             header_lines=tuple(raw for _, raw in lines[header_at:i]))
        i = _read_rows(lines, i, table)
        if lead_text is not None:
            ranks = [next((t for t in reversed(r.tokens) if "/" in t), "") for r in table.rows] \
                if re.search(r"\b(?:xep|thu)\s*h\S{0,3}ng\b", table.header) else []  # (`8/9` points are no rank)
            table.scope = _lead_in_scope(lead_text, own, _rank_totals(" ".join(ranks)))
            # (the lead-in's last sentence, whole when it wraps: `... (điểm tối đa mỗi chỉ số nội dung là` / `10 điểm):`)
            table.lead_max = stated_max(fold(re.split(r"(?<=[.])\s+(?=\S)", " ".join(lead_text.split()))[-1]))
        para = []
        if table.rows:
            tables.append(table)
    return tables


_RANK_OF = re.compile(r"(?<![\d.,])(\d{1,3})\s?/\s?(\d{1,3})(?!\d|[.,]\d)")


def _rank_totals(text: str) -> set[int]:
    """The totals of the ranks `6/8` in `text` (not fractions of points: `82,64/100`)."""
    return {int(b) for a, b in _RANK_OF.findall(text) if int(a) <= int(b)}


def _lead_in_scope(line: str, own, row_totals: frozenset | set = frozenset()) -> Optional[str]:
    """The unit of the sentence that leads into the table, not of an earlier one on its line (`..., cao hơn
    phường X (90,10%). Tỷ lệ hài lòng theo yếu tố:`); `Trong đó, ...:` goes on with the sentence before it
    (`Chỉ số PAPI năm 2023 của tỉnh X đạt ... Trong đó, các chỉ số nội dung:`)."""
    from extract.result_scope import UNIT_WORDS, scope_of

    lead_in = _sentence_at(line, len(line))
    # `Trong đó, ...:`, or a lead-in naming no unit (`Kết quả 8 chỉ số nội dung như sau:`): the sentence before it
    if re.match(r"\s*trong\s+do\b", fold(line[lead_in:])):
        lead_in = _sentence_at(line, max(0, lead_in - 1))
    elif lead_in and not _names_unit(line, lead_in, UNIT_WORDS):
        end = lead_in
        for _ in range(2):  # (past one sentence of comparison: `Tỉnh X dẫn đầu với ...; trung bình ... là ...`)
            before = _sentence_at(line, max(0, end - 1))
            # (not `So với các tỉnh ..., X đứng sau Y`, nor `Tỉnh dẫn đầu là` / `Quảng Ninh ...; tỉnh X lân cận đạt`
            # wrapped over lines, nor an aside `Cũng trong năm 2022, Chỉ số PAR INDEX của tỉnh đạt`)
            whole = max([0] + [m.end() for m in re.finditer(r"\.\)?\s", line[:max(0, end - 1)])])
            # (nor one ranking its unit among other units than the rows are ranked among: `... của tỉnh đạt 84,17
            # điểm, xếp thứ 36/63` over rows `6/8`, the district's own)
            totals = _rank_totals(line[before:end])
            if row_totals and totals and not row_totals & totals:
                break
            # (`Cũng trong năm 2024, huyện X (cũ) đạt ...`: a former unit of the issuer, not a unit compared with)
            compared = _COMPARES.search(fold(line[min(before, whole):end]))
            if compared and compared.group(0).startswith("cung") and re.search(r"\((?:cu|cii)\)", fold(line[before:end])):
                compared = None
            if not compared:
                # whose value it gives (`Chỉ số PAPI của tỉnh X đạt ...`), not the units it is ranked among after it
                verb = _VERB.search(fold(line), before)
                return scope_of(line, fold(line), before, verb.start() if verb and verb.start() < end else end, own)
            end = min(before, whole)
            if end <= 0:
                break
    return scope_of(line, fold(line), lead_in, len(line), own)


def _sentence_at(para: str, hi: int) -> int:
    """Start of the last sentence before `hi` in a lead-in paragraph: after `. ` or at a line opening with a capital or
    a bullet (a line of its own, not the wrapped end of the one above)."""
    cuts = [m.end() for m in re.finditer(r"\.\)?\s|\n(?=\s*[-+•]|\s*[^\W\d_]*[A-ZĐÀ-Ỹ])", para[:hi])]
    return cuts[-1] if cuts else 0


def _names_unit(line: str, lo: int, unit_words: str) -> bool:
    """A unit word with its name after `lo` (`tỉnh Thanh Hóa`, `Sở Y tế`), not `liên quan`, `một số`, `của tỉnh`."""
    rest = fold(line[lo:])
    if re.search(rf"\bc\S{{1,3}}a\s+(?:{unit_words}|don\s+vi|co\s+quan)\b", rest):
        return True  # `Kết quả các lĩnh vực của thị xã như sau:` names the plan's own unit
    return any(line[lo + m.end():lo + m.end() + 1].isupper() for m in re.finditer(rf"\b(?:{unit_words}|so)\s+", rest))


_SATISFACTION = re.compile(r"\bhai\s?l[o0]ng\b")
_VERB = re.compile(r"\b(?:dat|xep|dung)\b")
_COMPARES = re.compile(r"\b(?:so\s+voi(?!\s+(?:nam|cung\s+ky|ky\s+truoc|muc\s+tieu|chi\s+tieu)\b)|dung\s+sau|cao\s+hon|thap\s+hon|trong\s+khi|dan\s+dau|trung\s+(?:binh|vi)|binh\s+quan"
                       r"|lan\s+can|cung\s+(?:trong\s+)?nam|cung\s+ky)\b")


def _worded_rows(lines, i, at_most: int = 40) -> int:
    """How many lines from `i` on are rows whose cells name their units (`4,25 điểm    xếp thứ 30/63`)."""
    n = 0
    while i + n < len(lines) and n < at_most and worded_cells_row(lines[i + n][1]):
        n += 1
    return n


def _intro_year(line: str, latest: bool = False) -> Optional[int]:
    """The results year the line above a table states (its first `năm YYYY` that is no comparison or goal:
    `năm 2024 ... và mục tiêu năm 2025:` is 2024)."""
    if not line.rstrip().endswith(":") and not _HEADING_RE.match(line):
        return None
    folded = fold(line)
    found = [int(m.group(1)) for m in re.finditer(rf"n\S{{0,2}}m\s+({YEAR})", folded)
             if not re.search(r"so voi|muc tieu|ke hoach|phan dau|den", folded[max(0, m.start() - 20):m.start()])]
    return (max(found) if latest else found[0]) if found else None  # (a paragraph: `năm 2023 ...; năm 2024 đạt`)


def _header_without_number(lines, i) -> bool:
    """`Chỉ số thành phần   Năm 2022   Năm 2023` over rows with numbers: a results header with no STT column."""
    line = lines[i][1]
    return (headed_without_number(line) and is_results_header(fold(line)) and i + 1 < len(lines)
            and len(split_numeric_tail(lines[i + 1][1])[1]) >= 2)


def _starts_header(folded_line: str) -> bool:
    # `ST` / `T` when a text layer splits the narrow STT column over two lines
    # `TT | Yếu tố | ...`: the narrow column headed `TT`; `Số TT`, `Số thứ tự`
    return bool(re.match(r"^\s*(?:st(?:t\b|\s{2,}\S)|tt\s|so\s+(?:tt|thu\s+tu)\b)", folded_line))


def _lines_with_offsets(text: str, base: int) -> list[tuple[int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        line = raw.replace("|", "  ").replace("\t", "  ").strip()  # `|` and a tab part cells as a run of spaces does
        if line and not line.startswith("http") and line != "\f":
            out.append((base + pos, line))
        pos += len(raw) + 1
    return out


def _row_start(line: str) -> bool:
    label, tokens = split_numeric_tail(line)
    return bool(re.fullmatch(r"\d{1,2}|[IVX]{1,4}", line.strip())) or len(tokens) >= 2 or one_value_row(label, tokens)


def _read_header(lines, i) -> tuple[str, int]:
    parts = []
    while i < len(lines) and not _row_start(lines[i][1]) and len(parts) < 40:
        parts.append(lines[i][1])
        i += 1
    return fold(" ".join(parts)), i


_ANNEX_RE = re.compile(r"^\s*ph\S{0,2}\s*l\S{0,2}c\s+(?:[ivx]{1,4}|\d{1,2}|so)\b")


def _read_rows(lines, i, table: TableContext) -> int:
    buf: list[tuple[int, str]] = []
    while i < len(lines):
        off, line = lines[i]
        f = fold(line)
        if _starts_header(f):
            if buf:  # prose, then a header: a new table (its intro line is in `buf`)
                return i - len(buf)
            _, i = _read_header(lines, i)  # the header repeated on the next page: same table
            continue
        if _HEADING_RE.match(line) and not _row_start(line) and not buf:
            return i
        if _ANNEX_RE.match(f) or headed_without_number(line) and is_results_header(f):
            return i - len(buf)  # `Phụ lục II`, or the header of the next table (its lead-in in `buf`)
        nxt_tokens = split_numeric_tail(lines[i + 1][1]) if i + 1 < len(lines) else ("", [])
        after_name = bool(buf) and not re.fullmatch(r"\d{1,2}|[IVX]{1,4}", buf[-1][1])
        # a row's STT alone on its line (not a maximum `13` printed between the name and the score)
        if re.fullmatch(r"\d{1,2}|[IVX]{1,4}", line) and not (after_name and nxt_tokens[1] and not nxt_tokens[0]):
            buf.append((off, line))
            i += 1
            continue
        rank = _RANK_UNDER_TOTAL.match(f)
        if rank and not buf and table.rows and is_total_row(table.rows[-1].label):
            table.rows[-1].tokens.append(rank.group(1))
            i += 1
            continue
        label, tokens = split_numeric_tail(line)
        if tokens and not label and buf:  # one cell per line: the row's numbers follow its name
            while i + 1 < len(lines):
                more_label, more = split_numeric_tail(lines[i + 1][1])
                if more_label or not more:
                    break
                nxt = lines[i + 2][1] if i + 2 < len(lines) else ""
                if re.fullmatch(r"\d{1,2}|[IVX]{1,4}", lines[i + 1][1]) and nxt and not split_numeric_tail(nxt)[1]:
                    break  # the next row's STT, followed by its name
                tokens += more
                i += 1
        if len(tokens) >= 2 or (tokens and not label and table.rows and not buf) or (one_value_row(label, tokens) and not buf):
            if not label and not buf and table.rows:  # numbers that wrapped below their row
                table.rows[-1].tokens.extend(tokens)
            else:
                if buf and table.rows and is_total_row(label) and not any(_row_start(b) for _, b in buf):
                    # `8 | Tác động ... và | 25 | 21,50` / `| phát triển kinh tế - xã hội |` / `| Tổng cộng | 100 | 87,95`:
                    # the lines before a total row end the name of the row above
                    table.rows[-1].label += " " + " ".join(b for _, b in buf)
                    buf = []
                start = buf[0][0] if buf else off
                full = " ".join([b for _, b in buf] + [label])
                table.rows.append(make_row(full, tokens, start))
                buf = []
        else:
            if len(buf) > 12:  # a long run of prose: the table has ended
                return i - len(buf)
            if table.rows and not buf and re.search(r"[^\W\d_]\s+\d{1,3},\d+\s+\S*\d\S*$", line):
                i += 1  # a row whose last value the OCR broke (`... kiến nghị 82,35 8S,57`): no name for the next row
                continue
            buf.append((off, line))
        i += 1
    return i - len(buf)


def rows_from_grid(grid: list[list[str]]) -> Optional[TableContext]:
    """A results table from OCR'd cells: header rows first, then one TableRow per data row."""
    header_rows, body = [], []
    for cells in grid:
        joined = " ".join(c for c in cells if c)
        if not body and not any(TOKEN_RE.fullmatch(c.strip()) for c in cells if c.strip()):
            header_rows.append(joined)
        else:
            body.append(cells)
    header = fold(" ".join(header_rows))
    if not is_results_header(header):
        return None
    table = TableContext(header=header, indices=())
    for cells in body:
        label_parts, tokens = [], []
        for c in cells:
            lab, toks = split_numeric_tail(c)
            if toks and not lab:
                tokens.extend(toks)
            elif c.strip():
                label_parts.append(c.strip())
        if tokens:
            table.rows.append(make_row(" ".join(label_parts), tokens, 0))
    return table if table.rows else None
