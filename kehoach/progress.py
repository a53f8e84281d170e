"""Batch progress: a tqdm bar on a terminal, plain log lines otherwise, and a final summary."""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from typing import Optional


class Progress:
    def __init__(self, total: Optional[int], stream=None, bar: Optional[bool] = None, log_every: float = 10.0):
        self.stream = stream or sys.stderr
        self.total = total
        self.ok = self.failed = self.skipped = self.pages = 0
        self.errors: Counter[str] = Counter()
        self.t0 = time.monotonic()
        self.log_every = log_every
        self._last_log = 0.0
        use_bar = self.stream.isatty() if bar is None else bar
        self.bar = None
        if use_bar:
            from tqdm import tqdm

            sized = _columns(self.stream) > 0  # a pty without a size (CI, `script`) would get an empty bar
            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=sized, ncols=None if sized else 100, nrows=None if sized else 20,
                            smoothing=0.1)

    @property
    def done(self) -> int:
        return self.ok + self.failed + self.skipped

    def update(self, display: str, status: str, pages: Optional[int], skipped: bool = False,
               error: Optional[str] = None) -> None:
        if skipped:
            self.skipped += 1
        elif status == "ok":
            self.ok += 1
            self.pages += pages or 0
        else:
            self.failed += 1
            self.errors[_error_kind(error)] += 1
        message = error if error and error.startswith(display) else f"{display}: {error}"
        if self.bar is not None:
            self.bar.set_postfix_str(f"pages={self.pages} ({self.pages_per_minute():.1f}/min) failed={self.failed}",
                                     refresh=False)
            self.bar.update(1)
            if status == "failed":
                self.bar.write(f"failed: {message}", file=self.stream)
            return
        if status == "failed":
            self._line(f"failed: {message}")
        now = time.monotonic()
        if now - self._last_log >= self.log_every or self.done == self.total:
            self._last_log = now
            of = f"/{self.total}" if self.total is not None else ""
            self._line(f"progress: {self.done}{of} documents ({self.ok} ok, {self.failed} failed, "
                       f"{self.skipped} skipped), {self.pages} pages, {self.pages_per_minute():.1f} pages/min")

    def pages_per_minute(self) -> float:
        elapsed = time.monotonic() - self.t0
        return 60.0 * self.pages / elapsed if elapsed > 0 else 0.0

    def summary(self, out_dir) -> str:
        elapsed = time.monotonic() - self.t0
        lines = [
            f"kehoach run: {self.done} documents: {self.ok} ok, {self.failed} failed, {self.skipped} skipped "
            f"(already done); {self.pages} pages in {elapsed:.1f} s ({self.pages_per_minute():.1f} pages/min)",
            f"  outputs and manifest: {out_dir}",
        ]
        for kind, n in self.errors.most_common(5):
            lines.append(f"  {n} x {kind}")
        return "\n".join(lines)

    def close(self, out_dir) -> None:
        if self.bar is not None:
            self.bar.close()
        self._line(self.summary(out_dir))

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)


def _columns(stream) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0


def _error_kind(error: Optional[str]) -> str:
    """Group failures for the summary: the message without the file name that starts it."""
    text = (error or "unknown error").strip()
    head, sep, rest = text.partition(": ")
    if sep and ("/" in head or "." in head) and not head.startswith("internal error"):
        text = rest
    return text[:160]
