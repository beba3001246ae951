import type DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/access';
import { badInput, forbidden } from '../../shared/errors';
import { ALLOWED, allows, firstRefusal, inRoles, refuse, writesTo, type Verdict } from '../../shared/policy';
import type { Viewer } from '../tenancy/tenancy';
import type { Cadre } from '../roster/cadre.entity';
import { PlanState, type QuarterlyPlan } from './planning.entity';
import { PlanningErrorCode } from './planning.errors';

const { PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD } = Role;

/** Who may call each quarterly plan operation at all: the resolvers' @Access sets, narrowed per plan below. */
export const PLAN_ROLES = {
  /** The organisation department submits any department's quarter, a department head their own. */
  submit: [DEPARTMENT_HEAD, PROVINCE_ADMIN],
  decide: [STANDING_BOARD],
} satisfies Record<string, Role[]>;

/** Who asks: the viewer, the province they write to (null when read-only), and the request's loaders. */
export interface PlanPolicyActor {
  viewer: Viewer;
  provinceId: number | null;
  loaders: { cadreById: Pick<DataLoader<string, Cadre | null>, 'load'> };
}

/** A plan as the policies read it; a quarter never submitted is a DRAFT plan of the viewer's province. */
export type PlanFacts = Pick<QuarterlyPlan, 'provinceId' | 'departmentId' | 'year' | 'quarter' | 'state'>;

/** The department of the viewer's own roster entry (a department head's Ban). */
export async function ownDepartment(actor: PlanPolicyActor): Promise<string | null> {
  const cadreId = actor.viewer.cadreId;
  return cadreId ? ((await actor.loaders.cadreById.load(cadreId))?.departmentId ?? null) : null;
}

const SUBMITTABLE = [PlanState.DRAFT, PlanState.RETURNED];

/** A department's quarter goes to the standing board once, and again after the board returns it. */
export const maySubmitPlan = (actor: PlanPolicyActor, plan: PlanFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, PLAN_ROLES.submit),
    () => writesTo(actor.provinceId, plan.provinceId),
    async () =>
      actor.viewer.role !== DEPARTMENT_HEAD || (await ownDepartment(actor)) === plan.departmentId
        ? ALLOWED
        : refuse(() => forbidden('Bạn chỉ trình kế hoạch của Ban mình.')),
    () =>
      SUBMITTABLE.includes(plan.state)
        ? ALLOWED
        : refuse(() =>
            badInput('quarter', `Kế hoạch quý ${plan.quarter}/${plan.year} đã được trình.`, PlanningErrorCode.INVALID_TRANSITION),
          ),
  );

/** The standing board approves or returns a submitted plan, with every trip in it. */
export const mayDecidePlan = (actor: PlanPolicyActor, plan: PlanFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, PLAN_ROLES.decide),
    () => writesTo(actor.provinceId, plan.provinceId),
    () =>
      plan.state === PlanState.SUBMITTED
        ? ALLOWED
        : refuse(() => badInput('id', 'Kế hoạch chưa được trình.', PlanningErrorCode.INVALID_TRANSITION)),
  );

@ObjectType({
  description: 'Những gì người đang đăng nhập làm được với kế hoạch quý lúc này (cùng quy tắc các thao tác áp dụng)',
})
export class QuarterlyPlanPermissions {
  @Field({ description: 'Trình (submitQuarterlyPlan)' })
  submit: boolean;

  @Field({ description: 'Duyệt hoặc trả lại (decideQuarterlyPlan)' })
  decide: boolean;
}

export async function quarterlyPlanPermissions(actor: PlanPolicyActor, plan: PlanFacts): Promise<QuarterlyPlanPermissions> {
  const [submit, decide] = await Promise.all([maySubmitPlan, mayDecidePlan].map((policy) => allows(policy(actor, plan))));
  return { submit, decide };
}
