import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Access, ALL_ROLES, Role } from '../../shared/access';
import { Connection } from '../../shared/pagination';
import { yearOf } from '../../shared/dates';
import { publishScoped } from '../../shared/pubsub';
import { notFound } from '../../shared/errors';
import type { Context } from '../../context';
import { listProvinces, writableProvince } from '../tenancy/tenancy';
import { viewerOf } from '../tenancy/actor';
import { Unit } from '../units/unit.entity';
import { Cadre, Exemption, TripDuringExemption } from './cadre.entity';
import { CadresArgs, CreateCadreInput, CreateExemptionInput, UpdateCadreInput } from './roster.inputs';
import { CadreField, CadreFieldKind } from './roster.policy';
import { createCadre, createExemption, deleteExemption, listCadres, tripsDuringExemption, updateCadre } from './roster.service';

/** An exemption changes the required days of every year it touches. */
function announceExemption(ctx: Context, exemption: Exemption): void {
  ctx.tx.afterCommit(() => {
    for (let year = yearOf(exemption.startDate); year <= yearOf(exemption.endDate); year += 1) {
      publishScoped(ctx.deps.pubsub, 'COMPLIANCE_INPUT', exemption.provinceId, {
        provinceId: exemption.provinceId,
        year,
        cadreIds: [exemption.cadreId],
        origin: ctx.deps.instanceId,
      });
    }
  });
}

export const CadreConnection = Connection(Cadre, 'CadreConnection');
const READERS = ALL_ROLES.filter((r) => r !== Role.HOST_UNIT);

@Resolver(() => Cadre)
export class RosterResolver {
  @Access(...READERS)
  @Query(() => CadreConnection, { description: 'Danh sách cán bộ, sắp xếp theo tên tiếng Việt' })
  cadres(@Ctx() ctx: Context, @Args() args: CadresArgs) {
    return listCadres(ctx.tx.manager, listProvinces(ctx.viewer, args.filter?.provinceId), args);
  }

  @Access(...READERS)
  @Query(() => Cadre)
  async cadre(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Cadre> {
    return (await ctx.loaders.cadreById.load(id)) ?? Promise.reject(notFound('Cán bộ'));
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Cadre)
  createCadre(@Ctx() ctx: Context, @Arg('input') input: CreateCadreInput): Promise<Cadre> {
    return createCadre(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Cadre)
  updateCadre(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateCadreInput,
  ): Promise<Cadre> {
    writableProvince(ctx.viewer, ctx.scope);
    return updateCadre(ctx.tx.manager, id, version, input);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Query(() => [TripDuringExemption], {
    description: 'Trước khi ghi nhận miễn: các chuyến đã duyệt hoặc đã đi của cán bộ nằm trong khoảng thời gian này',
  })
  tripsDuringExemption(
    @Ctx() ctx: Context,
    @Arg('cadreId', () => ID) cadreId: string,
    @Arg('startDate', () => LocalDateResolver) startDate: string,
    @Arg('endDate', () => LocalDateResolver) endDate: string,
  ): Promise<TripDuringExemption[]> {
    writableProvince(ctx.viewer, ctx.scope);
    return tripsDuringExemption(ctx.tx.manager, cadreId, startDate, endDate);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Exemption, { description: 'Ghi nhận miễn (học dài hạn ≥ 6 tháng, ốm dài hạn, thai sản, khác)' })
  async createExemption(@Ctx() ctx: Context, @Arg('input') input: CreateExemptionInput): Promise<Exemption> {
    const exemption = await createExemption(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), viewerOf(ctx).id, input);
    announceExemption(ctx, exemption);
    return exemption;
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Boolean)
  async deleteExemption(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    writableProvince(ctx.viewer, ctx.scope);
    announceExemption(ctx, await deleteExemption(ctx.tx.manager, id));
    return true;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Ban/Văn phòng' })
  department(@Root() cadre: Cadre, @Ctx() ctx: Context): Promise<Unit | null> | null {
    return cadre.departmentId ? ctx.loaders.unitById.load(cadre.departmentId) : null;
  }

  @CadreField(CadreFieldKind.PERSONAL)
  @FieldResolver(() => [Exemption], {
    nullable: true,
    description: 'Các trường hợp miễn; chỉ Ban Tổ chức, Thường trực, Trưởng ban của cán bộ và chính cán bộ được xem',
  })
  exemptions(@Root() cadre: Cadre, @Ctx() ctx: Context): Promise<Exemption[]> {
    return ctx.loaders.exemptionsByCadre.load(cadre.id);
  }
}
