import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/access';
import { badInput, forbidden } from '../../shared/errors';
import { ALLOWED, allows, firstRefusal, inRoles, refuse, writesTo, type Verdict } from '../../shared/policy';
import type { Actor } from '../tenancy/actor';
import { AccountErrorCode } from './account.errors';
import type { User } from './user.entity';

/** Who may call each account operation at all: the resolvers' @Access sets, narrowed per account below. */
export const ACCOUNT_ROLES = {
  /** The organisation department makes, locks and reopens its province's accounts. */
  manage: [Role.PROVINCE_ADMIN],
} satisfies Record<string, Role[]>;

/** Who asks: the viewer and the province they write to (null when read-only). */
export type AccountPolicyActor = Pick<Actor, 'viewer' | 'provinceId'>;

export type AccountFacts = Pick<User, 'id' | 'provinceId'>;

/** An account of the viewer's own province (a central account belongs to none). */
const ofOwnProvince = (actor: AccountPolicyActor, account: AccountFacts): Verdict =>
  account.provinceId === null ? refuse(() => forbidden()) : writesTo(actor.provinceId, account.provinceId);

/** Reopening lets the person back in at once, and clears the hold on a name guessed from many places. */
export const mayActivateAccount = (actor: AccountPolicyActor, account: AccountFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, ACCOUNT_ROLES.manage),
    () => ofOwnProvince(actor, account),
  );

/** Locking takes every right away at once, so nobody locks themselves out. */
export const mayDeactivateAccount = (actor: AccountPolicyActor, account: AccountFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, ACCOUNT_ROLES.manage),
    () => ofOwnProvince(actor, account),
    () =>
      account.id !== actor.viewer.id
        ? ALLOWED
        : refuse(() => badInput('id', 'Bạn không thể tự khóa tài khoản của mình.', AccountErrorCode.CANNOT_DEACTIVATE_SELF)),
  );

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với tài khoản này (cùng quy tắc các thao tác áp dụng)' })
export class AccountPermissions {
  @Field({ description: 'Mở lại (setAccountActive active: true)' })
  activate: boolean;

  @Field({ description: 'Khóa (setAccountActive active: false)' })
  deactivate: boolean;
}

export async function accountPermissions(actor: AccountPolicyActor, account: AccountFacts): Promise<AccountPermissions> {
  const [activate, deactivate] = await Promise.all(
    [mayActivateAccount, mayDeactivateAccount].map((policy) => allows(policy(actor, account))),
  );
  return { activate, deactivate };
}
