"""Index results and targets stated in sentences.

`Chỉ số PAR Index của tỉnh năm 2022 đạt 85,95/100 điểm, xếp thứ 28/63` (result),
`phấn đấu Chỉ số SIPAS đạt 80% trở lên` (target), `xếp hạng 80 - 85/124 xã, phường` (rank target),
`bảo đảm trên 90% người dân ... hài lòng` (SIPAS percent target, no index named).

Patterns run on folded text (see extract.numbers) so they also match English-model OCR
(`dat 85,95/100 diém, xép thir 28/63`). Each index mention owns the text up to the next mention
or the end of its sentence; values found there belong to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.components import index_mentions, match_component
from extract.numbers import NUMBER, YEAR, comparator_near, fold, parse_number
from extract.schema import Evidence, IndexResult, IndexTarget

_N = rf"({NUMBER})"
_DAT = r"(?:dat|dqt|dat duoc)"
_DIEM = r"d[i1l]\S?e?m"
_AT = r"(?:o\s+)?"  # `đứng (ở) vị trí thứ`
_RANK_VERB = (rf"(?:(?:x\S{{0,2}}p|d\S{{1,3}}g)\s+{_AT}(?:hang(?:\s+th\S{{0,3}})?|vi\s+tri(?:\s+th\S{{0,3}})?"
              rf"|vi\s+th\S{{0,3}}|th\S{{0,3}})|hang)")

VALUE_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("rank_range", re.compile(rf"{_RANK_VERB}\s+(?:tu\s+)?(\d{{1,3}})\s?(?:-|den)\s?(\d{{1,3}})\s?/\s?(\d{{1,3}})")),
    ("rank", re.compile(rf"{_RANK_VERB}\s+(?:tu\s+)?(\d{{1,3}})\s?/\s?(\d{{1,3}})\b")),
    ("score", re.compile(rf"{_DAT}\s+(?:tu\s+|tren\s+|toi thieu\s+|it nhat\s+)?{_N}(?:\s?/\s?{_N})?\s*{_DIEM}")),
    ("score_frac", re.compile(rf"{_DAT}\s+{_N}\s?/\s?{_N}(?!\s*\d)")),
    ("percent_range", re.compile(rf"(?:tu\s+){_N}\s?%?\s*(?:den|-)\s*{_N}\s?%")),
    ("percent", re.compile(rf"(?:{_DAT}|ty\s*l\S|tren|toi thieu|it nhat)\s+(?:tu\s+)?{_N}\s?%")),
    ("rank_increase", re.compile(r"tang\s+(it nhat\s+|tu\s+|toi thieu\s+|tren\s+)?(\d{1,2})\s+b\S?c\b")),
    ("score_bare", re.compile(rf"(?:\bla\s+|\b1a\s+|\b1[34]\s+)?{_N}\s?/\s?{_N}\s*{_DIEM}")),
)
_SATISFACTION = re.compile(rf"(?:tren|toi thieu|it nhat|dat|tu)?\s*{_N}\s?%\s*(?:tro len\s*)?(?:so\s+)?"
                           r"(?:nguoi dan|to chuc|ca nhan|doanh nghiep)[^.;%]{0,90}?hai long")
# `Mức độ hài lòng năm 2025 đạt 80% trở lên đối với các yếu tố: (1) ...` (no index named).
_SATISFACTION_LEVEL = re.compile(rf"(?:muc do|ty le) hai long[^.;%\n]{{0,60}}?(?:dat|tren|toi thieu|it nhat)\s+(?:tu\s+)?{_N}\s?%")
_TARGET_CUES = ("phan dau", "muc tieu", "bao dam", "dam bao", "chi tieu", "du kien", "ke hoach dat", "nham dat")
_BREAKDOWN = re.compile(r"trong\s+d\S")  # `trong đó điểm thẩm định đạt 58,72/67`: a part, not the index
_SCOPE = re.compile(r"\b((?:tinh|thanh pho|huyen|thi xa|xa|phuong)\s+[^\s(,;.]+(?:\s+[^\s(,;.]+){0,3})\s*\((?:cu|cii|cu\.)\)")
_LIST_AFTER = re.compile(r"\s*(?:tr\S\s*[l1]en\s*)?d\S{1,2}\s+v\S{1,3}\s+(?:cac|moi)\s+[^:.;]{0,40}:")


@dataclass
class _Value:
    kind: str
    start: int
    end: int
    nums: tuple


def _sentence_end(folded: str, start: int, limit: int) -> int:
    m = re.compile(r"\.\s+(?=[a-z0-9])|\.\s*$|\n\s*[-+•]\s|\f|\n\s*(?:[ivx]+|\d+(?:\.\d+)*)\.\s").search(folded, start, limit)
    return m.start() if m else limit


def _years(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(offset, year) of `năm YYYY` in [lo, hi), leaving out comparisons (`so với năm 2023`)."""
    out = []
    for m in re.finditer(rf"n\S{{0,2}}m\s+({YEAR})", folded[lo:hi]):
        s = lo + m.start()
        if re.search(r"so\s+v\S{1,3}\s*$", folded[max(0, s - 10):s]):
            continue
        out.append((s, int(m.group(1))))
    return out


def _closed_parens(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans, stack = [], []
    for i in range(lo, hi):
        if folded[i] == "(":
            stack.append(i)
        elif folded[i] == ")" and stack:
            spans.append((stack.pop(), i))
    return spans


def _year_before(folded, pos, lo, back_lo) -> Optional[int]:
    """Nearest `năm YYYY` before `pos`, skipping parentheses closed before it (`(năm 2023 đạt ...)`)."""
    closed = _closed_parens(folded, back_lo, pos)
    ys = [y for s, y in _years(folded, back_lo, pos) if not any(a < s < b for a, b in closed)]
    return ys[-1] if ys else None


def _sentence_start(folded: str, ms: int) -> int:
    lo = max(0, ms - 600)
    cut = [m.end() for m in re.finditer(r"\.\s+(?=[a-z])|\f", folded[lo:ms])]
    return lo + cut[-1] if cut else lo


def _paragraph_start(folded: str, pos: int) -> int:
    lo = max(0, pos - 900)
    cut = [m.end() for m in re.finditer(r"\n\s*\n(?=\s*[a-z(])|\f|\n\s*(?:[a-z]\)|\d+\.)\s", folded[lo:pos])]
    return lo + cut[-1] if cut else lo


def _inner_end(folded: str, ms: int, sent_start: int, end: int) -> int:
    """A mention inside parentheses owns the text up to the closing parenthesis only."""
    depth = 0
    for ch in folded[sent_start:ms]:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
    if depth <= 0 or re.match(r"[a-z -]{0,12}\)", folded[ms:ms + 14]) and folded[max(0, ms - 2):ms].strip() == "(":
        return end  # `(DTI)` naming the index just spelled out is not a parenthetical remark
    close = folded.find(")", ms, end)
    return close if close > 0 else end


def _year_after(folded, pos, hi) -> Optional[int]:
    ys = _years(folded, pos, min(hi, pos + 80))
    return ys[0][1] if ys else None


def _blank_table_rows(text: str) -> str:
    """Rows of ` | ` tables are read as tables, not as sentences: blank them (offsets kept)."""
    return re.sub(r"(?m)^[^\n]*\|[^\n]*\|[^\n]*$", lambda m: " " * len(m.group(0)), text)


def prose_values(doc_text: str, page_of=None) -> tuple[list[IndexResult], list[IndexTarget], list[str]]:
    doc_text = _blank_table_rows(doc_text)
    folded = fold(doc_text)
    mentions = index_mentions(folded)
    own = own_units(doc_text)
    goals = goal_spans(folded)
    results: list[IndexResult] = []
    targets: list[IndexTarget] = []
    for k, (ms, me, index) in enumerate(mentions):
        sent_start = _sentence_start(folded, ms)
        # only mentions within reach of this one matter; scanning all of them is quadratic in pages
        near = [a for a, _, _ in mentions[k + 1:] if a < me + 420]
        inner = [(a, _inner_end(folded, a, sent_start, len(folded))) for a in near]
        inner = [(a, b) for a, b in inner if b < len(folded)]
        nxt = next((a for a, _, _ in mentions[k + 1:] if not any(x == a for x, _ in inner)), len(folded))
        end = _sentence_end(folded, me, min(nxt, me + 420))
        end = _inner_end(folded, ms, sent_start, end)
        values = [v for v in _find_values(folded, me, end) if not any(a <= v.start <= b for a, b in inner)]
        current: dict = {}
        for v in values:
            before = folded[max(ms, v.start - 60):v.start]
            if _BREAKDOWN.search(folded[me:v.start]) and v.kind != "rank":
                continue
            ev = Evidence(page=page_of(v.start) if page_of else None,
                          text=" ".join(doc_text[max(ms, v.start - 80):v.end + 20].split()))
            if _is_target(folded, v, before, ms, goals):
                targets.extend(_targets(folded, doc_text, v, index, end, ev))
                continue
            if v.kind == "rank_increase":  # `tăng 04 bậc so với năm 2023`: a change, not a result
                continue
            inner = _inner_end(folded, ms, sent_start, len(folded)) < len(folded)
            # a year stated earlier in the paragraph still holds (`Năm 2024, ... Chỉ số ... đạt`)
            year = _year_before(folded, v.start, ms, sent_start) or _year_before(
                folded, v.start, ms, _paragraph_start(folded, sent_start))
            # an index inside parentheses shares the unit of the sentence around it
            scope = scope_of(doc_text, folded, sent_start if inner else max(sent_start, ms - 40), v.start, own)
            current = _add_result(results, current, v, index, year, scope, ev)
    targets.extend(_satisfaction_targets(doc_text, folded, targets, page_of))
    default_year = title_year(folded)
    for t in targets:
        if t.year is None and default_year:  # `... giai đoạn 2026 - 2030` in the title: the goals' horizon
            t.year = default_year
    return results, targets, []


def title_year(folded: str) -> Optional[int]:
    """The last year named in the title under `KẾ HOẠCH` (`năm 2025`, `giai đoạn 2026 - 2030`)."""
    m = re.search(r"^\s*k\S{0,2}\s*ho\S{0,2}ch\s*$", folded[:3000], re.M)
    if not m:
        return None
    title = "\n".join(folded[m.end():m.end() + 400].strip().split("\n")[:3])
    years = [int(y) for y in re.findall(YEAR, title)]
    return years[-1] if years else None


def _find_values(folded: str, lo: int, hi: int) -> list[_Value]:
    found: list[_Value] = []
    for kind, rx in VALUE_PATTERNS:
        for m in rx.finditer(folded, lo, hi):
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            found.append(_Value(kind, m.start(), m.end(), m.groups()))
    return sorted(found, key=lambda v: v.start)


_GOALS_HEADING = re.compile(r"^\s*(?:[ivx]{1,4}|\d{1,2})\.\s*m\S{1,2}c\s+ti\S{1,3}u\b[^\n]*$", re.M)
_NEXT_ROMAN = re.compile(r"^\s*[ivx]{1,4}\.\s", re.M)


def goal_spans(folded: str) -> list[tuple[int, int]]:
    """Text under `II. MỤC TIÊU` (or `2. Mục tiêu cụ thể`): what it states are targets."""
    spans = []
    for m in _GOALS_HEADING.finditer(folded):
        nxt = _NEXT_ROMAN.search(folded, m.end())
        spans.append((m.end(), nxt.start() if nxt else len(folded)))
    return spans


def _is_target(folded: str, v: _Value, before: str, ms: int, goals=()) -> bool:
    if v.kind in ("rank_range", "percent_range"):
        return True
    if v.kind != "rank_increase" and any(a <= v.start < b for a, b in goals):
        return True
    if re.match(r"(?:\S+\s+)?(?:tren|toi thieu|it nhat|tu)\s", folded[v.start:v.end]):
        return True
    after = folded[v.end:v.end + 12]
    if re.match(r"\s*%?\s*tr[o0d]\s*[l1]en", after):
        return True
    window = folded[max(0, ms - 60):v.start]
    return any(c in window for c in _TARGET_CUES) or bool(re.search(r"(?:tren|toi thieu|it nhat|tu)\s*$", before[-20:]))


_OF_UNIT = re.compile(r"\bc\S{1,3}a\s+((?:tinh|thanh pho|huyen|thi xa|quan|xa|phuong)\s+)(?=\S)")


def own_units(doc_text: str) -> set[str]:
    """Folded names of the issuer's own unit: the lowest unit in the header and the place of issue.
    Results `của` another unit (the province above a district, a former province) carry a scope."""
    head = fold(doc_text[:700])
    so = re.search(r"^\s*s\S?\s*:", head, re.M)
    region = head[:so.start()] if so else head[:400]
    names = []
    for m in re.finditer(r"(?:tinh|thanh pho|huyen|thi xa|quan|xa|phuong)\s+([a-z]+(?: [a-z]+){0,3})", region):
        name = re.split(r"\s+(?:cong hoa|doc lap|so\b)", m.group(1))[0].strip()
        if name and not name.startswith("hoi chu"):
            names.append(name)
    if re.search(r"^\s*(?:so|ban|phong|trung tam|cuc|chi cuc)\s", region, re.M):
        return set()  # a department: the province above it is another unit
    own = set(names[-1:])
    place = re.search(r"(?:^|\s{2,}|kh-\S+\s+)([a-z][a-z ]{1,30}?),\s*ng\S{1,3}y\s+\d", head)
    if place:
        own.add(place.group(1).strip())
    return own


def scope_of(doc_text: str, folded: str, lo: int, hi: int, own: set[str]) -> Optional[str]:
    """`tỉnh Yên Bái (cũ)`, or `tỉnh Hải Dương` when results are `của` a unit other than the issuer's."""
    hits = list(_SCOPE.finditer(folded, lo, hi))
    if hits:
        m = hits[-1]
        return " ".join(doc_text[m.start(1):m.end(1)].split()) + " (cũ)"
    for m in reversed(list(_OF_UNIT.finditer(folded, lo, hi))):
        words = []
        for w in doc_text[m.end():hi].split():
            if not w[:1].isupper():
                break
            words.append(w.strip(",.;:"))
        if not words:
            continue
        name = " ".join(words)
        if any(fold(name).startswith(u) or u.startswith(fold(name)) for u in own):
            return None
        return f"{doc_text[m.start(1):m.end(1)].strip()} {name}"
    return None


def _add_result(results, current: dict, v: _Value, index, year, scope, ev) -> dict:
    """Values of one mention with the same year and scope fill one result until a field repeats."""
    fields: dict = {}
    if v.kind == "rank":
        fields = {"rank": int(v.nums[0]), "rank_total": int(v.nums[1])}
    elif v.kind in ("score", "score_frac", "score_bare"):
        fields = {"score": parse_number(v.nums[0])}
        if v.nums[1]:
            fields["max_score"] = parse_number(v.nums[1])
    elif v.kind == "percent":
        fields = {"percent": parse_number(v.nums[0])}
    if not fields or any(x is None for x in fields.values()):
        return current
    r = current.get((year, scope))
    if r is not None and all(getattr(r, f) is None for f in fields):
        for f, x in fields.items():
            setattr(r, f, x)
        return current
    r = IndexResult(index=index, year=year, scope=scope, evidence=ev, **fields)
    results.append(r)
    current[(year, scope)] = r
    return current


def _targets(folded, doc_text, v: _Value, index, end, ev) -> list[IndexTarget]:
    before, after = folded[max(0, v.start - 25):v.start + 4], folded[v.end:v.end + 14]
    year = _year_after(folded, v.end, end) or _year_before(folded, v.start, 0, max(0, v.start - 120))
    kw: dict = {"index": index, "year": year, "evidence": ev}
    if v.kind == "rank_range":
        kw.update(metric="rank", comparator="between", value=float(v.nums[0]), value_max=float(v.nums[1]),
                  out_of=float(v.nums[2]))
    elif v.kind == "rank":
        kw.update(metric="rank", comparator=comparator_near(before, after) if "tro len" not in after else "<=",
                  value=float(v.nums[0]), out_of=float(v.nums[1]))
    elif v.kind == "percent_range":
        kw.update(metric="percent", comparator="between", value=parse_number(v.nums[0]),
                  value_max=parse_number(v.nums[1]))
    elif v.kind == "percent":
        kw.update(metric="percent", comparator=comparator_near(folded[:v.end - len(v.nums[0]) - 1][-25:], after),
                  value=parse_number(v.nums[0]))
    elif v.kind in ("score", "score_frac", "score_bare"):
        num_at = folded.find(v.nums[0], v.start)
        kw.update(metric="score", comparator=comparator_near(folded[max(0, num_at - 25):num_at], after),
                  value=parse_number(v.nums[0]), out_of=parse_number(v.nums[1]) if v.nums[1] else None)
    elif v.kind == "rank_increase":
        kw.update(metric="rank_increase", comparator=">=" if v.nums[0] else "=", value=float(v.nums[1]))
    if kw.get("value") is None:
        return []
    listed = _listed_components(doc_text, folded, v.end, index)
    if listed:
        return [IndexTarget(component=c, **kw) for c in listed]
    if index == "SIPAS" and kw["metric"] == "percent":
        kw["component"] = _quoted_component(doc_text, folded, v.start)
    return [IndexTarget(**kw)]


def _listed_components(doc_text, folded, pos, index) -> list[str]:
    """`đạt 80% trở lên đối với các nội dung: (1) ...; (2) ...` -> the components listed."""
    m = _LIST_AFTER.match(folded, pos)
    if not m:
        return []
    stop = re.compile(r"\.\s*(?:\n|$)|\n\s*\n").search(folded, m.end())
    span = doc_text[m.end():stop.start() if stop else m.end() + 600]
    items = re.split(r"\(\d+\)|;|\n\s*[-+•]", span)
    out = []
    for it in items:
        comp, _ = match_component(it.strip(" ,.;:"), index, min_score=75)
        if comp and comp not in out:
            out.append(comp)
    return out


def _satisfaction_targets(doc_text, folded, already, page_of) -> list[IndexTarget]:
    """`bảo đảm trên 90% người dân và tổ chức hài lòng`: a SIPAS percent target, named or not."""
    out = []
    seen = {(t.evidence.page if t.evidence else None, t.value) for t in already if t.metric == "percent"}
    for m in _SATISFACTION.finditer(folded):
        num_at = m.start(1)
        window = folded[max(0, num_at - 80):num_at]
        if not any(c in window for c in _TARGET_CUES + ("tren", "toi thieu", "it nhat")):
            continue
        value = parse_number(m.group(1))
        page = page_of(num_at) if page_of else None
        if value is None or (page, value) in seen:
            continue
        seen.add((page, value))
        sent_end = _sentence_end(folded, m.end(), min(len(folded), m.end() + 200))
        year = _year_after(folded, m.end(), sent_end) or _year_before(
            folded, num_at, 0, _sentence_start(folded, num_at))
        comp = comparator_near(folded[max(0, num_at - 25):num_at], folded[m.end(1):m.end(1) + 14])
        out.append(IndexTarget(index="SIPAS", component=_quoted_component(doc_text, folded, num_at),
                               metric="percent", comparator=comp, value=value, year=year,
                               evidence=Evidence(page=page, text=" ".join(doc_text[max(0, num_at - 40):m.end() + 20].split()))))
    for m in _SATISFACTION_LEVEL.finditer(folded):
        num_at = m.start(1)
        value = parse_number(m.group(1))
        page = page_of(num_at) if page_of else None
        if value is None or (page, value) in seen:
            continue
        seen.add((page, value))
        year = _year_before(folded, num_at, 0, max(0, m.start() - 5)) or _year_after(folded, m.end(), m.end() + 60)
        ev = Evidence(page=page, text=" ".join(doc_text[m.start():m.end() + 60].split()))
        kw = dict(index="SIPAS", metric="percent", value=value, year=year, evidence=ev,
                  comparator=comparator_near(folded[max(0, num_at - 25):num_at], folded[m.end(1):m.end(1) + 14]))
        listed = _listed_components(doc_text, folded, m.end(), "SIPAS")
        out.extend(IndexTarget(component=c, **kw) for c in listed) if listed else out.append(IndexTarget(**kw))
    return out


_QUOTED = re.compile(r"[“\"]([^”\"]{4,80})[”\"]")
_SATISFACTION_PREFIX = re.compile(r"^(?:cai thien\s+)?(?:muc do\s+)?hai long\s+(?:ve|doi voi|cua)\s+")


def _quoted_component(doc_text: str, folded: str, pos: int) -> Optional[str]:
    """`2.2. Cải thiện “mức độ hài lòng về TTHC”: ... trên 90% ...` -> the SIPAS factor quoted above."""
    lo = max(0, pos - 500)
    quotes = list(_QUOTED.finditer(doc_text, lo, pos))
    if not quotes:
        return None
    q = quotes[-1]
    phrase = doc_text[q.start(1):q.end(1)]
    m = _SATISFACTION_PREFIX.match(fold(phrase))
    comp, _ = match_component(phrase[m.end():] if m else phrase, "SIPAS", min_score=80)
    return comp
