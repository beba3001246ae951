import type { ProvinceCompliance } from '../compliance/compliance.entity';
import { type CentralReportRow, ReportStatus } from './report.entity';
import { type Block, vnNumber, vnPercent } from './report.text';

/** A province whose share of cadres meeting the requirement is under this reads as lagging. */
export const LAGGING_SHARE = 0.5;
/** How many provinces the assessment names as leading or lagging. */
const NAMED = 3;

export const CENTRAL_SECTIONS = {
  results: (year: number) => `I. KẾT QUẢ THỰC HIỆN CHỦ TRƯƠNG “1+2” NĂM ${year} TRÊN TOÀN QUỐC`,
  assessment: 'II. ĐÁNH GIÁ VIỆC TRIỂN KHAI THỰC HIỆN CHỦ TRƯƠNG “1+2”',
  directions: 'III. PHƯƠNG HƯỚNG THỰC HIỆN TRONG THỜI GIAN TỚI',
} as const;

/** The national figures: the provinces' own, added up (ratios recomputed from the sums, not averaged). */
export interface NationalFigures {
  provinces: number;
  withData: number;
  noData: string[];
  subjectCadres: number;
  metCount: number;
  metShare: number;
  totalDays: number;
  averageDays: number;
  hardshipShare: number;
  tripsRegistered: number;
  /** Null when no province's figures say it (reports issued before the figure existed). */
  tripsCarriedOut: number | null;
  lateTrips: number;
  unreportedTrips: number;
  overdueReports: number;
  coverage: { reached: number; total: number };
  reports: { final: number; draft: number; none: number };
  /** Provinces with data, best share first. */
  ranked: Array<{ name: string; metShare: number }>;
}

const sum = (rows: ProvinceCompliance[], pick: (s: ProvinceCompliance) => number): number =>
  rows.reduce((total, s) => total + pick(s), 0);

export function nationalFigures(rows: CentralReportRow[], nameOf: (provinceId: number) => string): NationalFigures {
  const all = rows.map((r) => r.summary);
  const data = all.filter((s) => s.hasData);
  const subjectCadres = sum(data, (s) => s.subjectCadres);
  const metCount = sum(data, (s) => s.metCount);
  const totalDays = sum(data, (s) => s.totalDays);
  const carried = all.filter((s) => typeof s.tripsCarriedOut === 'number');
  return {
    provinces: all.length,
    withData: data.length,
    noData: all.filter((s) => !s.hasData).map((s) => nameOf(s.provinceId)),
    subjectCadres,
    metCount,
    metShare: subjectCadres > 0 ? metCount / subjectCadres : 0,
    totalDays,
    averageDays: subjectCadres > 0 ? Math.round((totalDays / subjectCadres) * 100) / 100 : 0,
    hardshipShare: totalDays > 0 ? sum(data, (s) => s.hardshipShare * s.totalDays) / totalDays : 0,
    tripsRegistered: sum(all, (s) => s.tripsRegistered),
    tripsCarriedOut: carried.length > 0 ? sum(carried, (s) => s.tripsCarriedOut ?? 0) : null,
    lateTrips: sum(all, (s) => s.lateTrips),
    unreportedTrips: sum(all, (s) => s.unreportedTrips),
    overdueReports: sum(all, (s) => s.overdueReports),
    coverage: { reached: sum(data, (s) => s.coverage.reached), total: sum(data, (s) => s.coverage.total) },
    reports: {
      final: rows.filter((r) => r.reportStatus === ReportStatus.FINAL).length,
      draft: rows.filter((r) => r.reportStatus === ReportStatus.DRAFT).length,
      none: rows.filter((r) => r.reportStatus === null).length,
    },
    ranked: data
      .map((s) => ({ name: nameOf(s.provinceId), metShare: s.metShare }))
      .sort((a, b) => b.metShare - a.metShare || a.name.localeCompare(b.name, 'vi')),
  };
}

const named = (list: Array<{ name: string; metShare: number }>): string =>
  list.map((p) => `${p.name} (${vnPercent(p.metShare)})`).join(', ');

/**
 * Sections I–III of the central union's report, written from the national figures the way a province
 * writes its own: results, assessment (what went well, what fell short, naming provinces), directions.
 */
export function centralBlocks(year: number, n: NationalFigures): Block[] {
  const leading = n.ranked.slice(0, NAMED);
  const lagging = n.ranked.filter((p) => p.metShare < LAGGING_SHARE);
  const trips =
    n.tripsCarriedOut === null
      ? `Các tỉnh, thành phố đã đăng ký ${vnNumber(n.tripsRegistered)} chuyến đi cơ sở.`
      : `Cán bộ Đoàn cấp tỉnh đã thực hiện ${vnNumber(n.tripsCarriedOut)} chuyến đi cơ sở (trên ${vnNumber(n.tripsRegistered)} chuyến đăng ký).`;
  const blocks: Block[] = [
    { kind: 'section', text: CENTRAL_SECTIONS.results(year) },
    { kind: 'heading', text: '1. Việc báo cáo của các tỉnh, thành phố' },
    {
      kind: 'paragraph',
      text:
        `Trong ${n.provinces} tỉnh, thành phố: ${n.reports.final} đơn vị đã ban hành báo cáo, ${n.reports.draft} đơn vị đang dự thảo, ` +
        `${n.reports.none} đơn vị chưa soạn báo cáo. Số liệu dưới đây lấy từ báo cáo đã ban hành, hoặc tính từ dữ liệu hiện có với các đơn vị chưa ban hành.`,
    },
    { kind: 'heading', text: '2. Kết quả thực hiện' },
    {
      kind: 'paragraph',
      text:
        `${n.withData}/${n.provinces} tỉnh, thành phố có số liệu, với ${vnNumber(n.subjectCadres)} đồng chí cán bộ thuộc diện thực hiện chế độ đi cơ sở; ` +
        `tổng thời gian đi cơ sở là ${vnNumber(n.totalDays)} ngày, bình quân ${vnNumber(n.averageDays)} ngày/đồng chí.`,
    },
    {
      kind: 'paragraph',
      text: `Toàn quốc có ${vnNumber(n.metCount)}/${vnNumber(n.subjectCadres)} đồng chí đi đủ số ngày quy định, đạt tỷ lệ ${vnPercent(n.metShare)}. ${trips}`,
    },
    {
      kind: 'paragraph',
      text: `Dự sinh hoạt chi đoàn: ở các tỉnh, thành phố có số liệu, cán bộ Đoàn cấp tỉnh đã đến ${vnNumber(n.coverage.reached)}/${vnNumber(n.coverage.total)} đơn vị cấp dưới trực tiếp.`,
    },
    { kind: 'section', text: CENTRAL_SECTIONS.assessment },
    { kind: 'heading', text: '1. Ưu điểm' },
  ];
  if (leading.length > 0) {
    blocks.push({ kind: 'item', text: `Các đơn vị có tỷ lệ cán bộ đạt cao nhất: ${named(leading)}.` });
  }
  blocks.push({
    kind: 'item',
    text: `Tỷ lệ ngày đi cơ sở ở địa bàn vùng sâu, vùng xa, biên giới, hải đảo: ${vnPercent(n.hardshipShare)}.`,
  });
  blocks.push({ kind: 'heading', text: '2. Hạn chế' });
  if (lagging.length > 0) {
    blocks.push({
      kind: 'item',
      text: `${lagging.length} đơn vị có tỷ lệ cán bộ đạt dưới ${vnPercent(LAGGING_SHARE)}: ${named(lagging)}.`,
    });
  }
  if (n.noData.length > 0) {
    blocks.push({
      kind: 'item',
      text: `${n.noData.length} đơn vị chưa có số liệu (chưa có cán bộ thuộc diện trong năm): ${n.noData.join(', ')}.`,
    });
  }
  blocks.push(
    { kind: 'item', text: `Chuyến đi đăng ký muộn, không đăng ký trước để Thường trực phê duyệt: ${vnNumber(n.lateTrips)}.` },
    {
      kind: 'item',
      text: `Chuyến đã đi nhưng chưa có báo cáo kết quả: ${vnNumber(n.unreportedTrips)}, trong đó quá hạn báo cáo: ${vnNumber(n.overdueReports)}.`,
    },
    { kind: 'section', text: CENTRAL_SECTIONS.directions },
    {
      kind: 'item',
      text: 'Các tỉnh, thành phố tiếp tục thực hiện nghiêm chủ trương “1+2”, chú trọng chất lượng hơn số lượng; ưu tiên đi cơ sở ở địa bàn vùng sâu, vùng xa, biên giới, hải đảo và địa bàn khó khăn.',
    },
  );
  if (lagging.length > 0) {
    blocks.push({
      kind: 'item',
      text: `Các đơn vị có tỷ lệ đạt dưới ${vnPercent(LAGGING_SHARE)} (${lagging.map((p) => p.name).join(', ')}) xây dựng kế hoạch đi cơ sở theo quý để cán bộ thuộc diện đi đủ số ngày quy định.`,
    });
  }
  if (n.noData.length > 0) {
    blocks.push({
      kind: 'item',
      text: `Các đơn vị chưa có số liệu (${n.noData.join(', ')}) cập nhật danh sách cán bộ thuộc diện và quy định năm trên hệ thống.`,
    });
  }
  blocks.push(
    {
      kind: 'item',
      text: 'Đăng ký chuyến đi trước để Thường trực phê duyệt và báo cáo kết quả đúng hạn; ghép đoàn khi nhiều đoàn cùng về một cơ sở để không gây phiền hà, tốn kém cho cơ sở.',
    },
    {
      kind: 'item',
      text: `Các tỉnh, thành phố chưa ban hành báo cáo năm ${year} hoàn thành và gửi về Ban Tổ chức Trung ương Đoàn.`,
    },
  );
  return blocks;
}
