import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../shared/access';
import type { Context } from '../../context';
import { Province, ProvinceStatus } from './province.entity';

@Resolver(() => Province)
export class ProvinceResolver {
  @Public()
  @Query(() => [Province], { description: 'Các tỉnh, thành phố (34 hiện hành và các tỉnh đã hợp nhất)' })
  provinces(@Ctx() ctx: Context, @Arg('status', () => ProvinceStatus, { nullable: true }) status?: ProvinceStatus): Province[] {
    return ctx.deps.provinces.list(status);
  }

  @FieldResolver(() => String, { description: 'Tên tổ chức Đoàn, ví dụ Tỉnh đoàn Lâm Đồng' })
  unionName(@Root() province: Province, @Ctx() ctx: Context): string {
    return ctx.deps.provinces.unionName(province);
  }

  @FieldResolver(() => Province, { nullable: true, description: 'Tỉnh kế thừa sau hợp nhất' })
  successor(@Root() province: Province, @Ctx() ctx: Context): Province | undefined {
    return province.successorId === null ? undefined : ctx.deps.provinces.get(province.successorId);
  }

  @FieldResolver(() => [Province], { description: 'Các tỉnh đã hợp nhất vào tỉnh này (dữ liệu lịch sử chỉ đọc)' })
  predecessors(@Root() province: Province, @Ctx() ctx: Context): Province[] {
    return ctx.deps.provinces.predecessors(province.id);
  }
}
