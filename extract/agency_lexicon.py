"""A lexicon of Vietnamese agency names, and snapping misread names onto it.

The restorer sometimes puts a wrong syllable into an agency name (`Sở Kế hoạch và Pau tư`,
`Phòng Văn hóa - Xã hội phương`). A name is replaced by a lexicon entry only when the two are
very close (rapidfuzz on folded text, a few characters at most, and the entry clearly better than
the runner-up); otherwise it stays as printed. Callers keep the printed form in evidence.

Sources: the official names of provincial departments and other bodies (before and after the 2025
reorganisation, written out below), district and commune units, the generator's vocabulary
(kehoach.synth.vocab), each with the unit words `tỉnh/huyện/xã/phường/...`, plus names a caller
adds from the document itself (agencies the body names with its own spelling).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from extract.numbers import fold, squash

UNIT_WORDS = ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn")

PROVINCE_BODIES = (
    # departments after the 2025 reorganisation
    "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
    "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "Thanh tra tỉnh",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    # departments before it
    "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường",
    "Sở Lao động - Thương binh và Xã hội", "Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Ban Dân tộc tỉnh",
    # other provincial bodies
    "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh", "Thuế tỉnh",
    "Kho bạc Nhà nước tỉnh", "Bưu điện tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "Thống kê tỉnh",
    "Ban Quản lý Khu kinh tế tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Tòa án nhân dân tỉnh",
    "Viện Kiểm sát nhân dân tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Liên đoàn Lao động tỉnh",
)
LOCAL_BODIES = (  # {u}: the unit word
    "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế", "Phòng Kinh tế và Hạ tầng",
    "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Quản lý đô thị", "Phòng Tài nguyên và Môi trường",
    "Phòng Lao động - Thương binh và Xã hội", "Phòng Văn hóa và Thông tin", "Phòng Văn hóa - Xã hội",
    "Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Dân tộc",
    "Văn phòng HĐND và UBND {u}", "Văn phòng UBND {u}", "Thanh tra {u}", "Công an {u}", "Ban Chỉ huy Quân sự {u}",
    "Trung tâm Phục vụ hành chính công {u}", "Bộ phận Tiếp nhận và Trả kết quả {u}", "Bộ phận Một cửa {u}",
    "Ủy ban Mặt trận Tổ quốc Việt Nam {u}", "Ủy ban Mặt trận Tổ quốc {u}", "Trạm Y tế {u}",
    "Phòng Văn hóa - Xã hội {u}", "Phòng Kinh tế {u}", "Phòng Kinh tế, Hạ tầng và Đô thị {u}",
    # offices of a department whose names hold a verb (`xây dựng`, `kiểm tra`)
    "Phòng Xây dựng và kiểm tra văn bản quy phạm pháp luật", "Phòng Quản lý xây dựng", "Phòng Quản lý hoạt động xây dựng",
    "Phòng Kiểm tra, theo dõi thi hành pháp luật",
)
# Offices inside departments and boards, commune officials and associations, as they are officially named
DEPARTMENT_OFFICES = (
    "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Phòng Cải cách hành chính", "Phòng Công chức, viên chức",
    "Phòng Xây dựng chính quyền và công tác thanh niên", "Phòng Chính quyền địa phương", "Ban Thi đua - Khen thưởng",
    "Ban Tôn giáo", "Chi cục Văn thư - Lưu trữ", "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật",
    "Phòng Phổ biến, giáo dục pháp luật", "Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp", "Phòng Nghiệp vụ Y",
    "Phòng Nghiệp vụ Dược", "Phòng Quy hoạch - Kiến trúc", "Phòng Quản lý nhà và thị trường bất động sản",
    "Phòng Doanh nghiệp, kinh tế tập thể và tư nhân", "Phòng Đăng ký kinh doanh", "Văn phòng Ban",
    "Phòng Hành chính - Tổng hợp", "Phòng Quản lý Quy hoạch và Xây dựng", "Phòng Quản lý Tài nguyên và Môi trường",
    "Phòng Quản lý doanh nghiệp", "Phòng Quản lý đầu tư",
    "Công chức Văn phòng - Thống kê", "Công chức Địa chính - Xây dựng", "Công chức Tư pháp - Hộ tịch",
    "Công chức Văn hóa - Xã hội", "Công chức Tài chính - Kế toán", "Trưởng các thôn", "Trưởng thôn",
    "Trưởng các tổ dân phố", "Trưởng các thôn, tổ dân phố", "Trưởng các khu phố",
    "Hiệp hội Doanh nghiệp tỉnh", "Hội Doanh nhân trẻ tỉnh", "Liên minh Hợp tác xã tỉnh", "Hội Luật gia tỉnh",
)
GROUPS = (
    "Các sở, ban, ngành", "Các sở, ban, ngành tỉnh", "Các cơ quan, đơn vị liên quan",
    "Các cơ quan, đơn vị có liên quan", "UBND các huyện, thị xã, thành phố", "UBND các huyện, thành phố",
    "UBND các xã, phường", "UBND các xã, phường, thị trấn", "UBND các xã, thị trấn", "Các phòng, ban chuyên môn",
    "Các phòng, ban, đơn vị", "Các đoàn thể chính trị - xã hội", "Các tổ chức chính trị - xã hội",
    "Các thôn, tổ dân phố", "Các phòng, đơn vị thuộc Sở", "Các đơn vị trực thuộc",
)


# Province bodies printed with the province's name (`Bảo hiểm xã hội Lào Cai`, `Báo Cao Bằng`); {p}: the name.
PLACE_BODIES = (
    "Bảo hiểm xã hội {p}", "Bảo hiểm xã hội tỉnh {p}", "Công an tỉnh {p}", "Báo {p}", "Đài Phát thanh và Truyền hình {p}",
    "Bưu điện tỉnh {p}", "Viễn thông {p}", "Công ty Điện lực {p}", "Kho bạc Nhà nước {p}", "Cục Thuế tỉnh {p}",
    "Thuế tỉnh {p}", "Ủy ban nhân dân tỉnh {p}", "UBND tỉnh {p}", "Tỉnh ủy {p}", "Hội đồng nhân dân tỉnh {p}",
)


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """PLACE_BODIES for every province, before and after the 2025 merger (extract.places' gazetteers;
    a missing gazetteer only costs the place-named entries)."""
    from extract.places import province_names
    from normalize.text import normalize_tone_placement

    provinces = sorted({normalize_tone_placement(p) for p in province_names()})  # the gold's Hòa, Thủy
    return tuple(t.format(p=p) for p in provinces for t in PLACE_BODIES)


def _expand(names: Iterable[str], units: tuple[str, ...] = UNIT_WORDS) -> list[str]:
    out: list[str] = []
    for n in names:
        if "{u}" in n:
            out += [n.format(u=u) for u in units]
        elif n.endswith(" tỉnh"):
            out += [n, n[:-5] + " thành phố"]  # centrally-run cities have the same bodies
        else:
            out.append(n)
    return out


@lru_cache(maxsize=16)
def base_names(units: tuple[str, ...] = UNIT_WORDS, offices: bool = True) -> tuple[str, ...]:
    from kehoach.synth import vocab

    synth = (vocab.PROVINCE_AGENCIES_OLD + vocab.PROVINCE_AGENCIES_NEW + vocab.DEPARTMENT_UNITS
             + vocab.DISTRICT_AGENCIES + vocab.COMMUNE_AGENCIES + vocab.WARD_EXTRA_AGENCIES
             + tuple(x for g in vocab.PARTNER_GROUPS.values() for x in g))
    more = DEPARTMENT_OFFICES if offices else ()
    return tuple(dict.fromkeys(_expand(PROVINCE_BODIES + LOCAL_BODIES + more + GROUPS + synth, units)))


class Lexicon:
    """Agency names with their folded keys; `extra` adds the document's own names, `units` limits the
    unit words of local bodies (`Công an xã` but not `Công an huyện` in a commune's plan), `offices` adds the
    offices inside departments, commune officials and associations (DEPARTMENT_OFFICES)."""

    def __init__(self, extra: Iterable[str] = (), units: tuple[str, ...] = UNIT_WORDS, places: bool = False,
                 offices: bool = True):
        names = list(base_names(units, offices)) + (list(place_names()) if places else [])
        names = list(dict.fromkeys(names + [" ".join(x.split()) for x in extra if x.strip()]))
        self.names = names
        self.keys = [squash(n) for n in names]

    def snap(self, name: str, max_edits: int = 3) -> Optional[str]:
        """The lexicon entry `name` is a misreading of, or None when none is close and unambiguous.

        Close: at most `max_edits` characters apart on folded text (ratio >= 90 for names of 10+
        letters), and the best entry is strictly better than the next one."""
        key = squash(name)
        if len(key) < 10:  # short names: one slip at most (`Số Nợ vụ`)
            max_edits = 1 if len(key) >= 7 else 0
        hits = process.extract(key, self.keys, scorer=fuzz.ratio, limit=2)
        if not hits or hits[0][1] < (90 if len(key) >= 10 else 85) or not max_edits:
            return None
        best_key, score, i = hits[0]
        if len(hits) > 1 and hits[1][1] >= score and hits[1][0] != best_key:
            return None
        # restorer slips change letters inside syllables, never add or drop a word (`trực thuộc`, `huyện`)
        words, entry = ([w for w in k.split() if re.search(r"\w", w)] for k in (key, best_key))  # `-` is no word
        if len(words) != len(entry) or any(fuzz.ratio(a, b) < 50 for a, b in zip(words, entry)):
            return None
        edits = round((1 - score / 100) * (len(key) + len(best_key)) / 2)
        return self.names[i] if edits <= max_edits else None

    def snap_all(self, names: list[str]) -> list[str]:
        """Each name snapped when the lexicon is sure, kept as printed otherwise (diacritics differ only:
        the lexicon's spelling, since the folded forms agree)."""
        out = []
        for n in names:
            s = self.snap(n)
            out.append(s if s and squash(s) != squash(n) or s and _lost_marks(n, s) else n)
        return list(dict.fromkeys(out))


_UNIT_OF = re.compile(r"\b(?:ubnd|uy ban nhan dan|hdnd)\s+(tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran)\b")


def document_units(text: str) -> tuple[str, ...]:
    """The unit words the document uses after `UBND`/`HĐND` (its own level and those it addresses), plus `tỉnh`.
    Every one, not the most frequent: a ward's plan may name `UBND tỉnh` more often than `UBND phường`."""
    seen = {m.group(1) for m in _UNIT_OF.finditer(fold(text))}
    if not seen:
        return UNIT_WORDS
    return tuple(u for u in UNIT_WORDS if fold(u) in seen and u != "tỉnh") + ("tỉnh",)


def _lost_marks(printed: str, entry: str) -> bool:
    """Same letters, but the printed form's tones were restored wrongly (`phương` for `phường`)."""
    return squash(printed) == squash(entry) and printed.casefold() != entry.casefold()


@lru_cache(maxsize=1)
def _folded_names() -> tuple[str, ...]:
    return tuple(sorted({" ".join(fold(n).split()) for n in base_names()}, key=len, reverse=True))


def known_name_length(folded: str) -> int:
    """Length of the longest lexicon name `folded` starts with (0 if none): a verb inside it (`Phòng Xây dựng và
    kiểm tra văn bản ...`) is part of the name, not the action."""
    text = " ".join(folded.split())
    for name in _folded_names():
        if text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum()):
            return len(name)
    return 0

