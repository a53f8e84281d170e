"""The structured layout of a synthetic plan (what the renderer draws) and its plain-text reading."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal, Union


@dataclass
class Line:
    """A header or signature line with its typography."""

    text: str
    bold: bool = False
    italic: bool = False
    rule_below: bool = False  # the short underline under the issuer / the national motto


@dataclass
class Paragraph:
    text: str
    indent: bool = True  # first-line indent of body paragraphs
    bold: bool = False
    italic: bool = False
    align: Literal["J", "C", "L"] = "J"


@dataclass
class Heading:
    text: str  # "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục tiêu chung"
    align: Literal["L", "C"] = "L"
    italic: bool = False


@dataclass
class TableRow:
    cells: list[str]  # one string per column; "\n" separates lines inside a cell
    kind: Literal["header", "group", "data"] = "data"  # group: STT + label spanning the other columns


@dataclass
class Table:
    columns: list[str]
    widths: list[float]  # relative column widths
    rows: list[TableRow]
    landscape: bool = False  # appendix tables are printed on landscape pages
    font_size: float = 11.0
    v_align: str = "TOP"  # cell text placement: TOP, or MIDDLE as many printed appendices do
    # rules drawn: "ALL" (a ruled grid), "SINGLE_TOP_LINE" (borderless, a rule under the heading row)
    # or "NONE" (borderless: columns told apart by their gaps only; cells padded as Word pads them)
    borders: Literal["ALL", "SINGLE_TOP_LINE", "NONE"] = "ALL"
    repeat_heading: bool = True  # the heading row printed again on each page the table runs over


@dataclass
class PageBreak:
    landscape: bool = False


@dataclass
class Signature:
    recipients: list[str]  # "Nơi nhận:" lines, printed left in small type
    position_lines: list[str]  # "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str


Block = Union[Paragraph, Heading, Table, PageBreak, Signature]


@dataclass
class Layout:
    header_left: list[Line]
    header_right: list[Line]
    doc_type_line: str  # "KẾ HOẠCH"
    title_lines: list[str]
    body: list[Block] = field(default_factory=list)
    font_size: float = 13.0  # body text; official documents use 13-14 pt


def nfc(text: str) -> str:
    """NFC with the traditional tone placement (hòa, ủy) the gold uses."""
    from normalize.text import normalize_tone_placement

    return normalize_tone_placement(unicodedata.normalize("NFC", text))


TABLE_CELL_SEP = " | "


def table_row_text(row: TableRow) -> str:
    cells = [" ".join(c.split("\n")).strip() for c in row.cells]
    if row.kind == "group":
        cells = [c for c in cells if c]
    return TABLE_CELL_SEP.join(cells)


def layout_text(layout: Layout) -> str:
    """The plan as a born-digital PDF's text would read: header columns side by side, then the body
    in order, table rows one per line with cells separated by " | "."""
    out: list[str] = []
    n = max(len(layout.header_left), len(layout.header_right))
    for i in range(n):
        left = layout.header_left[i].text if i < len(layout.header_left) else ""
        right = layout.header_right[i].text if i < len(layout.header_right) else ""
        out.append(f"{left}    {right}".strip() if left else right)
    out.append("")
    out.append(layout.doc_type_line)
    out.extend(layout.title_lines)
    out.append("")
    for block in layout.body:
        if isinstance(block, (Paragraph, Heading)):
            out.append(block.text)
        elif isinstance(block, Table):
            out.extend(table_row_text(r) for r in block.rows)
        elif isinstance(block, Signature):
            out.extend(block.position_lines)
            out.append("")
            out.append(block.name)
            out.append("")
            out.append("Nơi nhận:")
            out.extend(block.recipients)
        elif isinstance(block, PageBreak):
            out.append("")
    return nfc("\n".join(out).rstrip() + "\n")
