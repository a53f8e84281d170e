"""scripts.bench: floor/pipeline pairs alternate their order and the median pair is reported."""
from pathlib import Path

from scripts import bench


def _fake_runs(monkeypatch, floor_seconds, pipe_seconds):
    calls = []
    floors, pipes = iter(floor_seconds), iter(pipe_seconds)

    def run_floor(scans, jobs):
        calls.append("floor")
        return {"seconds": next(floors), "cpu_seconds": 10.0, "pages": 4}

    def run_pipeline(scans, jobs, extra=(), timeout=None):
        calls.append("pipeline")
        seconds = next(pipes)
        return {"seconds": seconds, "cpu_seconds": 12.0, "pages": 4, "doc_seconds": seconds - 1, "timeline": []}

    monkeypatch.setattr(bench, "run_floor", run_floor)
    monkeypatch.setattr(bench, "run_pipeline", run_pipeline)
    return calls


def test_pairs_alternate_and_median_is_reported(monkeypatch):
    calls = _fake_runs(monkeypatch, [10.0, 10.0, 10.0], [12.0, 20.0, 11.0])
    row = bench.measure_pairs([Path("a.pdf")], 1, rounds=3)
    assert calls == ["floor", "pipeline", "pipeline", "floor", "floor", "pipeline"]
    assert row["ratios"] == [1.2, 2.0, 1.1]
    assert row["ratio"] == 1.2  # the median, not the mean (1.43) nor the last draw
    assert row["pipeline"]["seconds"] == 12.0  # the row details come from the median pair
    assert row["pipeline_ppm"] == bench.ppm(4, 12.0)


def test_even_rounds_take_the_mean_of_the_middle_two():
    assert bench._median([1.1, 1.5, 1.2, 1.4]) == 1.3


def test_markdown_shows_the_spread_of_the_pairs(monkeypatch):
    _fake_runs(monkeypatch, [10.0] * 6, [12.0, 13.0, 11.0, 6.0, 7.0, 8.0])
    ocr = bench.bench_ocr([Path("a.pdf")], [1, 2], alt_languages="", rounds=3)
    text = bench.markdown({"ocr": ocr, "text": {}, "memory": {}, "text_jobs": 2})
    assert "time x1.2, median of 3 pairs 1.1-1.3" in text
    assert "scaling efficiency" in text
