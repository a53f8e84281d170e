"""Gazetteer look-ups: recognise a province or unit name however it was printed (`CAO BANG`,
`Cao Bang`, `Cao Bằng`) and give it back with diacritics and normal capitalisation.

Sources: `vietnamadminunits` (63 provinces with their districts and communes before the 2025
reform, and the 34 provinces with their communes/wards after it) and `vietnam_provinces`.
A folded key that maps to two different spellings is ambiguous and is not restored.
"""
from __future__ import annotations

import importlib.util
import sqlite3
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from extract.patterns import fold_key

_PROVINCE_PREFIXES = ("Thành phố ", "Tỉnh ")


def _short(name: str) -> str:
    for p in _PROVINCE_PREFIXES:
        if name.startswith(p):
            return name[len(p):]
    return name


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[tuple[str, str], str]]:
    """(province key -> name, unit key -> name, (province, unit key) -> name); unit names without
    their type word. A key spelt two ways is left out of the flat tables."""
    provinces: dict[str, set[str]] = {}
    units: dict[str, set[str]] = {}
    by_province: dict[tuple[str, str], set[str]] = {}
    keys: dict[str, str] = {}  # names repeat on every row of their province: fold each once

    def add(table: dict[str, set[str]], name: str | None, province: str | None = None) -> None:
        if name:
            key = keys.get(name)
            if key is None:
                key = keys[name] = fold_key(name)
            table.setdefault(key, set()).add(name)
            if province:
                by_province.setdefault((province, key), set()).add(name)

    try:
        # only its database file: importing the package compiles its parser (~0.5 CPU s per batch)
        spec = importlib.util.find_spec("vietnamadminunits")
        db = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            for prov, dist, ward in con.execute(
                "select provinceShort, districtShort, wardShort from admin_units_legacy"
            ):
                add(provinces, prov)
                add(units, dist, prov)
                add(units, ward, prov)
            for prov, ward in con.execute("select provinceShort, wardShort from admin_units"):
                add(provinces, prov)
                add(units, ward, prov)
        finally:
            con.close()
    except Exception:  # optional second source; vietnam_provinces below still gives the 34 provinces
        pass
    try:
        from vietnam_provinces import Province

        for p in Province.iter_all():
            add(provinces, _short(p.name))
    except Exception:
        pass
    add(provinces, "Thừa Thiên Huế")  # the province's name before 2025 (the sources shorten it to `Huế`)
    flat_p = {k: next(iter(v)) for k, v in provinces.items() if len(v) == 1}
    flat_u = {k: next(iter(v)) for k, v in units.items() if len(v) == 1}
    in_province = {k: next(iter(v)) for k, v in by_province.items() if len(v) == 1}
    _KNOWN_IN_PROVINCE.update(by_province)
    _KNOWN_KEYS.update(provinces, units)
    _PROVINCE_NAMES.update(n for names in provinces.values() for n in names)
    return flat_p, flat_u, in_province


_PROVINCE_NAMES: set[str] = set()  # every province, before and after the 2025 merger, as the sources spell it


def province_names() -> tuple[str, ...]:
    """The provinces' names without `tỉnh`/`thành phố` (63 before the 2025 merger, 34 after), sorted."""
    _tables()
    return tuple(sorted(_PROVINCE_NAMES))


_KNOWN_KEYS: set[str] = set()  # every folded name, ambiguous ones included


def is_place_name(text: str) -> bool:
    """Is `text` (any spelling) the name of a province or unit, even one spelt two ways?"""
    _tables()
    key = fold_key(text)
    return key.removeprefix("tinh ").removeprefix("thanh pho ") in _KNOWN_KEYS

_KNOWN_IN_PROVINCE: set[tuple[str, str]] = set()  # (province, folded unit name), ambiguous ones included


def province_name(text: str) -> str | None:
    """`CAO BANG` / `tỉnh Cao Bằng` / `TP. Hồ Chí Minh` -> `Cao Bằng` / `Hồ Chí Minh`; None if unknown."""
    key = fold_key(text)
    for prefix in ("tinh ", "thanh pho ", "tp "):
        if key.startswith(prefix):
            key = key[len(prefix):]
    provinces = _tables()[0]
    return provinces.get(key)


def unit_name(text: str, province: str | None = None) -> str | None:
    """A district/commune/ward name restored from the gazetteer (`Minh Xuan` -> `Minh Xuân`); a name
    spelt two ways in the country (`Long Thạnh`/`Long Thành`) is resolved within `province`."""
    _, units, in_province = _tables()
    key = fold_key(text)
    if province and (province, key) in in_province:
        return in_province[(province, key)]
    return units.get(key)


@lru_cache(maxsize=64)
def _units_of(province: str) -> dict[str, str]:
    return {key: name for (prov, key), name in _tables()[2].items() if prov == province}


def restore_place(text: str, province: str | None = None) -> str:
    """Best spelling of a place name: province, then unit, then (within `province`) the unit whose
    name is nearest to an OCR-damaged one (`Bình Lượng` -> `Bình Long`), else title case as printed."""
    found = province_name(text) or (province and _units_of(province).get(fold_key(text)))
    if found:
        return found
    if province and (province, fold_key(text)) not in _KNOWN_IN_PROVINCE:  # a real local name is no OCR slip
        near = process.extractOne(fold_key(text), list(_units_of(province)), scorer=fuzz.ratio, score_cutoff=88)
        if near:
            return _units_of(province)[near[0]]
    found = unit_name(text)
    if found:
        return found
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


@lru_cache(maxsize=1)
def _provinces_merged() -> dict[str, frozenset[str]]:
    """{new province: the provinces merged into it in 2025}, as spaceless folded names (`daklak`: {`daklak`,
    `phuyen`}), from `vietnamadminunits`' converter table; {} when the package is missing."""
    import json

    try:
        spec = importlib.util.find_spec("vietnamadminunits")
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / "converter_2025.json"
        table = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    except Exception:
        return {}
    short = lambda key: key.removeprefix("thanhpho").removeprefix("tinh")  # noqa: E731
    return {short(new): frozenset(short(old) for old in olds) for new, olds in table.items()}


def merged_into(old_province: str, new_province: str) -> bool | None:
    """Was `old_province` (`tỉnh Gia Lai`, any spelling) one of the provinces merged into `new_province` in 2025?
    None when the table does not know either name as a province."""
    def key(name: str) -> str:
        return fold_key(name).removeprefix("tinh ").removeprefix("thanh pho ").replace(" ", "")
    table = _provinces_merged()
    merged, old = table.get(key(new_province)), key(old_province)
    if merged is None or not any(old in olds for olds in table.values()):
        return None  # not a province (`thành phố Hạ Long (cũ)`, a city of one), or one the table does not know
    return old in merged


# the centrally-run cities (Huế since 2025): `thành phố X`, every other province `tỉnh X`
_CENTRAL_CITIES = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"}


def province_kind(name: str) -> str:
    """`thành phố` for a centrally-run city (`Hải Phòng`), else `tỉnh`."""
    return "thành phố" if fold_key(name).removeprefix("tp ") in _CENTRAL_CITIES else "tỉnh"

