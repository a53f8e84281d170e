"""Values as sentences state them, on folded text: scores, percents, ranks, groups, changes.

`đạt 85,95/100 điểm`, `xếp thứ 28/63`, `đứng ở vị trí thứ 7/21`, `xếp hạng 80 - 85/124`,
`nằm trong nhóm 20 tỉnh dẫn đầu`, `tăng từ 2 đến 3 bậc`, `không thấp hơn 88 điểm`, `(5,48 điểm)`,
`đạt từ 44 đến 46 điểm`, `đạt tối thiểu 85%`. English-model OCR slips are absorbed (`diém`, `xép thir`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from typing import Optional

from extract.numbers import NUMBER
from extract.result_peers import peer_value
from extract.result_scope import UNIT_WORDS

_N = rf"({NUMBER})"
_MAX = r"(\d{1,4}(?:\s?[.,]\s?\d+)?)"  # a maximum may have four digits (DTI `612,5/1000 điểm`)
_DAT = r"(?:dat|dqt|dat duoc)"
_DIEM = r"d[i1l]\S?e?m(?!\s+(?:cau|giao dich|phuc vu|tiep nhan|du lich|ban|truong|nong|sang|den))"
_AT = r"(?:o\s+)?"  # `đứng (ở) vị trí thứ`
_RANK_VERB = (rf"\b(?:(?:x\S{{0,2}}p|d\S{{1,3}}g)\s+{_AT}(?:tu\s+(?=th))?(?:hang(?:\s+th\S{{0,3}})?|vi\s+tri(?:\s+th\S{{0,3}})?"
              rf"|vi\s+th\S{{0,3}}|th\S{{0,3}})|hang|vi\s+tri)")  # `giữ vững vị trí 4/34`, `xếp từ thứ 5 trở lên`
# Cues a bare value may carry (`đạt`, `với`, `không thấp hơn`, `tối thiểu` ...).
_CUE = r"(?:tu|tir|tren|toi thieu|it nhat|khong thap hon|khong duoi|tro len)"  # `tir`: English-OCR `từ`
_CUE_BEFORE = rf"(?:{_CUE}\s+|(?:[≥≤]|[<>]=?)\s*)"  # ... or a sign: `Chỉ số SIPAS đạt ≥ 90%`
# `còn`, `lên`: the value reached (`giảm còn 6,2 điểm`, `tăng lên 44,1 điểm`)
_LEAD = rf"(?:{_DAT}\s+(?:toi\s+da\s+(?=\d{{1,3}}(?:[.,]\d+)?\s?/))?|voi\s+(?:ket qua\s+|so diem\s+)?|la\s+|\bva\s+(?=\d)|tuong (?:duong|ung)(?:\s+voi)?\s+|\bchi\s+(?=\d)|\b(?:con|len|xuong)\s+|(?<=\s)(?<!trat\s)(?<!thu\s){_CUE}\s+|\(\s*)"
# `85% cán bộ`, `100% hồ sơ`: a share of people or files, not an index value
_SHARE = (r"(?!\s*(?:so\s+)?(?:can bo|cong chuc|vien chuc|ho so|nguoi|to chuc|doanh nghiep|co quan|don vi|thu tuc|"
          r"van ban|xa\b|phuong|ubnd|uy ban|dich vu|phan anh|ket qua|nhiem vu|chi tieu|diem))")  # `85% số điểm tối đa`
_UP = r"(?:tang|cai\s+th\S{1,3}n|nang\s+hang|thang\s+hang)"  # `tăng / cải thiện ít nhất 5 bậc`
_RANGE_AT = r"(?:(?:pci|papi|sipas|dti|cchc|par\s+index)\s+)?(?:nam\s+)?(?:trong\s+)?(?:khoang\s+)?"
_GROUP = r"(?:trong|thuoc|vao|\blen|\blai|\bo)\s+(?:nh\S{1,2}m|top)\s+(?:\d{1,2}\s+)?(?:den\s+|-\s*)?(\d{1,2})\b"

# ranks in words (`xếp thứ năm`, `đứng thứ hai`, `thứ ba mươi hai`, `thứ mười lăm`); not `tư` alone (folded
# `thứ tự`, order); a compound is read whole (its first word alone would be another rank)
_UNITS_WORDS = "mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin"
RANK_WORDS = (rf"(?:(?:hai|ba|bon|nam|sau|bay|tam|chin)\s+muoi|muoi)(?:\s+(?:{_UNITS_WORDS})\b)?"
              "|nhat|nhi|hai|ba|nam|sau|bay|tam|chin")
_OF = r"\s?(?:/|\s(?:tren|trong)(?:\s+(?:so|tong so))?\s)\s?"  # `8/63`, `8 trên 63`, `41 trong 63`
# (`xếp hạng trên 34 tỉnh, thành phố`: ranked among 34 units, no rank)
_RANK_AT = (r"(?:hang\s+)?(?:khong\s+thap\s+hon\s+|tu\s+|tren\s+(?!\d{1,3}\s+(?:tinh|thanh\s+pho|huyen|quan|xa|phuong|don\s+vi"
            r"|co\s+quan|dia\s+phuong|so)\b))?(?:(?:vi\s+tri|thu\s+hang)\s+)?(?:th\S{0,3}\s+)?")

VALUE_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    # (`xếp hạng trong khoảng 30 - 40/148`, `thứ hạng PCI nằm trong khoảng 30 - 35/63`)
    # (`xếp hạng từ thứ 3 đến thứ 4/9`)
    ("rank_range", re.compile(rf"{_RANK_VERB}\s+{_RANGE_AT}(?:tu\s+)?(?:thu\s+)?(\d{{1,3}})\s?(?:-|den)\s?(?:thu\s+)?(\d{{1,3}})"
                              rf"\s?/\s?(\d{{1,3}})")),
    # `Xếp hạng: 24/63`, `có thứ hạng là 5/13`
    ("rank", re.compile(rf"{_RANK_VERB}:?\s+(?:la\s+)?{_RANK_AT}(\d{{1,3}}){_OF}(\d{{1,3}})\b")),
    # `phấn đấu xếp thứ hạng từ 5 đến 7 trong khối`: a range without the number of units ranked
    ("rank_range", re.compile(rf"{_RANK_VERB}\s+(?:hang\s+)?(?:tu\s+)?(?:thu\s+)?(\d{{1,3}})\s?(?:-|den)\s?(?:thu\s+)?(\d{{1,3}})\b()"
                              r"(?!\s?(?:/|[.,]\d|%|d\S?em))")),
    # `thứ 11/63` after a misread verb (not `nhóm thứ 3/4 nhóm`, the band of a ranking)
    ("rank", re.compile(r"(?<!nhom\s)\bth(?:u|ir)\s+(\d{1,3})\s?/\s?(\d{1,3})\b(?!\s*nh\S{1,2}m)")),
    # `tụt xuống vị trí cuối cùng (6/6)`, `đứng cuối bảng (12/12)`: the last place, its rank in parentheses
    ("rank", re.compile(r"\b(?:vi\s+tri|x\S{0,2}p|d\S{1,3}g)\s+(?:thu\s+)?(?:cuoi(?:\s+cung|\s+bang)?|thap\s+nhat|bet\s+bang)"
                        r"\s*\(\s*(\d{1,3})\s*/\s*(\d{1,3})\s*\)")),
    ("rank_group", re.compile(_GROUP)),
    # `xếp trong 5 cơ quan chuyên môn dẫn đầu của tỉnh`: a group said by the units that lead, without `nhóm`
    ("rank_group", re.compile(r"\b(?:x\S{0,2}p|d\S{1,3}g|nam)\s+(?:trong|vao)\s+(?:so\s+)?(\d{1,2})\s+"
                              r"(?:[a-z]+,?\s+){1,6}?dan\s+dau\b")),
    # a rank without its total: `xếp thứ 2 toàn quốc`, `đứng thứ nhất cả nước`
    # (`thứ 5 trong tỉnh` is one; `thứ 9 trong tổng số 20` is a rank of a total)
    ("rank_only", re.compile(rf"{_RANK_VERB}\s+(?:{_RANK_AT}(\d{{1,3}})\b"
                             r"(?!\s*(?:/|[.,]\d|-|den\s|%|d\S?em|(?:tren|trong)\s+(?:(?:tong\s+)?so\s+)?\d))"
                             # (`xếp hạng 29 xã, thị trấn`: the units ranked, counted; not `xếp thứ 5 huyện`)
                             r"(?!(?:(?<=hang\s\d)|(?<=hang\s\d\d))\s+(?:xa|phuong|huyen|tinh|so(?!\s+voi)|don\s+vi|co\s+quan|thi\s+tran)\b)"
                             r"|(nhat|nhi)\b)")),
    # `đứng đầu khối cơ quan chuyên môn`: first (not `người đứng đầu`, the head of an agency)
    ("rank_only", re.compile(r"()(?<!nguoi\s)\b(?:dung|xep)\s+(?:o\s+)?(?:vi\s+tri\s+)?(dau)\b"
                             r"(?!\s+(?:co\s+quan|don\s+vi|cac|ubnd|uy\s+ban|cap\s+uy|the\b))")),
    # after `thứ` only (`hằng năm` folds to `hang nam`)
    ("rank_only", re.compile(rf"()\b(?:x\S{{0,2}}p|d\S{{1,3}}g)\s+(?:o\s+)?(?:vi\s+tri\s+)?th\S{{0,3}}\s+"
                             rf"({RANK_WORDS}|tu(?=\s+(?:tren|trong)\s+(?:(?:tong\s+)?so\s+)?\d))\b(?!\s*\d)")),  # `thứ tư trên (tổng số) 65`
    ("rank_increase_range", re.compile(rf"{_UP}\s+(?:tu\s+)?(\d{{1,2}})\s*(?:-|den)\s*(\d{{1,2}})\s+b\S?c\b")),
    ("score_increase_range", re.compile(rf"tang\s+(?:them\s+)?(?:tu\s+)?{_N}\s*(?:-|den)\s*{_N}\s*{_DIEM}")),
    ("score_increase", re.compile(rf"tang\s+(?:them\s+)?(it nhat\s+|tu\s+|toi thieu\s+|tren\s+)?{_N}\s*{_DIEM}")),
    # `tổng điểm 82,4`, `điểm số: 82,4`, `với số điểm 82,37`, `Tổng điểm: 82,64/100` (no `điểm` after the number; the
    # number whole: `82,64/100` is not `82`)
    # (or a line's label alone: `- Điểm: 82,64`, `Điểm đạt được: 82,64`)
    ("score_named", re.compile(rf"(?:tong\s+diem|diem\s+so|\bso\s+diem|(?:(?<![^\n])|(?<=\n- )|(?<=\n\+ )|(?<=\n• ))diem(?:\s+dat(?:\s+duoc)?)?(?=\s*:))"
                               rf"(?:\s+(?:dat|la)|\s*:)?\s+{_N}(?:\s?/\s?{_MAX})?"
                               r"(?!\s*(?:%|/|\d|d\S?em)|\s?[.,]\s?\d)")),
    ("rank_increase", re.compile(rf"{_UP}\s+(it nhat\s+|tu\s+|toi thieu\s+|tren\s+)?(\d{{1,2}})\s+b\S?c\b")),
    ("score_range", re.compile(rf"(?:{_DAT}\s+)?tu\s+{_N}\s*(?:-|den)\s*{_N}\s*{_DIEM}")),
    ("score", re.compile(rf"(?:{_LEAD}|:\s*){_CUE_BEFORE}?{_N}\s*{_DIEM}\s*/\s*{_MAX}\s*{_DIEM}")),  # `88,14 điểm/100 điểm`
    ("score", re.compile(rf"(?:{_LEAD}|:\s*){_CUE_BEFORE}?{_N}(?:\s?/\s?{_MAX})?\s*{_DIEM}")),
    # `không để chỉ số nội dung X dưới 6,5 điểm` (a floor in the goals; said of results, a bound and no value)
    ("score", re.compile(rf"(?<=duoi\s){_N}\s*{_DIEM}")),
    # `Trong 10 chỉ số thành phần: Tiếp cận đất đai 6,4 điểm; Tính minh bạch 6,05 điểm.` (name, then value)
    ("score_listed", re.compile(rf"(?<=[a-z)])\s+{_N}\s*{_DIEM}(?=\s*[;.,]|\s*$)", re.M)),  # `tỉnh X (cũ) 43,15 điểm,`
    # a DTI-style score printed without `điểm` (`đạt 0,4612, xếp thứ 34/63`)
    # (also after a floor alone or a label's colon: `năm 2027 tối thiểu 0,52`, `- Trụ cột Kiến tạo thể chế: 0,6012;`)
    ("score_decimal", re.compile(rf"(?:\bdat\s+{_CUE_BEFORE}?|\b(?:toi thieu|it nhat)\s+|:\s*)(0[.,]\d{{1,4}})"
                                 r"(?!\s*(?:%|/|\d|d\S?em))")),
    # `Chuyển đổi nhận thức đạt 0,92; Kiến tạo thể chế 0,85; ...`: a name, then a 0-1 score closing its clause
    ("score_decimal", re.compile(r"(?<=[a-z)])(?:[ \t]+|[ \t]*\n[ \t]*)(0[.,]\d{2,4})(?=[ \t]*[;,]|[ \t]*\.(?!\d)|[ \t]*$)", re.M)),
    # `   Chính quyền số      0,6120` under `Theo từng trụ cột:`: a name, a gap, a 0-1 score closing the line
    ("score_decimal", re.compile(r"(?<=[a-z)])[ \t]{2,}(0[.,]\d{2,4})[ \t]*$", re.M)),
    ("score_frac", re.compile(rf"{_DAT}\s+{_CUE_BEFORE}?{_N}\s?/\s?{_MAX}(?!\s*\d)")),
    # `là 0,4871/1`: a decimal over its maximum after `là` (an integer there may be a rank: `là 5/63`)
    ("score_frac", re.compile(rf"\bla\s+(\d{{1,3}}[.,]\d+)\s?/\s?{_MAX}(?!\s*\d)")),
    # `cải cách thể chế 7,8/9; cải cách TTHC 12,25/13;`: a name (or its label: `Cải cách TTHC: 10,25/13;`), then a
    # decimal over its maximum closing the clause
    # (a decimal: `12/13` may be a rank)
    ("score_frac", re.compile(rf"(?<=[a-z)])(?:[ \t]*:)?[ \t]+(\d{{1,2}}[.,]\d{{1,2}})\s?/\s?(\d{{1,3}}(?:[.,]\d{{1,2}})?)(?=[ \t]*[;,](?!\d)|[ \t]*\.(?!\d)|[ \t]*$)", re.M)),
    ("percent_range", re.compile(rf"(?:tu\s+){_N}\s?%?\s*(?:den|-)\s*{_N}\s?%")),
    # `... thứ hạng PCI nằm trong khoảng 30 - 35/63`: the index named between the verb and the range
    ("rank_range", re.compile(r"\btrong\s+khoang\s+(\d{1,3})\s?(?:-|den)\s?(\d{1,3})\s?/\s?(\d{1,3})\b")),
    ("percent_range", re.compile(rf"\bdat\s+{_N}\s?%\s*(?:den|-)\s*{_N}\s?%")),  # `đạt 88% - 90%`
    # (`tỷ lệ hài lòng 83,77%`: the rate named, then its value)
    ("percent", re.compile(rf"(?:{_LEAD}|ty\s*l\S\s+(?:hai\s?l\S{{1,2}}ng\s+)?){_CUE_BEFORE}?{_N}\s?%{_SHARE}")),
    # `Lĩnh vực X đạt tối thiểu 92% số điểm tối đa`: a component's share of its maximum (kept only after a component
    # named: `mỗi lĩnh vực đạt 85% số điểm tối đa` names none)
    ("percent_listed", re.compile(rf"(?:(?:{_LEAD}){_CUE_BEFORE}?|(?<=duoi\s)){_N}\s?%\s+(?:so\s+)?diem\b")),
    # `- Tiếp cận dịch vụ hành chính công: 88,2%;` (a value closing its line or clause)
    ("percent", re.compile(rf":\s*{_N}\s?%(?=\s*[;.,)]|\s*$)", re.M)),
    # `hài lòng về Thủ tục hành chính 94,1%, về ...`: a name, then its percentage (kept only with a component)
    ("percent_listed", re.compile(rf"(?<=[a-z)])\s+{_N}\s?%(?=\s*[;.,)]|\s*$)", re.M)),
    ("score_bare", re.compile(rf"(?:\bla\s+|\b1a\s+|\b1[34]\s+)?{_N}\s?/\s?{_MAX}\s*{_DIEM}")),
)
_BAND = re.compile(r"\bnhom\s+(?:trung\s+binh|binh\s+quan)\b[^.;()]{0,40}$")  # `trong nhóm Trung bình thấp, ... (`
_AVERAGE_BEFORE = re.compile(r"(?:trung binh|binh quan|trung vi)[^.;()]{0,40}\s*$")  # `trung vị`: the median
# `giảm từ 3,95 điểm (năm 2023) xuống 3,62 điểm`: the value a change started from, and the one it reached
_MOVE_AHEAD = re.compile(r"(?:\s*+(?:diem|%))?(?:\s*+,?\s*+\(?\s*+n\S{0,2}m\s+\d{4}\s*+\)?)?\s*+,?\s*+(?:xuong|len)\s+"
                         r"(?:(?:vi\s+tri|hang|muc)\s+)?(?:th\S{0,3}\s+)?\d")
_MOVE_FROM = re.compile(r"\btu\s+\d[^.;]{0,40}$")
_CHANGE_BEFORE = re.compile(r"(?:(?<!\bha\s)(?<!\bnen\s)tang|giam|tang them|giam di|cao hon|thap hon|chenh lech|toi da)\s*$")


_AGAINST_TARGET = re.compile(r"(?:so\s+voi|hon|vuot)\s+(?:muc\s+)?chi\s+tieu\b[^.;]{0,40}$")
_AVERAGE_KINDS = ("score", "percent", "percent_listed", "score_bare", "score_listed", "score_decimal", "score_frac", "rank", "rank_only")
_AVERAGE = re.compile(r"(?<!nhom\s)\b(?:trung\s+binh|binh\s+quan|trung\s+vi)\b")  # `nhóm trung bình cao`: a band
# whose average: the country, a bloc of units (`khối sở, ngành`, `các tỉnh`, `cấp huyện`)
_OTHERS = re.compile(rf"\b(?:ca\s+nuoc|toan\s+quoc|khoi\s+(?:{UNIT_WORDS}|so|nganh|co\s+quan|don\s+vi)|(?:cac|\d{{1,3}})\s+(?:{UNIT_WORDS}|so|bo(?!\s+phan)|don\s+vi|dia\s+phuong|co\s+quan)"
                     r"|cap\s+(?:tinh|huyen|xa))\b")


_FORMER_MARK = re.compile(r"\((?:cu|cii|cu\.)\)")


def _average_clause(folded: str, at: int) -> bool:
    """The value's clause speaks of an average of other units (`Chỉ số PAPI trung bình toàn quốc là 42,70 điểm`)."""
    # `cao hơn mức trung bình cả nước, đạt 44,1 điểm`: the unit's own value after the comparison
    # a former unit's `(cũ)` is part of a name, not a parenthesis closing the clause
    window = _FORMER_MARK.sub(lambda m: " " * len(m.group()), folded[max(0, at - 90):at])
    clause = re.split(r"[.;:]\s|\n\s*[-+•]|\(|\)|,\s*(?:(?=(?:dat|dqt|xep|dung)\b)|$)", window)[-1]
    return bool(_AVERAGE.search(clause) and _OTHERS.search(clause))


# a comparison opening the value's clause: `..., thấp hơn bình quân cả nước 2,5 điểm` (no `đạt` / `với` after it)
# folded `tang`/`giam` are also `tầng` (hạ tầng), `giám` (giám sát, giám đốc): not comparisons
# points lost, not scored: `bị trừ nhiều điểm ở lĩnh vực X (1,22 điểm so với tự chấm)`, `bị mất 4,4015 điểm` (not `bị trừ
# ..., chỉ đạt 7,5 điểm`, nor a score over its maximum `(10,84/13,5 điểm)`); read up to the value's end
_LOST_BEFORE = re.compile(r"\b(?:bi\s+tru|bi\s+mat|tru\s+diem)\b(?:(?!\bdat\b|\bla\b|\bcon\b|(?<!so\s)\bvoi\b)"
                          r"(?:\.(?=\d)|[^.;:]))*(?:d\S?em|%)?$")  # (a comma may part a field's name)
_CHANGE_IN_CLAUSE = re.compile(r"\b(?:(?<!\bha\s)(?<!\bnen\s)tang(?!\s+(?:cuong|truong))|giam(?!\s+(?:sat|doc|dinh|thi))"
                               r"|cao\s+hon|thap\s+hon|chenh\s+lech)\b"
                               r"(?:(?!\bdat\b|(?<!so\s)\bvoi\b)[^.;:,()])*$")


# the next values of a list of changes (`lần lượt giảm 0,84 điểm và 1,12 điểm`)
_N = r"\d{1,3}(?:[.,]\d+)?\s*(?:diem|%)?"
_CHANGES_LISTED = re.compile(rf"\b(?:(?<!\bha\s)(?<!\bnen\s)tang|giam)\s+(?:[a-z]+\s+){{0,2}}?{_N}(?:\s*,\s*{_N})*\s*(?:,|\bva)\s*$")


def _change_in_clause(folded: str, at: int) -> bool:
    if folded.startswith("(", at):  # `thấp hơn năm 2023 (41,7 điểm)`: the value compared with, stated
        return False
    clause = re.split(r"[.;:,]\s|\(", folded[max(0, at - 80):at])[-1]
    # a bare number next in the list (its match may open with its `và`), not `..., đạt 43,1 điểm`
    listed = re.match(r"(?:va\s+)?(?=\d)", folded[at:at + 8])
    return bool(_CHANGE_IN_CLAUSE.search(clause) or listed and _CHANGES_LISTED.search(folded, max(0, at - 60), at + listed.end()))


@dataclass
class Value:
    kind: str
    start: int
    end: int
    nums: tuple


# an estimate is not the published index (`Kết quả tự đánh giá Chỉ số CCHC năm 2025 ước đạt 82,5/100 điểm`);
# a self-assessment alone may be the appraised part of it (`điểm tự đánh giá, thẩm định đạt 60,12/65,5`)
_ESTIMATE = re.compile(r"(?<!quy\s)(?<!cong\s)(?<!mong\s)\buoc(?:\s+(?:dat|tinh|thuc\s+hien))?\s*$")  # `ước đạt`


def estimate(folded: str, lo: int, at: int) -> bool:
    """`ước đạt 89,5%`: an estimate (of a year not measured yet), neither a result nor a goal."""
    return bool(_ESTIMATE.search(folded, lo, at))


def others_value(folded: str, at: int, text: Optional[str] = None, own: frozenset = frozenset()) -> bool:
    """A value found without find_values (right after an index's name: `(PAR INDEX 86,91 điểm; ...` after `trung bình
    cả nước`, `Tỉnh Bắc Ninh, ..., đạt PCI 72,14 điểm`) is an average of others or a compared unit's."""
    return _in_average_parens(folded, at) or _average_clause(folded, at) or peer_value(folded, at, text, own)


def _in_average_parens(folded: str, at: int) -> bool:
    """Inside parentheses opened after an average (`trung bình cả nước (82,65%)`, `(PAR INDEX 86,91 điểm; SIPAS ...)`)."""
    opened = folded.rfind("(", max(0, at - 60), at + 1)
    return opened >= 0 and folded.rfind(")", opened, at) < 0 and bool(
        _AVERAGE_BEFORE.search(folded, max(0, opened - 60), opened)) and not _BAND.search(folded, max(0, opened - 60), opened)


def find_values(folded: str, lo: int, hi: int, text: Optional[str] = None, own: frozenset = frozenset()) -> list[Value]:
    """The values between lo and hi; with the original `text` and the issuer's `own` units, a unit a comparison
    names is read (the issuer's and its former units' values are kept, see extract.result_peers)."""
    found: list[Value] = []
    for kind, rx in VALUE_PATTERNS:
        for m in rx.finditer(folded, lo, hi):
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            if folded.startswith("xuong ", m.start()) and not _MOVE_FROM.search(folded, max(0, m.start() - 60), m.start()):
                continue  # `tỷ lệ hồ sơ trễ hạn giảm xuống 2,3%`: a rate reached, no move of the index's from a value
            if kind in ("score", "percent", "score_bare", "score_listed") and not re.match(r"(?:con|len|xuong)\s", folded[m.start():m.end()]) \
                    and not (re.match(r"tu\s", folded[m.start():m.end()]) and _MOVE_AHEAD.match(folded, m.end())) \
                    and (_CHANGE_BEFORE.search(folded[max(0, m.start() - 14):m.start()]) or _change_in_clause(folded, m.start())
                         or "/" not in m.group(0) and _LOST_BEFORE.search(folded, max(0, m.start() - 180), m.end())):
                continue  # `tăng 1,68 điểm`, `thấp hơn bình quân cả nước 2,5 điểm`: a difference, not a value
            if kind == "rank_only" and m.group(2) == "dau" and (
                    _GROUP_BEFORE.search(folded, max(0, m.start() - 50), m.start())
                    or re.match(r"\s+(?:nhom|khu\s+vuc|vung)\b", folded[m.end():m.end() + 12])):
                continue  # `trong nhóm 30 tỉnh đứng đầu`, `đứng đầu khu vực Bắc Trung Bộ`: first in a group, no rank
            if kind == "score_frac" and re.search(r"\btu\s+(?:danh\s+gia|cham)\b[^.;]*$", folded[max(0, m.start() - 80):m.start()]):
                continue  # `điểm tự đánh giá lĩnh vực X 8,9/9`: self-assessed, no result
            if kind == "score_decimal" and re.search(r"\b(?:tang|giam)(?:\s+them)?\s*$", folded[max(0, m.start() - 14):m.start()]):
                continue  # `tăng tối thiểu 0,5 so với năm 2024`: a change, not a DTI-style score
            if _in_average_parens(folded, m.start()):
                continue  # `thấp hơn mức trung bình cả nước (82,65%)`: the average, not the unit's value
            if _AGAINST_TARGET.search(folded, max(0, m.start() - 60), m.start()):
                continue  # `vượt 4,9% so với chỉ tiêu được giao (85%)`: last year's goal, neither result nor target
            if kind in _AVERAGE_KINDS and _average_clause(folded, m.start()):
                continue  # `Điểm trung bình ... của cả nước là 85,23%`: the average of others, not the unit's
            if kind in _AVERAGE_KINDS + ("score_named",) and peer_value(folded, m.start(), text, own):
                continue  # `đứng sau Lào Cai (70,12 điểm)`: the value of a unit compared with
            found.append(_tens_alone(Value(kind, m.start(), m.end(), m.groups()), folded, text))
    return sorted(found, key=lambda v: v.start)


# `thứ mười sau tỉnh Quảng Ninh`, `thứ hai mươi năm 2024`: `sau` (after) and `năm` (year) are no units of the rank
_TENS_THEN_WORD = re.compile(r"(.*muoi)\s+(?:sau|nam)$")
_NO_UNIT_AFTER = re.compile(rf"\s+(?:{UNIT_WORDS}|so|nam\s+\d{{4}}|\d{{4}})\b")


def _tens_alone(v: Value, folded: str, text: Optional[str]) -> Value:
    """A rank in words read up to its tens when a unit word, a year or (in the original text) a capitalised
    name follows its last word."""
    tens = _TENS_THEN_WORD.match(v.nums[1] or "") if v.kind == "rank_only" and len(v.nums) > 1 else None
    if not tens:
        return v
    name_next = text is not None and text[v.end:].lstrip()[:1].isupper()
    if not (_NO_UNIT_AFTER.match(folded, v.end) or name_next):
        return v
    return Value(v.kind, v.start, v.start + folded[v.start:v.end].rindex(tens.group(1)) + len(tens.group(1)),
                 (v.nums[0], tens.group(1)))


DECIMAL_SCORED = ("DTI",)  # indices scored from 0 to 1 (`đạt 0,4612`)
TARGET_CUES = ("phan dau", "muc tieu", "bao dam", "dam bao", "chi tieu", "du kien", "ke hoach dat", "nham dat",
               "gop phan nang")
ALWAYS_TARGET = ("rank_range", "percent_range", "score_range", "rank_increase_range", "score_increase_range")
INCREASES = ("rank_increase", "score_increase")


_CEILING_BEFORE = re.compile(r"(?<!khong\s)\bduoi\s*$")
# (`nhóm 10 tỉnh, thành phố đứng đầu`: the comma of a pair of unit words stays inside the group)
_GROUP_BEFORE = re.compile(r"\b(?:nh\S{1,2}m|top)\b(?:[^.;,()]|,\s*(?=(?:thanh\s+pho|thi\s+xa|thi\s+tran|phuong|xa|"
                           r"huyen|quan|dac\s+khu)\b))*$")
_FLOOR_WORD = re.compile(r"(?:\S+\s+){0,2}?(?:tren|toi thieu|it nhat|khong thap hon|khong duoi)\s")


def floor_remark(folded: str, v: Value, goals=()) -> bool:
    """`đạt tỷ lệ 92,50% (lĩnh vực duy nhất trên 90%)`: a floor in a remark in parentheses, outside the
    goals and with no goal word there, describes a result; so does a ceiling (`đều dưới 3 điểm`):
    neither is a goal nor a value."""
    if any(a <= v.start < b for a, b, *_ in goals):
        return False
    if _CEILING_BEFORE.search(folded, max(0, v.start - 14), v.start + 1) or _CEILING_BEFORE.search(folded, max(0, v.start - 14), v.start):
        return True  # `... đều dưới 3 điểm`: a bound said of results, no value
    opened, closed = folded.rfind("(", max(0, v.start - 60), v.start + 1), folded.rfind(")", max(0, v.start - 60), v.start)
    if opened < 0 or closed > opened:
        return False
    return bool(_FLOOR_WORD.match(folded, v.start, v.end)) and not any(c in folded[opened:v.start] for c in TARGET_CUES)


# what a reviewed goal's outcome opens with: `kết quả (thực hiện) đạt / là / :` and the outcome's number
# (`Chỉ tiêu ... đạt từ 85 điểm trở lên: kết quả đạt 86,47 điểm`; not `kết quả đạt được cao hơn`, `kết quả là huyện ...`)
_OUTCOME = r"\bket\s+qua(?:\s+thuc\s+hien)?\s*(?::|\bdat\b|\bla\b)\s*(?:dat\s+)?(?=\d)"
_GOAL_SAID = re.compile(r"[:;]|phan\s+dau|muc\s+tieu|chi\s+tieu|ke\s+hoach")
# (each optional part opens with its own spaces: runs of blanks from blanked tables must not backtrack cubically)
_OUTCOME_AFTER = re.compile(r"(?:\s*(?:d\S?em|%))?(?:\s*tr[o0d6]\s?[l1]en)?(?:\s*[:;,])?(?:\s*-)?\s*" + _OUTCOME)


def reviewed_goal(folded: str, v: Value, goals=()) -> bool:
    """The goal of an earlier plan that a review quotes before its outcome (`Chỉ tiêu Chỉ số SIPAS đạt trên 85%: kết
    quả đạt 87,2%`): neither a result nor a goal of this plan (not in the goals section: those goals are its own)."""
    return bool(_OUTCOME_AFTER.match(folded, v.end)) and not any(a <= v.start < b for a, b, *_ in goals)


def _outcome(folded: str, v: Value) -> bool:
    """The value is an outcome's (`kết quả đạt 86,47 điểm`) or in its clause after it, no goal said between
    (`có kết quả đạt 87,12 điểm, năm 2025 phấn đấu đạt 90 điểm`: the 90 is a goal)."""
    for m in re.finditer(_OUTCOME, folded[max(0, v.start - 80):v.end]):
        at = max(0, v.start - 80) + m.end()  # the outcome's number
        if at >= v.start or not _GOAL_SAID.search(folded, at, v.start):
            return True
    return False


def is_target(folded: str, v: Value, before: str, ms: int, goals=()) -> bool:
    if v.kind in ALWAYS_TARGET:
        return True
    if v.kind not in INCREASES and any(a <= v.start < b for a, b, *_ in goals):
        return True
    if re.match(r"(?:\S+\s+){0,2}?(?:tren|toi thieu|it nhat|tu|tir|khong thap hon|khong duoi)\s", folded[v.start:v.end]):
        return True
    after = folded[v.end:v.end + 12]
    if re.match(r"\s*%?\s*tr[o0d6]\s*[l1]en", after):
        return True
    if _outcome(folded, v):
        return False  # `...: kết quả đạt 86,47 điểm, xếp thứ 6/21`: the outcome of a goal reviewed, a result
    window = re.split(r"\.\s+(?=[a-z])", folded[max(0, ms - 60):v.start])[-1]  # cues of this sentence only
    if v.kind in INCREASES and any(a <= v.start < b for a, b, *_ in goals) and "so voi" not in folded[v.end:v.end + 30]:
        return True
    # a floor cue just before (`từ` only after a verb: `điện tử (4,1 điểm)` folds to `dien tu`)
    floor = re.search(r"(?:\btren|\btoi thieu|\bit nhat|\b(?:dat|la|muc|o)\s+t(?:u|ir))\s*$", before[-20:])
    return any(c in window for c in TARGET_CUES) or bool(floor)
