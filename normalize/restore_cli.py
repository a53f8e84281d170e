"""`kehoach restore [FILE...]`: restore Vietnamese diacritics, stdin or files to stdout.

Lines are kept one for one; lines that already carry their marks pass through unchanged
unless --always is given.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kehoach.errors import InputFileError


def add_arguments(p):
    p.add_argument("files", nargs="*", help="UTF-8 text files (default: stdin)")
    p.add_argument("--always", action="store_true", help="restore every line, not only mark-less ones")
    p.add_argument("--model", default=None, help="model folder (default: models/restorer)")
    p.add_argument("--stats", action="store_true", help="print lines restored/total to stderr")


def _read(path: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise InputFileError(f"{path}: no such file", "give text files or pipe text on stdin")
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path}: not UTF-8 text ({exc.reason})", "convert it to UTF-8 first") from exc


def main(args) -> int:
    from normalize.restore import get_restorer

    restorer = get_restorer(args.model)
    mode = "always" if args.always else "auto"
    sources = args.files or ["-"]
    for src in sources:
        text = sys.stdin.read() if src == "-" else _read(src)
        result = restorer.restore_text(text, mode=mode)
        sys.stdout.write(result.text)
        for w in result.warnings:
            print(f"kehoach restore: {src}: {w}", file=sys.stderr)
        if args.stats:
            print(f"{src}: {result.lines_restored}/{result.lines_total} lines restored", file=sys.stderr)
    sys.stdout.flush()
    return 0
