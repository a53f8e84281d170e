"""Task rows recovered from an appendix table that survives only as English-model OCR text.

Tesseract without Vietnamese reads a landscape ruled table either line by line across its columns
(psm 4/6: `1.1 |Kế hoạch cải cách hành | 100% cán bộ ... | Phòng Kinh tế Các cơ quan, đơn vị | Quý
I/2026`, the next printed line holding the next piece of every cell) or cell block by cell block
(psm 3). Cells cannot be cut apart in general, but three things survive and are enough for a row:
* the STT at the start of a line (`1.1`, `14` for 1.4, `2 |` for a group) anchors a row;
* agency names read as ordered word sequences (lexicon + names the document spells itself), their
  words possibly spread over the row's lines, since a wrapped cell continues on the next line;
* deadline phrases (`Thường xuyên`, `Quý II/2026`, `Năm 2026`, `Trước 30/6/2026`, `31/12 hằng năm`).
Lead and partner cells are told apart by the header's column order and by separators: names in one
cell are joined by `;`/`,`, names side by side on a line without one sit in two columns. Content is
the text after the STT on its line, up to the first column rule `|` (or a few words). What is not
recovered is said in warnings; nothing is guessed beyond the lexicon.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import takewhile
from dataclasses import dataclass, field
from typing import Optional

from extract.agency_lexicon import GROUPS, Lexicon, document_units
from extract.components import index_in, index_mentions
from extract.numbers import fold
from extract.ocr_words import WORD, NameMatch, Tok, deadline_in, names_in, tokens
from extract.schema import Evidence, Task
from extract.text_tables import _area_name, repair_id

# header words as English-model OCR prints them (`Théi han`, `phéihgp`, `Chi tiéw`)
_HEADER_CUES = tuple(re.compile(c) for c in (
    r"\bs\s?t\s?t\b", r"\bch\S{0,2}\s?tr\S{0,2}\b", r"\bph\S{1,3}\s?h\S{1,2}p\b", r"\bth\S{1,3}\s(?:gian|han)\b",
    r"\btien do\b", r"\bhoan thanh\b", r"\bnhi\S{1,2}m vu\b", r"\bgiai phap\b", r"\bchi ti\S{1,2}\b", r"\bnoi dung\b",
    r"\bco quan\b", r"\bdon v\S?\b", r"\bket qua\b", r"\bmuc tieu\b", r"\btieu chi\b"))


def _cues(folded: str) -> int:
    return sum(bool(c.search(folded)) for c in _HEADER_CUES)


# a speck before the STT (`. 1.3.`, `‘ 2.1`) is read as punctuation and a space; never a bullet dash
_ANCHOR = re.compile(r"^\s*(?:[.:'‘’`,°]{1,2}\s+)?[\[|({]?\s*(\d{1,2}(?:\s?[.,]\s?\d{1,2})?)\s*[.]?\s*(?:[|\[\](]\s*|\s+)(?=\S)")
_ANCHOR_ALONE = re.compile(r"^\s*(\d{1,2}(?:[.,]\d{1,2})?)\.?\s*$")
_ROMAN_GROUP = re.compile(r"^\W*(?:\w{1,3}\W+)?ch\S{0,2}\s*s\S{0,2}\b")  # `| It |Chisé SIPAS`, `| mt | Chi sé`


@dataclass
class _Row:
    rid: str
    line: int
    label: str
    ruled: bool = False  # a column rule (`|`) follows the STT
    names: list[NameMatch] = field(default_factory=list)
    deadline: Optional[tuple[str, Optional[str]]] = None


def find_region(text: str) -> Optional[int]:
    """Offset where an appendix task table starts: its `PHỤ LỤC` heading when one precedes the first
    header line (STT + column words; a short line of column words when the STT was lost)."""
    folded = fold(text)
    annexes = [a.start() for a in re.finditer(r"(?m)^.{0,6}\bphu luc\b", folded)]
    for m in re.finditer(r"(?m)^.*$", folded):
        line = m.group(0)
        if _cues(line) < 2 and not re.search(r"\bs\s?t\s?t\b", line):
            continue  # cheap test first: long documents have thousands of lines
        before = [a for a in annexes if a < m.start()]
        annex_near = bool(before) and m.start() - before[-1] < 3000
        stt = re.search(r"\bs\s?t\s?t\b", line)
        if stt and _cues(folded[m.start():m.end() + 300]) >= 5 or annex_near and len(line) < 160 and \
                _cues(line) >= 4 and re.search(r"ch\S{0,2}\s?tr|th\S{1,3}\s(?:gian|han)", line):
            return before[-1] if annex_near else m.start()  # the STT was lost: only under a PHỤ LỤC heading
    return None


@dataclass
class _Cell:
    line: int  # line of its first word
    start: int  # offset of its first word (reading order)
    rel: float  # place of its first word in the line (0 left .. 1 right)
    names: list[str]
    starts: dict[int, int] = field(default_factory=dict)  # line -> offset of the cell's first word on it


def _cells(names: list[NameMatch], toks: list[Tok], region: str, lead_first: bool = True) -> list[_Cell]:
    """Names grouped into cells, with where the cell's first word stands. A name followed by
    `;` `,` `+` shares its cell with the name read right after the separator: the next token on the line
    (not across the edge between the lead cell and a `Các ...` group), or, when the separator ends the
    cell's line, a name on the next line at about the same place or left of the next cell's continuation."""
    parent = list(range(len(names)))

    def root(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for k, a in enumerate(names):
        last = toks[a.toks[-1]]
        if not re.match(r"\s*[;,+]", region[last.end:last.end + 3]):
            continue
        for j, b in enumerate(names):
            first = toks[b.first]
            if j == k or b.first <= a.toks[-1]:
                continue
            # `Phòng Kinh tế; Các thôn, tổ dân phố` on one line: the lead cell ends where a group starts
            kinds = (_is_group_name(a.name), _is_group_name(b.name))
            edge_crossed = kinds == ((False, True) if lead_first else (True, False))
            right_after = b.first == a.toks[-1] + 1 and first.line == last.line and not edge_crossed
            edge = toks[next(t for t in a.toks if toks[t].line == last.line)].rel  # the cell's left edge
            below = first.line == last.line + 1 and (abs(first.rel - edge) < 0.15 or
                                                      _left_of_next_cell(names, toks, a, b))
            if right_after or below:
                parent[root(j)] = root(k)
                break
    groups: dict[int, list[int]] = {}
    for k in range(len(names)):
        groups.setdefault(root(k), []).append(k)
    cells = []
    for ks in groups.values():
        first = toks[min(names[k].first for k in ks)]
        starts: dict[int, int] = {}
        for t in sorted(t for k in ks for t in names[k].toks):
            starts.setdefault(toks[t].line, toks[t].start)
        cells.append(_Cell(first.line, first.start, first.rel, [names[k].name for k in ks], starts))
    return cells


def _left_of_next_cell(names: list[NameMatch], toks: list[Tok], a: NameMatch, b: NameMatch) -> bool:
    """`b`, on the line after `a` ends, stands just left of the continuation of the cell right of `a`:
    line by line the cells come in column order (`Phong Kinh té; | Cac thon, t6 dan` / `Cong an xa pho`)."""
    line = toks[a.toks[-1]].line
    for c in names:
        if c is a or c is b:
            continue
        beside = any(toks[t].line == line and t > a.toks[-1] for t in c.toks)
        below = [t for t in c.toks if toks[t].line == line + 1]
        if beside and below and min(below) > b.toks[-1]:
            return True
    return False


def _is_group_name(name: str) -> bool:
    return name in GROUPS or fold(name).startswith(("cac ", "ubnd cac"))


def recover(text: str, page_of=None, extra_names: tuple[str, ...] = ()) -> tuple[list[Task], list[str]]:
    """Rows of an interleaved appendix in `text` -> (tasks, warnings); ([], []) when there is none."""
    start = find_region(text)
    if start is None:
        return [], []
    region = text[start:]
    folded = fold(region)
    lines = region.split("\n")
    toks = tokens(region)
    # names to read fragments as: the offices inside departments would only add look-alikes to choose from
    lex = Lexicon(extra_names, units=document_units(text), offices=False)
    # `quận` folds to `quan` as in `cơ quan`, which every row prints: no unit word to read here
    lexicon = [(n, WORD.findall(fold(n))) for n in lex.names if not n.endswith(" quận")]
    lexicon = [(n, [w.translate(str.maketrans("0168", "oioa")) for w in ws]) for n, ws in lexicon if ws]
    order = _column_order(folded)

    rows: list[_Row] = []
    index: Optional[str] = None
    line_off = [0]
    for ln in lines:
        line_off.append(line_off[-1] + len(ln) + 1)
    indices: dict[int, Optional[str]] = {}
    # the appendix title lists its indices in table order (`... CÁC CHỈ SỐ PAPI, PAR INDEX, SIPAS`)
    title = list(dict.fromkeys(n for _, _, n in index_mentions(fold(text[max(0, start - 400):start + 600]))))
    group_seen = False
    strays: list[str] = []  # STT lines left out as a stray digit of the row next to them
    barriers: list[int] = []  # header and index group lines: no row reaches over them
    for li, ln in enumerate(lines):
        f = fold(ln)
        m = _ANCHOR.match(f) or _ANCHOR_ALONE.match(f)
        if _cues(f) >= (5 if m else 3):  # a header line (repeated on each page)
            barriers.append(li)
            continue
        named = index_in(ln) if len(ln) < 160 else None
        if named and (_ROMAN_GROUP.match(f) and len(f.strip()) < 60 or re.match(r"^[\s|\[\]_]*thuc hien", f)):
            index, group_seen = named, True
            barriers.append(li)
            continue
        if m:
            rid = re.sub(r"\s", "", m.group(1)).replace(",", ".")
            ruled = bool(re.search(r"[|\[\](]", f[m.end(1):m.end()]))  # `3 |Cai cach`, not `3 vu cai cach`
            if rows and rows[-1].rid == rid and ruled != rows[-1].ruled and not group_seen:
                # the same number twice in a row (no group heading between: a new group numbers from 1
                # again): the one without a column rule is a stray digit
                strays.append(f"{index or ''} {rid}".strip())
                if not ruled:
                    continue
                rows.pop()
            if rows and not group_seen and _restarts(rows[-1].rid, rid):
                # the group row was lost: the next index the title lists, else one not seen yet
                seen = set(indices.values())
                after = title[title.index(index) + 1:] if index in title else title
                index = next((x for x in after + title if x not in seen), index)
            group_seen = False
            label = ln[m.end():].strip() if m.end() <= len(ln) else ""
            if not label:  # cells read block by block (psm 3): the row's first cell is the next text line
                label = next((x.strip() for x in lines[li + 1:li + 4] if x.strip()), "")
            rows.append(_Row(rid, li, label, ruled=ruled))
            indices[len(rows) - 1] = index
    if not rows:
        return [], ["appendix task table found as interleaved OCR text, but no row number (STT) could be read"]

    # Rows: from their STT line down to the next (cells printed at the top), or, when cells are centred
    # vertically, the STT stands mid-row: lines above it belong to it too. Keep the reading that gives
    # more complete rows (an agency and a deadline).
    tok_line = [t.line for t in toks]
    last = order.index("deadline") > order.index("lead")

    def read(spans: list[tuple[int, int]]) -> list[tuple[list[NameMatch], Optional[tuple[str, Optional[str]]]]]:
        out = []
        for a, b in spans:
            lo, hi = bisect_left(tok_line, a), bisect_left(tok_line, b)
            out.append((names_in(toks, lo, hi, lexicon), deadline_in(toks, lo, hi, last=last)))
        return out

    top = read(_spans(rows, barriers, len(lines), set(), centred=False))
    groups = {k for k, (names, dl) in enumerate(top) if not names and not dl}
    mid = read(_spans(rows, barriers, len(lines), groups, centred=True))
    complete = lambda found: sum(bool(n) and bool(d) for n, d in found)  # noqa: E731
    # centred only when clearly better: top-aligned tables give both readings about the same count
    centred = complete(mid) >= complete(top) + 2
    for r, (names, dl) in zip(rows, mid if centred else top):
        r.names, r.deadline = names, dl

    tasks: list[Task] = []
    warnings: list[str] = []
    area = area_id = None
    lost: list[str] = []
    untold: list[str] = []  # rows whose lead could not be told from their partners
    for k, r in enumerate(rows):
        if not r.names and not r.deadline:
            label = " ".join(r.label.strip(" |[]_").split())
            # a group heading is short; a long label is other cells' words run together
            area, area_id = (_area_name(label, indices.get(k)) if 0 < len(label.split()) <= 12 else None), r.rid
            continue
        prev = tasks[-1].id if tasks else None
        rid = _next_in_sequence(r.rid, prev) or \
            repair_id(r.rid, area_id or (prev.split(".")[0] if prev and "." in prev else None))
        cells = _cells(r.names, toks, region, lead_first=order.index("lead") < order.index("partners"))
        lead, partners, undecided = _assign(cells, order, top=not centred)
        deadline, date = r.deadline or (None, None)
        content = _content(r.label)
        name = f"{indices.get(k) or ''} {rid or '?'}".strip()
        if not lead and (not undecided and len(re.findall(r"[^\W\d_]{2,}", content or "")) < 2
                         or undecided and not deadline):
            lost.append(name)
            continue  # no lead and no readable first cell: not a row worth keeping (`% .7, - 100%`)
        if undecided:
            untold.append(f"{name} ({'; '.join(undecided)})")
        elif not lead and not partners or not deadline:
            lost.append(name)
        tasks.append(Task(source="table", id=rid or None, index=indices.get(k), area=area, content=content,
                          lead=lead, partners=partners, deadline=deadline, deadline_date=date,
                          evidence=Evidence(page=page_of(start + line_off[r.line]) if page_of else None,
                                            text=" ".join(lines[r.line].split())[:240])))
    warnings.append(f"appendix task table rebuilt from interleaved OCR text: {len(tasks)} rows from their STT, "
                    "agencies from the agency lexicon, deadlines from their wording; targets and actions "
                    "not recovered (their cells are interleaved), content only from the row's first line"
                    + (f"; no agency or no deadline read for rows {', '.join(lost)} (left out when neither a lead "
                       "nor a first cell, or neither a lead told apart nor a deadline, could be read)" if lost else "")
                    + (f"; lead left empty where the lead and partner cells could not be told apart: rows "
                       f"{', '.join(untold)}" if untold else "")
                    + (f"; same STT read twice in a row, the line without a column rule left out as a stray "
                       f"digit: rows {', '.join(strays)}" if strays else "")
                    + "; rows whose STT was not read are missing")
    return tasks, warnings


def _spans(rows: list[_Row], barriers: list[int], n_lines: int, groups: set[int], centred: bool
           ) -> list[tuple[int, int]]:
    """[first line, end line) of each row. Top: STT line to the next STT. Centred: halfway to the
    neighbouring STT lines, never across a header or group line; a group row is its own line."""
    spans = []
    for k, r in enumerate(rows):
        nxt = rows[k + 1].line if k + 1 < len(rows) else n_lines
        stop = min([b for b in barriers if r.line < b < nxt] + [nxt])
        if not centred or k in groups:
            spans.append((r.line, r.line + 1 if k in groups and centred else stop))
            continue
        prev = rows[k - 1].line + 1 if k and k - 1 in groups else (rows[k - 1].line if k else 0)
        start = max([b + 1 for b in barriers if prev <= b < r.line] + [(prev + r.line + 1) // 2 if k else r.line - 3])
        if k + 1 < len(rows) and k + 1 not in groups and stop == nxt:
            stop = (r.line + nxt + 1) // 2
        spans.append((max(0, start), stop))
    return spans


def _next_in_sequence(rid: str, prev: Optional[str]) -> Optional[str]:
    """An STT read without its dot (`44`, `51`) that spells the row after `prev` (4.3): 4.4, 5.1."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", prev or "")
    if not m or not re.fullmatch(r"\d{2,3}", rid):
        return None
    major, minor = int(m.group(1)), int(m.group(2))
    return next((f"{a}.{b}" for a, b in ((major, minor + 1), (major + 1, 1)) if f"{a}{b}" == rid), None)


def _restarts(prev: str, cur: str) -> bool:
    """Numbering starts again (`1.1` after `4.2`, `1` after `7`): a new index group."""
    try:
        p, c = int(prev.split(".")[0]), int(cur.split(".")[0])
    except ValueError:
        return False
    return c == 1 and p > 1 and cur in ("1", "1.1")


def _column_order(folded_region: str) -> list[str]:
    """Order of the lead, partners and deadline columns from the first header, default lead-partners-deadline."""
    head = folded_region[:1500]
    pos = {}
    for role, cues in (("lead", ("chu tri", "cha tri", "chi tri")), ("partners", ("phoi hop", "phei hop", "phoi hgp")),
                       ("deadline", ("thoi gian", "thoi han", "tien do", "thai han", "thdi gian"))):
        hits = [head.find(c) for c in cues if c in head]
        if hits:
            pos[role] = min(hits)
    default = {"lead": 10**6, "partners": 10**6 + 1, "deadline": 10**6 + 2}
    return sorted(default, key=lambda r: pos.get(r, default[r]))


def _assign(cells: list[_Cell], order: list[str], top: bool = True) -> tuple[list[str], list[str], list[str]]:
    """(lead, partners, names whose column could not be told). Lead = the own-name cell on the lead column's
    side; cells of `Các ...` groups and the rest are partners. Cells printed at the top all start on the row's
    first line: the lead cell is the first to start when its column comes before the partners' (a later line
    is a wrapped cell or a name inside an action). Centred cells start anywhere: the place in the line
    decides, and when two own-name cells compete it must be confirmed by a line both are on (left comes
    first); otherwise the lead is left empty and the names are returned as undecided."""
    # a `Các ...` group is never the lead: the own names read before one in a cell may be the lead cell
    # joined to the partners' (`Phòng Kinh tế;` / `Các thôn`); names after it are partners it lists
    own = [(c, list(takewhile(lambda n: not _is_group_name(n), c.names))) for c in cells]
    own = [(c, ns) for c, ns in own if ns]
    if not own:
        return [], [n for c in cells for n in c.names], []
    lead_first = order.index("lead") < order.index("partners")
    if lead_first and top:
        cell, lead = min(own, key=lambda x: (x[0].line, x[0].start))
    else:
        cell, lead = (min if lead_first else max)(own, key=lambda x: x[0].rel)
        # the same name read twice (a wrapped cell's lines in two spans) is no competitor
        rivals = [other for other, ns in own if other is not cell and not set(ns) <= set(lead)]
        if not all(_confirmed(cell, other, lead_first) for other in rivals):
            undecided = list(dict.fromkeys(n for _, ns in own for n in ns))
            return [], list(dict.fromkeys(n for c in cells for n in c.names if n not in undecided)), undecided
    partners = [n for c in cells for n in c.names if n not in lead]
    return list(dict.fromkeys(lead)), list(dict.fromkeys(partners)), []


def _confirmed(lead: _Cell, other: _Cell, lead_first: bool) -> bool:
    """On some line both cells are read on, the lead cell's words come on the lead column's side."""
    shared = [ln for ln in lead.starts if ln in other.starts]
    return any((lead.starts[ln] < other.starts[ln]) == lead_first for ln in shared)


def _content(label: str) -> Optional[str]:
    """The first column's words on the anchor line: up to a column rule, else the first few words."""
    text = re.split(r"\s[|\[\]]\s?|\s{2,}", label.strip(" |[]"), maxsplit=1)[0]
    words = text.split()
    return " ".join(words[:7]).strip(" .,;:_-|") or None
