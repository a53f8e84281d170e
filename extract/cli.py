"""`kehoach extract FILE.txt`: extraction alone from a text file (UTF-8, UTF-16, Windows-1258, TCVN3
or VNI; form feeds split pages). Plan JSON, valid against the contract, to stdout."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from kehoach.errors import InputFileError
from kehoach.media import sniff_media_type


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="plain-text file (OCR output or a text export of a plan)")
    p.add_argument("--restore", choices=["auto", "always", "never"], default="auto",
                   help="diacritic restoration, decided per line (default auto)")
    p.add_argument("--no-pages", dest="pages", action="store_false", help="leave the page texts out of the JSON")
    p.add_argument("--indent", type=int, default=2, help="JSON indentation (0: one line)")


def main(args: argparse.Namespace) -> int:
    from kehoach.config import ExtractOptions, PipelineConfig
    from kehoach.pipeline import process_document
    from normalize.options import NormalizeOptions

    path = Path(args.file)
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")
    media_type = sniff_media_type(path)
    if media_type != "text/plain":
        raise InputFileError(f"{path}: is {media_type}, not a text file",
                             advice="use `kehoach run FILE --out DIR` for PDFs and images")
    config = PipelineConfig(
        normalize=dataclasses.replace(NormalizeOptions(), restore=args.restore),
        extract=dataclasses.replace(ExtractOptions(), include_pages=args.pages),
    )
    plan = process_document(path, config)
    json.dump(plan.to_json_dict(), sys.stdout, ensure_ascii=False, indent=args.indent or None)
    sys.stdout.write("\n")
    return 0
