import { randomUUID } from 'node:crypto';
import { formatVn } from '../../shared/dates';
import { TEMPLATES, ImportKind, UNIT_KIND_LABELS, type SheetRow } from './import.sheets';
import { RowReader, UnitIndex, chunks, communeByCode, eachYielding, unknownUnit, type ProvinceUnit } from './import.values';
import type { ImportContext, ImportPlan } from './import.plan';
import { UnitKind, type Unit } from '../units/unit.entity';

/** A unit as a file's row gives it: its code and its parent's code, the parent's id once found. */
type UnitRow = Pick<Unit, 'id' | 'name' | 'kind' | 'communeCode' | 'validFrom' | 'validTo' | 'remote' | 'border' | 'island'> &
  Partial<Pick<Unit, 'parentId'>> & {
    reader: RowReader;
    code: string;
    parentCode: string | null;
  };

const sheet = TEMPLATES[ImportKind.UNITS].sheets[0];

/**
 * The unit tree: a row whose code exists updates that unit's name, end of validity and hardship flags,
 * what the unit tree page may change too (its version moves on, so an edit open on screen meets a
 * conflict); its kind, parent and start of validity stay, and a file saying otherwise is refused on that
 * row. A row naming a commune that exists without a code gives that unit its code. Parents may be earlier
 * or later rows, or units already there.
 */
export async function planUnits(ctx: ImportContext, rows: SheetRow[]): Promise<ImportPlan> {
  const index = await UnitIndex.load(ctx.manager, ctx.provinceId);
  const parsed: UnitRow[] = [];
  const seen = new Map<string, number>();
  await eachYielding(rows, 500, (row) => {
    const r = new RowReader(row, sheet, ctx.problems);
    const code = r.code('code');
    const name = r.name('name', { required: true, min: 1, max: 200 });
    const kind = r.label('kind', UNIT_KIND_LABELS);
    const parentCode = r.code('parent', false);
    const communeCode = r.code('commune', false);
    const validFrom = r.date('validFrom', true);
    const validTo = r.date('validTo', false);
    r.dateOrder('validFrom', validFrom, 'validTo', validTo);
    const flags = { remote: r.flag('remote'), border: r.flag('border'), island: r.flag('island') };
    if (code) {
      const earlier = seen.get(code.toLowerCase());
      if (earlier) r.problem('code', `Mã "${code}" trùng với dòng ${earlier}.`);
      else seen.set(code.toLowerCase(), row.row);
    }
    const commune = communeCode ? communeByCode(communeCode) : undefined;
    if (communeCode && !commune) {
      r.problem('commune', `Không có xã/phường mã "${communeCode}" trong danh mục hành chính 2025.`);
    } else if (communeCode && commune && commune.provinceId !== ctx.provinceId) {
      r.problem('commune', unknownUnit(communeCode, ctx.provinceId, ctx.provinces));
    }
    const root = kind === UnitKind.PROVINCIAL_AGENCY;
    if (root && parentCode) r.problem('parent', 'Cơ quan Tỉnh đoàn là gốc, không có đơn vị cấp trên.');
    if (kind && !root && !parentCode) r.problem('parent', 'Cần mã đơn vị cấp trên.');
    if (!r.valid || !code || !kind || !validFrom) return;
    parsed.push({ id: randomUUID(), reader: r, code, name, kind, parentCode, communeCode, validFrom, validTo, ...flags });
  });

  const inFile = new Map(parsed.map((u) => [u.code.toLowerCase(), u]));
  const toCreate: UnitRow[] = [];
  const toUpdate: Array<{ row: UnitRow; unit: ProvinceUnit }> = [];
  const toLink: Array<{ id: string; code: string }> = [];
  for (const u of parsed) {
    const existing = index.find(u.code);
    if (existing?.code?.toLowerCase() === u.code.toLowerCase()) {
      u.id = existing.id;
      toUpdate.push({ row: u, unit: existing });
      continue;
    }
    const commune = u.communeCode ? index.byCommuneCode(u.communeCode) : undefined;
    if (commune) {
      if (commune.code) u.reader.problem('commune', `Xã/phường này đã có trong cây tổ chức với mã "${commune.code}".`);
      u.id = commune.id;
      toLink.push({ id: commune.id, code: u.code });
      continue;
    }
    if (existing) {
      u.reader.problem('code', `Mã "${u.code}" đã là mã xã/phường của đơn vị "${existing.name}".`);
      continue;
    }
    toCreate.push(u);
  }
  for (const u of toCreate) {
    if (!u.parentCode) {
      u.parentId = null;
      continue;
    }
    const parentInFile = inFile.get(u.parentCode.toLowerCase());
    const parent = parentInFile ? null : index.find(u.parentCode);
    if (parentInFile) {
      u.parentId = parentInFile.id;
    } else if (parent) {
      u.parentId = parent.id;
      if (parent.validTo && parent.validTo < u.validFrom) {
        u.reader.problem('parent', `Đơn vị cấp trên "${parent.name}" đã hết hiệu lực từ ${formatVn(parent.validTo)}.`);
      }
    } else {
      u.reader.problem('parent', unknownUnit(u.parentCode, ctx.provinceId, ctx.provinces));
    }
  }
  const byId = new Map(index.units.map((u) => [u.id, u]));
  for (const { row: u, unit } of toUpdate) {
    const named = `Đơn vị "${unit.name}"`;
    if (u.kind !== unit.kind) {
      u.reader.problem('kind', `${named} đã có với loại "${UNIT_KIND_LABELS[unit.kind]}"; không đổi loại đơn vị qua tệp.`);
    }
    if (u.validFrom !== unit.validFrom) {
      u.reader.problem('validFrom', `${named} có hiệu lực từ ${formatVn(unit.validFrom)}; không đổi ngày này qua tệp.`);
    }
    const parent = u.parentCode ? (inFile.get(u.parentCode.toLowerCase()) ?? index.find(u.parentCode)) : null;
    if (u.parentCode && !parent) {
      u.reader.problem('parent', unknownUnit(u.parentCode, ctx.provinceId, ctx.provinces));
    } else if ((parent?.id ?? null) !== unit.parentId) {
      const current = unit.parentId ? byId.get(unit.parentId) : undefined;
      u.reader.problem(
        'parent',
        current
          ? `${named} đang trực thuộc "${current.name}"; không đổi đơn vị cấp trên qua tệp.`
          : `${named} là gốc cây tổ chức; không đổi đơn vị cấp trên qua tệp.`,
      );
    }
  }
  const ordered = treeOrder(toCreate);

  return {
    total: rows.length,
    skipped: 0,
    apply: async (progress) => {
      const updated = await updateUnits(
        ctx,
        toUpdate.map((u) => u.row),
        progress,
      );
      for (const link of toLink) {
        await ctx.manager.query('UPDATE unit SET code = $3 WHERE province_id = $1 AND id = $2 AND code IS NULL', [
          ctx.provinceId,
          link.id,
          link.code,
        ]);
      }
      let created = 0;
      for (const chunk of chunks(ordered, 500)) {
        const inserted: unknown[] = await ctx.manager.query(
          `INSERT INTO unit (province_id, id, parent_id, kind, name, code, commune_code, valid_from, valid_to, remote, border, island)
           SELECT $1, x.id, x.parent_id, x.kind, x.name, x.code, x.commune_code, x.valid_from, x.valid_to, x.remote, x.border, x.island
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[],
                       $10::boolean[], $11::boolean[], $12::boolean[])
             AS x(id, parent_id, kind, name, code, commune_code, valid_from, valid_to, remote, border, island)
           ON CONFLICT (province_id, code) WHERE code IS NOT NULL DO NOTHING
           RETURNING 1`,
          [
            ctx.provinceId,
            chunk.map((u) => u.id),
            chunk.map((u) => u.parentId ?? null),
            chunk.map((u) => u.kind),
            chunk.map((u) => u.name),
            chunk.map((u) => u.code),
            chunk.map((u) => u.communeCode),
            chunk.map((u) => u.validFrom),
            chunk.map((u) => u.validTo),
            chunk.map((u) => u.remote),
            chunk.map((u) => u.border),
            chunk.map((u) => u.island),
          ],
        );
        created += inserted.length;
        await progress(chunk.length);
      }
      return {
        created: created + toLink.length,
        updated,
        skipped: toUpdate.length - updated + ordered.length - created,
      };
    },
  };
}

/** Parents before children; a cycle in the file is a problem on each row in it. */
function treeOrder(units: UnitRow[]): UnitRow[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const done = new Set<string>();
  const ordered: UnitRow[] = [];
  for (const start of units) {
    const path: UnitRow[] = [];
    let current: UnitRow | undefined = start;
    while (current && !done.has(current.id)) {
      if (path.includes(current)) {
        for (const u of path.slice(path.indexOf(current))) {
          u.reader.problem('parent', 'Các đơn vị cấp trên tạo thành vòng lặp.');
          done.add(u.id);
        }
        break;
      }
      path.push(current);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    for (const u of path.reverse()) {
      if (done.has(u.id)) continue;
      done.add(u.id);
      ordered.push(u);
    }
  }
  return ordered;
}

/** Writes what the file says of units already there; rows saying nothing new are left untouched. */
async function updateUnits(ctx: ImportContext, rows: UnitRow[], progress: (rows: number) => Promise<void>): Promise<number> {
  let updated = 0;
  for (const chunk of chunks(rows, 500)) {
    // TypeORM answers an UPDATE with [rows, count].
    const [changed]: [unknown[], number] = await ctx.manager.query(
      `UPDATE unit u SET name = x.name, valid_to = x.valid_to, remote = x.remote, border = x.border, island = x.island,
              version = u.version + 1
       FROM unnest($2::uuid[], $3::text[], $4::date[], $5::boolean[], $6::boolean[], $7::boolean[])
         AS x(id, name, valid_to, remote, border, island)
       WHERE u.province_id = $1 AND u.id = x.id
         AND (u.name, u.valid_to, u.remote, u.border, u.island) IS DISTINCT FROM (x.name, x.valid_to, x.remote, x.border, x.island)
       RETURNING 1`,
      [
        ctx.provinceId,
        chunk.map((u) => u.id),
        chunk.map((u) => u.name),
        chunk.map((u) => u.validTo),
        chunk.map((u) => u.remote),
        chunk.map((u) => u.border),
        chunk.map((u) => u.island),
      ],
    );
    updated += changed.length;
    await progress(chunk.length);
  }
  return updated;
}
