"""Results tables whose cells a text layer or OCR put on separate lines, rejoined IN PLACE into rows of `|`-separated
cells for the table readers (`result_unit_columns`, `result_year_columns`, `result_table_text`). Three shapes:

    STT / Chỉ số / Năm 2021 / Năm 2022 / 1 / Chỉ số CCHC / 81,22 / 79,40 / 2 / ...   (one cell per line)
    Năm 2022 Năm 2023 / Chỉ số DTI / 0,53 (19/63) 0,58 (14/63) / Kinh tế số / ...      (a label line, a line of values)
    Đơn vị / Xã A (cũ) / Xã B (cũ) / Điểm / 86,74 / 82,09 / Xếp hạng / 4/18 / 11/18   (read column by column)

A block is rejoined only when its structure is certain: the header gives the number of columns, every row comes
complete (the next numbering where it must be, values where values were, no value left over after the last row);
otherwise it is left as it is and a warning says why. The rewritten text has the same length as the original and
every character outside a block keeps its offset, so spans read in it can be blanked in the original."""
from __future__ import annotations

import re
from typing import Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold
from extract.result_table_lead import CHANGE_COLUMN, VALUE_CELL
from extract.result_unit_columns import text_lines
from extract.result_year_row_results import column_measure

_VALUE_CELL = re.compile(rf"^[≥≤<>=+-]?\s?(?:{VALUE_CELL}|\d{{1,3}}\s?/\s?\d{{1,3}})$", re.I)
_INLINE_VALUE = rf"{NUMBER}\s?%?(?:\s?\(\d{{1,3}}\s?/\s?\d{{1,3}}\))?"
_YEAR_CELL = re.compile(rf"n\S{{0,2}}m\s+{YEAR}")
_NUMBERING_HEAD = re.compile(r"^(?:s\S{0,2}\s*)?t\s*t$")  # STT, TT, Số TT
_YEAR_HEAD = re.compile(r"^n\S{0,2}m$")  # Năm (a column of years)
# the first cell of a table read column by column names what its column holds
_COLUMN_HEAD = re.compile(r"^(?:(?:ten\s+)?don\s+vi(?:\s+\(cu\))?|chi\s+so(?:\s+(?:thanh\s+phan|noi\s+dung))?|noi\s+dung|"
                          r"tieu\s+chi|linh\s+vuc|yeu\s+to)$")
_MEASURE_HEAD = re.compile(r"^(?:diem(?:\s+(?:so|dat|toi\s+da|chuan))?|ty\s+le(?:\s+hai\s+long)?|xep\s+hang|thu\s+hang|ket\s+qua"
                           rf"|{CHANGE_COLUMN})(?:\s*\(%\))?$")
_MAX_CELL = 80  # a longer line is prose, not a cell
_CHANGE_WORDS = re.compile(r"^(?:[+-]?\s?\d[\d.,]*\s*(?:%|d\S{0,2}m)?\s*,?\s*)?(?:(?:tang|giam|len|xuong|tut)\s+\d{1,2}\s+b\S{0,2}c"
                           r"|khong\s+doi|giu\s+nguyen|giu\s+vung)$")
_UNIT_HEAD = re.compile(r"\((?:cu|cii)\)\s*$|^(?:tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran|so)\s")


def _cell(line: str) -> str:
    """A line as a cell: stray `|`, quote marks and dots of the OCR dropped (`7 ‘`, `5/8 .`)."""
    return line.replace("|", " ").strip().strip("‘’'`\".,").strip()


def is_value_cell(cell: str) -> bool:
    return bool(_VALUE_CELL.match(cell.strip()))


def _is_label(cell: str) -> bool:
    return bool(cell) and len(cell) <= _MAX_CELL and not is_value_cell(cell) and re.search(r"[^\W\d_]", cell) is not None


def rejoin_cell_lines(text: str) -> tuple[str, list[str]]:
    """(text with every certain block rejoined into `|` rows, same length; warnings for blocks left alone)."""
    starts = [off for off, _ in text_lines(text)]
    lines = [line for _, line in text_lines(text)]
    out = list(text)
    warnings: list[str] = []
    i = 0
    while i < len(lines):
        for reader in (_numbered_cells, _label_value_lines, _column_blocks):
            found = reader(lines, i, warnings)
            if found:
                rows, end = found
                _write(out, text, starts, lines, i, end, rows)
                i = end
                break
        else:
            i += 1
    return "".join(out), warnings


def _write(out: list[str], text: str, starts: list[int], lines: list[str], first: int, end: int,
           rows: list[list[str]]) -> None:
    """Rows of cells in place of lines[first:end], padded with spaces to the same length."""
    a = starts[first]
    b = starts[end - 1] + len(lines[end - 1])
    joined = "\n".join("|".join(row) for row in rows)
    if len(joined) > b - a:  # cells never grow; a safeguard so that offsets cannot shift
        return
    out[a:b] = list(joined.ljust(b - a))


def _numbered_cells(lines: list[str], i: int, warnings: list[str]) -> Optional[tuple[list[list[str]], int]]:
    """`STT` / k-1 column labels / then rows `n` / k-1 cells, n = 1, 2, ... (one cell per line); or `Năm` / k-1
    column labels / then rows `2021` / k-1 cells, the years rising."""
    first = fold(_cell(lines[i]))
    by_year = bool(_YEAR_HEAD.match(first))
    if not by_year and not _NUMBERING_HEAD.match(first):
        return None

    def opens(j: int, prev: Optional[str]) -> bool:  # lines[j] opens the row after the one keyed `prev`
        cell = _cell(lines[j])
        if not by_year:
            return cell == str(int(prev) + 1 if prev else 1)
        return bool(re.fullmatch(YEAR, cell)) and (prev is None or int(cell) > int(prev))

    head = [_cell(lines[i])]
    j = i + 1
    while j < len(lines) and not opens(j, None) and _is_label(_cell(lines[j])) and len(head) < 9:
        head.append(_cell(lines[j]))
        j += 1
    k = len(head)
    if k < 3 or j >= len(lines) or not opens(j, None):
        return None
    rows: list[list[str]] = [head]
    key: Optional[str] = None
    while j + k <= len(lines) and opens(j, key):
        cells = [_cell(x) for x in lines[j:j + k]]
        following = lines[j + k] if j + k < len(lines) else ""
        if not all(c and len(c) <= _MAX_CELL for c in cells[1:]):
            break
        if following and not opens(j + k, cells[0]) and is_value_cell(_cell(following)) and not by_year:
            # a value after the row's last cell: a name wrapped over two lines shifted the cells
            warnings.append(f"table read one cell per line under '{head[1]}': row {cells[0]} does not come in {k} "
                            f"cells; left from row {cells[0]}")
            break
        rows.append(cells)
        key = cells[0]
        j += k
    body = rows[1:]
    _blank_damaged(body, head, warnings)
    if len(body) < 2 or not _consistent(body, 1, labelled=not by_year):
        return None
    if by_year and j < len(lines) and (is_value_cell(_cell(lines[j])) or opens(j, key)):
        warnings.append(f"table read one cell per line under '{head[0]}': the row after {key} does not come in "
                        f"{k} cells; left as it is")
        return None
    return rows, j


# a cell the OCR broke beyond reading (`%/8`, `8#,12`): digits and marks, no letter; or one letter a digit may have
# been read as beside a mark (`1?/o`)
_MARKS = r"[\d.,/%#*?~^()\s-]"
_DAMAGED = re.compile(rf"^(?=.*\d){_MARKS}{{1,8}}$|^(?=.{{1,8}}$)(?=.*\d)(?=.*[#*?~^]){_MARKS}*[oOlI]{_MARKS}*$")


def _blank_damaged(body: list[list[str]], head: list[str], warnings: list[str]) -> None:
    """A damaged cell in a column of values is left blank (its value unknown), with a warning; the rest of the row
    and the table are read."""
    for c in range(1, len(head)):
        cells = [row[c] for row in body]
        if sum(map(is_value_cell, cells)) < len(cells) - 1:
            continue
        for row in body:
            if not is_value_cell(row[c]) and _DAMAGED.match(row[c]):
                warnings.append(f"table read one cell per line under '{head[1]}': cell '{row[c]}' of row {row[0]} "
                                f"({head[c]}) cannot be read; left blank")
                row[c] = ""


def _consistent(body: list[list[str]], first: int, labelled: bool = True) -> bool:
    """Every column holds values in every row or in none (a cell left blank aside); the label column (when there is
    one) none, one column at least values."""
    kinds = [{is_value_cell(row[c]) for row in body if row[c]} for c in range(first, len(body[0]))]
    return all(len(k) == 1 for k in kinds) and (not labelled or kinds[0] == {False}) and any(k == {True} for k in kinds)


def _years_line(line: str) -> Optional[list[str]]:
    """`Năm 2022 Năm 2023 Năm 2024` (nothing else on the line) -> its cells."""
    folded = fold(_cell(line))
    cells = _YEAR_CELL.findall(folded)
    if len(cells) < 2 or re.sub(r"\s+", "", folded) != "".join(re.sub(r"\s+", "", c) for c in cells):
        return None
    return [m.group(0) for m in re.finditer(rf"\S+\s+{YEAR}", _cell(line))]


def _values_line(line: str, n: int) -> Optional[list[str]]:
    """A line that is exactly n value cells apart by spaces (`0,53 (19/63) 0,58 (14/63)`) -> the cells."""
    cell = _cell(line)
    found = re.findall(rf"(?:^|(?<=\s))({_INLINE_VALUE})(?=\s|$)", cell)
    if len(found) != n or re.sub(r"\s+", "", cell) != "".join(re.sub(r"\s+", "", c) for c in found):
        return None
    return found


def _label_value_lines(lines: list[str], i: int, warnings: list[str]) -> Optional[tuple[list[list[str]], int]]:
    """A header of years, then rows that are a label line and a line of one value per year."""
    years = _years_line(lines[i])
    if not years:
        return None
    rows: list[list[str]] = [years]
    j = i + 1
    while j + 1 < len(lines) and _is_label(_cell(lines[j])) and _years_line(lines[j]) is None:
        values = _values_line(lines[j + 1], len(years))
        if values is None:
            break
        rows.append([_cell(lines[j])] + values)
        j += 2
    if len(rows) < 3:
        return None
    if j < len(lines) and _values_line(lines[j], len(years)) is not None:
        warnings.append(f"table of label and value lines under '{' '.join(years)}': a line of values without a label; "
                        "left as it is")
        return None
    return rows, j


def _column_blocks(lines: list[str], i: int, warnings: list[str]) -> Optional[tuple[list[list[str]], int]]:
    """A table read column by column: a head (`Đơn vị`) over k names, then blocks of a label over k values."""
    if not _COLUMN_HEAD.match(fold(_cell(lines[i]))):
        return None
    j = i + 1
    names: list[str] = []
    while j < len(lines) and _is_label(_cell(lines[j])):
        names.append(_cell(lines[j]))
        j += 1
    # the last label before the values heads the first block of values
    if len(names) < 2 or j >= len(lines) or not is_value_cell(_cell(lines[j])):
        return None
    first_label = names.pop()
    # (`Chỉ số thành phần / Tỉnh A (cũ) / Tỉnh B (cũ) / Chi phí thời gian / 7,12 / 6,85`: the head names what the rows
    # are, the blocks are rows; `Đơn vị / Xã A (cũ) / Xã B (cũ) / Điểm / ...` is read column by column)
    # (`Đơn vị / Điểm Chỉ số CCHC / Xếp hạng / Chỉ số SIPAS / Phường A (cũ) / 88,50 / 2/9 / 87,40%`: columns that
    # name an index or a measure over rows of units, row by row)
    row_by_row = all(_YEAR_CELL.search(fold(n)) or _MEASURE_HEAD.match(fold(n)) for n in names) or (
        all(index_mentions(fold(n)) or column_measure(fold(n)) for n in names) and bool(_UNIT_HEAD.search(fold(first_label)))
    ) or (
        not fold(_cell(lines[i])).startswith(("don vi", "ten don vi")) and all(_UNIT_HEAD.search(fold(n)) for n in names)
        and not _MEASURE_HEAD.match(fold(first_label)) and not _YEAR_CELL.search(fold(first_label)))
    if len(names) < 2 and not row_by_row:  # (`Yếu tố / Tỷ lệ hài lòng (%)` over rows of two cells: row by row)
        return None
    k = len(names)
    columns: list[list[str]] = [[_cell(lines[i])] + names]
    j -= 1
    # (read row by row, a change column may say its change in words: `Tăng 5 bậc`, `Giữ nguyên`)
    changes = {c for c, n in enumerate(names) if row_by_row and re.fullmatch(CHANGE_COLUMN, fold(n))}
    while j < len(lines) and _is_label(_cell(lines[j])):
        block = [_cell(x) for x in lines[j + 1:j + 1 + k]]
        if len(block) != k or not all(is_value_cell(x) or c in changes and _CHANGE_WORDS.match(fold(x))
                                      for c, x in enumerate(block)):
            if any(is_value_cell(c) for c in block[:1]):
                warnings.append(f"table read column by column under '{_cell(lines[i])}': column "
                                f"'{_cell(lines[j])}' does not hold {k} values; left as it is")
                return None
            break
        columns.append([_cell(lines[j])] + block)
        j += 1 + k
    if len(columns) < 2 or (j < len(lines) and is_value_cell(_cell(lines[j]))):
        return None
    if row_by_row:
        # `Yếu tố / Năm 2023 / Năm 2024 / Tiếp cận ... / 96,12% / 97,05%`: the head's cells are the columns, each
        # block a row (one cell per line, row by row)
        return columns, j
    rows = [[col[r] for col in columns] for r in range(k + 1)]
    return rows, j


__all__ = ["is_value_cell", "rejoin_cell_lines"]
