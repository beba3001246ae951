import type { AppError } from './errors';

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
