"""Held-out documents (data/heldout/): well-formed gold, paired with its raw text.

These documents were written independently of the extraction rules and of the generator; they
are for measuring only (see data/heldout/README.md). This test checks the files, never the
pipeline: every gold validates against the shared contract, its source block describes the raw
file it pairs with (sha256, pages), names pair up one to one, and the gold follows the same
formal conventions as data/gold/ (NFC, traditional tone placement, ISO dates, unique references,
parent plan among the references, gold_meta) — those are checked in test_gold_files.py.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "data" / "heldout"
RAW = HELDOUT / "raw"
GOLD = HELDOUT / "gold"
RAW_FILES = sorted(RAW.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.json"))


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
def test_source_block_describes_the_raw_file(path):
    source = json.loads(path.read_text(encoding="utf-8"))["source"]
    raw = RAW / f"{path.stem}.txt"
    assert source["file"] == f"data/heldout/raw/{raw.name}"
    assert (REPO / source["file"]).is_file(), f"{source['file']} is missing"
    data = raw.read_bytes()
    assert hashlib.sha256(data).hexdigest() == source["sha256"], "sha256 does not match the raw file"
    assert source["media_type"] == "text/plain" and source["text_origin"] == "plain_text"
    assert source["pages"] == data.count(b"\f") + 1
    assert source["ocr"] is None
    assert source["diacritics"] in {"present", "restored"}
