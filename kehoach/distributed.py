"""Dask engine: the same pure unit of work (`kehoach.work.run_job`) on a Dask cluster.

The client ships each document's bytes with the task, and writes the outputs itself: workers need
the package and Tesseract installed, but neither the inputs nor the output folder.
`--engine dask` starts a LocalCluster (processes, one thread each); `--scheduler tcp://HOST:PORT`
joins an existing cluster. Cache keys name the workers' models, OCR engine and code (asked of the
workers connected when the run starts, and told by every outcome: a worker that joins later with
another set-up widens the keys of what follows), not the client's: a worker upgrade redoes its documents.
"""
from __future__ import annotations

import dataclasses
import functools
import sys
import time
from typing import Iterable, Iterator, Optional

from kehoach.errors import MissingDependencyError, UsageError
from kehoach.work import SINGLE_THREAD_ENV, Job, Outcome, Runtime, document_key, local_runtime, run_job, single_threaded


def _run_remote(job: Job, processor_ref: str, config) -> Outcome:
    single_threaded()
    outcome = run_job(job, processor_ref, config)
    outcome.runtime = _worker_runtime()  # a worker that joined after the start was never asked
    return outcome


WORKER_WAIT_S = 60.0  # a scheduler with no worker yet: how long to wait for the first one


@functools.lru_cache(maxsize=1)
def _worker_runtime() -> Runtime:
    """Once per worker process: model files hashed, engine named, version read."""
    return local_runtime()


def combine_runtimes(found: dict[str, Runtime]) -> tuple[Runtime, list[str]]:
    """One runtime for the cache keys from the workers' own; when they differ, a key naming all of
    them (documents are redone whenever the mix changes) and a note saying which workers differ."""
    kinds = sorted(set(found.values()), key=repr)
    if len(kinds) == 1:
        return kinds[0], []
    merged = Runtime(*("|".join(sorted({getattr(r, f) for r in kinds}))
                       for f in ("models", "ocr_engine", "code")))
    groups = "; ".join(f"{', '.join(sorted(a for a, r in found.items() if r == kind))}: "
                       f"engine {kind.ocr_engine}, code {kind.code}, models {kind.models}" for kind in kinds)
    return merged, [f"the Dask workers differ ({groups}); their outputs may differ too: "
                    "install the same kehoach, models and Tesseract on every worker"]


class DaskPool:
    def __init__(self, jobs: int, processor_ref: str, config, timeout: Optional[float],
                 scheduler: Optional[str] = None):
        self.jobs = max(1, jobs)
        self.processor_ref = processor_ref
        self.config = config
        self.timeout = timeout
        self.scheduler = scheduler
        self._client = self._cluster = None
        self._found: dict[str, Runtime] = {}  # worker -> runtime, as asked at the start then as told
        self._start_runtime: Optional[Runtime] = None  # what the client keyed the jobs with
        self._key_runtime: Optional[Runtime] = None  # what they are keyed with now

    def runtime(self, models_cache=None) -> tuple[Runtime, list[str]]:
        """The workers' runtime, asked of the workers connected now (see combine_runtimes); each
        worker hashes its own model files, so `models_cache` (the local pool's) is not used."""
        client = self._connected()
        where = self.scheduler or "the local Dask cluster"
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except TimeoutError:
            hint = (f"start workers with `dask worker {self.scheduler}` (docs/batch.md)" if self.scheduler
                    else "run `kehoach doctor`, or use the local engine (no --engine dask)")
            raise UsageError(f"no Dask worker joined {where} within {WORKER_WAIT_S:g} s", hint) from None
        answers = client.run(_worker_runtime, on_error="return")
        failed = {addr: a for addr, a in answers.items() if isinstance(a, BaseException)}
        if failed:  # e.g. an older kehoach without _worker_runtime: its outputs would differ too
            addr, exc = sorted(failed.items())[0]
            raise MissingDependencyError(
                f"Dask worker(s) {', '.join(sorted(failed))} could not report their kehoach set-up "
                f"({type(exc).__name__}: {exc})",
                "install the same kehoach, models and Tesseract on every worker (`make setup` or "
                "`pip install -e .` there), then restart the workers")
        if not answers:
            raise UsageError(f"no Dask worker of {where} answered", "check the workers, then rerun")
        self._found = dict(answers)
        runtime, notes = combine_runtimes(self._found)
        self._start_runtime = self._key_runtime = runtime
        return runtime, notes

    def _keyed(self, job: Job, outcome: Outcome, future) -> Job:
        """The job under the key of what processed it: a runtime not seen at the start (a worker that
        joined later with another set-up) joins the key's, for this document and every later one, so
        a rerun on a cluster without that mix redoes them."""
        told = outcome.runtime
        if told is not None and self._key_runtime is not None and told not in self._found.values():
            self._found[f"{_holder(self._client, future)} (joined after the start)"] = told
            self._key_runtime, notes = combine_runtimes(self._found)
            for note in notes:
                print(f"kehoach run: {note}", file=sys.stderr, flush=True)
        if self._key_runtime is None or self._key_runtime == self._start_runtime:
            return job
        return dataclasses.replace(job, key=document_key(job.sha256, job.media_type, self.config,
                                                         self._key_runtime, self.processor_ref))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    def _connected(self):
        if self._client is None:
            self._client, self._cluster = self._connect()
        return self._client

    def _connect(self):
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            try:
                return Client(self.scheduler, timeout="20s"), None
            except (OSError, TimeoutError) as exc:
                raise UsageError(f"--scheduler {self.scheduler}: cannot connect ({exc})",
                                 "start one with `dask scheduler` and workers with `dask worker tcp://HOST:8786`") from None
        cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None, env=dict(SINGLE_THREAD_ENV))
        return Client(cluster), cluster

    def imap_unordered(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        from dask.distributed import wait

        client = self._connected()
        try:
            slots = max(1, sum(client.nthreads().values())) + 1  # +1 keeps a worker fed during transfers
            source = iter(jobs)
            inflight: dict = {}  # future -> (job, deadline)
            exhausted = False
            while True:
                while not exhausted and len(inflight) < slots:
                    job = next(source, None)
                    if job is None:
                        exhausted = True
                        break
                    with open(job.path, "rb") as fh:
                        shipped = dataclasses.replace(job, data=fh.read(), path=None)
                    future = client.submit(_run_remote, shipped, self.processor_ref, self.config,
                                           key=f"kehoach-{job.key}-{job.index}", pure=False, retries=0)
                    deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
                    inflight[future] = (job, deadline)
                if not inflight:
                    return
                next_deadline = min(d for _, d in inflight.values())
                wait_for = None if next_deadline == float("inf") else max(0.1, next_deadline - time.monotonic())
                try:
                    done, _ = wait(list(inflight), timeout=wait_for, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                now = time.monotonic()
                for future in list(inflight):
                    job, deadline = inflight[future]
                    if future in done:
                        del inflight[future]
                        outcome = _outcome_of(future)
                        yield self._keyed(job, outcome, future), outcome
                    elif now >= deadline:
                        del inflight[future]
                        future.cancel()  # the worker thread runs on until Tesseract's page timeout
                        yield job, Outcome("failed", error=f"timed out after {self.timeout:g} s "
                                                           "(raise --timeout or check this document alone)",
                                           seconds=round(self.timeout, 3))
        finally:
            self.close()


def _holder(client, future) -> str:
    """The worker holding a finished task's result (the one that ran it), for messages."""
    try:
        return ", ".join(client.who_has(future).get(future.key, ())) or "a worker"
    except Exception:  # the result was released or the scheduler is gone: the note stays general
        return "a worker"


def _outcome_of(future) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # KilledWorker, CancelledError, a worker without the package...
        return Outcome("failed", error=f"internal error: {type(exc).__name__}: {exc}")
