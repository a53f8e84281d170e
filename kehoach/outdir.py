"""The batch output folder: plan JSONs, manifest.jsonl, and the `.kehoach/` state beside them.

Crash safety (a `kill -9` may land anywhere):
- a plan is written to `.NAME.*.tmp`, fsynced, then `os.replace`d: readers see the old file or the
  new one, never half of one; stale `.tmp` files of a killed run are removed at the next start;
- its manifest line is appended (flush + fsync) only after the plan is in place, so a manifest line
  with status ok always points at a complete JSON; a truncated last line is cut off at the next start;
- the manifest is also the resume index: a document is skipped when its latest manifest line says
  ok with the same key and its JSON exists.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Optional

from kehoach.errors import UsageError

MANIFEST = "manifest.jsonl"
_UMASK = os.umask(0o022)
os.umask(_UMASK)
STATE_DIR = ".kehoach"


class OutputDir:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.state = self.root / STATE_DIR
        self.tmp = self.state / "tmp"  # archive members being processed
        self.manifest_path = self.root / MANIFEST
        self.errors_log = self.state / "errors.log"
        self._lock_fh = None
        self._manifest_fh = None
        self._taken: set[str] = set()
        self.removed_stale = 0

    # --- lifecycle ---
    def open(self) -> "OutputDir":
        if self.root.exists() and not self.root.is_dir():
            raise UsageError(f"--out {self.root}: exists and is not a folder", "give a folder for the outputs")
        self.state.mkdir(parents=True, exist_ok=True)
        self._lock_fh = open(self.state / "lock", "w")
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(f"--out {self.root}: another `kehoach run` is writing there",
                             "wait for it to finish or choose another --out folder") from None
        self._remove_stale()
        self._repair_manifest()
        self._manifest_fh = open(self.manifest_path, "a", encoding="utf-8")
        return self

    def close(self) -> None:
        if self._manifest_fh:
            self._manifest_fh.close()
        if self._lock_fh:
            self._lock_fh.close()  # releases the flock
        self._manifest_fh = self._lock_fh = None

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc):
        self.close()

    def _remove_stale(self) -> None:
        for stale in self.root.glob(".*.tmp"):
            stale.unlink(missing_ok=True)
            self.removed_stale += 1
        if self.tmp.is_dir():
            for stale in self.tmp.iterdir():
                stale.unlink(missing_ok=True)
                self.removed_stale += 1

    def _repair_manifest(self) -> None:
        """Cut a last line left half-written by a kill, so the next append starts on a fresh line."""
        if not self.manifest_path.is_file():
            return
        with open(self.manifest_path, "rb+") as fh:
            size = fh.seek(0, os.SEEK_END)
            if size == 0:
                return
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return
            fh.seek(max(0, size - (1 << 20)))
            tail = fh.read()
            cut = tail.rfind(b"\n")
            fh.truncate(size - len(tail) + cut + 1 if cut >= 0 else 0)

    # --- resume index ---
    def previous_results(self) -> dict[str, dict]:
        """Latest manifest line per output name (a later line overrides an earlier one)."""
        latest: dict[str, dict] = {}
        for entry in read_manifest(self.manifest_path):
            if entry.get("output"):
                latest[entry["output"]] = entry
        return latest

    def is_done(self, previous: dict[str, dict], output: str, key: str) -> Optional[dict]:
        entry = previous.get(output)
        if entry and entry.get("status") == "ok" and entry.get("key") == key and (self.root / output).is_file():
            return entry
        return None

    # --- naming ---
    def assign_name(self, stem: str, sha256: str) -> str:
        """`a.json` for the first `a.*` of the run; later ones `a.<sha8>.json`, then `a.<sha8>-2.json`."""
        candidates = [f"{stem}.json", f"{stem}.{sha256[:8]}.json"]
        candidates += (f"{stem}.{sha256[:8]}-{n}.json" for n in range(2, 10_000))
        for name in candidates:
            if name not in self._taken and name != MANIFEST:
                self._taken.add(name)
                return name
        raise RuntimeError(f"too many inputs named {stem}")

    # --- writing ---
    def write_plan(self, name: str, text: str) -> None:
        atomic_write(self.root / name, text)

    def append_manifest(self, entry: dict) -> None:
        self._manifest_fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._manifest_fh.flush()
        os.fsync(self._manifest_fh.fileno())

    def log_error(self, display: str, text: str) -> None:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        with open(self.errors_log, "a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} {display}\n{text.rstrip()}\n")


def atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_manifest(path: Path) -> list[dict]:
    """All complete manifest lines; a half-written line (killed run) is skipped, not fatal."""
    entries = []
    if not Path(path).is_file():
        return entries
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                entries.append(entry)
    return entries
