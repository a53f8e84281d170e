"""Assignments in the body under `TỔ CHỨC THỰC HIỆN`: one task per numbered item addressed to agencies.

    2. Sở Nội vụ                      -> id 2, lead [Sở Nội vụ], actions: one per bullet
    - Là cơ quan thường trực, ...
    4. Sở Tư pháp: Chủ trì tham mưu... -> actions: one per sentence
    17. Đề nghị Mặt trận Tổ quốc ...:  -> lead without `Đề nghị`
    2. Giao trách nhiệm ...            -> not an agency: an introduction; its 2.1, 2.2 ... are tasks
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import ner
from extract.agencies import (_ACTION_START, AGENCY_HEAD, departments_named, drop_request, is_agency_start, split_agencies,
                              text_before_action)
from extract.numbers import fold, iso_date
from extract.schema import Evidence, Task

# `IV. TỔ CHỨC THỰC HIỆN`, also after other words of the heading (`III. NHIỆM VỤ VÀ TỔ CHỨC THỰC HIỆN`); `T0` the
# English model's slip, `THU.Cô` the restorer's on `THU.C`
_SECTION = re.compile(r"^[ \t]*[ivx1l|]{1,4}[ \t]*[.,:]?[ \t]*(?:nh\S{1,3}m\s+v\S{1,2}(?:\s*,\s*gi\S{1,3}i\s+ph\S{1,3}p)?\s+v\S{1,2}\s+)?"
                      r"t[o0]\s+ch\S{1,3}c\s+th\S{1,4}\s+hi\S{1,3}n\b", re.M)
_SECTION_END = re.compile(r"^[\s|]*(?:[ivx]{1,4}\.\s+[a-z]|tren day la|noi nhan|yeu cau (?:thu truong|giam doc|cac|chu tich)|"
                          r"trong qua trinh (?:to chuc )?(?:thuc hien|trien khai)|kt\.\s*chu tich|tm\.\s*uy ban|"
                          r"phu luc\b(?![ \t]+kem[ \t]+theo))", re.M)
# (`Phụ lục kèm theo Kế hoạch này; chịu trách nhiệm ...` wrapped onto a line of its own goes on with the item)
_ITEM = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,2})\.(?!\d)\s*(\S.*)$")
_LETTERED = re.compile(r"^\s*([a-zđ])\)\s*(\S.*)$")
_BULLET = re.compile(r"^\s*(?:[-+•–]|[a-zđ]\))\s*")
_AGENCY_END = re.compile(r"\s*:")
_DUTY_LEAD_IN = re.compile(r"^(?:co trach nhiem|co nhiem vu|thuc hien cac nhiem vu sau|thuc hien)\s*:\s*$")
_GENERIC = re.compile(r"^cac (?:don vi|co quan|co quan, don vi|so, (?:ban, )?nganh)$")
_WRAPS = re.compile(r"(?:\bva|\bcua|,|-|&)\s*$")  # a name broken at a joining word goes on below


@dataclass
class _Item:
    id: str
    head: str  # the item's first line, without its number
    offset: int
    body: list[str] = field(default_factory=list)
    num: str = ""  # the numbered item's id (`1` for sub-item `1.a`)

    def __post_init__(self):
        self.num = self.num or self.id


def section_span(text: str) -> tuple[int, int] | None:
    folded = fold(text)
    m = _SECTION.search(folded)
    if not m:
        return None
    end = _SECTION_END.search(folded, m.end())
    return m.end(), end.start() if end else len(text)


def body_tasks(doc_text: str, page_of=None) -> tuple[list[Task], list[str]]:
    span = section_span(doc_text)
    if span is None:
        return [], []
    items = _items(doc_text, *span)
    tasks = []
    for it in items:
        task = _task(it, page_of)
        if task is not None:
            tasks.append(task)
    return tasks, []


def _items(text: str, start: int, end: int) -> list[_Item]:
    items: list[_Item] = []
    lettered_only = False  # `a) Văn phòng Sở: ...`, `b) Phòng ...` with no numbered item above them
    pos = start
    for raw in text[start:end].split("\n"):
        line = raw.strip()
        off = pos
        pos += len(raw) + 1
        if not line or line == "\f":
            continue
        m = _ITEM.match(line)
        sub = _LETTERED.match(line)
        if m and (is_agency_start(m.group(2)) or not items or _next_id(items[-1].num, m.group(1))):
            items.append(_Item(id=m.group(1), head=m.group(2), offset=off))
            lettered_only = False
        elif sub and (not items or lettered_only) and _addressed(sub.group(2), line_after=text[pos:pos + 200]):
            lettered_only = True
            items.append(_Item(id=sub.group(1), head=sub.group(2), offset=off))
        elif sub and items and _addressed(sub.group(2), line_after=text[pos:pos + 200]):
            # `a) Văn phòng HĐND và UBND xã: ...` under `1. Trách nhiệm của các cơ quan, đơn vị`: a task of its own
            items.append(_Item(id=f"{items[-1].num}.{sub.group(1)}", head=sub.group(2), offset=off, num=items[-1].num))
        elif items:
            items[-1].body.append(line)
    return items


def _addressed(text: str, line_after: str) -> bool:
    """A lettered line addressed to an agency: names then a colon, or names alone over bullets."""
    if not is_agency_start(text):
        return False
    colon = _AGENCY_END.search(text)
    verb = _ACTION_START.search(fold(text))  # `a) Bố trí nguồn lực ...` is an action, not `Bộ ...`
    # a verb before the colon is an action (`a) Bố trí nguồn lực: ...` is no `Bộ`) only when it opens the line:
    # a name may hold one (`b) Phòng Quản lý xây dựng: ...`)
    if colon and colon.start() < 150 and (not verb or verb.start() > colon.start() or verb.start() > 0):
        return True
    return len(text) < 120 and not verb and bool(_BULLET.match(line_after.lstrip()))


def _next_id(prev: str, cur: str) -> bool:
    """`3` after `2` or `2.1`; `2.2` after `2.1`; `2.1` after `2`: numbering goes on."""
    p, c = [int(x) for x in prev.split(".")], [int(x) for x in cur.split(".")]
    if len(c) == len(p) + 1:
        return c[:-1] == p and c[-1] == 1
    if len(c) <= len(p):
        return c[:-1] == p[:len(c) - 1] and c[-1] == p[len(c) - 1] + 1
    return False


def _task(it: _Item, page_of) -> Task | None:
    if not is_agency_start(it.head):
        return None
    # The name may wrap onto the next line before its colon (`17. Đề nghị Mặt trận ... - xã / hội tỉnh:`).
    wrapped = [it.head]
    for x in it.body[:2]:
        if _BULLET.match(x):
            break
        wrapped.append(x)
    joined = " ".join(wrapped)
    if re.search(r"(?:nhu sau|cu the|sau day)\s*:?\s*$", fold(it.head)):
        return None  # `3. Giao các cơ quan ... như sau:` introduces the numbered items below it
    head_colon = _AGENCY_END.search(it.head)
    head_verb = text_before_action(it.head)
    colon = _AGENCY_END.search(joined)
    by_verb = text_before_action(joined)
    if head_colon and (not head_verb or head_colon.start() <= len(head_verb) + 1):
        cut, rest_at = head_colon.start(), head_colon.end()
    elif head_verb:  # `2.4. Sở Tài chính tiếp tục tham mưu ...`: the name ends where the action starts
        cut = rest_at = len(head_verb)
    elif colon and colon.start() < 180 and _WRAPS.search(fold(it.head)) and (not by_verb or len(by_verb) >= colon.start()):
        cut, rest_at = colon.start(), colon.end()  # `3. Sở Văn hóa, Thể thao và` / `Du lịch, Sở Khoa học ...:`
    elif by_verb and len(it.head) < len(by_verb) < 250 and ";" in by_verb[len(it.head):] and \
            not re.search(r"[.:]\s*$", it.head) and it.body and not _BULLET.match(it.body[0]):
        cut = rest_at = len(by_verb)  # a list of addressees going on below (`...; Chủ tịch UBND cấp huyện ... tiếp tục`)
    elif not it.body or _BULLET.match(it.body[0]) or it.body[0][:1].isupper() or len(it.head) < 40:
        cut = rest_at = len(it.head)
    elif colon and colon.start() < 180 and (not by_verb or colon.start() <= len(by_verb) + 1):
        cut, rest_at = colon.start(), colon.end()  # the name wraps onto the next line before its colon
    elif by_verb:
        cut = rest_at = len(by_verb)
    else:  # addressed to agencies, but where the names end the rules cannot tell: ask the NER
        found = ner.leading_agencies(drop_request(joined))
        if not found:
            return None
        offset = len(joined) - len(drop_request(joined))
        cut = rest_at = offset + found[1]
    lead_text = joined[:cut]
    if _GENERIC.match(fold(drop_request(lead_text)).strip()) and is_agency_start(joined[rest_at:]):
        # `2. Các đơn vị: Công an tỉnh; Sở Y tế; ... trực tiếp ...`: the colon opens the list of addressees
        names = text_before_action(joined[rest_at:])
        if len(split_agencies(names)) >= 2:
            lead_text, rest_at = names, rest_at + len(names) + (len(joined[rest_at:]) - len(joined[rest_at:].lstrip()))
    named = []
    for names_text in (text_before_action(it.head), it.head, by_verb):  # `3. Các sở: Tư pháp, Tài chính, ...`
        named = departments_named(names_text) if names_text else []
        if named:
            rest_at = len(names_text) + len(joined[len(names_text):]) - len(joined[len(names_text):].lstrip(" :"))
            break
    ends = [len(" ".join(wrapped[:k + 1])) for k in range(len(wrapped))]
    line = next((k for k, e in enumerate(ends) if rest_at <= e), len(ends) - 1)
    rest = joined[rest_at:ends[line]]
    body = it.body[line:]
    lead = named or split_agencies(lead_text)
    if not lead:
        return None
    lines = ([rest] if rest.strip() else []) + body
    actions = [a[:1].upper() + a[1:] for a in _actions(lines)]  # an action cut mid-sentence starts a sentence
    if len(actions) > 1 and _DUTY_LEAD_IN.match(fold(actions[0])):
        actions = actions[1:]  # `... có trách nhiệm:` over bullets introduces them, it is no action
    snippet = " ".join((it.id + ". " + it.head).split())[:240]
    partners = [p for p in partners_in(actions) if p not in lead]
    deadline = item_deadline(actions)
    return Task(source="body", id=it.id, lead=lead, partners=partners, actions=actions, deadline=deadline,
                deadline_date=iso_date(deadline) if deadline else None,
                evidence=Evidence(page=page_of(it.offset) if page_of else None, text=snippet))


_ITEM_DEADLINE = re.compile(r"(?:^|[.;]\s+)th\S{1,3}i\s+(?:gian|h\S{1,2}n)(?:\s+(?:ho\S{1,3}n\s+th\S{1,3}nh|th\S{1,3}c\s+hi\S{1,3}n))?"
                            r"\s*:\s*([^;]{3,60}?)\s*[.;]?\s*$")


# A time closing the item's last sentence (`...; báo cáo UBND tỉnh trước ngày 15/12/2025.`, `..., hoàn thành trong Quý
# IV/2025.`), or the one date the item gives (`hoàn thành trước ngày 30/01/2026; báo cáo kết quả ... theo quy định`):
# `trước ngày` kept as printed, the preposition `trong` not (the forms annotators wrote, dr_170-219).
_DAY = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
_BEFORE_DAY = r"(?:hang\s+nam\s+)?(?:tr\S{1,3}c|cham\s+nhat)(?:\s+ng\S{1,3}y)?\s+" + _DAY + r"(?:\s+h\S{1,3}ng\s+n\S{1,3}m)?"
_WITHIN = r"(?:qu\S{1,2}\s+[ivx1l]{1,4}|th\S{1,3}ng\s+\d{1,2})\s*/\s*\d{4}|n\S{1,3}m\s+\d{4}"
_CLOSING_DEADLINE = re.compile(rf"(?:\b(?P<before>{_BEFORE_DAY})|\btrong\s+(?P<within>{_WITHIN}))[\s).;|]*$")
# a date inside the item is its deadline only after a word of delivery (`ban hành trước ngày 01/7/2025` says which)
_ANY_DATED = re.compile(rf"\b{_BEFORE_DAY}")
_DATED_DEADLINE = re.compile(rf"\b(?:hoan\s+thanh|bao\s+cao|gui|trinh|nop|xong|ke\s+hoach)\b[^.;]{{0,160}}?\b(?P<date>{_BEFORE_DAY})")


def item_deadline(actions: list[str]) -> str | None:
    """`... Thời gian hoàn thành: Quý IV/2025.` closing the item, a time closing its last sentence (`... gửi Sở Nội
    vụ trước ngày 30/11/2025.`; of several bullets, a `trước ngày` date closing the last), else the one `trước ngày` date
    of an item of one paragraph: the deadline of the item as a whole."""
    if not actions:
        return None
    folded = fold(actions[-1])
    m = _ITEM_DEADLINE.search(folded)
    if m:
        return actions[-1][m.start(1):m.end(1)]
    m = _CLOSING_DEADLINE.search(folded)
    if m and (len(actions) == 1 or m.group("before")):  # the report that closes the last of several bullets
        return _spelled(m.group("before") or m.group("within"))
    if len(actions) > 1:
        return None  # a date inside one of several bullets is that bullet's (seeds 001, 004: `... trước ngày 20/7/2025`)
    delivered = _DATED_DEADLINE.search(folded)
    return _spelled(delivered.group("date")) if delivered and len(_ANY_DATED.findall(folded)) == 1 else None


# The words of a deadline spelled out from their folded form: the restorer may leave English-model OCR's `trtroc ngay`
_DEADLINE_WORDS = ((r"^hang\s+nam\s+", "hằng năm "), (r"\btr\S{1,3}c\b", "trước"), (r"\bcham\s+nhat\b", "chậm nhất"),
                   (r"\bng\S{1,3}y\b", "ngày"), (r"\bh\S{1,3}ng\s+n\S{1,3}m$", "hằng năm"), (r"^qu\S{1,2}\b", "Quý"),
                   (r"^th\S{1,3}ng\b", "tháng"), (r"^n\S{1,3}m\b", "năm"), (r"\s+", " "))


def _spelled(folded_deadline: str) -> str:
    out = folded_deadline.strip()
    for rx, word in _DEADLINE_WORDS:
        out = re.sub(rx, word, out)
    out = re.sub(r"^Quý ([ivx1l]+)", lambda m: "Quý " + m.group(1).upper().replace("1", "I").replace("L", "I"), out)
    return re.sub(r"\s*/\s*", "/", out)


_WITH = re.compile(r"ph\S{1,3}i\s+h\S{1,2}p(?:\s+v\S{1,3}i)?\s+")


def partners_in(actions: list[str]) -> list[str]:
    """Agencies named after `phối hợp (với)` in the actions, up to the action that follows."""
    out: list[str] = []
    for a in actions:
        folded = fold(a)
        for m in _WITH.finditer(folded):
            clause = re.split(r"[.;:(]", a[m.end():])[0]
            # `...; phối hợp với Phòng Tư pháp.`: nothing after the names, the clause is the list
            names = text_before_action(clause + " ") or clause
            out.extend(n for n in split_agencies(names) if len(n) < 80 and AGENCY_HEAD.match(fold(n)))
    return list(dict.fromkeys(out))


def _actions(lines: list[str]) -> list[str]:
    """One action per bullet; text without bullets is one action."""
    if any(_BULLET.match(x) for x in lines):
        out: list[str] = []
        for x in lines:
            if _BULLET.match(x) or not out:
                out.append(_BULLET.sub("", x))
            else:
                out[-1] += " " + x
        return [" ".join(a.split()) for a in out if a.strip()]
    text = " ".join(" ".join(lines).split())
    return [text] if len(text) > 3 else []
