"""Rebuilding the restorer model (quick mode) on a tiny generated corpus, and its parts."""
from __future__ import annotations

import gzip
import json
import random
import shutil

import numpy as np
import pytest

from models.restorer import kn
from models.restorer.build import parse_args, build
from models.restorer.corpus import strip_codification
from models.restorer.scan_sim import align_tokens
from normalize.restore.channel import Channel, default_table
from normalize.restore.syllables import apply_case, lm_tokens, normalize_tone

SUBJECTS = ["Sở Nội vụ", "Ủy ban nhân dân tỉnh", "Văn phòng", "Các cơ quan, đơn vị", "Phòng Tư pháp"]
VERBS = ["chủ trì", "phối hợp", "theo dõi", "báo cáo", "triển khai"]
OBJECTS = ["việc thực hiện kế hoạch", "công tác cải cách hành chính", "thủ tục hành chính", "kết quả chỉ số"]


def _tiny_corpus(folder, n=400, seed=3):
    rng = random.Random(seed)
    lines = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} năm {rng.randint(2019, 2026)}."
             for _ in range(n)]
    with gzip.open(folder / "tiny.train.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def test_kn_distributions_sum_to_one():
    rng = np.random.default_rng(0)
    V = 12
    seq = rng.integers(4, V, size=3000)
    a = np.concatenate([[0, 0], seq, [1]]).astype(np.int64)
    keys = (a[:-2] << (2 * kn.SHIFT)) | (a[1:-1] << kn.SHIFT) | a[2:]
    model = kn.estimate(keys, V, min_trigram_count=1)
    for u, v in [(0, 0), (5, 7), (9, 4), (3, 3)]:
        total = sum(np.exp(kn.logprob(model, u, v, w)) for w in range(V))
        assert abs(total - 1.0) < 1e-6, (u, v, total)


def test_channel_alignment_learns_ocr_segments():
    ch = Channel(default_table())
    score, ops = ch.align("ctia", "của", want_path=True)
    assert ops == [("c", "c"), ("ủ", "ti"), ("a", "a")]
    assert ch.score("cua", "của") > ch.score("cua", "cưa") - 5  # both plausible, neither forbidden
    assert align_tokens("Chỉ số cải cách", "Chi s6 cai cach") == [
        ("Chi", "Chỉ"), ("s6", "số"), ("cai", "cải"), ("cach", "cách")]


def test_training_text_cleaning():
    assert strip_codification("Điều 33.3.TT.16.7. Phạm vi điều chỉnh") == "Phạm vi điều chỉnh"
    assert strip_codification("Điều 5. Phạm vi") == "Điều 5. Phạm vi"
    assert lm_tokens("Theo Quyết định số 57-NQ/TW, Uỷ ban") == ["theo", "quyết", "định", "số", "<num>", ",", "ủy", "ban"]
    assert normalize_tone("hoà") == "hòa" and normalize_tone("thuỷ") == "thủy" and normalize_tone("hoàn") == "hoàn"


def test_casing_follows_the_observed_token():
    assert apply_case("KE", "kế") == "KẾ" and apply_case("Pé", "đề") == "Đề" and apply_case("ke", "kế") == "kế"
    assert apply_case("Iy", "lý") == "lý"  # I was an OCR misreading of l, not a capital


@pytest.mark.slow
def test_quick_build_on_tiny_corpus(tmp_path):
    _tiny_corpus(tmp_path)
    out = tmp_path / "model"
    ocr_pages = 1 if shutil.which("tesseract") else 0
    meta = build(parse_args(["--corpus", str(tmp_path), "--out", str(out), "--quick", "--ocr-pages", str(ocr_pages)]))
    assert meta["vocab"] > 50 and meta["trigrams"] > 50
    if ocr_pages:
        assert json.loads((out / "channel.json").read_text())["pairs"] > 50
    from normalize.restore import get_restorer

    r = get_restorer(out)
    assert r.restore_line("So Noi vu chu tri viec thuc hien ke hoach") == "Sở Nội vụ chủ trì việc thực hiện kế hoạch"


def test_hashed_tables_match_reference_backoff(tmp_path):
    """The decoder's hash-table lookups give the KN model's log-probs (to quantisation)."""
    from models.restorer.build import save_lm
    from normalize.restore.decoder import LanguageModel

    rng = np.random.default_rng(1)
    V = 40
    seq = rng.integers(4, V, size=5000) // rng.integers(1, 3, size=5000) + 4
    seq = np.minimum(seq, V - 1)
    a = np.concatenate([[0, 0], seq, [1]]).astype(np.int64)
    keys = (a[:-2] << (2 * kn.SHIFT)) | (a[1:-1] << kn.SHIFT) | a[2:]
    model = kn.estimate(keys, V, min_trigram_count=2)
    save_lm(model, tmp_path)
    lm = LanguageModel(tmp_path / "lm.npz")
    for u, v, w in rng.integers(0, V, size=(300, 3)):
        ref = 1000 * kn.logprob(model, int(u), int(v), int(w))
        assert abs(lm.logprob(int(u), int(v), int(w)) - ref) <= 2.0, (u, v, w)
