"""Page furniture: standalone page numbers and lines repeated across pages (running headers,
footers, watermark links such as `http://papi.org.vn/`).

Standalone numbers inside a page are often table cells (STT), so a number line is removed
only at the top or bottom edge of a page, and only when the document has page breaks.
"""
from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?\s*$", re.I)
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
_EDGE = 2  # how many non-blank lines at each edge of a page count as header/footer


def _edge_indices(lines: list[str]) -> list[int]:
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def _shape(line: str) -> str:
    """Repeated headers differ only by their page number: compare them without digits."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def remove_furniture(pages: list[str]) -> tuple[list[str], list[str]]:
    """Return the pages without furniture lines and warnings saying what was removed."""
    split = [p.split("\n") for p in pages]
    drop: list[set[int]] = [set() for _ in split]

    # Lines that are only a URL and occur at least twice are watermarks or footers wherever they sit.
    url_counts = Counter(ln.strip() for lines in split for ln in lines if _URL_LINE.match(ln))
    for k, lines in enumerate(split):
        for i, ln in enumerate(lines):
            if _URL_LINE.match(ln) and url_counts[ln.strip()] >= 2:
                drop[k].add(i)

    if len(split) >= 2:
        edge_shapes = Counter()
        for lines in split:
            edge_shapes.update({_shape(lines[i]) for i in _edge_indices(lines)})
        threshold = max(2, (len(split) + 1) // 2)
        for k, lines in enumerate(split):
            for i in _edge_indices(lines):
                if _PAGE_NUMBER.match(lines[i]):
                    drop[k].add(i)
                elif len(lines[i].strip()) >= 4 and edge_shapes[_shape(lines[i])] >= threshold:
                    drop[k].add(i)

    removed = sum(len(d) for d in drop)
    out = ["\n".join(ln for i, ln in enumerate(lines) if i not in drop[k]) for k, lines in enumerate(split)]
    warnings = [f"removed {removed} page furniture line(s) (page numbers, repeated headers/footers, links)"] if removed else []
    return out, warnings
