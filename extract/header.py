"""Header fields: document type, number, title, issue place and date, issuer, period.

Works on the first page's lines. The national header prints two columns side by side (issuer
left, country name and motto right); the OCR or text layer gives them on one line, so the right
column is cut off at the motto before the issuer is read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.dates import read_long_date
from extract.issuer import (dominant_province, issuer_from_bodies, issuer_from_body, left_column,
                            parse_header_bodies)
from extract.patterns import DOC_TYPES, KE_HOACH, NGAY, NUMBER, SO, clean_number, fold
from extract.places import restore_place
from extract.schema import Evidence, Issuer, Period
from normalize.types import NormalizedDocument

HEADER_LINES = 40  # the header, doc type and title sit in the first lines of page 1
_DOC_TYPE_LINE = re.compile(r"^\s*(?:" + "|".join(DOC_TYPES.values()) + r")\s*$")
# `Số:` opens the line (or the left column's part of it), never a citation inside a sentence.
_NUMBER_LINE = re.compile(r"(?:^[\W_]{0,3}|\s{3,}|\t)" + SO + r"\s*[:;.]?\s*(?P<num>" + NUMBER + ")")
_PLACE_DATE = re.compile(r"(?P<place>[^\W\d_][^,:]{0,40}?)\s*,\s*" + NGAY + r"(?=\s*\S{0,3}\s*th)")
_BODY_START = re.compile(
    r"^\s*(?:c[a-z]n\s+c[a-z]{1,2}|th[a-z]{1,2}\s+hi[a-z¢]{1,2}n|trong\s|tren\s+co\s+s|nham\s|de\s|theo\s|"
    r"ngay\s+\d|sau\s+khi|qua\s|ket\s+qua\s|[ivxl|]{1,4}\s*[.,]\s|\d+\s*[.)]\s|[-+•]\s(?!(?:19|20)\d\d)|phan\s+\w+\s*[.:]|ph[a-z]n\s+th[uw])"
)
_RULE_LINE = re.compile(r"^[\s_\-–=*.]+$")
_YEAR_RANGE = re.compile(r"(?P<a>(?:19|20)\d\d)\s*[-–]\s*(?P<b>(?:19|20)\d\d)")
_PERIOD = re.compile(
    r"giai\s+do[a-z]{1,2}n\s+(?P<a>(?:19|20)\d\d)\s*[-–]\s*(?P<b>(?:19|20)\d\d)"
    r"|(?:tu\s+)?n[a-z]{1,2}m\s+(?P<c>(?:19|20)\d\d)\s*(?:[-–]|den\s+(?:n[a-z]{1,2}m\s+)?)\s*(?P<d>(?:19|20)\d\d)"
    r"|n[a-z]{1,2}m\s+(?P<y>(?:19|20)\d\d)"
)


@dataclass
class HeaderResult:
    doc_type: str | None = None
    number: str | None = None
    title: str | None = None
    issue_date: str | None = None
    issue_place: str | None = None
    issuer: Issuer = field(default_factory=Issuer)
    period: Period = field(default_factory=Period)
    doc_type_offset: int | None = None
    title_span: tuple[int, int] | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _lines_with_offsets(text: str, limit: int) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n")[:limit]:
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _find_doc_type(lines: list[tuple[int, str]]) -> tuple[int, str] | None:
    for i, (_, line) in enumerate(lines):
        f = fold(line).strip()
        f = re.sub(r"^[\W_]+|[\W\d_]+$", "", f)  # OCR specks around the line: `KẾ HOẠCH :`
        if f and _DOC_TYPE_LINE.match(f):
            letters = [c for c in line if c.isalpha()]
            if re.match(KE_HOACH + r"$", f):
                return i, "Kế hoạch"
            if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
                for name, pattern in DOC_TYPES.items():
                    if re.match(pattern + r"$", f):
                        return i, name
    return None


def _title(lines: list[tuple[int, str]], start: int) -> tuple[str, tuple[int, int]] | None:
    parts, first, last = [], None, None
    i = start
    while i < len(lines) and not lines[i][1].strip():  # a blank line may sit under the doc type
        i += 1
    while i < len(lines) and len(parts) < 5:
        pos, line = lines[i]
        if not line.strip() or _RULE_LINE.match(line):
            break
        if parts and (_BODY_START.match(fold(line)) or line.rstrip().endswith((".", ";", ":"))):
            break  # a body line: titles do not end a sentence
        parts.append(line.strip())
        first = pos if first is None else first
        last = pos + len(line)
        if line.rstrip().endswith((".", ":", ";")):
            break
        i += 1
    if not parts:
        return None
    return " ".join(" ".join(parts).split()), (first, last)


def find_title(text: str) -> str | None:
    """The title alone (lines under the document type), for a second reading of the same document."""
    lines = _lines_with_offsets(text, HEADER_LINES)
    found = _find_doc_type(lines)
    title = _title(lines, found[0] + 1) if found else None
    return title[0] if title else None


def _issue_place(line: str, folded: str, date_start: int) -> str | None:
    """The place before `, ngày`: the last capitalised words of the right column (the number of
    the left column may share the line: `Số: 12/KH-UBND    Bình Dương, ngày ...`)."""
    start = max((m.end() for m in re.finditer(r"\s{3,}|\t", line[:date_start])), default=0)
    m = _PLACE_DATE.search(folded, start, date_start + 40)
    if not m:
        return None
    words = [w for w in line[m.start("place"):m.end("place")].split() if not re.search(r"[/:]|\w-\w", w)]
    tail: list[str] = []
    for k, w in enumerate(reversed(words[-5:])):
        numbered = k == 0 and w.isdigit() and len(w) <= 2  # new ward names: `Hà Giang 1`
        abbreviation = len(w) >= 2 and w.isupper() and w.isascii() and any(x.islower() for x in "".join(tail))
        if abbreviation or not (w[:1].isupper() or numbered) and w not in ("-", "–"):
            break
        tail.insert(0, w)
    return " ".join(tail) or None


def read_period(title: str | None, fallback_text: str) -> Period:
    """`giai đoạn 2026-2030` -> 2026..2030; `năm 2025` -> 2025..2025; title first, then the objectives.
    A range anywhere in a text wins over a single year in it."""
    for text in (title or "", fallback_text):
        found = list(_PERIOD.finditer(fold(text)))
        ranges = [m for m in found if m.group("a") or m.group("c")]
        m = ranges[0] if ranges else (found[0] if found else None)
        if not m:
            continue
        if m.group("a"):
            return Period(from_year=int(m.group("a")), to_year=int(m.group("b")))
        if m.group("c"):
            return Period(from_year=int(m.group("c")), to_year=int(m.group("d")))
        return Period(from_year=int(m.group("y")), to_year=int(m.group("y")))
    return Period()


def extract_header(doc: NormalizedDocument, objectives: str = "") -> HeaderResult:
    res = HeaderResult()
    text = doc.text
    lines = _lines_with_offsets(text, HEADER_LINES)
    province_hint = dominant_province(text)  # resolves unit names spelt two ways in the country

    found = _find_doc_type(lines)
    header_end = len(lines)
    if found:
        i, res.doc_type = found
        header_end = i
        res.doc_type_offset = lines[i][0]
        res.evidence["doc_type"] = Evidence(page=doc.page_of(lines[i][0]), text=lines[i][1].strip())
        title = _title(lines, i + 1)
        if title:
            res.title, res.title_span = title
            res.evidence["title"] = Evidence(page=doc.page_of(title[1][0]), text=res.title[:200])
        else:
            res.warnings.append("title not found under the document type line")
    else:
        res.warnings.append("document type line (KẾ HOẠCH) not found")
    header = lines[:header_end] if found else lines[:15]

    # Number: `Số: 114/KH-SVHTTDL`, `S6: 221 /KH-UBND`, `$6:30 /KH-UBND`.
    for pos, line in header:
        m = _NUMBER_LINE.search(fold(line))
        if m:
            res.number = clean_number(line[m.start("num"):m.end("num")])
            res.evidence["number"] = Evidence(page=doc.page_of(pos), text=line.strip())
            break
    else:
        res.warnings.append("document number (Số: ...) not found in the header")

    # Place and date: `Cao Bằng, ngày 18 tháng 7 năm 2025` (right column of the number line).
    for pos, line in header:
        f = fold(line)
        reading = read_long_date(f, line)
        if not reading:
            continue
        res.issue_date = reading.iso
        if reading.warning:
            res.warnings.append("issue date: " + reading.warning)
        res.evidence["issue_date"] = Evidence(page=doc.page_of(pos), text=line.strip())
        place = _issue_place(line, f, reading.start)
        if place:
            res.issue_place = restore_place(place, province_hint)
        break
    else:
        res.warnings.append("issue place and date (…, ngày … tháng … năm …) not found")
    if res.issue_date is None and "issue_date" in res.evidence and not any("issue date" in w for w in res.warnings):
        res.warnings.append("issue date unreadable")

    # Issuer: the left column above the number line, else the opening paragraphs.
    header_text_lines = [line for _, line in header]
    cut = next((k for k, (_, line) in enumerate(header) if _NUMBER_LINE.search(fold(line))), len(header))
    bodies = parse_header_bodies(left_column(header_text_lines[: cut + 1]), province_hint)
    issuer = issuer_from_bodies(bodies)
    if issuer.name is None:
        issuer = issuer_from_body(text, province_hint)
        if issuer.name:
            res.warnings.append("issuer read from the body (no header found)")
        else:
            res.warnings.append("issuer not found")
    if issuer.name and issuer.province is None and province_hint:
        issuer = issuer.model_copy(update={"province": province_hint})
    res.issuer = issuer

    res.period = read_period(res.title, objectives)
    if res.period.from_year is None:
        res.warnings.append("plan period (năm … / giai đoạn …) not found")
    return res
