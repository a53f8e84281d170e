"""`kehoach export`: batch folder -> documents/references/index_results/index_targets/tasks tables."""
from __future__ import annotations

import argparse
import json

import pandas as pd
import pytest

from extract.schema import (DocumentInfo, Evidence, IndexResult, IndexTarget, Issuer, Plan, Reference, Source,
                            Task)
from kehoach import export
from kehoach.errors import UsageError


def make_plan(name: str, n_refs: int, n_results: int, n_targets: int, n_tasks: int) -> dict:
    src = Source(file=f"in/{name}.pdf", sha256=name[0] * 64, media_type="application/pdf", pages=4,
                 text_origin="ocr", diacritics="restored")
    refs = [Reference(doc_type="Quyết định", number=f"{i}/QĐ-UBND", evidence=Evidence(page=1, text="Căn cứ"))
            for i in range(n_refs)]
    results = [IndexResult(index="PAR INDEX", year=2024, score=8.5 + i, rank=49, rank_total=63) for i in range(n_results)]
    targets = [IndexTarget(index="SIPAS", metric="percent", comparator=">=", value=80 + i) for i in range(n_targets)]
    tasks = [Task(source="table", id=f"1.{i}", lead=["Sở Nội vụ", "Văn phòng UBND tỉnh"],
                  partners=["Các cơ quan, đơn vị liên quan"], actions=["Tuyên truyền", "Kiểm tra"])
             for i in range(n_tasks)]
    doc = DocumentInfo(number=f"{name}/KH-UBND", title="Kế hoạch cải thiện Chỉ số PAR INDEX",
                       issuer=Issuer(name="Ủy ban nhân dân tỉnh Cao Bằng", level="province"), indices=["PAR INDEX", "SIPAS"])
    plan = Plan(source=src, document=doc, parent_plan=refs[0] if refs else None, references=refs,
                index_results=results, index_targets=targets, tasks=tasks, warnings=["w1"])
    return plan.to_json_dict()


@pytest.fixture
def batch_dir(tmp_path):
    out = tmp_path / "batch"
    out.mkdir()
    plans = {"a.json": make_plan("a", 2, 3, 2, 3), "b.json": make_plan("b", 1, 1, 1, 1),
             "c.json": make_plan("c", 5, 5, 5, 5)}
    for name, plan in plans.items():
        (out / name).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    manifest = [
        {"file": "in/a.pdf", "status": "ok", "output": "a.json"},
        {"file": "in/b.pdf", "status": "ok", "output": "b.json"},
        {"file": "in/c.pdf", "status": "ok", "output": "c.json"},
        {"file": "in/c.pdf", "status": "failed", "output": None},  # a failed retry keeps the old output
        {"file": "in/c.pdf", "status": "failed", "output": "c.json"},  # ...unless it names it: then c is out
    ]
    (out / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest) + '{"file": "torn')
    return out


def run_export(src, fmt, out):
    return export.main(argparse.Namespace(dir=str(src), format=fmt, out=str(out)))


EXPECTED_ROWS = {"documents": 2, "references": 3, "index_results": 4, "index_targets": 3, "tasks": 4}


def test_csv_joins_lists_and_counts_rows(batch_dir, tmp_path):
    assert run_export(batch_dir, "csv", tmp_path / "csv") == 0
    tables = {n: pd.read_csv(tmp_path / "csv" / f"{n}.csv", dtype=str, keep_default_na=False) for n in EXPECTED_ROWS}
    assert {n: len(t) for n, t in tables.items()} == EXPECTED_ROWS
    tasks = tables["tasks"]
    assert tasks["lead"].iloc[0] == "Sở Nội vụ; Văn phòng UBND tỉnh"
    assert list(tasks["position"]) == ["1", "2", "3", "1"]
    assert set(tasks["sha256"]) == {"a" * 64, "b" * 64}
    assert tables["documents"]["indices"].iloc[0] == "PAR INDEX; SIPAS"
    assert tables["documents"]["n_tasks"].tolist() == ["3", "1"]


def test_parquet_keeps_lists_and_types(batch_dir, tmp_path):
    assert run_export(batch_dir, "parquet", tmp_path / "pq") == 0
    tasks = pd.read_parquet(tmp_path / "pq" / "tasks.parquet")
    assert len(tasks) == 4 and list(tasks["partners"].iloc[0]) == ["Các cơ quan, đơn vị liên quan"]
    results = pd.read_parquet(tmp_path / "pq" / "index_results.parquet")
    assert results["score"].tolist() == [8.5, 9.5, 10.5, 8.5] and results["rank"].iloc[0] == 49
    assert {n: len(pd.read_parquet(tmp_path / "pq" / f"{n}.parquet")) for n in EXPECTED_ROWS} == EXPECTED_ROWS


def test_jsonl_rows_are_json_objects_with_lists(batch_dir, tmp_path):
    assert run_export(batch_dir, "jsonl", tmp_path / "jl") == 0
    rows = {n: [json.loads(line) for line in (tmp_path / "jl" / f"{n}.jsonl").read_text(encoding="utf-8").splitlines()]
            for n in EXPECTED_ROWS}
    assert {n: len(r) for n, r in rows.items()} == EXPECTED_ROWS
    assert rows["tasks"][0]["actions"] == ["Tuyên truyền", "Kiểm tra"]
    assert rows["references"][0]["evidence_page"] == 1 and rows["references"][0]["date"] is None
    assert rows["documents"][0]["issuer_name"] == "Ủy ban nhân dân tỉnh Cao Bằng"


def test_empty_tables_keep_their_columns(tmp_path):
    (tmp_path / "only.json").write_text(json.dumps(make_plan("f", 0, 0, 0, 0)))
    assert run_export(tmp_path, "parquet", tmp_path / "pq") == 0  # no manifest: every *.json
    tasks = pd.read_parquet(tmp_path / "pq" / "tasks.parquet")
    assert len(tasks) == 0 and "partners" in tasks.columns


def test_bad_json_is_reported_and_others_exported(tmp_path, capsys):
    (tmp_path / "good.json").write_text(json.dumps(make_plan("e", 1, 0, 0, 0)))
    (tmp_path / "bad.json").write_text('{"schema_ver')
    assert run_export(tmp_path, "csv", tmp_path / "csv") == 1
    assert "bad.json" in capsys.readouterr().err
    assert len(pd.read_csv(tmp_path / "csv" / "documents.csv")) == 1


def test_missing_folder_is_bad_usage(tmp_path):
    with pytest.raises(UsageError):
        run_export(tmp_path / "nope", "csv", tmp_path / "x")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError):
        run_export(tmp_path / "empty", "csv", tmp_path / "x")
