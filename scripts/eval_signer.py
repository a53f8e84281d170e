"""Signer name and position accuracy on generated signature blocks, per layout shape and text form.

    nice -n 5 .venv/bin/python -m scripts.eval_signer [--count 40] [--seed 0] [--show-misses 5]

Blocks come from `kehoach.synth.signature_blocks` (shapes: blocks, interleaved, ocr, unsigned);
each is scored as printed (`diacritics`), stripped of its marks (`stripped`, old text layers) and
as English-model OCR leaves it (`lossy`). The text goes the way `kehoach run` takes a .txt file
(read_text_document -> normalize_document with the default options, restorer `auto` ->
extract_signer), and is compared as `kehoach eval` does (normalised, case-insensitive).
`name~` compares with the marks folded away: what was found, whatever the spelling.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from extract.patterns import fold_key
from extract.signer import extract_signer
from kehoach.evaluation.textnorm import folded
from kehoach.synth.lossy_text import lossy_text, strip_marks
from kehoach.synth.signature_blocks import SHAPES, SignatureSample, signature_samples
from normalize import NormalizeOptions, normalize_document
from normalize.encoding import read_text_document

TEXT_FORMS = {"diacritics": lambda text, seed: text, "stripped": lambda text, seed: strip_marks(text),
              "lossy": lambda text, seed: lossy_text(text, seed, slip_rate=0.1)}


def _same(pred: str | None, gold: str | None, marks: bool = True) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    a, b = folded(pred), folded(gold)
    return a == b if marks else fold_key(a) == fold_key(b)


def read_signer(text: str, workdir: Path) -> tuple[str | None, str | None]:
    """The signer as `kehoach run` reads it from a .txt file with this text."""
    path = workdir / "plan.txt"
    path.write_text(text, encoding="utf-8")
    norm = normalize_document(read_text_document(path), NormalizeOptions())
    signer = extract_signer(norm).signer
    return signer.name, signer.position


def score(samples: list[SignatureSample], form: str, workdir: Path) -> tuple[dict, list[dict]]:
    counts = {"name": 0, "name~": 0, "position": 0}
    misses = []
    for k, s in enumerate(samples):
        name, position = read_signer(TEXT_FORMS[form](s.text, k), workdir)
        ok = {"name": _same(name, s.name), "name~": _same(name, s.name, marks=False),
              "position": _same(position, s.position)}
        for key, v in ok.items():
            counts[key] += v
        if not (ok["name"] and ok["position"]):
            misses.append({"shape": s.shape, "form": form, "seed": k, "pred": (name, position),
                           "gold": (s.name, s.position), "tail": TEXT_FORMS[form](s.text, k).split("\n")[-14:]})
    return {key: v / len(samples) for key, v in counts.items()}, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=40, help="blocks per shape")
    ap.add_argument("--seed", type=int, default=0, help="first generator seed")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated subset of " + ", ".join(SHAPES))
    ap.add_argument("--forms", default=",".join(TEXT_FORMS), help="comma-separated subset of " + ", ".join(TEXT_FORMS))
    ap.add_argument("--show-misses", type=int, default=0, help="print this many misses per shape and form")
    args = ap.parse_args(argv)
    shapes, forms = args.shapes.split(","), args.forms.split(",")
    print(f"{'shape':12} {'form':11} {'name':>6} {'name~':>6} {'position':>8}")
    totals = {"name": 0.0, "name~": 0.0, "position": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        for shape in shapes:
            samples = signature_samples(shape, args.count, args.seed)
            for form in forms:
                acc, misses = score(samples, form, Path(tmp))
                for key in totals:
                    totals[key] += acc[key] / (len(shapes) * len(forms))
                print(f"{shape:12} {form:11} {acc['name']:6.1%} {acc['name~']:6.1%} {acc['position']:8.1%}")
                for m in misses[: args.show_misses]:
                    print(f"    seed {m['seed']}: pred {m['pred']} gold {m['gold']}")
                    print("      | " + "\n      | ".join(m["tail"]))
    print(f"{'mean':24} {totals['name']:6.1%} {totals['name~']:6.1%} {totals['position']:8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
