import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Access, ALL_ROLES, Public } from '../../shared/access';
import { AppError, ErrorCode, signInRequired } from '../../shared/errors';
import type { Context } from '../../context';
import { AuthPayload, User } from './user.entity';
import { authenticate } from './auth.service';

@Resolver()
export class AuthResolver {
  @Public()
  @Mutation(() => AuthPayload, { description: 'Đăng nhập bằng tên đăng nhập và mật khẩu' })
  async login(@Ctx() ctx: Context, @Arg('username') username: string, @Arg('password') password: string): Promise<AuthPayload> {
    if (username.length > 64 || password.length > 256) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const userId = await authenticate(ctx.tx.manager, ctx.deps.signIns, ctx.clientAddress, username, password);
    await ctx.tx.becomeUser(userId, ctx.deps.provinces.records);
    const user = await ctx.tx.manager.findOneByOrFail(User, { id: userId });
    return { token: await ctx.deps.tokens.sign(userId), user };
  }

  @Access(...ALL_ROLES)
  @Query(() => User, { description: 'Người dùng đang đăng nhập' })
  async me(@Ctx() ctx: Context): Promise<User> {
    const viewer = ctx.viewer;
    if (!viewer) throw signInRequired();
    return ctx.tx.manager.findOneByOrFail(User, { id: viewer.id });
  }
}
