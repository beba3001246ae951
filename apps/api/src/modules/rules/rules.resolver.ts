import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, PROVINCE_ROLES, Role } from '../../shared/access';
import { badInput } from '../../shared/errors';
import type { Context } from '../../context';
import { writableProvince } from '../tenancy/tenancy';
import { viewerOf } from '../tenancy/actor';
import { PolicyRule } from './policy-rule.entity';
import { PolicyRuleInput } from './rules.inputs';
import { ruleFor, setRule } from './rules.service';

@Resolver(() => PolicyRule)
export class RulesResolver {
  @Access(...PROVINCE_ROLES, Role.CENTRAL)
  @Query(() => PolicyRule, { description: 'Quy định của tỉnh cho một năm (mặc định nếu tỉnh chưa đặt riêng)' })
  policyRule(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('provinceId', () => Int, { nullable: true, description: 'Mặc định: tỉnh của bạn' }) provinceId?: number,
  ): Promise<PolicyRule> {
    const target = provinceId ?? ctx.viewer?.provinceId;
    if (target === undefined || target === null || !ctx.scope.readable.includes(target)) {
      throw badInput('provinceId', 'Cần chọn một tỉnh bạn được xem.');
    }
    return ruleFor(ctx.tx.manager, target, year);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Mutation(() => PolicyRule, { description: 'Lưu quy định năm; version 0 khi lưu lần đầu' })
  setPolicyRule(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: PolicyRuleInput,
  ): Promise<PolicyRule> {
    return setRule(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), viewerOf(ctx).id, year, version, input);
  }
}
