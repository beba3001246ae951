import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { registerEnumType } from 'type-graphql';
import { AppError, ErrorCode } from '../../shared/errors';
import { foldVietnamese } from '../../shared/search';
import { TransferErrorCode } from './transfer.errors';
import type { UnitKind } from '../units/unit.entity';
import type { TripKind } from '../trips/trip.entity';
import type { ExemptionKind, Gender } from '../roster/cadre.entity';

export enum ImportKind {
  UNITS = 'UNITS',
  ROSTER = 'ROSTER',
  TRIPS = 'TRIPS',
}
registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'Cây tổ chức; danh sách cán bộ kèm trường hợp miễn; chuyến đi đã thực hiện (lịch sử)',
});

export interface ColumnSpec {
  key: string;
  header: string;
  required?: boolean;
  width?: number;
  /** Shown under the header in the template's guide sheet. */
  hint?: string;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
}

export interface TemplateSpec {
  kind: ImportKind;
  fileName: string;
  sheets: SheetSpec[];
  guide: string[];
}

/**
 * What an import does with rows already there, as the import code does it (units and cadres of the same
 * code are updated, exemptions and trips already recorded are kept). The import page says the same
 * sentences (transfer.import.existing in the web app's strings); a test holds them equal.
 */
export const EXISTING_ROWS: Record<ImportKind, string> = {
  UNITS:
    'Đơn vị đã có (cùng mã) được cập nhật tên, ngày hết hiệu lực và vùng khó khăn theo tệp; loại, đơn vị cấp trên và ngày bắt đầu hiệu lực không đổi. Nhập lại cùng tệp không thay đổi gì.',
  ROSTER:
    'Cán bộ đã có (cùng mã) được cập nhật theo tệp; trường hợp miễn đã có (cùng cán bộ, loại và thời gian) được giữ nguyên. Nhập lại cùng tệp không thay đổi gì.',
  TRIPS:
    'Chuyến đi đã có (cùng cán bộ, loại, ngày và đơn vị đến) được giữ nguyên, không tạo chuyến mới. Nhập lại cùng tệp không thay đổi gì.',
};

const DATE_HINT = 'Ngày dạng dd/MM/yyyy, ví dụ 15/03/2024';
const YES_NO = 'Có / Không (để trống là Không)';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  PROVINCIAL_AGENCY: 'Cơ quan Tỉnh đoàn',
  DEPARTMENT: 'Ban',
  OFFICE: 'Văn phòng',
  DISTRICT_UNION: 'Huyện đoàn',
  AFFILIATED_UNION: 'Đoàn trực thuộc',
  COMMUNE_UNION: 'Đoàn xã/phường',
  GRASSROOTS_UNION: 'Cơ sở Đoàn',
  CHAPTER: 'Chi đoàn',
};
export const TRIP_KIND_LABELS: Record<TripKind, string> = {
  TOPIC: 'Chuyên đề',
  COORDINATION: 'Phối hợp',
  INSPECTION: 'Kiểm tra, giám sát',
  MEETING: 'Dự sinh hoạt',
};
export const EXEMPTION_KIND_LABELS: Record<ExemptionKind, string> = {
  LONG_STUDY: 'Học tập dài hạn',
  LONG_SICK_LEAVE: 'Ốm đau dài hạn',
  MATERNITY: 'Thai sản',
  OTHER: 'Khác',
};
export const GENDER_LABELS: Record<Gender, string> = { MALE: 'Nam', FEMALE: 'Nữ' };

const labelList = (labels: Record<string, string>): string => Object.values(labels).join(' / ');

export const TEMPLATES: Record<ImportKind, TemplateSpec> = {
  [ImportKind.UNITS]: {
    kind: ImportKind.UNITS,
    fileName: 'mau-cay-to-chuc.xlsx',
    sheets: [
      {
        name: 'Đơn vị',
        columns: [
          {
            key: 'code',
            header: 'Mã đơn vị',
            required: true,
            width: 14,
            hint: 'Chữ, số, dấu . _ - (tối đa 40 ký tự), không trùng trong tỉnh',
          },
          { key: 'name', header: 'Tên đơn vị', required: true, width: 36 },
          { key: 'kind', header: 'Loại đơn vị', required: true, width: 20, hint: labelList(UNIT_KIND_LABELS) },
          {
            key: 'parent',
            header: 'Mã đơn vị cấp trên',
            width: 18,
            hint: 'Mã trong tệp hoặc đã có; trống với Cơ quan Tỉnh đoàn',
          },
          {
            key: 'commune',
            header: 'Mã xã/phường (2025)',
            width: 18,
            hint: 'Theo danh mục hành chính 2025, phải thuộc tỉnh của bạn',
          },
          { key: 'validFrom', header: 'Hiệu lực từ', required: true, width: 14, hint: DATE_HINT },
          { key: 'validTo', header: 'Hiệu lực đến', width: 14, hint: DATE_HINT },
          { key: 'remote', header: 'Vùng sâu, vùng xa', width: 12, hint: YES_NO },
          { key: 'border', header: 'Biên giới', width: 10, hint: YES_NO },
          { key: 'island', header: 'Hải đảo', width: 10, hint: YES_NO },
        ],
      },
    ],
    guide: ['Mỗi dòng một đơn vị.', EXISTING_ROWS.UNITS],
  },
  [ImportKind.ROSTER]: {
    kind: ImportKind.ROSTER,
    fileName: 'mau-danh-sach-can-bo.xlsx',
    sheets: [
      {
        name: 'Cán bộ',
        columns: [
          { key: 'code', header: 'Mã cán bộ', required: true, width: 14, hint: 'Không trùng trong tỉnh' },
          { key: 'fullName', header: 'Họ và tên', required: true, width: 28 },
          { key: 'gender', header: 'Giới tính', required: true, width: 10, hint: labelList(GENDER_LABELS) },
          { key: 'position', header: 'Chức vụ', width: 22 },
          { key: 'department', header: 'Mã Ban/Văn phòng', width: 18, hint: 'Mã đơn vị của Ban/Văn phòng đã có' },
          { key: 'agencyStaff', header: 'Chuyên trách cơ quan', width: 14, hint: YES_NO },
          { key: 'executiveMember', header: 'Ủy viên BCH chuyên trách', width: 14, hint: YES_NO },
          { key: 'term', header: 'Khóa', width: 20, hint: 'Ví dụ Khóa XII 2017–2022' },
          { key: 'subjectFrom', header: 'Thuộc diện từ', required: true, width: 14, hint: DATE_HINT },
          { key: 'subjectTo', header: 'Thuộc diện đến', width: 14, hint: DATE_HINT },
        ],
      },
      {
        name: 'Miễn',
        columns: [
          { key: 'cadre', header: 'Mã cán bộ', required: true, width: 14, hint: 'Mã trong trang Cán bộ hoặc đã có' },
          { key: 'kind', header: 'Loại miễn', required: true, width: 18, hint: labelList(EXEMPTION_KIND_LABELS) },
          { key: 'startDate', header: 'Từ ngày', required: true, width: 14, hint: DATE_HINT },
          { key: 'endDate', header: 'Đến ngày', required: true, width: 14, hint: DATE_HINT },
          { key: 'approvedBy', header: 'Cấp phê duyệt', required: true, width: 24 },
          { key: 'note', header: 'Ghi chú', width: 30 },
        ],
      },
    ],
    guide: [
      'Trang "Cán bộ": mỗi dòng một cán bộ. Trang "Miễn": mỗi dòng một trường hợp miễn; học tập dài hạn chỉ được miễn từ 6 tháng trở lên.',
      EXISTING_ROWS.ROSTER,
    ],
  },
  [ImportKind.TRIPS]: {
    kind: ImportKind.TRIPS,
    fileName: 'mau-chuyen-di-lich-su.xlsx',
    sheets: [
      {
        name: 'Chuyến đi',
        columns: [
          { key: 'cadre', header: 'Mã cán bộ', required: true, width: 14, hint: 'Cán bộ đã có trong danh sách' },
          { key: 'kind', header: 'Loại chuyến đi', required: true, width: 18, hint: labelList(TRIP_KIND_LABELS) },
          { key: 'title', header: 'Tên chuyến đi', required: true, width: 36 },
          { key: 'startDate', header: 'Từ ngày', required: true, width: 14, hint: DATE_HINT },
          { key: 'endDate', header: 'Đến ngày', required: true, width: 14, hint: DATE_HINT },
          {
            key: 'destinations',
            header: 'Mã đơn vị đến',
            required: true,
            width: 22,
            hint: 'Một hoặc nhiều mã, cách nhau bởi dấu ;',
          },
          { key: 'purpose', header: 'Mục đích', width: 30 },
          { key: 'travelOrderNo', header: 'Số công lệnh', width: 16 },
        ],
      },
    ],
    guide: [
      'Chuyến đi đã thực hiện (đã kết thúc trước hôm nay), được ghi nhận là đã báo cáo và được chấp nhận.',
      EXISTING_ROWS.TRIPS,
    ],
  },
};

export const isImportKind = (value: string): value is ImportKind => value in TEMPLATES;

/** The template workbook: the header row, a frozen pane, text-formatted cells and a guide sheet. */
export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  const spec = TEMPLATES[kind];
  const book = new ExcelJS.Workbook();
  book.creator = 'Cơ Sở 1+2';
  for (const sheetSpec of spec.sheets) {
    const sheet = book.addWorksheet(sheetSpec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = sheetSpec.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? 16,
      style: { numFmt: '@' },
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
  }
  const guide = book.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 28 }, { width: 12 }, { width: 80 }];
  guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi']).font = { bold: true };
  for (const sheetSpec of spec.sheets) {
    guide.addRow([`Trang "${sheetSpec.name}"`]).font = { italic: true };
    for (const c of sheetSpec.columns) guide.addRow([c.header, c.required ? 'Có' : '', c.hint ?? '']);
  }
  guide.addRow([]);
  for (const line of spec.guide) guide.addRow([line]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  sheet: string;
  /** The row number as Excel shows it. */
  row: number;
  values: Record<string, CellValue>;
}

export interface ReadEvent {
  type: 'header' | 'row';
  sheet: string;
  row?: SheetRow;
}

const normalizeHeader = (text: string): string =>
  text.normalize('NFC').replace(/\*+$/, '').replace(/\s+/g, ' ').trim().toLowerCase();

function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') return raw.normalize('NFC');
  if (typeof raw === 'object') {
    const o = raw as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join('')
        .normalize('NFC');
    if ('result' in o) return cellValue(o.result);
    if (typeof o.text === 'string') return o.text.normalize('NFC');
    if (o.error) return null;
  }
  return typeof raw === 'bigint' ? raw.toString() : null;
}

const corrupt = (): AppError =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    'Tệp không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Hãy tải mẫu và lưu lại dạng .xlsx.',
    {
      reason: TransferErrorCode.FILE_CORRUPT,
      field: 'file',
    },
  );

export const wrongTemplate = (spec: TemplateSpec, detail: string): AppError =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    `Tệp không đúng mẫu "${spec.fileName}": ${detail} Hãy tải mẫu mới và nhập dữ liệu vào đó.`,
    { reason: TransferErrorCode.WRONG_TEMPLATE, field: 'file' },
  );

/** An .xlsx file is a ZIP archive: anything else is refused before parsing. */
export function assertXlsxSignature(buffer: Buffer): void {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw corrupt();
}

/**
 * Reads the workbook as a stream, sheet by sheet and row by row: a `header` event once a sheet's
 * header row matched its template, then its non-empty rows. The first sheet must be the template's;
 * sheets the template does not name (the guide) are skipped. `onBytes` reports how much was read.
 */
export async function* readWorkbook(
  buffer: Buffer,
  spec: TemplateSpec,
  onBytes: (read: number) => void,
): AsyncGenerator<ReadEvent> {
  const chunkSize = 64 * 1024;
  let read = 0;
  const source = Readable.from(
    (function* chunks() {
      for (let at = 0; at < buffer.length; at += chunkSize) {
        const chunk = buffer.subarray(at, at + chunkSize);
        read += chunk.length;
        onBytes(read);
        yield chunk;
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen = new Set<string>();
  let first = true;
  try {
    for await (const worksheet of reader) {
      const name = String((worksheet as unknown as { name: string }).name).normalize('NFC');
      const sheetSpec = spec.sheets.find((s) => normalizeHeader(s.name) === normalizeHeader(name));
      if (first && sheetSpec !== spec.sheets[0]) {
        throw wrongTemplate(spec, `trang đầu tiên phải là "${spec.sheets[0].name}" (tệp có trang "${name}").`);
      }
      first = false;
      if (!sheetSpec || seen.has(sheetSpec.name)) {
        for await (const _row of worksheet) void _row;
        continue;
      }
      seen.add(sheetSpec.name);
      let headerSeen = false;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as unknown[]) ?? [];
        if (!headerSeen) {
          checkHeader(spec, sheetSpec, cells);
          headerSeen = true;
          yield { type: 'header', sheet: sheetSpec.name };
          continue;
        }
        const values: Record<string, CellValue> = {};
        let empty = true;
        sheetSpec.columns.forEach((column, i) => {
          const value = cellValue(cells[i + 1]);
          const blank = value === null || (typeof value === 'string' && value.trim() === '');
          values[column.key] = blank ? null : value;
          if (!blank) empty = false;
        });
        if (!empty) yield { type: 'row', sheet: sheetSpec.name, row: { sheet: sheetSpec.name, row: row.number, values } };
      }
      if (!headerSeen) throw wrongTemplate(spec, `trang "${sheetSpec.name}" không có dòng tiêu đề.`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupt();
  }
  if (first) throw corrupt();
  const missing = spec.sheets.filter((s) => !seen.has(s.name));
  if (missing.length > 0) throw wrongTemplate(spec, `thiếu trang ${missing.map((s) => `"${s.name}"`).join(', ')}.`);
}

function checkHeader(spec: TemplateSpec, sheet: SheetSpec, cells: unknown[]): void {
  const found = sheet.columns.map((_, i) => {
    const v = cellValue(cells[i + 1]);
    return v === null ? '' : String(v);
  });
  const wrong = sheet.columns.findIndex((c, i) => normalizeHeader(found[i]) !== normalizeHeader(c.header));
  if (wrong >= 0) {
    const column = sheet.columns[wrong];
    throw wrongTemplate(
      spec,
      `trang "${sheet.name}", cột ${columnLetter(wrong)} phải là "${column.header}" (tệp ghi "${found[wrong]}").`,
    );
  }
}

export const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Matches a cell against labels (with or without diacritics) or the codes themselves. */
export function matchLabel<K extends string>(value: CellValue, labels: Record<K, string>): K | null {
  if (value === null) return null;
  const folded = foldVietnamese(String(value));
  const codes = Object.keys(labels) as K[];
  return codes.find((code) => folded === foldVietnamese(labels[code]) || folded === code.toLowerCase()) ?? null;
}
