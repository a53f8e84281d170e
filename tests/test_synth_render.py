"""Rendering synthetic plans: text-layer PDF, rasters, degradation, scan files and their gold."""
from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image

from kehoach.synth import generate_plan
from kehoach.synth.cli import run as synth_cli
from kehoach.synth.degrade import PRESETS, degrade
from kehoach.synth.render import render_pages, render_pdf
from kehoach.synth.scan import one_page_plan, sha256_of, write_scan

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
LOW_DPI = 40  # tests check geometry and bookkeeping, not OCR quality


@pytest.fixture(scope="module")
def plan():
    return generate_plan(21, size="long", level="department")


def test_text_pdf_has_header_words_and_page_texts(plan, tmp_path):
    path = render_pdf(plan, tmp_path / "p.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                  plan.gold["document"]["number"], plan.gold["document"]["signer"]["name"], "Nhiệm vụ/giải pháp"):
        assert words in text, words
    assert len(plan.page_texts) >= 3
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in plan.page_texts[0]
    # The appendix spans pages: its heading row is printed on each of them.
    assert sum("Cơ quan chủ trì" in t for t in plan.page_texts) >= 2


def test_same_seed_same_pdf_bytes(tmp_path):
    a = render_pdf(generate_plan(5), tmp_path / "a.pdf")
    b = render_pdf(generate_plan(5), tmp_path / "b.pdf")
    assert a.read_bytes() == b.read_bytes()


def test_rasters_are_a4_at_requested_dpi(plan):
    pages = render_pages(plan, LOW_DPI)
    assert len(pages) == len(plan.page_texts)
    portrait = (round(210 / 25.4 * LOW_DPI), round(297 / 25.4 * LOW_DPI))
    for page in pages:
        assert page.mode == "L"
        short, long_ = sorted(page.size)
        assert abs(short - portrait[0]) <= 1 and abs(long_ - portrait[1]) <= 1, page.size
    assert pages[0].size[0] < pages[0].size[1]  # first page portrait
    assert pages[-1].size[0] > pages[-1].size[1]  # appendix landscape


def test_degrade_is_seeded_and_changes_pixels():
    page = Image.new("L", (400, 500), 255)
    page.paste(0, (50, 50, 350, 80))
    for name in PRESETS:
        a, b = np.asarray(degrade(page, name, 3)), np.asarray(degrade(page, name, 3))
        assert np.array_equal(a, b)
        if name != "clean":
            assert not np.array_equal(a, np.asarray(page))
    assert degrade(page, "light", 0, rotate=90).size == (500, 400)
    with pytest.raises(ValueError):
        degrade(page, "nope", 0)


def test_tiff_holds_every_page_and_gold_matches_file(plan, tmp_path):
    written = write_scan(plan, tmp_path / "p.tiff", "tiff", "medium", seed=1, dpi=LOW_DPI)
    with Image.open(written.path) as im:
        assert im.n_frames == len(plan.page_texts) == written.pages
    src = written.gold["source"]
    assert src["sha256"] == sha256_of(written.path)
    assert (src["media_type"], src["text_origin"], src["pages"]) == ("image/tiff", "ocr", written.pages)


def test_single_page_formats(tmp_path, validate_plan):
    small = one_page_plan(3)
    for fmt, suffix in (("png", ".png"), ("jpeg", ".jpg")):
        written = write_scan(small, tmp_path / f"s{suffix}", fmt, "light", seed=2, dpi=LOW_DPI)
        with Image.open(written.path) as im:
            assert getattr(im, "n_frames", 1) == 1
        validate_plan(written.gold)
    with pytest.raises(ValueError):
        write_scan(generate_plan(21, size="long"), tmp_path / "x.png", "png", dpi=LOW_DPI)


def test_cli_writes_documents_and_valid_gold(tmp_path, validate_plan):
    out, gold = tmp_path / "raw", tmp_path / "gold"
    assert synth_cli(["--out", str(out), "--gold", str(gold), "--n", "1", "--seed", "4",
                      "--formats", "pdf-text,pdf-scan,txt", "--dpi", str(LOW_DPI)]) == 0
    docs = sorted(p.name for p in out.iterdir())
    assert docs == ["synth_0004_scan.pdf", "synth_0004_text.pdf", "synth_0004_txt.txt"]
    for doc in out.iterdir():
        g = json.loads((gold / f"{doc.stem}.json").read_text(encoding="utf-8"))
        validate_plan(g)
        assert g["source"]["sha256"] == sha256_of(doc)
        assert g["source"]["file"].endswith(doc.name)
    text_origin = json.loads((gold / "synth_0004_scan.json").read_text(encoding="utf-8"))["source"]["text_origin"]
    assert text_origin == "ocr"
    assert synth_cli(["--out", str(out), "--gold", str(gold), "--formats", "bogus"]) == 2


def test_scanned_pdf_bytes_are_deterministic(tmp_path):
    small = generate_plan(2, size="compact")
    a = write_scan(small, tmp_path / "a.pdf", "pdf-scan", "heavy", seed=5, dpi=LOW_DPI)
    b = write_scan(small, tmp_path / "b.pdf", "pdf-scan", "heavy", seed=5, dpi=LOW_DPI)
    assert a.path.read_bytes() == b.path.read_bytes()
    assert a.gold["source"]["sha256"] == b.gold["source"]["sha256"]


def test_lossy_text_drops_diacritics_and_keeps_gold(tmp_path, validate_plan):
    plan = generate_plan(6)
    written = write_scan(plan, tmp_path / "p.txt", "txt-lossy", seed=6)
    text = written.path.read_text(encoding="utf-8")
    assert not set(text) & set("ăâđêôơưĂÂĐÊÔƠƯàảãạằẳẵặầẩẫậềểễệồổỗộờởỡợừửữựỳỷỹỵ")
    assert "é" in text or "6" in text  # some misread letters
    assert len(text.splitlines()) == len(plan.text.splitlines())
    assert written.gold["source"]["diacritics"] == "restored"
    assert written.gold["document"] == plan.gold["document"]  # the gold keeps the diacritics
    validate_plan(written.gold)
    assert write_scan(plan, tmp_path / "q.txt", "txt-lossy", seed=6).path.read_text(encoding="utf-8") == text


def test_mixed_pdf_has_text_pages_then_scanned_pages(tmp_path, validate_plan):
    plan = generate_plan(3)
    written = write_scan(plan, tmp_path / "m.pdf", "pdf-mixed", "light", seed=3, dpi=LOW_DPI)
    validate_plan(written.gold)
    assert written.gold["source"]["text_origin"] == "mixed"
    n = written.pages
    layer = subprocess.run(["pdftotext", "-enc", "UTF-8", str(written.path), "-"], capture_output=True,
                           check=True).stdout.decode("utf-8").split("\f")[:n]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in layer[0]
    assert not layer[-1].strip()  # the signed pages are images only
    assert len(written.gold["pages"]) == n


def test_portrait_feed_turns_landscape_pages(plan, tmp_path):
    written = write_scan(plan, tmp_path / "p.tiff", "tiff", "clean", seed=1, dpi=LOW_DPI, portrait_feed=True)
    with Image.open(written.path) as im:
        sizes = []
        for i in range(im.n_frames):
            im.seek(i)
            sizes.append(im.size)
    assert all(w < h for w, h in sizes)  # every page comes out portrait
    assert written.rotations[0] == 0 and written.rotations[-1] == 90
    assert "turned" in written.gold["gold_meta"]["notes"]


def test_cli_reports_a_plan_that_cannot_be_written(tmp_path, capsys):
    # A mixed PDF needs two pages: a compact plan that fits on one fails alone, the batch exits 1.
    seed = next(s for s in range(50) if one_page_plan(s).seed == s)
    code = synth_cli(["--out", str(tmp_path / "raw"), "--gold", str(tmp_path / "gold"), "--size", "compact",
                      "--seed", str(seed), "--n", "1", "--formats", "txt,pdf-mixed", "--dpi", str(LOW_DPI)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"seed {seed} failed" in err and "two pages" in err
    assert (tmp_path / "raw" / f"synth_{seed:04d}_txt.txt").is_file()  # formats before the failure are written
