"""Read a plain-text archive file as DocumentText, whatever Vietnamese encoding it was saved in.

UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are. Anything else is
decoded with every plausible encoding (Windows-1258, TCVN3, VNI, and charset-normalizer's
guess) and the candidate that reads most like Vietnamese syllables wins; the decision is
recorded as a warning. Form feeds split pages.
"""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path
from typing import Callable

from kehoach.errors import InputFileError
from normalize.legacy_charsets import decode_tcvn3, decode_vni
from normalize.syllables import vietnamese_score
from ocr.types import DocumentText, PageText

MIN_SCORE = 0.3  # below this no candidate reads as Vietnamese (or any text): refuse the file


def _cp1258(data: bytes) -> str:
    return data.decode("cp1258")


def _cp1252(data: bytes) -> str:
    return data.decode("cp1252")


DECODERS: dict[str, Callable[[bytes], str]] = {
    "windows-1258": _cp1258,
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
    "windows-1252": _cp1252,
}


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM shows NUL bytes in every other position of ASCII text."""
    if len(data) < 4 or data.count(b"\x00") < len(data) // 4:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if vietnamese_score(text) >= MIN_SCORE:
            return text
    return None


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional first guess only
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, list[str]]:
    """Text (NFC) and warnings saying which encoding was chosen when it was not UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8", errors="replace")), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return unicodedata.normalize("NFC", data.decode("utf-16")), ["decoded as utf-16 (not UTF-8)"]
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), []
    except UnicodeDecodeError:
        pass
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return unicodedata.normalize("NFC", text16), ["decoded as utf-16 without BOM (not UTF-8)"]

    candidates: dict[str, str] = {}
    for enc, decode in DECODERS.items():
        try:
            candidates[enc] = unicodedata.normalize("NFC", decode(data))
        except UnicodeDecodeError:
            continue
    guess = _charset_normalizer_guess(data)
    if guess and guess not in candidates:
        try:
            candidates[guess] = unicodedata.normalize("NFC", data.decode(guess))
        except (UnicodeDecodeError, LookupError):
            pass
    # Stable on ties: the order of DECODERS (the commoner encoding) decides between equal scores.
    scored = sorted(((vietnamese_score(t), enc) for enc, t in candidates.items()), key=lambda x: -x[0])
    if not scored or scored[0][0] < MIN_SCORE:
        raise InputFileError(
            f"{name}: cannot decode the text file (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)",
            advice="convert it to UTF-8 (e.g. with UniKey's converter) and try again",
        )
    score, enc = scored[0]
    runner_up = f"; next best {scored[1][1]} {scored[1][0]:.2f}" if len(scored) > 1 else ""
    return candidates[enc], [f"decoded as {enc} (not UTF-8; syllable score {score:.2f}{runner_up})"]


def read_text_document(path: Path) -> DocumentText:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if not data.strip():
        raise InputFileError(f"{path}: the text file is empty")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and _utf16_without_bom(data) is None:
        raise InputFileError(f"{path}: looks like a binary file, not text", advice="pass a PDF, image or .txt file")
    text, warnings = decode_bytes(data, str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = [PageText(number=i + 1, text=t, origin="plain_text") for i, t in enumerate(text.split("\f"))]
    return DocumentText(path=str(path), media_type="text/plain", pages=pages, warnings=warnings)
