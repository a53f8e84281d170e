"""How hard is each degradation preset for Tesseract? Render plans, degrade the first page with each
preset, OCR it (`vie`), and compare with the printed page text.

    python -m kehoach.synth.ocr_check --seeds 1 2 --presets clean light medium heavy

CER is computed on whitespace-collapsed text, so reading-order differences (the two header columns)
count against it; word recall (share of printed words found, order ignored) does not depend on order.
This measures the rendered material, not the project's OCR stage (ocr/ has its own preprocessing).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter

from kehoach.errors import MissingDependencyError
from kehoach.synth.degrade import PRESETS, degrade
from kehoach.synth.plan_text import generate_plan
from kehoach.synth.render import render_pages


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def word_recall(truth: str, hyp: str) -> float:
    want, got = Counter(_words(truth)), Counter(_words(hyp))
    total = sum(want.values())
    return sum(min(n, got[w]) for w, n in want.items()) / total if total else 1.0


def cer(truth: str, hyp: str) -> float:
    import jiwer

    squash = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731
    return jiwer.cer(squash(truth), squash(hyp))


def ocr_page(image, lang: str = "vie") -> str:
    try:
        import pytesseract

        return pytesseract.image_to_string(image, lang=lang, config="--psm 3")
    except (ImportError, EnvironmentError, RuntimeError) as exc:  # TesseractError: e.g. no 'vie' data
        raise MissingDependencyError(f"tesseract with '{lang}' is not available: {exc}",
                                     "install tesseract-ocr and tesseract-ocr-vie") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kehoach.synth.ocr_check", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--presets", nargs="+", default=list(PRESETS), choices=list(PRESETS))
    parser.add_argument("--dpi", type=int, default=300)
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    rows: dict[str, list[tuple[float, float]]] = {p: [] for p in args.presets}
    for seed in args.seeds:
        plan = generate_plan(seed)
        page = render_pages(plan, args.dpi)[0]
        truth = (plan.page_texts or [""])[0]
        for name in args.presets:
            hyp = ocr_page(degrade(page, name, seed))
            rows[name].append((cer(truth, hyp), word_recall(truth, hyp)))
            print(f"seed {seed} {name:6s} CER {rows[name][-1][0]:.3f} word recall {rows[name][-1][1]:.3f}",
                  flush=True)
    print("preset  pages  mean CER  mean word recall")
    for name, vals in rows.items():
        n = len(vals)
        print(f"{name:6s}  {n:5d}  {sum(v[0] for v in vals) / n:8.3f}  {sum(v[1] for v in vals) / n:16.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
