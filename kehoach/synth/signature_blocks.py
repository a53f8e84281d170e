"""Signature blocks as real plans print them and as text extraction / OCR flattens them.

A plan ends with two columns: the recipients (`Nơi nhận:` and its `- ...;` list) on the left,
the signature column (position lines, `(Đã ký)`, a stamp, the signer's name) on the right.
A text layer or an OCR engine gives them back:

- `blocks`: one column after the other (either order), as a reading-order text layer does;
- `interleaved`: line by line, the right column after a run of spaces (`pdftotext -layout`);
- `ocr`: interleaved with the gap shrunk to one space, stray marks, a stamp read as letters,
  slips in the position words, as Tesseract leaves it;
- `unsigned`: any of the above without a name (signature page cut, name not printed): the
  extractor must say null, not read a stamp or a recipient as a name.

Every block is seeded; the word lists are written here from general knowledge of Vietnamese
administrative documents, independent of the extractor's tables.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

SHAPES = ("blocks", "interleaved", "ocr", "unsigned")

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Đoàn", "Lò", "Giàng", "Hà", "Quàng", "Thái", "Đinh", "Trịnh", "Lương", "Phan", "Cao", "Mai", "Tạ",
            "Đào", "Lục", "Vi", "Sùng", "Cầm", "Lường", "Nông", "Triệu", "Kiều", "Tô", "Châu", "Huỳnh", "Lâm")
MIDDLE_NAMES = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Ngọc", "Thế", "Trọng", "Hồng",
                "Mạnh", "Bá", "Công", "Đình", "Quốc", "Anh", "Thu", "Kim", "Duy", "Tiến", "A", "Seo", "Phương")
GIVEN_NAMES = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lâm", "Long", "Mai", "Nam",
               "Phong", "Quân", "Sơn", "Thắng", "Thảo", "Tuấn", "Việt", "Yến", "Huy", "Linh", "Hạnh", "Hương",
               "Thủy", "Toàn", "Chiến", "Dung", "Hoa", "Lan", "Nga", "Phúc", "Tâm", "Thành", "Trung", "Vinh",
               "Hiếu", "Đạt", "Kiên", "Nghĩa", "Quyết", "Tùng", "Hưng", "Lợi", "Páo", "Chính", "Định", "Thuận")

# (position lines, printed top to bottom); the gold position is the lines joined by a space.
POSITIONS = (
    ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("GIÁM ĐỐC",),
    ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    ("TRƯỞNG PHÒNG",),
    ("KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"),
    ("Q. GIÁM ĐỐC",),
    ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
    ("TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
    ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"),
)

RECIPIENTS = ("- Như trên;", "- Bộ Nội vụ (b/c);", "- Văn phòng Chính phủ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
              "- Chủ tịch, các PCT UBND tỉnh;", "- Ủy ban MTTQ Việt Nam tỉnh;", "- Các sở, ban, ngành tỉnh;",
              "- UBND các huyện, thị xã, thành phố;", "- UBND các xã, phường, thị trấn;",
              "- Các phòng, đơn vị thuộc Sở;", "- Lãnh đạo Văn phòng;", "- Cổng thông tin điện tử tỉnh;",
              "- Báo, Đài Phát thanh và Truyền hình tỉnh;", "- Trung tâm Phục vụ hành chính công tỉnh;",
              "- Các cơ quan Trung ương đóng trên địa bàn tỉnh;", "- Sở Nội vụ (để theo dõi);")
CLOSING = "- Lưu: VT, NC."
SIGNED_MARKS = ("(Đã ký)", "(Ký, đóng dấu)", "(Ký tên, đóng dấu)", "(đã ký)")
# A round stamp read as text: bits of the body's name around the seal, letters of the signature.
STAMP_LINES = ("ỦY BAN NHÂN DÂN", "* SỞ NỘI VỤ *", "TỈNH LÀO CAI", "UBND", "c~ \\ 9 Jt", "ĐÂN TỈNH ,", "/ Ạ) |",
               "HUYỆN BẢO THẮNG", "(4 SỞ ) =", "W ~ .")
STRAY_LINES = ("x", "J", "Ạ", "~", "' .", "ơ", "Vn", "|", "fe")
FOOTERS = ("5", "Trang 5/5", "12", "- 6 -", "Trang 3")
BODY = ("Trên đây là Kế hoạch nâng cao Chỉ số cải cách hành chính, Chỉ số hài lòng của người dân năm 2025;",
        "yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện. Trong quá trình tổ chức",
        "thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh kịp thời về Sở Nội vụ để tổng",
        "hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định./.")
HEADING = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "KẾ HOẠCH", "Nâng cao Chỉ số cải cách hành chính năm 2025", "",
           "I. MỤC ĐÍCH, YÊU CẦU", "Thực hiện đồng bộ các nhiệm vụ cải thiện Chỉ số PAR INDEX, SIPAS, PAPI.",
           "II. TỔ CHỨC THỰC HIỆN", "Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi, đôn đốc.")


@dataclass(frozen=True)
class SignatureSample:
    shape: str
    text: str  # the whole document: a short plan body ending with the flattened block
    name: str | None  # gold, with its diacritics
    position: str  # gold, lines joined by a space


def person_name(rng: random.Random) -> str:
    middles = rng.choice((0, 1, 1, 1, 2))
    return " ".join([rng.choice(SURNAMES), *rng.sample(MIDDLE_NAMES, middles), rng.choice(GIVEN_NAMES)])


def _right_column(rng: random.Random, position: tuple[str, ...], name: str | None) -> list[str]:
    lines = list(position)
    fillers: list[str] = []
    if rng.random() < 0.5:
        fillers.append(rng.choice(SIGNED_MARKS))
    if rng.random() < 0.35:
        fillers.append(rng.choice(STAMP_LINES))
    if rng.random() < 0.3:
        fillers.append(rng.choice(STRAY_LINES))
    rng.shuffle(fillers)
    for f in fillers:
        lines += [""] * rng.choice((0, 1)) + [f]
    lines += [""] * rng.choice((0, 1, 2, 3))
    if name is not None:
        lines.append(name.upper() if rng.random() < 0.3 else name)
    return lines


def _left_column(rng: random.Random) -> list[str]:
    items = rng.sample(RECIPIENTS, rng.randint(2, 7))
    first = "Nơi nhận:" if rng.random() < 0.7 else f"Nơi nhận: {items.pop(0)}"
    return [first, *items, CLOSING]


def _side_by_side(rng: random.Random, left: list[str], right: list[str], gap: tuple[int, int]) -> list[str]:
    """Each left line followed by the right line at its height; the right column may start a line
    or two lower, and runs on alone when the list is shorter."""
    shift = rng.choice((0, 0, 1))
    right = [""] * shift + right
    width = max(len(s) for s in left)
    out = []
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else ""
        b = right[k] if k < len(right) else ""
        if not b:
            out.append(a)
        elif gap[0] > 1:  # layout text: the right column at a fixed indent
            out.append(a.ljust(width) + " " * rng.randint(*gap) + b)
        else:
            out.append((a + " " + b).strip() if a else " " * rng.randint(0, 30) + b)
    return out


_OCR_SLIPS = {"Đ": "P", "Ố": "O", "Ủ": "U", "Ị": "I", "Ó": "O", "Â": "A"}


def _ocr_noise(rng: random.Random, lines: list[str]) -> list[str]:
    """Stray marks at line ends, a dropped semicolon, a capital letter read without its marks."""
    out = []
    for line in lines:
        if line and rng.random() < 0.2:
            line = line.replace(";", rng.choice(("", ",", " ;", ":")), 1)
        if line and rng.random() < 0.15:
            line = line + " " + rng.choice(("|", "'", "~", ")", ". ,"))
        if line.isupper() and rng.random() < 0.2:
            ch = rng.choice([c for c in line if c in _OCR_SLIPS] or [""])
            line = line.replace(ch, _OCR_SLIPS[ch], 1) if ch else line
        out.append(line)
    if rng.random() < 0.5:  # blank lines the OCR puts between list items
        out = [x for line in out for x in (line, "")]
    return out


def signature_sample(shape: str, seed: int) -> SignatureSample:
    rng = random.Random(f"{shape}-{seed}")
    position = rng.choice(POSITIONS)
    name = None if shape == "unsigned" else person_name(rng)
    right, left = _right_column(rng, position, name), _left_column(rng)
    layout = rng.choice(("blocks", "interleaved", "ocr")) if shape == "unsigned" else shape
    if layout == "blocks":
        body = left + [""] + right if rng.random() < 0.6 else right + [""] + left
    elif layout == "interleaved":
        body = _side_by_side(rng, left, right, (4, 30))
    else:
        body = _ocr_noise(rng, _side_by_side(rng, left, right, (1, 1)))
    if rng.random() < 0.4:
        body += ["", rng.choice(FOOTERS)]
    text = "\n".join([*HEADING, *BODY, "", *body]) + "\n"
    return SignatureSample(shape, text, name, " ".join(position))


def signature_samples(shape: str, count: int, seed: int = 0) -> list[SignatureSample]:
    return [signature_sample(shape, seed + k) for k in range(count)]
