import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, PROVINCE_ROLES, Role } from '../../shared/access';
import type { Context } from '../../context';
import { actorOf } from '../tenancy/actor';
import { writableProvince } from '../tenancy/tenancy';
import { Unit } from '../units/unit.entity';
import { Batch, QuarterlyPlan, Topic } from './planning.entity';
import { CreateBatchInput, CreateTopicInput, UpdateBatchInput, UpdateTopicInput } from './planning.inputs';
import {
  createBatch,
  createTopic,
  listBatches,
  listPlans,
  listTopics,
  setBatchActive,
  setTopicActive,
  updateBatch,
  updateTopic,
} from './planning.service';
import { QuarterlyPlanPermissions, quarterlyPlanPermissions } from './planning.policy';

const READERS = [...PROVINCE_ROLES.filter((r) => r !== Role.HOST_UNIT), Role.CENTRAL];

@Resolver(() => Topic)
export class PlanningResolver {
  @Access(...READERS)
  @Query(() => [Batch], { description: 'Các đợt đi cơ sở của năm; đợt đã đóng chỉ khi includeClosed' })
  batches(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('includeClosed', () => Boolean, { defaultValue: false }) includeClosed: boolean,
  ): Promise<Batch[]> {
    return listBatches(ctx.tx.manager, year, includeClosed);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Batch)
  createBatch(@Ctx() ctx: Context, @Arg('input') input: CreateBatchInput): Promise<Batch> {
    return createBatch(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Batch, { description: 'Sửa đợt; version là phiên bản đang sửa' })
  updateBatch(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateBatchInput,
  ): Promise<Batch> {
    return updateBatch(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), id, version, input);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Batch, { description: 'Đóng đợt (không nhận đăng ký mới) hoặc mở lại' })
  setBatchActive(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('active') active: boolean,
  ): Promise<Batch> {
    return setBatchActive(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), id, version, active);
  }

  @Access(...READERS)
  @Query(() => [Topic], { description: 'Danh mục chuyên đề của năm (tìm không dấu); chuyên đề đã đóng chỉ khi includeClosed' })
  topics(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('includeClosed', () => Boolean, { defaultValue: false }) includeClosed: boolean,
    @Arg('search', () => String, { nullable: true }) search?: string,
  ): Promise<Topic[]> {
    return listTopics(ctx.tx.manager, year, search ?? undefined, includeClosed);
  }

  @Access(Role.PROVINCE_ADMIN, Role.DEPARTMENT_HEAD)
  @Mutation(() => Topic)
  createTopic(@Ctx() ctx: Context, @Arg('input') input: CreateTopicInput): Promise<Topic> {
    return createTopic(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
  }

  @Access(Role.PROVINCE_ADMIN, Role.DEPARTMENT_HEAD)
  @Mutation(() => Topic, { description: 'Sửa chuyên đề; version là phiên bản đang sửa' })
  updateTopic(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateTopicInput,
  ): Promise<Topic> {
    return updateTopic(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), id, version, input);
  }

  @Access(Role.PROVINCE_ADMIN, Role.DEPARTMENT_HEAD)
  @Mutation(() => Topic, { description: 'Đóng chuyên đề (không nhận đăng ký mới) hoặc mở lại' })
  setTopicActive(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('active') active: boolean,
  ): Promise<Topic> {
    return setTopicActive(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), id, version, active);
  }

  @Access(...READERS)
  @Query(() => [QuarterlyPlan], { description: 'Kế hoạch quý của các Ban/Văn phòng' })
  quarterlyPlans(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int, { nullable: true }) quarter?: number,
  ): Promise<QuarterlyPlan[]> {
    return listPlans(ctx.tx.manager, year, quarter ?? undefined);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Ban phụ trách' })
  department(@Root() topic: Topic, @Ctx() ctx: Context): Promise<Unit | null> {
    return ctx.loaders.unitById.load(topic.departmentId);
  }
}

@Resolver(() => QuarterlyPlan)
export class QuarterlyPlanResolver {
  @FieldResolver(() => Unit, { nullable: true })
  department(@Root() plan: QuarterlyPlan, @Ctx() ctx: Context): Promise<Unit | null> {
    return ctx.loaders.unitById.load(plan.departmentId);
  }

  @FieldResolver(() => QuarterlyPlanPermissions, {
    description: 'Những gì người đang đăng nhập làm được với kế hoạch: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() plan: QuarterlyPlan, @Ctx() ctx: Context): Promise<QuarterlyPlanPermissions> {
    return quarterlyPlanPermissions({ ...actorOf(ctx), loaders: ctx.loaders }, plan);
  }
}
