"""Record English-model OCR of rendered appendix tables: test material for extract/interleaved.py.

    python -m scripts.make_interleaved_fixtures --out tests/data/interleaved   # minutes (Tesseract)
    python -m scripts.make_interleaved_fixtures --out DIR --seed-offset 1000 --rows 8   # a fresh, smaller set

Old archives kept only `tesseract -l eng` text of landscape appendix tables: the model has no
Vietnamese letters and page segmentation reads a ruled table line by line across its columns
(psm 4/6) or in blocks (psm 3). To see what that really looks like, each case here takes a
synthetic plan's appendix (kehoach.synth), changes its column order and header wording, varies
the deadline wording (`Năm 2026`, `Trước 30/6/2026` besides the generator's own), renders it,
degrades the scan, and runs Tesseract once per landscape page. Saved per case: `<name>.txt` (pages
separated by form feeds) and `<name>.json` (the table rows' gold). Tests read these files and never
run Tesseract.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
from pathlib import Path

from extract.numbers import iso_date

# column roles as kehoach.synth.tasks.appendix_table prints them
ROLES = ("id", "content", "target", "actions", "lead", "partners", "deadline")
WORDINGS = {
    "content": ("Chỉ số/nội dung", "Nội dung", "Lĩnh vực/Chỉ số thành phần", "Tiêu chí"),
    "target": ("Chỉ tiêu/kết quả", "Kết quả/sản phẩm", "Mục tiêu cần đạt"),
    "actions": ("Nhiệm vụ/giải pháp", "Giải pháp thực hiện", "Nhiệm vụ cụ thể"),
    "lead": ("Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì thực hiện"),
    "partners": ("Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp thực hiện"),
    "deadline": ("Thời gian hoàn thành", "Thời hạn", "Tiến độ thực hiện", "Thời gian thực hiện"),
}
# (seed, column order after STT, psm, degradation[, cell alignment])
CASES = (
    (4101, ("content", "target", "actions", "lead", "partners", "deadline"), 6, "light"),
    (4102, ("content", "actions", "target", "lead", "partners", "deadline"), 4, "medium"),
    (4103, ("content", "target", "actions", "deadline", "lead", "partners"), 3, "light"),
    (4104, ("content", "actions", "lead", "partners", "deadline", "target"), 6, "medium"),
    (4105, ("content", "target", "actions", "lead", "partners", "deadline"), 4, "clean"),
    (4106, ("content", "actions", "deadline", "lead", "partners", "target"), 6, "light"),
    # cells centred vertically: the STT stands in the middle of its row, text above and below it
    (4107, ("content", "target", "actions", "lead", "partners", "deadline"), 6, "light", "MIDDLE"),
    (4108, ("content", "actions", "target", "lead", "partners", "deadline"), 4, "light", "MIDDLE"),
)


def _vary_deadline(rng: random.Random, deadline: str, date: str | None, year: int) -> tuple[str, str | None]:
    """Wordings archives show besides the generator's: `Năm 2026`, `Trước 30/6/2026`."""
    r = rng.random()
    if r < 0.15:
        return f"Năm {year}", None
    if r < 0.3 and date:
        text = f"Trước {deadline}"
        return text, iso_date(text)
    return deadline, date


def build_case(seed: int, order: tuple[str, ...], rows: int = 22, v_align: str = "TOP"):
    """A plan whose appendix columns follow `order`, and the gold of its table rows."""
    from kehoach.synth.model import Table, TableRow
    from kehoach.synth.plan_text import generate_plan

    plan = generate_plan(seed, size="long", appendix_rows=rows)
    rng = random.Random(seed)
    table = [b for b in plan.layout.body if isinstance(b, Table)][-1]  # the appendix comes last
    gold = [dict(t) for t in plan.gold["tasks"] if t["source"] == "table"]
    cols = ("id",) + order
    idx = [ROLES.index(c) for c in cols]
    header = ["STT"] + [rng.choice(WORDINGS[c]) for c in order]
    year = int(plan.gold["document"]["period"]["to_year"])
    new_rows, gi = [], 0
    for row in table.rows:
        if row.kind == "header":
            new_rows.append(TableRow(header, "header"))
        elif row.kind == "group":
            new_rows.append(TableRow([row.cells[0], row.cells[1]] + [""] * (len(cols) - 2), "group"))
        else:
            cells = list(row.cells)
            g = gold[gi]
            gi += 1
            cells[6], g["deadline_date"] = _vary_deadline(rng, cells[6], g.get("deadline_date"), year)
            g["deadline"] = cells[6]
            new_rows.append(TableRow([cells[i] for i in idx]))
    table.rows, table.columns = new_rows, header
    table.widths = [table.widths[i] for i in idx]
    table.v_align = v_align
    return plan, gold, header


def ocr_pages(plan, psm: int, degrade: str, seed: int, dpi: int = 200) -> list[str]:
    from kehoach.synth.degrade import degrade as degrade_page
    from kehoach.synth.render import render_pages

    texts = []
    for i, page in enumerate(render_pages(plan, dpi=dpi)):
        if page.width <= page.height:  # the appendix is on the landscape pages
            continue
        if degrade != "clean":
            page = degrade_page(page, degrade, seed=seed + i)
        with tempfile.TemporaryDirectory() as tmp:
            png = Path(tmp) / "p.png"
            page.save(png)
            out = subprocess.run(["tesseract", str(png), "-", "-l", "eng", "--psm", str(psm)],
                                 capture_output=True, check=True, timeout=600)
        texts.append(out.stdout.decode("utf-8"))
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("tests/data/interleaved"))
    ap.add_argument("--only", type=int, nargs="*", help="seeds to (re)build (after --seed-offset)")
    ap.add_argument("--seed-offset", type=int, default=0,
                    help="added to every case's seed: the same layouts on other synthetic plans (a held-out set)")
    ap.add_argument("--rows", type=int, default=22, help="appendix rows asked of the generator per plan")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for base, order, psm, degrade, *align in CASES:
        seed = base + args.seed_offset
        if args.only and seed not in args.only:
            continue
        v_align = align[0] if align else "TOP"
        plan, gold, header = build_case(seed, order, rows=args.rows, v_align=v_align)
        pages = ocr_pages(plan, psm, degrade, seed)
        name = f"synth_{seed}_psm{psm}_{degrade}" + ("_middle" if v_align == "MIDDLE" else "")
        (args.out / f"{name}.txt").write_text("\f".join(pages), encoding="utf-8")
        meta = {"seed": seed, "psm": psm, "degrade": degrade, "v_align": v_align, "header": header, "lang": "eng", "dpi": 200,
                "made_by": "python -m scripts.make_interleaved_fixtures", "rows": gold}
        (args.out / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        print(name, len(pages), "pages", len(gold), "rows", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
