"""Where the CPU of a scanned page goes: one process, every step timed in CPU seconds.

    .venv/bin/python -m scripts.profile_scan bench-out/corpus/scan/*.pdf
    .venv/bin/python -m scripts.profile_scan data/raw/*_scan.pdf --lang vie

Each document goes through `kehoach.pipeline.process_document` as a worker runs it; the steps
(rasterisation, preprocessing, each kind of Tesseract call, tables, lost lines, normalize,
extract...) are wrapped to add up their CPU: this process's own (user + system) plus the
children it waited for (pdftoppm, Tesseract), so the figures hold on a shared machine; OpenCV and
Tesseract run on one thread each, as in a batch worker (`kehoach.work.single_threaded`). Times are
exclusive: a step's children steps are not counted twice (the Tesseract calls of the tables are
under `tesseract [tables]`, not under `tables`). Start-up (imports, caches) is measured apart.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path


def cpu_now() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class StepClock:
    """Exclusive CPU seconds and call counts per named step (nested steps subtract from the outer)."""

    def __init__(self):
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list] = []  # [name, start, time spent in nested steps]

    def wrap(self, owner, attr: str, name: str, by_caller: bool = False) -> None:
        inner = getattr(owner, attr)
        clock = self

        def timed(*args, **kwargs):
            label = f"{name} [{clock._stack[-1][0]}]" if by_caller and clock._stack else name
            clock._stack.append([label, cpu_now(), 0.0])
            try:
                return inner(*args, **kwargs)
            finally:
                label, start, nested = clock._stack.pop()
                spent = cpu_now() - start
                clock.cpu[label] += spent - nested
                clock.calls[label] += 1
                if clock._stack:
                    clock._stack[-1][2] += spent

        setattr(owner, attr, timed)


def instrument(clock: StepClock) -> None:
    import kehoach.pipeline as pipeline
    import ocr.document as document
    from ocr._exec import deps, poppler, tesseract, tesslib

    steps = [  # (owner, function, step name); the Tesseract steps are named by their caller
        (pipeline, "recognize_document", "ocr stage (rest)"), (pipeline, "normalize_document", "normalize"),
        (pipeline, "extract_plan", "extract"), (poppler, "pdf_info", "pdfinfo"),
        (poppler, "page_text", "pdftotext (text layer test)"), (poppler, "render_page", "render (pdftoppm)"),
        (deps, "tesseract_info", "tesseract --version/--list-langs"), (document, "preprocess_page", "preprocess"),
        (document, "_read", "page read (resize, TSV parse)"), (document, "recover_lost_lines", "lost lines"),
        (document, "read_tables", "tables"), (document, "assemble_lines", "layout"),
        (document, "find_borderless", "borderless tables"),
        (tesseract, "detect_orientation", "osd"), (tesslib, "Engine", "tesseract engine start"),
    ]
    clock.wrap(tesseract, "_run", "tesseract program", by_caller=True)
    clock.wrap(tesslib.Engine, "tsv", "tesseract engine", by_caller=True)  # before Engine itself is wrapped
    for owner, attr, name in steps:
        if hasattr(owner, attr):
            clock.wrap(owner, attr, name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--lang", help="OCR languages (default: OcrOptions.languages)")
    ap.add_argument("--no-tables", action="store_true")
    args = ap.parse_args(argv)

    t0 = cpu_now()
    from dataclasses import replace

    from kehoach.config import PipelineConfig
    from kehoach.pipeline import process_document
    import_cpu = cpu_now() - t0

    config = PipelineConfig()
    ocr_opts = config.ocr
    if args.lang:
        ocr_opts = replace(ocr_opts, languages=args.lang)
    if args.no_tables:
        ocr_opts = replace(ocr_opts, tables=False)
    config = replace(config, ocr=ocr_opts)

    t0 = cpu_now()
    from kehoach import warmup  # what the forkserver does once per batch
    from kehoach.work import single_threaded

    warmup.warm_up()
    single_threaded()  # as in a worker: OpenCV and Tesseract on one thread each
    warm_cpu = cpu_now() - t0

    clock = StepClock()
    instrument(clock)
    pages, wall0, cpu0 = 0, time.monotonic(), cpu_now()
    for path in args.inputs:
        plan = process_document(path, config)
        pages += plan.source.pages
    total = cpu_now() - cpu0
    wall = time.monotonic() - wall0

    print(f"{len(args.inputs)} documents, {pages} pages, languages {ocr_opts.languages}, "
          f"tables {'on' if ocr_opts.tables else 'off'}; {total:.2f} CPU s ({wall:.1f} s wall)\n")
    print("| step | CPU s/page | calls/page | share |")
    print("|---|---:|---:|---:|")
    for name, spent in sorted(clock.cpu.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {spent / pages:.3f} | {clock.calls[name] / pages:.2f} | {spent / total:.0%} |")
    print(f"| **documents, total** | **{total / pages:.3f}** | | |")
    print(f"\nonce per process: imports {import_cpu:.2f} CPU s, warm-up {warm_cpu:.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
