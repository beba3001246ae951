import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional, IsUUID, Length } from 'class-validator';
import { Access, Role } from '../../shared/access';
import { present } from '../../shared/present';
import { Connection, PageArgs, type Page } from '../../shared/pagination';
import { subscribeScoped, type FindingEventPayload } from '../../shared/pubsub';
import { announceFinding as announce } from './finding.events';
import type { Context, SubscriptionContext } from '../../context';
import { listProvinces, writableProvince } from '../tenancy/tenancy';
import { Unit } from '../units/unit.entity';
import { Trip } from '../trips/trip.entity';
import { actorOf, viewerOf } from '../tenancy/actor';
import {
  FindingEvent,
  GoodModel,
  HostFeedback,
  ModelField,
  Recommendation,
  RecommendationStatus,
  Replication,
} from './finding.entity';
import { AssignRecommendationInput, CreateGoodModelInput, CreateRecommendationInput, HostFeedbackInput } from './finding.inputs';
import {
  answerRecommendation,
  assignRecommendation,
  closeRecommendation,
  createModel,
  createRecommendation,
  listFeedback,
  listModels,
  listRecommendations,
  setReplication,
  submitFeedback,
} from './finding.service';

import {
  FEEDBACK_ROLES,
  GoodModelPermissions,
  MODEL_ROLES,
  modelPermissions,
  mayGiveFeedback,
  RECOMMENDATION_ROLES,
  RecommendationPermissions,
  recommendationPermissions,
} from './finding.policy';
import { allows } from '../../shared/policy';

/** The request's actor with its loaders, as the finding policies read it. */
const policyActor = (ctx: Context) => ({ ...actorOf(ctx), loaders: ctx.loaders });

const STAFF = [Role.PROVINCE_ADMIN, Role.STANDING_BOARD, Role.DEPARTMENT_HEAD, Role.CADRE];

export const GoodModelConnection = Connection(GoodModel, 'GoodModelConnection');
export const RecommendationConnection = Connection(Recommendation, 'RecommendationConnection');
export const HostFeedbackConnection = Connection(HostFeedback, 'HostFeedbackConnection');

@ArgsType()
class RecommendationsArgs extends PageArgs {
  @Field(() => [RecommendationStatus], { nullable: true })
  statuses?: RecommendationStatus[];

  @Field({ defaultValue: false })
  overdueOnly: boolean = false;

  @Field(() => Int, { nullable: true })
  provinceId?: number;
}

@ArgsType()
class HostFeedbackArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Chỉ những chuyến có vi phạm' })
  breachesOnly: boolean = false;

  @Field(() => [ID], { nullable: true, description: 'Chỉ ý kiến về các chuyến đi này' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  tripIds?: string[];

  @Field(() => Int, { nullable: true })
  provinceId?: number;
}

@ArgsType()
class GoodModelsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Tìm không dấu, ví dụ "mo hinh lan"' })
  @IsOptional()
  @Length(0, 100)
  search?: string;

  @Field(() => ModelField, { nullable: true })
  field?: ModelField;

  @Field(() => Replication, { nullable: true })
  replication?: Replication;

  @Field(() => Int, { nullable: true })
  provinceId?: number;
}

@Resolver(() => GoodModel)
export class GoodModelResolver {
  @Access(...MODEL_ROLES.read)
  @Query(() => GoodModelConnection, { description: 'Mô hình hay: tìm không dấu, lọc theo lĩnh vực, tình trạng nhân rộng' })
  goodModels(@Ctx() ctx: Context, @Args() args: GoodModelsArgs) {
    return listModels(ctx.tx.manager, listProvinces(ctx.viewer, args.provinceId), args);
  }

  @Access(...MODEL_ROLES.record)
  @Mutation(() => GoodModel)
  async createGoodModel(@Ctx() ctx: Context, @Arg('input') input: CreateGoodModelInput): Promise<GoodModel> {
    const model = await createModel(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), viewerOf(ctx), input);
    announce(ctx, 'MODEL_FOUND', model.id, model.name);
    return model;
  }

  @Access(...MODEL_ROLES.replicate)
  @Mutation(() => GoodModel, { description: 'Cập nhật tình trạng nhân rộng và nơi nhân rộng' })
  setGoodModelReplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('replication', () => Replication) replication: Replication,
    @Arg('unitIds', () => [ID], { defaultValue: [] }) unitIds: string[],
    @Arg('since', () => LocalDateResolver) since: string,
  ): Promise<GoodModel> {
    return setReplication(
      ctx.tx.manager,
      writableProvince(ctx.viewer, ctx.scope),
      actorOf(ctx),
      id,
      version,
      replication,
      unitIds,
      since,
    );
  }

  @FieldResolver(() => GoodModelPermissions, {
    description: 'Những gì người đang đăng nhập làm được với mô hình: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() model: GoodModel, @Ctx() ctx: Context): Promise<GoodModelPermissions> {
    return modelPermissions(actorOf(ctx), model);
  }

  @FieldResolver(() => Unit)
  async unit(@Root() model: GoodModel, @Ctx() ctx: Context): Promise<Unit> {
    return present(await ctx.loaders.unitById.load(model.unitId), 'unit');
  }

  @FieldResolver(() => [Unit], { description: 'Nơi đã/đang nhân rộng' })
  async replicatedAt(@Root() model: GoodModel, @Ctx() ctx: Context): Promise<Unit[]> {
    const ids = await ctx.loaders.replicationUnitIdsByModel.load(model.id);
    return (await ctx.loaders.unitById.loadMany(ids)).filter((u): u is Unit => u instanceof Unit);
  }
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Access(...RECOMMENDATION_ROLES.read)
  @Query(() => RecommendationConnection, {
    description: 'Đề xuất, kiến nghị: quá hạn trước, rồi theo hạn trả lời; đơn vị cơ sở thấy kiến nghị của mình',
  })
  recommendations(@Ctx() ctx: Context, @Args() args: RecommendationsArgs): Promise<Page<Recommendation>> {
    return listRecommendations(
      ctx.tx.manager,
      viewerOf(ctx),
      listProvinces(ctx.viewer, args.provinceId),
      ctx.deps.clock.today(),
      args,
    );
  }

  @Access(...RECOMMENDATION_ROLES.raise)
  @Mutation(() => Recommendation)
  async createRecommendation(@Ctx() ctx: Context, @Arg('input') input: CreateRecommendationInput): Promise<Recommendation> {
    const rec = await createRecommendation(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), viewerOf(ctx), input);
    announce(ctx, 'RECOMMENDATION_RAISED', rec.id, rec.text.slice(0, 120));
    return rec;
  }

  @Access(...RECOMMENDATION_ROLES.assign)
  @Mutation(() => Recommendation, { description: 'Giao Ban trả lời, với hạn' })
  assignRecommendation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: AssignRecommendationInput,
  ): Promise<Recommendation> {
    return assignRecommendation(
      ctx.tx.manager,
      writableProvince(ctx.viewer, ctx.scope),
      policyActor(ctx),
      id,
      version,
      input,
      ctx.deps.clock.today(),
    );
  }

  @Access(...RECOMMENDATION_ROLES.answer)
  @Mutation(() => Recommendation, { description: 'Trả lời kiến nghị (Trưởng ban được giao, Thường trực, Ban Tổ chức)' })
  async answerRecommendation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('answer') answer: string,
  ): Promise<Recommendation> {
    const rec = await answerRecommendation(
      ctx.tx.manager,
      writableProvince(ctx.viewer, ctx.scope),
      policyActor(ctx),
      id,
      version,
      answer,
    );
    announce(ctx, 'RECOMMENDATION_ANSWERED', rec.id, rec.text.slice(0, 120));
    return rec;
  }

  @Access(...RECOMMENDATION_ROLES.close)
  @Mutation(() => Recommendation)
  closeRecommendation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Recommendation> {
    return closeRecommendation(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), policyActor(ctx), id, version);
  }

  @FieldResolver(() => RecommendationPermissions, {
    description: 'Những gì người đang đăng nhập làm được với kiến nghị: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<RecommendationPermissions> {
    return recommendationPermissions(policyActor(ctx), rec);
  }

  @FieldResolver({ description: 'Quá hạn mà chưa trả lời' })
  overdue(@Root() rec: Recommendation, @Ctx() ctx: Context): boolean {
    return (
      (rec.status === RecommendationStatus.OPEN || rec.status === RecommendationStatus.IN_PROGRESS) &&
      rec.dueOn !== null &&
      rec.dueOn < ctx.deps.clock.today()
    );
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị nêu kiến nghị' })
  async unit(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<Unit> {
    return present(await ctx.loaders.unitById.load(rec.unitId), 'unit');
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Ban được giao' })
  department(@Root() rec: Recommendation, @Ctx() ctx: Context): Promise<Unit | null> | null {
    return rec.departmentId ? ctx.loaders.unitById.load(rec.departmentId) : null;
  }
}

@Resolver(() => HostFeedback)
export class HostFeedbackResolver {
  @Access(...STAFF, Role.CENTRAL)
  @Subscription(() => FindingEvent, {
    description: 'Kiểm tra, kết luận, khắc phục, mô hình hay, kiến nghị của tỉnh mình (Trung ương: mọi tỉnh)',
    subscribe: ({ context }) => {
      const { viewer, deps } = context as SubscriptionContext;
      return subscribeScoped(deps.pubsub, 'FINDING_EVENT', viewer);
    },
  })
  findingEvents(@Root() event: FindingEventPayload): FindingEvent {
    return { ...event, at: new Date(event.at) };
  }

  @Access(...FEEDBACK_ROLES.read)
  @Query(() => HostFeedbackConnection, {
    description:
      'Ý kiến của đơn vị tiếp đón, mới nhất trước; chỉ vi phạm nếu breachesOnly; đơn vị cơ sở thấy ý kiến của mình và đơn vị trực thuộc',
  })
  hostFeedback(@Ctx() ctx: Context, @Args() args: HostFeedbackArgs): Promise<Page<HostFeedback>> {
    return listFeedback(ctx.tx.manager, viewerOf(ctx), listProvinces(ctx.viewer, args.provinceId), args);
  }

  @Access(...FEEDBACK_ROLES.give)
  @Mutation(() => HostFeedback, { description: 'Đơn vị tiếp đón cho ý kiến về chuyến đi' })
  async submitHostFeedback(@Ctx() ctx: Context, @Arg('input') input: HostFeedbackInput): Promise<HostFeedback> {
    const feedback = await submitFeedback(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), policyActor(ctx), input);
    if (feedback.breach) announce(ctx, 'HOST_RULE_BREACH', feedback.tripId, feedback.comment || 'Vi phạm quy định khi về cơ sở');
    return feedback;
  }

  @FieldResolver(() => Trip)
  async trip(@Root() feedback: HostFeedback, @Ctx() ctx: Context): Promise<Trip | null> {
    return ctx.loaders.tripById.load(feedback.tripId);
  }

  @FieldResolver(() => Unit)
  async unit(@Root() feedback: HostFeedback, @Ctx() ctx: Context): Promise<Unit> {
    return present(await ctx.loaders.unitById.load(feedback.unitId), 'unit');
  }
}

/** Host feedback on a trip (the trips module knows nothing of findings). */
@Resolver(() => Trip)
export class TripFeedbackResolver {
  @FieldResolver(() => Boolean, {
    description: 'Đơn vị của người đang đăng nhập gửi được ý kiến về chuyến đi (submitHostFeedback): nút hiện theo trường này',
  })
  viewerCanGiveFeedback(@Root() trip: Trip, @Ctx() ctx: Context): Promise<boolean> {
    return allows(mayGiveFeedback(policyActor(ctx), trip));
  }
}
