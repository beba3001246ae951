import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Access, Role } from '../../shared/access';
import { badInput, notFound } from '../../shared/errors';
import { subscribeScoped, type ImportProgressPayload } from '../../shared/pubsub';
import type { Context, SubscriptionContext } from '../../context';
import { writableProvince } from '../tenancy/tenancy';
import { viewerOf } from '../tenancy/actor';
import { createCalendarFeed, myCalendarFeeds, revokeCalendarFeed } from './calendar.service';
import { findImportJob, payloadToJob, recentImportJobs } from './import.jobs';
import { CalendarFeed, CalendarLink, CalendarOwner, ImportJob } from './transfer.entity';

const CALENDAR_USERS = [Role.PROVINCE_ADMIN, Role.STANDING_BOARD, Role.DEPARTMENT_HEAD, Role.CADRE, Role.HOST_UNIT];

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Access(Role.PROVINCE_ADMIN)
  @Query(() => ImportJob, { description: 'Một lần nhập tệp: tiến độ, kết quả, danh sách lỗi' })
  async importJob(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ImportJob> {
    return (await findImportJob(ctx.tx.manager, id)) ?? Promise.reject(notFound('Lần nhập tệp'));
  }

  @Access(Role.PROVINCE_ADMIN)
  @Query(() => [ImportJob], { description: 'Các lần nhập tệp gần đây của tỉnh, mới nhất trước' })
  importJobs(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 10 }) first: number): Promise<ImportJob[]> {
    if (first < 1 || first > 50) throw badInput('first', 'Số dòng mỗi lần từ 1 đến 50.');
    return recentImportJobs(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), first);
  }

  @Access(Role.PROVINCE_ADMIN)
  @Subscription(() => ImportJob, {
    description: 'Tiến độ một lần nhập tệp của tỉnh mình, đến khi xong (kèm danh sách lỗi nếu có)',
    subscribe: ({ context, args }) => {
      const { viewer, deps } = context as SubscriptionContext;
      const jobId = (args as { jobId: string }).jobId;
      return subscribeScoped(deps.pubsub, 'IMPORT_PROGRESS', viewer, (p) => p.id === jobId);
    },
  })
  importProgress(@Root() payload: ImportProgressPayload, @Arg('jobId', () => ID) _jobId: string): ImportJob {
    return payloadToJob(payload);
  }
}

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  @Access(...CALENDAR_USERS)
  @Query(() => [CalendarFeed], { description: 'Các đường dẫn lịch riêng tôi đã tạo và còn dùng được' })
  myCalendarFeeds(@Ctx() ctx: Context): Promise<CalendarFeed[]> {
    return myCalendarFeeds(ctx.tx.manager, viewerOf(ctx));
  }

  @Access(...CALENDAR_USERS)
  @Mutation(() => CalendarLink, {
    description:
      'Tạo đường dẫn lịch riêng (chuyến đi đã duyệt của tôi, hoặc các đoàn đến đơn vị tôi); đường dẫn cũ thôi dùng được',
  })
  createCalendarFeed(@Ctx() ctx: Context, @Arg('owner', () => CalendarOwner) owner: CalendarOwner): Promise<CalendarLink> {
    return createCalendarFeed(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), viewerOf(ctx), owner);
  }

  @Access(...CALENDAR_USERS)
  @Mutation(() => CalendarFeed, { description: 'Thu hồi đường dẫn lịch: ứng dụng lịch không đọc được nữa' })
  revokeCalendarFeed(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CalendarFeed> {
    return revokeCalendarFeed(ctx.tx.manager, writableProvince(ctx.viewer, ctx.scope), viewerOf(ctx), id);
  }
}
