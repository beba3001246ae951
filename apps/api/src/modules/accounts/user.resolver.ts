import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context';
import { Province } from '../tenancy/province.entity';
import { User } from './user.entity';
import { ViewerPermissions, viewerPermissions } from './viewer.policy';

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Province, { nullable: true, description: 'Tỉnh của tài khoản; trống với Trung ương Đoàn' })
  province(@Root() user: User, @Ctx() ctx: Context): Province | undefined {
    return user.provinceId === null ? undefined : ctx.deps.provinces.get(user.provinceId);
  }

  @FieldResolver(() => ViewerPermissions, {
    nullable: true,
    description: 'Những trang và thao tác tài khoản này được dùng; chỉ trả lời cho chính người đang đăng nhập (me)',
  })
  can(@Root() user: User, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ViewerPermissions> | null {
    return ctx.viewer?.id === user.id ? viewerPermissions(ctx, info.schema) : null;
  }
}
