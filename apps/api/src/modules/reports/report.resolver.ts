import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../shared/access';
import type { Context } from '../../context';
import { readableProvince } from '../tenancy/tenancy';
import { Province } from '../tenancy/province.entity';
import { AnnualReport, CentralReport } from './report.entity';
import { SaveReportNarrativeInput } from './report.inputs';
import { assertReportYear, centralReport, finalizeReport, loadReport, saveNarrative, type ReportSource } from './report.service';
import { REPORT_ROLES, ReportPermissions, reportPermissions } from './report.policy';

const sourceOf = (ctx: Pick<Context, 'tx' | 'deps'>): ReportSource => ({
  manager: ctx.tx.manager,
  cache: ctx.deps.complianceCache,
  today: ctx.deps.clock.today(),
});

/** A readable province's report: the draft as the engine computes it now, or the issued one. */
export function reportFor(ctx: Pick<Context, 'tx' | 'deps'>, provinceId: number, year: number): Promise<AnnualReport> {
  const province = ctx.deps.provinces.get(provinceId);
  return loadReport(sourceOf(ctx), province?.name ?? '', provinceId, year);
}

@Resolver(() => AnnualReport)
export class ReportResolver {
  @Access(...REPORT_ROLES.read)
  @Query(() => AnnualReport, {
    description: 'Báo cáo năm "1+2" của một tỉnh: dự thảo (số liệu tính lại theo dữ liệu) hoặc bản đã ban hành (số liệu cố định)',
  })
  annualReport(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('provinceId', () => Int, { nullable: true, description: 'Mặc định: tỉnh của bạn' }) provinceId?: number,
  ): Promise<AnnualReport> {
    assertReportYear(year);
    return reportFor(ctx, readableProvince(ctx.viewer, ctx.scope, provinceId), year);
  }

  @Access(...REPORT_ROLES.write)
  @Mutation(() => AnnualReport, { description: 'Lưu phần lời văn của dự thảo; phiên bản cũ bị từ chối (CONFLICT)' })
  async saveReportNarrative(
    @Ctx() ctx: Context,
    @Arg('input', () => SaveReportNarrativeInput) input: SaveReportNarrativeInput,
  ): Promise<AnnualReport> {
    await saveNarrative(ctx.tx.manager, ctx.viewer, ctx.scope, input);
    return reportFor(ctx, input.provinceId, input.year);
  }

  @Access(...REPORT_ROLES.write)
  @Mutation(() => AnnualReport, { description: 'Ban hành báo cáo với số văn bản: số liệu được cố định từ đây' })
  async finalizeReport(
    @Ctx() ctx: Context,
    @Arg('provinceId', () => Int) provinceId: number,
    @Arg('year', () => Int) year: number,
    @Arg('version', () => Int) version: number,
    @Arg('number', { description: 'Số văn bản, ví dụ 125 trong "125-BC/TĐTN"' }) number: string,
  ): Promise<AnnualReport> {
    await finalizeReport(sourceOf(ctx), ctx.viewer, ctx.scope, provinceId, year, version, number);
    return reportFor(ctx, provinceId, year);
  }

  @Access(...REPORT_ROLES.central)
  @Query(() => CentralReport, { description: 'Báo cáo tổng hợp mọi tỉnh trong một năm (Trung ương Đoàn)' })
  centralReport(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<CentralReport> {
    assertReportYear(year);
    return centralReport(sourceOf(ctx), ctx.deps.provinces.all, ctx.scope.readable, year);
  }

  @FieldResolver(() => Province)
  province(@Root() report: AnnualReport, @Ctx() ctx: Context): Province | undefined {
    return ctx.deps.provinces.get(report.provinceId);
  }

  @FieldResolver(() => ReportPermissions, {
    description: 'Những gì người đang đăng nhập làm được với báo cáo: nút nào hiện theo các trường này',
  })
  viewerCan(@Root() report: AnnualReport, @Ctx() ctx: Context): Promise<ReportPermissions> {
    return reportPermissions({ viewer: ctx.viewer, scope: ctx.scope }, report);
  }
}
