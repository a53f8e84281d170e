"""Synthetic plans: a seeded generator of plan layout + text + gold that agree by construction.

Every fact the gold records is drawn first, then written into the text by the section writers;
nothing is parsed back. `generate_plan(seed)` is deterministic for a seed and its variation options.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal, Optional

from extract.schema import Plan
from kehoach.synth import prose
from kehoach.synth.fmt import fmt_date_short, roman
from kehoach.synth.indices import OPERATIONAL_GOALS, component_table, index_phrase, overall_result, prose_targets
from kehoach.synth.issuer import Context, header_lines, make_context, signature
from kehoach.synth.model import Heading, Layout, PageBreak, Paragraph, Signature, layout_text, nfc
from kehoach.synth.refs import Ref, cite, cite_again, make_parent, make_refs
from kehoach.synth.tasks import appendix_table, body_tasks
from kehoach.synth.vocab import INDEX_SPELLINGS

Size = Literal["compact", "normal", "long"]
PLACEHOLDER_SHA = "0" * 64
GOLD_SECTIONS = ("source", "document", "parent_plan", "references", "index_results", "index_targets", "tasks",
                 "warnings")


@dataclass
class SyntheticPlan:
    seed: int
    layout: Layout
    text: str
    gold: dict
    size: str = "normal"
    page_texts: Optional[list[str]] = None  # filled by the renderer: printed text of each page
    notes: dict = field(default_factory=dict)


class _Refs:
    """References in order of first mention, deduplicated by number."""

    def __init__(self) -> None:
        self.gold: list[dict] = []
        self._seen: set[str] = set()

    def mention(self, ref: Ref, with_subject: bool = True) -> None:
        if ref.number not in self._seen:
            self._seen.add(ref.number)
            item = ref.gold()
            if not with_subject:
                item["subject"] = None
            self.gold.append(item)


def _choose_indices(ctx: Context) -> list[str]:
    rng = ctx.rng
    pool = {"province": ["PAR INDEX", "SIPAS", "PAPI", "PCI", "DTI"], "department": ["PAR INDEX", "SIPAS", "DTI"]}
    options = pool.get(ctx.level, ["PAR INDEX", "SIPAS", "PAPI"])
    k = rng.randint(1, min(4, len(options)))
    chosen = ["PAR INDEX"] + rng.sample(options[1:], k - 1) if rng.random() < 0.7 else rng.sample(options, k)
    return chosen


def _title(ctx: Context) -> tuple[str, list[str]]:
    rng = ctx.rng
    names = [ctx.spellings[i] for i in ctx.indices]
    short = all(len(n) < 20 for n in names)
    listed = ", ".join(names) if short and rng.random() < 0.6 else " và ".join(
        [", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    first, last = ctx.period
    when = f"năm {first}" if first == last else rng.choice((f"giai đoạn {first}-{last}", f"giai đoạn {first} - {last}"))
    prefix = rng.choice(("Cải thiện, nâng cao các Chỉ số", "Nâng cao", "Khắc phục tồn tại, hạn chế, nâng cao chỉ số",
                         "Cải thiện và nâng cao"))
    if prefix == "Nâng cao" and not names[0].startswith("Chỉ số"):
        prefix = "Nâng cao Chỉ số"
    if names[0].startswith("Chỉ số"):  # never "các Chỉ số Chỉ số ..."
        prefix = prefix.removesuffix(" các Chỉ số").removesuffix(" chỉ số")
    title = nfc(f"{prefix} {listed} {when}")
    return title, _wrap(title, rng.choice((48, 60, 75)))


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return (lines + [cur])[:3] if len(lines) < 3 else [" ".join(lines[:1]), " ".join(lines[1:] + [cur])]


def generate_plan(seed: int, *, level: Optional[str] = None, period: Optional[str] = None,
                  size: Size = "normal", with_parent: Optional[bool] = None, appendix_rows: Optional[int] = None,
                  n_refs: Optional[int] = None) -> SyntheticPlan:
    """A plan, its layout for the renderer, its plain text and its gold (source fields are placeholders).

    level: province | department | district | commune | ward; period: year | period;
    size: compact (short body, no appendix unless appendix_rows) | normal | long (multi-page appendix table).
    """
    rng = random.Random(seed)
    ctx = make_context(rng, level, period)
    ctx.indices = _choose_indices(ctx)
    ctx.spellings = {i: rng.choice(INDEX_SPELLINGS[i][:3] if size == "compact" else INDEX_SPELLINGS[i])
                     for i in ctx.indices}
    left, right, place = header_lines(ctx)
    title, title_lines = _title(ctx)
    index_list = ", ".join(i for i in ctx.indices)
    unit = ctx.own_unit_phrase()
    body: list = []
    refs = _Refs()
    results: list[dict] = []
    targets: list[dict] = []
    compact = size == "compact"

    # Legal basis: "Căn cứ ..." and, for some plans, the parent "Thực hiện Kế hoạch số ...".
    parent = make_parent(ctx) if (with_parent if with_parent is not None else rng.random() < 0.5) else None
    count = n_refs if n_refs is not None else (rng.randint(1, 2) if compact else rng.randint(2, 7))
    cited = make_refs(ctx, count, {parent.number} if parent else set())
    basis: list[tuple[str, list[tuple[Ref, bool]]]] = []  # sentence, documents it cites (with subject?)
    grouped = [r for r in cited if r.doc_type == "Quyết định" and r.issuer == "Bộ Nội vụ"]
    for ref in cited:
        if len(grouped) >= 2 and ref is grouped[0]:
            parts = [f"số {r.number} ngày {fmt_date_short(r.date, rng)}" for r in grouped]
            basis.append((f"Thực hiện các Quyết định: {', '.join(parts)} của Bộ Nội vụ;",
                          [(r, False) for r in grouped]))
        elif not (len(grouped) >= 2 and ref in grouped):
            basis.append((f"Căn cứ {cite(ref, ctx)};", [(ref, True)]))
    if parent:
        basis.insert(0 if rng.random() < 0.4 else len(basis), (f"Thực hiện {cite(parent, ctx)};", [(parent, True)]))
    for _, mentioned in basis:
        for ref, with_subject in mentioned:
            refs.mention(ref, with_subject)
    if compact and len(basis) > 1:
        body.append(Paragraph(" ".join(b for b, _ in basis)))
    else:
        body.extend(Paragraph(b) for b, _ in basis)

    # Context and baseline results.
    stated = [i for i in ctx.indices if rng.random() < 0.8] or ctx.indices[:1]
    # Baselines of indices the plan does not set out to improve (not in document.indices).
    extra = [i for i in ("PCI", "DTI", "SIPAS_LEADERS")
             if i not in ctx.indices and ctx.level == "province" and rng.random() < 0.15]
    sentences = []
    for index in stated + extra:
        text, gold = overall_result(ctx, index)
        sentences.append(text)
        results.append(gold)
    filler = prose.pick(ctx, prose.CONTEXT, 1 if compact else 2, u=unit)
    lead_in = rng.choice(("Theo kết quả công bố, ", "Cụ thể: ", "Kết quả đánh giá cho thấy: "))
    body.append(Paragraph(f"{filler[0]} {lead_in}{'; '.join(sentences)}. {' '.join(filler[1:])}".strip()))
    body.append(Paragraph(f"Để khắc phục những tồn tại, hạn chế, {ctx.issuer_short} ban hành Kế hoạch {title[0].lower()}"
                          f"{title[1:]}, cụ thể như sau:"))

    section = 0
    def heading(text: str) -> None:
        nonlocal section
        section += 1
        body.append(Heading(f"{roman(section)}. {text}"))

    if not compact:
        heading("MỤC ĐÍCH, YÊU CẦU")
        body.append(Heading("1. Mục đích"))
        body.extend(Paragraph(f"- {s}") for s in prose.pick(ctx, prose.PURPOSES, rng.randint(2, 3), i=index_list))
        body.append(Heading("2. Yêu cầu"))
        body.extend(Paragraph(f"- {s}") for s in prose.pick(ctx, prose.REQUIREMENTS, rng.randint(2, 3)))
    heading("MỤC TIÊU")
    for index in ctx.indices:
        for text, gold in prose_targets(ctx, index):
            body.append(Paragraph(f"- {text}"))
            targets.extend(gold)
    body.extend(Paragraph(f"- {g}.") for g in rng.sample(OPERATIONAL_GOALS, 1 if compact else 2))
    if not compact:
        for index in [i for i in ctx.indices if i in ("PAR INDEX", "PAPI", "SIPAS") and rng.random() < 0.6]:
            caption, table, res, tgt = component_table(ctx, index)
            body.append(Paragraph(caption))
            body.append(table)
            results.extend(res)
            targets.extend(tgt)

        heading("NHIỆM VỤ, GIẢI PHÁP")
        for k, index in enumerate(ctx.indices, 1):
            body.append(Heading(f"{k}. Đối với {index_phrase(ctx, index)}"))
            body.extend(Paragraph(f"- {s}") for s in prose.pick(ctx, prose.SOLUTIONS, rng.randint(1, 3)))
        if cited and rng.random() < 0.7:  # a document cited a second time
            again = rng.choice(cited)
            body.append(Paragraph(f"- Thực hiện đầy đủ các nhiệm vụ theo {cite_again(again)}."))
        if rng.random() < 0.5:
            heading("KINH PHÍ THỰC HIỆN")
            body.append(Paragraph(prose.FUNDING[0]))

    with_appendix = bool(appendix_rows) or (not compact and (size == "long" or rng.random() < 0.7))
    heading("TỔ CHỨC THỰC HIỆN")
    items, body_gold = body_tasks(ctx, 2 if compact else rng.randint(3, 6), max_duties=1 if compact else 3)
    marks = rng.choices((("- ",) * 8, ("+ ",) * 8, tuple(f"{c}) " for c in "abcdefgh")),  # one style per plan
                        weights=(6, 2, 2))[0]
    for head, inline, duties in items:
        if inline:
            body.append(Paragraph(f"{head}: {inline}"))
        else:
            body.append(Heading(head, italic=False))
        body.extend(Paragraph(f"{mark}{d}") for mark, d in zip(marks, duties))
    body.append(Paragraph(prose.pick(ctx, prose.CLOSING, 1, i=index_list, u=unit)[0]))
    position, signer, recipients = signature(ctx)
    body.append(Signature(recipients, position, signer))

    table_gold: list[dict] = []
    if with_appendix:
        n_rows = appendix_rows or (rng.randint(22, 40) if size == "long" else rng.randint(6, 12))
        table, table_gold = appendix_table(ctx, n_rows)
        body.append(PageBreak(landscape=True))
        body.append(Heading("PHỤ LỤC", align="C"))
        body.append(Paragraph(f"NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN CÁC CHỈ SỐ {index_list.upper()}", indent=False,
                              bold=True, align="C"))
        body.append(Paragraph(f"(Kèm theo Kế hoạch số {ctx.number} ngày {fmt_date_short(ctx.issue_date, rng)} "
                              f"của {ctx.issuer_short})", indent=False, italic=True, align="C"))
        body.append(table)

    layout = Layout(left, right, "KẾ HOẠCH", title_lines, body)
    if compact:
        layout.font_size = 12.0
    gold = Plan(
        source={"file": "PLACEHOLDER", "sha256": PLACEHOLDER_SHA, "media_type": "application/pdf",
                "text_origin": "pdf_text_layer", "diacritics": "present"},
        document={"doc_type": "Kế hoạch", "number": ctx.number, "title": " ".join(title_lines),
                  "issue_date": ctx.issue_date.isoformat(), "issue_place": place,
                  "issuer": {"name": ctx.issuer_name, "superior": ctx.superior, "level": ctx.level,
                             "province": ctx.place.province},
                  "signer": {"name": signer, "position": " ".join(position)},
                  "indices": ctx.indices, "period": {"from_year": ctx.period[0], "to_year": ctx.period[1]}},
        parent_plan=parent.gold() if parent else None,
        references=refs.gold, index_results=results, index_targets=targets,
        tasks=body_gold + table_gold, warnings=[],
    ).to_json_dict()
    gold["gold_meta"] = {"annotator": "kehoach.synth (generated)", "complete": sorted(GOLD_SECTIONS),
                         "notes": f"generated by kehoach.synth.generate_plan(seed={seed}, size={size!r}); "
                                  "facts drawn first, then written into the text"}
    return SyntheticPlan(seed=seed, layout=layout, text=layout_text(layout), gold=_nfc_tree(gold), size=size)


def _nfc_tree(obj):
    if isinstance(obj, str):
        return nfc(obj)
    if isinstance(obj, list):
        return [_nfc_tree(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _nfc_tree(v) for k, v in obj.items()}
    return obj
