import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Access, ALL_ROLES, Role } from '../../shared/access';
import { present } from '../../shared/present';
import { notFound } from '../../shared/errors';
import { daysBetween, yearOf } from '../../shared/dates';
import { LocalDateResolver } from 'graphql-scalars';
import { ruleKey } from '../rules/rules.loaders';
import { Connection, decodeCursor, encodeCursor, PageArgs, type Page } from '../../shared/pagination';
import { subscribeScoped, type TripEventPayload } from '../../shared/pubsub';
import { tripActorOf } from './trip.actor';
import type { Context, SubscriptionContext } from '../../context';
import { listProvinces, readableProvince } from '../tenancy/tenancy';
import { viewerOf } from '../tenancy/actor';
import { Cadre } from '../roster/cadre.entity';
import { Batch, QuarterlyPlan, Topic } from '../planning/planning.entity';
import { Unit } from '../units/unit.entity';
import { Delegation, Settlement, Trip, TripCheck, TripReport, TripState, TripTimelineEntry } from './trip.entity';
import { TripEvent } from './trip.events';
import { PLAN_ROLES } from '../planning/planning.policy';
import { TRIP_ROLES, TripPermissions, tripPermissions } from './trip.policy';
import {
  CompleteTripInput,
  CreateTripInput,
  Decision,
  TripReportInput,
  TripsArgs,
  TripVersionInput,
  UpdateTripInput,
} from './trip.inputs';
import {
  acceptReport,
  cancelTrip,
  completeTrip,
  createTrip,
  decidePlan,
  decideTrips,
  draftFromInput,
  findTrip,
  listTrips,
  recentEvents,
  mergeDelegations,
  previewChecks,
  reportDeadline,
  reportTrip,
  setSettlement,
  submitPlan,
  submitTrip,
  updateTrip,
} from './trip.service';

export const TripConnection = Connection(Trip, 'TripConnection');
export const TripEventConnection = Connection(TripEvent, 'TripEventConnection');

const PROVINCE_STAFF = [Role.PROVINCE_ADMIN, Role.STANDING_BOARD, Role.DEPARTMENT_HEAD, Role.CADRE];
const REGISTRARS = TRIP_ROLES.register;

@Resolver(() => Trip)
export class TripResolver {
  @Access(...ALL_ROLES)
  @Query(() => TripConnection, { description: 'Danh sách chuyến đi: lọc, sắp xếp, phân trang' })
  trips(@Ctx() ctx: Context, @Args() args: TripsArgs) {
    return listTrips(ctx.tx.manager, viewerOf(ctx), args);
  }

  @Access(...ALL_ROLES)
  @Query(() => Trip)
  async trip(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Trip> {
    return (await findTrip(ctx.tx.manager, viewerOf(ctx), id)) ?? Promise.reject(notFound('Chuyến đi'));
  }

  @Access(Role.CENTRAL, ...PROVINCE_STAFF)
  @Query(() => TripEventConnection, { description: 'Hoạt động gần đây: các sự kiện chuyến đi mới nhất trước' })
  async recentTripEvents(@Ctx() ctx: Context, @Args() args: PageArgs): Promise<Page<TripEvent>> {
    const cursor = decodeCursor(args.after);
    const { rows, hasNextPage, total } = await recentEvents(ctx.tx.manager, listProvinces(ctx.viewer, null), args.first, cursor);
    const nodes = rows.map((r) => ({
      provinceId: r.province_id,
      tripId: r.trip_id,
      kind: r.kind,
      event: r.event,
      state: r.to_state,
      title: r.title,
      cadreId: r.lead_cadre_id,
      cadreName: r.cadre_name,
      actorId: r.actor_id,
      actorName: r.actor_name,
      at: r.at,
    }));
    const last = rows[rows.length - 1];
    return {
      nodes,
      totalCount: total,
      pageInfo: { hasNextPage, endCursor: last ? encodeCursor([last.at.toISOString(), last.id]) : null },
    };
  }

  @Access(...REGISTRARS)
  @Query(() => [TripCheck], { description: 'Kiểm tra quy định cho một chuyến đi trước khi trình (không ghi gì)' })
  async checkTrip(
    @Ctx() ctx: Context,
    @Arg('input') input: CreateTripInput,
    @Arg('tripId', () => ID, { nullable: true, description: 'Khi sửa một chuyến đi đã có' }) tripId?: string,
  ): Promise<TripCheck[]> {
    const actor = tripActorOf(ctx);
    const provinceId = readableProvince(ctx.viewer, ctx.scope);
    const lead = await ctx.loaders.cadreById.load(input.leadCadreId);
    return previewChecks(actor, draftFromInput(input, provinceId, lead?.departmentId ?? null, tripId ?? null), provinceId);
  }

  @Access(...REGISTRARS)
  @Mutation(() => Trip, { description: 'Đăng ký chuyến đi; submit=true để trình duyệt ngay' })
  createTrip(
    @Ctx() ctx: Context,
    @Arg('input') input: CreateTripInput,
    @Arg('submit', { defaultValue: false }) submit: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Gửi lại với cùng khóa chỉ có một tác dụng' })
    idempotencyKey?: string,
  ): Promise<Trip> {
    return createTrip(tripActorOf(ctx), input, { submit, idempotencyKey });
  }

  @Access(...REGISTRARS)
  @Mutation(() => Trip)
  updateTrip(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateTripInput,
  ): Promise<Trip> {
    return updateTrip(tripActorOf(ctx), id, version, input);
  }

  @Access(...REGISTRARS)
  @Mutation(() => Trip, { description: 'Trình Thường trực duyệt' })
  submitTrip(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('lateJustification', () => String, { nullable: true }) lateJustification?: string,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string,
  ): Promise<Trip> {
    return submitTrip(tripActorOf(ctx), id, version, lateJustification ?? null, idempotencyKey);
  }

  @Access(...TRIP_ROLES.decide)
  @Mutation(() => [Trip], { description: 'Duyệt, từ chối hoặc trả lại một hay nhiều chuyến đi (tất cả hoặc không)' })
  decideTrips(
    @Ctx() ctx: Context,
    @Arg('trips', () => [TripVersionInput]) trips: TripVersionInput[],
    @Arg('decision', () => Decision) decision: Decision,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ): Promise<Trip[]> {
    return decideTrips(tripActorOf(ctx), trips, decision, reason ?? null);
  }

  @Access(...REGISTRARS)
  @Mutation(() => Trip, { description: 'Hủy chuyến đi trước khi đi' })
  cancelTrip(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason') reason: string,
  ): Promise<Trip> {
    return cancelTrip(tripActorOf(ctx), id, version, reason);
  }

  @Access(...REGISTRARS)
  @Mutation(() => Trip, { description: 'Ghi nhận đã đi (ngày thực tế, kinh phí)' })
  completeTrip(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: CompleteTripInput,
  ): Promise<Trip> {
    return completeTrip(tripActorOf(ctx), id, version, input);
  }

  @Access(...REGISTRARS)
  @Mutation(() => Trip, { description: 'Nộp báo cáo kết quả chuyến đi' })
  reportTrip(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: TripReportInput,
  ): Promise<Trip> {
    return reportTrip(tripActorOf(ctx), id, version, input);
  }

  @Access(...TRIP_ROLES.acceptReport)
  @Mutation(() => Trip, { description: 'Trưởng ban chấp nhận báo cáo' })
  acceptTripReport(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<Trip> {
    return acceptReport(tripActorOf(ctx), id, version, note ?? null);
  }

  @Access(...TRIP_ROLES.settle)
  @Mutation(() => Trip, { description: 'Cập nhật tình trạng quyết toán kinh phí' })
  setTripSettlement(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('settlement', () => Settlement) settlement: Settlement,
  ): Promise<Trip> {
    return setSettlement(tripActorOf(ctx), id, version, settlement);
  }

  @Access(...TRIP_ROLES.merge)
  @Mutation(() => Delegation, { description: 'Ghép đoàn: các chuyến đã duyệt đến cùng đơn vị, trùng ngày' })
  mergeDelegations(
    @Ctx() ctx: Context,
    @Arg('trips', () => [TripVersionInput]) trips: TripVersionInput[],
    @Arg('hostUnitId', () => ID) hostUnitId: string,
  ): Promise<Delegation> {
    return mergeDelegations(tripActorOf(ctx), trips, hostUnitId);
  }

  @Access(...PLAN_ROLES.submit)
  @Mutation(() => QuarterlyPlan, { description: 'Trình kế hoạch quý của Ban: mọi chuyến nháp/trả lại trong quý' })
  submitQuarterlyPlan(
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID) departmentId: string,
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
  ): Promise<QuarterlyPlan> {
    return submitPlan(tripActorOf(ctx), departmentId, year, quarter);
  }

  @Access(...PLAN_ROLES.decide)
  @Mutation(() => QuarterlyPlan, { description: 'Thường trực duyệt hoặc trả lại kế hoạch quý' })
  decideQuarterlyPlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('approve') approve: boolean,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<QuarterlyPlan> {
    return decidePlan(tripActorOf(ctx), id, version, approve ? Decision.APPROVE : Decision.RETURN, note ?? null);
  }

  @Access(Role.CENTRAL, ...PROVINCE_STAFF)
  @Subscription(() => TripEvent, {
    description: 'Sự kiện chuyến đi của tỉnh mình (Trung ương: mọi tỉnh), ngay khi xảy ra',
    subscribe: ({ context }) => {
      const { viewer, deps } = context as SubscriptionContext;
      return subscribeScoped(deps.pubsub, 'TRIP_EVENT', viewer);
    },
  })
  tripEvents(@Root() event: TripEventPayload): TripEvent {
    return { ...event, at: new Date(event.at) } as TripEvent;
  }

  @FieldResolver(() => Cadre, { description: 'Trưởng đoàn' })
  async lead(@Root() trip: Trip, @Ctx() ctx: Context): Promise<Cadre> {
    await ctx.loaders.tripRelations.load(trip);
    return present(await ctx.loaders.cadreById.load(trip.leadCadreId), 'cadre');
  }

  @FieldResolver(() => [Cadre], { description: 'Thành viên đoàn (kể cả trưởng đoàn)' })
  async members(@Root() trip: Trip, @Ctx() ctx: Context): Promise<Cadre[]> {
    await ctx.loaders.tripRelations.load(trip);
    const members = await ctx.loaders.membersByTrip.load(trip.id);
    const cadres = await ctx.loaders.cadreById.loadMany(members.map((m) => m.cadreId));
    return cadres.filter((c): c is Cadre => c instanceof Cadre);
  }

  @FieldResolver(() => [Unit], { description: 'Đơn vị đến' })
  async destinations(@Root() trip: Trip, @Ctx() ctx: Context): Promise<Unit[]> {
    await ctx.loaders.tripRelations.load(trip);
    const rows = await ctx.loaders.destinationsByTrip.load(trip.id);
    const units = await ctx.loaders.unitById.loadMany(rows.map((d) => d.unitId));
    return units.filter((u): u is Unit => u instanceof Unit);
  }

  @FieldResolver(() => Topic, { nullable: true })
  async topic(@Root() trip: Trip, @Ctx() ctx: Context): Promise<Topic | null> {
    if (!trip.topicId) return null;
    await ctx.loaders.tripRelations.load(trip);
    return ctx.loaders.topicById.load(trip.topicId);
  }

  @FieldResolver(() => Batch, { nullable: true })
  batch(@Root() trip: Trip, @Ctx() ctx: Context): Promise<Batch | null> | null {
    return trip.batchId ? ctx.loaders.batchById.load(trip.batchId) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Ban/Văn phòng của trưởng đoàn' })
  async department(@Root() trip: Trip, @Ctx() ctx: Context): Promise<Unit | null> {
    if (!trip.departmentId) return null;
    await ctx.loaders.tripRelations.load(trip);
    return ctx.loaders.unitById.load(trip.departmentId);
  }

  @FieldResolver(() => Delegation, { nullable: true })
  delegation(@Root() trip: Trip, @Ctx() ctx: Context): Promise<Delegation | null> | null {
    return trip.delegationId ? ctx.loaders.delegationById.load(trip.delegationId) : null;
  }

  @FieldResolver(() => [TripTimelineEntry], { description: 'Lịch sử: ai làm gì, lúc nào' })
  timeline(@Root() trip: Trip, @Ctx() ctx: Context): Promise<TripTimelineEntry[]> {
    return ctx.loaders.timelineByTrip.load(trip.id);
  }

  @FieldResolver(() => TripReport, { nullable: true })
  report(@Root() trip: Trip, @Ctx() ctx: Context): Promise<TripReport | null> {
    return ctx.loaders.reportByTrip.load(trip.id);
  }

  @FieldResolver(() => TripPermissions, {
    description: 'Những gì người đang đăng nhập làm được với chuyến đi: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() trip: Trip, @Ctx() ctx: Context): Promise<TripPermissions> {
    return tripPermissions(tripActorOf(ctx), trip);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description:
      'Hạn nộp báo cáo theo quy định năm của tỉnh (số ngày sau ngày về): có khi chuyến đã được duyệt và quy định yêu cầu báo cáo; đã báo cáo thì là hạn ghi trên báo cáo',
  })
  async reportDueOn(@Root() trip: Trip, @Ctx() ctx: Context): Promise<string | null> {
    if (trip.state === TripState.REPORTED || trip.state === TripState.REPORT_ACCEPTED) {
      return (await ctx.loaders.reportByTrip.load(trip.id))?.dueOn ?? null;
    }
    if (trip.state !== TripState.APPROVED && trip.state !== TripState.COMPLETED) return null;
    const rule = await ctx.loaders.ruleByProvinceYear.load(ruleKey(trip.provinceId, yearOf(trip.startDate)));
    return rule.reportRequired ? reportDeadline(trip, rule) : null;
  }

  @FieldResolver(() => Int, { description: 'Số ngày của chuyến (thực tế nếu đã đi)' })
  days(@Root() trip: Trip): number {
    return daysBetween(trip.actualStart ?? trip.startDate, trip.actualEnd ?? trip.endDate);
  }
}

@Resolver(() => Delegation)
export class DelegationResolver {
  @FieldResolver(() => Unit)
  async hostUnit(@Root() delegation: Delegation, @Ctx() ctx: Context): Promise<Unit> {
    return present(await ctx.loaders.unitById.load(delegation.hostUnitId), 'unit');
  }
}
