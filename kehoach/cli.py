"""`kehoach` command line: one subcommand per stage or tool, handlers live beside their code."""
from __future__ import annotations

import argparse
import importlib
import sys

from kehoach import __version__
from kehoach.errors import ExitCode, KehoachError

# name -> (module holding add_arguments(parser) and main(args) -> int, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("kehoach.batch", "process documents or folders into plan JSON (+ manifest.jsonl)"),
    "ocr": ("ocr.cli", "OCR/text stage alone: page text to stdout (--tsv for words and boxes)"),
    "extract": ("extract.cli", "extraction alone from a text file: plan JSON to stdout"),
    "restore": ("normalize.restore_cli", "restore Vietnamese diacritics of text (stdin or files) to stdout"),
    "doctor": ("kehoach.doctor", "check Tesseract, language models and poppler; say what to install"),
    "eval": ("kehoach.evaluation.cli", "score predictions against gold annotations"),
    "export": ("kehoach.export", "flatten a batch output folder into tables (jsonl, parquet, csv)"),
    "synth": ("kehoach.synth.cli", "generate synthetic plans (text, PDF, scans) with their gold JSON"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # bad usage exits 2, with the usage line
        self.print_usage(sys.stderr)
        self.exit(ExitCode.bad_usage, f"kehoach: error: {message}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """All subcommands; with `command`, only that one's module is imported (the others' imports
    cost seconds, e.g. scipy for eval: serial start-up of `kehoach run` before any worker starts)."""
    parser = _Parser(prog="kehoach", description=__doc__)
    parser.add_argument("--version", action="version", version=f"kehoach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if command in COMMANDS and name != command:
            continue
        module = importlib.import_module(module_name)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(next((a for a in argv if not a.startswith("-")), None))
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return ExitCode.bad_usage
    try:
        return int(args._module.main(args) or 0)
    except KehoachError as exc:
        print(f"kehoach {args.command}: error: {exc.message}", file=sys.stderr)
        if exc.advice:
            print(f"  {exc.advice}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return int(ExitCode.interrupted)
    except BrokenPipeError:
        return int(ExitCode.ok)


if __name__ == "__main__":
    sys.exit(main())
