"""The Dask engine runs the same unit of work: same outputs as the local engine."""
from __future__ import annotations

import json

import pytest

from kehoach.outdir import read_manifest
from test_batch import PNG, frozen_models, kehoach_run, make_inputs, plan_files  # noqa: F401 (autouse)
from test_batch_support import REF


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(tmp_path, validate_plan):
    inp = tmp_path / "in"
    make_inputs(inp, 2)
    for i in range(3):
        (inp / f"scan{i}.png").write_bytes(PNG + bytes([i]))
    (inp / "bug.png").write_bytes(PNG + b"#BUG")
    dask_out, local_out = tmp_path / "dask", tmp_path / "local"
    kehoach_run(inp, "--out", dask_out, "--engine", "dask", "--jobs", "2", "--processor", REF, timeout=300,
                check_rc=1)
    kehoach_run(inp, "--out", local_out, "--jobs", "2", "--processor", REF, check_rc=1)
    names = [p.name for p in plan_files(dask_out)]
    assert names == [p.name for p in plan_files(local_out)] == ["doc00.json", "doc01.json", "scan0.json",
                                                                  "scan1.json", "scan2.json"]
    for name in names:
        validate_plan(json.loads((dask_out / name).read_text(encoding="utf-8")))
    for name in ("scan0.json", "scan1.json", "scan2.json"):  # the fake plans do not depend on code in flux
        assert (dask_out / name).read_bytes() == (local_out / name).read_bytes()
    failed = [e for e in read_manifest(dask_out / "manifest.jsonl") if e["status"] == "failed"]
    assert [e["error"] for e in failed] == ["internal error: ValueError: planted bug"]
    assert "planted bug" in (dask_out / ".kehoach" / "errors.log").read_text()
    # resume works the same way: the rerun skips everything, on either engine
    kehoach_run(inp, "--out", dask_out, "--processor", REF, check_rc=1)
    reran = read_manifest(dask_out / "manifest.jsonl")[6:]
    assert sum(e["skipped"] for e in reran) == 5


@pytest.mark.slow
def test_existing_scheduler_and_an_unreachable_one(tmp_path, monkeypatch):
    from dask.distributed import LocalCluster

    from test_batch import REPO

    monkeypatch.setenv("PYTHONPATH", f"{REPO / 'tests'}:{REPO}")  # the workers import the fake processor
    inp = tmp_path / "in"
    make_inputs(inp, 2, marker="#FAKE")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        kehoach_run(inp, "--out", tmp_path / "out", "--scheduler", cluster.scheduler_address, "--processor", REF,
                    timeout=180, check_rc=0)
    assert [p.name for p in plan_files(tmp_path / "out")] == ["doc00.json", "doc01.json"]
    proc = kehoach_run(inp, "--out", tmp_path / "out2", "--scheduler", "tcp://127.0.0.1:9", timeout=180, check_rc=2)
    assert "cannot connect" in proc.stderr


@pytest.mark.slow
def test_keys_name_the_workers_engine_not_the_clients(tmp_path, monkeypatch):
    """Workers reading scans with the Tesseract program, a client with tesserocr: a local rerun
    redoes the scans (their engine changed) and skips the text files (no engine involved)."""
    pytest.importorskip("tesserocr")
    from dask.distributed import LocalCluster

    from test_batch import REPO

    monkeypatch.setenv("PYTHONPATH", f"{REPO / 'tests'}:{REPO}")
    monkeypatch.delenv("KEHOACH_TESSERACT_CLI", raising=False)
    inp = tmp_path / "in"
    make_inputs(inp, 2, marker="#FAKE")
    (inp / "scan0.png").write_bytes(PNG + b"\x07")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      env={"KEHOACH_TESSERACT_CLI": "1"}) as cluster:
        kehoach_run(inp, "--out", tmp_path / "out", "--scheduler", cluster.scheduler_address, "--processor", REF,
                    timeout=180, check_rc=0)
    kehoach_run(inp, "--out", tmp_path / "out", "--processor", REF, check_rc=0)
    reran = {e["file"].rsplit("/", 1)[-1]: e["skipped"] for e in read_manifest(tmp_path / "out" / "manifest.jsonl")[3:]}
    assert reran == {"doc00.txt": True, "doc01.txt": True, "scan0.png": False}
