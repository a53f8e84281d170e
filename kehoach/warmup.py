"""Imported by the forkserver before it forks any worker: the pipeline's modules and its lazy
caches (restorer model, place tables...) are loaded once and shared copy-on-write, instead of
once per worker (seconds each, repeated whenever a worker is recycled).

It only calls the public `process_document` on a small plan without diacritics; any failure is
ignored (the workers then load what they need themselves). KEHOACH_NO_WARMUP=1 switches it off.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

SAMPLE = """UY BAN NHAN DAN TINH CAO BANG
So: 12/KH-UBND
Cao Bang, ngay 18 thang 7 nam 2025
KE HOACH
Nang cao Chi so cai cach hanh chinh (PAR INDEX), Chi so SIPAS nam 2025
Thuc hien Ke hoach so 2163/KH-UBND ngay 12/7/2025 cua Uy ban nhan dan tinh Cao Bang.
I. MUC DICH, YEU CAU
Chi so SIPAS dat 80% tro len.
II. TO CHUC THUC HIEN
1. So Noi vu - La co quan thuong truc, theo doi, huong dan.
"""


def warm_up() -> None:
    if os.environ.get("KEHOACH_NO_WARMUP"):
        return
    try:
        from kehoach.pipeline import process_document

        with tempfile.TemporaryDirectory(prefix="kehoach-warmup-") as tmp:
            path = Path(tmp) / "warmup.txt"
            path.write_text(SAMPLE, encoding="utf-8")
            process_document(path)
    except Exception:
        pass


warm_up()
