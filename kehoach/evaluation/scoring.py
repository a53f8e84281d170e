"""Scores of one document and of the whole set.

Scalar fields: accuracy (a null gold value is a value: predicting something there is wrong).
Item lists: micro precision / recall / F1 over all documents. Attributes of matched items
(reference type/date/issuer, task lead/deadline/content): accuracy over matched pairs.
Text: corpus WER / CER. A prediction that is missing or invalid is scored as an empty plan.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.evaluation.fields import SCALAR_FIELDS, field_value, show
from kehoach.evaluation.items import ITEM_SETS, Disagreement, ItemScore
from kehoach.evaluation.loading import DocumentPair
from kehoach.evaluation.text_metrics import TextScore, prediction_text, score_text


@dataclass
class DocumentScore:
    name: str
    status: str  # ok | missing | unparsable | invalid
    fields: dict[str, bool] = field(default_factory=dict)
    items: dict[str, ItemScore] = field(default_factory=dict)
    text: TextScore | None = None
    disagreements: list[Disagreement] = field(default_factory=list)


def is_scored(part: str, meta: dict) -> bool:
    """gold_meta.complete lists the annotated parts ("document", "document.title",
    "references", "tasks", ...); without it everything is scored."""
    complete = meta.get("complete") if isinstance(meta, dict) else None
    if complete is None:
        return True
    return any(part == c or part.startswith(c + ".") for c in complete)


def score_document(pair: DocumentPair) -> DocumentScore:
    gold, pred = pair.gold, pair.pred.data
    doc = DocumentScore(pair.name, pair.pred.status)
    if pair.pred.status != "ok":
        doc.disagreements.append(Disagreement(pair.name, "<prediction>", "a valid plan",
                                              f"{pair.pred.status}: {'; '.join(pair.pred.problems)[:300]}",
                                              "unreadable"))
    for name, same in SCALAR_FIELDS.items():
        if not is_scored(name, pair.gold_meta):
            continue
        expected, got = field_value(gold, name), field_value(pred, name)
        # An unreadable prediction is wrong everywhere, even where gold is null.
        agree = pair.pred.status == "ok" and bool(same(expected, got))
        doc.fields[name] = agree
        if not agree:
            doc.disagreements.append(Disagreement(pair.name, name, show(expected), show(got), "mismatch"))
    for name, scorer in ITEM_SETS.items():
        if not is_scored(name, pair.gold_meta):
            continue
        item_score = scorer(pair.name, gold, pred)
        doc.items[name] = item_score
        doc.disagreements.extend(item_score.disagreements)
    if pair.gold_text is not None:
        doc.text = score_text(pair.gold_text, prediction_text(pred))
    return doc


def prf(correct: int, n_gold: int, n_pred: int) -> dict:
    # Nothing to find and nothing predicted is perfect; otherwise empty denominators give 0.
    if n_gold == 0 and n_pred == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def aggregate(docs: list[DocumentScore]) -> dict:
    """Every aggregate figure, flat: name -> value (higher is better except *wer / *cer)."""
    out: dict[str, float] = {}
    out["documents"] = len(docs)
    out["predictions_unreadable"] = sum(d.status != "ok" for d in docs)
    field_names = [f for f in SCALAR_FIELDS if any(f in d.fields for d in docs)]
    total_right = total_seen = 0
    for f in field_names:
        seen = [d.fields[f] for d in docs if f in d.fields]
        out[f"field.{f}.accuracy"] = sum(seen) / len(seen)
        total_right, total_seen = total_right + sum(seen), total_seen + len(seen)
    if total_seen:
        out["fields.accuracy"] = total_right / total_seen
    all_c = all_g = all_p = 0
    attributes: dict[str, list[int]] = {}
    for name in ITEM_SETS:
        scored = [d.items[name] for d in docs if name in d.items]
        if not scored:
            continue
        c, g, p = (sum(s.correct for s in scored), sum(s.gold for s in scored), sum(s.pred for s in scored))
        for k, v in prf(c, g, p).items():
            out[f"items.{name}.{k}"] = v
        all_c, all_g, all_p = all_c + c, all_g + g, all_p + p
        for s in scored:
            for attr, (agree, n) in s.attributes.items():
                counts = attributes.setdefault(attr, [0, 0])
                counts[0] += agree
                counts[1] += n
    if all_g or all_p:
        for k, v in prf(all_c, all_g, all_p).items():
            out[f"items.all.{k}"] = v
    for attr, (agree, n) in sorted(attributes.items()):
        if n:
            out[f"attribute.{attr}.accuracy"] = agree / n
    texts = [d.text for d in docs if d.text is not None and d.text.ref_words]
    if texts:
        out["text.wer"] = sum(t.word_errors for t in texts) / sum(t.ref_words for t in texts)
        out["text.cer"] = sum(t.char_errors for t in texts) / sum(t.ref_chars for t in texts)
    return out


def document_row(doc: DocumentScore) -> dict:
    """One row of the per-document table."""
    row: dict = {"document": doc.name, "status": doc.status}
    if doc.fields:
        row["fields.accuracy"] = sum(doc.fields.values()) / len(doc.fields)
    for name, s in doc.items.items():
        row[f"{name}.gold"], row[f"{name}.pred"], row[f"{name}.correct"] = s.gold, s.pred, s.correct
        # An unreadable prediction got nothing right, even in a list that is empty in gold.
        row[f"{name}.f1"] = prf(s.correct, s.gold, s.pred)["f1"] if doc.status == "ok" else 0.0
    if doc.text is not None:
        row["text.wer"], row["text.cer"] = doc.text.wer, doc.text.cer
    row["disagreements"] = len(doc.disagreements)
    return row


def lower_is_better(name: str) -> bool:
    return name.endswith("wer") or name.endswith("cer") or name == "predictions_unreadable"
