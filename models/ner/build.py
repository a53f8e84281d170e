"""Rebuild the NER model: `python -m models.ner.build --out models/ner`.

Training text: synthetic plans (kehoach.synth, seeds 0..N-1) annotated by models.ner.annotate
(generator facts + patterns + gazetteers), a third of the lines also with their diacritics
stripped (English-model OCR). Held out: synthetic seeds 5000+ (same annotator) and
data/handcheck.txt (hand-annotated, incl. seed lines). Deterministic for a given --seed.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
import unicodedata
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from models.ner.annotate import LABELS, annotate, ruler_patterns

HERE = Path(__file__).resolve().parent
_MARK = re.compile(r"\[([^\]]+)\]\((ORG|LOC|PERSON|DATE|DOC_REF)\)")


def strip_marks(text: str) -> str:
    """Diacritics removed character by character (offsets unchanged), as English-model OCR loses them."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def synthetic_lines(seeds, rng: random.Random, per_plan: int, strip_share: float):
    from kehoach.synth.plan_text import generate_plan

    for seed in seeds:
        plan = generate_plan(seed, size=rng.choice(("normal", "long")))
        g = plan.gold
        orgs = [n for t in g["tasks"] for n in t["lead"] + t["partners"]]
        orgs += [x for x in (g["document"]["issuer"].get("name"), g["document"]["issuer"].get("superior")) if x]
        facts = {"ORG": orgs, "PERSON": [g["document"]["signer"]["name"]] if g["document"]["signer"]["name"] else []}
        lines = [ln.strip() for ln in plan.text.split("\n") if 3 < len(ln.strip()) < 400]
        for line in rng.sample(lines, min(per_plan, len(lines))):
            spans = annotate(line, facts)
            yield line, spans
            if rng.random() < strip_share:
                yield strip_marks(line), spans


def corpus_lines(corpus: Path, rng: random.Random, n: int, scan: int = 120_000):
    """Legal-register lines of the shared corpus that the rules annotate (silver), sampled reproducibly."""
    import gzip

    path = corpus / "phapdien.train.txt.gz"
    if not path.exists():
        return
    keep: list[tuple[str, list]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= scan:
                break
            line = re.sub(r"^Điều\s+[\d.A-Z]+\.\s*", "", line.strip())  # codification ids
            if not 20 < len(line) < 300:
                continue
            spans = annotate(line)
            if not spans:
                continue
            if len(keep) < n:
                keep.append((line, spans))
            else:
                j = rng.randrange(i + 1)
                if j < n:
                    keep[j] = (line, spans)
    for line, spans in keep:
        yield line, spans
        if rng.random() < 0.25:
            yield strip_marks(line), spans


def handcheck(path: Path = HERE / "data" / "handcheck.txt"):
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        text, spans, last = "", [], 0
        for m in _MARK.finditer(raw):
            text += raw[last:m.start()]
            start = len(text)
            text += m.group(1)
            spans.append((start, len(text), m.group(2)))
            last = m.end()
        text += raw[last:]
        yield text, spans


def to_examples(nlp, items) -> list[Example]:
    out = []
    for text, spans in items:
        doc = nlp.make_doc(text)
        ents = [doc.char_span(a, b, label=lab, alignment_mode="contract") for a, b, lab in spans]
        ents = [e for e in ents if e is not None]
        try:
            out.append(Example.from_dict(doc, {"entities": [(e.start_char, e.end_char, e.label_) for e in ents]}))
        except ValueError:  # overlapping after alignment: skip the line
            continue
    return out


def per_label(nlp, examples) -> dict:
    scores = nlp.evaluate(examples)
    table = {lab: {k: round(v, 3) for k, v in s.items()} for lab, s in (scores.get("ents_per_type") or {}).items()}
    table["ALL"] = {"p": round(scores["ents_p"], 3), "r": round(scores["ents_r"], 3), "f": round(scores["ents_f"], 3)}
    return table


def build(out: Path, n_plans: int, per_plan: int, epochs: int, seed: int, corpus: Path | None,
          corpus_n: int) -> dict:
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = spacy.blank("xx")  # rule-based tokenizer: Vietnamese syllables, punctuation split off
    train = to_examples(nlp, synthetic_lines(range(n_plans), rng, per_plan, strip_share=0.33))
    n_synthetic = len(train)
    if corpus is not None:
        train += to_examples(nlp, corpus_lines(corpus, random.Random(seed + 2), corpus_n))
    heldout = to_examples(nlp, synthetic_lines(range(5000, 5030), random.Random(seed + 1), per_plan, 0.33))
    hand = to_examples(nlp, handcheck())
    ner = nlp.add_pipe("ner")
    for lab in LABELS:
        ner.add_label(lab)
    optimizer = nlp.initialize(lambda: train)
    t0 = time.time()
    for epoch in range(epochs):
        rng.shuffle(train)
        losses: dict = {}
        for batch in minibatch(train, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"epoch {epoch + 1}/{epochs}: ner loss {losses.get('ner', 0):.1f}", flush=True)
    seconds = round(time.time() - t0, 1)
    metrics = {"ner_only": {"synthetic_heldout": per_label(nlp, heldout), "handcheck": per_label(nlp, hand)}}
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": False})
    ruler.add_patterns(ruler_patterns())
    metrics["ner_plus_ruler"] = {"synthetic_heldout": per_label(nlp, heldout), "handcheck": per_label(nlp, hand)}
    metrics["data"] = {"train_lines": len(train), "train_synthetic_lines": n_synthetic, "heldout_lines": len(heldout), "handcheck_lines": len(hand),
                       "train_plans": n_plans, "epochs": epochs, "seed": seed, "train_seconds": seconds}
    out.mkdir(parents=True, exist_ok=True)
    model_dir = out / "model"
    nlp.to_disk(model_dir)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return metrics


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--plans", type=int, default=50)
    ap.add_argument("--lines-per-plan", type=int, default=40)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent.parent / "shared" / "corpus",
                    help="shared corpus folder (legal-register lines, silver-annotated); '' to skip")
    ap.add_argument("--corpus-lines", type=int, default=1500)
    args = ap.parse_args(argv)
    corpus = args.corpus if str(args.corpus) not in ("", ".") and args.corpus.exists() else None
    metrics = build(args.out, args.plans, args.lines_per_plan, args.epochs, args.seed, corpus, args.corpus_lines)
    print(json.dumps(metrics, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
