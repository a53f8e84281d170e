"""Rule outputs each dev batch met first: the extract/ code of the commit before the batch was
added, run on today's normalised text of the batch (old rules, today's reader and restorer).

    python -m scripts.result_first_contact --out /tmp/first_contact.json
    python -m scripts.result_first_contact --commit 16fc4cd --first 130 --last 139 --out /tmp/fresh.json

Batches committed together with the fixes they led to (dr_53-70 in 868e8e8, dr_89-92 in 14f02e2)
get the rules of the commit before: rules that never saw them, possibly older than the ones
measured at first contact. Writes {plan: {"batch", "commit", "results", "targets"}}.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from models.result_scorer.data import BATCH_STARTS, DEV_RAW, batch_of, dev_paths, plan_number

_DRIVER = r"""
import json, sys
from pathlib import Path
from models.result_scorer.data import normalised_text
from extract.results import extract_results_and_targets
out = {}
for path in sys.argv[1:]:
    r, t, _ = extract_results_and_targets(normalised_text(Path(path)))
    out[Path(path).stem] = {"results": [x.model_dump() for x in r], "targets": [x.model_dump() for x in t]}
print(json.dumps(out, ensure_ascii=False))
"""


def adding_commit(first_plan: int) -> str:
    path = next(p for p in DEV_RAW.glob(f"dr_{first_plan:02d}_*"))
    log = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", str(path)],
                         capture_output=True, text=True, check=True).stdout.split()
    return log[-1]


def outputs_at(treeish: str, paths: list[Path], root: Path) -> dict:
    """Rule outputs of the extract/ code of `treeish` (a commit, `<commit>^`) on `paths`."""
    tree = root / treeish.replace("^", "_parent")
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", treeish, "extract"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    env_path = f"{tree}:{Path.cwd().resolve()}"
    # run inside the old tree: `python -c` puts the working directory first on sys.path
    done = subprocess.run([sys.executable, "-c", _DRIVER, *(str(p.resolve()) for p in paths)], cwd=tree,
                          capture_output=True, text=True,
                          env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    if done.returncode:
        raise RuntimeError(f"rules of {treeish} failed: {done.stderr[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--commit", help="one fresh batch: the rules of this commit (the one that added the batch)")
    ap.add_argument("--first", type=int, default=130)
    ap.add_argument("--last", type=int, default=139)
    args = ap.parse_args(argv)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.commit:
            paths = dev_paths(args.first, args.last)
            for name, items in outputs_at(args.commit, paths, Path(tmp)).items():
                out[name] = {"batch": "fresh", "commit": args.commit, **items}
            args.out.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
            return 0
        for start in BATCH_STARTS[:-1]:
            paths = [p for p in dev_paths() if batch_of(plan_number(p)) == batch_of(start)]
            commit = adding_commit(start)
            for name, items in outputs_at(f"{commit}^", paths, Path(tmp)).items():
                out[name] = {"batch": batch_of(start), "commit": commit[:10] + "^", **items}
            print(f"{batch_of(start)}: rules of {commit[:10]}^", file=sys.stderr)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
