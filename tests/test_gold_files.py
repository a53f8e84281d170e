"""The hand-made gold (data/gold/*.json) is the yardstick of every figure: check it is well formed.

Every gold file validates against the shared contract (gold_meta is an extra top-level key the
schema tolerates), its source hash matches the input it describes, text is NFC, dates are ISO,
references are unique and include the parent plan. Conventions: data/gold/README.md.
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
GOLD = REPO / "data" / "gold"
HELDOUT_GOLD = sorted((REPO / "data" / "heldout" / "gold").glob("*.json"))
# The held-out gold follows the same conventions; its own file checks are in test_heldout_files.py.
# Development sets (data/dev/gold: dr_* results/targets, dt_* tasks) follow the same conventions.
DEV_GOLD = sorted((REPO / "data" / "dev" / "gold").glob("*.json"))
GOLD_FILES = sorted(GOLD.glob("*.json")) + HELDOUT_GOLD + DEV_GOLD
SEED_GOLD = [p for p in GOLD_FILES if re.match(r"^\d{3}_[0-9a-f]{16}\.json$", p.name)]
SEED_NAMES = ["000_f678a7199dd3c216", "001_01f4ab8ad07a8425", "002_7ae41a44fb03a057",
              "003_a701ae0846553fb8", "004_d222edc00868b230"]
SECTIONS = {"source", "document", "parent_plan", "references", "index_results", "index_targets", "tasks",
            "warnings"}
# New-style tone placement at the end of a syllable (hoà, hoá, thuỷ): the gold writes hòa, hóa, thủy.
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


def _same_ref(a: dict, b: dict) -> bool:
    return a.get("number") == b.get("number") and a.get("date") == b.get("date")


def test_every_seed_has_gold():
    missing = [n for n in SEED_NAMES if not (GOLD / f"{n}.json").is_file()]
    assert not missing, f"no gold for seeds {missing}"


def test_there_is_gold():
    assert GOLD_FILES, "data/gold holds no gold file"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_validates_against_the_shared_schema(path, validate_plan):
    validate_plan(_load(path))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_source_hash_matches_the_input(path):
    source = _load(path)["source"]
    target = REPO / source["file"]
    if not target.is_file():
        assert not source["file"].startswith("data/raw/"), f"{source['file']} is missing"
        pytest.skip(f"input {source['file']} is not in the checkout")
    assert hashlib.sha256(target.read_bytes()).hexdigest() == source["sha256"]


@pytest.mark.parametrize("path", SEED_GOLD, ids=lambda p: p.name)
def test_seed_source_block(path):
    plan = _load(path)
    source = plan["source"]
    raw = REPO / "data" / "raw" / (path.stem + ".txt")
    assert source["file"] == f"data/raw/{raw.name}"
    assert source["media_type"] == "text/plain" and source["text_origin"] == "plain_text"
    assert source["pages"] == raw.read_bytes().count(b"\f") + 1
    assert source["ocr"] is None
    expected = "present" if path.stem.startswith("001_") else "restored"
    assert source["diacritics"] == expected


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_text_is_nfc(path):
    bad = [w for w, s in _strings(_load(path)) if unicodedata.normalize("NFC", s) != s]
    assert not bad, f"not NFC: {bad[:5]}"


@pytest.mark.parametrize("path", SEED_GOLD + HELDOUT_GOLD, ids=lambda p: p.name)
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
def test_references_unique_by_number(path):
    # One entry per number; two different documents printed with the same number (a number
    # without a year, e.g. 26/CT-TTg of 2016 and of 2023) are told apart by their dates.
    refs = _load(path)["references"]
    keys = [(r.get("number"), r.get("date")) for r in refs]
    dupes = sorted({k for k in keys if keys.count(k) > 1}, key=str)
    assert not dupes, f"duplicate references: {dupes}"
    for number in {r.get("number") for r in refs}:
        same = [r for r in refs if r.get("number") == number]
        if len(same) > 1:
            dates = [r.get("date") for r in same]
            assert None not in dates and len(set(dates)) == len(dates), f"{number} listed twice"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_own_number_is_not_a_reference(path):
    plan = _load(path)
    own = plan["document"]["number"]
    if own:
        assert own not in {r.get("number") for r in plan["references"]}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_parent_plan_is_listed_among_references(path):
    plan = _load(path)
    parent = plan["parent_plan"]
    if parent is None:
        return
    assert parent.get("doc_type") == "Kế hoạch"
    assert any(_same_ref(parent, r) for r in plan["references"]), "parent plan missing from references"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_targets_and_results_are_consistent(path):
    plan = _load(path)
    for t in plan["index_targets"]:
        assert (t["comparator"] == "between") == (t["value_max"] is not None), t
        if t["comparator"] == "between":
            assert t["value"] <= t["value_max"], t
    for r in plan["index_results"]:
        assert any(r[k] is not None for k in ("score", "percent", "rank")), f"result without a value: {r}"
        if r["rank"] is not None and r["rank_total"] is not None:
            assert 1 <= r["rank"] <= r["rank_total"], r


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_tasks_are_well_formed(path):
    for t in _load(path)["tasks"]:
        assert all(isinstance(a, str) and a.strip() for a in t["actions"]), t["id"]
        assert all(x.strip() for x in t["lead"] + t["partners"]), t["id"]
        if t["source"] == "body":
            assert t["lead"], f"body task {t['id']} without an addressee"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_meta(path):
    meta = _load(path).get("gold_meta")
    if meta is None:
        return
    assert isinstance(meta, dict)
    complete = meta.get("complete")
    assert isinstance(complete, list) and complete, "gold_meta.complete lists the annotated parts"
    unknown = [c for c in complete if c.split(".")[0] not in SECTIONS]
    assert not unknown, f"unknown parts in gold_meta.complete: {unknown}"
