import { randomUUID } from 'node:crypto';
import { addDays, formatVn } from '../../shared/dates';
import { AGENCY_KINDS } from '../units/unit.entity';
import { EXEMPTION_KIND_LABELS, GENDER_LABELS, ImportKind, TEMPLATES, type SheetRow } from './import.sheets';
import { RowReader, UnitIndex, chunks, eachYielding, unknownUnit } from './import.values';
import type { ImportContext, ImportPlan } from './import.plan';
import { ExemptionKind, type Cadre, type Exemption } from '../roster/cadre.entity';

const [cadreSheet, exemptionSheet] = TEMPLATES[ImportKind.ROSTER].sheets;

type CadreRow = Pick<
  Cadre,
  | 'id'
  | 'code'
  | 'fullName'
  | 'gender'
  | 'position'
  | 'departmentId'
  | 'agencyStaff'
  | 'executiveMember'
  | 'term'
  | 'subjectFrom'
  | 'subjectTo'
>;

type ExemptionRow = Pick<Exemption, 'cadreId' | 'kind' | 'startDate' | 'endDate' | 'approvedBy' | 'note'>;

function sixMonthsLater(start: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return addDays(d.toISOString().slice(0, 10), -1);
}

/**
 * The roster and its exemptions: a cadre known by code takes what the file says (its version moves on, so
 * an edit open on screen meets a conflict rather than overwriting); an identical exemption is not added twice.
 */
export async function planRoster(ctx: ImportContext, rows: SheetRow[]): Promise<ImportPlan> {
  const units = await UnitIndex.load(ctx.manager, ctx.provinceId);
  const existing: Array<Pick<Cadre, 'id' | 'code'>> = await ctx.manager.query(
    'SELECT id, code FROM cadre WHERE province_id = $1',
    [ctx.provinceId],
  );
  const existingByCode = new Map<string, string>();
  for (const c of existing) if (c.code) existingByCode.set(c.code.toLowerCase(), c.id);
  const cadres: CadreRow[] = [];
  const known: CadreRow[] = [];
  const fileCodes = new Map<string, { row: number; id: string }>();
  let skipped = 0;

  await eachYielding(
    rows.filter((r) => r.sheet === cadreSheet.name),
    500,
    (row) => {
      const r = new RowReader(row, cadreSheet, ctx.problems);
      const code = r.code('code');
      const fullName = r.name('fullName', { required: true, min: 2, max: 120 });
      const gender = r.label('gender', GENDER_LABELS);
      const position = r.name('position', { max: 200 });
      const departmentCode = r.code('department', false);
      const agencyStaff = r.flag('agencyStaff');
      const executiveMember = r.flag('executiveMember');
      const term = r.name('term', { max: 100 }) || null;
      const subjectFrom = r.date('subjectFrom', true);
      const subjectTo = r.date('subjectTo', false);
      r.dateOrder('subjectFrom', subjectFrom, 'subjectTo', subjectTo);
      if (!agencyStaff && !executiveMember) {
        r.problem(
          'agencyStaff',
          'Cán bộ phải là cán bộ chuyên trách cơ quan hoặc Ủy viên BCH chuyên trách (ghi "Có" ở một trong hai cột).',
        );
      }
      let departmentId: string | null = null;
      if (departmentCode) {
        const unit = units.find(departmentCode);
        if (!unit) r.problem('department', unknownUnit(departmentCode, ctx.provinceId, ctx.provinces));
        else if (!AGENCY_KINDS.includes(unit.kind))
          r.problem('department', `"${unit.name}" không phải Ban/Văn phòng của cơ quan Tỉnh đoàn.`);
        else departmentId = unit.id;
      }
      if (!code) return;
      const earlier = fileCodes.get(code.toLowerCase());
      if (earlier) {
        r.problem('code', `Mã "${code}" trùng với dòng ${earlier.row}.`);
        return;
      }
      const existingId = existingByCode.get(code.toLowerCase());
      const id = existingId ?? randomUUID();
      fileCodes.set(code.toLowerCase(), { row: row.row, id });
      if (!r.valid || !gender || !subjectFrom) return;
      (existingId ? known : cadres).push({
        id,
        code,
        fullName,
        gender,
        position,
        departmentId,
        agencyStaff,
        executiveMember,
        term,
        subjectFrom,
        subjectTo,
      });
    },
  );

  const exemptionRows = rows.filter((r) => r.sheet === exemptionSheet.name);
  const recorded: Array<Pick<Exemption, 'cadreId' | 'kind' | 'startDate' | 'endDate'>> = await ctx.manager.query(
    `SELECT cadre_id AS "cadreId", kind, start_date::text AS "startDate", end_date::text AS "endDate"
     FROM exemption WHERE province_id = $1`,
    [ctx.provinceId],
  );
  const periods = new Map<string, Array<{ kind: ExemptionKind; start: string; end: string; row: number | null }>>();
  for (const e of recorded) {
    const list = periods.get(e.cadreId) ?? [];
    list.push({ kind: e.kind, start: e.startDate, end: e.endDate, row: null });
    periods.set(e.cadreId, list);
  }
  const exemptions: ExemptionRow[] = [];
  await eachYielding(exemptionRows, 500, (row) => {
    const r = new RowReader(row, exemptionSheet, ctx.problems);
    const code = r.code('cadre');
    const kind = r.label('kind', EXEMPTION_KIND_LABELS);
    const startDate = r.date('startDate', true);
    const endDate = r.date('endDate', true);
    const approvedBy = r.name('approvedBy', { required: true, min: 1, max: 200 });
    const note = r.text('note', { max: 2000 });
    r.dateOrder('startDate', startDate, 'endDate', endDate);
    if (kind === ExemptionKind.LONG_STUDY && startDate && endDate && endDate < sixMonthsLater(startDate)) {
      r.problem('endDate', 'Học tập dài hạn chỉ được miễn khi thời gian học từ 6 tháng trở lên.');
    }
    const cadreId = code ? (fileCodes.get(code.toLowerCase())?.id ?? existingByCode.get(code.toLowerCase())) : undefined;
    if (code && !cadreId) r.problem('cadre', `Không có cán bộ mã "${code}" trong tệp hoặc trong tỉnh của bạn.`);
    if (!r.valid || !cadreId || !kind || !startDate || !endDate) return;
    const list = periods.get(cadreId) ?? [];
    const same = list.find((p) => p.kind === kind && p.start === startDate && p.end === endDate);
    if (same && same.row === null) {
      skipped += 1;
      return;
    }
    const clash = list.find((p) => p.start <= endDate && p.end >= startDate);
    if (clash) {
      r.problem(
        'startDate',
        `Trùng thời gian với trường hợp miễn ${formatVn(clash.start)}–${formatVn(clash.end)}${clash.row ? ` ở dòng ${clash.row}` : ' đã ghi nhận'}.`,
      );
      return;
    }
    list.push({ kind, start: startDate, end: endDate, row: row.row });
    periods.set(cadreId, list);
    exemptions.push({ cadreId, kind, startDate, endDate, approvedBy, note });
  });

  return {
    total: rows.length,
    skipped,
    apply: async (progress) => {
      let created = 0;
      const touched = new Map<number, Set<string>>();
      const touch = (cadreId: string, from: number, to: number) => {
        for (let year = from; year <= to; year += 1) {
          const set = touched.get(year) ?? new Set<string>();
          set.add(cadreId);
          touched.set(year, set);
        }
      };
      const updated = await updateCadres(ctx, known, progress);
      const thisYear = Number(ctx.today.slice(0, 4));
      for (const c of updated) touch(c.id, Math.min(Number(c.subjectFrom.slice(0, 4)), thisYear), thisYear);
      for (const chunk of chunks(cadres, 500)) {
        const inserted: unknown[] = await ctx.manager.query(
          `INSERT INTO cadre (province_id, id, code, full_name, gender, position, department_id, agency_staff, executive_member,
                              term, subject_from, subject_to)
           SELECT $1, x.id, x.code, x.full_name, x.gender, x.position, x.department_id, x.agency_staff, x.executive_member,
                  x.term, x.subject_from, x.subject_to
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::boolean[], $9::boolean[],
                       $10::text[], $11::date[], $12::date[])
             AS x(id, code, full_name, gender, position, department_id, agency_staff, executive_member, term, subject_from, subject_to)
           ON CONFLICT (province_id, code) WHERE code IS NOT NULL DO NOTHING
           RETURNING 1`,
          [
            ctx.provinceId,
            chunk.map((c) => c.id),
            chunk.map((c) => c.code),
            chunk.map((c) => c.fullName),
            chunk.map((c) => c.gender),
            chunk.map((c) => c.position),
            chunk.map((c) => c.departmentId),
            chunk.map((c) => c.agencyStaff),
            chunk.map((c) => c.executiveMember),
            chunk.map((c) => c.term),
            chunk.map((c) => c.subjectFrom),
            chunk.map((c) => c.subjectTo),
          ],
        );
        created += inserted.length;
        await progress(chunk.length);
      }
      for (const chunk of chunks(exemptions, 500)) {
        const inserted: unknown[] = await ctx.manager.query(
          `INSERT INTO exemption (province_id, id, cadre_id, kind, start_date, end_date, approved_by, note, created_by)
           SELECT $1, gen_random_uuid(), x.cadre_id, x.kind, x.start_date, x.end_date, x.approved_by, x.note, $2
           FROM unnest($3::uuid[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[])
             AS x(cadre_id, kind, start_date, end_date, approved_by, note)
           RETURNING 1`,
          [
            ctx.provinceId,
            ctx.userId,
            chunk.map((e) => e.cadreId),
            chunk.map((e) => e.kind),
            chunk.map((e) => e.startDate),
            chunk.map((e) => e.endDate),
            chunk.map((e) => e.approvedBy),
            chunk.map((e) => e.note),
          ],
        );
        created += inserted.length;
        await progress(chunk.length);
      }
      for (const e of exemptions) touch(e.cadreId, Number(e.startDate.slice(0, 4)), Number(e.endDate.slice(0, 4)));
      return {
        created,
        updated: updated.length,
        skipped: skipped + known.length - updated.length + cadres.length + exemptions.length - created,
        touched,
      };
    },
  };
}

/** Writes what the file says of cadres already there; rows saying nothing new are left untouched. */
async function updateCadres(
  ctx: ImportContext,
  known: CadreRow[],
  progress: (rows: number) => Promise<void>,
): Promise<CadreRow[]> {
  const changed: CadreRow[] = [];
  for (const chunk of chunks(known, 500)) {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [Array<Pick<Cadre, 'id'>>, number] = await ctx.manager.query(
      `UPDATE cadre c SET full_name = x.full_name, gender = x.gender, position = x.position, department_id = x.department_id,
              agency_staff = x.agency_staff, executive_member = x.executive_member, term = x.term,
              subject_from = x.subject_from, subject_to = x.subject_to, version = c.version + 1
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::boolean[], $8::boolean[], $9::text[],
                   $10::date[], $11::date[])
         AS x(id, full_name, gender, position, department_id, agency_staff, executive_member, term, subject_from, subject_to)
       WHERE c.province_id = $1 AND c.id = x.id
         AND (c.full_name, c.gender, c.position, c.department_id, c.agency_staff, c.executive_member, c.term, c.subject_from,
              c.subject_to)
             IS DISTINCT FROM (x.full_name, x.gender, x.position, x.department_id, x.agency_staff, x.executive_member, x.term,
              x.subject_from, x.subject_to)
       RETURNING c.id`,
      [
        ctx.provinceId,
        chunk.map((c) => c.id),
        chunk.map((c) => c.fullName),
        chunk.map((c) => c.gender),
        chunk.map((c) => c.position),
        chunk.map((c) => c.departmentId),
        chunk.map((c) => c.agencyStaff),
        chunk.map((c) => c.executiveMember),
        chunk.map((c) => c.term),
        chunk.map((c) => c.subjectFrom),
        chunk.map((c) => c.subjectTo),
      ],
    );
    const ids = new Set(rows.map((r) => r.id));
    changed.push(...chunk.filter((c) => ids.has(c.id)));
    await progress(chunk.length);
  }
  return changed;
}
