"""Start-up of a batch: the batch process loads no model, and the workers' forkserver is started
before the first document is handed out (its preload overlaps the batch's own work)."""
from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys

import pytest

from kehoach import workers


def test_models_version_imports_no_model_code(tmp_path):
    code = ("import sys; from kehoach.work import models_version; models_version(); "
            "print(sorted(m for m in sys.modules if m.startswith(('normalize.restore', 'numba', 'spacy'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_models_version_follows_the_model_files(tmp_path, monkeypatch):
    from kehoach.work import models_version

    (tmp_path / "restorer").mkdir()
    (tmp_path / "restorer" / "lm.npz").write_bytes(b"one")
    monkeypatch.setenv("KEHOACH_MODELS", str(tmp_path))
    before = models_version()
    (tmp_path / "restorer" / "lm.npz").write_bytes(b"two")
    assert models_version() != before


def test_the_pool_starts_its_forkserver_before_any_job(monkeypatch):
    if "forkserver" not in mp.get_all_start_methods():
        pytest.skip("no forkserver on this platform")
    started = []
    from multiprocessing import forkserver

    monkeypatch.setattr(forkserver, "ensure_running", lambda: started.append(True))
    pool = workers.LocalPool(1, "kehoach.pipeline:process_to_json", None, None)
    assert started == [True] and pool.workers == []
