"""normalize_document: pages and offsets, furniture, and the diacritic restorer hook (present or not)."""
import sys
import types
from dataclasses import dataclass

import pytest

from kehoach.errors import MissingDependencyError
from normalize import NormalizeOptions, normalize_document
from ocr.types import DocumentText, PageText

STRIPPED = "UY BAN NHAN DAN\nTINH CAO BANG\nKE HOACH\nCai thien, nang cao cac Chi so nam 2025\n"


def _doc(*pages: str) -> DocumentText:
    return DocumentText(path="x.txt", media_type="text/plain",
                        pages=[PageText(number=i + 1, text=t, origin="plain_text") for i, t in enumerate(pages)])


def test_page_of_maps_offsets_to_source_pages():
    norm = normalize_document(_doc("Trang một có chữ.\n", "Trang hai hoà thuỷ.\n", "Trang ba."),
                              NormalizeOptions(restore="never"))
    assert [p.number for p in norm.pages] == [1, 2, 3]
    assert norm.page_of(norm.text.index("hai")) == 2
    assert norm.page_of(norm.text.index("ba.")) == 3
    assert "hòa thủy" in norm.page_text(2)


@dataclass
class _Result:
    text: str
    lines_restored: int
    lines_total: int


class _FakeRestorer:
    def restore_text(self, text, mode):
        out = text.replace("KE HOACH", "KẾ HOẠCH").replace("Cai thien", "Cải thiện")
        changed = sum(a != b for a, b in zip(text.split("\n"), out.split("\n")))
        return _Result(out, changed, len(text.split("\n")))


def _install_restore(monkeypatch, get_restorer):
    module = types.ModuleType("normalize.restore")
    module.get_restorer = get_restorer
    monkeypatch.setitem(sys.modules, "normalize.restore", module)


def test_restorer_used_line_by_line(monkeypatch):
    _install_restore(monkeypatch, lambda: _FakeRestorer())
    norm = normalize_document(_doc(STRIPPED))
    assert norm.diacritics == "restored"
    assert "KẾ HOẠCH\nCải thiện" in norm.text
    assert any("restored on 2 line" in w for w in norm.warnings)


def test_missing_model_degrades_to_warning(monkeypatch):
    def broken():
        raise MissingDependencyError("diacritic restorer model missing", "run make models")

    _install_restore(monkeypatch, broken)
    norm = normalize_document(_doc(STRIPPED))
    assert norm.diacritics == "present"
    assert "KE HOACH" in norm.text
    assert any("restorer not available" in w for w in norm.warnings)
    assert any("lost most of its diacritics" in w for w in norm.warnings)


def test_restorer_failure_on_a_page_keeps_the_page(monkeypatch):
    class Flaky(_FakeRestorer):
        def restore_text(self, text, mode):
            if "TRANG HAI" in text:
                raise RuntimeError("boom")
            return super().restore_text(text, mode)

    _install_restore(monkeypatch, lambda: Flaky())
    norm = normalize_document(_doc(STRIPPED, "TRANG HAI\nnoi dung"))
    assert "TRANG HAI" in norm.page_text(2)
    assert any(w.startswith("page 2: diacritic restoration failed") for w in norm.warnings)


def test_restore_never_skips_restorer(monkeypatch):
    _install_restore(monkeypatch, lambda: pytest.fail("restorer must not be loaded"))
    norm = normalize_document(_doc(STRIPPED), NormalizeOptions(restore="never"))
    assert norm.diacritics == "present"


def test_text_with_diacritics_has_no_lost_diacritics_warning():
    norm = normalize_document(_doc("Kế hoạch cải thiện các chỉ số năm 2025 của tỉnh."), NormalizeOptions(restore="never"))
    assert not any("lost" in w for w in norm.warnings)


def test_diacritics_flag_reports_the_source_not_a_few_touched_lines():
    """A normal Vietnamese text with a few mark-less short lines stays `present`; stripped text is `restored`."""
    from normalize import normalize_document
    from ocr.types import DocumentText, PageText

    clean = "\n".join(["Ủy ban nhân dân tỉnh ban hành Kế hoạch cải thiện các chỉ số năm 2025."] * 20
                      + ["TTHC.", "chí", "CV, HCTC, TTTT;"])
    stripped = "\n".join(["Uy ban nhan dan tinh ban hanh Ke hoach cai thien cac chi so nam 2025."] * 20)

    def doc(text):
        return DocumentText(path="x.txt", media_type="text/plain", pages=[PageText(1, text, "plain_text")])

    assert normalize_document(doc(clean)).diacritics == "present"
    assert normalize_document(doc(stripped)).diacritics == "restored"
