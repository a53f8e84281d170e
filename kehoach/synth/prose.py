"""Filler prose of the genre, written for this generator: purposes, requirements, solutions, closing.

The sentences carry no facts the gold records (no numbers, no document numbers), so they can be
mixed freely; `{u}` is the issuer's unit phrase, `{i}` an index list.
"""
from __future__ import annotations

from kehoach.synth.issuer import Context

CONTEXT = (
    "Thời gian qua, công tác cải cách hành chính trên địa bàn {u} đã có nhiều chuyển biến tích cực, "
    "nhận thức của cán bộ, công chức về vai trò của cải cách hành chính từng bước được nâng lên.",
    "Bên cạnh những kết quả đạt được, một số tiêu chí, tiêu chí thành phần của các chỉ số còn đạt điểm thấp, "
    "chưa phản ánh đúng nỗ lực của các cơ quan, đơn vị.",
    "Việc triển khai một số nhiệm vụ còn chậm, sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ; "
    "công tác tuyên truyền để người dân biết và tham gia đánh giá chưa được quan tâm đúng mức.",
    "Kết quả đánh giá các chỉ số là thước đo quan trọng về chất lượng quản trị, điều hành và sự phục vụ "
    "của bộ máy hành chính đối với người dân, doanh nghiệp.",
)
PURPOSES = (
    "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức, nhất là người đứng đầu các cơ quan, "
    "đơn vị trong việc cải thiện các chỉ số {i}.",
    "Xác định rõ nhiệm vụ, giải pháp trọng tâm để khắc phục tồn tại, hạn chế, cải thiện điểm số và thứ hạng "
    "của các chỉ số {i} trong thời gian tới.",
    "Tạo chuyển biến rõ nét về chất lượng phục vụ người dân, tổ chức; xây dựng nền hành chính "
    "chuyên nghiệp, minh bạch, hiệu quả.",
    "Phát huy vai trò giám sát của người dân, tổ chức đối với hoạt động của cơ quan hành chính nhà nước.",
)
REQUIREMENTS = (
    "Các nhiệm vụ phải được triển khai đồng bộ, thống nhất, có trọng tâm, trọng điểm; gắn với việc "
    "đánh giá mức độ hoàn thành nhiệm vụ của tập thể, cá nhân.",
    "Các cơ quan, đơn vị chủ động xây dựng kế hoạch chi tiết, phân công cụ thể người thực hiện, "
    "thời hạn hoàn thành và sản phẩm đầu ra.",
    "Tăng cường phối hợp giữa các cơ quan, đơn vị trong quá trình tổ chức thực hiện; kịp thời báo cáo "
    "những khó khăn, vướng mắc phát sinh.",
    "Việc cải thiện các chỉ số phải được thực hiện thường xuyên, liên tục, tránh hình thức, đối phó.",
)
SOLUTIONS = (
    "Tiếp tục quán triệt, nâng cao trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo, điều hành; "
    "thường xuyên kiểm tra, đôn đốc việc thực hiện các nhiệm vụ được giao.",
    "Rà soát, phân tích từng tiêu chí, tiêu chí thành phần bị mất điểm để có giải pháp khắc phục "
    "phù hợp, khả thi.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết thủ tục hành chính, "
    "giảm thời gian đi lại, chi phí cho người dân, doanh nghiệp.",
    "Công khai, minh bạch thông tin theo quy định; tạo điều kiện để người dân tiếp cận thông tin và "
    "tham gia giám sát hoạt động của chính quyền.",
    "Chấn chỉnh tác phong, lề lối làm việc, nâng cao đạo đức công vụ của đội ngũ cán bộ, công chức "
    "trực tiếp tiếp xúc, giải quyết công việc của người dân.",
    "Nâng cao chất lượng tiếp nhận, xử lý phản ánh, kiến nghị của người dân, tổ chức; trả lời "
    "công khai, đúng thời hạn.",
    "Đổi mới nội dung, hình thức tuyên truyền để người dân hiểu rõ quyền, trách nhiệm khi tham gia "
    "đánh giá các chỉ số.",
)
FUNDING = (
    "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách hằng năm của các cơ quan, đơn vị "
    "theo phân cấp ngân sách hiện hành và các nguồn kinh phí hợp pháp khác.",
)
CLOSING = (
    "Trên đây là Kế hoạch cải thiện, nâng cao các chỉ số {i} của {u}. Yêu cầu các cơ quan, đơn vị "
    "nghiêm túc triển khai thực hiện; trong quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời "
    "báo cáo về cơ quan thường trực để tổng hợp, đề xuất xem xét, giải quyết./.",
    "Yêu cầu thủ trưởng các cơ quan, đơn vị có liên quan căn cứ Kế hoạch này tổ chức triển khai thực "
    "hiện; định kỳ báo cáo kết quả theo quy định./.",
)


def pick(ctx: Context, bank: tuple[str, ...], k: int, **fields: str) -> list[str]:
    chosen = ctx.rng.sample(bank, min(k, len(bank)))
    return [s.format(**fields) for s in chosen]
