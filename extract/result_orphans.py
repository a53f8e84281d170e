"""Values in sentences that name no index: a unit as the subject right after the sentence that named the index
(`Theo đó, tỉnh X đạt 89,54%`), bullets labelled with units under an index lead-in, components of the index named
last (`chỉ số Chi phí thời gian đạt 7,45 điểm`, `Các chỉ số nội dung A; B lần lượt đạt ...`), goals for the
components listed after them. Called by extract.result_prose once the mentions have read their own sentences.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from extract.numbers import NUMBER
from extract.result_context import (closed_parens, component_match, component_opens, components_listed, heading_year,
                                    paragraph_start, sentence_end, sentence_start, year_before, years)
from extract.result_items import Doc, add_result, listed_components, make_targets, paren_year
from extract.result_moves import earlier_value, earlier_year, moved_from, reached
from extract.result_scope import UNIT_WORDS, capitalised_after, peer_province, scope_of
from extract.result_turns import SATISFACTION_SUBJECT
from extract.result_values import DECIMAL_SCORED, Value, find_values, floor_remark, is_target

# A sentence naming no index gives component values only when it speaks of components ...
COMPONENT_CUE = re.compile(r"linh vuc|chi\s*s\S|noi dung|yeu to|tru cot|thanh phan|tieu chi")
# (`lĩnh vực X đạt tỷ lệ cao nhất với 92,35%` is the component's own rate)
# (`có tỷ lệ hài lòng cao nhất (86,10%)`, `tỷ lệ điểm`: the component's own rate, not an operational one)
OPERATIONAL = re.compile(r"\bho so\b|van ban|truc tuyen|so hoa|chu ky so|thoi gian (?:giai quyet|xu ly)"
                         r"|(?<!dat )ty le(?!\s+(?:hai\s+long|diem|cao\s+nhat|thap\s+nhat)\b)")
NAMED_ONLY = ("percent_listed",)  # values that need a component named right before them
NO_VALUE = ("rank_increase", "rank_group", "rank_increase_range", "score_increase", "score_increase_range")
IN_TURN = re.compile(rf"(?:\s*(?:[,;]|va)\s*)?({NUMBER})\s?(%|d[i1l]\S?e?m\b)?")


_UNIT_SUBJECT = re.compile(rf"\s*(?:[-+•*]\s*)?(?:(?:theo do|ket qua|nam \d{{4}}|cung nam|dong thoi|theo\s+(?:quyet\s+dinh|ket\s+qua|cong\s+bo|bao\s+cao)"
                           # `Trong số các phường trước sắp xếp, phường X (cũ) đạt ...`, `Đối với khối sở, ban, ngành,
                           # Sở X đạt ...`, `Trong đánh giá của quận, phường X (cũ) dẫn đầu với ...`: whom it is among
                           # (not `Trong đó,` over the parts of a value, nor `Trong khi đó, tỉnh X đạt`, a unit compared)
                           rf"[^,;\n]{{0,80}}?,|(?P<among>(?:trong\s+(?:so\s+)?(?:cac|\d{{1,3}}|danh\s+gia|ket\s+qua|bang\s+xep\s+hang|tong\s+so)|doi\s+voi)\s+[^;\n]{{0,60}}?[,:]"
                           # `Các phường trước sắp xếp đạt kết quả như sau: phường X (cũ) đạt ...`
                           rf"|(?P<lead_units>cac\s+{UNIT_WORDS}\s+[^;:\n]{{0,60}}?:)))\s*(?:,\s*)?)?(?P<unit>{UNIT_WORDS}|so)\s+(?!hoi\b)"  # (`kinh tế` / `- xã hội đạt`)
                           r"(?:(?:[a-z]+\s+){0,6}?|(?:[a-z]+\s+|-\s+){1,11}?(?=\((?:cu|cii)\)))(?:\((?:cu|cii)\)\s+)?(?P<verb>dat|xep|dung\s+(?:o\s+)?(?:thu|vi\s+tri|trong|vao)|dan\s+dau\s+voi)\b"
                           # a bullet labelled with the unit (`- Sở Xây dựng tỉnh Nam Định (cũ): 89,05%, xếp thứ 6/20`)
                           rf"|\s*(?:[-+•*]\s*)?(?P<label>{UNIT_WORDS}|so)\s+(?:[a-z]+\s*){{1,8}}?(?:\((?:cu|cii)\)\s*)?:(?=\s*\d)"
                           # a bullet that only places the index named on the line above (`- Xếp hạng trong nhóm 10 ...`)
                           r"|\s*(?:phan dau\s+)?(?:x\S{0,2}p\s+h\S{0,2}ng|x\S{0,2}p\s+th\S{0,2}|duy tri|giu vung)\s"
                           # ... or a field of it (`- Xếp hạng: 14/20`, `- Tổng điểm: 82,64/100`, `- Đạt 82,64 điểm,`)
                           r"|(?P<field>\s*(?:(?:x\S{0,2}p|th\S{0,2})\s+h\S{0,2}ng\s*:"
                           r"|(?:tong\s+)?d[i1l]\S?e?m(?:\s+(?:so|dat(?:\s+duoc)?|tong\s+hop))?\s*:(?=\s*\d)"
                           r"|dat\s+(?=\d[\d.,]*\s*(?:/\s*\d[\d.,]*\s*)?(?:%|d[i1l]\S?e?m)?\s*(?:[,;.]|$))))")


_SAME_YEAR = re.compile(r"\s*(?:cung\s+nam|cung\s+ky|trong\s+nam\s+do)\b")  # `Cùng năm, ...`: the year said before
_BULLET = re.compile(r"[ \t]*[-+•*][ \t]")


def _is_bullet(folded: str, at: int) -> bool:
    """The sentence at `at` is a bullet: its line opens with a marker and nothing else before `at`."""
    line = folded.rfind("\n", 0, at) + 1
    m = _BULLET.match(folded, line)
    return bool(m) and not folded[m.end():at].strip()


def _lead_in_start(folded: str, sent_start: int, most: int = 12) -> int:
    """Start of the sentence before this one; for a bullet, of the line that leads its list in
    (`Kết quả Chỉ số CCHC năm 2024 của các sở trước hợp nhất:` over `- Sở A (cũ): ...; - Sở B (cũ): ...`)."""
    at = sentence_start(folded, max(0, sent_start - 2))
    if not _is_bullet(folded, sent_start):
        return at
    for _ in range(most):
        if not _is_bullet(folded, at) or at == 0:
            break
        at = sentence_start(folded, max(0, at - 2))
    return at


def _is_so(word: str) -> bool:
    """`Sở` (or `So` stripped of its marks, or an OCR slip on it), not `số` / `Số`."""
    word = unicodedata.normalize("NFC", word)
    return word[0] == "S" and word[1:2].lower() not in tuple("ôốồổỗộ")


def _is_reached(word: str) -> bool:
    """`đạt` (or `dat` stripped of its marks, or an OCR slip on it), not `đất`."""
    return "ấ" not in unicodedata.normalize("NFC", word).lower()


_RESULTS_HEADING = re.compile(r"\s*[ivx]{1,4}\.\s+(?:[a-z]+\s+){0,3}(?:ket qua|danh gia|thuc trang)")


def whole_index_subject(d: Doc, sent_start: int, mention_at: int, mention_index: str) -> Optional[str]:
    """The index whose whole values a sentence naming none gives: right after the sentence naming it, a
    sentence opening with the unit as its subject (`Theo đó, tỉnh Nghệ An đạt 89,54%, xếp thứ 15/63`) or
    with a ranking; under a results heading of a plan about one index, a unit as the subject
    (`Năm 2024, Sở Kế hoạch và Đầu tư (cũ) đạt 89,15 điểm`)."""
    folded = d.folded
    # a heading line in capitals (`I. KẾT QUẢ`, `II. MỤC TIÊU`) the sentence splitter left in front of the paragraph
    line_end = folded.find("\n", sent_start, sent_start + 80)
    if line_end > 0 and d.text[sent_start:line_end].isupper() and not re.search(r"\d", folded[sent_start:line_end]):
        sent_start = line_end + 1
    m = _UNIT_SUBJECT.match(folded, sent_start)
    unit = "label" if m and m.group("label") else "unit"
    if not m or m.group(unit) == "so" and not _is_so(d.text[m.start(unit):m.end(unit)]):  # `Sở`, not `số`
        return None
    if _SAME_YEAR.match(folded, sent_start) and not re.search(r"\((?:cu|cii)\)", folded[m.start(unit):m.end()]):
        return None  # `Cùng năm, thành phố Hà Nội đạt ...`: another unit compared; a former unit of ours is a result
    if m.group("among") and m.group("unit") != "so" and not re.search(r"\((?:cu|cii)\)", folded[m.start(unit):m.end()]) \
            and scope_of(d.text, folded, m.start(unit), m.end(), d.own):
        return None  # `Trong các tỉnh Bắc Trung Bộ, tỉnh Nghệ An đạt ...`: a unit among the others, not ours nor former
    if m.group("verb") == "dat" and not _is_reached(d.text[m.start("verb"):m.end("verb")]):  # `đạt`, not `đất`
        return None
    if m.group("label") and not capitalised_after(d.text, m.end("label") + 1, m.end()):
        return None  # `+ Quản trị môi trường: 3,21 điểm`: a component's label, not a unit's (`quản` folds to `quan`)
    lead = _lead_in_start(folded, sent_start)
    if m.group("field") and not _fields_of_own_index(d, lead, sent_start):
        return None
    # (a table read and blanked between them: the caption above it is no lead-in of the sentence after it)
    across_table = re.search(r"(?:\n[ \t]*){4}", folded[sentence_end(folded, lead, sent_start):sent_start])
    if lead <= mention_at and not across_table:
        if _is_bullet(folded, sent_start):  # the index its list's lead-in names, not one named in a sibling bullet
            lead_end = sentence_end(folded, lead, sent_start)
            named = [idx for a, _, idx in d.mentions if lead <= a < lead_end] if d.mentions else []
            return named[-1] if named else mention_index
        # `... Chỉ số CCHC và Chỉ số SIPAS năm 2024 ... Tỉnh X (cũ) đạt 88,73 điểm, xếp thứ 9/63; Chỉ số SIPAS đạt
        # 83,64%`: the index of the lead-in that this sentence does not name itself further on
        # (or of the sentence before it: `Tỉnh Y (cũ) đạt 86,19 điểm, xếp thứ 24/63; Chỉ số SIPAS đạt ...` next)
        end = sentence_end(folded, sent_start, len(folded))
        later = {idx for a, _, idx in d.mentions if sent_start <= a < end}
        for _ in range(2 if mention_index in later else 0):
            named = list(dict.fromkeys(idx for a, _, idx in d.mentions if lead <= a < sent_start))
            rest = [idx for idx in named if idx not in later]
            if rest:
                return rest[0]
            lead = sentence_start(folded, max(0, lead - 2))
        return mention_index
    heads = list(re.finditer(r"^\s*[ivx]{1,4}\.\s", folded[:sent_start], re.M))
    in_goals = any(a <= sent_start < b for a, b, *_ in d.goals)
    under_results = bool(heads) and _RESULTS_HEADING.match(folded, heads[-1].start()) is not None
    if d.title_index and (in_goals or under_results):
        return d.title_index
    if under_results and not in_goals and set(d.title_indices) == {"PAR INDEX", "SIPAS"}:
        # a plan about the CCHC index and SIPAS: a unit's points (`Năm 2024, phường X (cũ) đạt 88,02 điểm, xếp thứ
        # 7/23`) are the CCHC index's, SIPAS being a share of people
        end = sentence_end(folded, sent_start, len(folded))
        if any(v.kind in ("score", "score_frac") for v in find_values(folded, sent_start, end, d.text, d.own)):
            return "PAR INDEX"
    return None


# a lead-in of goals (`Mục tiêu năm 2025, Chỉ số PAR INDEX của tỉnh:`) or a section of tasks or goals
_GOAL_LEAD = re.compile(r"\b(?:muc\s+tieu|chi\s+tieu|phan\s+dau|dinh\s+huong|den\s+nam)\b")
_TASK_SECTION = re.compile(r"\s*[ivx]{1,4}\.\s+(?:[a-z]+\s+){0,2}(?:nhiem\s+vu|giai\s+phap|muc\s+tieu|muc\s+dich|to\s+chuc)")


def _fields_of_own_index(d: Doc, lead: int, sent_start: int) -> bool:
    """Bullets of fields (`- Tổng điểm: 82,64/100`, `- Xếp hạng: 14/20`) are the whole index's results of the plan's
    own unit only under a lead-in naming no component, no other unit and no goal, outside a section of tasks."""
    folded = d.folded
    if not _is_bullet(folded, sent_start):
        return False
    lead_end = sentence_end(folded, lead, sent_start)
    heads = list(re.finditer(r"^\s*[ivx]{1,4}\.\s", folded[:sent_start], re.M))
    return not (_PART_WORDS.search(folded, lead, lead_end) or _GOAL_LEAD.search(folded, lead, lead_end)
                or scope_of(d.text, folded, lead, lead_end, d.own)
                or heads and _TASK_SECTION.match(folded, heads[-1].start()))


_PART_WORDS = re.compile(r"\b(?:linh\s+vuc|noi\s+dung|yeu\s+to|tru\s+cot|thanh\s+phan|tieu\s+chi)\b")


def _scored_in_points(d: Doc, whole: str, v: Value, sent_start: int) -> str:
    """SIPAS is a share of people satisfied: a sentence of points (`X (cũ) đạt 85,20 điểm, xếp hạng 3/21; Y (cũ) xếp
    hạng 7/21`) after one naming the CCHC index and then SIPAS gives the other index's values."""
    if whole != "SIPAS" or v.kind not in ("score", "score_frac", "rank", "rank_only", "rank_group", "rank_range"):
        return whole  # a percentage stays SIPAS's
    end = sentence_end(d.folded, sent_start, len(d.folded))
    if not any(w.kind in ("score", "score_frac") for w in find_values(d.folded, sent_start, end, d.text, d.own)):
        return whole
    lead = sentence_start(d.folded, max(0, sent_start - 2))
    named = [idx for a, _, idx in d.mentions if lead <= a < sent_start and idx != "SIPAS"] if d.mentions else []
    return named[-1] if named else whole


_SATISFIED = re.compile(r"hai\s?[l1]\s?[o0]ng")
_SATISFACTION_SUBJECT = re.compile(r"\s*(?:[-+•]\s*)?" + SATISFACTION_SUBJECT.pattern)  # opening the sentence
_IN_TURN_CUE = re.compile(r"lan\s+luot\s+(?:dat\s+|la\s+)?")


def components_in_turn(d: Doc, mentions, owned) -> None:
    """`Các chỉ số nội dung A; B; C lần lượt đạt 5,12; 4,33 và 6,85 điểm` in a sentence naming no index:
    one value per component listed, in order, of the index named last (results only)."""
    folded = d.folded
    for m in _IN_TURN_CUE.finditer(folded):
        if any(a <= m.start() < b for a, b in owned) or any(a <= m.start() < b for a, b, *_ in d.goals):
            continue
        before = [(ms, idx) for ms, _, idx in mentions if ms < m.start() and m.start() - ms < 1500]
        if not before:
            continue
        sent_start = sentence_start(folded, m.start())
        listed = components_listed(folded, sent_start, m.start(), before[-1][1])
        found, pos = [], m.end()
        for _ in listed:
            n = IN_TURN.match(folded, pos, sentence_end(folded, m.end(), m.end() + 200))
            if not n:
                break
            found.append(n)
            pos = n.end()
        if len(listed) < 2 or len(found) < len(listed):
            continue
        kind = "percent" if any(n.group(2) == "%" for n in found) else "score"
        para = paragraph_start(folded, sent_start)
        year = year_before(folded, m.start(), 0, para)
        for comp, n in zip(listed, found):
            v = Value(kind, n.start(1), n.end(), (n.group(1), None))
            add_result(d, {}, v, before[-1][1], comp, year, scope_of(d.text, folded, sent_start, v.start, d.own),
                       d.evidence(sent_start, v))
        owned.append((sent_start, pos))


def _earlier_year_of(folded: str, sent_start: int, v: Value, before) -> Optional[tuple[int]]:
    """`So với năm 2022 (82,90 điểm, xếp thứ 11/20), điểm số của Sở tăng 1,25 điểm`: the values an earlier year
    had, in parentheses after it, in a sentence naming no index: (year,) when the text just before spoke of
    one index only (within 600 characters), else None."""
    inside = v.start + folded.startswith("(", v.start)  # a value read with its opening parenthesis
    year = paren_year(folded, sent_start, inside) if v.kind not in NO_VALUE else None
    near = {idx for ms, idx in before if v.start - ms < 600}
    return (year,) if year and len(near) == 1 and before[-1][1] in near else None


def orphan_components(d: Doc, mentions, owned) -> None:
    """Values in sentences that name no index but a component of one named shortly before
    (`Trong 10 chỉ số thành phần, ... chỉ số Chi phí thời gian đạt 7,45 điểm`)."""
    folded = d.folded
    if not mentions:
        return
    values = [v for v in find_values(folded, mentions[0][1], len(folded), d.text, d.own)
              if not any(a <= v.start < b for a, b in owned)]
    prev_end = 0
    moved_to_year: dict[int, int] = {}  # `... xuống 3,62 điểm (năm 2024)`: a value a move reached, its year
    last: tuple = (-1, None, None, 0)  # (sentence start, index, component, its end) of the last component value
    for v in values:
        before = [(ms, idx) for ms, _, idx in mentions if ms < v.start and v.start - ms < 1500]
        if not before:
            continue
        sent_start = sentence_start(folded, v.start)
        lo = max(sent_start, prev_end)
        prev_end = v.end
        # the cue may be in the lead-in of a bullet list (`cụ thể theo từng yếu tố:`)
        cue_lo = min(sent_start, max(paragraph_start(folded, v.start), v.start - 400))
        whole = whole_index_subject(d, sent_start, before[-1][0], before[-1][1])
        earlier = _earlier_year_of(folded, sent_start, v, before)
        # `Kết quả khảo sát sự hài lòng ... đạt 92,40% (năm 2022: 89,65%)`, `Mức độ hài lòng đối với yếu tố A đạt
        # 87,30%; yếu tố B đạt 83,10%`: SIPAS's, not parts of another index named before (result_satisfaction reads them)
        satisfied = v.kind == "percent" and (earlier and _SATISFIED.search(folded, sent_start, v.start)
                                             or _SATISFACTION_SUBJECT.match(folded, sent_start))
        # `Quản trị môi trường và Quản trị điện tử đều đạt từ 3,5 điểm`: names of components are cue enough
        recent = list(dict.fromkeys(idx for _, idx in reversed(before)))[:5]
        # `Phấn đấu đạt từ 85% trở lên đối với các yếu tố: (1) ...; (2) ...`: the components listed after the goal
        listed_after = [] if re.search(r"hai\s*l\S?ong", folded[sent_start:v.start]) else \
            [idx for idx in recent if listed_components(d.text, folded, v.end, idx)][:1]  # satisfaction: its own path
        # (a component's value read earlier in this sentence cues the rest: `b) Tiếp cận đất đai: 6,02 điểm, xếp thứ 45/63`)
        # the last component named in this sentence holds no `;` past its value (`A đạt 6,95 điểm; tổng điểm ...` is
        # not A's), but for a clause of another unit (`A: tỉnh X (cũ) đạt 9,31/10,5 điểm; tỉnh Y (cũ) đạt 9,64/10,5`)
        semicolon = folded.rfind(";", last[3], v.start)
        same_clause = last[0] == sent_start and (semicolon < 0 or bool(_UNIT_OPENS.match(folded, semicolon + 1)))
        cued = (COMPONENT_CUE.search(folded, cue_lo, v.start) or earlier or listed_after or last[0] == sent_start
                or len(components_listed(folded, lo, v.start, before[-1][1])) >= 2
                or component_opens(folded, sent_start, v.start, before[-1][1]))
        # an operational rate is never the index's, even after the unit as subject (`Số hồ sơ ... đạt 98%`)
        # (in the value's own clause: `..., là lĩnh vực có tỷ lệ điểm cao nhất; lĩnh vực X đạt 10,92/13,5 điểm`)
        if OPERATIONAL.search(folded, max(lo, folded.rfind(";", lo, v.start) + 1), v.start) or not whole and not cued:
            continue
        found = [(idx, component_match(folded, lo, v.start, idx)) for idx in recent]
        found = [(hit[1], hit[2], -k, idx, hit[0]) for k, (idx, hit) in enumerate(found) if hit]
        if v.kind in NAMED_ONLY and not found:
            continue
        if v.kind == "score_decimal" and not any(idx in DECIMAL_SCORED for *_, idx, _ in found) \
                and not (earlier and same_clause and last[1] in DECIMAL_SCORED):
            continue  # a bare decimal is a component's score only for an index scored from 0 to 1
        if whole and not found:  # `... công bố Chỉ số CCHC năm 2024. Theo đó, tỉnh X đạt 89,54%`
            index, comp = _scored_in_points(d, whole, v, sent_start), None
        elif found:
            # the longest, best match wins (`Cải cách thủ tục hành chính` is PAR INDEX, not SIPAS's factor)
            *_, index, comp = max(found)
            last = (sent_start, index, comp, v.end)
        elif earlier and same_clause:  # `A: 7,35 điểm (năm 2020: 7,12 điểm)`: the component's earlier value
            index, comp = last[1], last[2]
        elif earlier:
            index, comp = before[-1][1], None
        elif listed_after and any(a <= v.start < b for a, b, *_ in d.goals):
            index, comp = listed_after[0], None  # make_targets gives one target per component listed
        elif same_clause:  # `Lĩnh vực X ... đạt tối thiểu 9/10 điểm, xếp hạng trong nhóm 20`
            index, comp = last[1], last[2]
        else:
            continue
        if v.kind == "rank_group" and not found and not whole and last[0] != sent_start:
            continue
        if satisfied and index != "SIPAS":
            continue
        ms = before[-1][0]
        if floor_remark(folded, v, d.goals):
            continue
        ev = d.evidence(sent_start, v)
        moved = moved_from(folded, v)  # `X giảm từ 3,95 điểm (năm 2023) xuống 3,62 điểm (năm 2024)`
        if moved and any(a <= v.start < b for a, b, *_ in d.goals):
            continue  # the baseline of a rise in the goals: no target
        if not moved and is_target(folded, v, folded[max(sent_start, v.start - 60):v.start], sent_start, d.goals):
            # `Các chỉ số nội dung X, Y đạt từ 5 điểm trở lên`: one target per component listed
            listed = components_listed(folded, lo, v.start, index) if found else []
            d.targets.extend(make_targets(d, v, index, sentence_end(folded, v.end, v.end + 200), ev, sent_start,
                                          listed if comp in listed else [comp]))
        elif v.kind not in NO_VALUE or moved:  # (`tăng từ 8,10 điểm lên ...`: a rise read from where it started)
            # the value's sentence, else the latest year of the paragraph (`Năm 2023, ...; năm 2022 xếp thứ 5/21.
            # Lĩnh vực có điểm thấp: ...` breaks down 2023)
            # (the value's own paragraph first: the index may have been named far above, in the title)
            same_year = _SAME_YEAR.match(folded, sent_start) and year_before(folded, sent_start, 0, max(0, sent_start - 400))
            year = reached(moved_to_year, v) or (
                earlier and earlier[0]) or year_before(folded, v.start, 0, sent_start) or same_year or _latest_year(
                folded, min(paragraph_start(folded, sent_start), v.start), v.start, d.plan_year) or _latest_year(
                folded, paragraph_start(folded, sentence_start(folded, ms)), v.start, d.plan_year) or heading_year(
                folded, v.start)  # `I. KẾT QUẢ NĂM 2021` over `- Điểm: 82,64`
            # the unit of the index's last result above holds for its components (`Trong 8 lĩnh vực, ...`)
            # (not another province's, in a province's plan: `tỉnh Quảng Trị xếp thứ 40/63. Trong 08 lĩnh vực, ...`)
            above = [sc for at, idx, sc in d.scopes if idx == index and at < v.start and not peer_province(sc, d.own)]
            # (not for a unit named as the subject: `Đối với khối sở, Sở Tài chính đạt 84,37%` is the issuer's own)
            # (nor for a sentence saying whose they are: `Điểm các lĩnh vực của thành phố: ...` in the city's plan)
            scope = scope_of(d.text, folded, sent_start, v.start, d.own) or (
                above[-1] if above and not (whole and not found) and not _of_own_kind(d, sent_start, v.start) else None)
            if moved:  # the value it moved from is the year's it names, else the year's before (result_moves)
                add_result(d, {}, earlier_value(v, moved), index, comp, earlier_year(folded, sent_start, v.start, year, moved),
                           scope, ev)
                moved_to_year[moved.start("to")] = int(moved.group("to_year") or 0)
                continue
            add_result(d, {}, v, index, comp, year, scope, ev)


_UNIT_OPENS = re.compile(rf"\s*{UNIT_WORDS}\s+\S")
_OF_KIND = re.compile(rf"\bc\S{{1,3}}a\s+({UNIT_WORDS})\b")


# the issuer's unit word as the subject, no name after it (`Sở bị trừ điểm nhiều nhất ở`, `Các lĩnh vực phường bị trừ`)
_BARE_SUBJECT = re.compile(rf"(?<!cac\s)\b({UNIT_WORDS}|so)\s+(?=(?:bi|dat|xep|con|van|chi|da)\b)")


def _of_own_kind(d: Doc, lo: int, hi: int) -> bool:
    """`của thành phố` (no name after it) in a city's plan, or the issuer's unit word alone as the subject (`Sở bị trừ
    điểm nhiều nhất ở các lĩnh vực sau:` in a department's plan), between lo and hi (and the lead-in of a bullet
    list holding lo): the issuer's own."""
    own_word = lambda word: any(u.startswith(" ".join(word.split()) + " ") for u in d.own)  # noqa: E731
    if any(own_word(m.group(1)) and not d.text[m.end():m.end() + 2].strip()[:1].isupper()
           for m in _OF_KIND.finditer(d.folded, lo, hi)):
        return True
    lead = _lead_in_start(d.folded, lo) if _is_bullet(d.folded, lo) else lo
    return any((own_word(m.group(1)) if m.group(1) != "so" else _is_so(d.text[m.start(1):m.end(1)]) and d.department)
               for m in _BARE_SUBJECT.finditer(d.folded, lead, hi))


def _latest_year(folded: str, para: int, pos: int, plan_year: Optional[int] = None) -> Optional[int]:
    """The latest year named in [para, pos), outside parentheses closed before `pos`, before the plan's own first year
    (`năm 2026 là năm đầu tiên các chỉ số được đánh giá ... Kết quả năm 2024` in a plan for 2026: results are 2024's)."""
    closed = closed_parens(folded, para, pos)
    named = [y for at, y in years(folded, para, pos) if not any(a < at < b for a, b in closed)]
    earlier = [y for y in named if not (plan_year and y >= plan_year)]  # (the plan's year alone may be the results')
    return max(earlier or named, default=None)


__all__ = ["components_in_turn", "orphan_components", "whole_index_subject"]
