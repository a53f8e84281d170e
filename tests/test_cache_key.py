"""The cache key of a scan names the OCR engine that reads it; a text file's key does not."""
from __future__ import annotations

import importlib.util

import pytest

from kehoach.config import PipelineConfig
from kehoach.distributed import combine_runtimes
from kehoach.work import Runtime, document_key
from ocr._exec import tesslib


def _key(media_type, runtime=None):
    runtime = runtime or Runtime("models-1", tesslib.engine_ref(), "0.1")
    return document_key("ab" * 32, media_type, PipelineConfig(), runtime)


@pytest.mark.skipif(importlib.util.find_spec("tesserocr") is None, reason="needs tesserocr")
def test_asking_for_the_program_changes_the_key_of_scans_only(monkeypatch):
    monkeypatch.delenv("KEHOACH_TESSERACT_CLI", raising=False)
    in_process = _key("application/pdf"), _key("text/plain")
    monkeypatch.setenv("KEHOACH_TESSERACT_CLI", "1")
    program = _key("application/pdf"), _key("text/plain")
    assert in_process[0] != program[0]
    assert in_process[1] == program[1]


@pytest.mark.parametrize("value, asked", [("1", True), ("yes", True), ("0", False), ("false", False), ("", False)])
def test_the_program_is_asked_for_only_by_a_true_value(monkeypatch, value, asked):
    monkeypatch.setenv("KEHOACH_TESSERACT_CLI", value)
    assert tesslib.program_asked() is asked
    assert (tesslib.engine_ref() == "program") is (asked or importlib.util.find_spec("tesserocr") is None)


def test_the_key_names_models_code_and_for_scans_the_engine():
    base = Runtime("models-1", "tesserocr 2.8.0", "0.1")
    for changed in (Runtime("models-2", "tesserocr 2.8.0", "0.1"), Runtime("models-1", "tesserocr 2.8.0", "0.2")):
        assert _key("application/pdf", base) != _key("application/pdf", changed)
        assert _key("text/plain", base) != _key("text/plain", changed)
    other_engine = Runtime("models-1", "program", "0.1")
    assert _key("application/pdf", base) != _key("application/pdf", other_engine)
    assert _key("text/plain", base) == _key("text/plain", other_engine)


def test_dask_workers_alike_give_their_runtime_and_workers_that_differ_are_named():
    same = Runtime("m", "tesserocr 2.8.0", "0.1")
    assert combine_runtimes({"tcp://a:1": same, "tcp://b:1": same}) == (same, [])
    old = Runtime("m", "program", "0.1")
    merged, notes = combine_runtimes({"tcp://a:1": same, "tcp://b:1": old, "tcp://c:1": same})
    assert merged.ocr_engine == "program|tesserocr 2.8.0" and merged.models == "m"
    assert merged not in (same, old)
    assert len(notes) == 1 and "tcp://b:1: engine program" in notes[0] and "tcp://a:1, tcp://c:1" in notes[0]
