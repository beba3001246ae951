import { Arg, Args, Ctx, FieldResolver, Float, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { assertDate, assertYear, daysBetween } from '../../shared/dates';
import { Access, Role } from '../../shared/access';
import { AppError, ErrorCode, badInput } from '../../shared/errors';
import { Connection, decodeCursor, encodeCursor, type Page } from '../../shared/pagination';
import { present } from '../../shared/present';
import { subscribeScoped, type ComplianceInputPayload } from '../../shared/pubsub';
import type { Context, SubscriptionContext } from '../../context';
import { ComplianceErrorCode } from './compliance.errors';
import { readableProvince, withScope } from '../tenancy/tenancy';
import { viewerOf } from '../tenancy/actor';
import { Province, ProvinceStatus } from '../tenancy/province.entity';
import { Cadre } from '../roster/cadre.entity';
import { Unit } from '../units/unit.entity';
import {
  CadreCompliance,
  ComplianceUpdate,
  DepartmentCompliance,
  MeetingCoverage,
  ProvinceCompliance,
} from './compliance.entity';
import { CadreComplianceArgs, ComparisonOrder } from './compliance.inputs';
import { cadreCoverage, filterCadres, provinceBundles, provinceCoverage, type ProvinceBundle } from './compliance.service';
import {
  HostWeekLoad,
  LoadPeriod,
  MergeSuggestion,
  TopicOverlap,
  hostLoad,
  mergeSuggestions,
  topicOverlaps,
} from './compliance.hosts';

/** One look-up per request and province-year, however many of the dashboard's queries ask. */
const requestBundles = new WeakMap<Context, Map<string, Promise<ProvinceBundle>>>();

function bundleOf(ctx: Context, year: number, provinceId: number): Promise<ProvinceBundle> {
  let memo = requestBundles.get(ctx);
  if (!memo) requestBundles.set(ctx, (memo = new Map<string, Promise<ProvinceBundle>>()));
  const key = `${provinceId}:${year}`;
  let found = memo.get(key);
  if (!found) {
    found = provinceBundles(ctx.tx.manager, ctx.deps.complianceCache, year, ctx.deps.clock.today(), [provinceId]).then(
      (bundles) => present(bundles.get(provinceId), 'compliance of the province'),
    );
    memo.set(key, found);
  }
  return found;
}

/** Loaders live in HTTP requests; a live update carries names instead of nested objects. */
function requestLoaders(ctx: Context) {
  if (!ctx.loaders) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'Trường này không có trong cập nhật trực tiếp; hãy dùng fullName, departmentName.',
      { reason: ComplianceErrorCode.NOT_IN_LIVE_UPDATE },
    );
  }
  return ctx.loaders;
}

export const CadreComplianceConnection = Connection(CadreCompliance, 'CadreComplianceConnection');

const READERS = [Role.CENTRAL, Role.PROVINCE_ADMIN, Role.STANDING_BOARD, Role.DEPARTMENT_HEAD, Role.CADRE];

function checkPeriod(from: string, to: string): void {
  assertDate(from, 'from');
  assertDate(to, 'to');
  if (to < from) throw badInput('to', 'Ngày kết thúc phải sau ngày bắt đầu.', ComplianceErrorCode.DATES_INVERTED);
  if (daysBetween(from, to) > 366) throw badInput('to', 'Khoảng thời gian tối đa một năm.', ComplianceErrorCode.PERIOD_TOO_LONG);
}

const COMPARATORS: Record<ComparisonOrder, (a: ProvinceCompliance, b: ProvinceCompliance) => number> = {
  [ComparisonOrder.MET_SHARE]: (a, b) => b.metShare - a.metShare,
  [ComparisonOrder.AVERAGE_DAYS]: (a, b) => b.averageDays - a.averageDays,
  [ComparisonOrder.COVERAGE]: (a, b) =>
    (b.coverage.total ? b.coverage.reached / b.coverage.total : 0) -
    (a.coverage.total ? a.coverage.reached / a.coverage.total : 0),
  [ComparisonOrder.HARDSHIP_SHARE]: (a, b) => b.hardshipShare - a.hardshipShare,
  [ComparisonOrder.LATE_TRIPS]: (a, b) => b.lateTrips - a.lateTrips,
  [ComparisonOrder.NAME]: () => 0,
};

@Resolver(() => ProvinceCompliance)
export class ComplianceResolver {
  @Access(...READERS)
  @Query(() => ProvinceCompliance, { description: 'Chỉ tiêu của một tỉnh trong năm (kể cả năm cũ, tỉnh đã hợp nhất)' })
  async provinceCompliance(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('provinceId', () => Int, { nullable: true }) provinceId?: number,
  ): Promise<ProvinceCompliance> {
    assertYear(year);
    return (await bundleOf(ctx, year, readableProvince(ctx.viewer, ctx.scope, provinceId))).province;
  }

  @Access(...READERS)
  @Query(() => MeetingCoverage, { description: 'Độ phủ dự sinh hoạt chi đoàn ("17/18"), đơn vị chưa đến, theo từng cán bộ' })
  async meetingCoverage(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('provinceId', () => Int, { nullable: true }) provinceId?: number,
  ): Promise<MeetingCoverage> {
    assertYear(year);
    const target = readableProvince(ctx.viewer, ctx.scope, provinceId);
    return {
      overall: await provinceCoverage(ctx.tx.manager, year, target),
      cadres: await cadreCoverage(ctx.tx.manager, year, target),
    };
  }

  @Access(...READERS)
  @Query(() => [DepartmentCompliance], { description: 'Chỉ tiêu theo Ban/Văn phòng' })
  async departmentCompliance(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('provinceId', () => Int, { nullable: true }) provinceId?: number,
  ): Promise<DepartmentCompliance[]> {
    assertYear(year);
    return (await bundleOf(ctx, year, readableProvince(ctx.viewer, ctx.scope, provinceId))).departments;
  }

  @Access(...READERS)
  @Query(() => CadreComplianceConnection, { description: 'Kết quả từng cán bộ: số ngày, yêu cầu, trạng thái' })
  async cadreCompliance(@Ctx() ctx: Context, @Args() args: CadreComplianceArgs): Promise<Page<CadreCompliance>> {
    assertYear(args.year);
    const target = readableProvince(ctx.viewer, ctx.scope, args.provinceId);
    const cursor = decodeCursor(args.after, 'cadreCompliance');
    const offset = cursor ? Number(cursor[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw badInput('after', 'Con trỏ phân trang không hợp lệ.');
    const all = filterCadres((await bundleOf(ctx, args.year, target)).cadres, args.filter ?? {});
    const rows = all.slice(offset, offset + args.first);
    const total = all.length;
    const end = offset + rows.length;
    return {
      nodes: rows,
      totalCount: total,
      pageInfo: { hasNextPage: end < total, endCursor: rows.length ? encodeCursor([end, 'offset'], 'cadreCompliance') : null },
    };
  }

  @Access(Role.CADRE, Role.DEPARTMENT_HEAD, Role.STANDING_BOARD, Role.PROVINCE_ADMIN)
  @Query(() => CadreCompliance, { nullable: true, description: 'Kết quả của chính tôi trong năm' })
  async myCompliance(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<CadreCompliance | null> {
    assertYear(year);
    const { cadreId, provinceId } = viewerOf(ctx);
    if (!cadreId || provinceId === null) return null;
    return (await bundleOf(ctx, year, provinceId)).cadres.find((c) => c.cadreId === cadreId) ?? null;
  }

  @Access(Role.CENTRAL)
  @Query(() => [ProvinceCompliance], { description: 'So sánh các tỉnh trong một năm (Trung ương Đoàn)' })
  async centralComparison(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('orderBy', () => ComparisonOrder, { defaultValue: ComparisonOrder.MET_SHARE }) orderBy: ComparisonOrder,
  ): Promise<ProvinceCompliance[]> {
    assertYear(year);
    const provinces = ctx.deps.provinces.all.filter((p) => ctx.scope.readable.includes(p.id));
    const bundles = await provinceBundles(
      ctx.tx.manager,
      ctx.deps.complianceCache,
      year,
      ctx.deps.clock.today(),
      provinces.map((p) => p.id),
    );
    const rows = [...bundles.values()].map((b) => b.province);
    // Merged provinces appear for the years they have records of; the 34 current ones always.
    const shown = rows.filter(
      (r) => ctx.deps.provinces.get(r.provinceId)?.status === ProvinceStatus.ACTIVE || r.subjectCadres + r.exempt > 0,
    );
    const byName = new Map(provinces.map((p, i) => [p.id, i]));
    // Provinces without data ("chưa có số liệu") come after every province with data, whatever the order.
    return shown.sort(
      (a, b) =>
        Number(b.hasData) - Number(a.hasData) ||
        COMPARATORS[orderBy](a, b) ||
        (byName.get(a.provinceId) ?? 0) - (byName.get(b.provinceId) ?? 0),
    );
  }

  @Access(...READERS)
  @Query(() => [ProvinceCompliance], { description: 'Diễn biến qua các năm của một tỉnh' })
  async complianceTrend(
    @Ctx() ctx: Context,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Arg('provinceId', () => Int, { nullable: true }) provinceId?: number,
  ): Promise<ProvinceCompliance[]> {
    assertYear(fromYear);
    assertYear(toYear);
    if (toYear < fromYear || toYear - fromYear > 10)
      throw badInput('toYear', 'Khoảng năm phải từ 1 đến 11 năm.', ComplianceErrorCode.YEAR_RANGE_INVALID);
    const target = readableProvince(ctx.viewer, ctx.scope, provinceId);
    const result: ProvinceCompliance[] = [];
    for (let year = fromYear; year <= toYear; year += 1) {
      result.push((await bundleOf(ctx, year, target)).province);
    }
    return result;
  }

  @Access(...READERS)
  @Subscription(() => ComplianceUpdate, {
    description: 'Số liệu mới của tỉnh, Ban và cán bộ bị ảnh hưởng, ngay sau khi chuyến đi hoặc trường hợp miễn thay đổi',
    subscribe: ({ context, args }) => {
      const { viewer, deps } = context as SubscriptionContext;
      const year = (args as { year: number }).year;
      return subscribeScoped(deps.pubsub, 'COMPLIANCE_CHANGED', viewer, (p) => p.year === year);
    },
  })
  async complianceChanged(
    @Root() change: ComplianceInputPayload,
    @Ctx() ctx: SubscriptionContext,
    @Arg('year', () => Int) _year: number,
  ): Promise<ComplianceUpdate> {
    const { deps, viewer } = ctx;
    return withScope(deps.dataSource, viewer?.id ?? null, deps.provinces.records, async (tx) => {
      const bundles = await provinceBundles(tx.manager, deps.complianceCache, change.year, deps.clock.today(), [
        change.provinceId,
      ]);
      const bundle = present(bundles.get(change.provinceId), 'compliance of the province');
      const cadres = filterCadres(bundle.cadres, { cadreIds: change.cadreIds });
      const departmentIds = new Set(cadres.map((c) => c.departmentId));
      const departments = bundle.departments.filter((d) => departmentIds.has(d.departmentId));
      return { year: change.year, province: bundle.province, cadres, departments };
    });
  }

  @Access(Role.PROVINCE_ADMIN, Role.STANDING_BOARD, Role.DEPARTMENT_HEAD, Role.CENTRAL)
  @Query(() => [HostWeekLoad], { description: 'Số đoàn, ngày công từng đơn vị tiếp theo tuần (lớn nhất trước)' })
  hostLoad(
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('overloadedOnly', { defaultValue: false }) overloadedOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('period', () => LoadPeriod, { defaultValue: LoadPeriod.WEEK }) period: LoadPeriod,
    @Arg('provinceId', () => Int, { nullable: true }) provinceId?: number,
  ): Promise<HostWeekLoad[]> {
    checkPeriod(from, to);
    if (first < 1 || first > 500) throw badInput('first', 'Số dòng mỗi lần từ 1 đến 500.');
    return hostLoad(ctx.tx.manager, readableProvince(ctx.viewer, ctx.scope, provinceId), from, to, period, overloadedOnly, first);
  }

  @Access(Role.PROVINCE_ADMIN, Role.STANDING_BOARD, Role.CENTRAL)
  @Query(() => [MergeSuggestion], { description: 'Gợi ý ghép đoàn: chuyến đã duyệt đến cùng đơn vị trong cùng tuần' })
  mergeSuggestions(
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('provinceId', () => Int, { nullable: true }) provinceId?: number,
  ): Promise<MergeSuggestion[]> {
    checkPeriod(from, to);
    return mergeSuggestions(ctx.tx.manager, readableProvince(ctx.viewer, ctx.scope, provinceId), from, to);
  }

  @Access(Role.PROVINCE_ADMIN, Role.STANDING_BOARD, Role.DEPARTMENT_HEAD, Role.CENTRAL)
  @Query(() => [TopicOverlap], { description: 'Các cặp chuyên đề gần trùng nhau trong cùng quý' })
  topicOverlaps(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('threshold', () => Float, { defaultValue: 0.5, description: 'Ngưỡng giống nhau 0–1' }) threshold: number,
    @Arg('provinceId', () => Int, { nullable: true }) provinceId?: number,
  ): Promise<TopicOverlap[]> {
    assertYear(year);
    if (!(threshold > 0 && threshold <= 1)) throw badInput('threshold', 'Ngưỡng phải lớn hơn 0 và không quá 1.');
    return topicOverlaps(ctx.tx.manager, readableProvince(ctx.viewer, ctx.scope, provinceId), year, threshold);
  }

  @FieldResolver(() => Province)
  province(@Root() figures: ProvinceCompliance, @Ctx() ctx: Context): Province | undefined {
    return ctx.deps.provinces.get(figures.provinceId);
  }
}

@Resolver(() => CadreCompliance)
export class CadreComplianceResolver {
  @FieldResolver(() => Cadre, { description: 'Không có trong cập nhật trực tiếp: dùng fullName' })
  async cadre(@Root() figures: CadreCompliance, @Ctx() ctx: Context): Promise<Cadre> {
    return present(await requestLoaders(ctx).cadreById.load(figures.cadreId), 'cadre');
  }
}

@Resolver(() => DepartmentCompliance)
export class DepartmentComplianceResolver {
  @FieldResolver(() => Unit, { nullable: true })
  department(@Root() figures: DepartmentCompliance, @Ctx() ctx: Context): Promise<Unit | null> | null {
    return figures.departmentId ? requestLoaders(ctx).unitById.load(figures.departmentId) : null;
  }
}
