"""Where a table of tasks stands in the text (`STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
hoàn thành`, an appendix most often): its rows are tasks, not sentences of results. Read as prose, one row's
`Hằng tháng` and the next row's STT (`8 Tiếp nhận ...`) make a rank, the lead agencies (`Các cơ quan`) a unit;
the results readers skip these lines. The tasks themselves are read elsewhere, from the full text."""
from __future__ import annotations

import re

from extract.numbers import fold

# a numbering column, then a tasks column, then who leads / who helps / by when
_TASK_HEADER = re.compile(r"^\s*(?:stt|tt|so\s+tt)\b.{0,40}\b(?:nhiem\s+vu|noi\s+dung(?:\s+cong\s+viec)?)\b"
                          r".{0,80}\b(?:chu\s+tri|phoi\s+hop|thoi\s+(?:gian|han)|don\s+vi\s+thuc\s+hien)\b")


def task_table_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each table of tasks: from its header line to the line before the first blank one."""
    spans: list[tuple[int, int]] = []
    pos, start, end = 0, None, 0
    for raw in text.split("\n"):
        if start is None and _TASK_HEADER.match(fold(raw)):
            start = pos
        elif start is not None and not raw.strip():
            spans.append((start, end))
            start = None
        end = pos + len(raw)
        pos += len(raw) + 1
    if start is not None:
        spans.append((start, end))
    return spans
