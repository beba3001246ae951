import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context';
import { Province } from '../tenancy/province.entity';
import { Cadre } from '../roster/cadre.entity';
import { CadreField, CadreFieldKind } from '../roster/roster.policy';
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

/** A cadre's account: accounts are tied to the roster, so this module adds the field to Cadre (the roster knows no accounts). */
@Resolver(() => Cadre)
export class CadreAccountResolver {
  @CadreField(CadreFieldKind.PERSONAL)
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Tài khoản gắn với cán bộ; chỉ Ban Tổ chức, Thường trực, Trưởng ban của cán bộ và chính cán bộ được xem',
  })
  account(@Root() cadre: Cadre, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.accountByCadre.load(cadre.id);
  }
}
