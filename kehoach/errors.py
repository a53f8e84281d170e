"""Exit codes and the errors that carry advice for the user (no tracebacks for known failures)."""
from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    ok = 0
    some_failed = 1  # batch finished; some documents failed (see manifest)
    bad_usage = 2
    missing_dependency = 3  # a program or model is missing: `kehoach doctor` says what to install
    input_error = 4  # the single input given could not be processed
    interrupted = 130


class KehoachError(Exception):
    """An expected failure with a message a user can act on."""

    exit_code = ExitCode.input_error

    def __init__(self, message: str, advice: str | None = None):
        super().__init__(message)
        self.message = message
        self.advice = advice

    def __str__(self) -> str:
        return f"{self.message} ({self.advice})" if self.advice else self.message


class MissingDependencyError(KehoachError):
    exit_code = ExitCode.missing_dependency


class InputFileError(KehoachError):
    """The input document itself is bad: empty, truncated, encrypted, not an image, too large."""

    exit_code = ExitCode.input_error


class UsageError(KehoachError):
    exit_code = ExitCode.bad_usage
