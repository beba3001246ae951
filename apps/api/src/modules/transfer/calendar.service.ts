import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import ical from 'ical-generator';
import type { AppDeps } from '../../context';
import { addDays, formatVn } from '../../shared/dates';
import { forbidden, notFound } from '../../shared/errors';
import { ScopedTransaction, type Viewer } from '../tenancy/tenancy';
import { CONFIRMED_STATES, type TripKind } from '../trips/trip.entity';
import { TRIP_KIND_LABELS } from './import.sheets';
import { CalendarOwner, type CalendarFeed, type CalendarLink } from './transfer.entity';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

interface FeedRow {
  id: string;
  cadre_id: string | null;
  unit_id: string | null;
  created_at: Date;
}

const toFeed = (r: FeedRow): CalendarFeed => ({
  id: r.id,
  owner: r.cadre_id ? CalendarOwner.CADRE : CalendarOwner.UNIT,
  createdAt: r.created_at,
});

/** Whose calendar this viewer may publish: a cadre their own trips, a host unit the delegations it receives. */
function ownerOf(viewer: Viewer, owner: CalendarOwner): { cadreId: string | null; unitId: string | null } {
  if (owner === CalendarOwner.CADRE) {
    if (!viewer.cadreId) throw forbidden('Tài khoản của bạn chưa gắn với một cán bộ trong danh sách.');
    return { cadreId: viewer.cadreId, unitId: null };
  }
  if (!viewer.unitId) throw forbidden('Tài khoản của bạn chưa gắn với một đơn vị cơ sở.');
  return { cadreId: null, unitId: viewer.unitId };
}

/**
 * A new private link; the previous live link of the same calendar stops working. Only the token's hash
 * is stored, so the link is shown this once.
 */
export async function createCalendarFeed(
  manager: EntityManager,
  provinceId: number,
  viewer: Viewer,
  owner: CalendarOwner,
): Promise<CalendarLink> {
  const { cadreId, unitId } = ownerOf(viewer, owner);
  await manager.query(
    `UPDATE calendar_feed SET revoked_at = now()
     WHERE province_id = $1 AND created_by = $2 AND revoked_at IS NULL AND cadre_id IS NOT DISTINCT FROM $3 AND unit_id IS NOT DISTINCT FROM $4`,
    [provinceId, viewer.id, cadreId, unitId],
  );
  const token = randomBytes(32).toString('base64url');
  const rows: FeedRow[] = await manager.query(
    `INSERT INTO calendar_feed (province_id, id, cadre_id, unit_id, token_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, cadre_id, unit_id, created_at`,
    [provinceId, randomUUID(), cadreId, unitId, hashToken(token), viewer.id],
  );
  return { feed: toFeed(rows[0]), path: `/calendar/${token}.ics` };
}

export async function myCalendarFeeds(manager: EntityManager, viewer: Viewer): Promise<CalendarFeed[]> {
  const rows: FeedRow[] = await manager.query(
    `SELECT id, cadre_id, unit_id, created_at FROM calendar_feed WHERE created_by = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
    [viewer.id],
  );
  return rows.map(toFeed);
}

export async function revokeCalendarFeed(
  manager: EntityManager,
  provinceId: number,
  viewer: Viewer,
  id: string,
): Promise<CalendarFeed> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('Đường dẫn lịch');
  // An UPDATE answers [rows, count] through TypeORM.
  const [rows]: [FeedRow[], number] = await manager.query(
    `UPDATE calendar_feed SET revoked_at = now() WHERE province_id = $1 AND id = $2 AND created_by = $3 AND revoked_at IS NULL
     RETURNING id, cadre_id, unit_id, created_at`,
    [provinceId, id, viewer.id],
  );
  if (!rows[0]) throw notFound('Đường dẫn lịch');
  return toFeed(rows[0]);
}

interface EventRow {
  id: string;
  title: string;
  kind: TripKind;
  start: string;
  end: string;
  lead_name: string;
  destinations: string;
  updated_at: Date;
}

/**
 * The .ics of a private link, or null for an unknown or revoked one. The link carries no account: a
 * SECURITY DEFINER look-up finds the feed's province and owner, then the trips are read in a read-only
 * transaction scoped to that one province.
 */
export async function calendarIcs(deps: AppDeps, token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const found: Array<{ province_id: number; cadre_id: string | null; unit_id: string | null }> = await deps.dataSource.query(
    'SELECT province_id, cadre_id, unit_id FROM calendar_feed_lookup($1)',
    [hashToken(token)],
  );
  const feed = found[0];
  if (!feed) return null;
  const tx = await ScopedTransaction.openSystem(deps.dataSource, [feed.province_id]);
  try {
    await tx.manager.query('SET TRANSACTION READ ONLY');
    const owner = feed.cadre_id
      ? 'EXISTS (SELECT 1 FROM trip_member m WHERE m.province_id = t.province_id AND m.trip_id = t.id AND m.cadre_id = $2)'
      : `EXISTS (SELECT 1 FROM trip_destination d WHERE d.province_id = t.province_id AND d.trip_id = t.id AND d.unit_id IN (
           WITH RECURSIVE sub(id) AS (
             SELECT id FROM unit WHERE province_id = $1 AND id = $2
             UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id WHERE u.province_id = $1
           ) SELECT id FROM sub))`;
    const rows: EventRow[] = await tx.manager.query(
      `SELECT t.id, t.title, t.kind, coalesce(t.actual_start, t.start_date)::text AS start,
              coalesce(t.actual_end, t.end_date)::text AS end, c.full_name AS lead_name, t.updated_at,
              (SELECT string_agg(u.name, '; ' ORDER BY u.name COLLATE "vi-x-icu") FROM trip_destination d
                 JOIN unit u ON u.province_id = d.province_id AND u.id = d.unit_id
               WHERE d.province_id = t.province_id AND d.trip_id = t.id) AS destinations
       FROM trip t JOIN cadre c ON c.province_id = t.province_id AND c.id = t.lead_cadre_id
       WHERE t.province_id = $1 AND t.state = ANY($3::text[]) AND ${owner}
       ORDER BY t.start_date, t.id`,
      [feed.province_id, feed.cadre_id ?? feed.unit_id, CONFIRMED_STATES],
    );
    const calendar = ical({
      name: feed.cadre_id ? 'Lịch đi cơ sở' : 'Lịch đón đoàn đi cơ sở',
      prodId: { company: 'Co So 1+2', product: 'calendar', language: 'VI' },
    });
    for (const r of rows) {
      calendar.createEvent({
        id: `${r.id}@coso`,
        allDay: true,
        start: new Date(`${r.start}T00:00:00Z`),
        // All-day events end on the day after the last one.
        end: new Date(`${addDays(r.end, 1)}T00:00:00Z`),
        summary: `Đi cơ sở: ${r.title} – ${r.destinations ?? ''}`,
        location: r.destinations ?? undefined,
        description: `${TRIP_KIND_LABELS[r.kind] ?? r.kind}. Trưởng đoàn: ${r.lead_name}. Từ ${formatVn(r.start)} đến ${formatVn(r.end)}.`,
        lastModified: r.updated_at,
        stamp: r.updated_at,
      });
    }
    return calendar.toString();
  } finally {
    await tx.rollback();
  }
}
