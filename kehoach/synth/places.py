"""Place names for synthetic issuers, from the gazetteers `vietnam_provinces` (the 34 provinces and
their communes/wards after the 2025 reform) and `vietnamadminunits` (the 63 provinces and their
districts before it)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from kehoach.errors import MissingDependencyError
from normalize.text import normalize_tone_placement


@dataclass(frozen=True)
class Place:
    province: str  # without "tỉnh"/"thành phố"
    province_kind: str  # "tỉnh" | "thành phố"
    unit: str | None = None  # district/commune name without its type word
    unit_kind: str | None = None  # "huyện", "thị xã", "thành phố", "quận", "xã", "phường"
    n_units: int | None = None  # how many units of that kind the province has (rank totals)


def _strip_type(name: str) -> tuple[str, str]:
    name = normalize_tone_placement(name)  # the gold's convention: Hòa, Thủy (gazetteers mix both)
    for kind in ("Thành phố ", "Thị xã ", "Huyện ", "Quận ", "Xã ", "Phường ", "Đặc khu ", "Tỉnh "):
        if name.startswith(kind):
            return kind.strip().lower(), name[len(kind):]
    return "", name


@lru_cache(maxsize=1)
def _new_provinces() -> tuple[tuple[str, str, int], ...]:
    try:
        from vietnam_provinces import Province
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise MissingDependencyError("vietnam_provinces is not installed", "pip install vietnam-provinces") from exc
    out = []
    for p in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        kind, name = _strip_type(p.name)
        out.append((name, "thành phố" if kind == "thành phố" or p.division_type.value.startswith("thành phố")
                    else "tỉnh", int(p.code)))
    return tuple(out)


@lru_cache(maxsize=64)
def _new_wards(province_code: int) -> tuple[tuple[str, str], ...]:
    from vietnam_provinces import Province, Ward

    code = Province.from_code(province_code).code  # type: ignore[arg-type]
    return tuple(sorted((_strip_type(w.name)[::-1] for w in Ward.iter_by_province(code)
                         if w.division_type.value in ("xã", "phường"))))


@lru_cache(maxsize=1)
def _old_districts() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    try:
        from vietnamadminunits.database import get_data
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise MissingDependencyError("vietnamadminunits is not installed", "pip install vietnamadminunits") from exc
    by_province: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for row in get_data(["province", "provinceShort", "district", "districtShort", "districtType"],
                        table="admin_units_legacy"):
        kind = "thành phố" if row["province"].startswith("Thành phố") else "tỉnh"
        key = (row["provinceShort"], kind)
        district = normalize_tone_placement(row["districtShort"])
        key = (normalize_tone_placement(key[0]), kind)
        by_province.setdefault(key, set()).add((district, row["districtType"].lower()))
    return {k: tuple(sorted(v)) for k, v in sorted(by_province.items())}


def pick_place(rng: random.Random, level: str, new_era: bool) -> Place:
    """A real province (and district or commune for those levels) of the right era."""
    if new_era:
        name, kind, code = rng.choice(_new_provinces())
        if level in ("commune", "ward"):
            wards = [w for w in _new_wards(code) if w[1] == ("xã" if level == "commune" else "phường")]
            if not wards:  # a province without wards of that kind: take any commune-level unit
                wards = list(_new_wards(code))
            unit, unit_kind = rng.choice(wards)
            return Place(name, kind, unit, unit_kind, len(_new_wards(code)))
        return Place(name, kind)
    districts = _old_districts()
    (name, kind) = rng.choice(sorted(districts))
    if level == "district":
        units = [d for d in districts[(name, kind)] if d[1] != "quận" or rng.random() < 0.3]
        unit, unit_kind = rng.choice(units or list(districts[(name, kind)]))
        return Place(name, kind, unit, unit_kind, len(districts[(name, kind)]))
    return Place(name, kind)


def province_count(result_year: int) -> int:
    """Number of provinces a national ranking of that year covers."""
    return 63 if result_year <= 2024 else 34
