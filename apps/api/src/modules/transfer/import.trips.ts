import { createHash, randomUUID } from 'node:crypto';
import { formatVn } from '../../shared/dates';
import { AGENCY_KINDS } from '../units/unit.entity';
import { LIVE_STATES, type Trip, type TripMember } from '../trips/trip.entity';
import { ImportKind, TEMPLATES, TRIP_KIND_LABELS, type SheetRow } from './import.sheets';
import { RowReader, UnitIndex, chunks, eachYielding, unknownUnit } from './import.values';
import type { ImportContext, ImportPlan } from './import.plan';
import type { Cadre } from '../roster/cadre.entity';

const sheet = TEMPLATES[ImportKind.TRIPS].sheets[0];

/** A trip as a file's row gives it, with the row's identity (`key`, its import key) and destinations. */
type TripRow = Pick<
  Trip,
  'id' | 'leadCadreId' | 'departmentId' | 'kind' | 'title' | 'startDate' | 'endDate' | 'purpose' | 'travelOrderNo'
> & {
  row: number;
  reader: RowReader;
  key: string;
  destinationIds: string[];
};

/** A trip's identity in a file: lead cadre, kind, dates and destinations. */
export const tripImportKey = (cadreId: string, kind: string, start: string, end: string, destinationIds: string[]): string =>
  createHash('sha256')
    .update([cadreId, kind, start, end, [...destinationIds].sort().join(',')].join('|'))
    .digest('hex');

interface Booking {
  start: string;
  end: string;
  key: string | null;
  title: string;
  row: number | null;
}

/**
 * Trips already made, recorded as reported and accepted so their days count. A trip already imported
 * (same identity) is skipped; one overlapping another trip of the same cadre is a problem, as when
 * registering.
 */
export async function planTrips(ctx: ImportContext, rows: SheetRow[]): Promise<ImportPlan> {
  const units = await UnitIndex.load(ctx.manager, ctx.provinceId);
  const cadreRows: Array<Pick<Cadre, 'id' | 'code' | 'departmentId'>> = await ctx.manager.query(
    'SELECT id, code, department_id AS "departmentId" FROM cadre WHERE province_id = $1',
    [ctx.provinceId],
  );
  const cadres = new Map<string, (typeof cadreRows)[number]>();
  for (const c of cadreRows) if (c.code) cadres.set(c.code.toLowerCase(), c);
  const parsed: TripRow[] = [];

  await eachYielding(rows, 500, (row) => {
    const r = new RowReader(row, sheet, ctx.problems);
    const code = r.code('cadre');
    const kind = r.label('kind', TRIP_KIND_LABELS);
    const title = r.name('title', { required: true, min: 3, max: 300 });
    const startDate = r.date('startDate', true);
    const endDate = r.date('endDate', true);
    const destinationCodes = r.codes('destinations');
    const purpose = r.text('purpose', { max: 4000 });
    const travelOrderNo = r.name('travelOrderNo', { max: 60 }) || null;
    r.dateOrder('startDate', startDate, 'endDate', endDate);
    if (startDate && endDate && startDate.slice(0, 4) !== endDate.slice(0, 4)) {
      r.problem('endDate', 'Một chuyến đi phải bắt đầu và kết thúc trong cùng một năm; hãy tách thành hai dòng.');
    }
    if (endDate && endDate >= ctx.today) {
      r.problem('endDate', `Chỉ nhập chuyến đi đã kết thúc trước hôm nay (${formatVn(ctx.today)}).`);
    }
    const cadre = code ? cadres.get(code.toLowerCase()) : undefined;
    if (code && !cadre) r.problem('cadre', `Không có cán bộ mã "${code}" trong tỉnh của bạn.`);
    const destinationIds: string[] = [];
    for (const destCode of destinationCodes) {
      const unit = units.find(destCode);
      if (!unit) {
        r.problem('destinations', unknownUnit(destCode, ctx.provinceId, ctx.provinces));
      } else if (AGENCY_KINDS.includes(unit.kind)) {
        r.problem('destinations', `"${unit.name}" thuộc cơ quan Tỉnh đoàn, không phải đơn vị cơ sở.`);
      } else if (startDate && endDate && (unit.validFrom > startDate || (unit.validTo !== null && unit.validTo < endDate))) {
        r.problem(
          'destinations',
          `"${unit.name}" chỉ có hiệu lực từ ${formatVn(unit.validFrom)}${unit.validTo ? ` đến ${formatVn(unit.validTo)}` : ''}.`,
        );
      } else {
        destinationIds.push(unit.id);
      }
    }
    if (!r.valid || !cadre || !kind || !startDate || !endDate) return;
    parsed.push({
      row: row.row,
      reader: r,
      id: randomUUID(),
      key: tripImportKey(cadre.id, kind, startDate, endDate, destinationIds),
      leadCadreId: cadre.id,
      departmentId: cadre.departmentId,
      kind,
      title,
      startDate,
      endDate,
      destinationIds,
      purpose,
      travelOrderNo,
    });
  });

  const cadreIds = [...new Set(parsed.map((t) => t.leadCadreId))];
  // Two single-table reads rather than a join: right after a large import the planner has no statistics
  // for the new rows yet, and a join planned blind can take minutes.
  const memberships: Array<Pick<TripMember, 'tripId' | 'cadreId'>> =
    cadreIds.length === 0
      ? []
      : await ctx.manager.query(
          'SELECT trip_id AS "tripId", cadre_id AS "cadreId" FROM trip_member WHERE province_id = $1 AND cadre_id = ANY($2::uuid[])',
          [ctx.provinceId, cadreIds],
        );
  // start and end: the days the trip took (actual when recorded, else planned).
  const tripRows: Array<Pick<Trip, 'id' | 'importKey' | 'title'> & { start: string; end: string }> =
    memberships.length === 0
      ? []
      : await ctx.manager.query(
          `SELECT id, coalesce(actual_start, start_date)::text AS start, coalesce(actual_end, end_date)::text AS end,
                  import_key AS "importKey", title
           FROM trip WHERE province_id = $1 AND id = ANY($2::uuid[]) AND state = ANY($3::text[])`,
          [ctx.provinceId, [...new Set(memberships.map((m) => m.tripId))], LIVE_STATES],
        );
  const tripsById = new Map(tripRows.map((t) => [t.id, t]));
  const booked = memberships.flatMap((m) => {
    const t = tripsById.get(m.tripId);
    return t ? [{ cadreId: m.cadreId, ...t }] : [];
  });
  const bookings = new Map<string, Booking[]>();
  for (const b of booked) {
    const list = bookings.get(b.cadreId) ?? [];
    list.push({ start: b.start, end: b.end, key: b.importKey, title: b.title, row: null });
    bookings.set(b.cadreId, list);
  }
  const toCreate: TripRow[] = [];
  let skipped = 0;
  await eachYielding(parsed, 500, (t) => {
    const list = bookings.get(t.leadCadreId) ?? [];
    const same = list.find((b) => b.key === t.key);
    if (same) {
      if (same.row === null) skipped += 1;
      else t.reader.problem(null, `Dòng trùng với dòng ${same.row} (cùng cán bộ, loại, ngày và đơn vị đến).`);
      return;
    }
    const clash = list.find((b) => b.start <= t.endDate && b.end >= t.startDate);
    if (clash) {
      t.reader.problem(
        'startDate',
        `Cán bộ đã có chuyến "${clash.title}" (${formatVn(clash.start)}–${formatVn(clash.end)})${clash.row ? ` ở dòng ${clash.row}` : ''} trùng thời gian.`,
      );
      return;
    }
    list.push({ start: t.startDate, end: t.endDate, key: t.key, title: t.title, row: t.row });
    bookings.set(t.leadCadreId, list);
    toCreate.push(t);
  });

  return {
    total: rows.length,
    skipped,
    apply: async (progress) => {
      let created = 0;
      const touched = new Map<number, Set<string>>();
      for (const chunk of chunks(toCreate, 500)) {
        const inserted: Array<Pick<Trip, 'id'>> = await ctx.manager.query(
          `INSERT INTO trip (province_id, id, kind, state, title, purpose, lead_cadre_id, department_id, start_date, end_date,
                             actual_start, actual_end, travel_order_no, created_by, import_key)
           SELECT $1, x.id, x.kind, 'REPORT_ACCEPTED', x.title, x.purpose, x.lead, x.department_id, x.start_date, x.end_date,
                  x.start_date, x.end_date, x.travel_order_no, $2, x.import_key
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::date[], $10::date[],
                       $11::text[], $12::text[])
             AS x(id, kind, title, purpose, lead, department_id, start_date, end_date, travel_order_no, import_key)
           ON CONFLICT (province_id, import_key) WHERE import_key IS NOT NULL DO NOTHING
           RETURNING id`,
          [
            ctx.provinceId,
            ctx.userId,
            chunk.map((t) => t.id),
            chunk.map((t) => t.kind),
            chunk.map((t) => t.title),
            chunk.map((t) => t.purpose),
            chunk.map((t) => t.leadCadreId),
            chunk.map((t) => t.departmentId),
            chunk.map((t) => t.startDate),
            chunk.map((t) => t.endDate),
            chunk.map((t) => t.travelOrderNo),
            chunk.map((t) => t.key),
          ],
        );
        const ids = new Set(inserted.map((i) => i.id));
        const written = chunk.filter((t) => ids.has(t.id));
        created += written.length;
        if (written.length > 0) {
          await ctx.manager.query(
            `INSERT INTO trip_member (province_id, trip_id, cadre_id, is_lead)
             SELECT $1, x.trip_id, x.cadre_id, true FROM unnest($2::uuid[], $3::uuid[]) AS x(trip_id, cadre_id)`,
            [ctx.provinceId, written.map((t) => t.id), written.map((t) => t.leadCadreId)],
          );
          const pairs = written.flatMap((t) => t.destinationIds.map((unitId) => [t.id, unitId] as const));
          await ctx.manager.query(
            `INSERT INTO trip_destination (province_id, trip_id, unit_id)
             SELECT $1, x.trip_id, x.unit_id FROM unnest($2::uuid[], $3::uuid[]) AS x(trip_id, unit_id)`,
            [ctx.provinceId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
          );
          await ctx.manager.query(
            `INSERT INTO trip_event (province_id, id, trip_id, event, from_state, to_state, actor_id, actor_name, note)
             SELECT $1, gen_random_uuid(), x.trip_id, 'REGISTERED', NULL, 'REPORT_ACCEPTED', $2, $3, 'Nhập từ tệp chuyến đi lịch sử'
             FROM unnest($4::uuid[]) AS x(trip_id)`,
            [ctx.provinceId, ctx.userId, ctx.userName, written.map((t) => t.id)],
          );
          for (const t of written) {
            const year = Number(t.startDate.slice(0, 4));
            const set = touched.get(year) ?? new Set<string>();
            set.add(t.leadCadreId);
            touched.set(year, set);
          }
        }
        await progress(chunk.length);
      }
      return { created, skipped: skipped + toCreate.length - created, touched };
    },
  };
}
