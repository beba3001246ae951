import { formatVn } from '../../shared/dates';

/** A figure and how the engine computes it, in the words printed in the report's annex. */
export interface FigureDefinition {
  term: string;
  text: string;
}

/**
 * How every figure is computed, for a province-year's rule (required days and counting window). The web
 * page "Cách tính số liệu" says the same in Vietnamese and English; keep the two in step.
 */
export function figureDefinitions(rule: { requiredDays: number; windowStart: string; windowEnd: string }): FigureDefinition[] {
  const window = `từ ${formatVn(rule.windowStart)} đến ${formatVn(rule.windowEnd)}`;
  return [
    {
      term: 'Cán bộ thuộc diện',
      text:
        'Cán bộ chuyên trách cơ quan và Ủy viên Ban Chấp hành chuyên trách trong thời gian thuộc diện, trừ người được miễn ' +
        'trọn kỳ tính ngày (học tập dài hạn từ 6 tháng, ốm đau dài hạn, thai sản, trường hợp khác được duyệt). Người được ' +
        'miễn cả kỳ không được tính vào số thuộc diện, tổng số ngày, bình quân hay bất kỳ tỷ lệ nào; số ngày họ đã đi được ghi ' +
        'riêng là “ngày của cán bộ được miễn”.',
    },
    {
      term: 'Số ngày đã đi',
      text:
        `Hợp các ngày của những chuyến đi nằm trong kỳ tính ngày (${window}), theo ngày đi, ngày về thực tế nếu có; một ngày ` +
        'có nhiều chuyến chỉ tính một lần. Chỉ tính chuyến đã nộp báo cáo kết quả; nếu quy định của năm không yêu cầu nộp ' +
        'báo cáo thì tính cả chuyến đã hoàn thành. Chuyến đã duyệt nhưng chưa đi không được tính.',
    },
    {
      term: 'Số ngày phải đi',
      text:
        `${rule.requiredDays} ngày × số ngày trong kỳ cán bộ thuộc diện và không được miễn ÷ số ngày của kỳ, làm tròn lên. ` +
        'Thời gian miễn là hợp của các trường hợp miễn: các loại miễn trùng nhau chỉ trừ một lần.',
    },
    {
      term: 'Đạt',
      text: 'Số ngày đã đi từ số ngày phải đi trở lên, và đủ số ngày tối thiểu ở từng cấp nếu tỉnh có quy định.',
    },
    {
      term: 'Trạng thái và dự kiến',
      text:
        'Khi kỳ chưa kết thúc: “đúng tiến độ” nếu số ngày đã đi không thấp hơn số ngày phải đi nhân với phần kỳ đã qua; ' +
        '“có nguy cơ không đạt” nếu từ 70% mức đó; còn lại “chậm tiến độ”. Hết kỳ mà chưa đủ: “không đạt”. Dự kiến đến cuối ' +
        'kỳ: số lớn hơn giữa (đã đi + các chuyến đã duyệt sắp tới) và (đã đi theo nhịp hiện tại kéo đến cuối kỳ), không quá ' +
        'số ngày của kỳ.',
    },
    {
      term: 'Tổng số ngày, bình quân, tỷ lệ đạt của Ban và của tỉnh',
      text:
        'Tổng số ngày đã đi của các cán bộ thuộc diện; bình quân = tổng số ngày ÷ số cán bộ thuộc diện (làm tròn 2 chữ số ' +
        'thập phân); tỷ lệ đạt = số cán bộ đạt ÷ số cán bộ thuộc diện. Bảng so sánh của Trung ương Đoàn, diễn biến qua các ' +
        'năm, báo cáo năm và các tệp xuất dùng đúng các số này.',
    },
    {
      term: 'Chưa có số liệu',
      text:
        'Tỉnh (hoặc Ban) không có cán bộ thuộc diện nào trong kỳ, hoặc tỉnh chưa có chuyến đi nào được đăng ký trong năm ' +
        '(chưa ghi nhận số liệu năm đó), thì tỷ lệ đạt, bình quân và tỷ lệ ngày ở vùng khó ghi “chưa có số liệu”, không ghi 0; ' +
        'khi so sánh các tỉnh, tỉnh chưa có số liệu xếp sau mọi tỉnh có số liệu; diễn biến qua các năm bỏ qua năm chưa có ' +
        'số liệu. Tỉnh chưa ban hành quy định của năm ' +
        'thì áp dụng quy định chung (60 ngày, kỳ từ 01/01 đến 31/12), nên vẫn có số liệu nếu có cán bộ thuộc diện.',
    },
    {
      term: 'Chuyến đăng ký, được duyệt, đã thực hiện',
      text:
        'Đếm theo ngày bắt đầu trong năm. Chuyến đăng ký: đã gửi duyệt, trừ chuyến đã hủy hoặc bị từ chối (kể cả chuyến đang ' +
        'chờ duyệt). Chuyến được duyệt: đã duyệt, đã đi, đã báo cáo hoặc báo cáo đã được nhận. Chuyến đã thực hiện: đã đi, ' +
        'đã báo cáo hoặc báo cáo đã được nhận. Báo cáo năm (“đã thực hiện … chuyến”, các chuyên đề, hoạt động đã thực hiện) ' +
        'và cột “Chuyến đã thực hiện” của Trung ương Đoàn chỉ đếm chuyến đã thực hiện.',
    },
    {
      term: 'Độ phủ dự sinh hoạt chi đoàn',
      text:
        'Số đơn vị (Huyện, Thị, Thành đoàn và Đoàn trực thuộc trước 01/07/2025; Đoàn xã, phường, đặc khu từ 01/07/2025) có ' +
        'ít nhất một chi đoàn được cán bộ tỉnh dự sinh hoạt bằng chuyến đã đi trong kỳ, trên số đơn vị có hiệu lực trong kỳ.',
    },
    {
      term: 'Tỷ lệ ngày ở vùng khó',
      text: 'Số ngày đã đi ở đơn vị vùng sâu, vùng xa, biên giới, hải đảo của các cán bộ thuộc diện ÷ tổng số ngày đã đi của họ.',
    },
    {
      term: 'Số ngày theo loại chuyến và theo cấp',
      text:
        'Mỗi ngày chỉ được tính cho một loại, theo thứ tự: chuyên đề, phối hợp, kiểm tra giám sát, dự sinh hoạt; và cho một ' +
        'cấp, cấp gần đoàn viên nhất trước: chi đoàn, xã và cơ sở Đoàn, huyện. Cộng các loại bằng số ngày đã đi; cộng các ' +
        'cấp không vượt quá số ngày đã đi.',
    },
    {
      term: 'Ví dụ',
      text:
        'Kỳ 01/01/2025–31/12/2025 (365 ngày), quy định 60 ngày. Cán bộ học tập dài hạn 01/01–30/06 và ốm dài hạn 01/06–31/07: ' +
        'miễn 212 ngày (tháng 6 chỉ trừ một lần), còn 153 ngày; phải đi 60 × 153 ÷ 365 = 25,15, làm tròn lên 26 ngày. Đi ' +
        'chuyên đề 04–23/08 (20 ngày) và dự sinh hoạt chi đoàn 20–29/08 (10 ngày): đã đi 26 ngày (20–23/08 tính một lần), ' +
        'đạt; theo loại: chuyên đề 20, dự sinh hoạt 6. Cán bộ nghỉ thai sản 01/07–31/12 phải đi 60 × 181 ÷ 365 = 29,75, ' +
        'làm tròn lên 30 ngày; hết kỳ mà chỉ đi 29 ngày là không đạt. Cán bộ học tập dài hạn cả năm đã đi 5 ngày trước khi có quyết định ' +
        'miễn: 5 ngày đó ghi riêng, không vào tổng số ngày và bình quân của Ban, của tỉnh.',
    },
  ];
}
