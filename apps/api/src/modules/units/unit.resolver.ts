import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, ALL_ROLES, Role } from '../../shared/access';
import { Connection } from '../../shared/pagination';
import { notFound } from '../../shared/errors';
import type { Context } from '../../context';
import { listProvinces, writableProvince } from '../tenancy/tenancy';
import { Unit } from './unit.entity';
import { CreateUnitInput, UnitsArgs, UpdateUnitInput } from './unit.inputs';
import { createUnit, importCommunes, listUnits, updateUnit } from './unit.service';

export const UnitConnection = Connection(Unit, 'UnitConnection');

@Resolver(() => Unit)
export class UnitResolver {
  @Access(...ALL_ROLES)
  @Query(() => UnitConnection, { description: 'Cây tổ chức: tìm theo tên không dấu, lọc theo loại, cấp trên, ngày hiệu lực' })
  units(@Ctx() ctx: Context, @Args() args: UnitsArgs) {
    return listUnits(ctx.tx.manager, listProvinces(ctx.viewer, args.filter?.provinceId), args);
  }

  @Access(...ALL_ROLES)
  @Query(() => Unit)
  async unit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Unit> {
    return (await ctx.loaders.unitById.load(id)) ?? Promise.reject(notFound('Đơn vị'));
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Unit, { description: 'Thêm đơn vị (Ban Tổ chức)' })
  createUnit(@Ctx() ctx: Context, @Arg('input') input: CreateUnitInput): Promise<Unit> {
    return createUnit(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Unit, { description: 'Sửa đơn vị; version là phiên bản đang xem (chống ghi đè)' })
  updateUnit(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateUnitInput,
  ): Promise<Unit> {
    writableProvince(ctx.viewer, ctx.scope);
    return updateUnit(ctx.tx.manager, id, version, input);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => Int, { description: 'Nạp danh mục xã/phường (sau 7/2025) thành Đoàn cấp xã; trả về số đơn vị đã thêm' })
  importCommunes(@Ctx() ctx: Context): Promise<number> {
    return importCommunes(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope));
  }

  @FieldResolver(() => [Unit], { description: 'Đơn vị trực thuộc' })
  children(@Root() unit: Unit, @Ctx() ctx: Context): Promise<Unit[]> {
    return ctx.loaders.childrenByParent.load(unit.id);
  }

  @FieldResolver(() => Unit, { nullable: true })
  parent(@Root() unit: Unit, @Ctx() ctx: Context): Promise<Unit | null> | null {
    return unit.parentId ? ctx.loaders.unitById.load(unit.parentId) : null;
  }
}
