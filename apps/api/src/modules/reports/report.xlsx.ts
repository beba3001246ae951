import ExcelJS from 'exceljs';
import { type AnnualReport, type CentralReportRow, ReportStatus } from './report.entity';
import { CENTRAL_COLUMNS, reportStatusLabel } from './report.docx';
import { CATEGORY_LABEL, NO_DATA, STATUS_LABEL } from './report.text';
import { figureDefinitions } from '../compliance/compliance.definitions';

export const ANNEX_COLUMNS = [
  'STT',
  'Họ và tên',
  'Ban, Văn phòng',
  'Diện',
  'Tổng số ngày',
  'Chuyên đề',
  'Phối hợp',
  'Kiểm tra, giám sát',
  'Dự sinh hoạt',
  'Số ngày phải đi',
  'Kết quả',
];

function workbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Cơ Sở 1+2';
  return book;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: 'Times New Roman', bold: true, size: 12 };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

/** The annex: one row per subject cadre, with the engine's days by kind and status. The header is row 1. */
export async function annexXlsx(report: AnnualReport, provinceName: string): Promise<Buffer> {
  const book = workbook();
  const sheet = book.addWorksheet('Phụ lục', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape' },
  });
  sheet.columns = ANNEX_COLUMNS.map((header, i) => ({ header, width: [6, 28, 26, 28, 10, 10, 10, 12, 10, 12, 18][i] }));
  styleHeader(sheet.getRow(1));
  report.figures.cadres.forEach((c, i) => {
    sheet.addRow([
      i + 1,
      c.fullName,
      c.departmentName ?? '',
      CATEGORY_LABEL[c.category],
      c.countedDays,
      c.byKind.topic,
      c.byKind.coordination,
      c.byKind.inspection,
      c.byKind.meeting,
      c.requiredDays,
      STATUS_LABEL[c.status],
    ]).font = { name: 'Times New Roman', size: 12 };
  });
  const s = report.figures.summary;
  const info = book.addWorksheet('Tổng hợp');
  info.columns = [{ width: 44 }, { width: 20 }];
  info.addRows([
    ['Tỉnh', provinceName],
    ['Năm', report.year],
    ['Trạng thái', report.status === ReportStatus.FINAL ? `Đã ban hành, số ${report.number}-BC/TĐTN` : 'Dự thảo'],
    ['Cán bộ chuyên trách cơ quan thuộc diện', `${s.agencyStaff.count}/${s.agencyStaff.total}`],
    ['Ủy viên BCH chuyên trách thuộc diện', `${s.executiveMembers.count}/${s.executiveMembers.total}`],
    ['Tổng số ngày', s.totalDays],
    ['Bình quân ngày/đồng chí', s.averageDays],
    ['Tỷ lệ đạt', s.metShare],
    ['Dự sinh hoạt chi đoàn', `${s.coverage.reached}/${s.coverage.total}`],
  ]);
  info.getCell('B8').numFmt = '0.00%';
  if (s.exemptDays > 0) info.addRow(['Ngày của cán bộ được miễn cả kỳ (không tính vào tổng)', s.exemptDays]);
  const how = book.addWorksheet('Cách tính số liệu');
  how.columns = [{ width: 36 }, { width: 120 }];
  for (const d of figureDefinitions(s)) how.addRow([d.term, d.text]).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every province side by side (one row each), the header in row 1. */
export async function centralXlsx(
  year: number,
  rows: CentralReportRow[],
  nameOf: (provinceId: number) => string,
): Promise<Buffer> {
  const book = workbook();
  const sheet = book.addWorksheet(`Năm ${year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CENTRAL_COLUMNS.map((header, i) => ({ header, width: i === 1 ? 24 : 14 }));
  styleHeader(sheet.getRow(1));
  rows.forEach((r, i) => {
    const s = r.summary;
    sheet.addRow([
      i + 1,
      nameOf(s.provinceId),
      `${s.agencyStaff.count}/${s.agencyStaff.total}`,
      `${s.executiveMembers.count}/${s.executiveMembers.total}`,
      s.totalDays,
      s.hasData ? s.averageDays : NO_DATA,
      s.hasData ? s.metShare : NO_DATA,
      `${s.coverage.reached}/${s.coverage.total}`,
      s.lateTrips,
      s.unreportedTrips,
      reportStatusLabel(r),
    ]);
    sheet.getCell(i + 2, 7).numFmt = '0.00%';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
