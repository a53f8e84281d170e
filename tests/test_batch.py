"""`kehoach run` end to end on .txt inputs, with an injected processor for slow/bad documents."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from kehoach.outdir import read_manifest
from test_batch_support import REF

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "data" / "raw").glob("*.txt"))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def frozen_models(tmp_path_factory, monkeypatch) -> Path:
    """Cache keys hash the files under models/; other work may rebuild the repo's models mid-test."""
    folder = tmp_path_factory.getbasetemp() / "frozen-models"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("KEHOACH_MODELS", str(folder))
    monkeypatch.setenv("KEHOACH_NO_WARMUP", "1")  # seconds per run, and most tests use a fake processor
    return folder


def kehoach_run(*args, timeout=120, check_rc=None):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "tests"), str(REPO)]))
    proc = subprocess.run([sys.executable, "-m", "kehoach.cli", "run", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=timeout)
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr
    return proc


def seed_text(i: int, marker: str = "") -> str:
    text = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
    return (marker + "\n" if marker else "") + text


def make_inputs(folder: Path, n: int, marker: str = "") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"doc{i:02d}.txt"
        p.write_text(seed_text(i, marker + f" #{i}"), encoding="utf-8")  # distinct content each
        paths.append(p)
    return paths


def latest(out: Path) -> dict[str, dict]:
    return {e["file"]: e for e in read_manifest(out / "manifest.jsonl")}


def plan_files(out: Path) -> list[Path]:
    return sorted(out.glob("*.json"))


@pytest.mark.slow  # the real text pipeline in cold workers: models load for seconds
def test_folder_run_then_rerun_skips(tmp_path, validate_plan):
    make_inputs(tmp_path / "in" / "sub", 2)
    (tmp_path / "in" / "notes.docx").write_bytes(b"ignored in folders: not a supported suffix")
    out = tmp_path / "out"
    kehoach_run(tmp_path / "in", "--out", out, "--jobs", "2", check_rc=0)
    files = plan_files(out)
    assert [f.name for f in files] == ["doc00.json", "doc01.json"]
    for f in files:
        plan = json.loads(f.read_text(encoding="utf-8"))
        validate_plan(plan)
        assert plan["source"]["file"] == (tmp_path / "in" / "sub" / f.with_suffix(".txt").name).as_posix()
    first = read_manifest(out / "manifest.jsonl")
    assert len(first) == 2 and all(e["status"] == "ok" and not e["skipped"] and e["key"] for e in first)
    mtimes = {f.name: f.stat().st_mtime_ns for f in files}

    proc = kehoach_run(tmp_path / "in", "--out", out, check_rc=0)
    second = read_manifest(out / "manifest.jsonl")[2:]
    assert len(second) == 2 and all(e["skipped"] and e["status"] == "ok" for e in second)
    assert {f.name: f.stat().st_mtime_ns for f in plan_files(out)} == mtimes
    assert "2 skipped" in proc.stderr

    kehoach_run(tmp_path / "in", "--out", out, "--force", check_rc=0)
    third = read_manifest(out / "manifest.jsonl")[4:]
    assert len(third) == 2 and not any(e["skipped"] for e in third)
    assert {f.name: f.stat().st_mtime_ns for f in plan_files(out)} != mtimes


def test_config_change_invalidates_only_what_it_affects(tmp_path):
    inp = tmp_path / "in"
    make_inputs(inp, 2, marker="#FAKE")
    (inp / "scan.png").write_bytes(PNG)
    out = tmp_path / "out"
    run = lambda *extra: kehoach_run(inp, "--out", out, "--processor", REF, *extra, check_rc=0)  # noqa: E731
    run()
    n = len(read_manifest(out / "manifest.jsonl"))

    (tmp_path / "ocr.json").write_text('{"ocr": {"dpi": 200}}')
    run("--config", tmp_path / "ocr.json")
    redone = {Path(e["file"]).name for e in read_manifest(out / "manifest.jsonl")[n:] if not e["skipped"]}
    assert redone == {"scan.png"}  # OCR options do not touch plain-text documents
    assert "dpi=200" in (out / "scan.json").read_text()
    n = len(read_manifest(out / "manifest.jsonl"))

    (tmp_path / "norm.json").write_text('{"ocr": {"dpi": 200}, "normalize": {"dehyphenate": false}}')
    run("--config", tmp_path / "norm.json")
    redone = {Path(e["file"]).name for e in read_manifest(out / "manifest.jsonl")[n:] if not e["skipped"]}
    assert redone == {"scan.png", "doc00.txt", "doc01.txt"}


def test_model_change_invalidates(tmp_path, monkeypatch):
    models = tmp_path / "models"
    (models / "restorer").mkdir(parents=True)
    (models / "restorer" / "lm.bin").write_bytes(b"v1")
    monkeypatch.setenv("KEHOACH_MODELS", str(models))
    make_inputs(tmp_path / "in", 2, marker="#FAKE")
    out = tmp_path / "out"
    run = lambda: kehoach_run(tmp_path / "in", "--out", out, "--processor", REF, check_rc=0)  # noqa: E731
    run()
    (models / "restorer" / "README.md").write_text("model card: not part of the model")
    run()
    assert all(e["skipped"] for e in read_manifest(out / "manifest.jsonl")[2:])
    (models / "restorer" / "lm.bin").write_bytes(b"v2")
    run()
    assert not any(e["skipped"] for e in read_manifest(out / "manifest.jsonl")[4:])


def test_name_collisions_get_distinct_deterministic_names(tmp_path):
    texts = {"a": seed_text(0, "#FAKE A"), "b": seed_text(1, "#FAKE B"), "c": seed_text(0, "#FAKE A")}  # c copies a
    for folder, text in texts.items():
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "plan.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    kehoach_run(tmp_path / "in", "--out", out, "--jobs", "2", "--processor", REF, check_rc=0)
    by_file = {e["file"].split("/in/")[1]: e["output"] for e in read_manifest(out / "manifest.jsonl")}
    sha_a = next(e["sha256"] for e in read_manifest(out / "manifest.jsonl") if e["file"].endswith("a/plan.txt"))
    assert by_file["a/plan.txt"] == "plan.json"
    assert by_file["b/plan.txt"].startswith("plan.") and by_file["b/plan.txt"] != "plan.json"
    assert by_file["c/plan.txt"] == f"plan.{sha_a[:8]}.json"
    assert len(plan_files(out)) == 3
    for name, output in by_file.items():
        assert json.loads((out / output).read_text())["source"]["file"].endswith(name)
    kehoach_run(tmp_path / "in", "--out", out, "--processor", REF, check_rc=0)  # same names again: all skipped
    assert all(e["skipped"] for e in read_manifest(out / "manifest.jsonl")[3:])


def test_zip_and_tar_gz_archives_are_streamed(tmp_path, validate_plan):
    zpath = tmp_path / "plans.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("2025/q1.txt", seed_text(0, "zip"))  # the real text pipeline
        zf.writestr("2025/q2.txt", seed_text(1, "zip #FAKE"))
        zf.writestr("readme.md", "not a document")
        zf.writestr("__MACOSX/2025/._q1.txt", "macOS resource fork")
    tpath = tmp_path / "plans.tar.gz"
    with tarfile.open(tpath, "w:gz") as tf:
        for name, text in [("x/q3.txt", seed_text(2, "tar #FAKE")), ("x/scan.png", None)]:
            data = PNG if text is None else text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    out = tmp_path / "out"
    kehoach_run(zpath, tpath, "--out", out, "--processor", REF, check_rc=0)
    entries = latest(out)
    assert set(entries) == {f"{zpath.as_posix()}!/2025/q1.txt", f"{zpath.as_posix()}!/2025/q2.txt",
                            f"{tpath.as_posix()}!/x/q3.txt", f"{tpath.as_posix()}!/x/scan.png"}
    assert sorted(f.name for f in plan_files(out)) == ["q1.json", "q2.json", "q3.json", "scan.json"]
    for f in plan_files(out):
        plan = json.loads(f.read_text())
        validate_plan(plan)
        assert "!/" in plan["source"]["file"]
    assert not list((out / ".kehoach" / "tmp").glob("*"))  # every extracted member was deleted


def test_bad_documents_are_recorded_and_the_batch_goes_on(tmp_path):
    inp = tmp_path / "in"
    make_inputs(inp, 2, marker="#FAKE")  # fast good documents: a cold worker loads models for seconds
    (inp / "empty.txt").write_bytes(b"")
    (inp / "noise.png").write_bytes(os.urandom(2048))
    (inp / "bug.txt").write_text("#BUG\n" + seed_text(0))
    (inp / "crash.txt").write_text("#CRASH\n" + seed_text(0))
    (inp / "slow.txt").write_text("#SLEEP 30\n" + seed_text(0))
    (inp / "guarded.txt").write_text("#GUARDED #SLEEP 30\n" + seed_text(0))
    (inp / "hang.txt").write_text("#HANG\n" + seed_text(0))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not a zip")
    out = tmp_path / "out"
    proc = kehoach_run(inp, broken, "--out", out, "--processor", REF, "--jobs", "2", "--timeout", "2",
                       check_rc=1)
    entries = {Path(k).name: v for k, v in latest(out).items()}
    assert entries["doc00.txt"]["status"] == entries["doc01.txt"]["status"] == "ok"
    failed = {k: v["error"] for k, v in entries.items() if v["status"] == "failed"}
    assert set(failed) == {"empty.txt", "noise.png", "bug.txt", "crash.txt", "slow.txt", "guarded.txt", "hang.txt",
                           "broken.zip"}
    assert "empty" in failed["empty.txt"] and str(inp / "empty.txt") in failed["empty.txt"]
    assert "not a PNG" in failed["noise.png"]
    assert failed["bug.txt"] == "internal error: ValueError: planted bug"
    assert "WorkerDied" in failed["crash.txt"]
    for name in ("slow.txt", "guarded.txt", "hang.txt"):
        assert "timed out after 2 s" in failed[name]
    assert "cannot read the archive" in failed["broken.zip"]
    assert "ValueError: planted bug" in (out / ".kehoach" / "errors.log").read_text()
    assert "8 failed" in proc.stderr
    assert sorted(f.name for f in plan_files(out)) == ["doc00.json", "doc01.json"]


@pytest.mark.parametrize("argv", [
    ["does/not/exist.pdf"],
    ["{empty}"],
    ["{seed}", "--jobs", "0"],
    ["{seed}", "--timeout", "-1"],
    ["{seed}", "--no-such-flag"],
    ["{seed}", "--scheduler", "localhost:8786"],
])
def test_bad_usage_exits_2(tmp_path, argv):
    (tmp_path / "empty").mkdir()
    argv = [a.format(empty=tmp_path / "empty", seed=SEEDS[0]) for a in argv]
    proc = kehoach_run(*argv, "--out", tmp_path / "out", check_rc=2)
    assert "error" in proc.stderr
    assert not (tmp_path / "out" / "manifest.jsonl").exists()


@pytest.mark.slow
def test_missing_tesseract_fails_ocr_documents_with_advice_text_still_ok(tmp_path):
    from PIL import Image

    inp = tmp_path / "in"
    make_inputs(inp, 1)
    for i in range(2):
        Image.new("L", (200, 100), 255 - i).save(inp / f"scan{i}.png")
    bin_dir = tmp_path / "bin"  # a PATH with poppler but no tesseract
    bin_dir.mkdir()
    for tool in ("pdftoppm", "pdfinfo", "pdftotext"):
        if Path("/usr/bin", tool).exists():
            (bin_dir / tool).symlink_to(Path("/usr/bin", tool))
    env = dict(os.environ, PATH=str(bin_dir), PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", "kehoach.cli", "run", str(inp), "--out", str(tmp_path / "out"),
                           "--jobs", "1"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    entries = {Path(k).name: v for k, v in latest(tmp_path / "out").items()}
    assert entries["doc00.txt"]["status"] == "ok"
    errors = {entries[f"scan{i}.png"]["error"] for i in range(2)}
    assert len(errors) == 1 and "tesseract" in errors.pop().lower()
    assert "2 x" in proc.stderr  # the summary groups the same advice
