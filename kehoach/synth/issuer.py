"""Who issues a synthetic plan: issuer level, place, dates, number, header and signature lines."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from kehoach.synth import vocab
from kehoach.synth.fmt import fmt_date_long, random_date
from kehoach.synth.model import Line
from kehoach.synth.places import Place, pick_place, province_count

LEVELS = ("province", "department", "district", "commune", "ward")
REFORM_DATE = dt.date(2025, 7, 1)  # two-tier local government: districts abolished, 34 provinces
# Provinces and cities the 2025 merger left as they were (results before 2025 need no "(cũ)").
UNMERGED = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
            "Nghệ An", "Hà Tĩnh", "Cao Bằng"}


@dataclass
class Context:
    """Everything the section writers share about the issuer and the plan's time frame."""

    rng: random.Random
    level: str
    place: Place
    issue_date: dt.date
    plan_year: int
    period: tuple[int, int]
    number: str  # normalised, e.g. "38/KH-UBND"
    number_printed: str  # as after "Số:", e.g. "38 /KH-UBND"
    issuer_name: str  # "Ủy ban nhân dân tỉnh Cao Bằng", "Sở Nội vụ"
    issuer_short: str  # how the body names the issuer: "UBND tỉnh", "Sở", "UBND xã"
    superior: str | None
    department: str | None = None
    unit_word: str = "tỉnh"  # tỉnh | thành phố | huyện | xã | phường ...
    indices: list[str] = field(default_factory=list)
    spellings: dict[str, str] = field(default_factory=dict)

    @property
    def new_era(self) -> bool:
        return self.issue_date >= REFORM_DATE

    @property
    def province_full(self) -> str:
        return f"{self.place.province_kind} {self.place.province}"

    @property
    def result_year(self) -> int:
        """The latest published results: those of the year before the plan was issued."""
        return self.issue_date.year - 1

    def own_unit_phrase(self) -> str:
        """'tỉnh Cao Bằng', 'huyện Bảo Lạc', 'xã Minh Xuân', 'Sở Nội vụ'."""
        if self.level == "department":
            return self.department or "Sở"
        if self.place.unit:
            return f"{self.place.unit_kind} {self.place.unit}"
        return self.province_full

    def province_scope(self) -> str:
        """Whose results a provincial ranking of the result year belongs to."""
        former = self.new_era and self.result_year <= 2024 and self.place.province not in UNMERGED
        return f"{self.province_full} (cũ)" if former else self.province_full

    def province_rank_total(self) -> int:
        return province_count(self.result_year)

    def agencies(self) -> list[str]:
        if self.level == "department":
            return list(vocab.DEPARTMENT_UNITS)
        if self.level == "district":
            return [a.format(u=self.place.unit_kind) for a in vocab.DISTRICT_AGENCIES]
        if self.level in ("commune", "ward"):
            extra = vocab.WARD_EXTRA_AGENCIES if self.level == "ward" else ()
            return [a.format(u=self.place.unit_kind) for a in vocab.COMMUNE_AGENCIES + extra]
        return list(vocab.PROVINCE_AGENCIES_NEW if self.new_era else vocab.PROVINCE_AGENCIES_OLD)

    def partners(self) -> list[str]:
        if self.level == "province":
            return list(vocab.PARTNER_GROUPS["province_new" if self.new_era else "province_old"])
        return list(vocab.PARTNER_GROUPS["commune" if self.level in ("commune", "ward") else self.level])


def _pick_dates(rng: random.Random, level: str) -> dt.date:
    if level in ("commune", "ward"):
        return random_date(rng, REFORM_DATE, dt.date(2026, 6, 30))
    if level == "district":
        return random_date(rng, dt.date(2021, 1, 10), dt.date(2025, 6, 20))
    return random_date(rng, dt.date(2021, 1, 10), dt.date(2026, 6, 30))


def make_context(rng: random.Random, level: str | None = None, period_kind: str | None = None) -> Context:
    level = level or rng.choices(LEVELS, weights=(4, 3, 2, 2, 2))[0]
    issue_date = _pick_dates(rng, level)
    new_era = issue_date >= REFORM_DATE
    place = pick_place(rng, level, new_era)
    plan_year = issue_date.year + (1 if issue_date.month >= 11 else 0)
    period_kind = period_kind or ("period" if rng.random() < 0.25 else "year")
    period = (plan_year, plan_year + rng.choice((1, 2, 4, 5))) if period_kind == "period" else (plan_year, plan_year)

    department = abbr = None
    if level == "department":
        era = "new" if new_era else "old"
        department, abbr, _ = rng.choice([d for d in vocab.DEPARTMENTS if d[2] in ("both", era)])
    suffix = abbr or "UBND"
    n = rng.randint(1, 3200 if level == "province" else 450)
    printed = rng.choice((f"{n}/KH-{suffix}", f"{n} /KH-{suffix}", f"{n}/KH-{suffix}", f"   {n}/KH-{suffix}"))
    province_ubnd = f"Ủy ban nhân dân {place.province_kind} {place.province}"
    if level == "department":
        name, short, superior, unit_word = department, "Sở", province_ubnd, "Sở"
    elif level == "province":
        name, short, superior, unit_word = province_ubnd, f"UBND {place.province_kind}", None, place.province_kind
    else:
        name = f"Ủy ban nhân dân {place.unit_kind} {place.unit}"
        short, superior, unit_word = f"UBND {place.unit_kind}", None, place.unit_kind
    return Context(rng=rng, level=level, place=place, issue_date=issue_date, plan_year=plan_year, period=period,
                   number=f"{n}/KH-{suffix}", number_printed=printed.strip(), issuer_name=name,
                   issuer_short=short, superior=superior, department=department, unit_word=unit_word or "tỉnh")


def _split_upper(text: str, width: int = 30) -> list[str]:
    """Break an upper-case agency name into centred header lines of about `width` characters."""
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


def header_lines(ctx: Context) -> tuple[list[Line], list[Line], str]:
    """Left and right columns of the national header, and the issue place."""
    rng, p = ctx.rng, ctx.place
    left: list[Line] = []
    if ctx.level == "department":
        sup = f"UBND {p.province_kind.upper()} {p.province.upper()}"
        left.append(Line(rng.choice((sup, f"ỦY BAN NHÂN DÂN {p.province_kind.upper()} {p.province.upper()}"))))
        left += [Line(t, bold=True) for t in _split_upper(ctx.department.upper())]
        place = p.province
    else:
        if ctx.level != "province" and rng.random() < 0.3:
            # Some lower-level plans print the province's committee above their own.
            sup = f"UBND {p.province_kind.upper()} {p.province.upper()}"
            left.append(Line(sup))
            ctx.superior = f"Ủy ban nhân dân {p.province_kind} {p.province}"
        left.append(Line("ỦY BAN NHÂN DÂN", bold=True))
        unit = f"{p.province_kind} {p.province}" if ctx.level == "province" else f"{p.unit_kind} {p.unit}"
        left.append(Line(unit.upper(), bold=True))
        place = p.province if ctx.level == "province" else p.unit
    left[-1].rule_below = True
    left.append(Line(f"Số: {ctx.number_printed}"))
    date_text = fmt_date_long(ctx.issue_date, pad=rng.random() < 0.6)
    right = [Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True),
             Line("Độc lập - Tự do - Hạnh phúc", bold=True, rule_below=True)]
    while len(right) < len(left) - 1:
        right.append(Line(""))
    right.append(Line(f"{place}, ngày {date_text}", italic=True))
    return left, right, place


def signature(ctx: Context) -> tuple[list[str], str, list[str]]:
    """Position lines, signer name and the 'Nơi nhận' list."""
    rng = ctx.rng
    if ctx.level == "department":
        position = rng.choice((["GIÁM ĐỐC"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]))
        recipients = ["- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Lãnh đạo Sở;", "- Các phòng, đơn vị thuộc Sở;",
                      "- Lưu: VT, VP."]
    else:
        position = rng.choice((["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                               ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]))
        up = "Bộ Nội vụ (b/c);" if ctx.level == "province" else f"UBND {ctx.province_full} (b/c);"
        recipients = [f"- {up}", f"- TT {'Tỉnh ủy' if ctx.level == 'province' else 'Đảng ủy'}, TT HĐND "
                      f"{ctx.unit_word};", f"- CT, các PCT UBND {ctx.unit_word};",
                      "- Các cơ quan, đơn vị liên quan;", "- Lưu: VT, NC."]
    name = f"{rng.choice(vocab.SURNAMES)} {rng.choice(vocab.MIDDLE_NAMES)} {rng.choice(vocab.GIVEN_NAMES)}"
    return position, name, recipients
