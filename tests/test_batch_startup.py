"""Start-up of a batch: the batch process loads no model; the workers' forkserver starts only when a
document needs a worker, and ignores Ctrl-C (the batch process handles it)."""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
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


def _pool(monkeypatch):
    from kehoach.work import SINGLE_THREAD_ENV

    for name in SINGLE_THREAD_ENV:  # the pool sets them for its workers: restore them after the test
        monkeypatch.setenv(name, os.environ.get(name, ""))
    return workers.LocalPool(1, "kehoach.pipeline:process_document", None, None)


def test_no_forkserver_until_a_document_needs_a_worker(monkeypatch):
    if "forkserver" not in mp.get_all_start_methods():
        pytest.skip("no forkserver on this platform")
    from multiprocessing import forkserver

    started = []
    monkeypatch.setattr(forkserver, "ensure_running", lambda: started.append(True))
    pool = _pool(monkeypatch)
    assert list(pool.imap_unordered(iter([]))) == []  # a rerun that skips every document
    assert started == []


def test_the_forkserver_starts_with_ctrl_c_ignored(monkeypatch):
    """It inherits SIGINT's disposition through exec: Ctrl-C during its preload leaves it quiet."""
    if "forkserver" not in mp.get_all_start_methods():
        pytest.skip("no forkserver on this platform")
    from multiprocessing import forkserver

    seen = []
    monkeypatch.setattr(forkserver, "ensure_running", lambda: seen.append(signal.getsignal(signal.SIGINT)))
    before = signal.getsignal(signal.SIGINT)
    workers._start_forkserver(mp.get_context("forkserver"))
    assert seen == [signal.SIG_IGN] and signal.getsignal(signal.SIGINT) is before
