"""The signature block at the end: position lines (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`, `TM. ỦY BAN NHÂN
DÂN` / `CHỦ TỊCH`) and the signer's name under them. The recipients list (`Nơi nhận:`) is printed
beside the block, so text layers and OCR give both back on shared lines: the name may follow a
recipient after a run of spaces or after one space. Between position and name sit `(Đã ký)`, specks
and the stamp read as text (`ỦY BAN NHÂN DÂN`, `SỞ NỘI VỤ`), which a name tells apart by its surname.
scripts/eval_signer.py measures this on generated blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extract.issuer import clean_ocr_word_marks
from extract.names import is_surname, repair_surname, restore_person_name
from normalize.document import LOST_DIACRITICS_SHARE, diacritic_share
from extract.patterns import fold, title_case
from extract.ocr_words import UNIT_WORDS
from extract.places import is_place_name, province_name
from extract.schema import Evidence, Signer
from normalize.types import NormalizedDocument

_CHU_TICH = r"ch[uú]\s*t[i1l]ch"
_GIAM_DOC = r"gi[a-z4]m\s+[dp][o0][a-z]?c"
# (folded pattern, canonical spelling), tried left to right on each line.
_PARTS: list[tuple[str, str]] = [
    (r"\btuq\s*[.,]?", "TUQ."),
    (r"\bkt\s*[.,]?", "KT."),
    (r"\btm\s*[.,]?", "TM."),
    (r"\btl\s*[.,]?", "TL."),
    (r"\bq\s*[.,]", "Q."),
    (r"\b[uú]y\s+ban\s+nh[a-z]{1,2}n\s+d[a-z]{1,2}n\b", "ỦY BAN NHÂN DÂN"),
    (r"\bh[o0]i\s+d[o0]ng\s+nh[a-z]{1,2}n\s+d[a-z]{1,2}n\b", "HỘI ĐỒNG NHÂN DÂN"),
    (r"\bph[o0]\s+" + _CHU_TICH + r"\b", "PHÓ CHỦ TỊCH"),
    (r"\b" + _CHU_TICH + r"\b", "CHỦ TỊCH"),
    (r"\bph[o0]\s+" + _GIAM_DOC + r"\b", "PHÓ GIÁM ĐỐC"),
    (r"\b" + _GIAM_DOC + r"\b", "GIÁM ĐỐC"),
    (r"\bph[o0]\s+tr[uw][o0]ng\s+ban\b", "PHÓ TRƯỞNG BAN"),
    (r"\btr[uw][o0]ng\s+ban\b", "TRƯỞNG BAN"),
    (r"\bch[a-z]nh\s+v[a-z]n\s+ph[o0]ng\b", "CHÁNH VĂN PHÒNG"),
    (r"\bph[o0]\s+tr[uw][o0]ng\s+ph[o0]ng\b", "PHÓ TRƯỞNG PHÒNG"),
    (r"\btr[uw][o0]ng\s+ph[o0]ng\b", "TRƯỞNG PHÒNG"),
    (r"\bph[o0]\s+ch[a-z]nh\s+thanh\s+tra\b", "PHÓ CHÁNH THANH TRA"),
    (r"\bch[a-z]nh\s+thanh\s+tra\b", "CHÁNH THANH TRA"),
]
_ROLES = {"PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "PHÓ TRƯỞNG BAN", "TRƯỞNG BAN", "CHÁNH VĂN PHÒNG",
          "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG PHÒNG", "PHÓ CHÁNH THANH TRA", "CHÁNH THANH TRA"}
_PART_RE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PARTS)))
_POSITION_LINE = re.compile("|".join(p for p, c in _PARTS if not c.endswith(".")))  # roles and bodies, not KT./TM.
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_RECIPIENT = re.compile(r"\s*(?:[-+•*]|n[o0]i\s+nh\S{0,3}n\s*:)")  # folded: `- Sở Nội vụ;`, `Nơi nhận: - ...`


@dataclass
class SignerResult:
    signer: Signer
    evidence: Evidence | None
    warnings: list[str]


def _position_parts(line: str) -> list[str]:
    f = fold(line)
    # The recipients list shares the line: `Nơi nhận: KT. GIÁM ĐỐC`, `- Bộ Nội vụ; CHỦ TỊCH`.
    out = []
    for m in _PART_RE.finditer(f):
        i = next(k for k in range(len(_PARTS)) if m.group(f"p{k}"))
        printed = line[m.start():m.end()]
        letters = [c for c in printed if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) < 0.6:
            continue  # "chủ tịch" in running text is not the block
        out.append(_PARTS[i][1])
    return out


def _source_has_marks(doc: NormalizedDocument) -> bool:
    """The source prints Vietnamese with its marks (not a text that lost them, where the only
    marks are an English OCR model's stray accents)."""
    source = doc.source.text if doc.source is not None else doc.text
    return diacritic_share(source) >= LOST_DIACRITICS_SHARE


_HORN = {"u": "ư", "U": "Ư", "o": "ơ", "O": "Ơ"}


def _clean_name_line(text: str) -> str:
    """English OCR: `Hu'ng` for `Hưng` (the horn kept), `Ta.`/`Pha.m` for `Tạ`/`Phạm`, `Qu6c` for
    `Quốc`; specks and page marks around the name."""
    text = re.sub(r"(?<=[^\W\d_])([uUoO])'", lambda m: _HORN[m.group(1)], text.strip())
    text = re.sub(r"(?<=[^\W\d_])[60](?=[^\W\d_])", "ô", text)  # `Qu6c` for `Quốc`: no name has a digit
    text = re.sub(r"(?<=[^\W\d_])\.(?=\s|[^\W\d_])", "", clean_ocr_word_marks(text))
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)


def signature_columns(line: str) -> list[tuple[str, int]]:
    """Where the signature column's text may sit on a flattened line, surest first, each with
    its rank. Text layers print it after a run of spaces (`- Như trên;        Nguyễn Văn An`,
    rank 0, as a line of its own). OCR shrinks the run to one space: on a recipient line it is
    what follows the recipient's closing `;` / `.` / `:` / `)` (rank 1), or, when the OCR lost
    that mark, the capitalised words the line ends with from a surname on (rank 2). Empty when
    the line holds a recipient only."""
    stripped = line.strip()
    recipient = _RECIPIENT.match(fold(stripped))
    columns = re.split(r"\s{3,}|\t", stripped)
    if len(columns) > 1:  # the whole line first: a name may be printed spaced out (`Lê   Văn   An`)
        return ([] if recipient else [(" ".join(columns), 0)]) + [(columns[-1], 0)]
    if not recipient:
        return [(stripped, 0)]
    out = []
    core = re.sub(r"(?<=[^\W\d_])[\W\d_]*$", "", stripped)  # specks after the last letter
    ends = list(re.finditer(r"[;.:)]", core))
    tail = core[ends[-1].end():].strip() if ends else ""
    if tail:
        out.append((tail, 1))
    words = _clean_name_line(core).split()
    run = len(words)
    while run > 0 and words[run - 1][:1].isupper() and _NAME_WORD.match(words[run - 1]):
        run -= 1
    for k in range(run, len(words) - 1):  # the longest ending that opens with a surname
        ending = " ".join(words[k:])
        # `- UBND xã Quang Trung` (its `;` lost) names a unit, not the signer
        unit = k > 0 and fold(words[k - 1]).strip(",;") in UNIT_WORDS and is_place_name(ending)
        if is_surname(words[k]) and len(words) - k <= 5 and not unit:
            out.append((ending, 2))
            break
    return out


def _printed_form(name: str, doc: NormalizedDocument) -> str:
    """The source line the (possibly restored) `name` was read from, matched by surname and letters."""
    if doc.source is None:
        return name
    wanted = fold(name).split()
    best, best_score = name, 70.0
    for line in doc.source.text.split("\n")[-200:]:
        for column, _ in signature_columns(line):
            words = _clean_name_line(column).split()
            # A restorer may change a syllable's letters (`Seo` -> `Có`, `Thái` -> `Thôi`), not their count.
            if len(words) != len(wanted) or fold(words[0])[:1] != wanted[0][:1]:
                continue
            score = fuzz.ratio(fold(" ".join(words)), fold(name))
            if score > best_score:
                best, best_score = " ".join(words), score
    return best


def _looks_like_name(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 5 or any(not _NAME_WORD.match(w) for w in words):
        return False
    if _POSITION_LINE.search(fold(line)) or fold(line).startswith(("noi nhan", "luu")):
        return False
    return all(w[0].isupper() for w in words) and any(len(w) > 1 for w in words)


def _name_lines(lines: list[str]) -> list[tuple[str, int]]:
    """Texts under the position that look like a name, with their rank (`signature_columns`), in
    reading order, up to the body text or an appendix that follows the block."""
    out = []
    for line in lines:
        if re.match(r"\s*(?:ph[uy]\s+l[uy]c|\(?k[eè]m\s+theo)", fold(line)):
            break
        columns = signature_columns(line)
        if columns == [(line.strip(), 0)] and len(line.strip()) > 70:
            break  # body text: the block has ended
        for column, rank in columns:
            candidate = _clean_name_line(column)
            if _looks_like_name(candidate):
                out.append((candidate, rank))
    return out


def _pick_name(candidates: list[tuple[str, int]]) -> str | None:
    """The surest text that opens with a surname (first of its rank); else the first in mixed case
    on a line or column of its own. A stamp read as text (`ỦY BAN NHÂN DÂN`, `SỞ NỘI VỤ`, `TỈNH
    LÀO CAI`) opens with no surname and is printed in capitals, as a signer's name may be too:
    only the surname tells them apart."""
    with_surname = sorted((rank, k) for k, (c, rank) in enumerate(candidates)
                          if is_surname(c.split()[0]) and province_name(c) is None)  # a stamp's `HÀ GIANG`
    if with_surname:
        return candidates[with_surname[0][1]][0]
    return next((c for c, rank in candidates if rank == 0 and not c.isupper()), None)


def _spelled(name: str, doc: NormalizedDocument) -> str:
    printed = _printed_form(name, doc)
    if _source_has_marks(doc) and not printed.isascii():
        # Printed with its marks: kept as printed (an OCR slip on the surname's mark repaired).
        return repair_surname(title_case(printed))
    # Lost or machine-restored diacritics: the name tables, on the letters as printed (a restorer
    # may have changed them: `Duc` -> `Được`).
    return restore_person_name(printed)


def _last_block(lines: list[str]) -> tuple[int, int, list[str]] | None:
    """(first line, last line, position) of the last signature block that names a role. The block
    is usually at the end, but an appendix (task table) may follow it: the whole text is searched.
    The header's `ỦY BAN NHÂN DÂN` names no role, so it never counts as a block."""
    blocks: list[tuple[int, int, list[str]]] = []
    for k, line in enumerate(lines):
        parts = _position_parts(line)
        if not parts:
            continue
        if blocks and k - blocks[-1][1] <= 3:
            blocks[-1] = (blocks[-1][0], k, blocks[-1][2] + parts)
        else:
            blocks.append((k, k, parts))
    blocks = [b for b in blocks if set(b[2]) & _ROLES]
    if not blocks:
        return None
    first, last, parts = blocks[-1]
    # Merge "KT." / "TM." prefixes with the title that follows them.
    joined: list[str] = []
    for p in parts:
        if p not in _ROLES and not p.endswith(".") and any(q.split(". ")[-1] in _ROLES for q in joined):
            continue  # a body's name under the role is the stamp read as text, not the block
        if joined and joined[-1] in ("KT.", "TM.", "TL.", "Q.", "TUQ."):
            joined[-1] = f"{joined[-1]} {p}"
        else:
            joined.append(p)
    return first, last, joined


def _roles(position: list[str]) -> list[str]:
    return [p.split(". ")[-1] for p in position]


def extract_signer(doc: NormalizedDocument) -> SignerResult:
    lines = doc.text.split("\n")
    block = _last_block(lines)
    if block is None:
        return SignerResult(Signer(), None, ["signature block (KT. CHỦ TỊCH / GIÁM ĐỐC …) not found"])
    first, last, position = block
    if doc.diacritics == "restored" and doc.source is not None:
        # The restorer may misread a prefix it has no word for (`TL.` -> `TỪ.`): the patterns read
        # the printed letters as well, so the source's own block is taken when it names the same roles.
        printed = _last_block(doc.source.text.split("\n"))
        if printed is not None and _roles(printed[2]) == _roles(position):
            position = printed[2]
    warnings = []
    found = _pick_name(_name_lines(lines[last + 1:]))
    name = _spelled(title_case(found), doc) if found else None
    if name is None:
        warnings.append("signer name not found under the signature block")
    offset = sum(len(ln) + 1 for ln in lines[:first])
    evidence = Evidence(page=doc.page_of(offset), text=" / ".join(s.strip() for s in lines[first:last + 1])[:200])
    return SignerResult(Signer(name=name, position=" ".join(position)), evidence, warnings)
