"""Benchmark the diacritic restorer against pyvi's ViUtils.add_accents, in one run.

    python -m scripts.bench_restore --corpus ../shared/corpus [--lines 2000] [--ocr-pages 4]

Sets: (1) cleanly stripped held-out text (corpus dev split sample + models/restorer/plan_heldout.txt);
(2) held-out text rendered as degraded and as mildly degraded scans, OCR'd with `tesseract -l eng`;
(3) the real English-OCR seeds 000 and 002 against hand-made gold (data/gold/text/), if present.
Scores are jiwer WER and syllable accuracy after NFC and one tone-placement convention on both
sides (hòa/hoà count as the same). Speed: syllables per second on set (1), one core.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import jiwer

from models.restorer.corpus import strip_codification
from normalize.restore.syllables import normalize_tone, skeleton

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {"000": "000_f678a7199dd3c216.txt", "002": "002_7ae41a44fb03a057.txt"}


def strip_marks(text: str) -> str:
    return "".join(skeleton(c).upper() if c.isupper() else skeleton(c) for c in text)


def canon(text: str) -> str:
    return " ".join(normalize_tone(w) for w in text.split())


def score(refs: list[str], hyps: list[str]) -> dict:
    pairs = [(canon(r), canon(h)) for r, h in zip(refs, hyps) if r.strip()]
    refs_c, hyps_c = [p[0] for p in pairs], [p[1] or "" for p in pairs]
    out = jiwer.process_words(refs_c, hyps_c)
    n = sum(len(r.split()) for r in refs_c)
    return {"wer": out.wer, "syl_acc": out.hits / n if n else 0.0, "syllables": n}


def dev_sample(corpus: Path, n: int, seed: int = 13) -> list[str]:
    lines = []
    for path in sorted(corpus.glob("*.dev.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines += [strip_codification(l.strip()) for l in fh if l.strip()]
    lines = [l for l in lines if 20 <= len(l) <= 400]
    return random.Random(seed).sample(lines, min(n, len(lines)))


def pyvi_restore(lines: list[str]) -> list[str]:
    from pyvi import ViUtils

    out = []
    for l in lines:
        try:
            out.append(ViUtils.add_accents(l))
        except Exception:
            out.append(l)
    return out


def ocr_set(lines: list[str], pages: int, cache: Path, seed: int = 99, mild: bool = False,
            stem: str | None = None) -> list[tuple[str, str]]:
    """(source page text, English OCR text) for held-out lines rendered as scans; cached."""
    from models.restorer.scan_sim import ocr_english, render_page

    cache.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    out, pos = [], 0
    stem = stem or ("heldout-mild" if mild else "heldout")
    for page in range(pages):
        src_f, ocr_f = cache / f"{stem}{page:02d}.src.txt", cache / f"{stem}{page:02d}.ocr.txt"
        img, physical, used = render_page(lines[pos : pos + 60], rng, mild=mild)
        pos += max(len(used), 1)
        src = "\n".join(physical)
        if not (ocr_f.exists() and src_f.exists() and src_f.read_text(encoding="utf-8") == src):
            img_path = cache / f"{stem}{page:02d}.png"
            img.save(img_path)
            ocr_f.write_text(ocr_english(img_path), encoding="utf-8")
            src_f.write_text(src, encoding="utf-8")
            img_path.unlink()
        out.append((src, ocr_f.read_text(encoding="utf-8")))
    return out


def load_seconds(model: str | None) -> tuple[float, float]:
    """(wall, CPU) seconds to import the restorer and load the model in a fresh process."""
    code = (
        "import time; t=time.perf_counter(); c=time.process_time(); from normalize.restore import get_restorer; "
        f"get_restorer({model!r}); print(time.perf_counter()-t, time.process_time()-c)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    wall, cpu = (res.stdout.split() + ["nan", "nan"])[:2]
    return float(wall), float(cpu)


def row(name: str, ours: dict, pyvi: dict | None, raw: dict | None = None) -> str:
    fmt = lambda d: f"{100 * d['wer']:.2f} % | {100 * d['syl_acc']:.2f} %" if d else "– | –"
    return f"| {name} | {ours['syllables']} | {fmt(ours)} | {fmt(pyvi)} | {fmt(raw)} |"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    p.add_argument("--model", default=None)
    p.add_argument("--lines", type=int, default=2000)
    p.add_argument("--ocr-pages", type=int, default=4)
    p.add_argument("--cache", default=str(ROOT / "bench-out" / "restore"))
    p.add_argument("--no-pyvi", action="store_true")
    p.add_argument("--skip-seeds", action="store_true")
    p.add_argument("--json", default=None, help="also write the figures here")
    p.add_argument("--validation", type=int, default=0, metavar="N",
                   help="also N degraded renders of train-split lines (the set model choices are tuned on)")
    args = p.parse_args(argv)

    from normalize.restore import get_restorer

    load = load_seconds(args.model)
    r = get_restorer(args.model)
    results, table = {"load_seconds": load}, []
    header = "| set | syllables | ours WER | ours syl. acc. | pyvi WER | pyvi syl. acc. | input WER | input syl. acc. |"
    table += [header, "|" + "---|" * 8]

    # (1) cleanly stripped held-out text
    heldout_plan = [l for l in (ROOT / "models/restorer/plan_heldout.txt").read_text(encoding="utf-8").splitlines() if l]
    for name, gold in [("dev split, stripped", dev_sample(Path(args.corpus), args.lines)),
                       ("own plan sentences, stripped", heldout_plan)]:
        inputs = [strip_marks(l) for l in gold]
        t = time.process_time()  # CPU time of this process: the machine may be shared
        hyps = [r.restore_line(l, channel="stripped") for l in inputs]
        secs = time.process_time() - t
        ours = score(gold, hyps)
        base = None if args.no_pyvi else score(gold, pyvi_restore(inputs))
        ours["syllables_per_second"] = round(ours["syllables"] / secs)
        results[name] = {"ours": ours, "pyvi": base, "input": score(gold, inputs)}
        table.append(row(name, ours, base, results[name]["input"]))

    # (2) held-out text rendered and OCR'd with the English model
    rng = random.Random(5)
    ocr_lines = heldout_plan + rng.sample(dev_sample(Path(args.corpus), 4000, seed=21), 400)
    rng.shuffle(ocr_lines)
    for mild in (False, True):
        pages = ocr_set(ocr_lines[200 * mild :], args.ocr_pages, Path(args.cache), seed=99 + mild, mild=mild)
        if not pages:
            continue
        name = f"English OCR, {len(pages)} held-out {'mildly ' if mild else ''}degraded scans"
        refs = [" ".join(s.split()) for s, _ in pages]
        raw = [" ".join(o.split()) for _, o in pages]
        t = time.process_time()
        ours = score(refs, [" ".join(r.restore_text(o, mode="always").text.split()) for _, o in pages])
        ours["syllables_per_second"] = round(sum(len(o.split()) for _, o in pages) / (time.process_time() - t))
        base = None if args.no_pyvi else score(refs, [" ".join(pyvi_restore(o.split("\n"))) for _, o in pages])
        results[name] = {"ours": ours, "pyvi": base, "input": score(refs, raw)}
        table.append(row(name, ours, base, results[name]["input"]))

    # validation: train-split lines (never the held-out ones), two seeded streams of degraded pages
    if args.validation:
        from models.restorer.channel_fit import sample_lines

        pages = []
        for k, seed in enumerate((4242, 4343)):
            n = (args.validation + 1 - k) // 2
            pages += ocr_set(sample_lines(Path(args.corpus), n * 40, seed), n, Path(args.cache), seed=seed, stem=f"val{seed}-")
        refs = [" ".join(s.split()) for s, _ in pages]
        ours = score(refs, [" ".join(r.restore_text(o, mode="always").text.split()) for _, o in pages])
        name = f"validation: English OCR, {len(pages)} degraded train-split scans"
        results[name] = {"ours": ours, "pyvi": None, "input": score(refs, [" ".join(o.split()) for _, o in pages])}
        table.append(row(name, ours, None, results[name]["input"]))

    # (3) real English-OCR seeds against hand-made gold
    notes = []
    for sid, fname in SEEDS.items() if not args.skip_seeds else ():
        gold_f, seed_f = ROOT / "data/gold/text" / fname, ROOT.parent / "shared/seeds" / fname
        if not gold_f.exists() or not seed_f.exists():
            notes.append(f"seed {sid}: skipped (no gold text at {gold_f.relative_to(ROOT)})")
            continue
        seed, gold = seed_f.read_text(encoding="utf-8"), gold_f.read_text(encoding="utf-8")
        hyp = r.restore_text(seed, mode="auto").text
        flat = lambda t: " ".join(t.split())
        ours = score([flat(gold)], [flat(hyp)])
        base = None if args.no_pyvi else score([flat(gold)], [" ".join(pyvi_restore(seed.split("\n")))])
        results[f"seed {sid}"] = {"ours": ours, "pyvi": base, "input": score([flat(gold)], [flat(seed)])}
        table.append(row(f"seed {sid} (real English OCR)", ours, base, results[f"seed {sid}"]["input"]))

    speed = results["dev split, stripped"]["ours"]["syllables_per_second"]
    ocr_speed = next((v["ours"]["syllables_per_second"] for k, v in results.items() if k.startswith("English OCR")), None)
    print("\n".join(table))
    print(f"\nspeed: {speed} syllables per CPU-second, one thread (set 1); "
          f"model load in a fresh process: {load[0]:.2f} s wall, {load[1]:.2f} s CPU")
    if ocr_speed:
        print(f"English-OCR input (first set 2, cold candidate cache): {ocr_speed} tokens per CPU-second")
    for n in notes:
        print(n)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
