"""Media type of an input, sniffed from its first bytes (extensions lie in real archives)."""
from __future__ import annotations

from pathlib import Path

from kehoach.errors import InputFileError

TEXT_SUFFIXES = {".txt", ".text"}
_MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
]
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def sniff_media_type(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise InputFileError(f"{path}: the file is empty", "check the copy of this file in the archive")
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head.lstrip().startswith(b"%PDF-"):
        return "application/pdf"
    if path.suffix.lower() in TEXT_SUFFIXES:
        return "text/plain"
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        raise InputFileError(
            f"{path}: named {path.suffix} but its content is not a {path.suffix.lstrip('.').upper()} file",
            "the file is corrupt or mislabelled; re-export it from the source",
        )
    raise InputFileError(f"{path}: unsupported file type", "inputs are PDF, PNG, TIFF, JPEG or .txt files")
