"""Render a SyntheticPlan the way an official document is typeset: A4, Times-metric serif, the
two-column national header, justified body, ruled tables (the appendix on landscape pages with its
heading row repeated), signature block on the right. Produces a PDF with a real text layer, and the
printed text of each page (`plan.page_texts`, from `pdftotext -layout`) as OCR ground truth."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from kehoach.errors import MissingDependencyError
from kehoach.synth.model import Heading, Layout, Line, PageBreak, Paragraph, Signature, Table
from kehoach.synth.plan_text import SyntheticPlan

FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"))
FONT = "Serif"
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 30.0, 15.0, 20.0, 20.0
LINE_FACTOR = 0.53  # mm of line height per pt of font size (about 1.5 lines)
_FIXED_DATE = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)  # PDF metadata: same seed, same bytes


def _font_files() -> dict[str, Path]:
    names = {"": "LiberationSerif-Regular.ttf", "B": "LiberationSerif-Bold.ttf",
             "I": "LiberationSerif-Italic.ttf", "BI": "LiberationSerif-BoldItalic.ttf"}
    for d in FONT_DIRS:
        if all((d / n).is_file() for n in names.values()):
            return {style: d / n for style, n in names.items()}
    raise MissingDependencyError("Liberation Serif fonts not found (needed to render synthetic plans)",
                                 "install them: sudo apt-get install fonts-liberation2")


def _new_pdf(layout: Layout):
    from fpdf import FPDF

    class _PlanPDF(FPDF):
        def header(self):  # page numbers at the top centre from page 2, as official documents do
            if self.page_no() > 1:
                self.set_font(FONT, "", layout.font_size - 1)
                self.set_y(8)
                self.cell(0, 6, str(self.page_no()), align="C")
                self.set_y(MARGIN_TOP)

    pdf = _PlanPDF(format="A4", unit="mm")
    for style, path in _font_files().items():
        pdf.add_font(FONT, style, str(path))
    pdf.set_margins(MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT)
    pdf.set_auto_page_break(True, MARGIN_BOTTOM)
    pdf.set_creator("kehoach.synth")
    pdf.set_creation_date(_FIXED_DATE)  # deterministic bytes for a seed
    return pdf




def _style(line: Line) -> str:
    return ("B" if line.bold else "") + ("I" if line.italic else "")


def _column(pdf, lines: list[Line], x: float, width: float, y: float, size: float) -> None:
    lh = size * 0.45
    for line in lines:
        pdf.set_font(FONT, _style(line), size)
        pdf.set_xy(x, y)
        pdf.cell(width, lh, line.text, align="C")
        y += lh
        if line.rule_below and line.text:
            w = min(pdf.get_string_width(line.text), width) * 0.55
            pdf.line(x + (width - w) / 2, y + 0.3, x + (width + w) / 2, y + 0.3)
            y += 1.2


def _header(pdf, layout: Layout) -> None:
    size = layout.font_size
    top = pdf.get_y()
    # Issuer column on the left, national motto on the right; "Số" pairs with the date line.
    _column(pdf, layout.header_left, 12.0, 78.0, top, size - 0.5)
    _column(pdf, layout.header_right, 86.0, 116.0, top, size - 0.5)
    n = max(len(layout.header_left), len(layout.header_right))
    pdf.set_xy(MARGIN_LEFT, top + n * (size - 0.5) * 0.45 + 10)
    pdf.set_font(FONT, "B", size + 1)
    pdf.cell(0, size * 0.5, layout.doc_type_line, align="C", new_x="LMARGIN", new_y="NEXT")
    for t in layout.title_lines:
        pdf.cell(0, size * 0.5, t, align="C", new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 1
    pdf.line(105 - 15, y, 105 + 15, y)
    pdf.set_y(y + 5)


def _paragraph(pdf, block: Paragraph, size: float) -> None:
    style = ("B" if block.bold else "") + ("I" if block.italic else "")
    pdf.set_font(FONT, style, size)
    align = {"J": "J", "C": "C", "L": "L"}[block.align]
    with pdf.text_columns(text_align=align, line_height=1.2) as cols:
        with cols.paragraph(first_line_indent=10 if block.indent and block.align == "J" else 0,
                            bottom_margin=size * 0.12) as par:
            par.write(block.text)


def _heading(pdf, block: Heading, size: float) -> None:
    pdf.set_font(FONT, "B" + ("I" if block.italic else ""), size)
    if pdf.get_y() > pdf.h - MARGIN_BOTTOM - 3 * size * LINE_FACTOR:  # keep a heading with what follows
        pdf.add_page(same=True)
    pdf.set_x(MARGIN_LEFT + (0 if block.align == "C" else 10))
    pdf.multi_cell(0, size * LINE_FACTOR, block.text, align=block.align, new_x="LMARGIN", new_y="NEXT")


def _table(pdf, block: Table) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FONT, "", block.font_size)
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    group_style = FontFace(emphasis="BOLD")
    # without rules, cells keep Word's default side margins (1.9 mm): the gaps that part the columns
    padding = 1 if block.borders == "ALL" else (1, 1.9)
    with pdf.table(col_widths=block.widths, width=usable, line_height=block.font_size * 0.45,
                   text_align="LEFT", v_align=block.v_align, repeat_headings=int(block.repeat_heading),
                   padding=padding, borders_layout=block.borders, headings_style=FontFace(emphasis="BOLD")) as table:
        for row in block.rows:
            r = table.row()
            if row.kind == "group":
                r.cell(row.cells[0], align="C", style=group_style)
                r.cell(row.cells[1], style=group_style, colspan=len(block.columns) - 1)
                continue
            for i, text in enumerate(row.cells):
                r.cell(text, align="C" if i == 0 or row.kind == "header" else "LEFT")
    pdf.ln(3)


def _signature(pdf, block: Signature, size: float) -> None:
    needed = (len(block.position_lines) + 1) * size * 0.5 + 28
    if pdf.get_y() + needed > pdf.h - MARGIN_BOTTOM:
        pdf.add_page(same=True)
    top = pdf.get_y() + 3
    pdf.set_xy(MARGIN_LEFT - 10, top)
    pdf.set_font(FONT, "BI", size - 1)
    pdf.cell(70, size * 0.42, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", size - 2)
    for r in block.recipients:
        pdf.set_x(MARGIN_LEFT - 10)
        pdf.cell(70, size * 0.38, r, new_x="LMARGIN", new_y="NEXT")
    left_end = pdf.get_y()
    y = top
    pdf.set_font(FONT, "B", size)
    for t in block.position_lines:
        pdf.set_xy(110, y)
        pdf.cell(85, size * 0.45, t, align="C")
        y += size * 0.45
    y += 25  # room for the signature and seal
    pdf.set_xy(110, y)
    pdf.cell(85, size * 0.45, block.name, align="C")
    pdf.set_y(max(left_end, y + size * 0.45) + 4)


def set_table_borders(plan: SyntheticPlan, borders: str, repeat_heading: bool = True) -> SyntheticPlan:
    """Draw the plan's tables with `borders` (model.Table.borders): the same appendix, borderless;
    `repeat_heading=False`: its heading row printed on the first page only."""
    for block in plan.layout.body:
        if isinstance(block, Table):
            block.borders, block.repeat_heading = borders, repeat_heading
    return plan


def render_pdf(plan: SyntheticPlan, path: str | Path) -> Path:
    """Write the plan as a born-digital PDF (real text layer) and fill `plan.page_texts`."""
    layout, path = plan.layout, Path(path)
    pdf = _new_pdf(layout)
    pdf.add_page()
    _header(pdf, layout)
    size = layout.font_size
    for block in layout.body:
        if isinstance(block, Paragraph):
            _paragraph(pdf, block, size)
        elif isinstance(block, Heading):
            _heading(pdf, block, size)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, Signature):
            _signature(pdf, block, size)
        elif isinstance(block, PageBreak):
            pdf.add_page(orientation="L" if block.landscape else "P")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    plan.page_texts = pdf_page_texts(path)
    return path


def pdf_page_texts(path: Path) -> list[str]:
    """Printed text of each page in visual reading order (`pdftotext -layout`, spaces collapsed)."""
    exe = shutil.which("pdftotext")
    if not exe:
        raise MissingDependencyError("pdftotext not found", "install poppler-utils")
    out = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                         timeout=60).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [_tidy(p) for p in pages]


def _tidy(page: str) -> str:
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in page.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def render_pages(plan: SyntheticPlan, dpi: int = 300) -> list:
    """Grayscale page images (PIL) of the rendered PDF at `dpi`."""
    from pdf2image import convert_from_path

    if not shutil.which("pdftoppm"):
        raise MissingDependencyError("pdftoppm not found", "install poppler-utils")
    with tempfile.TemporaryDirectory(prefix="kehoach-synth-") as tmp:
        pdf = render_pdf(plan, Path(tmp) / "plan.pdf")
        return convert_from_path(str(pdf), dpi=dpi, grayscale=True)
