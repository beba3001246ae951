import type DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../shared/access';
import { yearOf } from '../../shared/dates';
import { AppError, badInput, ErrorCode, forbidden } from '../../shared/errors';
import { ALLOWED, allows, refuse, type Verdict } from '../../shared/policy';
import type { Viewer } from '../tenancy/tenancy';
import type { Cadre } from '../roster/cadre.entity';
import type { PolicyRule } from '../rules/policy-rule.entity';
import { ruleKey } from '../rules/rules.loaders';
import { TripEventType, TripState, type Trip, type TripMember } from './trip.entity';
import { TripErrorCode } from './trip.errors';

const { PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE } = Role;

/**
 * Who may call each trip operation at all: the resolvers' @Access takes these sets, and the policies
 * below narrow them per trip, so `viewerCan` and `Viewer.can` start from the very same lists.
 */
export const TRIP_ROLES = {
  register: [PROVINCE_ADMIN, STANDING_BOARD, DEPARTMENT_HEAD, CADRE],
  /** Register a trip led by someone else: the organisation department anyone's, a department head their department's. */
  registerForOthers: [PROVINCE_ADMIN, DEPARTMENT_HEAD],
  decide: [STANDING_BOARD],
  acceptReport: [DEPARTMENT_HEAD, STANDING_BOARD],
  settle: [PROVINCE_ADMIN],
  merge: [STANDING_BOARD, PROVINCE_ADMIN],
} satisfies Record<string, Role[]>;

/** The events that move a trip from one state to another (the others record a change within a state). */
export type TransitionEvent = Exclude<
  TripEventType,
  TripEventType.REGISTERED | TripEventType.UPDATED | TripEventType.MERGED | TripEventType.SETTLEMENT_CHANGED
>;

export const TRANSITIONS: Record<TransitionEvent, { from: TripState[]; to: TripState }> = {
  [TripEventType.SUBMITTED]: { from: [TripState.DRAFT, TripState.RETURNED], to: TripState.SUBMITTED },
  [TripEventType.APPROVED]: { from: [TripState.SUBMITTED], to: TripState.APPROVED },
  [TripEventType.REJECTED]: { from: [TripState.SUBMITTED], to: TripState.REJECTED },
  [TripEventType.RETURNED]: { from: [TripState.SUBMITTED], to: TripState.RETURNED },
  [TripEventType.CANCELLED]: {
    from: [TripState.DRAFT, TripState.SUBMITTED, TripState.APPROVED, TripState.RETURNED],
    to: TripState.CANCELLED,
  },
  [TripEventType.COMPLETED]: { from: [TripState.APPROVED], to: TripState.COMPLETED },
  [TripEventType.REPORTED]: { from: [TripState.COMPLETED], to: TripState.REPORTED },
  [TripEventType.REPORT_ACCEPTED]: { from: [TripState.REPORTED], to: TripState.REPORT_ACCEPTED },
};

export const STATE_LABEL: Record<TripState, string> = {
  DRAFT: 'nháp',
  SUBMITTED: 'chờ duyệt',
  APPROVED: 'đã duyệt',
  REJECTED: 'bị từ chối',
  RETURNED: 'bị trả lại',
  COMPLETED: 'đã đi',
  REPORTED: 'đã báo cáo',
  REPORT_ACCEPTED: 'báo cáo đã được chấp nhận',
  CANCELLED: 'đã hủy',
};

/** What a trip policy reads beyond the trip: the request's loaders, so a list of trips costs one query per kind. */
export interface TripPolicyLoaders {
  cadreById: Pick<DataLoader<string, Cadre | null>, 'load'>;
  membersByTrip: Pick<DataLoader<string, TripMember[]>, 'load' | 'clear'>;
  /** Keyed by `ruleKey(provinceId, year)`. */
  ruleByProvinceYear: Pick<DataLoader<string, PolicyRule>, 'load'>;
}

/** Who asks: the viewer, the province they write to (null when read-only), and the request's loaders. */
export interface TripPolicyActor {
  viewer: Viewer;
  provinceId: number | null;
  loaders: TripPolicyLoaders;
}

export type TripFacts = Pick<
  Trip,
  'id' | 'provinceId' | 'state' | 'title' | 'leadCadreId' | 'createdBy' | 'departmentId' | 'startDate'
>;

const notAllowed = refuse(() => forbidden());

function inRoles(actor: TripPolicyActor, roles: readonly Role[]): boolean {
  return roles.includes(actor.viewer.role);
}

/** Central users and a merged province's history read only. */
function writes(actor: TripPolicyActor, trip: TripFacts): Verdict {
  if (actor.provinceId === null) return refuse(() => forbidden('Tài khoản của bạn chỉ được xem, không được ghi dữ liệu.'));
  if (trip.provinceId !== actor.provinceId) {
    return refuse(() => forbidden('Dữ liệu lịch sử của tỉnh đã hợp nhất chỉ được xem, không được sửa.'));
  }
  return ALLOWED;
}

function inState(trip: TripFacts, event: TransitionEvent): Verdict {
  if (TRANSITIONS[event].from.includes(trip.state)) return ALLOWED;
  return refuse(
    (field) =>
      new AppError(ErrorCode.BAD_USER_INPUT, `Không thể thực hiện thao tác này khi chuyến đi đang ${STATE_LABEL[trip.state]}.`, {
        reason: TripErrorCode.INVALID_TRANSITION,
        field: field ?? 'id',
      }),
  );
}

/** The department of the viewer's own roster entry (a department head's Ban). */
async function ownDepartment(actor: TripPolicyActor): Promise<string | null> {
  const cadreId = actor.viewer.cadreId;
  return cadreId ? ((await actor.loaders.cadreById.load(cadreId))?.departmentId ?? null) : null;
}

/** The lead, whoever registered it, the head of the lead's department, or the organisation department. */
async function manages(actor: TripPolicyActor, trip: TripFacts): Promise<boolean> {
  const { role, cadreId, id } = actor.viewer;
  if (role === PROVINCE_ADMIN) return true;
  if ((cadreId !== null && trip.leadCadreId === cadreId) || trip.createdBy === id) return true;
  if (role !== DEPARTMENT_HEAD || trip.departmentId === null) return false;
  return (await ownDepartment(actor)) === trip.departmentId;
}

const notYours = refuse(
  () => new AppError(ErrorCode.FORBIDDEN, 'Bạn không phụ trách chuyến đi này.', { reason: TripErrorCode.NOT_YOUR_TRIP }),
);

/** The first refusal of a chain of checks, each run only when the ones before allowed. */
async function first(...checks: Array<() => Verdict | Promise<Verdict>>): Promise<Verdict> {
  for (const check of checks) {
    const verdict = await check();
    if (!verdict.allowed) return verdict;
  }
  return ALLOWED;
}

/** Cadres register their own trips; department heads their department's; the organisation department anyone's. */
export function mayRegisterTripFor(actor: TripPolicyActor, lead: Pick<Cadre, 'id' | 'departmentId'>): Promise<Verdict> {
  const { role, cadreId } = actor.viewer;
  return first(
    () => (inRoles(actor, TRIP_ROLES.register) ? ALLOWED : notAllowed),
    async () => {
      if (role === PROVINCE_ADMIN || (cadreId !== null && cadreId === lead.id)) return ALLOWED;
      if (inRoles(actor, TRIP_ROLES.registerForOthers) && lead.departmentId !== null) {
        if ((await ownDepartment(actor)) === lead.departmentId) return ALLOWED;
      }
      return refuse(
        () =>
          new AppError(
            ErrorCode.FORBIDDEN,
            'Bạn chỉ được đăng ký chuyến đi cho chính mình (hoặc cho cán bộ trong Ban của mình).',
            { reason: TripErrorCode.NOT_YOUR_TRIP, field: 'input.leadCadreId' },
          ),
      );
    },
  );
}

/** A trip one manages, in a state the operation starts from. */
function managedIn(actor: TripPolicyActor, trip: TripFacts, state: () => Verdict): Promise<Verdict> {
  return first(
    () => (inRoles(actor, TRIP_ROLES.register) ? ALLOWED : notAllowed),
    () => writes(actor, trip),
    async () => ((await manages(actor, trip)) ? ALLOWED : notYours),
    state,
  );
}

export const mayEditTrip = (actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> =>
  managedIn(actor, trip, () =>
    inState(trip, TripEventType.SUBMITTED).allowed
      ? ALLOWED
      : refuse(() =>
          badInput(
            'id',
            `Chỉ sửa được chuyến đi ở trạng thái nháp hoặc bị trả lại (hiện ${STATE_LABEL[trip.state]}).`,
            TripErrorCode.INVALID_TRANSITION,
          ),
        ),
  );

export const maySubmitTrip = (actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> =>
  managedIn(actor, trip, () => inState(trip, TripEventType.SUBMITTED));

export const mayCompleteTrip = (actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> =>
  managedIn(actor, trip, () => inState(trip, TripEventType.COMPLETED));

export const mayReportTrip = (actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> =>
  managedIn(actor, trip, () => inState(trip, TripEventType.REPORTED));

/** Those who manage a trip cancel it before it happens, and so does the standing board. */
export function mayCancelTrip(actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> {
  return first(
    () => (inRoles(actor, TRIP_ROLES.register) ? ALLOWED : notAllowed),
    () => writes(actor, trip),
    async () => (actor.viewer.role === STANDING_BOARD || (await manages(actor, trip)) ? ALLOWED : notYours),
    () => inState(trip, TripEventType.CANCELLED),
  );
}

/** The standing board accepts any report; a department head those of their own department. */
export function mayAcceptTripReport(actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> {
  return first(
    () => (inRoles(actor, TRIP_ROLES.acceptReport) ? ALLOWED : notAllowed),
    () => writes(actor, trip),
    async () =>
      actor.viewer.role !== DEPARTMENT_HEAD || (trip.departmentId !== null && (await ownDepartment(actor)) === trip.departmentId)
        ? ALLOWED
        : refuse(() => forbidden('Chỉ Trưởng ban của cán bộ mới chấp nhận được báo cáo này.')),
    () => inState(trip, TripEventType.REPORT_ACCEPTED),
  );
}

/**
 * The standing board decides submissions, except that a member does not approve, return or reject a
 * trip they lead or go on when the province-year's rule asks another member of the board to decide it.
 */
export function mayDecideTrip(actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> {
  return first(
    () => (inRoles(actor, TRIP_ROLES.decide) ? ALLOWED : notAllowed),
    () => writes(actor, trip),
    async () => ((await isOwnDecision(actor, trip)) ? ownTrip(trip) : ALLOWED),
    () => inState(trip, TripEventType.APPROVED),
  );
}

async function isOwnDecision(actor: TripPolicyActor, trip: TripFacts): Promise<boolean> {
  const cadreId = actor.viewer.cadreId;
  if (!cadreId) return false;
  const own =
    trip.leadCadreId === cadreId || (await actor.loaders.membersByTrip.load(trip.id)).some((m) => m.cadreId === cadreId);
  if (!own) return false;
  return (await actor.loaders.ruleByProvinceYear.load(ruleKey(trip.provinceId, yearOf(trip.startDate)))).ownTripDecidedByOther;
}

const ownTrip = (trip: TripFacts): Verdict =>
  refuse(
    (field) =>
      new AppError(
        ErrorCode.FORBIDDEN,
        `Chuyến đi "${trip.title}" là chuyến đi của chính bạn, phải do một thành viên Thường trực khác quyết định.`,
        { reason: TripErrorCode.OWN_TRIP_DECISION, field },
      ),
  );

/** Approved trips travel together as one delegation (ghép đoàn), arranged by the standing board or the organisation department. */
export function mayMergeTrip(actor: TripPolicyActor, trip: TripFacts): Promise<Verdict> {
  return first(
    () => (inRoles(actor, TRIP_ROLES.merge) ? ALLOWED : notAllowed),
    () => writes(actor, trip),
    () =>
      trip.state === TripState.APPROVED
        ? ALLOWED
        : refuse(() =>
            badInput('trips', `Chuyến "${trip.title}" chưa được duyệt nên chưa ghép đoàn được.`, TripErrorCode.MERGE_INVALID),
          ),
  );
}

@ObjectType({ description: 'Những gì người đang đăng nhập làm được với chuyến đi lúc này (cùng quy tắc các thao tác áp dụng)' })
export class TripPermissions {
  @Field({ description: 'Sửa (updateTrip)' })
  edit: boolean;

  @Field({ description: 'Trình duyệt (submitTrip)' })
  submit: boolean;

  @Field({ description: 'Hủy (cancelTrip)' })
  cancel: boolean;

  @Field({ description: 'Ghi nhận đã đi (completeTrip)' })
  complete: boolean;

  @Field({ description: 'Nộp báo cáo (reportTrip)' })
  report: boolean;

  @Field({ description: 'Chấp nhận báo cáo (acceptTripReport)' })
  acceptReport: boolean;

  @Field({ description: 'Duyệt, từ chối, trả lại (decideTrips)' })
  decide: boolean;

  @Field({ description: 'Ghép đoàn (mergeDelegations)' })
  merge: boolean;
}

export async function tripPermissions(actor: TripPolicyActor, trip: TripFacts): Promise<TripPermissions> {
  const [edit, submit, cancel, complete, report, acceptReport, decide, merge] = await Promise.all(
    [
      mayEditTrip,
      maySubmitTrip,
      mayCancelTrip,
      mayCompleteTrip,
      mayReportTrip,
      mayAcceptTripReport,
      mayDecideTrip,
      mayMergeTrip,
    ].map((policy) => allows(policy(actor, trip))),
  );
  return { edit, submit, cancel, complete, report, acceptReport, decide, merge };
}
