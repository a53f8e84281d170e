"""What a batch of synthetic plans covers: `python -m kehoach.synth.stats --n 200`."""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from kehoach.synth.plan_text import generate_plan


def summarize(n: int, start: int = 0, size: str = "normal") -> dict:
    levels, indices, metrics = Counter(), Counter(), Counter()
    totals = Counter()
    t0 = time.perf_counter()
    for seed in range(start, start + n):
        g = generate_plan(seed, size=size).gold
        doc = g["document"]
        levels[doc["issuer"]["level"]] += 1
        indices.update(doc["indices"])
        metrics.update(t["metric"] for t in g["index_targets"])
        totals["parent"] += g["parent_plan"] is not None
        totals["period plans"] += doc["period"]["from_year"] != doc["period"]["to_year"]
        totals["references"] += len(g["references"])
        totals["results"] += len(g["index_results"])
        totals["results with scope"] += sum(r["scope"] is not None for r in g["index_results"])
        totals["targets"] += len(g["index_targets"])
        totals["table tasks"] += sum(t["source"] == "table" for t in g["tasks"])
        totals["body tasks"] += sum(t["source"] == "body" for t in g["tasks"])
    seconds = time.perf_counter() - t0
    return {"plans": n, "seconds": seconds, "levels": levels, "indices": indices, "target metrics": metrics,
            "totals": totals}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kehoach.synth.stats", description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--size", default="normal", choices=["compact", "normal", "long"])
    args = parser.parse_args(argv)
    s = summarize(args.n, args.start, args.size)
    n = s["plans"]
    print(f"{n} plans (seeds {args.start}..{args.start + n - 1}, size {args.size}) generated in {s['seconds']:.2f} s")
    print("issuer levels:", dict(sorted(s["levels"].items())))
    print("indices in title/objectives:", dict(sorted(s["indices"].items())))
    print("target metrics:", dict(sorted(s["target metrics"].items())))
    for key, value in s["totals"].items():
        print(f"{key}: {value} ({value / n:.2f} per plan)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
