import { formatVn } from '../../shared/dates';
import { ComplianceStatus } from '../compliance/compliance.entity';
import { figureDefinitions } from '../compliance/compliance.definitions';
import { ProvinceKind, type Province } from '../tenancy/province.entity';
import { TripKind } from '../trips/trip.entity';
import { CadreCategory, type AnnualReport, type ReportFigures, ReportStatus } from './report.entity';

/** The report as the union writes it, block by block; the DOCX writer only lays these out. */
export type Block =
  | { kind: 'section'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; text: string };

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const vnNumber = (n: number): string => number.format(n);
export const vnPercent = (share: number): string => `${number.format(Math.round(share * 10_000) / 100)}%`;

export const KIND_LABEL: Record<TripKind, string> = {
  [TripKind.TOPIC]: 'theo chuyên đề',
  [TripKind.COORDINATION]: 'phối hợp tổ chức hoạt động',
  [TripKind.INSPECTION]: 'kiểm tra, giám sát',
  [TripKind.MEETING]: 'dự sinh hoạt',
};

/** What a province without a subject cadre in the window shows instead of 0 for its ratios and averages. */
export const NO_DATA = 'Chưa có số liệu';

export const STATUS_LABEL: Record<ComplianceStatus, string> = {
  [ComplianceStatus.MET]: 'Đạt',
  [ComplianceStatus.ON_TRACK]: 'Đúng tiến độ',
  [ComplianceStatus.AT_RISK]: 'Có nguy cơ không đạt',
  [ComplianceStatus.BEHIND]: 'Chậm tiến độ',
  [ComplianceStatus.NOT_MET]: 'Không đạt',
  [ComplianceStatus.EXEMPT]: 'Được miễn',
};

export const CATEGORY_LABEL: Record<CadreCategory, string> = {
  [CadreCategory.AGENCY_STAFF]: 'Cán bộ chuyên trách cơ quan',
  [CadreCategory.EXECUTIVE_MEMBER]: 'Ủy viên BCH chuyên trách',
  [CadreCategory.BOTH]: 'Cán bộ chuyên trách cơ quan, Ủy viên BCH chuyên trách',
};

/** "BCH ĐOÀN TỈNH BÌNH THUẬN", "BCH ĐOÀN TP. HỒ CHÍ MINH": the issuing body's line. */
export function issuingBody(province: Pick<Province, 'name' | 'kind'>): string {
  const name = province.name.replace(/^(Thành phố|TP\.?)\s+/iu, '');
  return `BCH ĐOÀN ${province.kind === ProvinceKind.CITY ? 'TP.' : 'TỈNH'} ${name}`.toLocaleUpperCase('vi');
}

/** The union's own name for its agency: "Tỉnh đoàn" or "Thành đoàn". */
export const unionName = (province: Pick<Province, 'kind'>): string =>
  province.kind === ProvinceKind.CITY ? 'Thành đoàn' : 'Tỉnh đoàn';

export const numberLine = (report: Pick<AnnualReport, 'number'>): string => `Số: ${report.number ?? '…'}-BC/TĐTN`;

/** "Bình Thuận, ngày 30 tháng 10 năm 2019" (a draft carries the day it is printed). */
export function dateLine(report: Pick<AnnualReport, 'issuedOn' | 'narrative'>, today: string): string {
  const date = report.issuedOn ?? today;
  const [dd, mm, yyyy] = formatVn(date).split('/');
  return `${report.narrative.place}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) =>
      /^[-+•]\s*/u.test(p)
        ? { kind: 'item' as const, text: p.replace(/^[-+•]\s*/u, '') }
        : { kind: 'paragraph' as const, text: p },
    );

const list = (items: string[]): string => items.join('; ');

/** Coverage units are district-level before the July 2025 reform, commune-level after. */
const coverageUnits = (f: ReportFigures): string =>
  f.summary.windowEnd < '2025-07-01' ? 'Huyện, Thị, Thành đoàn và Đoàn trực thuộc' : 'Đoàn xã, phường, đặc khu';

export function coverageSentence(f: ReportFigures): string {
  const c = f.summary.coverage;
  const missing = c.missing.map((m) => m.name);
  return (
    `Cán bộ Đoàn cấp tỉnh đã dự sinh hoạt chi đoàn tại ${c.reached}/${c.total} ${coverageUnits(f)}` +
    (missing.length > 0 ? ` (chưa đến: ${list(missing)}).` : '.')
  );
}

export function timeSentences(f: ReportFigures, province: Pick<Province, 'kind'>): string[] {
  const s = f.summary;
  return [
    `Ngoài các trường hợp được miễn (cử đi học tập dài hạn từ 6 tháng trở lên, ốm đau dài hạn, nghỉ thai sản; ${s.exempt} đồng chí), ` +
      `${s.agencyStaff.count}/${s.agencyStaff.total} đồng chí cán bộ Đoàn chuyên trách cơ quan ${unionName(province)} và ` +
      `${s.executiveMembers.count}/${s.executiveMembers.total} đồng chí Ủy viên Ban Chấp hành chuyên trách thuộc diện thực hiện chế độ đi cơ sở, ` +
      `với tổng thời gian thực hiện đi cơ sở là ${vnNumber(s.totalDays)} ngày.`,
    // Without a subject cadre or a trip in the year there is no average nor share to write: not 0.
    s.hasData
      ? `Trung bình: ${vnNumber(s.averageDays)} ngày/đồng chí. Đạt tỷ lệ ${vnPercent(s.metShare)} cán bộ thực hiện đủ quy định ` +
        `đi cơ sở từ ${s.requiredDays} ngày trở lên (${s.metCount}/${s.subjectCadres} đồng chí).`
      : `Bình quân ngày/đồng chí và tỷ lệ cán bộ thực hiện đủ quy định đi cơ sở từ ${s.requiredDays} ngày trở lên: ` +
        `${NO_DATA.toLowerCase()} (không có cán bộ thuộc diện hoặc chưa có chuyến đi nào được đăng ký trong năm).`,
    ...(s.exemptDays > 0
      ? [`Ngày đi cơ sở của cán bộ được miễn cả kỳ (không tính vào tổng): ${vnNumber(s.exemptDays)} ngày.`]
      : []),
  ];
}

export const DEFINITIONS_TITLE = 'PHỤ LỤC: CÁCH TÍNH SỐ LIỆU';

/** The annex that says how every figure of the report is computed, for the year's rule. */
export function definitionBlocks(f: ReportFigures): Block[] {
  return [
    { kind: 'section', text: DEFINITIONS_TITLE },
    ...figureDefinitions(f.summary).map((d) => ({ kind: 'item' as const, text: `${d.term}: ${d.text}` })),
  ];
}

/** The compliance engine lists at most this many overlapping pairs (topicOverlaps' limit). */
export const OVERLAP_LIST_CAP = 200;

export function indicatorItems(f: ReportFigures): string[] {
  const i = f.indicators;
  const notMet = f.summary.subjectCadres - f.summary.metCount;
  return [
    `Số cán bộ thuộc diện chưa đạt số ngày quy định: ${notMet}/${f.summary.subjectCadres} đồng chí.`,
    `Chuyến đi đăng ký muộn, không đăng ký trước để Thường trực phê duyệt: ${i.lateTrips}.`,
    `Cặp chuyên đề gần trùng nhau giữa các cán bộ, các Ban trong cùng quý: ${
      i.overlappingTopics >= OVERLAP_LIST_CAP ? `từ ${OVERLAP_LIST_CAP} trở lên` : i.overlappingTopics
    }.`,
    `Chuyến đã đi nhưng chưa có báo cáo kết quả: ${i.unreportedTrips}.`,
    `Phản ánh của cơ sở về vi phạm quy định khi đón đoàn (yêu cầu tổ chức hội nghị, có cán bộ cấp trung gian đi kèm, mời cấp ủy dự, để cơ sở chịu chi phí): ${i.hostRuleBreaches}.`,
    `Số tuần đơn vị cơ sở phải tiếp quá số đoàn quy định: ${i.overloadedHostWeeks}.`,
    `Kinh phí đi cơ sở: dự kiến ${vnNumber(i.estimatedCost)} đồng, thực tế ${vnNumber(i.actualCost)} đồng.`,
  ];
}

/** Sections I–III: the editable paragraphs, each followed by the figures the engine computed. */
export function reportBlocks(report: AnnualReport, province: Pick<Province, 'name' | 'kind'>): Block[] {
  const f = report.figures;
  const n = report.narrative;
  const total = f.byKind.reduce((sum, k) => sum + k.trips, 0);
  const blocks: Block[] = [
    { kind: 'section', text: `I. KẾT QUẢ THỰC HIỆN CHỦ TRƯƠNG “1+2” NĂM ${report.year}` },
    { kind: 'heading', text: '1. Việc ban hành văn bản chỉ đạo, biểu mẫu' },
    ...paragraphs(n.directives),
    { kind: 'heading', text: '2. Kết quả triển khai thực hiện các nội dung đi cơ sở' },
    {
      kind: 'paragraph',
      text:
        `Trong năm ${report.year}, cán bộ Đoàn cấp tỉnh đã thực hiện ${vnNumber(total)} chuyến đi cơ sở, gồm: ` +
        f.byKind.map((k) => `${vnNumber(k.trips)} chuyến ${KIND_LABEL[k.kind]} (${vnNumber(k.days)} ngày)`).join('; ') +
        '.',
    },
    { kind: 'heading', text: '2.1. Đi công tác cơ sở theo chuyên đề' },
    ...paragraphs(n.topics),
  ];
  if (f.topics.length > 0) blocks.push({ kind: 'paragraph', text: `Các chuyên đề đã thực hiện: ${list(f.topics)}.` });
  if (f.goodModels.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Qua đi cơ sở đã phát hiện ${f.goodModels.length} mô hình hay, cách làm hiệu quả: ${list(
        f.goodModels.map((m) => `${m.name} (${m.unitName})`),
      )}.`,
    });
  }
  blocks.push(
    { kind: 'heading', text: '2.2. Đi cơ sở phối hợp tổ chức, triển khai các hoạt động' },
    ...paragraphs(n.coordination),
  );
  if (f.activities.length > 0) blocks.push({ kind: 'paragraph', text: `Các hoạt động đã phối hợp: ${list(f.activities)}.` });
  blocks.push({ kind: 'heading', text: '2.3. Đi cơ sở thực hiện nhiệm vụ kiểm tra, giám sát' }, ...paragraphs(n.inspections));
  for (const p of f.inspectionPlans) {
    blocks.push({
      kind: 'item',
      text: `Kế hoạch “${p.title}”: ${p.teams} đoàn kiểm tra, ${p.visits} lượt về cơ sở, ${p.conclusions} báo cáo kết luận.`,
    });
  }
  if (f.inspectionTopics.length > 0) {
    blocks.push({ kind: 'paragraph', text: `Nội dung kiểm tra, giám sát: ${list(f.inspectionTopics)}.` });
  }
  blocks.push({ kind: 'paragraph', text: `Số báo cáo kết luận kiểm tra, giám sát trong năm: ${f.conclusions}.` });
  if (f.externalInspections.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Cán bộ Đoàn cấp tỉnh tham gia các Đoàn kiểm tra, giám sát của cấp trên: ${list(f.externalInspections)}.`,
    });
  }
  blocks.push(
    {
      kind: 'heading',
      text: '2.4. Dự sinh hoạt chuyên đề của hội nghị Ban Chấp hành, Ban Thường vụ đoàn cấp dưới và dự sinh hoạt chi đoàn',
    },
    ...paragraphs(n.meetings),
    { kind: 'paragraph', text: coverageSentence(f) },
    { kind: 'heading', text: '3. Thời gian thực hiện nội dung đi cơ sở theo chủ trương “1+2”' },
    ...paragraphs(n.time),
    ...timeSentences(f, province).map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'section', text: 'II. ĐÁNH GIÁ VIỆC TRIỂN KHAI THỰC HIỆN CHỦ TRƯƠNG “1+2”' },
    { kind: 'heading', text: '1. Ưu điểm' },
    ...paragraphs(n.strengths),
    {
      kind: 'item',
      text: `Tỷ lệ ngày công ở địa bàn vùng sâu, vùng xa, biên giới, hải đảo: ${vnPercent(f.summary.hardshipShare)}.`,
    },
    { kind: 'heading', text: '2. Hạn chế' },
    ...paragraphs(n.limitations),
    ...indicatorItems(f).map((text) => ({ kind: 'item' as const, text })),
    { kind: 'section', text: 'III. PHƯƠNG HƯỚNG THỰC HIỆN TRONG THỜI GIAN TỚI' },
    ...paragraphs(n.directions),
  );
  return blocks;
}

export const reportTitle = (year: number): string => `Kết quả thực hiện chủ trương đi cơ sở “1+2” năm ${year}`;
export const isDraft = (report: Pick<AnnualReport, 'status'>): boolean => report.status !== ReportStatus.FINAL;

/** A file name safe in every browser: ASCII fallback plus the Vietnamese name (RFC 5987). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
