"""Dask: a worker that joins after the start (so was never asked its set-up) is told apart by the
runtime its outcomes carry; the keys of what follows name it, so a rerun without it redoes them."""
from __future__ import annotations

import dataclasses

import pytest

from kehoach.config import PipelineConfig
from kehoach.distributed import DaskPool, _run_remote
from kehoach.work import Job, Outcome, Runtime, document_key
from test_batch_support import REF

START = Runtime("models-a", "tesserocr 5.5.4", "0.9.0")
OTHER = Runtime("models-a", "tesseract 5.3.0", "0.9.0")


class _FakeClient:
    def who_has(self, future):
        return {future.key: ("tcp://10.0.0.7:4001",)}


class _FakeFuture:
    key = "kehoach-k-1"


def _pool_as_started(found):
    pool = DaskPool(2, REF, PipelineConfig(), None)
    pool._client = _FakeClient()
    pool._found = dict(found)  # what runtime() asked of the workers connected at the start
    pool._start_runtime = pool._key_runtime = START
    return pool


def _job(index=0, media_type="image/png"):
    key = document_key("ab" * 32, media_type, PipelineConfig(), START, REF)
    return Job(index, f"doc{index}.png", "ab" * 32, key, f"doc{index}.json", path="x", media_type=media_type)


def test_outcomes_from_known_workers_keep_their_keys(capsys):
    pool = _pool_as_started({"tcp://a:1": START})
    job = _job()
    assert pool._keyed(job, Outcome("ok", runtime=START), _FakeFuture()) is job
    assert pool._keyed(job, Outcome("failed", error="KilledWorker"), _FakeFuture()) is job  # no runtime told
    assert capsys.readouterr().err == ""


def test_a_late_worker_with_another_engine_widens_the_keys_of_what_follows(capsys):
    pool = _pool_as_started({"tcp://a:1": START})
    first, later = _job(0), _job(1)
    rekeyed = pool._keyed(first, Outcome("ok", runtime=OTHER), _FakeFuture())
    merged = Runtime("models-a", "tesseract 5.3.0|tesserocr 5.5.4", "0.9.0")
    assert rekeyed.key == document_key(first.sha256, "image/png", PipelineConfig(), merged, REF) != first.key
    assert dataclasses.replace(rekeyed, key=first.key) == first  # only the key changes
    err = capsys.readouterr().err
    assert "tcp://10.0.0.7:4001 (joined after the start)" in err and "tesseract 5.3.0" in err
    # a later document from a worker known at the start: keyed with the mix too, the note not repeated
    again = pool._keyed(later, Outcome("ok", runtime=START), _FakeFuture())
    assert again.key == document_key(later.sha256, "image/png", PipelineConfig(), merged, REF)
    assert capsys.readouterr().err == ""


def test_text_documents_keep_their_key_when_only_the_ocr_engine_differs():
    pool = _pool_as_started({"tcp://a:1": START})
    text_job = _job(0, media_type="text/plain")
    assert pool._keyed(text_job, Outcome("ok", runtime=OTHER), _FakeFuture()).key == text_job.key


def test_remote_outcomes_carry_the_workers_runtime(tmp_path):
    doc = tmp_path / "doc0.txt"
    doc.write_text("#FAKE plan\n", encoding="utf-8")
    job = Job(0, "doc0.txt", "cd" * 32, "k", "doc0.json", path=str(doc), media_type="text/plain")
    outcome = _run_remote(job, REF, PipelineConfig())
    assert outcome.status == "ok", outcome.error
    assert isinstance(outcome.runtime, Runtime) and outcome.runtime.code


@pytest.mark.slow
def test_late_worker_end_to_end(tmp_path, monkeypatch, capsys):
    """The start sees only the client's set-up; the cluster's worker reads scans with the Tesseract
    program: the scan's manifest key names both engines, the text files' keys do not change."""
    pytest.importorskip("tesserocr")
    from dask.distributed import LocalCluster

    from kehoach import batch
    from kehoach.cli import build_parser
    from kehoach.outdir import read_manifest
    from kehoach.work import local_runtime
    from test_batch import PNG, REPO, make_inputs

    monkeypatch.setenv("PYTHONPATH", f"{REPO / 'tests'}:{REPO}")
    monkeypatch.delenv("KEHOACH_TESSERACT_CLI", raising=False)
    client_runtime = local_runtime()

    def runtime_without_asking(self, models_cache=None):  # as if the worker had joined after the start
        self._connected()
        self._found = {"(a worker asked at the start)": client_runtime}
        self._start_runtime = self._key_runtime = client_runtime
        return client_runtime, []

    monkeypatch.setattr(DaskPool, "runtime", runtime_without_asking)
    inp = tmp_path / "in"
    make_inputs(inp, 1, marker="#FAKE")
    (inp / "scan0.png").write_bytes(PNG + b"\x07")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      env={"KEHOACH_TESSERACT_CLI": "1"}) as cluster:
        args = build_parser("run").parse_args(["run", str(inp), "--out", str(tmp_path / "out"), "--scheduler",
                                               cluster.scheduler_address, "--processor", REF, "--jobs", "1"])
        assert batch.main(args) == 0
    assert "joined after the start" in capsys.readouterr().err
    entries = {e["file"].rsplit("/", 1)[-1]: e for e in read_manifest(tmp_path / "out" / "manifest.jsonl")}
    config = PipelineConfig()
    scan_key_local = document_key(entries["scan0.png"]["sha256"], "image/png", config, client_runtime, REF)
    text_key_local = document_key(entries["doc00.txt"]["sha256"], "text/plain", config, client_runtime, REF)
    assert entries["doc00.txt"]["key"] == text_key_local
    assert entries["scan0.png"]["key"] != scan_key_local
