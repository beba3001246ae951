import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CENTRAL_KEY } from '../../shared/pubsub';
import { IsOptional, Length } from 'class-validator';
import { Connection, PageArgs, type Page } from '../../shared/pagination';
import { Access, Role } from '../../shared/access';
import type { Context } from '../../context';
import { actorOf } from '../tenancy/actor';
import { writableProvince } from '../tenancy/tenancy';
import { ACCOUNT_ROLES, AccountPermissions, accountPermissions } from './account.policy';
import { CreateAccountInput } from './account.inputs';
import { createAccount, listAccounts, setAccountActive } from './account.service';
import { User } from './user.entity';

export const UserConnection = Connection(User, 'UserConnection');

@ArgsType()
class AccountsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Tên hoặc tên đăng nhập, không cần dấu' })
  @IsOptional()
  @Length(0, 100)
  search?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;
}

@Resolver(() => User)
export class AccountResolver {
  @Access(...ACCOUNT_ROLES.manage)
  @Query(() => UserConnection, { description: 'Tài khoản của tỉnh (Ban Tổ chức), theo tên' })
  accounts(@Ctx() ctx: Context, @Args() args: AccountsArgs): Promise<Page<User>> {
    return listAccounts(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), args);
  }

  @Access(...ACCOUNT_ROLES.manage)
  @Mutation(() => User, { description: 'Tạo tài khoản cho cán bộ hoặc đơn vị cơ sở của tỉnh' })
  createAccount(@Ctx() ctx: Context, @Arg('input') input: CreateAccountInput): Promise<User> {
    return createAccount(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), input);
  }

  @Access(...ACCOUNT_ROLES.manage)
  @Mutation(() => User, {
    description: 'Khóa hoặc mở lại tài khoản; tài khoản bị khóa mất ngay mọi quyền, kể cả các kết nối trực tiếp',
  })
  async setAccountActive(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('active') active: boolean): Promise<User> {
    const user = await setAccountActive(actorOf(ctx), id, active);
    if (!active) ctx.tx.afterCommit(() => ctx.deps.pubsub.publish('ACCOUNT_DISABLED', CENTRAL_KEY, { userId: id }));
    // Reopening is how the organisation department lets a person back in when guessing from many places
    // holds their name back.
    if (active) ctx.tx.afterCommit(() => void ctx.deps.signIns.forgetName(user.username));
    return user;
  }

  @FieldResolver(() => AccountPermissions, {
    description: 'Những gì người đang đăng nhập làm được với tài khoản: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() user: User, @Ctx() ctx: Context): Promise<AccountPermissions> {
    return accountPermissions(actorOf(ctx), user);
  }
}
