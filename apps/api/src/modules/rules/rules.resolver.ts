import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, PROVINCE_ROLES, Role } from '../../shared/access';
import { badInput } from '../../shared/errors';
import { assertYear } from '../../shared/dates';
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
    assertYear(year);
    const target = provinceId ?? ctx.viewer?.provinceId;
    if (target === undefined || target === null || !ctx.scope.readable.includes(target)) {
      throw badInput('provinceId', 'Cần chọn một tỉnh bạn được xem.');
    }
    return ruleFor(ctx.tx.manager, target, year);
  }

  @Access(...PROVINCE_ROLES, Role.CENTRAL)
  @Query(() => [Int], {
    description:
      'Các tỉnh (trong phạm vi được xem) đã lưu quy định riêng cho năm; tỉnh không có trong danh sách đang dùng quy định mặc định',
  })
  async provincesWithRule(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<number[]> {
    assertYear(year);
    const rows: Array<{ province_id: number }> = await ctx.tx.manager.query(
      'SELECT province_id FROM policy_rule WHERE year = $1 AND province_id = ANY($2::int[]) ORDER BY province_id',
      [year, ctx.scope.readable],
    );
    return rows.map((r) => r.province_id);
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
