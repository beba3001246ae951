import type DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/access';
import { badInput, conflict, forbidden } from '../../shared/errors';
import { ALLOWED, allows, firstRefusal, inRoles, refuse, writesTo, type Verdict } from '../../shared/policy';
import type { Viewer } from '../tenancy/tenancy';
import type { Cadre } from '../roster/cadre.entity';
import { CONFIRMED_STATES, type Trip, type TripDestination } from '../trips/trip.entity';
import { RecommendationStatus, type GoodModel, type Recommendation } from './finding.entity';
import { FindingErrorCode } from './finding.errors';

const { PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE, CENTRAL, HOST_UNIT } = Role;

/** Who may call each recommendation operation at all: the resolvers' @Access sets, narrowed per recommendation below. */
export const RECOMMENDATION_ROLES = {
  read: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE, CENTRAL, HOST_UNIT],
  raise: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE, HOST_UNIT],
  assign: [PROVINCE_ADMIN, STANDING_BOARD],
  answer: [DEPARTMENT_HEAD, PROVINCE_ADMIN, STANDING_BOARD],
  close: [PROVINCE_ADMIN, STANDING_BOARD],
} satisfies Record<string, Role[]>;

/** Who may call each good model and host feedback operation at all (the resolvers' @Access sets). */
export const MODEL_ROLES = {
  read: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE, CENTRAL, HOST_UNIT],
  record: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE],
  replicate: [PROVINCE_ADMIN, STANDING_BOARD],
} satisfies Record<string, Role[]>;

export const FEEDBACK_ROLES = {
  read: [PROVINCE_ADMIN, STANDING_BOARD, CENTRAL, HOST_UNIT],
  give: [HOST_UNIT],
} satisfies Record<string, Role[]>;

/** Who asks: the viewer, the province they write to (null when read-only), and the request's loaders. */
export interface FindingPolicyActor {
  viewer: Viewer;
  provinceId: number | null;
  loaders: { cadreById: Pick<DataLoader<string, Cadre | null>, 'load'> };
}

export type RecommendationFacts = Pick<Recommendation, 'provinceId' | 'status' | 'departmentId'>;

const PENDING = [RecommendationStatus.OPEN, RecommendationStatus.IN_PROGRESS];

const alreadyAnswered = refuse(() => badInput('id', 'Kiến nghị đã được trả lời.', FindingErrorCode.INVALID_TRANSITION));

const pending = (rec: RecommendationFacts): Verdict => (PENDING.includes(rec.status) ? ALLOWED : alreadyAnswered);

async function ownDepartment(actor: FindingPolicyActor): Promise<string | null> {
  const cadreId = actor.viewer.cadreId;
  return cadreId ? ((await actor.loaders.cadreById.load(cadreId))?.departmentId ?? null) : null;
}

/** The standing board or the organisation department give a pending recommendation to a department, with a due date. */
export const mayAssignRecommendation = (actor: FindingPolicyActor, rec: RecommendationFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, RECOMMENDATION_ROLES.assign),
    () => writesTo(actor.provinceId, rec.provinceId),
    () => pending(rec),
  );

/** The board and the organisation department answer any pending recommendation; a department head the ones given to their department. */
export const mayAnswerRecommendation = (actor: FindingPolicyActor, rec: RecommendationFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, RECOMMENDATION_ROLES.answer),
    () => writesTo(actor.provinceId, rec.provinceId),
    async () =>
      actor.viewer.role !== DEPARTMENT_HEAD || (rec.departmentId !== null && rec.departmentId === (await ownDepartment(actor)))
        ? ALLOWED
        : refuse(() => forbidden('Kiến nghị này được giao cho Ban khác.')),
    () => pending(rec),
  );

/** An answered recommendation is closed by the standing board or the organisation department. */
export const mayCloseRecommendation = (actor: FindingPolicyActor, rec: RecommendationFacts): Promise<Verdict> =>
  firstRefusal(
    () => inRoles(actor.viewer.role, RECOMMENDATION_ROLES.close),
    () => writesTo(actor.provinceId, rec.provinceId),
    () =>
      rec.status === RecommendationStatus.ANSWERED
        ? ALLOWED
        : refuse(() => badInput('id', 'Chỉ đóng kiến nghị đã được trả lời.', FindingErrorCode.INVALID_TRANSITION)),
  );

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với kiến nghị lúc này (cùng quy tắc các thao tác áp dụng)' })
export class RecommendationPermissions {
  @Field({ description: 'Giao Ban trả lời (assignRecommendation)' })
  assign: boolean;

  @Field({ description: 'Trả lời (answerRecommendation)' })
  answer: boolean;

  @Field({ description: 'Đóng (closeRecommendation)' })
  close: boolean;
}

export async function recommendationPermissions(
  actor: FindingPolicyActor,
  rec: RecommendationFacts,
): Promise<RecommendationPermissions> {
  const [assign, answer, close] = await Promise.all(
    [mayAssignRecommendation, mayAnswerRecommendation, mayCloseRecommendation].map((policy) => allows(policy(actor, rec))),
  );
  return { assign, answer, close };
}

/** The standing board or the organisation department follow where a model of their province is replicated. */
export const mayReplicateModel = (
  actor: Pick<FindingPolicyActor, 'viewer' | 'provinceId'>,
  model: Pick<GoodModel, 'provinceId'>,
) =>
  firstRefusal(
    () => inRoles(actor.viewer.role, MODEL_ROLES.replicate),
    () => writesTo(actor.provinceId, model.provinceId),
  );

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với mô hình hay lúc này' })
export class GoodModelPermissions {
  @Field({ description: 'Cập nhật tình trạng, nơi nhân rộng (setGoodModelReplication)' })
  setReplication: boolean;
}

export async function modelPermissions(
  actor: Pick<FindingPolicyActor, 'viewer' | 'provinceId'>,
  model: Pick<GoodModel, 'provinceId'>,
): Promise<GoodModelPermissions> {
  return { setReplication: await allows(mayReplicateModel(actor, model)) };
}

/** What the feedback policy reads: where a trip goes, the units a host account answers for, who already answered. */
export interface FeedbackPolicyActor {
  viewer: Viewer;
  provinceId: number | null;
  loaders: {
    destinationsByTrip: Pick<DataLoader<string, TripDestination[]>, 'load'>;
    unitIdsUnder: Pick<DataLoader<string, Set<string>>, 'load'>;
    feedbackUnitIdsByTrip: Pick<DataLoader<string, string[]>, 'load' | 'clear'>;
  };
}

/**
 * A host unit gives its word once on a confirmed trip that comes to it or to a unit below it; the
 * units below answer for themselves.
 */
export const mayGiveFeedback = (
  actor: FeedbackPolicyActor,
  trip: Pick<Trip, 'id' | 'provinceId' | 'state'>,
): Promise<Verdict> => {
  const unitId = actor.viewer.unitId;
  const noUnit = refuse(() => forbidden('Tài khoản chưa gắn với đơn vị cơ sở.'));
  /** A check that needs the viewer's unit (refused earlier in the chain when there is none). */
  const ofUnit = (check: (unit: string) => Promise<Verdict>) => () => (unitId ? check(unitId) : noUnit);
  return firstRefusal(
    () => inRoles(actor.viewer.role, FEEDBACK_ROLES.give),
    () => writesTo(actor.provinceId, trip.provinceId),
    () => (unitId ? ALLOWED : noUnit),
    () =>
      CONFIRMED_STATES.includes(trip.state)
        ? ALLOWED
        : refuse(() => badInput('input.tripId', 'Chuyến đi không tồn tại hoặc chưa được duyệt.')),
    ofUnit(async (unit) => {
      const [mine, destinations] = await Promise.all([
        actor.loaders.unitIdsUnder.load(unit),
        actor.loaders.destinationsByTrip.load(trip.id),
      ]);
      return destinations.some((d) => mine.has(d.unitId))
        ? ALLOWED
        : refuse(() => forbidden('Chuyến đi này không đến đơn vị của bạn.'));
    }),
    ofUnit(async (unit) =>
      (await actor.loaders.feedbackUnitIdsByTrip.load(trip.id)).includes(unit)
        ? refuse(() => conflict('Đơn vị đã gửi ý kiến về chuyến đi này.', FindingErrorCode.FEEDBACK_EXISTS))
        : ALLOWED,
    ),
  );
};
