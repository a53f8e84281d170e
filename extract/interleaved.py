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
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from extract.agency_lexicon import GROUPS, Lexicon, document_units
from extract.components import index_in, index_mentions
from extract.numbers import fold, iso_date
from extract.schema import Evidence, Task
from extract.text_tables import repair_id

# header words as English-model OCR prints them (`Théi han`, `phéihgp`, `Chi tiéw`)
_HEADER_CUES = tuple(re.compile(c) for c in (
    r"\bs\s?t\s?t\b", r"\bch\S{0,2}\s?tr\S{0,2}\b", r"\bph\S{1,3}\s?h\S{1,2}p\b", r"\bth\S{1,3}\s(?:gian|han)\b",
    r"\btien do\b", r"\bhoan thanh\b", r"\bnhi\S{1,2}m vu\b", r"\bgiai phap\b", r"\bchi ti\S{1,2}\b", r"\bnoi dung\b",
    r"\bco quan\b", r"\bdon v\S?\b", r"\bket qua\b", r"\bmuc tieu\b", r"\btieu chi\b"))


def _cues(folded: str) -> int:
    return sum(bool(c.search(folded)) for c in _HEADER_CUES)
_ANCHOR = re.compile(r"^\s*[\[|({]?\s*(\d{1,2}(?:\s?[.,]\s?\d{1,2})?)\s*[.]?\s*(?:[|\[\](]\s*|\s+)(?=\S)")
_ANCHOR_ALONE = re.compile(r"^\s*(\d{1,2}(?:[.,]\d{1,2})?)\.?\s*$")
_ROMAN_GROUP = re.compile(r"^\W*(?:\w{1,3}\W+)?ch\S{0,2}\s*s\S{0,2}\b")  # `| It |Chisé SIPAS`, `| mt | Chi sé`
_WORD = re.compile(r"[a-z0-9]+(?:/[a-z0-9]+)*")

# deadline phrases (folded words) and their printed form
_DEADLINE_PHRASES = (
    ("thuong xuyen lien tuc", "Thường xuyên, liên tục"), ("thuong xuyen", "Thường xuyên"),
    ("hang nam", "Hằng năm"), ("theo quy dinh", "Theo quy định"), ("theo ke hoach", "Theo kế hoạch"),
    ("theo thong bao ket qua", "Theo thông báo kết quả"), ("hang quy", "Hằng quý"), ("hang thang", "Hằng tháng"),
)
_UNITS = {"tinh", "huyen", "xa", "phuong", "tran", "pho", "quan"}


@dataclass
class _Tok:
    word: str  # folded letters/digits
    line: int
    start: int  # offset in the region
    end: int
    cap: bool  # printed with a capital
    rel: float = 0.0  # position in its line (0 left .. 1 right): a wrapped cell goes on at about the same place


@dataclass
class _Match:
    name: str
    toks: list[int]
    score: float

    @property
    def first(self) -> int:
        return self.toks[0]


@dataclass
class _Row:
    rid: str
    line: int
    label: str
    names: list[_Match] = field(default_factory=list)
    deadline: Optional[tuple[str, Optional[str]]] = None


def find_region(text: str) -> Optional[int]:
    """Offset where an appendix task table starts: its `PHỤ LỤC` heading when one precedes the first
    header line (STT + column words; a short line of column words when the STT was lost)."""
    folded = fold(text)
    for m in re.finditer(r"(?m)^.*$", folded):
        line = m.group(0)
        stt = re.search(r"\bs\s?t\s?t\b", line)
        annex = [a.start() for a in re.finditer(r"(?m)^.{0,6}\bphu luc\b", folded[:m.start()])]
        annex_near = bool(annex) and m.start() - annex[-1] < 3000
        if stt and _cues(folded[m.start():m.end() + 300]) >= 5 or annex_near and len(line) < 160 and \
                _cues(line) >= 4 and re.search(r"ch\S{0,2}\s?tr|th\S{1,3}\s(?:gian|han)", line):
            return annex[-1] if annex_near else m.start()  # the STT was lost: only under a PHỤ LỤC heading
    return None


def _tokens(region: str) -> list[_Tok]:
    folded = fold(region)
    toks: list[_Tok] = []
    line_starts = [0] + [i + 1 for i, c in enumerate(region) if c == "\n"]
    li = 0
    for m in _WORD.finditer(folded):
        while li + 1 < len(line_starts) and line_starts[li + 1] <= m.start():
            li += 1
        # OCR digits inside words (`s6` -> `so`, `d6n` -> `don`)
        w = m.group(0)
        if re.search(r"[a-z]", w) and "/" not in w:
            w = w.translate(str.maketrans("0168", "oioa"))
        ls = line_starts[li]
        le = line_starts[li + 1] - 1 if li + 1 < len(line_starts) else len(region)
        toks.append(_Tok(w, li, m.start(), m.end(), region[m.start()].isupper(), (m.start() - ls) / max(1, le - ls)))
    return toks


def _word_ok(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) <= 3 or len(b) <= 3:  # short syllables: same letters once the vowels the model garbles go
        return a[0] == b[0] and _skeleton(a) == _skeleton(b)
    if len(a) == len(b) and _SKELETON.sub("", a) == _SKELETON.sub("", b):
        return True  # the English model reads Vietnamese vowels as others (`Céng` for `Công`)
    return fuzz.ratio(a, b) >= (75 if min(len(a), len(b)) >= 6 else 80)  # `hoan` is no `hang`


_SKELETON = re.compile(r"[aeiouy]")


def _skeleton(w: str) -> str:
    """Consonants of a syllable as the English model prints it: `ctta`/`cua` -> `c`, `héda`/`hoa` -> `h`."""
    w = w.replace("tt", "u")
    return w[0] + _SKELETON.sub("", w[1:]).replace("d", "")


def _match_name(name_words: list[str], toks: list[_Tok], i: int, hi: int) -> Optional[tuple[list[int], float]]:
    """Name words read in order from token i: next word on the same line (one stray token allowed)
    or on one of the next two lines (a wrapped cell). Two name words may be one merged token."""
    got, pos, k, total = [i], i, 1, sum(len(w) for w in name_words)
    matched = len(name_words[0])
    while k < len(name_words):
        w = name_words[k]
        nxt = None
        for j in range(pos + 1, min(hi, pos + 3)):
            if toks[j].line != toks[pos].line:
                break
            if _word_ok(w, toks[j].word):
                nxt = j
                break
        if nxt is None:
            for j in range(pos + 1, hi):
                if toks[j].line > toks[pos].line + 2:
                    break
                if toks[j].line > toks[pos].line and _below(toks[got[0]], toks[j]) and _word_ok(w, toks[j].word):
                    nxt = j
                    break
        if nxt is None and k + 1 < len(name_words) and toks[pos].word.endswith(w):
            k += 1  # merged token (`xahoi`) already covered this word
            matched += len(w)
            continue
        if nxt is None:
            if len(name_words) < 4:
                return got, 0.0  # short names must be read whole
            k += 1  # word lost by the OCR
            continue
        got.append(nxt)
        matched += len(w)
        pos = nxt
        k += 1
    return got, matched / total


def _below(a: _Tok, b: _Tok) -> bool:
    """`b` (on a later line) could continue the cell `a` is in: about the same place from either side."""
    return abs(a.rel - b.rel) < 0.25


def _names_in(toks: list[_Tok], lo: int, hi: int, lexicon: list[tuple[str, list[str]]]) -> list[_Match]:
    found: list[_Match] = []
    for i in range(lo, hi):
        if not toks[i].cap:
            continue
        for name, words in lexicon:
            if words[0] != toks[i].word and (len(words[0]) < 5 or not _word_ok(words[0], toks[i].word)):
                continue
            got, score = _match_name(words, toks, i, hi)
            if words[-1] in _UNITS and toks[got[-1]].word != words[-1]:
                continue  # a unit word is read exactly (`xuyen` is no `huyen`)
            if score >= (0.7 if len(words) >= 4 else 0.8) and len(got) >= min(2, len(words)):
                found.append(_Match(name, got, score * sum(map(len, words)) + score))  # ties: the name read whole
    found.sort(key=lambda m: -m.score)  # the name that explains most letters first
    used: set[int] = set()
    out = []
    for m in found:  # best names first, no token in two names
        if used.isdisjoint(m.toks):
            out.append(m)
            used.update(m.toks)
    return sorted(out, key=lambda m: m.first)


def _deadline_in(toks: list[_Tok], lo: int, hi: int, last: bool) -> Optional[tuple[str, Optional[str]]]:
    """The row's deadline cell: dates, `Quý II/2026`, `Năm 2026`, `31/12 hằng năm`, fixed phrases; a phrase
    may wrap onto the next line (`Thường` / `xuyên`, `31/12 hằng` / `năm`, `Trước` / `30/6/2026`)."""
    hits: list[tuple[int, str, Optional[str]]] = []
    for i in range(lo, hi):
        t, prev = toks[i], toks[i - 1] if i > lo else None
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(20\d\d)", t.word):
            if prev and prev.line == t.line and re.fullmatch(r"ng\S{1,2}y", prev.word) and not prev.cap:
                continue  # `ngày 06/8/2025` dates a cited document inside an action
            printed = f"{int(m.group(1))}/{int(m.group(2))}/{m.group(3)}"
            if _before_is_truoc(toks, lo, i):
                printed = "Trước " + printed
            hits.append((i, printed, iso_date(printed)))
        elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})", t.word):
            got, score = _match_name([t.word, "hang", "nam"], toks, i, hi)
            if score == 1.0 and len(got) == 3:
                hits.append((i, f"{m.group(1)}/{m.group(2)} hằng năm", None))
        elif (m := re.fullmatch(r"([ivx1l]{1,4})/(20\d\d)", t.word)) and prev and re.fullmatch(r"q\S{1,2}", prev.word):
            hits.append((i - 1, f"Quý {re.sub(r'[1l]', 'I', m.group(1).upper())}/{m.group(2)}", None))
        elif re.fullmatch(r"20\d\d", t.word) and prev and prev.cap and re.fullmatch(r"n[a-z]{1,2}m", prev.word):
            hits.append((i - 1, f"Năm {t.word}", None))
        elif t.cap:
            for key, printed in _DEADLINE_PHRASES:
                kw = key.split()
                if _word_ok(kw[0], t.word):
                    got, score = _match_name(kw, toks, i, hi)
                    if score == 1.0 and len(got) == len(kw):
                        hits.append((i, printed, None))
                        break
    if not hits:
        return None
    hits.sort()
    pick = hits[-1] if last else hits[0]
    return pick[1], pick[2]


def _before_is_truoc(toks: list[_Tok], lo: int, i: int) -> bool:
    """`Trước` just before the date, on its line or at about the same place on the line above."""
    for j in range(i - 1, lo - 1, -1):
        t = toks[j]
        if t.line < toks[i].line - 1:
            break
        near = t.line == toks[i].line and j == i - 1 or t.line == toks[i].line - 1 and abs(t.rel - toks[i].rel) < 0.12
        if near and t.cap and t.word.startswith("tr") and 4 <= len(t.word) <= 6 and fuzz.ratio(t.word, "truoc") >= 60:
            return True
    return False


def _cells(names: list[_Match], toks: list[_Tok], region: str) -> list[tuple[float, list[str]]]:
    """Names grouped into cells, with the cell's place in the line (0 left .. 1 right). A name followed by
    `;` `,` `+` shares its cell with the name read right after the separator: the next token on the line,
    or, when the separator ends the cell's line, a name at about the same place on the next line."""
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
            right_after = b.first == a.toks[-1] + 1 and first.line == last.line
            below = first.line == last.line + 1 and abs(first.rel - toks[a.first].rel) < 0.15
            if right_after or below:
                parent[root(j)] = root(k)
                break
    groups: dict[int, list[int]] = {}
    for k in range(len(names)):
        groups.setdefault(root(k), []).append(k)
    return [(min(toks[names[k].first].rel for k in ks), [names[k].name for k in ks]) for ks in groups.values()]


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
    toks = _tokens(region)
    lex = Lexicon(extra_names, units=document_units(text))
    # `quận` folds to `quan` as in `cơ quan`, which every row prints: no unit word to read here
    lexicon = [(n, _WORD.findall(fold(n))) for n in lex.names if not n.endswith(" quận")]
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
            if rows and not group_seen and _restarts(rows[-1].rid, rid):
                # the group row was lost: the next index the title lists, else one not seen yet
                seen = set(indices.values())
                after = title[title.index(index) + 1:] if index in title else title
                index = next((x for x in after + title if x not in seen), index)
            group_seen = False
            label = ln[m.end():].strip() if m.end() <= len(ln) else ""
            if not label:  # cells read block by block (psm 3): the row's first cell is the next text line
                label = next((x.strip() for x in lines[li + 1:li + 4] if x.strip()), "")
            rows.append(_Row(rid, li, label))
            indices[len(rows) - 1] = index
    if not rows:
        return [], ["appendix task table found as interleaved OCR text, but no row number (STT) could be read"]

    # Rows: from their STT line down to the next (cells printed at the top), or, when cells are centred
    # vertically, the STT stands mid-row: lines above it belong to it too. Keep the reading that gives
    # more complete rows (an agency and a deadline).
    tok_line = [t.line for t in toks]
    last = order.index("deadline") > order.index("lead")

    def read(spans: list[tuple[int, int]]) -> list[tuple[list[_Match], Optional[tuple[str, Optional[str]]]]]:
        out = []
        for a, b in spans:
            lo = next((i for i, ln in enumerate(tok_line) if ln >= a), len(toks))
            hi = next((i for i, ln in enumerate(tok_line) if ln >= b), len(toks))
            out.append((_names_in(toks, lo, hi, lexicon), _deadline_in(toks, lo, hi, last=last)))
        return out

    top = read(_spans(rows, barriers, len(lines), set(), centred=False))
    groups = {k for k, (names, dl) in enumerate(top) if not names and not dl}
    mid = read(_spans(rows, barriers, len(lines), groups, centred=True))
    complete = lambda found: sum(bool(n) and bool(d) for n, d in found)  # noqa: E731
    for r, (names, dl) in zip(rows, mid if complete(mid) > complete(top) else top):
        r.names, r.deadline = names, dl

    tasks: list[Task] = []
    warnings: list[str] = []
    area = area_id = None
    lost = 0
    for k, r in enumerate(rows):
        if not r.names and not r.deadline:
            area, area_id = " ".join(r.label.strip(" |[]_").split()) or None, r.rid
            continue
        prev = tasks[-1].id if tasks else None
        rid = repair_id(r.rid, area_id or (prev.split(".")[0] if prev and "." in prev else None))
        cells = _cells(r.names, toks, region)
        lead, partners = _assign(cells, order)
        deadline, date = r.deadline or (None, None)
        content = _content(r.label)
        if not lead and not partners or not deadline:
            lost += 1
        tasks.append(Task(source="table", id=rid or None, index=indices.get(k), area=area, content=content,
                          lead=lead, partners=partners, deadline=deadline, deadline_date=date,
                          evidence=Evidence(page=page_of(start + line_off[r.line]) if page_of else None,
                                            text=" ".join(lines[r.line].split())[:240])))
    warnings.append(f"appendix task table rebuilt from interleaved OCR text: {len(tasks)} rows from their STT, "
                    "agencies from the agency lexicon, deadlines from their wording; targets and actions "
                    "not recovered (their cells are interleaved), content only from the row's first line"
                    + (f"; {lost} rows without an agency or deadline" if lost else ""))
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


def _assign(cells: list[tuple[float, list[str]]], order: list[str]) -> tuple[list[str], list[str]]:
    """Lead = the own-name cell on the lead column's side; cells of `Các ...` groups and the rest are partners."""
    own = [c for c in cells if not any(_is_group_name(n) for n in c[1])]
    if not own:
        return [], [n for _, c in cells for n in c]
    lead_first = order.index("lead") < order.index("partners")
    lead_cell = min(own, key=lambda c: c[0]) if lead_first else max(own, key=lambda c: c[0])
    partners = [n for c in cells if c is not lead_cell for n in c[1]]
    return lead_cell[1], partners


def _content(label: str) -> Optional[str]:
    """The first column's words on the anchor line: up to a column rule, else the first few words."""
    text = re.split(r"\s[|\[\]]\s?|\s{2,}", label.strip(" |[]"), maxsplit=1)[0]
    words = text.split()
    return " ".join(words[:7]).strip(" .,;:_-|") or None
