"""`python -m kehoach.synth`: write synthetic plans in several file kinds, each with its gold JSON."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kehoach.errors import ExitCode, MissingDependencyError
from kehoach.synth.degrade import PRESETS
from kehoach.synth.issuer import LEVELS
from kehoach.synth.plan_text import generate_plan
from kehoach.synth.render import render_pages, set_table_borders
from kehoach.synth.scan import FORMATS, SINGLE_PAGE, one_page_plan, write_scan

STEM_TAG = {"pdf-text": "_text", "pdf-scan": "_scan", "png": "_png", "tiff": "_tiff", "jpeg": "_jpeg", "txt": "_txt",
            "txt-lossy": "_lossy", "pdf-mixed": "_mixed"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="folder for the documents")
    parser.add_argument("--gold", required=True, type=Path, help="folder for the gold JSON (<document stem>.json)")
    parser.add_argument("--n", type=int, default=1, help="how many plans (default 1)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first plan; plan i uses seed+i")
    parser.add_argument("--formats", default="pdf-text,pdf-scan",
                        help=f"comma-separated, from: {', '.join(FORMATS)} (default pdf-text,pdf-scan)")
    parser.add_argument("--preset", default="medium", choices=sorted(PRESETS), help="scan degradation")
    parser.add_argument("--size", default="normal", choices=["compact", "normal", "long"],
                        help="compact: one-page body; long: multi-page appendix table (PNG/JPEG always get a "
                             "one-page plan)")
    parser.add_argument("--appendix-rows", type=int, help="task rows in the appendix table (default: varied)")
    parser.add_argument("--level", choices=LEVELS, help="issuer level (default: varied)")
    parser.add_argument("--rotate", type=int, default=0, choices=[0, 90, 180, 270], help="turn scanned pages")
    parser.add_argument("--portrait-feed", action="store_true",
                        help="scan landscape (appendix) pages turned 90°, as a portrait-fed scanner does")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--table-borders", default="ALL", choices=["ALL", "SINGLE_TOP_LINE", "NONE"],
                        help="rules of the tables: ALL (ruled, default), SINGLE_TOP_LINE or NONE (borderless)")
    parser.add_argument("--prefix", default="synth_", help="file name prefix (default synth_)")


def main(args: argparse.Namespace) -> int:
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or args.n < 1:
        print(f"kehoach.synth: error: unknown format(s) {unknown}; choose from {', '.join(FORMATS)}"
              if unknown else "kehoach.synth: error: --n must be at least 1", file=sys.stderr)
        return 2
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        args.gold.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"kehoach.synth: error: cannot create the output folders: {exc}", file=sys.stderr)
        return int(ExitCode.input_error)
    failed = 0
    for i in range(args.n):
        try:
            _write_one(args, args.seed + i, formats)
        except MissingDependencyError as exc:  # nothing else will work either
            print(f"kehoach.synth: error: {exc}", file=sys.stderr)
            return int(exc.exit_code)
        except (ValueError, OSError) as exc:  # one plan failing does not stop the batch
            failed += 1
            print(f"kehoach.synth: seed {args.seed + i} failed: {exc}", file=sys.stderr)
    return int(ExitCode.some_failed) if failed else 0


def _write_one(args: argparse.Namespace, seed: int, formats: list[str]) -> None:
    plans: dict[bool, object] = {}  # one-page plan (PNG, JPEG) or full plan, shared by the formats
    rasters: dict[bool, list] = {}
    for fmt in formats:
        single = fmt in SINGLE_PAGE
        if single not in plans:
            plans[single] = set_table_borders(one_page_plan(seed * 100, level=args.level) if single
                                              else generate_plan(seed, level=args.level, size=args.size,
                                                                 appendix_rows=args.appendix_rows),
                                              getattr(args, "table_borders", "ALL"))
        doc_plan = plans[single]
        if fmt not in ("txt", "txt-lossy", "pdf-text") and single not in rasters:
            rasters[single] = render_pages(doc_plan, args.dpi)
        stem = f"{args.prefix}{doc_plan.seed:04d}{STEM_TAG[fmt]}"
        written = write_scan(doc_plan, args.out / f"{stem}{FORMATS[fmt][0]}", fmt, args.preset, seed, args.dpi,
                             args.rotate, pages=rasters.get(single), portrait_feed=args.portrait_feed)
        gold_path = args.gold / f"{stem}.json"
        gold_path.write_text(json.dumps(written.gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{written.path}\t{written.pages} page(s)\t{gold_path}")


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kehoach.synth", description=__doc__)
    add_arguments(parser)
    return main(parser.parse_args(argv))
