"""Number candidates of a plan's normalised text and the features the result scorer reads.

A candidate is one printed number expression: `87,46`, `24/63`, `82,91%`, `0,5318`, `2024`.
Its value is the first number (`24` of `24/63`); the `/63` and `%` are part of its shape.
Everything is read on the folded text (`extract.patterns.fold`: same length as the original),
so the features are the same for text with diacritics, stripped text and English-model OCR.
Features are plain strings (one-hot), so the model is a dict of weights (see `scorer.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.indices import find_index_mentions
from extract.patterns import fold

# `87,46`, `24 / 63`, `82,91 %`, `0,5318`, `612,5/1000`; not a digit glued to a letter (`QĐ-UBND`)
_CANDIDATE = re.compile(r"(?<![\w.,/])(\d{1,4}(?:[.,]\d{1,4})?)(?:\s?/\s?(\d{1,4}(?:[.,]\d{1,2})?))?(?:\s?(%))?(?![\w/])")
_WORD = re.compile(r"[a-z]+|[%/()≥≤<>:;|+\-]")
_SENTENCE_END = re.compile(r"[.;!?]\s|\n\s*\n|\n\s*[-+•*]\s|\n\s*[a-z0-9]{1,3}[.)]\s")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_UNIT_WORDS = ("tinh", "thanh pho", "huyen", "thi xa", "quan", "xa", "phuong", "thi tran", "so", "khoi")
# Cue groups searched in the clause before the number (and the few words after it).
CUES: dict[str, tuple[str, ...]] = {
    "compare": ("so voi", "cao hon", "thap hon", "hon so", "vuot"),
    "average": ("trung binh", "binh quan", "ca nuoc", "toan quoc", "cac tinh", "63 tinh"),
    "in_turn": ("lan luot",),
    "former": ("(cu)",),
    "other_unit": ("trong khi", "dung sau", "dan dau", "dung dau", "xep sau"),
    "goal": ("phan dau", "muc tieu", "chi tieu", "duy tri", "it nhat", "toi thieu", "tro len", "bao dam",
             "dam bao", "khong thap hon", "nam trong nhom", "thuoc nhom", "top"),
    "achieved": ("dat", "voi", "dung thu", "xep thu", "xep hang", "vi tri", "hang"),
    "change": ("tang", "giam", "tut", "chenh lech", "bac"),
    "share": ("can bo", "ho so", "thu tuc", "truc tuyen", "so hoa", "nguoi dan", "cong chuc"),
    "doc_ref": ("quyet dinh", "ke hoach so", "cong van", "nghi quyet", "thong tu", "so:", "ngay"),
}


@dataclass
class Candidate:
    start: int  # offsets in the document text
    end: int
    value: float
    total: float | None  # the `/63` of `24/63`
    percent: bool


def parse(raw: str) -> float:
    return float(raw.replace(",", "."))


def candidates(text: str) -> list[Candidate]:
    folded = fold(text)
    out = []
    for m in _CANDIDATE.finditer(folded):
        total = parse(m.group(2)) if m.group(2) else None
        out.append(Candidate(m.start(), m.end(), parse(m.group(1)), total, bool(m.group(3))))
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e:g}"
    return f">{edges[-1]:g}"


def _shape(c: Candidate, raw: str, after: str) -> list[str]:
    f = []
    decimals = len(raw.split(",")[1]) if "," in raw else len(raw.split(".")[1]) if "." in raw else 0
    f.append(f"dec={min(decimals, 3)}")
    f.append("sep=" + ("comma" if "," in raw else "dot" if "." in raw else "none"))
    f.append("val=" + _bucket(c.value, (1, 10, 20, 63, 100, 1000)))
    if _YEAR.fullmatch(raw):
        f.append("year_like")
    if c.percent:
        f.append("pct")
    if c.total is not None:
        f.append("total=" + ("63" if c.total == 63 else "100" if c.total == 100 else "10" if c.total == 10
                             else "1" if c.total == 1 else _bucket(c.total, (20, 62, 200))))
        f.append("over_total" if c.value > c.total else "within_total")
    if raw.startswith("0") and len(raw) > 1 and raw[1].isdigit():
        f.append("lead_zero")
    if re.match(r"\s*/\s*\d", after) or re.match(r"\s*[-–]\s*[a-z]", after):
        f.append("code_or_date")
    return f


def _clause_start(folded: str, at: int, limit: int = 300) -> int:
    lo = max(0, at - limit)
    ends = [m.end() for m in _SENTENCE_END.finditer(folded, lo, at)]
    return ends[-1] if ends else lo


def _clause_end(folded: str, at: int, limit: int = 200) -> int:
    m = _SENTENCE_END.search(folded, at, min(len(folded), at + limit))
    return m.start() if m else min(len(folded), at + limit)


def _line(text: str, at: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return lo, len(text) if hi < 0 else hi


def document_context(text: str) -> dict:
    """What features of every candidate share: folded text, index mentions, the candidates."""
    return {"folded": fold(text), "mentions": find_index_mentions(text), "cands": candidates(text)}


def features(text: str, ctx: dict, i: int) -> list[str]:
    """The one-hot features of candidate `i` of `ctx['cands']`."""
    folded, c = ctx["folded"], ctx["cands"][i]
    raw = folded[c.start:c.end].split("/")[0].replace("%", "").strip()
    after = folded[c.end:c.end + 40]
    f = _shape(c, raw, after)
    lo = _clause_start(folded, c.start)
    hi = _clause_end(folded, c.end)
    left = _words(folded[max(lo, c.start - 80):c.start])
    right = _words(after)
    for k, w in enumerate(reversed(left[-3:]), 1):
        f.append(f"l{k}={w}")
    f += [f"lbag={w}" for w in set(left[-8:-3])]
    if len(left) >= 2:
        f.append(f"l21={left[-2]}_{left[-1]}")
    for k, w in enumerate(right[:2], 1):
        f.append(f"r{k}={w}")
    f += [f"rbag={w}" for w in set(right[2:6])]
    clause_before, clause_after = folded[lo:c.start], folded[c.end:hi]
    for group, cues in CUES.items():
        if any(q in clause_before for q in cues):
            f.append(f"cue_before={group}")
        if any(q in clause_after[:60] for q in cues):
            f.append(f"cue_after={group}")
    f += _index_features(folded, ctx["mentions"], c, lo)
    f += _year_features(folded, c, lo, hi)
    f += _row_features(text, ctx["cands"], i)
    return f


def _index_features(folded: str, mentions, c: Candidate, clause_lo: int) -> list[str]:
    before = [m for m in mentions if m[2] <= c.start]
    f = []
    if not before:
        f.append("no_index_before")
    else:
        name, s, e = before[-1]
        gap = c.start - e
        f.append("index=" + name.replace(" ", "_"))
        f.append("index_dist=" + _bucket(gap, (20, 60, 150, 400, 1500)))
        f.append("index_in_clause" if s >= clause_lo else "index_out_of_clause")
        between = folded[e:c.start]
        if gap < 400:
            for u in _UNIT_WORDS:
                if re.search(rf"\b{u}\b", between):
                    f.append(f"unit_between={u.replace(' ', '_')}")
            n_between = len(_CANDIDATE.findall(between))
            f.append("nums_between=" + _bucket(n_between, (0, 1, 3)))
    after = [m for m in mentions if m[1] >= c.end and m[1] - c.end < 40]
    if after:
        f.append("index_right_after")
    return f


def _year_features(folded: str, c: Candidate, lo: int, hi: int) -> list[str]:
    f = []
    years_before = list(_YEAR.finditer(folded, lo, c.start))
    if years_before:
        f.append("year_in_clause_before")
        prev = folded[max(lo, years_before[-1].start() - 12):years_before[-1].start()]
        if "so voi" in prev or "hon" in prev:
            f.append("last_year_compared")
    if _YEAR.search(folded, c.end, hi):
        f.append("year_in_clause_after")
    return f


def _row_features(text: str, cands: list[Candidate], i: int) -> list[str]:
    c = cands[i]
    lo, hi = _line(text, c.start)
    in_line = [k for k, o in enumerate(cands) if lo <= o.start < hi]
    pos = in_line.index(i)
    f = ["line_nums=" + _bucket(len(in_line), (1, 2, 4))]
    line = text[lo:hi]
    if "|" in line or "\t" in line:
        f.append("table_line")
    if pos == 0 and re.match(r"\s*\d{1,2}\.?\s", line) and text[lo:c.start].strip() == "":
        f.append("row_number")
    f.append("pos_in_line=" + ("first" if pos == 0 else "last" if pos == len(in_line) - 1 else "mid"))
    return f
