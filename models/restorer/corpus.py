"""Training text for the restorer: corpus train splits, plan-register lines, gazetteer names."""
from __future__ import annotations

import gzip
import re
import sqlite3
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
# codification ids that open many Pháp điển lines: "Điều 33.3.TT.16.7." / "Điều 1.2.LQ.5."
CODIFICATION_ID = re.compile(r"^(?:Điều|Chương|Mục)\s+[0-9]+(?:\.[0-9A-Za-zĐđ]+)+\.?\s*")


def strip_codification(line: str) -> str:
    return CODIFICATION_ID.sub("", line)


def corpus_lines(corpus_dir: Path, split: str = "train", max_lines: int | None = None) -> Iterator[str]:
    """Lines of every `*.{split}.txt.gz`, interleaved file by file up to `max_lines` each."""
    files = sorted(Path(corpus_dir).glob(f"*.{split}.txt.gz"))
    if not files:
        raise FileNotFoundError(f"no *.{split}.txt.gz in {corpus_dir}")
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if max_lines is not None and i >= max_lines:
                    break
                line = strip_codification(line.strip())
                if line:
                    yield line


def plan_register_lines() -> list[str]:
    """Hand-written plan-register sentences (models/restorer/plan_register.txt)."""
    return [l.strip() for l in (HERE / "plan_register.txt").read_text(encoding="utf-8").splitlines() if l.strip()]


def gazetteer_lines() -> list[str]:
    """Administrative unit names, old (63 provinces, districts) and new (34 provinces), in phrases."""
    lines: set[str] = set()
    try:
        import vietnamadminunits

        db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        for prov, dist, ward, pshort in con.execute(
            "select province, district, ward, provinceShort from admin_units_legacy"
        ):
            if ward:
                lines.add(f"{ward}, {dist}, {prov}")
            lines.add(f"Ủy ban nhân dân {dist}, {prov}")
            lines.add(f"UBND {pshort}")
        for prov, ward in con.execute("select province, ward from admin_units"):
            lines.add(f"{ward}, {prov}")
            lines.add(f"Ủy ban nhân dân {ward}")
        con.close()
    except Exception:  # optional source: the vietnam_provinces package below still gives names
        pass
    try:
        from vietnam_provinces import Province, Ward

        for p in Province.iter_all():
            lines.add(f"Ủy ban nhân dân {p.name}")
            lines.add(f"Sở Nội vụ {p.name}")
        for w in Ward.iter_all():
            lines.add(f"Ủy ban nhân dân {w.name}")
    except Exception:
        pass
    return sorted(lines)
