"""Table columns that hold no value of the plan's own unit, blanked before the results tables are read:

    | TT | Chỉ số nội dung      | Điểm của tỉnh | Nhóm            | Điểm trung bình cả nước |
    | 1  | Tham gia của ...     | 5,02          | Trung bình thấp | 5,10                    |

A column headed by an average of an area or of units, or a median (`Trung bình cả nước`, `Bình quân các phường`, `TB cả
nước`, `Trung vị cả nước 2023`; not `Điểm bình quân của tỉnh`) or by the best/worst unit (`Điểm cao nhất`, `Tỉnh dẫn
đầu`) holds someone else's numbers, a column of points lost (`Điểm bị trừ`) or self-assessed (`Điểm tự đánh giá`)
no result; a band column
(`Nhóm`, `Xếp loại`) holds words that split a row's numbers. The table readers tell a row's values by their shape and
order, not by the column they stand in, so such cells are turned to spaces (offsets kept) in every row that has as
many cells as the header. `|`-separated rows and rows aligned by runs of spaces; a column of ranks (`Xếp hạng toàn
quốc`) is the unit's own.
"""
from __future__ import annotations

import re

from extract.numbers import YEAR, fold

_AVERAGE = re.compile(r"\b(?:trung\s+binh|tb|binh\s+quan)\b")
_MEDIAN = re.compile(r"\btrung\s+vi\b")  # of the country, always another unit's
# whose average: an area or a set of units (`cả nước`, `các phường`, `khối sở`), not the unit's own (`của tỉnh`)
_AREA = re.compile(r"\b(?:ca\s+nuoc|toan\s+quoc|vung|khu\s+vuc|khoi|cac\s+\w+|chung)\b")
_BEST = re.compile(r"\b(?:cao\s+nhat|thap\s+nhat|dan\s+dau)\b")
_OWN_RANK = re.compile(r"\b(?:xep\s+(?:hang|thu|loai)|thu\s+hang|vi\s+tri|thu\s+bac)\b")
_BAND = re.compile(r"^(?:nhom|nhom\s+diem|xep\s+loai|phan\s+loai|muc\s+xep\s+loai)$")
# points lost or self-assessed: no result (`Điểm bị trừ`, `Điểm tự đánh giá` beside `Điểm thẩm định`)
_NOT_A_RESULT = re.compile(r"\b(?:bi\s+tru|diem\s+tru|bi\s+mat|diem\s+mat|tu\s+danh\s+gia|tu\s+cham)\b")
_CELL_SPLIT = re.compile(r"\|")
_ALIGNED_SPLIT = re.compile(r"\S(?:(?:(?!\s{2}).)*\S)?")  # (a cell holds no run of two spaces)
_NUMBER = re.compile(r"\d")
_YEAR_ONLY = re.compile(YEAR)


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table line: between `|` when it has two, else runs parted by 2+ spaces."""
    if line.count("|") >= 2:
        bars = [m.start() for m in _CELL_SPLIT.finditer(line)]
        spans = [(a + 1, b) for a, b in zip(bars, bars[1:])]
        if line[:bars[0]].strip():
            spans.insert(0, (0, bars[0]))
        if line[bars[-1] + 1:].strip():
            spans.append((bars[-1] + 1, len(line)))
        return spans
    return [(m.start(), m.end()) for m in _ALIGNED_SPLIT.finditer(line)]


def _is_header(line: str, spans) -> bool:
    """A header: three cells at least, words in them, no number but a year."""
    words = [fold(line[a:b]).strip() for a, b in spans]
    return (len(spans) >= 3 and all(not _NUMBER.search(_YEAR_ONLY.sub("", w)) for w in words)
            and sum(bool(re.search(r"[a-z]", w)) for w in words) >= 2)


def _other_columns(line: str, spans) -> list[int]:
    out = []
    for k, (a, b) in enumerate(spans):
        head = fold(line[a:b]).strip()
        others = (_AVERAGE.search(head) and _AREA.search(head)) or _BEST.search(head) or _MEDIAN.search(head)
        if k and ((others and not _OWN_RANK.search(head)) or _BAND.match(head) or _NOT_A_RESULT.search(head)):
            out.append(k)
    return out


def _bar_before(line: str, a: int) -> int:
    """The start of a cell with the `|` that opens it (the row keeps one `|` per cell left)."""
    return a - 1 if a and line[a - 1] == "|" else a


def _spaces(out: list[str], a: int, b: int) -> None:
    for p in range(a, b):
        out[p] = " "


def blank_other_columns(text: str) -> str:
    """`text` with the cells under average, best-unit and band headers turned to spaces (same length)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out = list(text)
    i = 0
    while i < len(lines):
        spans = _cells(lines[i])
        columns = _other_columns(lines[i], spans) if _is_header(lines[i], spans) else []
        if not columns:
            i += 1
            continue
        blanked = 0
        j = i + 1
        while j < len(lines) and lines[j].strip():
            row = _cells(lines[j])
            if len(row) == len(spans):
                for k in columns:
                    a, b = row[k]
                    band = _BAND.match(fold(lines[i][spans[k][0]:spans[k][1]]).strip())
                    if not (band and _NUMBER.search(lines[j][a:b])):  # (`Nhóm 15`: a group said in numbers)
                        _spaces(out, starts[j] + _bar_before(lines[j], a), starts[j] + b)
                        blanked += 1
            elif len(row) < 2:
                break
            elif "|" not in lines[j]:  # (aligned: `Cộng   90   84,75` lacks the number cell; the cells under the header's)
                for k in columns:
                    for a, b in row:  # (a number mostly under the column; never a label)
                        if not re.search(r"[^\W\d_]", lines[j][a:b]) and \
                                2 * (min(b, spans[k][1]) - max(a, spans[k][0])) > b - a:
                            _spaces(out, starts[j] + a, starts[j] + b)
                            blanked += 1
            j += 1
        if blanked:  # the header's cells too: the table reads as if the column were not there
            for k in columns:
                _spaces(out, starts[i] + _bar_before(lines[i], spans[k][0]), starts[i] + spans[k][1])
        i = j
    return "".join(out)


__all__ = ["blank_other_columns"]
