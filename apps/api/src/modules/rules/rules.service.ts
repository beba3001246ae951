import type { EntityManager } from 'typeorm';
import { assertDate, assertYear, yearOf } from '../../shared/dates';
import { badInput, conflict } from '../../shared/errors';
import { defaultRule, PolicyRule } from './policy-rule.entity';
import type { PolicyRuleInput } from './rules.inputs';
import { RulesErrorCode } from './rules.errors';

/** The rules in force for a province-year: the province's own, or the central defaults. */
export async function ruleFor(manager: EntityManager, provinceId: number, year: number): Promise<PolicyRule> {
  return (await manager.findOneBy(PolicyRule, { provinceId, year })) ?? defaultRule(provinceId, year);
}

export async function setRule(
  manager: EntityManager,
  provinceId: number,
  userId: string,
  year: number,
  version: number,
  input: PolicyRuleInput,
): Promise<PolicyRule> {
  assertYear(year);
  assertDate(input.windowStart, 'input.windowStart');
  assertDate(input.windowEnd, 'input.windowEnd');
  if (yearOf(input.windowStart) !== year || yearOf(input.windowEnd) !== year) {
    throw badInput('input.windowStart', `Kỳ tính ngày phải nằm trong năm ${year}.`, RulesErrorCode.WINDOW_OUTSIDE_YEAR);
  }
  if (input.windowEnd < input.windowStart) {
    throw badInput('input.windowEnd', 'Cuối kỳ tính ngày phải sau đầu kỳ.', RulesErrorCode.DATES_INVERTED);
  }
  const values = {
    requiredDays: input.requiredDays,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    minDaysDistrict: input.minDaysDistrict ?? null,
    minDaysCommune: input.minDaysCommune ?? null,
    minDaysChapter: input.minDaysChapter ?? null,
    reportRequired: input.reportRequired,
    reportDueDays: input.reportDueDays,
    checkLateRegistration: input.checkLateRegistration,
    checkDoubleBooking: input.checkDoubleBooking,
    checkHostLoad: input.checkHostLoad,
    hostLoadMaxPerWeek: input.hostLoadMaxPerWeek,
    checkTopicOverlap: input.checkTopicOverlap,
    // Left out, the year keeps what it had (the column's default on a first save).
    ...(input.checkExemptTrip ? { checkExemptTrip: input.checkExemptTrip } : {}),
    ...(typeof input.ownTripDecidedByOther === 'boolean' ? { ownTripDecidedByOther: input.ownTripDecidedByOther } : {}),
    ...(typeof input.sickLeaveMinDays === 'number' ? { sickLeaveMinDays: input.sickLeaveMinDays } : {}),
  };
  const stale = () =>
    conflict('Quy định năm này vừa được người khác thay đổi. Vui lòng tải lại trước khi lưu.', RulesErrorCode.VERSION_MISMATCH);
  if (version === 0) {
    const inserted: unknown[] = await manager
      .createQueryBuilder()
      .insert()
      .into(PolicyRule)
      .values({ provinceId, year, ...values, version: 1 })
      .orIgnore()
      .returning('year')
      .execute()
      .then((r) => r.raw as unknown[]);
    if (inserted.length === 0) throw stale();
  } else {
    const result = await manager
      .createQueryBuilder()
      .update(PolicyRule)
      .set({ ...values, version: version + 1 })
      .where('province_id = :provinceId AND year = :year AND version = :version', { provinceId, year, version })
      .execute();
    if (result.affected !== 1) throw stale();
  }
  await manager.query('UPDATE policy_rule SET updated_at = now(), updated_by = $3 WHERE province_id = $1 AND year = $2', [
    provinceId,
    year,
    userId,
  ]);
  return await manager.findOneByOrFail(PolicyRule, { provinceId, year });
}
