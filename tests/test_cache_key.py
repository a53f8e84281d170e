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


class _FakeClient:
    def __init__(self, answers, joins=True):
        self.answers, self.joins = answers, joins

    def wait_for_workers(self, n, timeout):
        if not self.joins:
            raise TimeoutError("none")

    def run(self, fn, on_error="raise"):
        assert on_error == "return"  # a worker's failure must not crash the batch with a traceback
        return self.answers


def _dask_pool(client, scheduler="tcp://sched:8786"):
    from kehoach.distributed import DaskPool

    pool = DaskPool(1, "x:y", None, None, scheduler=scheduler)
    pool._client = client
    return pool


def test_a_worker_that_cannot_report_its_setup_is_named_with_what_to_install():
    from kehoach.errors import MissingDependencyError

    same = Runtime("m", "tesserocr 2.8.0", "0.1")
    client = _FakeClient({"tcp://a:1": same, "tcp://old:1": AttributeError("Can't get attribute '_worker_runtime'")})
    with pytest.raises(MissingDependencyError) as err:
        _dask_pool(client).runtime()
    assert "tcp://old:1" in err.value.message and "tcp://a:1" not in err.value.message
    assert "same kehoach" in err.value.advice


def test_no_dask_worker_says_how_to_start_one():
    from kehoach.errors import UsageError

    with pytest.raises(UsageError) as err:
        _dask_pool(_FakeClient({}, joins=False)).runtime()
    assert "dask worker tcp://sched:8786" in err.value.advice
    with pytest.raises(UsageError):
        _dask_pool(_FakeClient({})).runtime()  # the worker left before answering
