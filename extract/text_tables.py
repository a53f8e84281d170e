"""Task-assignment tables (Phụ lục) as grids of cell texts -> Task objects.

Columns are mapped by their HEADER words, whatever the wording and order (`Cơ quan chủ trì` /
`Đơn vị chủ trì` / `Chủ trì`). Group rows set context: `I | Chỉ số PAPI` the index, `1 | Tham gia
của người dân ở cấp cơ sở` (no agency, no deadline) the area. A row without STT continues the row
above (a row broken over two pages); the header repeated on each page is skipped.

Grids come from the OCR's ruled tables (ocr/table.py) or from text rows whose cells are separated
by ` | ` (born-digital exports, the synthetic generator's text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.agencies import lead_and_partners
from extract.components import best_component, index_in
from extract.numbers import iso_date
from extract.schema import Evidence, Task
from ocr.table_vocab import ROMAN_ID as _ROMAN, ROW_ID as _ROW_ID, header_roles, names_task_table

_BULLET_SPLIT = re.compile(r"(?:^|\n)\s*[-+•–]\s*|\s+-\s+(?=[A-ZĐÀ-Ỹ])")

# A Markdown table's rule line under its header (`|------|:---:|`): no row of a table
MARKDOWN_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?(?::?-{3,}:?[ \t]*\|[ \t]*)+(?::?-{3,}:?[ \t]*)?$", re.M)


def map_columns(header_cells: list[str]) -> dict[str, int]:
    roles = _map_by_words(header_cells)
    if "id" not in roles and 0 not in roles.values() and len(roles) >= 3:
        roles["id"] = 0  # a misread `STT` (`S†T`): the unnamed first column holds the row numbers
    return roles


def _map_by_words(header_cells: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for col, cell in enumerate(header_cells):
        role = next((r for r in header_roles(cell) if r not in roles), None)
        if role:
            roles[role] = col
    return roles


def is_task_header(cells: list[str]) -> bool:
    """Header rows are short labels, no row number; at least 3 roles incl. an agency or deadline."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or _ROW_ID.match(filled[0]) or _ROMAN.match(filled[0]) or max(len(c) for c in filled) > 60:
        return False
    return names_task_table(map_columns(cells))


@dataclass
class _Context:
    index: Optional[str] = None
    area: Optional[str] = None
    area_id: Optional[str] = None


_ID_SLIPS = str.maketrans({"Z": "7", "z": "7", "l": "1", "I": "1", "i": "1", "L": "1", "|": "1", "O": "0", "o": "0",
                           "S": "5",
                           ",": ".", "'": "", "`": ""})


def repair_id(rid: str, area_id: Optional[str]) -> str:
    """OCR of a short STT cell drops the dot or misreads a digit (`41` under group `4` is `4.1`, `Z1` is `7.1`)."""
    if not rid or _ROW_ID.match(rid) and "." in rid:
        return rid
    fixed = rid.translate(_ID_SLIPS)
    if area_id and re.fullmatch(r"\d{2,3}", fixed) and fixed.startswith(area_id) and len(fixed) > len(area_id):
        return f"{area_id}.{fixed[len(area_id):]}"
    return fixed if _ROW_ID.match(fixed) else ""  # unreadable: no id rather than a garbled one


def _index_group(nonempty: list[str]) -> Optional[str]:
    """`II | Chỉ số SIPAS` (the numeral possibly misread): a short label naming an index."""
    label = " ".join(c for c in nonempty if not re.fullmatch(r"[IVXivx1l|]{1,4}\.?", c))
    if len(nonempty) <= 2 and len(label) <= 40 and re.match(r"(?i)^ch", label):
        return index_in(label)
    return None


def tasks_from_grid(grid: list[list[str]], page: Optional[int] = None,
                    roles: Optional[dict[str, int]] = None, ctx: Optional[_Context] = None
                    ) -> tuple[list[Task], list[str], Optional[dict[str, int]], _Context]:
    """Tasks of one table (or one page of a table: pass back `roles`/`ctx` to continue it)."""
    tasks: list[Task] = []
    warnings: list[str] = []
    ctx = ctx or _Context()
    for cells in grid:
        if is_task_header(cells):
            roles = map_columns(cells)
            continue
        if roles is None or not any(c.strip() for c in cells):
            continue
        get = lambda role: cells[roles[role]].strip() if role in roles and roles[role] < len(cells) else ""  # noqa: E731
        rid = get("id").rstrip(".")
        nonempty = [c.strip() for c in cells if c.strip()]
        group_index = _index_group(nonempty)
        if group_index or _ROMAN.match(rid):
            ctx = _Context(index=group_index or index_in(" ".join(nonempty)) or ctx.index)
            continue
        agencies_or_deadline = get("lead") or get("partners") or get("deadline")
        # a group row whose number was not read: only a label, and the label is a component of the index
        unnumbered_group = (not rid and not agencies_or_deadline and not get("actions") and not get("target")
                            and ctx.index and best_component(" ".join(nonempty), (ctx.index,))[1])
        if (rid or unnumbered_group) and not agencies_or_deadline and not get("actions"):
            label = " ".join(c for c in nonempty if c != rid and c.rstrip(".") != rid)
            ctx.area = _area_name(label, ctx.index)
            ctx.area_id = repair_id(rid, None)
            continue
        prev = tasks[-1].id if tasks else None
        rid = repair_id(rid, ctx.area_id or (prev.split(".")[0] if prev and "." in prev else None))
        if rid and not re.search(r"\.", rid) and prev and "." in prev and re.fullmatch(r"\d{2}", rid):
            # `81` after `7.3` while the group row `8` was lost: the next group's first row
            if int(rid[0]) == int(prev.split(".")[0]) + 1:
                rid = f"{rid[0]}.{rid[1]}"
        full_row = get("lead") and get("deadline") and (get("content") or get("target"))
        if not rid and tasks and not full_row:  # continuation of the row above (broken over a page)
            _extend(tasks[-1], get)
            continue
        tasks.append(_task(rid or None, get, ctx, page, cells))
    return tasks, warnings, roles, ctx


def _area_name(label: str, index: Optional[str]) -> str:
    """The official component when the label names one, else the label as printed."""
    label = " ".join(label.split())
    if index:
        _, comp, _ = best_component(label, (index,))
        if comp:
            return comp
    return label


def split_actions(cell: str) -> list[str]:
    parts = [" ".join(p.split()) for p in _BULLET_SPLIT.split(cell)]
    return [p for p in parts if len(p) > 2]


def _deadline(text: str) -> tuple[Optional[str], Optional[str]]:
    text = re.sub(r"\s*[/⁄]+\s*", "/", " ".join(text.split())).rstrip(" :;,.'`\"‘’-–")
    # `Quý II1/2026`, `Quý 1/2026`: OCR reads the Roman numeral's I as 1 or l
    text = re.sub(r"(Qu[ýy]\s+)([IVX1l|]{1,4})(?=\s*/)", lambda m: m.group(1) + re.sub(r"[1l|]", "I", m.group(2)), text)
    return (text or None), (iso_date(text) if text else None)


def _task(rid, get, ctx: _Context, page, cells) -> Task:
    lead, partners = lead_and_partners(get("lead"), get("partners"))
    deadline, deadline_date = _deadline(get("deadline"))
    content = " ".join(get("content").split()) or None
    return Task(source="table", id=rid, index=ctx.index or index_in(content or ""), area=ctx.area,
                content=content, target=" ".join(get("target").split()) or None,
                actions=split_actions(get("actions")), lead=lead, partners=partners,
                deadline=deadline, deadline_date=deadline_date,
                evidence=Evidence(page=page, text=" | ".join(" ".join(c.split()) for c in cells if c.strip())[:240]))


def _extend(task: Task, get) -> None:
    """Append a continuation row's cells to the task it continues."""
    more_actions = split_actions(get("actions"))
    if more_actions:
        task.actions = task.actions + more_actions
    for field, role in (("content", "content"), ("target", "target")):
        extra = " ".join(get(role).split())
        if extra:
            setattr(task, field, f"{getattr(task, field) or ''} {extra}".strip())
    lead, partners = lead_and_partners(get("lead"), get("partners"))
    if lead or partners:
        # a name broken over the page is better rejoined than split
        if task.lead and lead and not get("lead")[:1].isupper():
            task.lead = task.lead[:-1] + [f"{task.lead[-1]} {lead[0]}"] + lead[1:]
        else:
            task.lead = list(dict.fromkeys(task.lead + lead))
        task.partners = list(dict.fromkeys(task.partners + partners))
    dl = get("deadline")
    if dl and not task.deadline:
        task.deadline, task.deadline_date = _deadline(dl)


def grids_from_text(text: str, base: int = 0) -> list[tuple[int, list[list[str]]]]:
    """Runs of ` | `-separated lines (at least 3 cells) as grids, with the offset of their first row."""
    out: list[tuple[int, list[list[str]]]] = []
    pos, cur, start = 0, [], 0
    for raw in text.split("\n"):
        if raw.count("|") >= 1 and len(raw.split("|")) >= 2:
            if not cur:
                start = base + pos
            if not MARKDOWN_RULE.fullmatch(raw):  # a Markdown rule under the header (`|---|---|`) is no row
                cur.append([c.strip() for c in raw.split("|")])
        elif raw.strip() and cur:
            out.append((start, cur))
            cur = []
        pos += len(raw) + 1
    if cur:
        out.append((start, cur))
    return out


def widen_group_rows(grid: list[list[str]], n_cols: int) -> list[list[str]]:
    """Rows printed as `1 | Tham gia ...` (cells merged across the table) padded to the full width."""
    return [row if len(row) >= n_cols else row + [""] * (n_cols - len(row)) for row in grid]
