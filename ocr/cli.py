"""`kehoach ocr FILE`: the OCR/text stage alone. Page text to stdout, pages separated by form feeds;
`--tsv` prints every word with its page, box and confidence instead."""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from kehoach.errors import ExitCode, InputFileError
from kehoach.media import sniff_media_type
from ocr.options import OcrOptions
from ocr.types import DocumentText

TSV_HEADER = "page\tblock\tpar\tline\tleft\ttop\twidth\theight\tconf\ttext"


def add_arguments(p: argparse.ArgumentParser) -> None:
    d = OcrOptions()
    p.add_argument("file", help="PDF, PNG, JPEG, TIFF or .txt file")
    p.add_argument("--tsv", action="store_true", help="print words with page, box and confidence")
    p.add_argument("--lang", default=d.languages, help=f"Tesseract languages (default {d.languages})")
    p.add_argument("--dpi", type=int, default=d.dpi, help=f"rasterisation of PDF pages (default {d.dpi})")
    p.add_argument("--psm", type=int, default=d.psm, help=f"Tesseract page segmentation mode (default {d.psm})")
    p.add_argument("--page-timeout", type=float, default=d.page_timeout, help="seconds per Tesseract call")
    for flag, field in [("orientation", "orientation"), ("deskew", "deskew"), ("denoise", "denoise"),
                        ("binarize", "binarize"), ("remove-rules", "remove_rules"), ("text-layer", "use_text_layer"), ("tables", "tables")]:
        p.add_argument(f"--no-{flag}", dest=field, action="store_false", help=f"skip {flag.replace('-', ' ')}")
    p.add_argument("--warnings", action="store_true", help="also print page warnings to stderr")


def options_from_args(args: argparse.Namespace) -> OcrOptions:
    return dataclasses.replace(
        OcrOptions(), languages=args.lang, dpi=args.dpi, psm=args.psm, page_timeout=args.page_timeout,
        orientation=args.orientation, deskew=args.deskew, denoise=args.denoise, binarize=args.binarize, remove_rules=args.remove_rules,
        use_text_layer=args.use_text_layer, tables=args.tables,
    )


def read_any(path: Path, options: OcrOptions) -> DocumentText:
    if not path.is_file():
        raise InputFileError(f"{path}: no such file", "check the path")
    media_type = sniff_media_type(path)
    if media_type == "text/plain":
        from normalize.encoding import read_text_document

        return read_text_document(path)
    from ocr.document import recognize_document

    return recognize_document(path, options, media_type)


def main(args: argparse.Namespace) -> int:
    doc = read_any(Path(args.file), options_from_args(args))
    out = sys.stdout
    if args.tsv:
        out.write(TSV_HEADER + "\n")
        for page in doc.pages:
            for w in page.words:
                out.write(f"{page.number}\t{w.block}\t{w.par}\t{w.line}\t{w.left}\t{w.top}\t{w.width}\t"
                          f"{w.height}\t{w.conf:.2f}\t{w.text}\n")
    else:
        out.write(doc.text)
        if not doc.text.endswith("\n"):
            out.write("\n")
    warnings = doc.warnings + [w for p in doc.pages for w in p.warnings]
    if args.warnings or not args.tsv:
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)
    return int(ExitCode.ok)
