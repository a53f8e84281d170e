"""Task assignments: the appendix task table and the numbered items of 'TỔ CHỨC THỰC HIỆN'."""
from __future__ import annotations

import datetime as dt

from kehoach.synth import vocab
from kehoach.synth.fmt import roman
from kehoach.synth.issuer import Context
from kehoach.synth.model import Table, TableRow

VERBS = ("Tăng cường", "Đẩy mạnh", "Nâng cao chất lượng", "Tổ chức thực hiện tốt", "Rà soát, đánh giá",
         "Thực hiện nghiêm", "Kiểm tra, đôn đốc", "Duy trì và phát huy", "Chủ động triển khai", "Cải tiến")
OBJECTS = ("công tác thông tin, tuyên truyền về {c} đến người dân, doanh nghiệp",
           "việc công khai kết quả thực hiện {c} trên trang thông tin điện tử",
           "trách nhiệm của người đứng đầu trong thực hiện {c}",
           "việc tiếp nhận, xử lý ý kiến của người dân liên quan đến {c}",
           "các giải pháp khắc phục tồn tại, hạn chế đối với {c}",
           "công tác kiểm tra, giám sát việc thực hiện {c}",
           "việc ứng dụng công nghệ thông tin phục vụ {c}",
           "công tác phối hợp giữa các cơ quan, đơn vị trong {c}")
TARGETS = ("Hoàn thành 100% nhiệm vụ được giao", "Điểm số năm sau cao hơn năm trước",
           "100% hồ sơ được giải quyết đúng hạn", "Không để xảy ra sai sót, vi phạm",
           "100% thông tin được công khai đúng quy định", "Tỷ lệ người dân hài lòng đạt từ 85% trở lên",
           "Duy trì kết quả đã đạt được", "100% cán bộ, công chức được quán triệt")


def _actions(ctx: Context, subject: str, k: int) -> list[str]:
    rng = ctx.rng
    objs = rng.sample(OBJECTS, k)
    return [f"{rng.choice(VERBS)} {o.format(c=subject[0].lower() + subject[1:])}." for o in objs]


def _deadline(ctx: Context) -> tuple[str, str | None]:
    rng, y = ctx.rng, ctx.plan_year
    kind = rng.random()
    if kind < 0.4:
        return rng.choice(vocab.DEADLINES_FIXED), None
    if kind < 0.75:
        month, day = rng.choice(((3, 31), (6, 30), (9, 30), (12, 31), (12, 15), (11, 30)))
        d = dt.date(y, month, day)
        return f"{d.day}/{d.month}/{d.year}", d.isoformat()
    return f"Quý {roman(rng.randint(1, 4))}/{y}", None


def _agency_cells(ctx: Context) -> tuple[list[str], list[str]]:
    rng = ctx.rng
    if rng.random() < 0.08:  # only "các cơ quan liên quan": no lead
        return [], [vocab.ANY_AGENCY]
    lead = rng.sample(ctx.agencies(), 2 if rng.random() < 0.2 else 1)
    partners = rng.sample(ctx.partners(), rng.randint(1, 2))
    return lead, partners


LEAD_INS = ("Tập trung thực hiện các giải pháp sau:", "Thực hiện các nội dung:",
            "Triển khai đồng bộ các nhiệm vụ:")


def appendix_table(ctx: Context, n_rows: int) -> tuple[Table, list[dict]]:
    """A task table of about `n_rows` task rows under index and area group rows."""
    rng = ctx.rng
    cols = ["STT", "Chỉ số/nội dung", "Chỉ tiêu/kết quả", "Nhiệm vụ/giải pháp", "Cơ quan chủ trì",
            "Cơ quan phối hợp", "Thời gian hoàn thành"]
    rows, gold = [TableRow(cols, "header")], []
    indices = list(ctx.indices)
    per_index = max(2, n_rows // len(indices))
    for gi, index in enumerate(indices, 1):
        rows.append(TableRow([roman(gi), f"Chỉ số {index}"] + [""] * 5, "group"))
        comps = list(vocab.components_of(index))
        # Long tables need the sub-rows (criteria / sub-dimensions) to reach their length.
        crowded = per_index > len(comps) * 2
        three_level = index in ("PAPI", "PAR INDEX", "SIPAS") and (
            per_index > len(comps) or rng.random() < 0.6)
        rng.shuffle(comps)
        made = 0
        for ai, comp in enumerate(comps, 1):
            if made >= per_index:
                break
            if three_level:
                subs = vocab.criteria_of(comp)
                rows.append(TableRow([str(ai), comp] + [""] * 5, "group"))
                take = len(subs) if crowded else rng.randint(1, 3)
                items = [(f"{ai}.{si}", s, comp) for si, s in enumerate(subs[:take], 1)]
            else:
                items = [(str(ai), comp, None)]
            for tid, content, area in items:
                actions = _actions(ctx, content, rng.randint(1, 3))
                lead, partners = _agency_cells(ctx)
                deadline, deadline_date = _deadline(ctx)
                target = rng.choice(TARGETS)
                mark = rng.choice(("- ", "- ", "+ "))
                if len(actions) > 1 and rng.random() < 0.15:  # a lead-in line is an action of its own
                    actions.insert(0, rng.choice(LEAD_INS))
                bullets = "\n".join(f"{mark}{a}" for a in actions) if len(actions) > 1 or rng.random() < 0.5 \
                    else actions[0]
                rows.append(TableRow([tid, content, target, bullets, "; ".join(lead), "; ".join(partners),
                                      deadline]))
                gold.append({"source": "table", "id": tid, "index": index, "area": area, "content": content,
                             "target": target, "actions": actions, "lead": lead, "partners": partners,
                             "deadline": deadline, "deadline_date": deadline_date})
                made += 1
    return Table(cols, [0.55, 2.0, 2.0, 4.2, 1.7, 1.7, 1.2], rows, landscape=True, font_size=10.5), gold


BODY_DUTIES = (
    "Chủ trì, phối hợp với {p} triển khai các nhiệm vụ được giao tại Kế hoạch này.",
    "Phối hợp với {p} rà soát, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết.",
    "Định kỳ hằng quý báo cáo kết quả thực hiện về cơ quan thường trực trước ngày 15 của tháng cuối quý.",
    "Rà soát các tiêu chí, tiêu chí thành phần bị mất điểm, đề xuất giải pháp khắc phục cụ thể.",
    "Tăng cường công tác thông tin, tuyên truyền để người dân, tổ chức biết và tham gia đánh giá.",
    "Bố trí nguồn lực bảo đảm thực hiện các nhiệm vụ đúng tiến độ, hiệu quả.",
    "Phân công lãnh đạo, công chức theo dõi, đôn đốc từng nhiệm vụ được giao.",
    "Tổ chức tự đánh giá, chấm điểm các tiêu chí thuộc lĩnh vực phụ trách, gửi kết quả đúng thời hạn.",
    "Chỉ đạo đơn vị trực thuộc nâng cao chất lượng phục vụ người dân, tổ chức.",
)
GENERIC_PARTNER = "các cơ quan, đơn vị liên quan"
COORDINATOR_DUTIES = (
    "Là cơ quan thường trực, theo dõi, đôn đốc các cơ quan, đơn vị triển khai thực hiện Kế hoạch.",
    "Tổng hợp kết quả thực hiện, tham mưu báo cáo {boss} trước ngày 15 tháng 12 năm {y}.",
    "Hướng dẫn các cơ quan, đơn vị tự đánh giá, chấm điểm các chỉ số theo quy định.",
)


def body_tasks(ctx: Context, n_items: int,
               max_duties: int = 3) -> tuple[list[tuple[str, str | None, list[str]]], list[dict]]:
    """Numbered assignments: (heading, inline duty or None, bullet duties) and their gold."""
    rng = ctx.rng
    agencies = ctx.agencies()
    coordinator = agencies[0]
    others = rng.sample(agencies[1:], min(n_items - 1, len(agencies) - 1))
    groups = ctx.partners()
    # The last item may address two groups at once ("Các sở, ban, ngành; UBND các xã, phường").
    collective = "; ".join(groups[:2]) if rng.random() < 0.4 else groups[0]
    items, gold = [], []
    for i, agency in enumerate([coordinator] + others + ([collective] if rng.random() < 0.6 else []), 1):
        partners: list[str] = []  # "phối hợp với X" names a partner, as printed
        if agency == coordinator:
            duties = [d.format(boss=ctx.issuer_short, y=ctx.plan_year) for d in COORDINATOR_DUTIES[:max_duties]]
        else:
            duties = []
            for d in rng.sample(BODY_DUTIES, rng.randint(1, max_duties)):
                if "{p}" in d:
                    p = rng.choice([a for a in agencies if a != agency] + [GENERIC_PARTNER] * 3)
                    d = d.format(p=p)
                    if p not in partners:
                        partners.append(p)
                duties.append(d)
        inline = duties.pop(0) if rng.random() < 0.4 else None
        heading = f"{i}. {agency}"
        items.append((heading, inline, duties))
        actions = ([inline] if inline else []) + duties
        gold.append({"source": "body", "id": str(i), "index": None, "area": None, "content": None,
                     "target": None, "actions": actions, "lead": agency.split("; "), "partners": partners,
                     "deadline": None,
                     "deadline_date": None})
    return items, gold
