"""Held-out documents (data/heldout/): well-formed gold, paired with its raw text.

These documents were written independently of the extraction rules and of the generator; they
are for measuring only (see data/heldout/README.md). This test checks the files, never the
pipeline: every gold validates against the shared contract, its source block describes the raw
file it pairs with (sha256, pages), names pair up one to one, and the gold follows the same
formal conventions as data/gold/ (NFC, traditional tone placement, ISO dates, unique references,
parent plan among the references, gold_meta).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "data" / "heldout"
RAW = HELDOUT / "raw"
GOLD = HELDOUT / "gold"
RAW_FILES = sorted(RAW.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.json"))
SECTIONS = {"source", "document", "parent_plan", "references", "index_results", "index_targets", "tasks",
            "warnings"}
NEW_STYLE_TONE = re.compile(r"(?<![qQ])(?:[oO][àáảãạ]|[oO][èéẻẽẹ]|[uU][ỳýỷỹỵ])(?![^\W\d_])")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _strings(obj, where="$"):
    if isinstance(obj, str):
        yield where, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _strings(v, f"{where}[{i}]")


def _iso(value) -> bool:
    if value is None:
        return True
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def test_there_are_heldout_documents():
    assert RAW_FILES and GOLD_FILES, "data/heldout holds no document"
    assert (HELDOUT / "README.md").is_file()


def test_names_pair_up():
    raw = {p.stem for p in RAW_FILES}
    gold = {p.stem for p in GOLD_FILES}
    assert raw == gold, f"raw without gold: {sorted(raw - gold)}; gold without raw: {sorted(gold - raw)}"


@pytest.mark.parametrize("path", RAW_FILES, ids=lambda p: p.name)
def test_raw_text_is_utf8_nfc(path):
    text = path.read_bytes().decode("utf-8")
    assert unicodedata.normalize("NFC", text) == text


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_validates_against_the_shared_schema(path, validate_plan):
    validate_plan(_load(path))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_source_block_describes_the_raw_file(path):
    source = _load(path)["source"]
    raw = RAW / f"{path.stem}.txt"
    assert source["file"] == f"data/heldout/raw/{raw.name}"
    assert (REPO / source["file"]).is_file(), f"{source['file']} is missing"
    data = raw.read_bytes()
    assert hashlib.sha256(data).hexdigest() == source["sha256"], "sha256 does not match the raw file"
    assert source["media_type"] == "text/plain" and source["text_origin"] == "plain_text"
    assert source["pages"] == data.count(b"\f") + 1
    assert source["ocr"] is None
    assert source["diacritics"] in {"present", "restored"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_text_is_nfc(path):
    bad = [w for w, s in _strings(_load(path)) if unicodedata.normalize("NFC", s) != s]
    assert not bad, f"not NFC: {bad[:5]}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_one_tone_convention(path):
    plan = _load(path)
    plan.pop("gold_meta", None)
    bad = [(w, m.group(0)) for w, s in _strings(plan) for m in NEW_STYLE_TONE.finditer(s)]
    assert not bad, f"new-style tone placement (write hòa, ủy): {bad[:5]}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_dates_are_iso(path):
    plan = _load(path)
    dates = [("document.issue_date", plan["document"]["issue_date"])]
    if plan.get("parent_plan"):
        dates.append(("parent_plan.date", plan["parent_plan"].get("date")))
    dates += [(f"references[{i}].date", r.get("date")) for i, r in enumerate(plan["references"])]
    dates += [(f"tasks[{i}].deadline_date", t.get("deadline_date")) for i, t in enumerate(plan["tasks"])]
    bad = [(w, v) for w, v in dates if not _iso(v)]
    assert not bad, f"not ISO dates: {bad}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_unreadable_date_is_explained(path):
    plan = _load(path)
    if plan["document"]["issue_date"] is None:
        assert any("date" in w.lower() for w in plan["warnings"]), "issue_date null without a warning"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_references_unique_and_own_number_excluded(path):
    plan = _load(path)
    refs = plan["references"]
    keys = [(r.get("number"), r.get("date")) for r in refs]
    dupes = sorted({k for k in keys if keys.count(k) > 1}, key=str)
    assert not dupes, f"duplicate references: {dupes}"
    own = plan["document"]["number"]
    if own:
        assert own not in {r.get("number") for r in refs}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_parent_plan_is_listed_among_references(path):
    plan = _load(path)
    parent = plan["parent_plan"]
    if parent is None:
        return
    assert parent.get("doc_type") == "Kế hoạch"
    assert any(parent.get("number") == r.get("number") and parent.get("date") == r.get("date")
               for r in plan["references"]), "parent plan missing from references"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_targets_results_and_tasks_are_consistent(path):
    plan = _load(path)
    for t in plan["index_targets"]:
        assert (t["comparator"] == "between") == (t["value_max"] is not None), t
        if t["comparator"] == "between":
            assert t["value"] <= t["value_max"], t
    for r in plan["index_results"]:
        assert any(r[k] is not None for k in ("score", "percent", "rank")), f"result without a value: {r}"
        if r["rank"] is not None and r["rank_total"] is not None:
            assert 1 <= r["rank"] <= r["rank_total"], r
    for t in plan["tasks"]:
        assert all(isinstance(a, str) and a.strip() for a in t["actions"]), t["id"]
        assert all(x.strip() for x in t["lead"] + t["partners"]), t["id"]
        if t["source"] == "body":
            assert t["lead"], f"body task {t['id']} without an addressee"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_meta(path):
    meta = _load(path).get("gold_meta")
    assert isinstance(meta, dict), "held-out gold carries gold_meta"
    complete = meta.get("complete")
    assert isinstance(complete, list) and complete, "gold_meta.complete lists the annotated parts"
    unknown = [c for c in complete if c.split(".")[0] not in SECTIONS]
    assert not unknown, f"unknown parts in gold_meta.complete: {unknown}"
