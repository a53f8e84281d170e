"""`kehoach eval` end to end on a tiny hand-made gold/prediction folder pair."""
from __future__ import annotations

import json

import pytest

from extract.schema import DocumentInfo, Plan, Reference, Source
from kehoach.cli import main as kehoach_main


def _plan_dict(number: str, refs: list[str], page_text: str | None = None) -> dict:
    src = Source(file="x.txt", sha256="0" * 64, media_type="text/plain", pages=1,
                 text_origin="plain_text", diacritics="restored")
    plan = Plan(source=src, document=DocumentInfo(doc_type="Kế hoạch", number=number), parent_plan=None,
                references=[Reference(doc_type="Kế hoạch", number=n) for n in refs],
                index_results=[], index_targets=[], tasks=[], warnings=[],
                pages=[{"number": 1, "text": page_text}] if page_text is not None else None)
    return plan.to_json_dict()


@pytest.fixture
def folders(tmp_path):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    (gold / "text").mkdir(parents=True)
    pred.mkdir()
    meta = {"annotator": "test", "complete": ["document.number", "references"]}
    for name in ("a", "b", "c", "d"):
        g = _plan_dict(f"1{name}/KH-UBND", ["1/KH-UBND", "2/KH-UBND", "3/KH-UBND", "4/KH-UBND"])
        g["gold_meta"] = meta
        (gold / f"{name}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    (gold / "text" / "a.txt").write_text("Kế hoạch số 1\nCải thiện chỉ số", encoding="utf-8")
    good = _plan_dict("1a/KH-UBND", ["1/KH-UBND", "2/KH-UBND", "3/KH-UBND"], page_text="Kế hoạch số 1 Cải thiện chỉ số")
    (pred / "a.json").write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    (pred / "b.json").write_text("{not json", encoding="utf-8")  # unparsable
    invalid = _plan_dict("1c/KH-UBND", [])
    invalid["document"]["issue_date"] = "2025-13-45"  # schema-invalid
    (pred / "c.json").write_text(json.dumps(invalid), encoding="utf-8")
    # d.json is missing
    return gold, pred, tmp_path / "out"


def test_eval_scores_lists_and_never_crashes(folders, capsys):
    gold, pred, out = folders
    assert kehoach_main(["eval", "--pred", str(pred), "--gold", str(gold), "--out", str(out)]) == 0
    summary = json.loads((out / "aggregate.json").read_text(encoding="utf-8"))["aggregate"]
    assert summary["documents"] == 4 and summary["predictions_unreadable"] == 3
    assert summary["items.references.precision"] == 1.0
    assert summary["items.references.recall"] == pytest.approx(3 / 16)
    assert summary["field.document.number.accuracy"] == 0.25
    assert summary["text.wer"] == 0.0
    assert "field.document.title.accuracy" not in summary  # not in gold_meta.complete
    lines = [json.loads(x) for x in (out / "disagreements.jsonl").read_text(encoding="utf-8").splitlines()]
    unreadable = {d["document"]: d["got"].split(":")[0] for d in lines if d["kind"] == "unreadable"}
    assert unreadable == {"b": "unparsable", "c": "invalid", "d": "missing"}
    assert {"document": "a", "field": "references[4/KH-UBND]", "kind": "missing"}.items() <= next(
        d for d in lines if d["document"] == "a").items()
    docs_tsv = (out / "documents.tsv").read_text(encoding="utf-8").splitlines()
    assert docs_tsv[0].startswith("document\tstatus") and len(docs_tsv) == 5
    assert (out / "text_errors.tsv").read_text(encoding="utf-8").splitlines() == ["document\tkind\texpected\tgot\tcount"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "references[4/KH-UBND]" in html
    assert "src=\"http" not in html and "href=\"http" not in html  # stands alone


def test_fail_below_names_the_figures_that_dropped(folders, tmp_path, capsys):
    gold, pred, _ = folders
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"epsilon": 1e-6, "aggregate": {
        "items.references.recall": 0.5, "items.references.precision": 1.0, "text.wer": 0.0}}), encoding="utf-8")
    assert kehoach_main(["eval", "--pred", str(pred), "--gold", str(gold), "--fail-below", str(baseline)]) == 1
    err = capsys.readouterr().err
    assert "items.references.recall" in err and "precision" not in err and "text.wer" not in err
    baseline.write_text(json.dumps({"aggregate": {"items.references.recall": 0.1875}}), encoding="utf-8")
    assert kehoach_main(["eval", "--pred", str(pred), "--gold", str(gold), "--fail-below", str(baseline)]) == 0


def test_bad_usage_exits_2(tmp_path):
    assert kehoach_main(["eval", "--pred", str(tmp_path), "--gold", str(tmp_path / "nope")]) == 2
    (tmp_path / "empty").mkdir()
    assert kehoach_main(["eval", "--pred", str(tmp_path), "--gold", str(tmp_path / "empty")]) == 2


def test_malformed_gold_is_reported_not_fatal(folders, capsys):
    gold, pred, out = folders
    (gold / "e.json").write_text(json.dumps({"document": {"period": [2025]}, "tasks": "x"}), encoding="utf-8")
    (pred / "e.json").write_text(json.dumps(_plan_dict("1e/KH-UBND", [])), encoding="utf-8")
    assert kehoach_main(["eval", "--pred", str(pred), "--gold", str(gold), "--out", str(out)]) == 0
    problems = json.loads((out / "aggregate.json").read_text(encoding="utf-8"))["problems"]
    assert any(p.startswith("e: not scored") for p in problems)
