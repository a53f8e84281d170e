"""Batch inputs: files, folders (recursive, sorted) and .zip/.tar/.tar.gz archives.

Archives are read one member at a time: a member is copied to a temp file (hashed on the way),
processed, then deleted by the caller, so a 50 GB archive never needs 50 GB of disk.
Order is deterministic: inputs as given, folders sorted by path, archive members in stored order.
"""
from __future__ import annotations

import hashlib
import os
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator, Optional

from kehoach.errors import UsageError
from kehoach.media import SUPPORTED_SUFFIXES


def sha256_file(path: Path) -> str:
    """Content digest of a document (here, not in kehoach.pipeline: the batch process needs it and
    must not import the pipeline, ~1 CPU s of start-up before any worker can start)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
MEMBER_SEPARATOR = "!/"  # `plans.zip!/2025/a.pdf`: member a.pdf inside plans.zip


@dataclass
class LocalDocument:
    display: str  # name shown in plans and the manifest
    name: str  # base file name (suffix kept)
    path: Path  # readable local file
    sha256: str
    temporary: bool = False  # extracted from an archive: the caller deletes it when done

    @property
    def stem(self) -> str:
        return Path(self.name).stem

    def discard(self) -> None:
        if self.temporary:
            try:
                os.unlink(self.path)
            except OSError:
                pass


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def is_document_name(name: str) -> bool:
    path = PurePosixPath(name)
    if path.name.startswith("._") or "__MACOSX" in path.parts:  # macOS resource forks, not documents
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def expand_inputs(inputs: list[str]) -> list[Path]:
    """Inputs as given -> files and archives in walk order. Nonexistent paths are bad usage."""
    missing = [raw for raw in inputs if not os.path.exists(raw)]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder", "check the path (INPUT is a file, folder or archive)")
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    (q for q in path.rglob("*") if q.is_file() and (is_document_name(q.name) or is_archive(q))),
                    key=lambda q: q.as_posix(),
                )
            )
        else:  # a file named explicitly is always tried: its content decides, not its name
            found.append(path)
    if not found:
        raise UsageError(
            f"no documents found in {' '.join(inputs)}",
            f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))} and {', '.join(ARCHIVE_SUFFIXES)} archives",
        )
    return found


COUNT_TAR_LIMIT = 2 << 30  # a tar is counted by reading it through: not worth it for huge ones


def count_documents(paths: list[Path]) -> Optional[int]:
    """How many documents the walk will yield, for the progress bar's ETA (None: unknown)."""
    total = 0
    for path in paths:
        if not is_archive(path):
            total += 1
            continue
        if not path.name.lower().endswith(".zip") and path.stat().st_size > COUNT_TAR_LIMIT:
            return None
        try:
            total += sum(1 for _ in _member_names(path))
        except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError):
            return None
    return total


def iter_documents(paths: list[Path], tmp_dir: Path) -> Iterator[LocalDocument | tuple[str, str]]:
    """Yield documents in walk order; an unreadable archive yields (display, error) instead."""
    for path in paths:
        display = path.as_posix()
        if not is_archive(path):
            yield LocalDocument(display, path.name, path, sha256_file(path))
            continue
        try:
            if path.name.lower().endswith(".zip"):
                yield from _iter_zip(path, display, tmp_dir)
            else:
                yield from _iter_tar(path, display, tmp_dir)
        except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError) as exc:
            yield display, f"{display}: cannot read the archive: {exc} (re-copy it or unpack it and pass the folder)"


def _member_names(path: Path) -> Iterator[str]:
    if path.name.lower().endswith(".zip"):
        with zipfile.ZipFile(path) as zf:
            yield from (i.filename for i in zf.infolist() if not i.is_dir() and is_document_name(i.filename))
    else:
        with tarfile.open(path, mode="r|*") as tf:
            yield from (m.name for m in tf if m.isfile() and is_document_name(m.name))


def _iter_zip(path: Path, display: str, tmp_dir: Path) -> Iterator[LocalDocument]:
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.is_dir() or not is_document_name(info.filename):
                continue
            with zf.open(info) as stream:
                yield _spool(stream, display + MEMBER_SEPARATOR + info.filename, tmp_dir)


def _iter_tar(path: Path, display: str, tmp_dir: Path) -> Iterator[LocalDocument]:
    # "r|*": a forward-only stream (gzip or not); members are read in stored order, never seeked
    with tarfile.open(path, mode="r|*") as tf:
        for member in tf:
            if not member.isfile() or not is_document_name(member.name):
                continue
            stream = tf.extractfile(member)
            if stream is None:
                continue
            yield _spool(stream, display + MEMBER_SEPARATOR + member.name, tmp_dir)


def _spool(stream, display: str, tmp_dir: Path) -> LocalDocument:
    """Copy one archive member to a temp file (same base name, so the suffix still tells .txt)."""
    name = PurePosixPath(display.rsplit(MEMBER_SEPARATOR, 1)[1]).name
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=tmp_dir, prefix="member-", suffix="-" + name)
    h = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(1 << 20):
                h.update(chunk)
                out.write(chunk)
    except BaseException:
        os.unlink(tmp)
        raise
    return LocalDocument(display, name, Path(tmp), h.hexdigest(), temporary=True)
