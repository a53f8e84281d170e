"""Measure OCR quality (CER, WER) on degraded synthetic scans: bare Tesseract vs the pipeline.

Pages come from the synthetic plan generator (kehoach.synth), rendered at 300 dpi and degraded
with the scan presets; the ground truth is each page's printed text. Two seed splits: `tune`
(used while choosing thresholds and defaults) and `test` (held out, reported in docs/ocr.md).

    .venv/bin/python -m scripts.eval_ocr                       # test split, languages, ~5 min
    .venv/bin/python -m scripts.eval_ocr --ablation            # + each preprocessing step off
    .venv/bin/python -m scripts.eval_ocr --split tune --pages 4

Scores use the project's comparison normalisation (kehoach.evaluation.text_metrics: NFC,
whitespace collapsed, tone position ignored); rates are corpus-level (errors / reference size).
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kehoach.evaluation.text_metrics import score_text
from kehoach.synth import generate_plan
from kehoach.synth.degrade import degrade
from kehoach.synth.model import Table, table_row_text
from kehoach.synth.render import render_pages
from ocr.document import ocr_page
from ocr.layout import table_lines
from ocr.options import OcrOptions

SPLITS = {"tune": [1, 2, 3, 4], "test": [101, 102, 103, 104]}
LANGUAGES = ["vie", "Vietnamese", "vie+Vietnamese"]
PRESET_CYCLE = ["medium", "heavy"]


@dataclass
class EvalPage:
    name: str
    image_path: Path  # degraded page as PNG, what a user would hand to bare tesseract
    gray: np.ndarray
    truth: str
    tables: list[str]  # every table of the plan, rows joined by newlines, cells by " | "


@dataclass
class Tally:
    ref_words: int = 0
    word_errors: int = 0
    ref_chars: int = 0
    char_errors: int = 0
    seconds: float = 0.0
    cpu: float = 0.0  # CPU seconds of this process and its Tesseract children: robust to other load

    def add(self, truth: str, text: str, seconds: float, cpu: float = 0.0) -> None:
        s = score_text(truth, text)
        self.ref_words += s.ref_words
        self.word_errors += s.word_errors
        self.ref_chars += s.ref_chars
        self.char_errors += s.char_errors
        self.seconds += seconds
        self.cpu += cpu

    @property
    def cer(self) -> float:
        return self.char_errors / max(1, self.ref_chars)

    @property
    def wer(self) -> float:
        return self.word_errors / max(1, self.ref_words)


def cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def make_pages(seeds: list[int], pages_per_plan: int, workdir: Path, rotate_last: bool) -> list[EvalPage]:
    out: list[EvalPage] = []
    k = 0
    for seed in seeds:
        plan = generate_plan(seed)
        images = render_pages(plan, dpi=300)
        for i, image in enumerate(images[:pages_per_plan]):
            preset = PRESET_CYCLE[k % len(PRESET_CYCLE)]
            rotate = 180 if rotate_last and seed == seeds[-1] and i == 0 else 0
            degraded = degrade(image, preset, seed=seed * 1000 + i, rotate=rotate)
            name = f"seed{seed}-p{i + 1}-{preset}" + (f"-rot{rotate}" if rotate else "")
            path = workdir / f"{name}.png"
            degraded.save(path)
            tables = ["\n".join(table_row_text(r) for r in b.rows) for b in plan.layout.body if isinstance(b, Table)]
            out.append(EvalPage(name, path, np.asarray(degraded, dtype=np.uint8), plan.page_texts[i], tables))
            k += 1
    return out


def bare_tesseract(page: EvalPage, lang: str) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run(["tesseract", str(page.image_path), "-", "-l", lang], capture_output=True, env=env,
                          timeout=600)
    return proc.stdout.decode("utf-8", "replace")


def pipeline(page: EvalPage, options: OcrOptions) -> str:
    return ocr_page(page.gray, 1, options).text


def forced_binarize(page: EvalPage, options: OcrOptions) -> str:
    """The pipeline with the faded-ink condition of binarisation lifted (every scan binarised)."""
    from ocr import preprocess

    saved, preprocess.FADED_CONTRAST = preprocess.FADED_CONTRAST, 256.0
    try:
        return pipeline(page, options)
    finally:
        preprocess.FADED_CONTRAST = saved


def configurations(ablation: bool, best_lang: str) -> list[tuple[str, object]]:
    """Bare Tesseract, then the pipeline. Pipeline rows read tables row by row (`--no-tables`) so
    the text compares with the printed ground truth; one row shows the default table output
    (cells joined by " | "), which CER penalises for its different line format, not its reading."""
    configs: list[tuple[str, object]] = [(f"bare `tesseract page.png - -l {lang}`", ("bare", lang)) for lang in LANGUAGES]
    configs += [(f"pipeline --lang {lang} --no-tables", OcrOptions(languages=lang, tables=False)) for lang in LANGUAGES]
    # Tesseract fed the page as rendered (300 dpi) instead of scaled to OcrOptions.ocr_dpi
    configs += [(f"pipeline --lang {lang} --no-tables, OCR at 300 dpi", OcrOptions(languages=lang, tables=False, ocr_dpi=0))
                for lang in LANGUAGES]
    base = OcrOptions(languages=best_lang, tables=False)
    configs.append((f"pipeline --lang {best_lang} (tables as cell rows)", OcrOptions(languages=best_lang)))
    if ablation:
        for flag in ("orientation", "deskew", "denoise", "remove_rules", "recover_lines"):
            configs.append((f"pipeline --lang {best_lang} --no-tables --no-{flag.replace('_', '-')}",
                            dataclasses.replace(base, **{flag: False})))
        configs.append((f"pipeline --lang {best_lang} --no-tables, binarise every scan", ("force-binarize", base)))
        configs.append((f"pipeline --lang {best_lang} --no-tables, all preprocessing off",
                        dataclasses.replace(base, orientation=False, deskew=False, denoise=False, binarize=False,
                                            remove_rules=False)))
    return configs


def table_cer(pages: list[EvalPage], options: OcrOptions) -> tuple[float, int, int]:
    """CER of the tables the pipeline finds, each scored against the closest generated table
    (rows as `a | b | c` lines). Returns (CER, tables found, reference characters)."""
    errors = chars = found = 0
    for page in pages:
        for table in ocr_page(page.gray, 1, options).tables:
            found += 1
            hyp = "\n".join(table_lines(table))
            best = min((score_text(t, hyp) for t in page.tables), key=lambda s: s.char_errors / max(1, s.ref_chars))
            errors, chars = errors + best.char_errors, chars + best.ref_chars
    return errors / max(1, chars), found, chars


def text_layer_figures(shared: Path) -> None:
    """Diacritic word share (the hidden-OCR-layer test of ocr.textlayer) on 2,000-character chunks
    of the corpus dev splits (real text) and on the seed texts (English-model OCR but 001)."""
    import gzip

    from ocr.textlayer import TextLayerRules, assess_text_layer

    print(f"threshold: {TextLayerRules().min_diacritic_word_share}")
    for name in ("phapdien.dev", "viwiki.dev"):
        chunks, cur = [], ""
        with gzip.open(shared / "corpus" / f"{name}.txt.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                cur += line
                if len(cur) > 2000:
                    chunks.append(cur)
                    cur = ""
        shares = sorted(assess_text_layer(c).diacritic_word_share for c in chunks)
        print(f"{name}: {len(chunks)} chunks, min {shares[0]:.2f}, median {shares[len(shares) // 2]:.2f}")
    for path in sorted((shared / "seeds").glob("*.txt")):
        v = assess_text_layer(path.read_text(encoding="utf-8"))
        print(f"seed {path.name[:3]}: share {v.diacritic_word_share:.2f}, usable {v.usable}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=sorted(SPLITS), default="test")
    ap.add_argument("--seeds", type=int, nargs="*", help="plan seeds (overrides --split)")
    ap.add_argument("--pages", type=int, default=2, help="pages per plan (page 1 has the two-column header)")
    ap.add_argument("--ablation", action="store_true", help="also run the pipeline with each step off")
    ap.add_argument("--best-lang", default=OcrOptions().languages, help="language used for the ablation rows")
    ap.add_argument("--rotate-last", action="store_true", help="feed the last plan's first page upside down")
    ap.add_argument("--only", help="run only configurations whose label contains this")
    ap.add_argument("--per-page", action="store_true", help="print CER per page too")
    ap.add_argument("--table-cer", action="store_true", help="only score table cells of the default pipeline")
    ap.add_argument("--text-layer", action="store_true", help="only print the text-layer rule's figures")
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("KEHOACH_SHARED", "../shared")))
    args = ap.parse_args(argv)
    if args.text_layer:
        text_layer_figures(args.shared)
        return 0
    seeds = args.seeds or SPLITS[args.split]

    with tempfile.TemporaryDirectory(prefix="kehoach-eval-ocr-") as tmp:
        pages = make_pages(seeds, args.pages, Path(tmp), args.rotate_last)
        print(f"{len(pages)} pages: {', '.join(p.name for p in pages)}", file=sys.stderr)
        if args.table_cer:
            cer, found, chars = table_cer(pages, OcrOptions())
            print(f"table cells, default pipeline: CER {cer:.2%} over {found} tables, {chars} reference characters")
            return 0
        rows = []
        for label, config in configurations(args.ablation, args.best_lang):
            if args.only and args.only not in label:
                continue
            tally = Tally()
            for page in pages:
                t0, c0 = time.perf_counter(), cpu_seconds()
                if isinstance(config, tuple) and config[0] == "force-binarize":
                    text = forced_binarize(page, config[1])
                elif isinstance(config, tuple):
                    text = bare_tesseract(page, config[1])
                else:
                    text = pipeline(page, config)
                tally.add(page.truth, text, time.perf_counter() - t0, cpu_seconds() - c0)
                if args.per_page:
                    one = Tally()
                    one.add(page.truth, text, 0)
                    print(f"  {label} {page.name}: CER {one.cer:.2%}", file=sys.stderr)
            rows.append((label, tally))
            print(f"{label}: CER {tally.cer:.2%} WER {tally.wer:.2%} ({tally.seconds:.0f} s, CPU {tally.cpu:.1f} s)",
                  file=sys.stderr)

    ref_cpu = rows[0][1].cpu or 1.0
    print(f"\nsplit `{args.split if not args.seeds else 'custom'}` seeds {seeds}, {len(pages)} pages, "
          f"{rows[0][1].ref_chars} reference characters\n")
    print("| configuration | CER | WER | CPU s/page | CPU vs first row |")
    print("|---|---:|---:|---:|---:|")
    for label, t in rows:
        print(f"| {label} | {t.cer:.2%} | {t.wer:.2%} | {t.cpu / len(pages):.2f} | {t.cpu / ref_cpu:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
