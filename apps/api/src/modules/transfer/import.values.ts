import type { EntityManager } from 'typeorm';
import { formatVn } from '../../shared/dates';
import { normaliseText, textProblem, type TextKind } from '../../shared/text';
import { loadCommunes, type CommuneRecord } from '../tenancy/province.catalog';
import type { ProvinceDirectory } from '../tenancy/province.service';
import type { Unit } from '../units/unit.entity';
import { columnLetter, matchLabel, type CellValue, type SheetRow, type SheetSpec } from './import.sheets';

/** One thing wrong with the file, where the user can find it. */
export interface ImportProblem {
  sheet: string;
  row: number | null;
  /** The column's letter and header, e.g. `C (Loại đơn vị)`. */
  column: string | null;
  message: string;
}

/** Problems are all collected before anything is written; a very bad file keeps the first thousand. */
export class Problems {
  static readonly KEPT = 1000;
  readonly list: ImportProblem[] = [];
  count = 0;

  add(problem: ImportProblem): void {
    this.count += 1;
    if (this.list.length < Problems.KEPT) this.list.push(problem);
  }
}

const CODE = /^[A-Za-z0-9._-]{1,40}$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const YES = new Set(['co', 'x', 'true', '1', 'yes', 'c']);
const NO = new Set(['khong', 'false', '0', 'no', 'k']);

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1990 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** Reads one row's cells by column key; every bad cell becomes a problem with its row and column. */
export class RowReader {
  valid = true;

  constructor(
    readonly row: SheetRow,
    private readonly spec: SheetSpec,
    private readonly problems: Problems,
  ) {}

  column(key: string): string {
    const index = this.spec.columns.findIndex((c) => c.key === key);
    return `${columnLetter(index)} (${this.spec.columns[index].header})`;
  }

  problem(key: string | null, message: string): void {
    this.valid = false;
    this.problems.add({ sheet: this.row.sheet, row: this.row.row, column: key ? this.column(key) : null, message });
  }

  private raw(key: string): CellValue {
    return this.row.values[key] ?? null;
  }

  private header(key: string): string {
    return this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  private missing(key: string, required: boolean): boolean {
    if (this.raw(key) !== null) return false;
    if (required) this.problem(key, `Thiếu ${this.header(key).toLowerCase()}.`);
    return true;
  }

  /** Longer text: line breaks allowed, the same rules as the API's inputs (shared/text.ts). */
  text(key: string, options: { required?: boolean; min?: number; max: number }, kind: TextKind = 'text'): string {
    if (this.missing(key, options.required ?? false)) return '';
    const value = normaliseText(String(this.raw(key)));
    if (value.length < (options.min ?? 0) || value.length > options.max) {
      this.problem(key, `${this.header(key)} phải dài từ ${options.min ?? 1} đến ${options.max} ký tự.`);
    } else if (value !== '') {
      const problem = textProblem(value, kind);
      if (problem) this.problem(key, `${this.header(key)} ${problem}.`);
    }
    return value;
  }

  /** A name or title: one line with a visible letter or digit, as the API's inputs require. */
  name(key: string, options: { required?: boolean; min?: number; max: number }): string {
    return this.text(key, options, 'name');
  }

  code(key: string, required = true): string | null {
    if (this.missing(key, required)) return null;
    const value = String(this.raw(key)).trim();
    if (!CODE.test(value)) {
      this.problem(key, `Mã "${value}" chỉ được gồm chữ không dấu, số và . _ - (tối đa 40 ký tự).`);
      return null;
    }
    return value;
  }

  codes(key: string): string[] {
    if (this.missing(key, true)) return [];
    const parts = String(this.raw(key))
      .split(/[;,\n]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const bad = parts.find((p) => !CODE.test(p));
    if (bad) this.problem(key, `Mã "${bad}" không hợp lệ.`);
    if (parts.length === 0) this.problem(key, `Thiếu ${this.header(key).toLowerCase()}.`);
    if (parts.length > 20) this.problem(key, 'Tối đa 20 đơn vị đến một chuyến.');
    return [...new Set(parts)];
  }

  date(key: string, required: boolean): string | null {
    if (this.missing(key, required)) return null;
    const raw = this.raw(key);
    let iso: string | null = null;
    if (raw instanceof Date) {
      iso = Number.isNaN(raw.getTime()) ? null : isoDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
    } else if (typeof raw === 'number') {
      // An Excel serial day number (1900 date system).
      const date = new Date(Date.UTC(1899, 11, 30) + Math.round(raw) * 86_400_000);
      iso = isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    } else {
      const text = String(raw).trim();
      const dmy = DMY.exec(text);
      const ymd = YMD.exec(text);
      if (dmy) iso = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
      else if (ymd) iso = isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    }
    if (!iso)
      this.problem(key, `Ngày "${String(raw instanceof Date ? raw.toISOString() : raw)}" không hợp lệ; hãy ghi dd/MM/yyyy.`);
    return iso;
  }

  flag(key: string): boolean {
    const raw = this.raw(key);
    if (raw === null) return false;
    if (typeof raw === 'boolean') return raw;
    const folded = String(raw)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .trim();
    if (YES.has(folded)) return true;
    if (!NO.has(folded)) this.problem(key, `Giá trị "${String(raw)}" không hợp lệ; hãy ghi Có hoặc Không.`);
    return false;
  }

  label<K extends string>(key: string, labels: Record<K, string>): K | null {
    if (this.missing(key, true)) return null;
    const code = matchLabel(this.raw(key), labels);
    if (!code)
      this.problem(key, `"${String(this.raw(key))}" không phải giá trị hợp lệ; hãy chọn ${Object.values(labels).join(', ')}.`);
    return code;
  }

  dateOrder(fromKey: string, from: string | null, toKey: string, to: string | null): void {
    if (from && to && to < from) {
      this.problem(
        toKey,
        `${this.header(toKey)} (${formatVn(to)}) phải sau hoặc trùng ${this.header(fromKey).toLowerCase()} (${formatVn(from)}).`,
      );
    }
  }
}

export type ProvinceUnit = Pick<Unit, 'id' | 'parentId' | 'code' | 'communeCode' | 'kind' | 'name' | 'validFrom' | 'validTo'>;

/** The province's units by the codes a file may use: their own code, or their 2025 commune code. */
export class UnitIndex {
  private readonly byCode = new Map<string, ProvinceUnit>();
  private readonly byCommune = new Map<string, ProvinceUnit>();

  constructor(readonly units: ProvinceUnit[]) {
    for (const u of units) {
      if (u.code) this.byCode.set(u.code.toLowerCase(), u);
      if (u.communeCode) this.byCommune.set(u.communeCode, u);
    }
  }

  static async load(manager: EntityManager, provinceId: number): Promise<UnitIndex> {
    const units: ProvinceUnit[] = await manager.query(
      `SELECT id, parent_id AS "parentId", code, commune_code AS "communeCode", kind, name,
              valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM unit WHERE province_id = $1`,
      [provinceId],
    );
    return new UnitIndex(units);
  }

  find(code: string): ProvinceUnit | undefined {
    return this.byCode.get(code.toLowerCase()) ?? this.byCommune.get(code);
  }

  byCommuneCode(code: string): ProvinceUnit | undefined {
    return this.byCommune.get(code);
  }
}

let communes: Map<string, CommuneRecord> | undefined;
export const communeByCode = (code: string): CommuneRecord | undefined => {
  communes ??= new Map(loadCommunes().map((c) => [c.code, c]));
  return communes.get(code);
};

/** Why a unit code is not usable here: another province's commune (named), or simply unknown. */
export function unknownUnit(code: string, provinceId: number, provinces: ProvinceDirectory): string {
  const commune = communeByCode(code);
  if (commune && commune.provinceId !== provinceId) {
    const province = provinces.get(commune.provinceId);
    return `Mã "${code}" là ${commune.name} thuộc ${province?.fullName ?? 'tỉnh khác'}, không thuộc tỉnh của bạn.`;
  }
  return `Không có đơn vị mã "${code}" trong tỉnh của bạn.`;
}

/** Runs `work` for each item, letting the event loop answer other requests every `every` items. */
export async function eachYielding<T>(items: readonly T[], every: number, work: (item: T, index: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i += 1) {
    work(items[i], i);
    if ((i + 1) % every === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

export const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
