import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Access, Role } from '../../shared/access';
import type { Context } from '../../context';
import { writableProvince } from '../tenancy/tenancy';
import { CreateAccountInput } from './account.inputs';
import { createAccount, listAccounts } from './account.service';
import { User } from './user.entity';

@Resolver(() => User)
export class AccountResolver {
  @Access(Role.PROVINCE_ADMIN)
  @Query(() => [User], { description: 'Tài khoản của tỉnh (Ban Tổ chức)' })
  accounts(@Ctx() ctx: Context): Promise<User[]> {
    return listAccounts(ctx.tx.manager, ctx.viewer!.provinceId!);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => User, { description: 'Tạo tài khoản cho cán bộ hoặc đơn vị cơ sở của tỉnh' })
  createAccount(@Ctx() ctx: Context, @Arg('input') input: CreateAccountInput): Promise<User> {
    return createAccount(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
  }
}
