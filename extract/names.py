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
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lương Trịnh Tạ Triệu Lò Hà Mai "
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
    "Thể Thiêm Thuần Thục Tiên Tình Tráng Trúc Tư Tường Ưng Vĩnh Vịnh Vui Xinh Yên Hoàng Tuân"
).split()
_SURNAME = {}
for _s in SURNAMES:
    _SURNAME.setdefault(fold(_s), _s)
# Rarer surnames that fold like a common one (Doãn/Đoàn, Giàng/Giang, Lô/Lò): read so, they stand.
RARE_SURNAMES = "Doãn Giàng Lô Trình Khúc Mã Lều Hàn Khương Bạch Cù Hoa Nhữ Phí Vòng Sùng Thào Vừ Mùa Lèo".split()
_SURNAME_SET = frozenset(SURNAMES + RARE_SURNAMES)
_NAME_SYLLABLE_SET = frozenset(NAME_SYLLABLES)
_SYLLABLE = {}
for _s in NAME_SYLLABLES + SURNAMES:
    _SYLLABLE.setdefault(fold(_s), _s)


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
    for i, word in enumerate(name.split()):
        key = fold(word)
        table = _SURNAME if i == 0 else _SYLLABLE
        out.append(table.get(key) or _SYLLABLE.get(key) or word[:1].upper() + word[1:].lower())
    return " ".join(out)
