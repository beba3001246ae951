import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, PROVINCE_ROLES, Role } from '../../shared/access';
import type { Context } from '../../context';
import { writableProvince } from '../tenancy/tenancy';
import { Unit } from '../units/unit.entity';
import { Batch, QuarterlyPlan, Topic } from './planning.entity';
import { CreateBatchInput, CreateTopicInput } from './planning.inputs';
import { createBatch, createTopic, listBatches, listPlans, listTopics } from './planning.service';

const READERS = [...PROVINCE_ROLES.filter((r) => r !== Role.HOST_UNIT), Role.CENTRAL];

@Resolver(() => Topic)
export class PlanningResolver {
  @Access(...READERS)
  @Query(() => [Batch], { description: 'Các đợt đi cơ sở của năm' })
  batches(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<Batch[]> {
    return listBatches(ctx.tx.manager, year);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Batch)
  createBatch(@Ctx() ctx: Context, @Arg('input') input: CreateBatchInput): Promise<Batch> {
    return createBatch(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
  }

  @Access(...READERS)
  @Query(() => [Topic], { description: 'Danh mục chuyên đề của năm (tìm không dấu)' })
  topics(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('search', () => String, { nullable: true }) search?: string,
  ): Promise<Topic[]> {
    return listTopics(ctx.tx.manager, year, search ?? undefined);
  }

  @Access(Role.PROVINCE_ADMIN, Role.DEPARTMENT_HEAD)
  @Mutation(() => Topic)
  createTopic(@Ctx() ctx: Context, @Arg('input') input: CreateTopicInput): Promise<Topic> {
    return createTopic(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
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
}
