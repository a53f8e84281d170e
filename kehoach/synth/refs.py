"""Cited documents: who issues what kind of document with which number pattern, and how it is cited."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.synth.fmt import fmt_date_any, random_date
from kehoach.synth.issuer import Context


@dataclass
class Ref:
    doc_type: str  # as printed: "Quyết định", "Nghị quyết", "Công văn" ...
    number: str
    date: dt.date
    issuer: str  # expanded, as the gold wants it
    issuer_text: str  # as printed after "của"
    subject: str | None

    def gold(self) -> dict:
        return {"doc_type": self.doc_type, "number": self.number, "date": self.date.isoformat(),
                "issuer": self.issuer, "subject": self.subject}


SUBJECTS = {
    "Nghị quyết": ("cải cách hành chính nhà nước giai đoạn {a} - {b}",
                   "đẩy mạnh chuyển đổi số và phát triển chính quyền số", "nâng cao hiệu quả quản trị công"),
    "Quyết định": ("phê duyệt và công bố kết quả Chỉ số cải cách hành chính năm {r}",
                   "phê duyệt Đề án đo lường sự hài lòng của người dân, tổ chức",
                   "ban hành Kế hoạch cải cách hành chính năm {y}"),
    "Kế hoạch": ("cải cách hành chính năm {y}", "triển khai nhiệm vụ chuyển đổi số năm {y}",
                 "nâng cao các chỉ số quản trị, hành chính công năm {y}"),
    "Chỉ thị": ("tăng cường kỷ luật, kỷ cương hành chính", "đẩy mạnh cải cách thủ tục hành chính"),
    "Thông tư": ("hướng dẫn chế độ báo cáo công tác cải cách hành chính",
                 "quy định về chế độ làm việc của công chức"),
    "Nghị định": ("thực hiện thủ tục hành chính trên môi trường điện tử",
                  "thực hiện cơ chế một cửa, một cửa liên thông"),
    "Công văn": ("triển khai đo lường sự hài lòng năm {y}", "hướng dẫn xây dựng kế hoạch cải cách hành chính"),
    "Văn bản": ("triển khai khảo sát Chỉ số PAPI năm {y}", "đôn đốc thực hiện nhiệm vụ cải cách hành chính"),
}


def _issuers(ctx: Context) -> list[tuple[str, str, str, str]]:
    """(doc_type, number pattern, issuer, issuer as printed). {n} number, {y} year."""
    prov = ctx.province_full
    prov_ubnd = f"Ủy ban nhân dân {prov}"
    ubnd_text = (f"UBND {prov}", f"Ủy ban nhân dân {prov}", f"Ủy ban nhân dân (UBND) {prov}")
    ministry_it = "Bộ Khoa học và Công nghệ" if ctx.new_era else "Bộ Thông tin và Truyền thông"
    it_abbr = "BKHCN" if ctx.new_era else "BTTTT"
    party = "Thành ủy" if ctx.place.province_kind == "thành phố" else "Tỉnh ủy"
    out = [
        ("Nghị quyết", "{n}-NQ/TW", "Bộ Chính trị", "Bộ Chính trị"),
        ("Nghị quyết", "{n}/NQ-CP", "Chính phủ", "Chính phủ"),
        ("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ", "Chính phủ"),
        ("Quyết định", "{n}/QĐ-TTg", "Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
        ("Chỉ thị", "{n}/CT-TTg", "Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
        ("Quyết định", "{n}/QĐ-BNV", "Bộ Nội vụ", "Bộ Nội vụ"),
        ("Thông tư", "{n}/{y}/TT-BNV", "Bộ Nội vụ", "Bộ Nội vụ"),
        ("Công văn", "{n}/BNV-CCHC", "Bộ Nội vụ", "Bộ Nội vụ"),
        ("Thông tư", "{n}/{y}/TT-" + it_abbr, ministry_it, ministry_it),
        ("Quyết định", "{n}/QĐ-UBND", prov_ubnd, "*"),
        ("Kế hoạch", "{n}/KH-UBND", prov_ubnd, "*"),
        ("Chỉ thị", "{n}/CT-UBND", prov_ubnd, "*"),
        ("Văn bản", "{n}/UBND-NC", prov_ubnd, "*"),
        ("Nghị quyết", "{n}/NQ-HĐND", f"Hội đồng nhân dân {prov}", f"HĐND {prov}"),
        ("Chỉ thị", "{n}-CT/TU", f"{party} {ctx.place.province}", f"{party} {ctx.place.province}"),
        ("Quyết định", "{n}/QĐ-BNV", "Bộ Nội vụ", "Bộ trưởng Bộ Nội vụ"),  # the body, not its head
    ]
    if ctx.level in ("district", "commune", "ward"):
        own = f"{ctx.place.unit_kind} {ctx.place.unit}"
        out.append(("Kế hoạch", "{n}/KH-UBND", f"Ủy ban nhân dân {own}", f"UBND {own}"))
    if ctx.level == "department":
        out.append(("Kế hoạch", "{n}/KH-SNV", "Sở Nội vụ", "Sở Nội vụ"))
    return [(t, pat, iss, ctx.rng.choice(ubnd_text) if txt == "*" else txt) for t, pat, iss, txt in out]


def make_refs(ctx: Context, count: int, avoid: set[str]) -> list[Ref]:
    """`count` distinct documents issued before the plan, none numbered like the plan itself."""
    rng, refs, seen = ctx.rng, [], set(avoid) | {ctx.number}
    choices = _issuers(ctx)
    while len(refs) < count:
        doc_type, pattern, issuer, issuer_text = rng.choice(choices)
        date = random_date(rng, ctx.issue_date - dt.timedelta(days=900), ctx.issue_date - dt.timedelta(days=5))
        number = pattern.format(n=rng.randint(1, 2999 if "/QĐ" in pattern else 420), y=date.year)
        if number in seen:
            continue
        seen.add(number)
        subject = None
        if rng.random() < 0.7:
            subject = rng.choice(SUBJECTS[doc_type]).format(y=date.year, r=date.year - 1, a=2021, b=2030)
        refs.append(Ref(doc_type, number, date, issuer, issuer_text, subject))
    return refs


def make_parent(ctx: Context) -> Ref:
    """The plan this one implements: usually the province's (or the ministry's, for a province)."""
    rng = ctx.rng
    date = random_date(rng, ctx.issue_date - dt.timedelta(days=200), ctx.issue_date - dt.timedelta(days=3))
    if ctx.level == "province":
        number, issuer, text = f"{rng.randint(1, 400)}/KH-BNV", "Bộ Nội vụ", "Bộ Nội vụ"
    else:
        prov = ctx.province_full
        number = f"{rng.randint(1, 3200)}/KH-UBND"
        issuer = f"Ủy ban nhân dân {prov}"
        text = rng.choice((f"UBND {prov}", f"Ủy ban nhân dân {prov}", f"Ủy ban nhân dân (UBND) {prov}"))
    if number == ctx.number:
        number = number.replace("/", "0/", 1)
    subject = rng.choice(("cải thiện, nâng cao các chỉ số quản trị và hành chính công năm {y}",
                          "cải cách hành chính năm {y}")).format(y=ctx.plan_year)
    return Ref("Kế hoạch", number, date, issuer, text, subject)


def cite(ref: Ref, ctx: Context, with_subject: bool = True) -> str:
    """'Quyết định số 12/QĐ-TTg ngày 5/2/2024 của Thủ tướng Chính phủ về ...'"""
    text = f"{ref.doc_type} số {ref.number} ngày {fmt_date_any(ref.date, ctx.rng)} của {ref.issuer_text}"
    if with_subject and ref.subject:
        text += f" về {ref.subject}"
    return text


def cite_again(ref: Ref) -> str:
    """A later, short mention of an already cited document."""
    return f"{ref.doc_type} số {ref.number}"
