"""`kehoach doctor` and the shared dependency checks (no Tesseract run: PATH lookups are faked)."""
from __future__ import annotations

import shutil

import pytest

from kehoach import doctor
from kehoach.cli import main as cli_main
from kehoach.errors import ExitCode, MissingDependencyError
from ocr._exec import deps


@pytest.fixture
def no_cache(monkeypatch):
    monkeypatch.setattr(deps, "_INFO_CACHE", {})


def _hide(monkeypatch, *names):
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda n, *a, **k: None if n in names else real(n, *a, **k))


def test_apt_line_maps_programs_and_models_to_packages():
    assert deps.apt_line("tesseract", "vie", "pdftoppm", "pdfinfo") == (
        "sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"
    )


def test_missing_program_raises_with_the_install_line(monkeypatch, no_cache):
    _hide(monkeypatch, "tesseract")
    with pytest.raises(MissingDependencyError) as err:
        deps.require_tesseract("vie")
    assert err.value.exit_code == ExitCode.missing_dependency
    assert "sudo apt-get install tesseract-ocr" in err.value.advice


def test_missing_language_model_names_its_package(monkeypatch, no_cache):
    info = deps.TesseractInfo("/usr/bin/tesseract", (5, 3, 0), "5.3.0", ("eng", "osd"))
    monkeypatch.setattr(deps, "tesseract_info", lambda binary="tesseract": info)
    with pytest.raises(MissingDependencyError, match="vie") as err:
        deps.require_tesseract("vie+Vietnamese")
    assert err.value.advice.endswith("tesseract-ocr-vie tesseract-ocr-script-viet")


def test_old_tesseract_is_refused(monkeypatch):
    info = deps.TesseractInfo("/usr/bin/tesseract", (4, 0, 0), "4.0.0", ("vie", "osd"))
    monkeypatch.setattr(deps, "tesseract_info", lambda binary="tesseract": info)
    with pytest.raises(MissingDependencyError, match="too old"):
        deps.require_tesseract("vie")


def test_doctor_exits_3_and_prints_apt_line_when_poppler_is_missing(monkeypatch, capsys, no_cache):
    _hide(monkeypatch, "pdftoppm", "pdftotext", "pdfinfo")
    assert cli_main(["doctor"]) == ExitCode.missing_dependency
    out = capsys.readouterr().out
    assert "pdftoppm" in out and "MISSING" in out
    assert "sudo apt-get install poppler-utils" in out


@pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                    reason="needs the system dependencies installed")
def test_doctor_on_this_machine_reports_tesseract_version(capsys, no_cache):
    checks = {c.name: c for c in doctor.run_checks()}
    assert checks["tesseract"].ok and checks["tesseract"].detail.startswith("tesseract ")
    code = cli_main(["doctor"])
    out = capsys.readouterr().out
    assert code in (ExitCode.ok, ExitCode.missing_dependency)
    assert "tesseract model vie" in out


def test_no_in_process_engine_is_a_note_not_a_failure(monkeypatch, capsys):
    from ocr._exec import tesslib

    monkeypatch.setattr(tesslib, "unavailable", lambda languages: "tesserocr cannot be imported (no module)")
    monkeypatch.setattr(tesslib, "not_installed", lambda: True)
    check = doctor._in_process_engine("vie")
    assert not check.ok and not check.required and check.pip == "tesserocr"
    assert "the tesseract program reads the pages" in check.detail
    monkeypatch.setattr(doctor, "run_checks", lambda: [doctor.Check("tesseract", True, "5.3.0"), check])
    assert cli_main(["doctor"]) == ExitCode.ok
    out = capsys.readouterr().out
    assert "missing (optional)" in out and "pip install tesserocr" in out


def test_a_model_tesserocr_cannot_load_gets_no_pip_hint(monkeypatch):
    from ocr._exec import tesslib

    monkeypatch.setattr(tesslib, "unavailable", lambda languages: "tesserocr could not load the language model(s) xyz")
    monkeypatch.setattr(tesslib, "not_installed", lambda: False)
    check = doctor._in_process_engine("xyz")
    assert not check.ok and check.pip is None


def test_tesseract_info_knows_where_the_program_reads_its_models(no_cache):
    if shutil.which("tesseract") is None:
        pytest.skip("needs tesseract")
    assert deps.tesseract_info().tessdata.rstrip("/").endswith("tessdata")
