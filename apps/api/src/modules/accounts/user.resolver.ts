import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Province } from '../tenancy/province.entity';
import { User } from './user.entity';

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Province, { nullable: true, description: 'Tỉnh của tài khoản; trống với Trung ương Đoàn' })
  province(@Root() user: User, @Ctx() ctx: Context): Province | undefined {
    return user.provinceId === null ? undefined : ctx.deps.provinces.get(user.provinceId);
  }
}
