import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { EntityManager } from 'typeorm';
import { ruleFor } from '../rules/rules.service';

export enum LoadPeriod {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(LoadPeriod, { name: 'LoadPeriod', description: 'Theo tuần (từ thứ Hai) hoặc theo tháng' });

@ObjectType({ description: 'Số đoàn và ngày công một đơn vị tiếp trong một tuần hoặc một tháng' })
export class HostWeekLoad {
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => LoadPeriod) period: LoadPeriod;
  @Field(() => LocalDateResolver, { description: 'Ngày đầu kỳ: thứ Hai đầu tuần hoặc ngày 1 của tháng' }) periodStart: string;
  @Field(() => Int, { description: 'Số đoàn (đoàn đã ghép tính là một)' }) delegations: number;
  @Field(() => Int, { description: 'Số ngày công cán bộ trong kỳ' }) cadreDays: number;
  @Field({ description: 'Vượt ngưỡng của quy định' }) overloaded: boolean;
}

@ObjectType({ description: 'Gợi ý ghép đoàn: các chuyến đã duyệt đến cùng đơn vị trong cùng tuần' })
export class MergeSuggestion {
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => LocalDateResolver) weekStart: string;
  @Field(() => [ID]) tripIds: string[];
  @Field(() => [String]) titles: string[];
}

@ObjectType({ description: 'Hai chuyên đề gần trùng nhau của hai cán bộ/Ban khác nhau trong cùng quý' })
export class TopicOverlap {
  @Field(() => ID) tripA: string;
  @Field() titleA: string;
  @Field(() => String, { nullable: true }) departmentA: string | null;
  @Field(() => ID) tripB: string;
  @Field() titleB: string;
  @Field(() => String, { nullable: true }) departmentB: string | null;
  @Field(() => Int) quarter: number;
  @Field(() => Float, { description: 'Độ giống nhau 0–1 (so không dấu, không phân biệt hoa thường)' }) similarity: number;
}

const CONFIRMED = ['SUBMITTED', 'APPROVED', 'COMPLETED', 'REPORTED', 'REPORT_ACCEPTED'];

/** Delegations and cadre-days per host unit and ISO week; merged delegations count once. */
export async function hostLoad(
  manager: EntityManager,
  provinceId: number,
  from: string,
  to: string,
  period: LoadPeriod,
  overloadedOnly: boolean,
  limit: number,
): Promise<HostWeekLoad[]> {
  const unit = period === LoadPeriod.MONTH ? 'month' : 'week';
  // The rule is per week; a month may hold about four weeks' worth.
  const weeksPer = period === LoadPeriod.MONTH ? 4 : 1;
  const rule = await ruleFor(manager, provinceId, Number(from.slice(0, 4)));
  const rows: Array<{ unit_id: string; unit_name: string; week_start: string; delegations: number; cadre_days: number }> =
    await manager.query(
      `WITH visits AS (
         SELECT d.unit_id, t.id AS trip_id, coalesce(t.delegation_id, t.id) AS delegation,
                daterange(coalesce(t.actual_start, t.start_date), coalesce(t.actual_end, t.end_date), '[]') AS r
         FROM trip t JOIN trip_destination d ON d.province_id = t.province_id AND d.trip_id = t.id
         WHERE t.province_id = $1 AND t.state = ANY($2)
           AND coalesce(t.actual_start, t.start_date) <= $4 AND coalesce(t.actual_end, t.end_date) >= $3
       ),
       weeks AS (
         SELECT v.*, w::date AS week_start,
                daterange(w::date, (w + $8::interval)::date) * v.r AS in_week
         FROM visits v,
              generate_series(date_trunc($9, lower(v.r)), date_trunc($9, upper(v.r) - 1), $8::interval) AS w
       )
       SELECT w.unit_id, u.name AS unit_name, w.week_start::text AS week_start,
              count(DISTINCT w.delegation)::int AS delegations,
              sum((upper(w.in_week) - lower(w.in_week)) * (SELECT count(*) FROM trip_member m
                   WHERE m.province_id = $1 AND m.trip_id = w.trip_id))::int AS cadre_days
       FROM weeks w JOIN unit u ON u.province_id = $1 AND u.id = w.unit_id
       GROUP BY w.unit_id, u.name, w.week_start
       HAVING NOT $5 OR count(DISTINCT w.delegation) > $6::int * $10::int
       ORDER BY count(DISTINCT w.delegation) DESC, w.week_start, u.name COLLATE "vi-x-icu"
       LIMIT $7`,
      [provinceId, CONFIRMED, from, to, overloadedOnly, rule.hostLoadMaxPerWeek, limit, `1 ${unit}`, unit, weeksPer],
    );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    period,
    periodStart: r.week_start,
    delegations: r.delegations,
    cadreDays: r.cadre_days,
    overloaded: r.delegations > rule.hostLoadMaxPerWeek * weeksPer,
  }));
}

/** Approved trips heading to the same host in the same week that are not yet one delegation. */
export async function mergeSuggestions(
  manager: EntityManager,
  provinceId: number,
  from: string,
  to: string,
): Promise<MergeSuggestion[]> {
  const rows: Array<{ unit_id: string; unit_name: string; week_start: string; trip_ids: string[]; titles: string[] }> =
    await manager.query(
      `SELECT d.unit_id, u.name AS unit_name, date_trunc('week', t.start_date)::date::text AS week_start,
              array_agg(t.id ORDER BY t.start_date) AS trip_ids, array_agg(t.title ORDER BY t.start_date) AS titles
       FROM trip t
       JOIN trip_destination d ON d.province_id = t.province_id AND d.trip_id = t.id
       JOIN unit u ON u.province_id = d.province_id AND u.id = d.unit_id
       WHERE t.province_id = $1 AND t.state = 'APPROVED' AND t.start_date BETWEEN $2 AND $3
       GROUP BY d.unit_id, u.name, date_trunc('week', t.start_date)
       HAVING count(DISTINCT coalesce(t.delegation_id, t.id)) > 1
       ORDER BY 3, u.name COLLATE "vi-x-icu"
       LIMIT 200`,
      [provinceId, from, to],
    );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    weekStart: r.week_start,
    tripIds: r.trip_ids,
    titles: r.titles,
  }));
}

/** Near-duplicate topics of different cadres in the same quarter, by trigram similarity of folded titles. */
export async function topicOverlaps(
  manager: EntityManager,
  provinceId: number,
  year: number,
  threshold: number,
): Promise<TopicOverlap[]> {
  const rows: Array<{
    trip_a: string;
    title_a: string;
    department_a: string | null;
    trip_b: string;
    title_b: string;
    department_b: string | null;
    quarter: number;
    similarity: number;
  }> = await manager.query(
    `WITH topics AS (
       SELECT t.id, t.title, t.title_folded, t.lead_cadre_id, t.department_id, u.name AS department,
              extract(quarter FROM t.start_date)::int AS quarter
       FROM trip t LEFT JOIN unit u ON u.province_id = t.province_id AND u.id = t.department_id
       WHERE t.province_id = $1 AND t.kind = 'TOPIC' AND extract(year FROM t.start_date) = $2
         AND t.state NOT IN ('CANCELLED', 'REJECTED')
     )
     SELECT a.id AS trip_a, a.title AS title_a, a.department AS department_a,
            b.id AS trip_b, b.title AS title_b, b.department AS department_b, a.quarter,
            round(similarity(a.title_folded, b.title_folded)::numeric, 3)::float AS similarity
     FROM topics a JOIN topics b ON a.quarter = b.quarter AND a.id < b.id AND a.lead_cadre_id <> b.lead_cadre_id
     WHERE similarity(a.title_folded, b.title_folded) >= $3
     ORDER BY similarity DESC, a.quarter
     LIMIT 200`,
    [provinceId, year, threshold],
  );
  return rows.map((r) => ({
    tripA: r.trip_a,
    titleA: r.title_a,
    departmentA: r.department_a,
    tripB: r.trip_b,
    titleB: r.title_b,
    departmentB: r.department_b,
    quarter: r.quarter,
    similarity: r.similarity,
  }));
}
