/**
 * Static content of the demo's findings: the Standing Committee's inspection plans and what the
 * teams conclude, good models, recommendations and hosts' feedback, in Vietnamese. `demo.ts` turns
 * it into rows. `{TD}` stands for "Tỉnh đoàn" / "Thành đoàn", `{ORG}` for the organisation department.
 */
import type { DemoCode, DeptKey } from './demo.data';

export type Rating = 'GOOD' | 'FAIR' | 'AVERAGE' | 'WEAK';
export type ModelFieldKey =
  'ECONOMY' | 'VOLUNTEERING' | 'RELIGIOUS_AREA' | 'ETHNIC_MINORITY' | 'ORGANISATION' | 'CULTURE_SPORTS' | 'CHILDREN' | 'OTHER';
export type ReplicationKey = 'IDENTIFIED' | 'REPLICATING' | 'REPLICATED';

export interface InspectionPlanSpec {
  subject: 'MEMBER_DEVELOPMENT' | 'UNION_FUNDS' | 'ENTRUSTED_LOANS' | 'ORGANISATION';
  title: string;
  description: string;
  /** What a team concludes at a unit, by rating. */
  findings: Record<Rating, string>;
  /** Corrective actions a conclusion may require of the inspected unit. */
  actions: string[];
}

export const INSPECTION_PLANS: InspectionPlanSpec[] = [
  {
    subject: 'MEMBER_DEVELOPMENT',
    title: 'Kiểm tra công tác phát triển đoàn viên',
    description:
      'Kiểm tra việc thực hiện chỉ tiêu phát triển đoàn viên, quy trình kết nạp, quản lý hồ sơ và sổ đoàn viên tại Đoàn các xã, phường.',
    findings: {
      GOOD: 'Quy trình kết nạp đoàn viên đúng Điều lệ; hồ sơ đầy đủ, sổ đoàn viên cập nhật kịp thời. Đạt 112% chỉ tiêu phát triển đoàn viên 9 tháng.',
      FAIR: 'Kết nạp đúng quy trình, đạt 86% chỉ tiêu; một số hồ sơ thiếu phiếu nhận xét của chi đoàn, chưa tổ chức lớp bồi dưỡng nhận thức về Đoàn.',
      AVERAGE:
        'Đạt 63% chỉ tiêu phát triển đoàn viên; sổ đoàn viên chưa cập nhật sau sắp xếp đơn vị hành chính, còn đoàn viên chưa chuyển sinh hoạt.',
      WEAK: 'Chưa xây dựng kế hoạch phát triển đoàn viên năm; 9 tháng chỉ kết nạp 4 đoàn viên, hồ sơ kết nạp không đầy đủ.',
    },
    actions: [
      'Rà soát, bổ sung hồ sơ kết nạp đoàn viên còn thiếu (phiếu nhận xét của chi đoàn, giấy giới thiệu).',
      'Cập nhật sổ đoàn viên, hoàn thành chuyển sinh hoạt Đoàn cho đoàn viên sau sắp xếp đơn vị hành chính.',
      'Tổ chức lớp bồi dưỡng nhận thức về Đoàn cho thanh niên ưu tú trước khi xét kết nạp.',
    ],
  },
  {
    subject: 'UNION_FUNDS',
    title: 'Kiểm tra thu, chi, quản lý quỹ Đoàn',
    description: 'Kiểm tra việc thu, nộp đoàn phí; lập dự toán, ghi chép sổ quỹ, chứng từ và công khai thu chi quỹ Đoàn.',
    findings: {
      GOOD: 'Thu, nộp đoàn phí đầy đủ, đúng hạn; sổ quỹ ghi chép rõ ràng, đủ chứng từ; công khai thu chi trước Ban Chấp hành mỗi quý.',
      FAIR: 'Thu, nộp đoàn phí đúng quy định; sổ quỹ ghi chép chưa kịp thời, một số khoản chi hoạt động thiếu chứng từ.',
      AVERAGE: 'Còn nợ đoàn phí quý II, quý III; chưa mở sổ quỹ theo mẫu, chưa công khai thu chi quỹ Đoàn.',
      WEAK: 'Không lập dự toán thu chi quỹ Đoàn; nhiều khoản chi không có chứng từ, chi chưa đúng mục đích.',
    },
    actions: [
      'Mở sổ quỹ Đoàn theo mẫu, ghi chép kịp thời, đầy đủ chứng từ các khoản thu, chi.',
      'Nộp đủ đoàn phí còn tồn về {TD} theo quy định.',
      'Lập dự toán thu, chi quỹ Đoàn năm 2027, thông qua Ban Chấp hành và công khai tại cơ sở.',
    ],
  },
  {
    subject: 'ENTRUSTED_LOANS',
    title: 'Giám sát công tác vay vốn ủy thác qua Ngân hàng Chính sách xã hội',
    description:
      'Giám sát hoạt động của các tổ tiết kiệm và vay vốn do Đoàn quản lý: bình xét cho vay, thu lãi, nợ quá hạn, công khai danh sách hộ vay.',
    findings: {
      GOOD: 'Các tổ tiết kiệm và vay vốn hoạt động đúng quy định, không có nợ quá hạn; họp tổ, bình xét cho vay công khai, dân chủ.',
      FAIR: 'Tổ tiết kiệm và vay vốn hoạt động ổn định; tỷ lệ nợ quá hạn 0,8%, một tổ chưa họp định kỳ hằng quý.',
      AVERAGE: 'Tỷ lệ nợ quá hạn 2,5%; hai tổ tiết kiệm và vay vốn chưa kiện toàn tổ trưởng sau sắp xếp.',
      WEAK: 'Nợ quá hạn cao (4,1%); chưa đối chiếu, công khai danh sách hộ vay; tổ trưởng thu lãi không có biên lai.',
    },
    actions: [
      'Rà soát, đôn đốc thu hồi nợ quá hạn của các tổ tiết kiệm và vay vốn.',
      'Kiện toàn Ban quản lý các tổ tiết kiệm và vay vốn sau sắp xếp.',
      'Công khai danh sách hộ vay, dư nợ tại điểm giao dịch xã.',
    ],
  },
  {
    subject: 'ORGANISATION',
    title: 'Kiểm tra công tác tổ chức cơ sở Đoàn sau sắp xếp đơn vị hành chính',
    description:
      'Kiểm tra việc kiện toàn Ban Chấp hành, sắp xếp chi đoàn, quy chế làm việc và sinh hoạt chi đoàn tại Đoàn các xã, phường mới.',
    findings: {
      GOOD: 'Ban Chấp hành được kiện toàn đủ số lượng; chi đoàn được sắp xếp hợp lý, sinh hoạt đều đặn hằng tháng.',
      FAIR: 'Đã kiện toàn Ban Chấp hành; một số chi đoàn thôn sinh hoạt chưa đều, chưa ban hành quy chế làm việc.',
      AVERAGE: 'Còn khuyết chức danh Phó Bí thư; 3 chi đoàn dưới 5 đoàn viên chưa được sáp nhập, sinh hoạt không thường xuyên.',
      WEAK: 'Ban Chấp hành chưa kiện toàn sau sắp xếp; nhiều chi đoàn không sinh hoạt, không nắm được số lượng đoàn viên.',
    },
    actions: [
      'Kiện toàn các chức danh còn khuyết trong Ban Chấp hành Đoàn xã.',
      'Sáp nhập, củng cố các chi đoàn thôn, khu phố dưới 5 đoàn viên.',
      'Ban hành quy chế làm việc của Ban Chấp hành và chương trình công tác năm.',
    ],
  },
];

export const DONE_NOTES = [
  'Đã thực hiện xong, gửi báo cáo kèm minh chứng về {ORG}.',
  'Đã khắc phục; Ban Chấp hành Đoàn xã đã họp kiểm điểm, rút kinh nghiệm.',
  'Đã hoàn thành, hồ sơ lưu tại văn phòng Đoàn xã, sẵn sàng để kiểm tra lại.',
];

/** Participation in higher-level teams; the provincial party committee only where there is one. */
export const EXTERNAL_INSPECTIONS: Array<{ organiser: string; title: string }> = [
  {
    organiser: 'Trung ương Đoàn',
    title: 'Tham gia Đoàn giám sát của Trung ương Đoàn về công tác vay vốn ủy thác',
  },
  {
    organiser: 'Tỉnh ủy',
    title: 'Tham gia Đoàn kiểm tra của Tỉnh ủy về thực hiện Luật Thanh niên',
  },
];

export interface GoodModelSpec {
  name: string;
  field: ModelFieldKey;
  description: string;
  /** The commune (name as in the 2025 list) where it was found. */
  commune: string;
  replication?: ReplicationKey;
}

/** Good models per province, in the order the demo finds them (the first ones always appear). */
export const GOOD_MODELS: Record<DemoCode, GoodModelSpec[]> = {
  LDG: [
    {
      name: 'Mô hình trồng hoa lan của thanh niên',
      field: 'ECONOMY',
      description:
        'Tổ hợp tác thanh niên trồng lan hồ điệp, lan kiếm trong nhà kính, liên kết tiêu thụ; thu nhập bình quân 15 triệu đồng/người/tháng.',
      commune: 'Phường Lang Biang - Đà Lạt',
      replication: 'REPLICATING',
    },
    {
      name: 'Mô hình nuôi heo của thanh niên theo hướng an toàn sinh học',
      field: 'ECONOMY',
      description: 'Đoàn viên vay vốn ủy thác nuôi heo thịt, heo nái; chuồng trại có đệm lót sinh học, không ô nhiễm môi trường.',
      commune: 'Xã Đức Linh',
      replication: 'REPLICATED',
    },
    {
      name: 'Chi đoàn nhặt ve chai gây quỹ',
      field: 'VOLUNTEERING',
      description:
        'Đoàn viên thu gom ve chai, phế liệu mỗi tháng để tạo quỹ sinh hoạt chi đoàn và giúp đỡ đoàn viên có hoàn cảnh khó khăn.',
      commune: 'Xã Liên Hương',
      replication: 'REPLICATED',
    },
    {
      name: 'Homestay thanh niên trên đảo Phú Quý',
      field: 'ECONOMY',
      description: 'Thanh niên mở homestay, đưa đón khách, hướng dẫn du lịch cộng đồng quanh đảo, giữ gìn cảnh quan biển.',
      commune: 'Đặc khu Phú Quý',
    },
    {
      name: 'Câu lạc bộ thanh niên K’Ho giữ gìn văn hóa cồng chiêng',
      field: 'ETHNIC_MINORITY',
      description: 'Thanh niên dân tộc K’Ho học đánh cồng chiêng, múa truyền thống với nghệ nhân; biểu diễn phục vụ du khách.',
      commune: 'Xã Lạc Dương',
    },
    {
      name: 'Tập hợp thanh niên Công giáo tham gia hiến máu, làm đường giao thông',
      field: 'RELIGIOUS_AREA',
      description:
        'Chi đoàn phối hợp với giáo họ tổ chức hiến máu, làm đường bê tông; thu hút thanh niên công giáo sinh hoạt Đoàn.',
      commune: 'Xã Đức Trọng',
    },
    {
      name: 'Mô hình thanh niên trồng cà phê xen sầu riêng theo hướng hữu cơ',
      field: 'ECONOMY',
      description: 'Tổ hợp tác thanh niên chuyển đổi vườn cà phê già cỗi, trồng xen sầu riêng, bán cà phê rang xay qua mạng.',
      commune: 'Xã Di Linh',
    },
  ],
  HNI: [
    {
      name: 'Mô hình thanh niên làm gốm kết hợp bán hàng trực tuyến',
      field: 'ECONOMY',
      description:
        'Thanh niên làng gốm livestream giới thiệu sản phẩm, nhận đơn hàng xuất khẩu nhỏ; tạo việc làm cho 25 lao động trẻ.',
      commune: 'Xã Bát Tràng',
      replication: 'REPLICATING',
    },
    {
      name: 'Tuyến phố văn minh do thanh niên tự quản',
      field: 'VOLUNTEERING',
      description: 'Đoàn viên nhận quản lý tuyến phố: giữ vỉa hè thông thoáng, phân loại rác tại nguồn, hướng dẫn du khách.',
      commune: 'Phường Hoàn Kiếm',
      replication: 'REPLICATED',
    },
    {
      name: 'Mô hình trồng hoa của thanh niên Mê Linh',
      field: 'ECONOMY',
      description: 'Thanh niên trồng hoa hồng, hoa cúc trong nhà lưới, ứng dụng tưới nhỏ giọt, liên kết với chợ hoa Quảng An.',
      commune: 'Xã Mê Linh',
    },
    {
      name: 'Câu lạc bộ thanh niên dân tộc Dao giữ gìn bài thuốc nam',
      field: 'ETHNIC_MINORITY',
      description:
        'Thanh niên người Dao sưu tầm, trồng cây thuốc, bán sản phẩm thuốc nam có nguồn gốc; giữ gìn tri thức truyền thống.',
      commune: 'Xã Ba Vì',
    },
    {
      name: 'Đội thanh niên hỗ trợ dịch vụ công trực tuyến',
      field: 'VOLUNTEERING',
      description: 'Đoàn viên trực tại bộ phận một cửa hướng dẫn người dân nộp hồ sơ trực tuyến, cài đặt định danh điện tử.',
      commune: 'Phường Cầu Giấy',
    },
    {
      name: 'Thắp sáng đường quê bằng đèn năng lượng mặt trời',
      field: 'VOLUNTEERING',
      description: 'Chi đoàn vận động lắp 120 đèn năng lượng mặt trời trên các tuyến đường thôn, góp phần giữ an ninh trật tự.',
      commune: 'Xã Mỹ Đức',
    },
    {
      name: 'Chi đoàn nhặt ve chai gây quỹ “Vì em đến trường”',
      field: 'CHILDREN',
      description: 'Đoàn viên thu gom ve chai, giấy vụn để trao học bổng cho thiếu nhi có hoàn cảnh khó khăn mỗi năm học.',
      commune: 'Xã Sóc Sơn',
    },
  ],
  HCM: [
    {
      name: 'Mô hình trồng hoa lan của thanh niên Củ Chi',
      field: 'ECONOMY',
      description: 'Thanh niên trồng lan mokara, dendro cắt cành theo tiêu chuẩn xuất khẩu, liên kết hợp tác xã tiêu thụ.',
      commune: 'Xã Củ Chi',
      replication: 'REPLICATED',
    },
    {
      name: 'Homestay thanh niên trên đảo Thạnh An',
      field: 'ECONOMY',
      description: 'Thanh niên xã đảo mở homestay, tour câu cá, tham quan rừng ngập mặn; giữ vệ sinh bãi biển.',
      commune: 'Xã Thạnh An',
      replication: 'REPLICATING',
    },
    {
      name: 'Mô hình nuôi hàu của thanh niên Cần Giờ',
      field: 'ECONOMY',
      description: 'Tổ hợp tác thanh niên nuôi hàu trên bè, áp dụng quy trình VietGAP, bán trực tiếp cho nhà hàng.',
      commune: 'Xã Cần Giờ',
    },
    {
      name: 'Câu lạc bộ thanh niên công nhân nhà trọ',
      field: 'ORGANISATION',
      description:
        'Tập hợp thanh niên công nhân ở trọ sinh hoạt hằng tháng: tư vấn pháp luật lao động, giao lưu văn nghệ, thể thao.',
      commune: 'Phường Dĩ An',
    },
    {
      name: 'Tập hợp thanh niên người Hoa tham gia công tác xã hội',
      field: 'ETHNIC_MINORITY',
      description: 'Đoàn phường phối hợp các hội quán tổ chức hiến máu, phát cơm từ thiện, lớp tiếng Hoa miễn phí cho thiếu nhi.',
      commune: 'Phường Chợ Lớn',
    },
    {
      name: 'Chi đoàn nhặt ve chai gây quỹ học bổng cho thiếu nhi',
      field: 'CHILDREN',
      description: 'Chi đoàn khu phố thu gom ve chai mỗi cuối tuần, gây quỹ trao học bổng cho thiếu nhi khó khăn.',
      commune: 'Phường Bình Thạnh',
    },
    {
      name: 'Đội thanh niên tình nguyện bảo tồn rùa biển',
      field: 'VOLUNTEERING',
      description: 'Thanh niên cùng kiểm lâm canh tổ trứng, ấp và thả rùa con về biển; tuyên truyền du khách không xả rác.',
      commune: 'Đặc khu Côn Đảo',
    },
  ],
  DNG: [
    {
      name: 'Homestay thanh niên trên đảo Tam Hải',
      field: 'ECONOMY',
      description: 'Thanh niên xã đảo mở homestay, tour thúng chai, ẩm thực biển; liên kết với công ty lữ hành.',
      commune: 'Xã Tam Hải',
      replication: 'REPLICATING',
    },
    {
      name: 'Mô hình trồng sâm Ngọc Linh dưới tán rừng',
      field: 'ETHNIC_MINORITY',
      description:
        'Thanh niên Xơ Đăng trồng sâm dưới tán rừng tự nhiên, được hỗ trợ giống và vốn vay; vừa giữ rừng vừa tăng thu nhập.',
      commune: 'Xã Nam Trà My',
      replication: 'REPLICATED',
    },
    {
      name: 'Tổ thanh niên Cơ Tu dệt thổ cẩm',
      field: 'ETHNIC_MINORITY',
      description: 'Nữ thanh niên Cơ Tu dệt thổ cẩm, may sản phẩm lưu niệm; giữ nghề truyền thống, bán cho khách du lịch.',
      commune: 'Xã Tây Giang',
    },
    {
      name: 'Câu lạc bộ thanh niên Phật giáo tham gia công tác xã hội',
      field: 'RELIGIOUS_AREA',
      description: 'Đoàn phường phối hợp nhà chùa tổ chức bếp ăn từ thiện, lớp kỹ năng sống cho thiếu nhi dịp hè.',
      commune: 'Phường Ngũ Hành Sơn',
    },
    {
      name: 'Đội thanh niên cứu hộ bãi biển tình nguyện',
      field: 'VOLUNTEERING',
      description: 'Đoàn viên được tập huấn cứu đuối, trực các bãi tắm cao điểm hè; hướng dẫn du khách tắm biển an toàn.',
      commune: 'Phường Sơn Trà',
    },
    {
      name: 'Chi đoàn nhặt ve chai gây quỹ',
      field: 'VOLUNTEERING',
      description: 'Chi đoàn thôn thu gom ve chai, phế liệu để có quỹ sinh hoạt và giúp đoàn viên khó khăn.',
      commune: 'Xã Hòa Vang',
    },
    {
      name: 'Mô hình thanh niên trồng rau hữu cơ',
      field: 'ECONOMY',
      description: 'Thanh niên làng rau trồng theo hướng hữu cơ, đón khách trải nghiệm làm nông; thu nhập tăng gấp rưỡi.',
      commune: 'Phường Hội An',
    },
  ],
  QTI: [
    {
      name: 'Mô hình thanh niên trồng cà phê theo hướng hữu cơ',
      field: 'ECONOMY',
      description: 'Tổ hợp tác thanh niên trồng, chế biến cà phê Khe Sanh, xây dựng thương hiệu, bán qua sàn thương mại điện tử.',
      commune: 'Xã Khe Sanh',
      replication: 'REPLICATING',
    },
    {
      name: 'Câu lạc bộ thanh niên Vân Kiều, Pa Kô giữ gìn bản sắc văn hóa',
      field: 'ETHNIC_MINORITY',
      description: 'Thanh niên học hát dân ca, đánh chiêng với già làng; tổ chức lễ hội truyền thống, phục vụ du lịch cộng đồng.',
      commune: 'Xã Hướng Phùng',
    },
    {
      name: 'Tập hợp thanh niên Công giáo tham gia xây dựng nông thôn mới',
      field: 'RELIGIOUS_AREA',
      description:
        'Chi đoàn phối hợp giáo xứ làm đường hoa, dọn vệ sinh môi trường; thanh niên công giáo sinh hoạt Đoàn đều đặn.',
      commune: 'Xã Hải Lăng',
      replication: 'REPLICATED',
    },
    {
      name: 'Homestay thanh niên làng du lịch Phong Nha',
      field: 'ECONOMY',
      description: 'Thanh niên mở homestay, dẫn tour hang động, chèo thuyền kayak; được tập huấn kỹ năng du lịch cộng đồng.',
      commune: 'Xã Phong Nha',
    },
    {
      name: 'Thanh niên cùng bộ đội biên phòng tuần tra, bảo vệ cột mốc',
      field: 'OTHER',
      description:
        'Chi đoàn thôn biên giới kết nghĩa với đồn biên phòng, tuần tra đường biên, tuyên truyền chống xuất nhập cảnh trái phép.',
      commune: 'Xã Lao Bảo',
    },
    {
      name: 'Chi đoàn nhặt ve chai gây quỹ',
      field: 'VOLUNTEERING',
      description: 'Chi đoàn thôn thu gom ve chai, phế liệu sau mỗi buổi sinh hoạt để có quỹ giúp đoàn viên khó khăn.',
      commune: 'Xã Gio Linh',
    },
    {
      name: 'Mô hình nuôi tôm trên cát của thanh niên',
      field: 'ECONOMY',
      description: 'Thanh niên vùng cát nuôi tôm thẻ chân trắng trong ao lót bạt, xử lý nước thải đúng quy định.',
      commune: 'Xã Cửa Việt',
    },
  ],
};

/** The 2026 topic (index in TOPICS_2026) under which a model of each field is found. */
export const FIELD_TOPIC: Record<ModelFieldKey, number> = {
  ECONOMY: 5,
  VOLUNTEERING: 6,
  RELIGIOUS_AREA: 7,
  ETHNIC_MINORITY: 7,
  ORGANISATION: 0,
  CULTURE_SPORTS: 6,
  CHILDREN: 8,
  OTHER: 2,
};

/** Bình Thuận 2019: the report's models as rows, by the district unit whose topic trip found them. */
export const BT_MODEL_ROWS: Record<
  string,
  Array<{
    name: string;
    field: ModelFieldKey;
    description: string;
    /** The unit: a chapter's name, or the district's grassroots union when absent. */
    unit?: string;
    replication: ReplicationKey;
    replicatedAt: string[];
  }>
> = {
  'Huyện đoàn Đức Linh': [
    {
      name: 'Mô hình nuôi heo của đoàn viên thanh niên',
      field: 'ECONOMY',
      description: 'Thanh niên mạnh dạn vay vốn ủy thác nuôi heo thịt, heo nái; mỗi hộ lãi 60–80 triệu đồng mỗi năm.',
      replication: 'REPLICATED',
      replicatedAt: ['Đoàn xã La Ngâu', 'Đoàn xã Hàm Đức'],
    },
    {
      name: 'Mô hình trồng hoa lan',
      field: 'ECONOMY',
      description:
        'Đoàn viên trồng lan rừng, lan dendro trong vườn nhà, bán cho thương lái và qua mạng xã hội; thu nhập ổn định.',
      replication: 'IDENTIFIED',
      replicatedAt: [],
    },
  ],
  'Huyện đoàn Hàm Tân': [
    {
      name: 'Bí thư chi đoàn kiêm thôn đội trưởng, công an tổ dân phố',
      field: 'ORGANISATION',
      description:
        'Bí thư chi đoàn đồng thời là thôn đội trưởng, công an viên: nắm chắc tình hình thanh niên, giữ an ninh trật tự thôn.',
      unit: 'Chi đoàn thôn Hiệp Trí',
      replication: 'REPLICATING',
      replicatedAt: ['Chi đoàn thôn Hiệp Thành', 'Chi đoàn thôn Lập Phước'],
    },
  ],
  'Huyện đoàn Tuy Phong': [
    {
      name: 'Chi đoàn nhặt ve chai gây quỹ',
      field: 'VOLUNTEERING',
      description:
        'Chi đoàn Thôn 01, xã Bình Thạnh huy động đoàn viên nhặt ve chai, đồng nát để tạo quỹ sinh hoạt chi đoàn và giúp đỡ đoàn viên có hoàn cảnh khó khăn.',
      unit: 'Chi đoàn Thôn 1 Bình Thạnh',
      replication: 'REPLICATED',
      replicatedAt: ['Chi đoàn Thôn 2 Bình Thạnh', 'Chi đoàn khu phố 3 Phước Hội'],
    },
  ],
  'Huyện đoàn Phú Quý': [
    {
      name: 'Homestay thanh niên trên đảo Phú Quý',
      field: 'ECONOMY',
      description: 'Thanh niên làm kinh tế giỏi: mở homestay, đưa đón khách, phát triển du lịch cộng đồng trên đảo.',
      replication: 'IDENTIFIED',
      replicatedAt: [],
    },
  ],
  'Huyện đoàn Bắc Bình': [
    {
      name: 'Mô hình đoàn kết, tập hợp thanh niên vùng giáo',
      field: 'RELIGIOUS_AREA',
      description:
        'Chi đoàn phối hợp với giáo họ tổ chức sinh hoạt chung, hiến máu, làm đường; thu hút thanh niên công giáo tham gia.',
      replication: 'IDENTIFIED',
      replicatedAt: [],
    },
  ],
};

export interface RecommendationSpec {
  text: string;
  /** The department asked to answer. */
  dept: Exclude<DeptKey, 'TT'>;
  answer: string;
}

export const RECOMMENDATION_CATALOGUE: RecommendationSpec[] = [
  {
    text: 'Đề nghị {TD} hỗ trợ kinh phí xây dựng sân chơi cho thiếu nhi tại thôn, nơi chưa có thiết chế văn hóa.',
    dept: 'TN',
    answer:
      'Ban Thường vụ thống nhất hỗ trợ 30 triệu đồng từ nguồn xã hội hóa; Ban Công tác Thiếu nhi phối hợp Đoàn xã khảo sát vị trí, khởi công trong quý I năm sau.',
  },
  {
    text: 'Đề nghị hướng dẫn thống nhất quy trình chuyển sinh hoạt Đoàn cho đoàn viên sau sắp xếp đơn vị hành chính.',
    dept: 'TC',
    answer:
      'Đã ban hành hướng dẫn chuyển sinh hoạt Đoàn sau sắp xếp (gửi kèm); {ORG} sẽ tập huấn trực tuyến cho bí thư Đoàn các xã, phường.',
  },
  {
    text: 'Đề nghị {TD} tổ chức lớp tập huấn nghiệp vụ, kỹ năng chuyển đổi số cho bí thư chi đoàn mới được bầu.',
    dept: 'TC',
    answer: 'Lớp tập huấn cho bí thư chi đoàn được đưa vào kế hoạch; mỗi xã, phường cử 3 đồng chí tham dự.',
  },
  {
    text: 'Đề nghị {TD} kết nối nguồn vốn vay ưu đãi từ Ngân hàng Chính sách xã hội cho thanh niên khởi nghiệp.',
    dept: 'PT',
    answer:
      'Ban Phong trào đã làm việc với Ngân hàng Chính sách xã hội; đoàn viên lập hồ sơ qua tổ tiết kiệm và vay vốn của Đoàn xã, mức vay đến 100 triệu đồng.',
  },
  {
    text: 'Đề nghị {TD} hỗ trợ vật tư thắp sáng đường quê cho các thôn vùng sâu chưa có điện chiếu sáng.',
    dept: 'PT',
    answer: 'Hỗ trợ 40 bộ đèn năng lượng mặt trời trong Chiến dịch tình nguyện hè; Đoàn xã đăng ký tuyến đường cụ thể.',
  },
  {
    text: 'Đề nghị bố trí máy tính, đường truyền cho điểm sinh hoạt Đoàn xã sau khi chuyển trụ sở.',
    dept: 'VP',
    answer: 'Văn phòng điều chuyển 2 máy tính còn tốt; đề nghị Đoàn xã báo cáo Đảng ủy xã bố trí đường truyền.',
  },
  {
    text: 'Đề nghị có chế độ hỗ trợ cho bí thư chi đoàn thôn, khu phố.',
    dept: 'TC',
    answer:
      '{TD} đã tổng hợp, kiến nghị Ủy ban nhân dân cấp tỉnh xem xét khi ban hành chế độ cho người hoạt động không chuyên trách ở thôn, khu phố.',
  },
  {
    text: 'Đề nghị {TD} giới thiệu doanh nghiệp tuyển dụng lao động trẻ tại địa phương, nhất là thanh niên hoàn thành nghĩa vụ quân sự.',
    dept: 'PT',
    answer:
      'Trung tâm Dịch vụ việc làm thanh niên sẽ tổ chức phiên giao dịch việc làm lưu động tại xã; danh sách doanh nghiệp gửi kèm.',
  },
  {
    text: 'Đề nghị tăng cường tuyên truyền phòng chống ma túy trong trường học và khu nhà trọ công nhân.',
    dept: 'TG',
    answer: 'Ban Tuyên giáo phối hợp Công an tổ chức 3 buổi tuyên truyền lưu động, cung cấp tài liệu và video cho Đoàn xã.',
  },
  {
    text: 'Đề nghị {TD} hỗ trợ cờ Đoàn, huy hiệu và tài liệu sinh hoạt cho các chi đoàn mới thành lập.',
    dept: 'VP',
    answer: 'Văn phòng đã cấp 10 bộ cờ, 200 huy hiệu và tài liệu sinh hoạt chi đoàn; Đoàn xã nhận tại cơ quan {TD}.',
  },
  {
    text: 'Đề nghị hỗ trợ học bổng cho thiếu nhi có hoàn cảnh khó khăn vùng đồng bào dân tộc thiểu số.',
    dept: 'TN',
    answer: 'Quỹ Bảo trợ trẻ em trao 15 suất học bổng cho thiếu nhi của xã trong dịp khai giảng; danh sách do Đoàn xã đề xuất.',
  },
];

/** What the demo host commune asked and had answered. */
export const HOST_RECOMMENDATION: RecommendationSpec = {
  text: 'Đề nghị {TD} hỗ trợ kinh phí sửa chữa nhà sinh hoạt cộng đồng làm điểm sinh hoạt Đoàn của xã.',
  dept: 'VP',
  answer:
    'Thường trực {TD} đồng ý hỗ trợ 20 triệu đồng từ nguồn kinh phí hoạt động phong trào; Văn phòng liên hệ Đoàn xã hoàn tất thủ tục trong tháng 12.',
};

export const FEEDBACK_COMMENTS = [
  '',
  'Đoàn làm việc gọn, đúng nội dung, không gây phiền hà cho cơ sở.',
  'Cán bộ tỉnh xuống tận chi đoàn, nắm tình hình sát thực tế.',
  'Đoàn tự túc phương tiện, làm việc trực tiếp với Ban Chấp hành.',
];

/** Breaches the hosts reported: which rule was broken and what they wrote. */
export const FEEDBACK_BREACHES: Array<{
  noConference: boolean;
  noDistrictEscort: boolean;
  noCost: boolean;
  noPartyCommittee: boolean;
  comment: string;
}> = [
  {
    noConference: false,
    noDistrictEscort: true,
    noCost: true,
    noPartyCommittee: true,
    comment: 'Đoàn đề nghị tổ chức hội nghị báo cáo, mời đủ Ban Chấp hành Đoàn xã và bí thư các chi đoàn dự.',
  },
  {
    noConference: true,
    noDistrictEscort: true,
    noCost: false,
    noPartyCommittee: true,
    comment: 'Xã phải bố trí xe đưa đón và chi tiền ăn trưa cho đoàn công tác.',
  },
];
