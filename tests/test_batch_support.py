"""Injected document processor for the batch tests (`kehoach run --processor test_batch_support:processor`).

Behaviour is chosen by markers in the document's content, so it also works for archive members:
  #SLEEP <s>  sleep, then process normally        #HANG   ignore the in-worker alarm and hang
  #CRASH      kill the worker process outright     #BUG    raise an unexpected exception
  #GUARDED    swallow any Exception raised while sleeping (a timeout must get through)
A PNG/TIFF/JPEG/PDF, or a text with #FAKE, gets a small fake plan (fast, no OCR, no models).
"""
from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from extract.schema import Plan, Source
from extract.schema import DocumentInfo
from kehoach.media import sniff_media_type
from kehoach.pipeline import process_document

REF = "test_batch_support:processor"


def processor(path: Path, config=None, display_name=None, sha256=None):
    head = Path(path).read_bytes()[:4096]
    sleep = re.search(rb"#SLEEP ([0-9.]+)", head)
    if sleep:
        try:
            time.sleep(float(sleep.group(1)))
        except Exception:  # like a stage's guard that turns a bug into a warning
            if b"#GUARDED" not in head:
                raise
    if b"#HANG" in head:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # only the parent's kill can stop this
        time.sleep(3600)
    if b"#CRASH" in head:
        os.kill(os.getpid(), signal.SIGKILL)
    if b"#BUG" in head:
        raise ValueError("planted bug")
    media_type = sniff_media_type(Path(path))
    if media_type == "text/plain" and b"#FAKE" not in head:
        return process_document(path, config, display_name=display_name, sha256=sha256)
    source = Source(file=display_name or str(path), sha256=sha256, media_type=media_type, pages=3,
                    text_origin="ocr", diacritics="present")
    return Plan(source=source, document=DocumentInfo(), parent_plan=None, references=[], index_results=[],
                index_targets=[], tasks=[], warnings=[f"fake plan, dpi={config.ocr.dpi}"])
