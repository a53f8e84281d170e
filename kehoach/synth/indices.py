"""Index results (baselines) and targets: the sentences and tables that state them, with their gold."""
from __future__ import annotations

from dataclasses import dataclass

from kehoach.synth import vocab
from kehoach.synth.fmt import fmt_num, rnd
from kehoach.synth.issuer import Context
from kehoach.synth.model import Table, TableRow
from kehoach.synth.places import province_count


@dataclass
class Ranking:
    """Who a result belongs to and among how many units it is ranked."""

    scope: str | None  # None: the issuer's own result
    total: int
    units: str  # "tỉnh, thành phố"


def index_phrase(ctx: Context, index: str) -> str:
    """'Chỉ số PAR INDEX', 'Chỉ số hài lòng ... (SIPAS)'."""
    sp = ctx.spellings.get(index, index)
    return sp if sp.startswith("Chỉ số") else f"Chỉ số {sp}"


def ranking(ctx: Context, index: str, for_target: bool = False) -> Ranking:
    """Ranking of the result year, or (for_target) of the plan's own years."""
    own_ranked = index in ("PAR INDEX", "SIPAS")
    if for_target:
        total = province_count(ctx.period[0])
        if ctx.level == "province" or not own_ranked:
            return Ranking(None, total, "tỉnh, thành phố")
        if ctx.level in ("commune", "ward"):
            return Ranking(None, ctx.place.n_units or 100, "xã, phường")
    if ctx.level == "province":
        scope = ctx.province_scope()
        return Ranking(None if scope == ctx.province_full else scope, ctx.province_rank_total(), "tỉnh, thành phố")
    if ctx.level == "department" and own_ranked:
        return Ranking(None, 14 + (sum(map(ord, ctx.department or "")) % 8), "sở, ban, ngành")
    if ctx.level == "district" and own_ranked:
        return Ranking(None, ctx.place.n_units or 10, "huyện, thị xã, thành phố")
    if ctx.level in ("commune", "ward") and own_ranked and ctx.result_year >= 2025:
        return Ranking(None, ctx.place.n_units or 100, "xã, phường")
    return Ranking(ctx.province_scope(), ctx.province_rank_total(), "tỉnh, thành phố")


def _result(index, component, year, scope, score=None, max_score=None, percent=None, rank=None, total=None):
    return {"index": index, "component": component, "year": year, "scope": scope, "score": score,
            "max_score": max_score, "percent": percent, "rank": rank, "rank_total": total}


def _target(index, component, year, metric, comparator, value, value_max=None, out_of=None):
    return {"index": index, "component": component, "year": year, "metric": metric, "comparator": comparator,
            "value": value, "value_max": value_max, "out_of": out_of}


def overall_result(ctx: Context, index: str) -> tuple[str, dict]:
    """One sentence stating an index's overall result in the result year, and its gold."""
    rng, ry, rk = ctx.rng, ctx.result_year, ranking(ctx, index)
    rank = rng.randint(1, rk.total)
    whose = f" của {rk.scope}" if rk.scope else rng.choice(("", f" của {ctx.own_unit_phrase()}"))
    lead = f"{index_phrase(ctx, index)} năm {ry}{whose}"
    verb = rng.choice(("xếp thứ", "xếp hạng", "đứng thứ", "xếp vị thứ", "đứng ở vị trí thứ"))
    rank_text = f"{verb} {rank}/{rk.total} {rk.units}"
    if rng.random() < 0.3:
        rank_text += f", {rng.choice(('tăng', 'giảm'))} {rng.randint(1, 9):02d} bậc so với năm {ry - 1}"
    gold = _result(index, None, ry, rk.scope, rank=rank, total=rk.total)
    if index == "SIPAS_LEADERS":  # the survey of leaders and managers, a points score
        score = rnd(rng, 14, 22, 2)
        gold["score"] = score
        lead = rng.choice(("kết quả khảo sát ý kiến lãnh đạo, quản lý", "kết quả khảo sát lãnh đạo, quản lý các cấp"))
        return f"{lead} năm {ry}{whose} đạt {fmt_num(score, 2)} điểm, {rank_text}", gold
    if index == "PAR INDEX" and rng.random() < 0.3:
        pct = rnd(rng, 72, 93, 2)
        gold["percent"] = pct
        return f"{lead} đạt {fmt_num(pct, 2)}%, {rank_text}", gold
    if index == "PAR INDEX":
        score = rnd(rng, 72, 93, 2)
        gold.update(score=score, max_score=100.0)
        return f"{lead} đạt {fmt_num(score, 2)}/100 điểm, {rank_text}", gold
    if index == "SIPAS":
        pct = rnd(rng, 78, 95, 2)
        gold["percent"] = pct
        return f"{lead} đạt {fmt_num(pct, 2)}%, {rank_text}", gold
    if index == "PAPI":
        score = rnd(rng, 38, 48, 4)
        out_of = rng.random() < 0.4
        gold.update(score=score, max_score=vocab.PAPI_TOTAL_MAX if out_of else None)
        return f"{lead} đạt {fmt_num(score, 4)}{'/80' if out_of else ''} điểm, {rank_text}", gold
    if index == "PCI":
        score = rnd(rng, 60, 72, 2)
        gold["score"] = score
        return f"{lead} đạt {fmt_num(score, 2)} điểm, {rank_text}", gold
    score = rnd(rng, 0.40, 0.70, 4)  # DTI, scored 0..1
    gold["score"] = score
    return f"{lead} đạt {fmt_num(score, 4)} điểm, {rank_text}", gold


def _target_year(ctx: Context) -> tuple[int, str]:
    first, last = ctx.period
    if first == last:
        return first, f"năm {first}"
    return (last, f"đến năm {last}") if ctx.rng.random() < 0.6 else (first, f"năm {first}")


# Ways to say "at least X" / "more than X" ({} is the value with its unit) and their comparator.
AT_LEAST = (("đạt {} trở lên", ">="), ("đạt từ {} trở lên", ">="), ("đạt tối thiểu {}", ">="),
            ("đạt ít nhất {}", ">="), ("đạt trên {}", ">"))


def prose_targets(ctx: Context, index: str) -> list[tuple[str, list[dict]]]:
    """Objective sentences (bullets) for one index and the targets each states."""
    rng, rk = ctx.rng, ranking(ctx, index, for_target=True)
    year, when = _target_year(ctx)
    name = index_phrase(ctx, index)
    out: list[tuple[str, list[dict]]] = []
    kind = rng.choice(("score", "rank", "rank_between", "rank_increase", "top"))
    if index == "SIPAS":
        kind = rng.choice(("percent", "satisfied", "components"))
    if kind == "percent":
        v = float(rng.choice((80, 85, 88, 90)))
        wording, comparator = rng.choice(AT_LEAST)
        out.append((f"Phấn đấu {name} {when} {wording.format(f'{v:.0f}%')}.",
                    [_target(index, None, year, "percent", comparator, v)]))
    elif kind == "satisfied":
        v = float(rng.choice((85, 90, 92, 95)))
        out.append((f"{when.capitalize()}, có trên {v:.0f}% người dân, tổ chức hài lòng với sự phục vụ của cơ quan "
                    f"hành chính nhà nước.", [_target(index, None, year, "percent", ">", v)]))
    elif kind == "components":
        v = float(rng.choice((80, 85, 90)))
        comps = rng.sample(vocab.SIPAS_COMPONENTS, rng.randint(2, 4))
        listed = "; ".join(f"({i}) {c}" for i, c in enumerate(comps, 1))
        out.append((f"Mức độ hài lòng {when} đạt {v:.0f}% trở lên đối với các yếu tố: {listed}.",
                    [_target(index, c, year, "percent", ">=", v) for c in comps]))
    elif kind == "score":
        hi = {"PAR INDEX": 95, "PAPI": 50, "PCI": 72, "DTI": 0.7}[index]
        dec = 4 if index == "DTI" else 1
        v = rnd(rng, hi * 0.85, hi, dec)
        out_of = 100.0 if index == "PAR INDEX" and rng.random() < 0.5 else None
        scale = "/100" if out_of else ""
        wording, comparator = rng.choice(AT_LEAST)
        out.append((f"{name} {when} {wording.format(f'{fmt_num(v, dec)}{scale} điểm')}.",
                    [_target(index, None, year, "score", comparator, v, out_of=out_of)]))
    elif kind == "rank":
        v = float(rng.randint(1, max(1, rk.total // 2)))
        out.append((f"{name} {when} xếp hạng {v:.0f}/{rk.total} {rk.units}.",
                    [_target(index, None, year, "rank", "=", v, out_of=float(rk.total))]))
    elif kind == "rank_between":
        a = rng.randint(1, max(2, rk.total - 6))
        b = min(rk.total, a + rng.randint(2, 6))
        span = rng.choice((f"{a} - {b}", f"từ {a} đến {b}", f"{a}-{b}"))
        out.append((f"Phấn đấu {name} {when} xếp hạng {span}/{rk.total} {rk.units}.",
                    [_target(index, None, year, "rank", "between", float(a), float(b), float(rk.total))]))
    elif kind == "rank_increase":
        k = rng.randint(2, 8)
        out.append((f"{name} {when} tăng ít nhất {k:02d} bậc so với năm {ctx.result_year}.",
                    [_target(index, None, year, "rank_increase", ">=", float(k))]))
    else:
        k = rng.choice((10, 15, 20, 25, 30))
        k = min(k, rk.total)
        out.append((f"{name} {when} nằm trong nhóm {k} {rk.units.split(',')[0]} dẫn đầu (xếp hạng từ {k}/{rk.total} "
                    f"trở lên).", [_target(index, None, year, "rank", "<=", float(k), out_of=float(rk.total))]))
    return out


OPERATIONAL_GOALS = (
    "100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết đúng hạn",
    "Tỷ lệ hồ sơ nộp trực tuyến đạt từ 80% trở lên",
    "100% văn bản đi, đến được xử lý trên môi trường điện tử",
    "Số hóa 100% kết quả giải quyết thủ tục hành chính còn hiệu lực",
    "100% phản ánh, kiến nghị được xử lý đúng quy định",
)


def _max_text(mx: float) -> str:
    return fmt_num(mx, 1) if mx != int(mx) else str(int(mx))


def _field_parts(ctx: Context, field: str, score: float, mx: float, ry: int, ty: int, scope: str | None):
    """Sub-rows of a PAR INDEX field: self-assessed points and the sociological survey. Their
    components are '<field> - <part>' (the annotation guide's convention)."""
    rng = ctx.rng
    exec_max = round(mx * rng.choice((0.5, 0.6, 0.7)) * 2) / 2
    parts = []
    exec_score = round(min(exec_max, score * exec_max / mx * rng.uniform(0.9, 1.1)), 4)
    for label, printed, part_score, part_max in (
            ("Điểm thực hiện", "Điểm thực hiện", exec_score, exec_max),
            ("Điều tra xã hội học", rng.choice(("Điều tra XHH", "Điều tra xã hội học")),
             round(max(0.0, score - exec_score), 4), round(mx - exec_max, 1))):
        comp = f"{field} - {label}"
        inc = rnd(rng, 0.0, min(1.0, max(0.0, part_max - part_score)), 2)
        res = _result("PAR INDEX", comp, ry, scope, score=part_score, max_score=part_max)
        tgt = [_target("PAR INDEX", comp, ty, "score_increase", "=", inc, out_of=part_max)]
        inc_text = rng.choice(("+ ", "+", "")) + fmt_num(inc, 2)
        parts.append((TableRow(["", printed, "", fmt_num(part_score, 4), _max_text(part_max), inc_text, ""]),
                      res, tgt))
    return parts


def component_table(ctx: Context, index: str, n_rows: int | None = None) -> tuple[str, Table, list, list]:
    """Caption, results/targets table of an index's components, and its results and targets."""
    rng, ry, rk = ctx.rng, ctx.result_year, ranking(ctx, index)
    ty = ctx.period[0]
    whose = f" của {rk.scope}" if rk.scope else ""
    results, targets, rows = [], [], []
    if index == "SIPAS":
        cols = ["STT", "Yếu tố", f"Kết quả năm {ry} (%)", f"Mục tiêu năm {ty} (%)"]
        rows.append(TableRow(cols, "header"))
        for i, comp in enumerate(vocab.SIPAS_COMPONENTS, 1):
            pct = rnd(rng, 76, 95, 2)
            goal = float(min(99, int(pct) + rng.randint(1, 4)))
            rows.append(TableRow([str(i), comp, fmt_num(pct, 2), f"≥ {goal:.0f}"]))
            results.append(_result(index, comp, ry, rk.scope, percent=pct))
            targets.append(_target(index, comp, ty, "percent", ">=", goal))
        caption = f"Kết quả {index_phrase(ctx, index)} năm {ry}{whose} và mục tiêu năm {ty}:"
        return caption, Table(cols, [0.6, 4.0, 1.6, 1.6], rows), results, targets
    comps = (list(vocab.PAR_INDEX_FIELDS) if index == "PAR INDEX"
             else [(c, vocab.PAPI_DIMENSION_MAX) for c in vocab.PAPI_DIMENSIONS])
    comps = comps[: n_rows or len(comps)]
    label = "Lĩnh vực" if index == "PAR INDEX" else "Chỉ số nội dung"
    cols = ["STT", label, f"Xếp hạng năm {ry}", f"Điểm năm {ry}", "Điểm tối đa",
            f"Dự kiến tăng điểm năm {ty}", f"Mục tiêu năm {ty}"]
    rows.append(TableRow(cols, "header"))
    for i, (comp, mx) in enumerate(comps, 1):
        score = rnd(rng, mx * 0.45, mx * 0.95, 4 if index == "PAR INDEX" else 2)
        rank = rng.randint(1, rk.total)
        inc = rnd(rng, 0.05, min(2.0, mx - score), rng.choice((2, 2, 4)))
        goal = round(min(mx, score + inc), 2)
        results.append(_result(index, comp, ry, rk.scope, score=score, max_score=mx, rank=rank, total=rk.total))
        inc_text = rng.choice(("+ ", "+", "")) + fmt_num(inc, 4 if round(inc, 2) != inc else 2)
        goal_text = rng.choice(("≥ ", "≥")) + fmt_num(goal, 2)
        if rng.random() < 0.1:  # no plan for this component this year
            inc_text = goal_text = ""
        else:
            targets.append(_target(index, comp, ty, "score_increase", "=", inc, out_of=mx))
            targets.append(_target(index, comp, ty, "score", ">=", goal, out_of=mx))
        score_text = fmt_num(score, 4 if index == "PAR INDEX" else 2)
        rows.append(TableRow([str(i), comp, f"{rank}/{rk.total}", score_text, _max_text(mx), inc_text, goal_text]))
        if index == "PAR INDEX" and rng.random() < 0.35:
            parts = _field_parts(ctx, comp, score, mx, ry, ty, rk.scope)
            rows.extend(p[0] for p in parts)
            for _, res, tgt in parts:
                results.append(res)
                targets.extend(tgt)
    caption = f"Kết quả các {label.lower()} của {index_phrase(ctx, index)} năm {ry}{whose} và mục tiêu năm {ty}:"
    return caption, Table(cols, [0.6, 4.2, 1.3, 1.3, 1.1, 1.4, 1.4], rows), results, targets
