"""The cache key of a scan names the OCR engine that reads it; a text file's key does not."""
from __future__ import annotations

import importlib.util

import pytest

from kehoach.config import PipelineConfig
from kehoach.work import document_key
from ocr._exec import tesslib


def _key(media_type):
    return document_key("ab" * 32, media_type, PipelineConfig(), "models-1")


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
