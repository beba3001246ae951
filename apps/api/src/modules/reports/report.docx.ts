import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Province } from '../tenancy/province.entity';
import { type AnnualReport, type CentralReportRow, ReportStatus } from './report.entity';
import { centralBlocks, nationalFigures } from './report.central';
import {
  type Block,
  dateLine,
  definitionBlocks,
  isDraft,
  issuingBody,
  numberLine,
  reportBlocks,
  reportTitle,
  unionName,
  vnNumber,
  vnPercent,
  NO_DATA,
} from './report.text';

/** Twentieths of a point per millimetre: A4 and the margins of the union's document format. */
const MM = 56.7;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt header lines, 12 pt recipients. */
const BODY = 28;
const HEADER = 26;
const SMALL = 24;

type RunOptions = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number };

const run = (text: string, o: RunOptions = {}): TextRun =>
  new TextRun({
    text,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? {} : undefined,
    size: o.size ?? BODY,
    font: FONT,
  });

const centered = (text: string, o: RunOptions = {}, after = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, o)] });

const cell = (children: Paragraph[], width: number): TableCell =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA } });

/** A borderless two-column band: the header and the signature block are laid out this way. */
const band = (left: Paragraph[], right: Paragraph[], widths: [number, number]): Table =>
  new Table({
    borders: TableBorders.NONE,
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });

function bodyParagraph(block: Block): Paragraph {
  const spacing = { before: 60, after: 60, line: 312 };
  switch (block.kind) {
    case 'section':
      return new Paragraph({ spacing: { before: 180, after: 60 }, children: [run(block.text, { bold: true })] });
    case 'heading':
      return new Paragraph({
        spacing: { before: 120, after: 60 },
        indent: { firstLine: 567 },
        children: [run(block.text, { bold: true })],
      });
    case 'item':
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing,
        indent: { firstLine: 567 },
        children: [run(`- ${block.text}`)],
      });
    default:
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing,
        indent: { firstLine: 567 },
        children: [run(block.text)],
      });
  }
}

const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

function header(province: Pick<Province, 'name' | 'kind'>, report: AnnualReport, today: string): Table {
  const left = [
    centered(issuingBody(province), { size: HEADER }),
    centered('BAN THƯỜNG VỤ', { bold: true, size: HEADER }),
    centered('***', { size: HEADER }),
    centered(numberLine(report), { size: HEADER }),
  ];
  const right = [
    centered('ĐOÀN TNCS HỒ CHÍ MINH', { bold: true, underline: true, size: 30 }),
    centered('', { size: SMALL }),
    centered('', { size: SMALL }),
    centered(dateLine(report, today), { italics: true }),
  ];
  return band(left, right, [Math.round(TEXT_WIDTH * 0.47), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.47)]);
}

function signature(province: Pick<Province, 'kind'>, signerTitle: string, signerName: string): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SMALL })] }),
    new Paragraph({ children: [run('- Ban Tổ chức Trung ương Đoàn;', { size: 22 })] }),
    new Paragraph({ children: [run(`- Thường trực ${unionName(province)};`, { size: 22 })] }),
    new Paragraph({ children: [run('- Các Ban, Văn phòng;', { size: 22 })] }),
    new Paragraph({ children: [run('- Lưu VP.', { size: 22 })] }),
  ];
  const right = [
    centered('TM. BAN THƯỜNG VỤ', { bold: true }),
    centered(signerTitle.toLocaleUpperCase('vi'), { bold: true }),
    centered(''),
    centered(''),
    centered(''),
    centered(signerName, { bold: true }),
  ];
  return band(left, right, [Math.round(TEXT_WIDTH * 0.45), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.45)]);
}

const pageOf = (landscape = false): ISectionOptions['properties'] => ({
  page: {
    size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: MARGIN,
  },
});

const documentOf = (title: string, sections: ISectionOptions[]): Document =>
  new Document({
    title,
    creator: 'Cơ Sở 1+2',
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections,
  });

/** The province's annual report in the union's document format (QĐ 367-QĐ/TWĐTN-VP). */
export async function provinceReportDocx(
  province: Pick<Province, 'name' | 'kind'>,
  report: AnnualReport,
  today: string,
): Promise<Buffer> {
  const title = reportTitle(report.year);
  const children: Array<Paragraph | Table> = [
    header(province, report, today),
    centered('', {}, 120),
    centered('BÁO CÁO', { bold: true, size: 30 }),
    centered(title, { bold: true }),
  ];
  if (isDraft(report)) children.push(centered('(Dự thảo)', { italics: true }));
  children.push(centered('-----', {}, 120), ...reportBlocks(report, province).map(bodyParagraph), centered(''));
  children.push(signature(province, report.narrative.signerTitle, report.narrative.signerName));
  children.push(centered(''), ...definitionBlocks(report.figures).map(bodyParagraph));
  return Packer.toBuffer(documentOf(`${title} – ${province.name}`, [{ properties: pageOf(), children }]));
}

const tableCell = (text: string, bold = false): TableCell =>
  new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { bold, size: 22 })] })] });

export const CENTRAL_COLUMNS = [
  'STT',
  'Tỉnh, thành phố',
  'Cán bộ chuyên trách cơ quan',
  'Ủy viên BCH chuyên trách',
  'Tổng số ngày',
  'Bình quân (ngày/đồng chí)',
  'Tỷ lệ đạt',
  'Sinh hoạt chi đoàn',
  'Đăng ký muộn',
  'Chưa báo cáo',
  'Báo cáo của tỉnh',
];

export const reportStatusLabel = (row: CentralReportRow): string =>
  row.reportStatus === ReportStatus.FINAL
    ? `Số ${row.reportNumber}-BC/TĐTN`
    : row.reportStatus === ReportStatus.DRAFT
      ? 'Dự thảo'
      : 'Chưa soạn';

export function centralCells(row: CentralReportRow, index: number, provinceName: string): string[] {
  const s = row.summary;
  return [
    String(index + 1),
    provinceName,
    `${s.agencyStaff.count}/${s.agencyStaff.total}`,
    `${s.executiveMembers.count}/${s.executiveMembers.total}`,
    vnNumber(s.totalDays),
    s.hasData ? vnNumber(s.averageDays) : NO_DATA,
    s.hasData ? vnPercent(s.metShare) : NO_DATA,
    `${s.coverage.reached}/${s.coverage.total}`,
    String(s.lateTrips),
    String(s.unreportedTrips),
    reportStatusLabel(row),
  ];
}

export const CENTRAL_TABLE_TITLE = 'BIỂU TỔNG HỢP SỐ LIỆU CÁC TỈNH, THÀNH PHỐ';

/** The central union's report for a year: its narrative from the national figures, then every province side by side. */
export async function centralReportDocx(
  year: number,
  rows: CentralReportRow[],
  nameOf: (provinceId: number) => string,
  today: string,
): Promise<Buffer> {
  const [dd, mm, yyyy] = [today.slice(8, 10), today.slice(5, 7), today.slice(0, 4)];
  const left = [centered('BCH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH', { size: HEADER }), centered('***', { size: HEADER })];
  const right = [
    centered('ĐOÀN TNCS HỒ CHÍ MINH', { bold: true, underline: true, size: 30 }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [run(`Hà Nội, ngày ${dd} tháng ${mm} năm ${yyyy}`, { italics: true })],
    }),
  ];
  // Sections I–III on portrait pages, written from the national figures; the provinces' table follows, landscape.
  const narrative: Array<Paragraph | Table> = [
    band(left, right, [Math.round(TEXT_WIDTH * 0.45), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.45)]),
    centered('', {}, 120),
    centered('BÁO CÁO TỔNG HỢP', { bold: true, size: 30 }),
    centered(`Kết quả thực hiện chủ trương đi cơ sở “1+2” của các tỉnh, thành phố năm ${year}`, { bold: true }),
    centered('-----', {}, 120),
    ...centralBlocks(year, nationalFigures(rows, nameOf)).map(bodyParagraph),
  ];
  const width = A4.height - MARGIN.left - MARGIN.right;
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: CENTRAL_COLUMNS.map((c) => tableCell(c, true)) }),
      ...rows.map(
        (r, i) => new TableRow({ children: centralCells(r, i, nameOf(r.summary.provinceId)).map((c) => tableCell(c)) }),
      ),
    ],
  });
  const annex: Array<Paragraph | Table> = [
    centered(CENTRAL_TABLE_TITLE, { bold: true }),
    centered(`Năm ${year}`, { italics: true }, 120),
    table,
  ];
  return Packer.toBuffer(
    documentOf(`Tổng hợp “1+2” năm ${year}`, [
      { properties: pageOf(), children: narrative },
      { properties: pageOf(true), children: annex },
    ]),
  );
}
