"""The signature block at the end: position lines (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`, `TM. ỦY BAN NHÂN
DÂN` / `CHỦ TỊCH`) and the signer's name under them. The recipients list (`Nơi nhận:`) is printed
beside the block, so both share lines in OCR text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extract.issuer import clean_ocr_word_marks
from extract.names import repair_surname, restore_person_name
from normalize.document import LOST_DIACRITICS_SHARE, diacritic_share
from extract.patterns import fold, title_case
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


def _printed_with_diacritics(name: str, doc: NormalizedDocument) -> bool:
    """True when the source itself prints the name with its marks (not the restorer's guess, not the
    stray accents of an English OCR model in a text that lost its diacritics)."""
    if name.isascii():
        return False
    source = doc.source.text if doc.source is not None else doc.text
    if diacritic_share(source) < LOST_DIACRITICS_SHARE:
        return False
    return fold(name) != name.lower() and name.lower() in " ".join(source.split()).lower()


def _printed_form(name: str, doc: NormalizedDocument) -> str:
    """The source line the (possibly restored) `name` was read from, matched by initials and letters."""
    if doc.source is None:
        return name
    initials = [w[0] for w in fold(name).split()]
    best, best_score = name, 70.0
    for line in doc.source.text.split("\n")[-200:]:
        line = re.sub(r"(?<=[^\W\d_])\.(?=\s)", "", clean_ocr_word_marks(line.strip()))
        words = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", line).split()
        if len(words) != len(initials) or [fold(w)[0] for w in words] != initials:
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


def extract_signer(doc: NormalizedDocument) -> SignerResult:
    lines = doc.text.split("\n")
    # The block is usually at the end, but an appendix (task table) may follow it: search the
    # whole text and keep the last block that names a role.
    start = 0  # the header's `ỦY BAN NHÂN DÂN` names no role, so it never counts as a block
    offsets = [0]
    for ln in lines[:-1]:
        offsets.append(offsets[-1] + len(ln) + 1)

    blocks: list[tuple[int, int, list[str]]] = []
    for k in range(start, len(lines)):
        parts = _position_parts(lines[k])
        if not parts:
            continue
        if blocks and k - blocks[-1][1] <= 3:
            blocks[-1] = (blocks[-1][0], k, blocks[-1][2] + parts)
        else:
            blocks.append((k, k, parts))
    blocks = [b for b in blocks if set(b[2]) & _ROLES]
    first, last, position = blocks[-1] if blocks else (None, None, [])
    # Merge "KT." / "TM." prefixes with the title that follows them.
    joined: list[str] = []
    for p in position:
        if joined and joined[-1] in ("KT.", "TM.", "TL.", "Q.", "TUQ."):
            joined[-1] = f"{joined[-1]} {p}"
        else:
            joined.append(p)
    warnings = []
    if not joined:
        return SignerResult(Signer(), None, ["signature block (KT. CHỦ TỊCH / GIÁM ĐỐC …) not found"])
    name = None
    for k in range(last + 1, len(lines)):
        if len(lines[k].strip()) > 70 or re.match(r"\s*(?:ph[uy]\s+l[uy]c|\(?k[eè]m\s+theo)", fold(lines[k])):
            break  # body text or an appendix: the block has ended
        if lines[k].lstrip().startswith(("-", "+", "•")):
            continue  # a recipient
        # English OCR: `Hu'u` for `Hữu`, `Ta.` for `Tạ`.
        candidate = re.sub(r"(?<=[^\W\d_])\.(?=\s)", "", clean_ocr_word_marks(lines[k].strip()))
        candidate = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", candidate)
        if _looks_like_name(candidate):
            name = title_case(candidate)
            if not _printed_with_diacritics(name, doc):
                # Lost or machine-restored diacritics: the name tables, on the letters as printed
                # (a restorer may have changed them: `Duc` -> `Được`).
                name = restore_person_name(_printed_form(name, doc))
            else:
                name = repair_surname(name)
            break
    if name is None:
        warnings.append("signer name not found under the signature block")
    evidence = Evidence(page=doc.page_of(offsets[first]), text=" / ".join(s.strip() for s in lines[first:last + 1])[:200])
    return SignerResult(Signer(name=name, position=" ".join(joined)), evidence, warnings)
