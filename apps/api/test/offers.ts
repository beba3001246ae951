import { Role } from '../src/shared/access';
import { buildCadre, buildUser, linkUser } from './factories';
import type { GqlResponse, TestProduct } from './harness';

/** What an account is linked to: a roster entry (a given cadre, or a new one in a department), or a unit. */
export interface AccountLink {
  departmentId?: string;
  cadreId?: string;
  unitId?: string;
}

/** A user of `role` in the province (central users have none), linked as asked, signed in. */
export async function signedIn(
  product: TestProduct,
  provinceId: number,
  role: Role,
  link: AccountLink = {},
): Promise<{ userId: string; cadreId: string | null; token: string }> {
  const user = await buildUser(product.owner, { role, provinceId: role === Role.CENTRAL ? undefined : provinceId });
  let cadreId = link.cadreId ?? null;
  if (!cadreId && link.departmentId) {
    cadreId = (await buildCadre(product.owner, { provinceId, departmentId: link.departmentId })).id;
  }
  if (cadreId) await linkUser(product.owner, user.id, { cadreId });
  if (link.unitId) await linkUser(product.owner, user.id, { unitId: link.unitId });
  return { userId: user.id, cadreId, token: await product.login(user.username) };
}

/**
 * A policy walk's verdict: for every actor and case, the action is offered (`viewerCan`) exactly when the
 * API lets it through; and the walk let at least one through (a walk refused everywhere proves nothing).
 */
export class OfferCheck {
  private readonly mismatches: string[] = [];
  private readonly allowed: string[] = [];

  /** `refusal`: null when the operation succeeded, else what refused it. */
  record(where: string, offered: boolean, refusal: string | null): void {
    if (refusal === null) this.allowed.push(where);
    if (offered !== (refusal === null)) {
      this.mismatches.push(`${where}: viewerCan=${offered}, ${refusal === null ? 'succeeded' : `refused ${refusal}`}`);
    }
  }

  /** Another way the offer and the API disagreed (e.g. still offered once done). */
  mismatch(problem: string): void {
    this.mismatches.push(problem);
  }

  /** A GraphQL answer as a refusal: null when it has no errors. */
  static refusal(res: Pick<GqlResponse, 'errors'>): string | null {
    return res.errors === undefined ? null : JSON.stringify(res.errors[0]?.extensions);
  }

  /** Where the operation went through. */
  get allowedCases(): string[] {
    return [...this.allowed];
  }

  verify(): void {
    expect(this.mismatches).toEqual([]);
    expect(this.allowed.length).toBeGreaterThan(0);
  }
}
