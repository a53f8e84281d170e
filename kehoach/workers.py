"""Local engine: N worker processes, one document at a time each, a slow one killed on its own.

Why not ProcessPoolExecutor: it cannot stop one task. Killing its worker breaks the whole pool and
fails every document in flight. Here each worker has its own pipe, so the parent can kill exactly
the worker (and its Tesseract children: each worker leads its own process group) that overran
`--timeout`, record that document as failed, and start a fresh worker. Workers are recycled after
`max_tasks_per_child` documents to bound memory growth (leaky C libraries, caches).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from multiprocessing.connection import wait
from typing import Iterable, Iterator, Optional

from kehoach.work import SINGLE_THREAD_ENV, DocumentTimeout, Job, Outcome, Runtime, local_runtime, run_job, single_threaded



def kill_grace(timeout: float) -> float:
    """After the in-worker alarm, how long the parent waits before killing the process group."""
    return min(10.0, max(1.0, 0.25 * timeout))


def worker_context():
    """forkserver (fast, clean) where available; spawn elsewhere. Never plain fork: threads + Tesseract."""
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["kehoach.work", "kehoach.warmup"])  # loaded once, not per worker
        return ctx
    return mp.get_context("spawn")


def _start_forkserver(ctx) -> None:
    """Start the forkserver (if not running) with SIGINT ignored: it inherits that through exec, so
    Ctrl-C during its preload (seconds) stops the batch without a traceback from the forkserver.
    Started with the first worker, not earlier: a rerun that skips every document starts nothing."""
    if ctx.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals cannot be set here
        previous = None
    try:
        forkserver.ensure_running()
    except OSError:  # the worker's start will say what is wrong
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _worker_main(conn, processor_ref: str, config, timeout: Optional[float]) -> None:
    single_threaded()
    try:
        os.setpgrp()  # own process group: a hard kill takes Tesseract/poppler children with it
    except OSError:
        pass
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business

    def on_alarm(signum, frame):
        raise DocumentTimeout(f"timed out after {timeout:g} s (raise --timeout or check this document alone)")

    if timeout:
        signal.signal(signal.SIGALRM, on_alarm)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            outcome = run_job(job, processor_ref, config)
        except DocumentTimeout as exc:  # the alarm rang just as run_job was returning
            outcome = Outcome("failed", error=str(exc), timed_out=True)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            conn.send(outcome)
        except (BrokenPipeError, OSError):
            return


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the batch process dies (kill -9), instead of running on as an orphan."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class _Worker:
    def __init__(self, ctx, processor_ref, config, timeout):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, processor_ref, config, timeout), daemon=True)
        self.process.start()
        child.close()
        self.job: Optional[Job] = None
        self.deadline = 0.0
        self.done = 0

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class LocalPool:
    def __init__(self, jobs: int, processor_ref: str, config, timeout: Optional[float],
                 max_tasks_per_child: int = 25):
        self.jobs = max(1, jobs)
        self.processor_ref = processor_ref
        self.config = config
        self.timeout = timeout
        self.max_tasks_per_child = max_tasks_per_child
        os.environ.update(SINGLE_THREAD_ENV)  # inherited by the forkserver before it loads numpy & co
        self.ctx = worker_context()
        self.workers: list[_Worker] = []

    def runtime(self, models_cache=None) -> tuple[Runtime, list[str]]:
        """The workers run this machine's models, engine and code: (runtime, notes)."""
        return local_runtime(models_cache), []

    def close(self) -> None:
        """Nothing to release outside imap_unordered, which stops its workers itself."""

    def _new_worker(self) -> _Worker:
        _start_forkserver(self.ctx)
        return _Worker(self.ctx, self.processor_ref, self.config, self.timeout)

    def imap_unordered(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        """Pull jobs lazily (at most one per worker in flight) and yield outcomes as they finish."""
        source = iter(jobs)
        exhausted = False
        idle: list[_Worker] = []
        busy: list[_Worker] = []
        try:
            while True:
                while not exhausted and len(busy) < self.jobs:
                    job = next(source, None)
                    if job is None:
                        exhausted = True
                        break
                    worker = idle.pop() if idle else self._new_worker()
                    if worker not in self.workers:
                        self.workers.append(worker)
                    worker.job = job
                    worker.deadline = time.monotonic() + self.timeout + kill_grace(self.timeout) if self.timeout else float("inf")
                    worker.conn.send(job)
                    busy.append(worker)
                if not busy:
                    return
                next_deadline = min(w.deadline for w in busy)
                wait_for = None if next_deadline == float("inf") else max(0.0, next_deadline - time.monotonic())
                ready = wait([w.conn for w in busy], timeout=wait_for)
                now = time.monotonic()
                for worker in list(busy):
                    job = worker.job
                    if worker.conn in ready:
                        try:
                            outcome = worker.conn.recv()
                        except (EOFError, OSError):
                            worker.process.join(5)
                            outcome = Outcome("failed", error=_death_message(worker.process.exitcode))
                            self._retire(worker, busy, killed=True)
                        else:
                            busy.remove(worker)
                            worker.job = None
                            worker.done += 1
                            if worker.done >= self.max_tasks_per_child or outcome.timed_out:
                                self._retire(worker, None)
                            else:
                                idle.append(worker)
                        yield job, outcome
                    elif now >= worker.deadline:
                        self._retire(worker, busy, killed=True)
                        yield job, Outcome("failed", error=f"timed out after {self.timeout:g} s and was killed "
                                                           "(raise --timeout or check this document alone)",
                                           seconds=round(self.timeout + kill_grace(self.timeout), 3))
        finally:
            for worker in self.workers:  # idle ones stop politely; busy ones (interrupted run) are killed
                worker.stop() if worker.job is None else worker.kill()
            self.workers.clear()

    def _retire(self, worker: _Worker, busy: Optional[list], killed: bool = False) -> None:
        if busy is not None and worker in busy:
            busy.remove(worker)
        worker.job = None
        worker.kill() if killed else worker.stop()
        if worker in self.workers:
            self.workers.remove(worker)


def _death_message(exitcode: Optional[int]) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"internal error: WorkerDied: the worker process was killed by {name}{hint}"
    return f"internal error: WorkerDied: the worker process exited with code {exitcode}"
