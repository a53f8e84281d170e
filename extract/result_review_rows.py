"""Tables reviewing how the last plan's goals were met, a row per goal:

    | STT | Chỉ tiêu                        | Kế hoạch năm 2023  | Kết quả thực hiện   | Đánh giá  |
    | 1   | Điểm Chỉ số PAR INDEX của tỉnh  | Từ 87 điểm trở lên | 88,34 điểm          | Đạt       |
    | 2   | Thứ hạng Chỉ số PAR INDEX       | Nhóm 25 tỉnh       | 19/63               | Đạt       |
    | 3   | Tỷ lệ hồ sơ trực tuyến          | 50%                | 46,2%               | Không đạt |

(`|`-separated or space-aligned; cells one per line are rejoined into `|` rows before). The header names a goal
column (`Kế hoạch`, `Mục tiêu`, `Chỉ tiêu năm 2023`) and a results column (`Kết quả`, `Thực hiện`). A row whose label
names an index (or satisfaction: SIPAS) gives that index's result from the results cell: points, a share, a rank
(`19/63`, `84,62 điểm, xếp thứ 9/15`); a rank row (`Thứ hạng Chỉ số X`, `Xếp hạng CCHC`) adds its rank to the index's
result. Rows of other numbers (dossiers, budgets) give nothing, and the old goals are no targets of this plan. The
year: the results column's, else the goal column's, else the lead-in's. The lines read are handed back."""
from __future__ import annotations

import re
from typing import Callable, Optional

from extract.components import index_mentions
from extract.numbers import NUMBER, YEAR, fold, parse_number
from extract.result_scope import own_units, scope_of
from extract.result_table_lead import results_year
from extract.result_unit_columns import text_lines
from extract.result_year_rows import line_cells
from extract.schema import Evidence, IndexResult

_GOAL_COLUMN = re.compile(r"\b(?:ke\s+hoach|muc\s+tieu|chi\s+tieu\s+(?:nam|\d|giao|de\s+ra)|duoc\s+giao)\b")
_RESULT_COLUMN = re.compile(r"\b(?:ket\s+qua|thuc\s+hien|dat\s+duoc)\b")
_NOT_OUTCOME = re.compile(r"\b(?:phan\s+dau|muc\s+tieu|du\s+kien|uoc|ke\s+hoach|\d+\s+thang|quy)\b")
# a row of a part (`Lĩnh vực Cải cách thể chế của Chỉ số CCHC`) or of a self-assessment: no result of the index
_NOT_WHOLE = re.compile(r"\b(?:linh\s+vuc|yeu\s+to|tru\s+cot|noi\s+dung|thanh\s+phan|tieu\s+chi|tu\s+cham|tu\s+danh\s+gia)\b")
_LABEL_COLUMN = re.compile(r"^(?:chi\s+tieu|noi\s+dung|tieu\s+chi)\b")
_RANK_LABEL = re.compile(r"\b(?:xep|thu)\s*h\S{0,3}ng\b|\bxep\s+thu\b")
_RANK = re.compile(r"(?<![\d.,/])(\d{1,3})\s?/\s?(\d{1,3})(?![\d/]|[.,]\d)")
_POINTS = re.compile(rf"(?<![\d/])({NUMBER})(?:\s?/\s?({NUMBER}))?\s*d\S?em\b")
_SHARE = re.compile(rf"(?<![\d/])({NUMBER})\s?%")
_DECIMAL = re.compile(r"(?<![\d/,.])(0[.,]\d{2,4})(?![\d/])")  # a 0-1 index's score (`0,7012`)
_NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]?$")


def _cells(line: str) -> list[str]:
    """The line's cells, the row's number or the `STT` head before its label left out."""
    cells = line_cells(line)
    if len(cells) > 2 and (_NUMBERING.match(cells[0]) or not cells[0] or re.fullmatch(r"stt|tt", fold(cells[0]))):
        cells = cells[1:]
    return cells


def _header(line: str) -> Optional[tuple[int, int, Optional[int]]]:
    """(goal column, results column, year) of a review table's header line, else None."""
    cells = [" ".join(fold(c).split()) for c in _cells(line)]
    if len(cells) < 3 or not _LABEL_COLUMN.match(cells[0]):
        return None
    goal = next((k for k, c in enumerate(cells[1:], 1) if _GOAL_COLUMN.search(c) and not _RESULT_COLUMN.search(c)), None)
    # (not `Kết quả phấn đấu đến năm 2026`, a goal; nor `Kết quả thực hiện 6 tháng đầu năm`, an estimate)
    result = next((k for k, c in enumerate(cells[1:], 1) if _RESULT_COLUMN.search(c) and not _NOT_OUTCOME.search(c)), None)
    if goal is None or result is None or result <= goal:
        return None
    year_in = lambda c: int(y.group(1)) if (y := re.search(rf"\b({YEAR})\b", c)) else None  # noqa: E731
    return goal, result, year_in(cells[result]) or year_in(cells[goal])


def _index_of(label: str) -> Optional[str]:
    if _NOT_WHOLE.search(label):
        return None
    named = list(dict.fromkeys(n for _, _, n in index_mentions(label)))
    if len(named) == 1:
        return named[0]
    # (the survey's measure, `Mức độ hài lòng (SIPAS)`; not a desk's own rate, `Tỷ lệ hài lòng tại Bộ phận Một cửa`)
    if not named and re.match(r"(?:chi\s+so|muc\s+do)\s+(?:su\s+)?hai\s?[l1]\s?[o0]ng\b", label):
        return "SIPAS"
    # (`Xếp hạng CCHC khối xã`, `Điểm CCHC`: the reform's index, named short)
    return "PAR INDEX" if not named and re.search(r"\b(?:xep\s+hang|thu\s+hang|diem)\s+cchc\b", label) else None


def _values(cell: str, index: str, rank_row: bool, label: str = "") -> dict:
    """The result fields of a results cell (folded); a bare number takes the unit its row's label says
    (`Chỉ số CCHC (điểm)`, `Chỉ số SIPAS (%)`)."""
    got: dict = {}
    rank = _RANK.search(cell)
    if rank and not re.match(r"\s*d\S?em", cell[rank.end():]):
        got["rank"], got["rank_total"] = int(rank.group(1)), int(rank.group(2))
        if int(rank.group(1)) > int(rank.group(2)):
            got = {}
        cell = cell[:rank.start()] + " " * (rank.end() - rank.start()) + cell[rank.end():]
    if rank_row:
        return got
    points, share = _POINTS.search(cell), _SHARE.search(cell)
    if share and (index == "SIPAS" or not points):
        got["percent"] = parse_number(share.group(1))
    elif points:
        got["score"] = parse_number(points.group(1))
        if points.group(2):
            got["max_score"] = parse_number(points.group(2))
    elif index == "DTI" and (decimal := _DECIMAL.search(cell)):
        got["score"] = parse_number(decimal.group(1))
    elif re.fullmatch(NUMBER, cell) and re.search(r"\((?:%|d\S?em)\)", label):
        got["percent" if "%" in label else "score"] = parse_number(cell)
    return {k: v for k, v in got.items() if v is not None}


def review_row_results(text: str, page_of: Optional[Callable[[int], Optional[int]]] = None
                       ) -> tuple[list[IndexResult], list[tuple[int, int]]]:
    """Results of every goal-review table in `text`, and the (start, end) of the lines they were read from."""
    lines = text_lines(text)
    folded_text = fold(text)
    own = own_units(text)
    results: list[IndexResult] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        head = _header(lines[i][1]) if lines[i][1].strip() else None
        if head is None:
            i += 1
            continue
        goal, result_at, year = head
        if year is None:  # the lead-in's (`KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2023`)
            above = [fold(raw) for _, raw in lines[max(0, i - 4):i] if raw.strip()]
            year = next((y for y in map(results_year, reversed(above)) if y), None)
        by_key: dict[tuple, IndexResult] = {}
        k = i + 1
        while k < len(lines) and lines[k][1].strip():
            off, raw = lines[k]
            cells = _cells(raw)
            if len(cells) <= result_at or not re.search(r"[^\W\d_]", cells[0]):
                break
            label = " ".join(fold(cells[0]).split())
            index = _index_of(label)
            if index is not None:
                rank_row = bool(_RANK_LABEL.match(label) or _RANK_LABEL.search(label) and not re.search(r"\bd\S?em\b", label))
                got = _values(" ".join(fold(cells[result_at]).split()), index, rank_row, label)
                at = off + raw.find(cells[0])
                scope = scope_of(text, folded_text, at, at + len(cells[0]), own)
                key = (index, year, scope)
                if got and key in by_key:
                    for f, v in got.items():
                        if getattr(by_key[key], f) is None:
                            setattr(by_key[key], f, v)
                elif got and not rank_row or got and "rank" in got:
                    by_key[key] = IndexResult(index=index, year=year, scope=scope, evidence=Evidence(
                        page=page_of(off) if page_of else None, text=raw.strip()[:240]), **got)
            k += 1
        if k - i >= 3 and by_key:  # a header and two rows at least, an index's outcome among them
            results += by_key.values()
            spans.append((lines[i][0], lines[k - 1][0] + len(lines[k - 1][1])))
            i = k
        else:
            i += 1
    return results, spans


__all__ = ["review_row_results"]
