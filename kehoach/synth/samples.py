"""The synthetic samples kept in data/raw beside the seeds, rebuilt exactly by

    python -m kehoach.synth.samples --out data/raw --gold data/gold

Each sample is the first plan, from a fixed start seed, whose page count fits (content is never
looked at), so the set covers each file kind once: two degraded scanned PDFs (one whose appendix table runs over two landscape pages), a PNG,
a multi-page TIFF, a text-layer PDF, a JPEG fed sideways, a text file as an English-model OCR
leaves it (no diacritics), and a PDF whose signed page is scanned after text-layer pages.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.synth.plan_text import SyntheticPlan, generate_plan
from kehoach.synth.render import render_pdf
from kehoach.synth.scan import write_scan


@dataclass(frozen=True)
class Sample:
    start_seed: int  # the first seed tried; the sample is the first plan from there that fits
    fmt: str
    preset: str = "medium"
    rotate: int = 0
    pages: tuple[int, int] = (1, 99)  # page count wanted
    portrait_feed: bool = False  # landscape pages scanned turned 90° (text running vertically)
    appendix_pages: int = 0  # pages the appendix table must run over
    variation: dict = field(default_factory=dict)


SAMPLES = (
    Sample(17, "pdf-scan", "medium", pages=(3, 3), appendix_pages=2, portrait_feed=True,
           variation={"size": "compact", "appendix_rows": 10, "level": "department"}),
    Sample(80, "pdf-scan", "heavy", pages=(2, 3), variation={"level": "province", "with_parent": True}),
    Sample(5400, "png", "light", pages=(1, 1), variation={"size": "compact", "level": "ward"}),
    Sample(35, "tiff", "medium", pages=(3, 4), variation={"level": "district"}),
    Sample(8, "pdf-text", "clean", pages=(4, 8), appendix_pages=1, variation={"level": "province"}),
    Sample(8400, "jpeg", "medium", rotate=90, pages=(1, 1), variation={"size": "compact", "level": "commune"}),
    Sample(120, "txt-lossy", "clean", pages=(3, 6), appendix_pages=1, variation={"level": "department"}),
    Sample(60, "pdf-mixed", "light", pages=(2, 3), variation={"level": "ward"}),
)
EXTENSIONS = {"pdf-scan": ".pdf", "pdf-text": ".pdf", "png": ".png", "tiff": ".tiff", "jpeg": ".jpg",
              "txt-lossy": ".txt", "pdf-mixed": ".pdf"}


def _fits(plan: SyntheticPlan, sample: Sample) -> bool:
    with tempfile.TemporaryDirectory(prefix="kehoach-synth-") as tmp:
        render_pdf(plan, Path(tmp) / "probe.pdf")
    pages = plan.page_texts or []
    appendix = sum("Cơ quan chủ trì" in t for t in pages)
    return sample.pages[0] <= len(pages) <= sample.pages[1] and appendix >= sample.appendix_pages


def pick_plan(sample: Sample, tries: int = 200) -> SyntheticPlan:
    """The first plan from `start_seed` on whose page layout fits the sample (content is not looked at)."""
    for seed in range(sample.start_seed, sample.start_seed + tries):
        plan = generate_plan(seed, **sample.variation)
        if _fits(plan, sample):
            return plan
    raise ValueError(f"no plan fits {sample} in {tries} seeds")


def build(out: Path, gold_dir: Path, dpi: int = 300) -> list[Path]:
    gold_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for s in SAMPLES:
        plan = pick_plan(s)
        name = f"synth_{plan.seed:04d}_{s.fmt.replace('-', '_')}{EXTENSIONS[s.fmt]}"
        doc = write_scan(plan, out / name, s.fmt, s.preset, plan.seed, dpi, s.rotate, portrait_feed=s.portrait_feed)
        gold_path = gold_dir / f"{doc.path.stem}.json"
        gold_path.write_text(json.dumps(doc.gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{doc.path}\t{doc.pages} page(s)\t{doc.path.stat().st_size // 1024} KB")
        written.append(doc.path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kehoach.synth.samples", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("data/raw"))
    parser.add_argument("--gold", type=Path, default=Path("data/gold"))
    parser.add_argument("--dpi", type=int, default=300)
    args = parser.parse_args(argv)
    build(args.out, args.gold, args.dpi)
    return 0


if __name__ == "__main__":
    sys.exit(main())
