"""Person names printed without diacritics (`Tran Huy Tuan`): give each syllable its most common
spelling in Vietnamese names. A language model trained on legal prose restores names poorly
(`Vụ Đức Long`, `Trận Thế Giang`), and names are a small closed set of syllables.

The tables are written from general knowledge of Vietnamese naming (surnames by frequency;
middle and given names common in officials' names). Ambiguous folds take the more frequent
spelling (`tuan` -> `Tuấn`, `vu` -> `Vũ`), so a rare name may still come out wrong.
"""
from __future__ import annotations

from extract.patterns import fold

SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lương Trịnh Tạ Triệu Lò Hà Mai "
    "Đoàn Cao Lưu Chu Tô Vương Kiều Đào Quách Lâm Thái Nông Hứa Giang La Tăng Lục Mạc Hầu Tống Khổng Văn Âu Đàm "
    "Thân Lạc Chử Ninh Bế Hoàng Sầm Vi Quan Lã Lại Từ Trương Đồng Tôn Phùng Ông Nghiêm Diệp Lường Cầm Tòng Kim"
).split()
# Middle and given-name syllables. Order matters only between folds that collide: first wins.
NAME_SYLLABLES = (
    "Văn Thị Hữu Đức Minh Ngọc Xuân Quang Trọng Thế Hồng Thanh Công Đình Quốc Bá Kim Thu Mạnh Duy Tuấn Anh Bình "
    "Cường Dũng Giang Hà Hải Hùng Hưng Khánh Lâm Long Mai Nam Sơn Thắng Thành Trung Tùng Việt Vinh Hiếu Hoa Hòa "
    "Huy Hương Khoa Lan Lợi Nga Phúc Phương Quân Quý Tâm Thủy Tiến Toàn Trang Tú Tuyết Vân Yến Hạnh Hiền Hằng "
    "Nhung Oanh Thúy Chiến Định Đông Hậu Huấn Kiên Luân Lực Nghĩa Nhân Quyết Sáng Tài Thịnh Thuận Tín Trí "
    "Trường Tuyên Bảo Châu Hào Hoàn Khải Lập Phát Phú Tân Thạch Thông Tuệ Phong Thảo Đạt Điệp Diệu Dương Gia "
    "Hiệp Hoài Hiển Hiệu Học Khang Khôi Lành Linh Loan Lộc Luận Ly Mỹ Nhật Ninh Phượng Quỳnh Sĩ Tuyền Thạo "
    "Thiện Thơ Thương Trâm Trinh Uyên Vy Vượng Xuyên Ánh Bắc Cảnh Chính Chung Cúc Doanh Đào Điền Được Hạ Hân "
    "Hậu Hiên Hợp Kha Khiêm Lệ Lượng Mến Ngân Nguyên Nhàn Nhị Phi Phụng Sang Sinh Sương Tám Thái Thắm Thân "
    "Thể Thiêm Thuần Thục Tiên Tình Tráng Trúc Tư Tường Ưng Vĩnh Vịnh Vui Xinh Yên Hoàng Tuân Sâm"
).split()
# Rarer surnames: read with their marks they stand (Doãn/Đoàn, Giàng/Giang, Lô/Lò fold like a
# common one); read without, they restore only when no commoner surname folds the same (Sùng, Quàng).
RARE_SURNAMES = ("Doãn Giàng Lô Trình Khúc Mã Lều Hàn Khương Bạch Cù Hoa Nhữ Phí Vòng Sùng Thào Vừ Mùa Lèo "
                 "Quàng Lầu Tẩn Hờ Châu Thạch Danh Sơn Khuất Ksor Siu Nay Ma").split()
MIDDLE_ONLY = frozenset({"Văn", "Thị"})  # middle names that are no given name
_SURNAME = {}
for _s in SURNAMES + RARE_SURNAMES:
    _SURNAME.setdefault(fold(_s), _s)
_SURNAME_SET = frozenset(SURNAMES + RARE_SURNAMES)
_SURNAME_FOLDS = frozenset(fold(s) for s in _SURNAME_SET)
_NAME_SYLLABLE_SET = frozenset(NAME_SYLLABLES)
_SYLLABLE = {}
_SPELLINGS: dict[str, list[str]] = {}  # every spelling of a fold, commonest first
for _s in NAME_SYLLABLES + SURNAMES + RARE_SURNAMES:
    _SYLLABLE.setdefault(fold(_s), _s)
    _SPELLINGS.setdefault(fold(_s), []).append(_s)
_HORNS = {"ư": "ư", "ứ": "ư", "ừ": "ư", "ử": "ư", "ữ": "ư", "ự": "ư",
          "ơ": "ơ", "ớ": "ơ", "ờ": "ơ", "ở": "ơ", "ỡ": "ơ", "ợ": "ơ"}


def repair_surname(name: str) -> str:
    """A name read WITH marks whose first syllable is no surname but folds to one: an OCR slip on
    the marks (`Trân Thanh Yến` -> `Trần Thanh Yến`; Tesseract drops or swaps a grave accent or a
    circumflex more often than it invents a surname). Other syllables are left as read: given
    names are an open set."""
    words = name.split()
    if not words or words[0] in _SURNAME_SET or words[0] in _NAME_SYLLABLE_SET:
        return name
    surname = _SURNAME.get(fold(words[0]))
    return " ".join([surname, *words[1:]]) if surname else name


def restore_person_name(name: str) -> str:
    """`Tran Huy Tuan` / a mis-restored `Trận Thế Giang` -> `Trần Huy Tuấn` / `Trần Thế Giang`;
    syllables the tables do not know keep the spelling given."""
    out = []
    words = name.split()
    for i, word in enumerate(words):
        key = fold(word)
        table = _SURNAME if i == 0 else _SYLLABLE
        spelling = table.get(key) or _SYLLABLE.get(key)
        if i == len(words) - 1 > 0 and spelling in MIDDLE_ONLY:
            # `Văn`, `Thị` open a given name, never end one: `Lê Thị Hồng Van` is `Vân`
            spelling = next((s for s in _SPELLINGS.get(key, []) if s not in MIDDLE_ONLY), spelling)
        if spelling and not _same_horns(spelling, word):
            # English OCR prints the horn it saw (`Hu'ng` -> `Hưng`): take the spelling that has it.
            spelling = next((s for s in _SPELLINGS.get(key, []) if _same_horns(s, word)), None)
        out.append(spelling or word[:1].upper() + word[1:].lower())
    return " ".join(out)


def _same_horns(spelling: str, word: str) -> bool:
    """Does `spelling` carry the horn letters (ư, ơ) that `word` carries, where it carries them?"""
    horns = [(k, _HORNS[c]) for k, c in enumerate(word.lower()) if c in _HORNS]
    return all(k < len(spelling) and _HORNS.get(spelling[k].lower()) == h for k, h in horns)


def is_surname(word: str) -> bool:
    """Could `word`, in any case and with or without its marks, be a Vietnamese surname?"""
    return word[:1].upper() + word[1:].lower() in _SURNAME_SET or fold(word) in _SURNAME_FOLDS
