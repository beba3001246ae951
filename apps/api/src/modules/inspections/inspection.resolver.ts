import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs, type Page } from '../../shared/pagination';
import { present } from '../../shared/present';
import { Access, Role } from '../../shared/access';
import { forbidden } from '../../shared/errors';
import { inRoles } from '../../shared/policy';
import type { Context } from '../../context';
import { listProvinces, readableProvince, writableProvince } from '../tenancy/tenancy';
import { actorOf, viewerOf } from '../tenancy/actor';
import { Cadre } from '../roster/cadre.entity';
import { Unit } from '../units/unit.entity';
import { NO_UNIT } from '../units/unit.service';
import { Trip, TripKind } from '../trips/trip.entity';
import { tripActorOf } from '../trips/trip.actor';
import { announceFinding as announce } from '../findings/finding.events';
import { ActionStatus, CorrectiveAction, InspectionConclusion, InspectionPlan, InspectionTeam } from './inspection.entity';
import {
  ConcludeInspectionInput,
  CreateInspectionPlanInput,
  CreateInspectionTeamInput,
  ExternalInspectionInput,
  ScheduleInspectionVisitInput,
} from './inspection.inputs';
import {
  conclude,
  createPlan,
  createTeam,
  listActions,
  listPlans,
  markActionDone,
  recordExternal,
  scheduleVisit,
  verifyAction,
} from './inspection.service';
import {
  actionPermissions,
  CorrectiveActionPermissions,
  INSPECTION_ROLES,
  InspectionPlanPermissions,
  InspectionVisitPermissions,
  planPermissions,
  visitPermissions,
} from './inspection.policy';

/** The request's actor with its loaders, as the inspection policies read it. */
const policyActor = (ctx: Context) => ({ ...actorOf(ctx), loaders: ctx.loaders });

/** The units a host unit's account answers for (its own and those below), or null for everyone else. */
async function hostUnits(ctx: Context): Promise<Set<string> | null> {
  const viewer = ctx.viewer;
  if (viewer?.role !== Role.HOST_UNIT) return null;
  return ctx.loaders.unitIdsUnder.load(viewer.unitId ?? NO_UNIT);
}

export const InspectionPlanConnection = Connection(InspectionPlan, 'InspectionPlanConnection');
export const CorrectiveActionConnection = Connection(CorrectiveAction, 'CorrectiveActionConnection');

@ArgsType()
class InspectionPlansArgs extends PageArgs {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true })
  provinceId?: number;
}

@ArgsType()
class CorrectiveActionsArgs extends PageArgs {
  @Field({ defaultValue: false })
  overdueOnly: boolean = false;

  @Field(() => Int, { nullable: true })
  provinceId?: number;
}

@Resolver(() => InspectionPlan)
export class InspectionResolver {
  @Access(...INSPECTION_ROLES.readPlans)
  @Query(() => InspectionPlanConnection, { description: 'Kế hoạch kiểm tra, giám sát của năm, theo ngày bắt đầu' })
  inspectionPlans(@Ctx() ctx: Context, @Args() args: InspectionPlansArgs): Promise<Page<InspectionPlan>> {
    return listPlans(ctx.tx.manager, readableProvince(ctx.viewer, ctx.scope, args.provinceId), args);
  }

  @Access(...INSPECTION_ROLES.readActions)
  @Query(() => CorrectiveActionConnection, {
    description: 'Yêu cầu khắc phục theo hạn (quá hạn trước); đơn vị cơ sở chỉ thấy của đơn vị mình và các đơn vị trực thuộc',
  })
  correctiveActions(@Ctx() ctx: Context, @Args() args: CorrectiveActionsArgs): Promise<Page<CorrectiveAction>> {
    const viewer = viewerOf(ctx);
    if (args.provinceId !== undefined && args.provinceId !== null) readableProvince(viewer, ctx.scope, args.provinceId);
    const hostRoot = viewer.role === Role.HOST_UNIT ? (viewer.unitId ?? NO_UNIT) : null;
    return listActions(ctx.tx.manager, listProvinces(viewer, args.provinceId), ctx.deps.clock.today(), { ...args, hostRoot });
  }

  @Access(...INSPECTION_ROLES.manage)
  @Mutation(() => InspectionPlan)
  async createInspectionPlan(@Ctx() ctx: Context, @Arg('input') input: CreateInspectionPlanInput): Promise<InspectionPlan> {
    const plan = await createPlan(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
    announce(ctx, 'INSPECTION_PLANNED', plan.id, plan.title);
    return plan;
  }

  @Access(...INSPECTION_ROLES.manage)
  @Mutation(() => InspectionTeam)
  createInspectionTeam(@Ctx() ctx: Context, @Arg('input') input: CreateInspectionTeamInput): Promise<InspectionTeam> {
    return createTeam(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), policyActor(ctx), input);
  }

  @Access(...INSPECTION_ROLES.manage)
  @Mutation(() => Trip, { description: 'Lên lịch đoàn đến kiểm tra một đơn vị: chuyến kiểm tra của cả đoàn, trình duyệt' })
  scheduleInspectionVisit(@Ctx() ctx: Context, @Arg('input') input: ScheduleInspectionVisitInput): Promise<Trip> {
    return scheduleVisit({ ...tripActorOf(ctx), loaders: ctx.loaders }, input);
  }

  @Access(...INSPECTION_ROLES.record)
  @Mutation(() => Trip, { description: 'Ghi nhận tham gia đoàn kiểm tra của Trung ương hoặc cấp tỉnh' })
  recordExternalInspection(@Ctx() ctx: Context, @Arg('input') input: ExternalInspectionInput): Promise<Trip> {
    return recordExternal(tripActorOf(ctx), input);
  }

  @Access(...INSPECTION_ROLES.record)
  @Mutation(() => InspectionConclusion, { description: 'Báo cáo kết luận kiểm tra với các yêu cầu khắc phục' })
  async concludeInspection(@Ctx() ctx: Context, @Arg('input') input: ConcludeInspectionInput): Promise<InspectionConclusion> {
    const conclusion = await conclude(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), policyActor(ctx), input);
    announce(ctx, 'CONCLUSION', conclusion.id, conclusion.findings.slice(0, 120));
    return conclusion;
  }

  @Access(...INSPECTION_ROLES.reportDone)
  @Mutation(() => CorrectiveAction, { description: 'Đơn vị báo cáo đã khắc phục' })
  async markCorrectiveActionDone(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('note') note: string,
  ): Promise<CorrectiveAction> {
    const action = await markActionDone(
      ctx.tx.manager,
      writableProvince(ctx.viewer, ctx.scope),
      policyActor(ctx),
      id,
      version,
      note,
    );
    announce(ctx, 'ACTION_DONE', action.id, action.description);
    return action;
  }

  @Access(...INSPECTION_ROLES.verify)
  @Mutation(() => CorrectiveAction, { description: 'Xác nhận đã khắc phục, đóng yêu cầu' })
  async verifyCorrectiveAction(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<CorrectiveAction> {
    const action = await verifyAction(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), policyActor(ctx), id, version);
    announce(ctx, 'ACTION_VERIFIED', action.id, action.description);
    return action;
  }

  @FieldResolver(() => [Unit], { description: 'Đơn vị được kiểm tra' })
  async targets(@Root() plan: InspectionPlan, @Ctx() ctx: Context): Promise<Unit[]> {
    const ids = await ctx.loaders.targetIdsByPlan.load(plan.id);
    return (await ctx.loaders.unitById.loadMany(ids)).filter((u): u is Unit => u instanceof Unit);
  }

  @FieldResolver(() => [InspectionTeam])
  teams(@Root() plan: InspectionPlan, @Ctx() ctx: Context): Promise<InspectionTeam[]> {
    return ctx.loaders.teamsByPlan.load(plan.id);
  }

  @FieldResolver(() => InspectionPlanPermissions, {
    description: 'Những gì người đang đăng nhập làm được với kế hoạch: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() plan: InspectionPlan, @Ctx() ctx: Context): Promise<InspectionPlanPermissions> {
    return planPermissions(policyActor(ctx), plan);
  }
}

@Resolver(() => InspectionTeam)
export class InspectionTeamResolver {
  @FieldResolver(() => Cadre)
  async lead(@Root() team: InspectionTeam, @Ctx() ctx: Context): Promise<Cadre> {
    return present(await ctx.loaders.cadreById.load(team.leadCadreId), 'cadre');
  }

  @FieldResolver(() => [Cadre], { description: 'Thành viên (kể cả trưởng đoàn)' })
  async members(@Root() team: InspectionTeam, @Ctx() ctx: Context): Promise<Cadre[]> {
    const ids = await ctx.loaders.memberIdsByTeam.load(team.id);
    return (await ctx.loaders.cadreById.loadMany(ids)).filter((c): c is Cadre => c instanceof Cadre);
  }

  @FieldResolver(() => [Trip], { description: 'Các chuyến đến kiểm tra' })
  visits(@Root() team: InspectionTeam, @Ctx() ctx: Context): Promise<Trip[]> {
    return ctx.loaders.visitsByTeam.load(team.id);
  }
}

@Resolver(() => InspectionConclusion)
export class InspectionConclusionResolver {
  @FieldResolver(() => Unit)
  async unit(@Root() conclusion: InspectionConclusion, @Ctx() ctx: Context): Promise<Unit> {
    return present(await ctx.loaders.unitById.load(conclusion.unitId), 'unit');
  }

  @FieldResolver(() => Trip, { description: 'Chuyến kiểm tra đã đi đến đơn vị' })
  async trip(@Root() conclusion: InspectionConclusion, @Ctx() ctx: Context): Promise<Trip> {
    return present(await ctx.loaders.tripById.load(conclusion.tripId), 'trip');
  }

  @FieldResolver(() => InspectionPlan, {
    nullable: true,
    description: 'Kế hoạch kiểm tra của đoàn (không có với đoàn của Trung ương hoặc cấp tỉnh); chỉ cán bộ Tỉnh đoàn được xem',
  })
  async plan(@Root() conclusion: InspectionConclusion, @Ctx() ctx: Context): Promise<InspectionPlan | null> {
    // Plans name their targets and teams: a host unit reads its inspection through the trip instead.
    if (!ctx.viewer || !inRoles(ctx.viewer.role, INSPECTION_ROLES.readPlans).allowed) {
      throw forbidden('Kế hoạch kiểm tra chỉ dành cho cán bộ Tỉnh đoàn.');
    }
    const trip = await ctx.loaders.tripById.load(conclusion.tripId);
    if (!trip?.inspectionTeamId) return null;
    const team = await ctx.loaders.teamById.load(trip.inspectionTeamId);
    return team ? ctx.loaders.planById.load(team.planId) : null;
  }

  @FieldResolver(() => [CorrectiveAction], { description: 'Đơn vị cơ sở chỉ thấy yêu cầu gửi đơn vị mình và đơn vị trực thuộc' })
  async actions(@Root() conclusion: InspectionConclusion, @Ctx() ctx: Context): Promise<CorrectiveAction[]> {
    const [actions, mine] = await Promise.all([ctx.loaders.actionsByConclusion.load(conclusion.id), hostUnits(ctx)]);
    return mine ? actions.filter((a) => mine.has(a.responsibleUnitId)) : actions;
  }
}

@Resolver(() => CorrectiveAction)
export class CorrectiveActionResolver {
  @FieldResolver(() => InspectionConclusion, { description: 'Kết luận kiểm tra đặt ra yêu cầu' })
  async conclusion(@Root() action: CorrectiveAction, @Ctx() ctx: Context): Promise<InspectionConclusion> {
    return present(await ctx.loaders.conclusionById.load(action.conclusionId), 'conclusion');
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị chịu trách nhiệm' })
  async responsibleUnit(@Root() action: CorrectiveAction, @Ctx() ctx: Context): Promise<Unit> {
    return present(await ctx.loaders.unitById.load(action.responsibleUnitId), 'unit');
  }

  @FieldResolver(() => CorrectiveActionPermissions, {
    description: 'Những gì người đang đăng nhập làm được với yêu cầu khắc phục: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() action: CorrectiveAction, @Ctx() ctx: Context): Promise<CorrectiveActionPermissions> {
    return actionPermissions(policyActor(ctx), action);
  }

  @FieldResolver({ description: 'Quá hạn mà chưa được xác nhận' })
  overdue(@Root() action: CorrectiveAction, @Ctx() ctx: Context): boolean {
    return action.status !== ActionStatus.VERIFIED && action.dueOn < ctx.deps.clock.today();
  }
}

/** Inspection fields of a trip (the trips module knows nothing of inspections). */
@Resolver(() => Trip)
export class TripInspectionResolver {
  @FieldResolver(() => [InspectionConclusion], {
    description:
      'Kết luận kiểm tra của chuyến (loại kiểm tra, giám sát); đơn vị cơ sở chỉ thấy kết luận về đơn vị mình và đơn vị trực thuộc',
  })
  async conclusions(@Root() trip: Trip, @Ctx() ctx: Context): Promise<InspectionConclusion[]> {
    if (trip.kind !== TripKind.INSPECTION) return [];
    const [conclusions, mine] = await Promise.all([ctx.loaders.conclusionsByTrip.load(trip.id), hostUnits(ctx)]);
    return mine ? conclusions.filter((c) => mine.has(c.unitId)) : conclusions;
  }

  @FieldResolver(() => InspectionVisitPermissions, {
    description: 'Những gì người đang đăng nhập làm được với chuyến kiểm tra (kết luận): nút nào hiện theo các trường này',
  })
  inspectionViewerCan(@Root() trip: Trip, @Ctx() ctx: Context): Promise<InspectionVisitPermissions> {
    return visitPermissions(policyActor(ctx), trip);
  }
}
