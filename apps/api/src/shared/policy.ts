import { forbidden, type AppError } from './errors';

/**
 * A policy's answer about one action: allowed, or the coded error the service raises. The same answer
 * fills `viewerCan { … }` (allowed or not) and makes the service refuse (outline's presentPolicies):
 * the button a user sees and the mutation behind it cannot disagree.
 */
export type Verdict = { allowed: true } | { allowed: false; refusal: (field?: string) => AppError };

export const ALLOWED: Verdict = { allowed: true };

export const refuse = (refusal: (field?: string) => AppError): Verdict => ({ allowed: false, refusal });

/** Throws the policy's refusal; `field` names the input that points at the refused object (`trips.1.id`). */
export async function authorize(verdict: Verdict | Promise<Verdict>, field?: string): Promise<void> {
  const answer = await verdict;
  if (!answer.allowed) throw answer.refusal(field);
}

export const allows = async (verdict: Verdict | Promise<Verdict>): Promise<boolean> => (await verdict).allowed;

/** The first refusal of a chain of checks, each run only when the ones before allowed. */
export async function firstRefusal(...checks: Array<() => Verdict | Promise<Verdict>>): Promise<Verdict> {
  for (const check of checks) {
    const verdict = await check();
    if (!verdict.allowed) return verdict;
  }
  return ALLOWED;
}

/** The viewer's role is one the operation serves at all (the resolver's @Access set). */
export const inRoles = <R>(role: R, roles: readonly R[]): Verdict => (roles.includes(role) ? ALLOWED : refuse(() => forbidden()));

/**
 * A write lands in the viewer's own writable province: central users and a merged province's history
 * read only (`writing` is null), and a row of another province is refused as the services do.
 */
export function writesTo(writing: number | null, rowProvinceId: number): Verdict {
  if (writing === null) return refuse(() => forbidden('Tài khoản của bạn chỉ được xem, không được ghi dữ liệu.'));
  if (rowProvinceId !== writing) return refuse(() => forbidden('Dữ liệu của tỉnh khác chỉ được xem, không được sửa.'));
  return ALLOWED;
}
