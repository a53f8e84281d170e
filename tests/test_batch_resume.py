"""After `kill -9` of `kehoach run` at any moment, a rerun completes the batch cleanly."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kehoach.outdir import read_manifest
from test_batch import REPO, frozen_models, kehoach_run, make_inputs, plan_files  # noqa: F401 (autouse)
from test_batch_support import REF


def start_run(inp: Path, out: Path, *extra) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "tests"), str(REPO)]))
    return subprocess.Popen([sys.executable, "-m", "kehoach.cli", "run", str(inp), "--out", str(out),
                             "--processor", REF, *extra], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_lines(manifest: Path, n: int, proc: subprocess.Popen, limit: float = 60) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit and proc.poll() is None:
        if manifest.is_file() and manifest.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.02)


def assert_complete(inp: Path, out: Path, validate_plan) -> None:
    inputs = sorted(p.name for p in inp.glob("*.txt"))
    outputs = plan_files(out)
    assert [p.stem for p in outputs] == [Path(n).stem for n in inputs]  # exactly one JSON per document
    for p in outputs:
        validate_plan(json.loads(p.read_text(encoding="utf-8")))
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp") or p.parent.name == "tmp"]
    lines = (out / "manifest.jsonl").read_bytes().splitlines()
    assert all(json.loads(line) for line in lines)  # no torn line is left behind
    final = {}
    for e in read_manifest(out / "manifest.jsonl"):
        final[e["file"]] = e
    assert len(final) == len(inputs) and all(e["status"] == "ok" for e in final.values())


def test_rerun_after_kill_9_completes_the_batch(tmp_path, validate_plan):
    inp, out = tmp_path / "in", tmp_path / "out"
    make_inputs(inp, 8, marker="#FAKE #SLEEP 0.4")
    proc = start_run(inp, out, "--jobs", "2")
    wait_for_lines(out / "manifest.jsonl", 2, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(read_manifest(out / "manifest.jsonl"))
    assert 2 <= done_before < 8
    # what a kill can leave: a torn manifest line and a half-written temp file
    with open(out / "manifest.jsonl", "ab") as fh:
        fh.write(b'{"file": "in/doc07.txt", "sha2')
    (out / ".doc07.json.abc123.tmp").write_text('{"schema_ver')

    kehoach_run(inp, "--out", out, "--processor", REF, "--jobs", "2", check_rc=0)
    assert_complete(inp, out, validate_plan)
    entries = read_manifest(out / "manifest.jsonl")
    assert sum(e["skipped"] for e in entries) == done_before  # finished work was not redone


@pytest.mark.slow
def test_repeated_kills_at_random_moments(tmp_path, validate_plan):
    inp, out = tmp_path / "in", tmp_path / "out"
    make_inputs(inp, 10, marker="#FAKE #SLEEP 0.2")
    rng = random.Random(6)
    for _ in range(6):
        proc = start_run(inp, out, "--jobs", "2")
        time.sleep(rng.uniform(0.3, 2.5))  # covers start-up, hashing, writing and appending
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    kehoach_run(inp, "--out", out, "--processor", REF, "--jobs", "2", check_rc=0)
    assert_complete(inp, out, validate_plan)
