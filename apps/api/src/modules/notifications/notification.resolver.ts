import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Access, ALL_ROLES } from '../../shared/access';
import { PageArgs, type Page } from '../../shared/pagination';
import { subscribeScoped, type NotificationPayload } from '../../shared/pubsub';
import type { Context, SubscriptionContext } from '../../context';
import { viewerOf } from '../tenancy/actor';
import { Notification, NotificationConnection } from './notification.entity';
import { fromPayload, listNotifications, markAllRead, markRead, messageOf, unreadCount } from './notification.service';

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Chỉ thông báo chưa đọc' })
  unreadOnly: boolean = false;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Access(...ALL_ROLES)
  @Query(() => NotificationConnection, { description: 'Hộp thông báo của tôi, mới nhất trước' })
  notifications(@Ctx() ctx: Context, @Args(() => NotificationsArgs) args: NotificationsArgs): Promise<Page<Notification>> {
    return listNotifications(ctx.tx.manager, viewerOf(ctx), args);
  }

  @Access(...ALL_ROLES)
  @Query(() => Int, { description: 'Số thông báo chưa đọc của tôi' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return unreadCount(ctx.tx.manager, viewerOf(ctx));
  }

  @Access(...ALL_ROLES)
  @Mutation(() => Notification, { description: 'Đánh dấu một thông báo của tôi là đã đọc' })
  markNotificationRead(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Notification> {
    return markRead(ctx.tx.manager, viewerOf(ctx), id);
  }

  @Access(...ALL_ROLES)
  @Mutation(() => Int, { description: 'Đánh dấu mọi thông báo của tôi là đã đọc; trả về số thông báo vừa đánh dấu' })
  markAllNotificationsRead(@Ctx() ctx: Context): Promise<number> {
    return markAllRead(ctx.tx.manager, viewerOf(ctx));
  }

  @Access(...ALL_ROLES)
  @Subscription(() => Notification, {
    description: 'Thông báo mới của tôi, ngay khi được tạo',
    subscribe: ({ context }) => {
      const { viewer, deps } = context as SubscriptionContext;
      const me = viewer?.id;
      return subscribeScoped(deps.pubsub, 'NOTIFICATION_ADDED', viewer, (p) => p.userId === me);
    },
  })
  notificationAdded(@Root() payload: NotificationPayload): Notification {
    return fromPayload(payload);
  }

  @FieldResolver(() => String, { description: 'Đường dẫn trên web tới đối tượng, ví dụ /trips/<id>' })
  link(@Root() n: Notification): string {
    return `/trips/${n.subjectId}`;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Tên chuyến đi' })
  tripTitle(@Root() n: Notification): string | null {
    return n.params.tripTitle ?? null;
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'Hạn nộp báo cáo (nhắc báo cáo)' })
  dueOn(@Root() n: Notification): string | null {
    return n.params.dueOn ?? null;
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'Ngày đi của chuyến' })
  startDate(@Root() n: Notification): string | null {
    return n.params.startDate ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Số ngày lúc tạo thông báo: còn bao nhiêu ngày (sắp đến hạn, đoàn sắp đến), quá bao nhiêu ngày (quá hạn, quá ngày đi), đã chờ bao nhiêu ngày (chờ duyệt)',
  })
  days(@Root() n: Notification): number | null {
    return n.params.days ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Trưởng đoàn (thông báo gửi người khác)' })
  cadreName(@Root() n: Notification): string | null {
    return n.params.cadreName ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Lý do trả lại hoặc từ chối' })
  reason(@Root() n: Notification): string | null {
    return n.params.reason ?? null;
  }

  @FieldResolver(() => String, { description: 'Nội dung bằng tiếng Việt (cho ứng dụng không tự diễn đạt theo kind)' })
  message(@Root() n: Notification): string {
    return messageOf(n.kind, n.params);
  }
}
