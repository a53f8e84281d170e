"""End to end: a generated plan's text through normalize + extract_plan, valid against the contract,
and `kehoach extract` on a text file."""
import json
import sys
import types
from dataclasses import dataclass

import pytest
from unidecode import unidecode

from extract import extract_plan
from extract.schema import Plan, Source
from kehoach.cli import main as cli_main
from normalize import NormalizeOptions, normalize_document
from ocr.types import DocumentText, PageText

SEED = 424242  # not a seed the rules were looked at on


def _plan(text: str):
    doc = DocumentText(path="g.txt", media_type="text/plain",
                       pages=[PageText(i + 1, t, "plain_text") for i, t in enumerate(text.split("\f"))])
    norm = normalize_document(doc, NormalizeOptions(restore="never"))
    return norm, extract_plan(norm)


@pytest.mark.parametrize("stripped", [False, True])
def test_generated_plan_end_to_end(validate_plan, stripped):
    from kehoach.synth.plan_text import generate_plan

    synth = generate_plan(SEED)
    text = unidecode(synth.text) if stripped else synth.text
    norm, ext = _plan(text)
    plan = Plan(source=Source(file="g.txt", sha256="0" * 64, media_type="text/plain", pages=len(norm.pages),
                              text_origin="plain_text", diacritics=norm.diacritics),
                document=ext.document, parent_plan=ext.parent_plan, references=ext.references,
                index_results=ext.index_results, index_targets=ext.index_targets, tasks=ext.tasks,
                warnings=ext.warnings)
    validate_plan(plan.to_json_dict())
    gold = synth.gold["document"]
    assert ext.document.number == gold["number"]
    assert ext.document.issue_date == gold["issue_date"]
    assert ext.document.issuer.level == gold["issuer"]["level"]
    assert ext.document.issuer.province == gold["issuer"]["province"]
    assert ext.document.indices == gold["indices"]
    assert [r.number for r in ext.references] == [r["number"] for r in synth.gold["references"]]
    assert all(r.evidence is not None and r.evidence.page for r in ext.references)


def test_missing_header_gives_nulls_and_warnings(validate_plan):
    _, ext = _plan("một đoạn văn không có gì.\n")
    d = ext.document
    assert (d.doc_type, d.number, d.title, d.issue_date, d.issuer.name, d.signer.position) == (None,) * 6
    assert ext.parent_plan is None and ext.references == []
    assert any("not found" in w for w in ext.warnings)


def test_cli_extract_text_file(tmp_path, capsys, validate_plan):
    from kehoach.synth.plan_text import generate_plan

    path = tmp_path / "plan.txt"
    path.write_bytes(generate_plan(SEED + 1).text.encode("utf-16"))
    assert cli_main(["extract", str(path), "--restore", "never", "--no-pages"]) == 0
    out = json.loads(capsys.readouterr().out)
    validate_plan(out)
    assert out["source"]["media_type"] == "text/plain" and out["document"]["doc_type"] == "Kế hoạch"
    assert any("utf-16" in w for w in out["warnings"])


def test_cli_extract_rejects_missing_file(tmp_path, capsys):
    assert cli_main(["extract", str(tmp_path / "nope.txt")]) == 4
    assert "no such file" in capsys.readouterr().err


@pytest.mark.slow
def test_stripped_plan_with_the_real_restorer(validate_plan):
    from kehoach.errors import MissingDependencyError
    from kehoach.synth.plan_text import generate_plan
    from normalize.restore import get_restorer

    try:
        get_restorer()
    except MissingDependencyError as exc:
        pytest.skip(str(exc))
    synth = generate_plan(SEED + 2)
    doc = DocumentText(path="s.txt", media_type="text/plain", pages=[PageText(1, unidecode(synth.text), "plain_text")])
    norm = normalize_document(doc, NormalizeOptions(restore="auto"))
    ext = extract_plan(norm)
    gold = synth.gold["document"]
    assert norm.diacritics == "restored"
    assert ext.document.issuer.name == gold["issuer"]["name"]
    assert ext.document.issue_place == gold["issue_place"]
    assert ext.document.number == gold["number"]
    assert [r.number for r in ext.references] == [r["number"] for r in synth.gold["references"]]


@dataclass
class _Restored:
    text: str
    lines_restored: int
    lines_total: int


def _fake_restorer(monkeypatch, replacements: dict[str, str]) -> None:
    """Install a `normalize.restore` whose restorer only applies `replacements` (as a bad model might)."""

    class Fake:
        def restore_text(self, text, mode):
            out = text
            for old, new in replacements.items():
                out = out.replace(old, new)
            changed = sum(a != b for a, b in zip(text.split("\n"), out.split("\n")))
            return _Restored(out, changed, text.count("\n") + 1)

    module = types.ModuleType("normalize.restore")
    module.get_restorer = lambda: Fake()
    monkeypatch.setitem(sys.modules, "normalize.restore", module)


def test_indices_survive_a_restorer_that_damages_acronyms(monkeypatch):
    _fake_restorer(monkeypatch, {"DTI": "ĐỦ", "KE HOACH": "KẾ HOẠCH"})
    text = "KE HOACH\nNang cao Chi so DTI va SIPAS nam 2025\n\nI. MUC DICH\nCai thien PAPI.\nII. NHIEM VU\n"
    doc = DocumentText(path="d.txt", media_type="text/plain", pages=[PageText(1, text, "plain_text")])
    norm = normalize_document(doc, NormalizeOptions(restore="auto"))
    assert norm.diacritics == "restored" and "ĐỦ" in norm.text
    assert extract_plan(norm).document.indices == ["DTI", "SIPAS", "PAPI"]


def test_reference_numbers_keep_their_printed_case_after_restoration(monkeypatch):
    _fake_restorer(monkeypatch, {"29-CTr/TU": "29-CTR/TƯ", "Can cu": "Căn cứ"})
    doc = DocumentText(path="d.txt", media_type="text/plain",
                       pages=[PageText(1, "Can cu Chuong trinh so 29-CTr/TU ngay 23/02/2025.\n", "plain_text")])
    ext = extract_plan(normalize_document(doc, NormalizeOptions(restore="auto")))
    assert [r.number for r in ext.references] == ["29-CTr/TU"]
