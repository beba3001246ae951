import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { NotificationPayload } from '../../shared/pubsub';
import { defaultRule } from '../rules/policy-rule.entity';
import { NotificationKind, type NotificationParams } from './notification.entity';

/** How far ahead and how long after: named here until the province-year rules carry them. */
export const REPORT_DUE_SOON_DAYS = 3;
/** A report this many days overdue is also the department head's concern. */
export const REPORT_OVERDUE_ESCALATION_DAYS = 7;
/** A submission waiting longer than this reminds the standing board, once a week. */
export const REGISTRATION_WAITING_DAYS = 5;
export const DELEGATION_ARRIVING_DAYS = 3;

/** The one rule the trips module applies for `reportDueOn` (trip.service `reportDeadline`), as SQL over every trip. */
const DEFAULT_RULE = defaultRule(0, 2000);
const REPORTS_DUE = `
  SELECT t.province_id, t.id, t.title, t.lead_cadre_id, t.department_id,
         coalesce(t.actual_end, t.end_date) + coalesce(r.report_due_days, ${Math.trunc(DEFAULT_RULE.reportDueDays)}) AS due_on
  FROM trip t
  LEFT JOIN policy_rule r ON r.province_id = t.province_id AND r.year = extract(year FROM t.start_date)::int
  WHERE t.state IN ('APPROVED', 'COMPLETED') AND coalesce(r.report_required, ${DEFAULT_RULE.reportRequired ? 'true' : 'false'})`;

/** The active account of a trip's lead cadre. */
const LEAD_ACCOUNT = (trip: string) =>
  `JOIN app_user u ON u.province_id = ${trip}.province_id AND u.cadre_id = ${trip}.lead_cadre_id AND u.active`;
const LEAD_NAME = (trip: string) =>
  `(SELECT c.full_name FROM cadre c WHERE c.province_id = ${trip}.province_id AND c.id = ${trip}.lead_cadre_id)`;

/**
 * Adds what `candidates` selects (province_id, user_id, subject_id, period, params) as notifications of
 * `kind`; those already there for the same user, object and period are left alone. Returns the new ones.
 */
async function insertNew(
  manager: EntityManager,
  kind: NotificationKind,
  candidates: string,
  today: string,
): Promise<NotificationPayload[]> {
  const rows: Array<Omit<NotificationPayload, 'createdAt'> & { createdAt: Date }> = await manager.query(
    `WITH candidate AS (${candidates})
     INSERT INTO notification (province_id, user_id, kind, subject_id, period, params)
     SELECT DISTINCT ON (province_id, user_id, subject_id, period) province_id, user_id, $2, subject_id, period, params
     FROM candidate
     ON CONFLICT DO NOTHING
     RETURNING province_id AS "provinceId", id, user_id AS "userId", kind, subject_id AS "subjectId", params,
               created_at AS "createdAt"`,
    [today, kind],
  );
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The lead cadre, a few days before their trip report is due (once per due date). */
export const reportDueSoon = (manager: EntityManager, today: string) =>
  insertNew(
    manager,
    NotificationKind.REPORT_DUE_SOON,
    `WITH due AS (${REPORTS_DUE})
     SELECT d.province_id, u.id AS user_id, d.id AS subject_id, d.due_on::text AS period,
            jsonb_build_object('tripTitle', d.title, 'dueOn', d.due_on, 'days', d.due_on - $1::date) AS params
     FROM due d ${LEAD_ACCOUNT('d')}
     WHERE d.due_on BETWEEN $1::date AND $1::date + ${REPORT_DUE_SOON_DAYS}`,
    today,
  );

/** The lead cadre once the report is overdue; the head of the trip's department once it is a week overdue. */
export const reportOverdue = (manager: EntityManager, today: string) =>
  insertNew(
    manager,
    NotificationKind.REPORT_OVERDUE,
    `WITH due AS (${REPORTS_DUE}), late AS (
       SELECT d.*, ${LEAD_NAME('d')} AS lead_name,
              (SELECT c.department_id FROM cadre c WHERE c.province_id = d.province_id AND c.id = d.lead_cadre_id) AS lead_department
       FROM due d WHERE d.due_on < $1::date)
     SELECT l.province_id, u.id AS user_id, l.id AS subject_id, l.due_on::text AS period,
            jsonb_build_object('tripTitle', l.title, 'dueOn', l.due_on, 'days', $1::date - l.due_on, 'cadreName', l.lead_name) AS params
     FROM late l ${LEAD_ACCOUNT('l')}
     UNION ALL
     SELECT l.province_id, u.id, l.id, l.due_on::text,
            jsonb_build_object('tripTitle', l.title, 'dueOn', l.due_on, 'days', $1::date - l.due_on, 'cadreName', l.lead_name)
     FROM late l
     JOIN app_user u ON u.province_id = l.province_id AND u.role = 'DEPARTMENT_HEAD' AND u.active
     JOIN cadre h ON h.province_id = u.province_id AND h.id = u.cadre_id
       AND h.department_id = coalesce(l.department_id, l.lead_department)
     WHERE l.due_on <= $1::date - ${REPORT_OVERDUE_ESCALATION_DAYS}`,
    today,
  );

/** A submitted trip whose start date has passed undecided: the standing board and the lead cadre (once per trip and start date). */
export const pendingPastStart = (manager: EntityManager, today: string) =>
  insertNew(
    manager,
    NotificationKind.PENDING_PAST_START,
    `WITH pending AS (
       SELECT t.province_id, t.id, t.title, t.lead_cadre_id, t.start_date, ${LEAD_NAME('t')} AS lead_name
       FROM trip t WHERE t.state = 'SUBMITTED' AND t.start_date < $1::date)
     SELECT p.province_id, u.id AS user_id, p.id AS subject_id, p.start_date::text AS period,
            jsonb_build_object('tripTitle', p.title, 'startDate', p.start_date, 'days', $1::date - p.start_date,
                               'cadreName', p.lead_name) AS params
     FROM pending p
     JOIN app_user u ON u.province_id = p.province_id AND u.active
       AND (u.role = 'STANDING_BOARD' OR u.cadre_id = p.lead_cadre_id)`,
    today,
  );

/** Submissions waiting for a decision longer than the threshold (not yet past their start): the standing board, weekly. */
export const registrationWaiting = (manager: EntityManager, today: string) =>
  insertNew(
    manager,
    NotificationKind.REGISTRATION_WAITING,
    `WITH waiting AS (
       SELECT t.province_id, t.id, t.title, t.start_date, ${LEAD_NAME('t')} AS lead_name,
              $1::date - (t.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS days
       FROM trip t
       WHERE t.state = 'SUBMITTED' AND t.start_date >= $1::date AND t.submitted_at IS NOT NULL
         AND (t.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < $1::date - ${REGISTRATION_WAITING_DAYS})
     SELECT w.province_id, u.id AS user_id, w.id AS subject_id, to_char($1::date, 'IYYY-"W"IW') AS period,
            jsonb_build_object('tripTitle', w.title, 'startDate', w.start_date, 'days', w.days, 'cadreName', w.lead_name) AS params
     FROM waiting w
     JOIN app_user u ON u.province_id = w.province_id AND u.role = 'STANDING_BOARD' AND u.active`,
    today,
  );

/** The host unit's accounts, a few days before an approved delegation arrives (once per trip and start date). */
export const delegationArriving = (manager: EntityManager, today: string) =>
  insertNew(
    manager,
    NotificationKind.DELEGATION_ARRIVING,
    `WITH coming AS (
       SELECT t.province_id, t.id, t.title, t.start_date, ${LEAD_NAME('t')} AS lead_name
       FROM trip t
       WHERE t.state = 'APPROVED' AND t.start_date BETWEEN $1::date AND $1::date + ${DELEGATION_ARRIVING_DAYS})
     SELECT c.province_id, u.id AS user_id, c.id AS subject_id, c.start_date::text AS period,
            jsonb_build_object('tripTitle', c.title, 'startDate', c.start_date, 'days', c.start_date - $1::date,
                               'cadreName', c.lead_name) AS params
     FROM coming c
     JOIN trip_destination d ON d.province_id = c.province_id AND d.trip_id = c.id
     JOIN app_user u ON u.province_id = d.province_id AND u.unit_id = d.unit_id AND u.role = 'HOST_UNIT' AND u.active`,
    today,
  );

/** Every daily trigger, in order. */
export const DAILY_TRIGGERS = [reportDueSoon, reportOverdue, pendingPastStart, registrationWaiting, delegationArriving];

/**
 * A trip returned or rejected: its lead cadre hears of it at once, in the decision's own transaction
 * (once per decision: the period is the trip's version after it). Written in the decider's scope, which
 * may not read it back, so the row is made here rather than returned.
 */
export async function tripDecided(
  manager: EntityManager,
  trip: { provinceId: number; id: string; title: string; leadCadreId: string; version: number },
  kind: NotificationKind.TRIP_RETURNED | NotificationKind.TRIP_REJECTED,
  reason: string | null,
): Promise<NotificationPayload[]> {
  const accounts: Array<{ id: string }> = await manager.query(
    'SELECT id FROM app_user WHERE province_id = $1 AND cadre_id = $2 AND active',
    [trip.provinceId, trip.leadCadreId],
  );
  const params: NotificationParams = { tripTitle: trip.title, ...(reason ? { reason } : {}) };
  const created: NotificationPayload[] = [];
  for (const account of accounts) {
    const row = {
      provinceId: trip.provinceId,
      id: randomUUID(),
      userId: account.id,
      kind,
      subjectId: trip.id,
      params: params as Record<string, unknown>,
      createdAt: new Date().toISOString(),
    };
    await manager.query(
      `INSERT INTO notification (province_id, id, user_id, kind, subject_id, period, params, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [row.provinceId, row.id, row.userId, kind, trip.id, `v${trip.version}`, JSON.stringify(params), row.createdAt],
    );
    created.push(row);
  }
  return created;
}
