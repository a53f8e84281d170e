"""Canonical vocabulary of the governance indices and the agencies that act on them.

Component names follow the official methodologies (Bộ Nội vụ for PAR INDEX / SIPAS, UNDP for
PAPI, VCCI for PCI, Bộ TT&TT / Bộ KH&CN for DTI). Other modules may import these lists; they hold
names only, no sentences taken from real plans.
"""
from __future__ import annotations

INDEX_NAMES = ("PAR INDEX", "SIPAS", "PAPI", "PCI", "DTI")

# How a plan may print each index, short forms first; the canonical name is the key.
INDEX_SPELLINGS: dict[str, tuple[str, ...]] = {
    "PAR INDEX": ("PAR INDEX", "PAR-INDEX", "Par Index", "Chỉ số cải cách hành chính", "Chỉ số CCHC (PAR INDEX)"),
    "SIPAS": ("SIPAS", "Chỉ số SIPAS",
              "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)"),
    "PAPI": ("PAPI", "Chỉ số PAPI", "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)"),
    "PCI": ("PCI", "Chỉ số PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"),
    "DTI": ("DTI", "Chỉ số DTI", "Chỉ số chuyển đổi số (DTI)"),
}

# PAR INDEX fields (lĩnh vực) with their maximum scores in the provincial methodology (sum 100).
PAR_INDEX_FIELDS: tuple[tuple[str, float], ...] = (
    ("Công tác chỉ đạo, điều hành cải cách hành chính", 9.5),
    ("Cải cách thể chế", 10.0),
    ("Cải cách thủ tục hành chính", 13.0),
    ("Cải cách tổ chức bộ máy hành chính nhà nước", 10.5),
    ("Cải cách chế độ công vụ", 15.0),
    ("Cải cách tài chính công", 12.0),
    ("Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", 13.5),
    ("Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội", 16.5),
)

# Criteria printed under a PAR INDEX field in task tables (tiêu chí thành phần).
PAR_INDEX_CRITERIA: dict[str, tuple[str, ...]] = {
    "Công tác chỉ đạo, điều hành cải cách hành chính": (
        "Kế hoạch cải cách hành chính năm", "Công tác kiểm tra cải cách hành chính",
        "Công tác thông tin, tuyên truyền cải cách hành chính", "Sáng kiến trong cải cách hành chính"),
    "Cải cách thể chế": (
        "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "Theo dõi thi hành pháp luật",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật"),
    "Cải cách thủ tục hành chính": (
        "Kiểm soát thủ tục hành chính", "Công khai thủ tục hành chính",
        "Thực hiện cơ chế một cửa, một cửa liên thông", "Tiếp nhận, xử lý phản ánh, kiến nghị"),
    "Cải cách tổ chức bộ máy hành chính nhà nước": (
        "Sắp xếp tổ chức bộ máy", "Thực hiện quy định về quản lý biên chế", "Phân cấp, ủy quyền quản lý"),
    "Cải cách chế độ công vụ": (
        "Vị trí việc làm", "Tuyển dụng, sử dụng công chức, viên chức", "Kỷ luật, kỷ cương hành chính",
        "Đào tạo, bồi dưỡng cán bộ, công chức"),
    "Cải cách tài chính công": (
        "Quản lý, sử dụng ngân sách nhà nước", "Cơ chế tự chủ của đơn vị sự nghiệp công lập",
        "Quản lý, sử dụng tài sản công"),
    "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số": (
        "Hệ thống quản lý văn bản và điều hành", "Cung cấp dịch vụ công trực tuyến",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Hệ thống thông tin báo cáo"),
    "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội": (
        "Mức độ hài lòng của người dân, tổ chức", "Thu hút đầu tư", "Thu ngân sách trên địa bàn"),
}

# PAPI content indices (chỉ số nội dung), each scored out of 10, with their sub-dimensions.
PAPI_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "Tham gia của người dân ở cấp cơ sở": (
        "Tri thức công dân", "Cơ hội tham gia", "Chất lượng bầu cử", "Đóng góp tự nguyện"),
    "Công khai, minh bạch trong việc ra quyết định ở địa phương": (
        "Tiếp cận thông tin", "Công khai, minh bạch danh sách hộ nghèo",
        "Công khai, minh bạch thu, chi ngân sách cấp xã",
        "Công khai, minh bạch quy hoạch, kế hoạch sử dụng đất và giá đền bù"),
    "Trách nhiệm giải trình với người dân": (
        "Mức độ và hiệu quả tiếp xúc với chính quyền", "Giải đáp khiếu nại, tố cáo, khúc mắc",
        "Tiếp cận dịch vụ tư pháp"),
    "Kiểm soát tham nhũng trong khu vực công": (
        "Kiểm soát tham nhũng trong chính quyền địa phương", "Kiểm soát tham nhũng trong cung ứng dịch vụ công",
        "Công bằng trong tuyển dụng vào khu vực nhà nước", "Quyết tâm chống tham nhũng"),
    "Thủ tục hành chính công": (
        "Dịch vụ chứng thực, xác nhận", "Thủ tục cấp phép xây dựng",
        "Thủ tục cấp giấy chứng nhận quyền sử dụng đất", "Thủ tục hành chính cấp xã"),
    "Cung ứng dịch vụ công": (
        "Y tế công lập", "Giáo dục tiểu học công lập", "Cơ sở hạ tầng căn bản", "An ninh, trật tự khu dân cư"),
    "Quản trị môi trường": (
        "Nghiêm túc trong bảo vệ môi trường", "Chất lượng không khí", "Chất lượng nước"),
    "Quản trị điện tử": (
        "Sử dụng cổng thông tin điện tử của chính quyền", "Tiếp cận và sử dụng Internet tại địa phương"),
}
PAPI_DIMENSION_MAX = 10.0
PAPI_TOTAL_MAX = 80.0

# SIPAS satisfaction factors (yếu tố), reported as percentages.
SIPAS_COMPONENTS: tuple[str, ...] = (
    "Tiếp cận dịch vụ hành chính công",
    "Thủ tục hành chính",
    "Công chức trực tiếp giải quyết công việc",
    "Kết quả cung ứng dịch vụ hành chính công",
    "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
)

# Criteria under each SIPAS factor, as task tables list them.
SIPAS_CRITERIA: dict[str, tuple[str, ...]] = {
    "Tiếp cận dịch vụ hành chính công": (
        "Nơi ngồi chờ tại Bộ phận Một cửa", "Trang thiết bị phục vụ người dân", "Nộp hồ sơ trực tuyến"),
    "Thủ tục hành chính": (
        "Niêm yết, công khai thủ tục hành chính", "Thành phần hồ sơ phải nộp", "Thời hạn giải quyết"),
    "Công chức trực tiếp giải quyết công việc": (
        "Thái độ giao tiếp của công chức", "Hướng dẫn kê khai hồ sơ", "Tuân thủ quy định khi giải quyết hồ sơ"),
    "Kết quả cung ứng dịch vụ hành chính công": (
        "Kết quả đúng quy định", "Thông tin trong kết quả chính xác", "Trả kết quả đúng hẹn"),
    "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị": (
        "Bố trí hình thức tiếp nhận góp ý", "Phản hồi kịp thời ý kiến của người dân"),
}

PCI_COMPONENTS: tuple[str, ...] = (
    "Chi phí gia nhập thị trường", "Tiếp cận đất đai", "Tính minh bạch", "Chi phí thời gian",
    "Chi phí không chính thức", "Cạnh tranh bình đẳng", "Tính năng động của chính quyền tỉnh",
    "Dịch vụ hỗ trợ doanh nghiệp", "Đào tạo lao động", "Thiết chế pháp lý và an ninh trật tự",
)

DTI_PILLARS: tuple[str, ...] = (
    "Chuyển đổi nhận thức", "Kiến tạo thể chế", "Hạ tầng và nền tảng số", "Thông tin và dữ liệu số",
    "An toàn thông tin mạng", "Đào tạo và phát triển nguồn nhân lực", "Hoạt động chính quyền số",
)


# The provincial DTI since 2022 (Bộ TT&TT): three pillars and the shared foundations. Plans of 2023
# onwards print these; the list above is the 2020 framework, which the generator keeps using.
DTI_PILLARS_2022: tuple[str, ...] = (
    "Chính quyền số", "Kinh tế số", "Xã hội số",
    "Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số",
)


def official_components(index: str) -> tuple[str, ...]:
    """Every official component name an extractor may meet: components_of plus the newer DTI names."""
    return components_of(index) + (DTI_PILLARS_2022 if index == "DTI" else ())


def criteria_of(component: str) -> tuple[str, ...]:
    """Sub-rows a task table may list under a component (PAR INDEX, PAPI, SIPAS), else ()."""
    return PAR_INDEX_CRITERIA.get(component) or PAPI_DIMENSIONS.get(component) or SIPAS_CRITERIA.get(component, ())


def components_of(index: str) -> tuple[str, ...]:
    """Component names of an index (fields, content indices, factors or pillars)."""
    if index == "PAR INDEX":
        return tuple(name for name, _ in PAR_INDEX_FIELDS)
    return {"PAPI": tuple(PAPI_DIMENSIONS), "SIPAS": SIPAS_COMPONENTS,
            "PCI": PCI_COMPONENTS, "DTI": DTI_PILLARS}.get(index, ())


# Departments (Sở) of a provincial People's Committee: full name, abbreviation in document numbers,
# and which era they exist in ("old" before the 2025 merger of ministries, "new" after, "both").
DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("Sở Nội vụ", "SNV", "both"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "both"),
    ("Sở Tài chính", "STC", "both"),
    ("Sở Tư pháp", "STP", "both"),
    ("Sở Y tế", "SYT", "both"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT", "both"),
    ("Sở Xây dựng", "SXD", "both"),
    ("Sở Công Thương", "SCT", "both"),
    ("Sở Khoa học và Công nghệ", "SKHCN", "both"),
    ("Sở Thông tin và Truyền thông", "STTTT", "old"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT", "old"),
    ("Sở Tài nguyên và Môi trường", "STNMT", "old"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT", "new"),
    ("Sở Dân tộc và Tôn giáo", "SDTTG", "new"),
)

# Agencies that lead or support tasks, by issuer level. "{u}" is the unit word (tỉnh, huyện, xã...).
PROVINCE_AGENCIES_OLD = (
    "Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Sở Tài chính", "Sở Thông tin và Truyền thông",
    "Sở Kế hoạch và Đầu tư", "Thanh tra tỉnh", "Sở Tài nguyên và Môi trường", "Công an tỉnh",
    "Trung tâm Phục vụ hành chính công tỉnh", "Sở Y tế", "Sở Giáo dục và Đào tạo",
)
PROVINCE_AGENCIES_NEW = (
    "Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ",
    "Thanh tra tỉnh", "Sở Nông nghiệp và Môi trường", "Công an tỉnh", "Trung tâm Phục vụ hành chính công tỉnh",
    "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Dân tộc và Tôn giáo",
)
DEPARTMENT_UNITS = (
    "Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ",
    "Phòng Pháp chế", "Phòng Quản lý chuyên ngành", "Bộ phận Một cửa của Sở",
)
DISTRICT_AGENCIES = (
    "Phòng Nội vụ", "Văn phòng HĐND và UBND {u}", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch",
    "Thanh tra {u}", "Phòng Văn hóa và Thông tin", "Phòng Tài nguyên và Môi trường",
    "Bộ phận Tiếp nhận và Trả kết quả {u}", "Công an {u}", "Phòng Giáo dục và Đào tạo",
)
COMMUNE_AGENCIES = (
    "Văn phòng HĐND và UBND {u}", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế",
    "Trung tâm Phục vụ hành chính công {u}", "Công an {u}", "Ban Chỉ huy Quân sự {u}",
)
WARD_EXTRA_AGENCIES = ("Phòng Kinh tế, Hạ tầng và Đô thị",)

PARTNER_GROUPS = {
    "province_old": ("Các sở, ban, ngành", "UBND các huyện, thành phố", "Các cơ quan, đơn vị liên quan",
                     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    "province_new": ("Các sở, ban, ngành", "UBND các xã, phường", "Các cơ quan, đơn vị liên quan",
                     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    "department": ("Các phòng, đơn vị thuộc Sở", "Các cơ quan, đơn vị liên quan", "Sở Nội vụ"),
    "district": ("Các cơ quan, đơn vị liên quan", "UBND các xã, thị trấn", "Các phòng, ban chuyên môn"),
    "commune": ("Các cơ quan, đơn vị liên quan", "Các thôn, tổ dân phố", "Các đoàn thể chính trị - xã hội"),
}
ANY_AGENCY = "Các cơ quan, đơn vị liên quan"

# Vietnamese personal names for signers (common surnames, middle and given names).
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Nông", "Triệu", "Lương", "Đinh", "Hà", "Tạ", "Lò")
MIDDLE_NAMES = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Ngọc", "Thế", "Trọng", "Hồng")
GIVEN_NAMES = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lâm", "Long", "Mai",
               "Nam", "Phong", "Quân", "Sơn", "Thắng", "Thảo", "Tuấn", "Việt", "Yến", "Huy", "Linh", "Hạnh")

DEADLINES_FIXED = ("Thường xuyên", "Thường xuyên, liên tục", "Hằng năm", "31/12 hằng năm", "Theo quy định",
                   "Theo kế hoạch")
