import type DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/access';
import { badInput, conflict, forbidden } from '../../shared/errors';
import { ALLOWED, allows, firstRefusal, inRoles, refuse, writesTo, type Verdict } from '../../shared/policy';
import type { Viewer } from '../tenancy/tenancy';
import { CONFIRMED_STATES, TripKind, TripState, type Trip, type TripDestination } from '../trips/trip.entity';
import { ActionStatus, type CorrectiveAction, type InspectionConclusion, type InspectionPlan } from './inspection.entity';
import { InspectionErrorCode } from './inspection.errors';

const { PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE, CENTRAL, HOST_UNIT } = Role;

/** Who may call each inspection operation at all: the resolvers' @Access sets, narrowed per object below. */
export const INSPECTION_ROLES = {
  /** Plans name their targets and teams: the provincial staff and central read them, a host unit does not. */
  readPlans: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE, CENTRAL],
  readActions: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE, CENTRAL, HOST_UNIT],
  /** The organisation department and the standing board plan, form teams, schedule visits and verify corrections. */
  manage: [PROVINCE_ADMIN, STANDING_BOARD],
  /** Provincial staff record joining a higher-level team and conclude the visits they lead. */
  record: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE],
  reportDone: [PROVINCE_ADMIN, HOST_UNIT],
  verify: [PROVINCE_ADMIN, STANDING_BOARD],
} satisfies Record<string, Role[]>;

/** Who asks: the viewer, the province they write to (null when read-only), and the request's loaders. */
export interface InspectionPolicyActor {
  viewer: Viewer;
  provinceId: number | null;
  loaders: {
    destinationsByTrip: Pick<DataLoader<string, TripDestination[]>, 'load'>;
    conclusionsByTrip: Pick<DataLoader<string, InspectionConclusion[]>, 'load' | 'clear'>;
  };
}

export type PlanFacts = Pick<InspectionPlan, 'provinceId'>;
export type VisitFacts = Pick<Trip, 'id' | 'provinceId' | 'kind' | 'state' | 'leadCadreId'>;
export type ActionFacts = Pick<CorrectiveAction, 'provinceId' | 'status' | 'responsibleUnitId'>;

/** The organisation department and the standing board add teams to a plan of their province and schedule its visits. */
export const mayManagePlan = (actor: InspectionPolicyActor, plan: PlanFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, INSPECTION_ROLES.manage),
    () => writesTo(actor.provinceId, plan.provinceId),
  );

/**
 * A visit's lead (or the standing board, or the organisation department) concludes it for a unit it
 * went to, once the team has been there, one conclusion per unit.
 */
export const mayConcludeVisitAt = (actor: InspectionPolicyActor, trip: VisitFacts, unitId: string): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, INSPECTION_ROLES.record),
    () => writesTo(actor.provinceId, trip.provinceId),
    () =>
      trip.kind === TripKind.INSPECTION
        ? ALLOWED
        : refuse(() => badInput('input.tripId', 'Chuyến kiểm tra không tồn tại trong tỉnh của bạn.')),
    () =>
      CONFIRMED_STATES.includes(trip.state) && trip.state !== TripState.APPROVED
        ? ALLOWED
        : refuse(() =>
            badInput('input.tripId', 'Chỉ kết luận sau khi đoàn đã đi kiểm tra.', InspectionErrorCode.INVALID_TRANSITION),
          ),
    () =>
      actor.viewer.role === PROVINCE_ADMIN || actor.viewer.role === STANDING_BOARD || actor.viewer.cadreId === trip.leadCadreId
        ? ALLOWED
        : refuse(() => forbidden('Chỉ trưởng đoàn kiểm tra, Thường trực hoặc Ban Tổ chức được ghi kết luận.')),
    async () =>
      (await actor.loaders.destinationsByTrip.load(trip.id)).some((d) => d.unitId === unitId)
        ? ALLOWED
        : refuse(() => badInput('input.unitId', 'Đơn vị này không nằm trong chuyến kiểm tra.')),
    async () =>
      (await actor.loaders.conclusionsByTrip.load(trip.id)).some((c) => c.unitId === unitId)
        ? refuse(() => conflict('Đơn vị này đã có kết luận của chuyến kiểm tra.', InspectionErrorCode.CONCLUSION_EXISTS))
        : ALLOWED,
  );

/** The responsible unit reports its own open action done; the organisation department may do it for it. */
export const mayReportActionDone = (actor: InspectionPolicyActor, action: ActionFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, INSPECTION_ROLES.reportDone),
    () => writesTo(actor.provinceId, action.provinceId),
    () =>
      actor.viewer.role !== HOST_UNIT || actor.viewer.unitId === action.responsibleUnitId
        ? ALLOWED
        : refuse(() => forbidden('Chỉ đơn vị chịu trách nhiệm mới báo cáo khắc phục.')),
    () =>
      action.status === ActionStatus.OPEN
        ? ALLOWED
        : refuse(() => badInput('id', 'Yêu cầu này đã được báo cáo khắc phục.', InspectionErrorCode.INVALID_TRANSITION)),
  );

/** The province checks a correction the unit reported done and closes it. */
export const mayVerifyAction = (actor: InspectionPolicyActor, action: ActionFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, INSPECTION_ROLES.verify),
    () => writesTo(actor.provinceId, action.provinceId),
    () =>
      action.status === ActionStatus.DONE
        ? ALLOWED
        : refuse(() => badInput('id', 'Đơn vị chưa báo cáo đã khắc phục.', InspectionErrorCode.INVALID_TRANSITION)),
  );

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với kế hoạch kiểm tra lúc này' })
export class InspectionPlanPermissions {
  @Field({ description: 'Lập đoàn kiểm tra (createInspectionTeam)' })
  addTeam: boolean;

  @Field({ description: 'Lên lịch đoàn đến đơn vị (scheduleInspectionVisit)' })
  scheduleVisits: boolean;
}

export async function planPermissions(actor: InspectionPolicyActor, plan: PlanFacts): Promise<InspectionPlanPermissions> {
  const manage = await allows(mayManagePlan(actor, plan));
  return { addTeam: manage, scheduleVisits: manage };
}

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với chuyến kiểm tra lúc này' })
export class InspectionVisitPermissions {
  @Field({ description: 'Ghi kết luận cho một đơn vị đã đến mà chưa có kết luận (concludeInspection)' })
  conclude: boolean;
}

export async function visitPermissions(actor: InspectionPolicyActor, trip: VisitFacts): Promise<InspectionVisitPermissions> {
  if (trip.kind !== TripKind.INSPECTION) return { conclude: false };
  const destinations = await actor.loaders.destinationsByTrip.load(trip.id);
  const verdicts = await Promise.all(destinations.map((d) => allows(mayConcludeVisitAt(actor, trip, d.unitId))));
  return { conclude: verdicts.some(Boolean) };
}

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với yêu cầu khắc phục lúc này' })
export class CorrectiveActionPermissions {
  @Field({ description: 'Báo cáo đã khắc phục (markCorrectiveActionDone)' })
  markDone: boolean;

  @Field({ description: 'Xác nhận, đóng yêu cầu (verifyCorrectiveAction)' })
  verify: boolean;
}

export async function actionPermissions(actor: InspectionPolicyActor, action: ActionFacts): Promise<CorrectiveActionPermissions> {
  const [markDone, verify] = await Promise.all([
    allows(mayReportActionDone(actor, action)),
    allows(mayVerifyAction(actor, action)),
  ]);
  return { markDone, verify };
}
