import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Connection } from '../../shared/pagination';

export enum NotificationKind {
  REPORT_DUE_SOON = 'REPORT_DUE_SOON',
  REPORT_OVERDUE = 'REPORT_OVERDUE',
  PENDING_PAST_START = 'PENDING_PAST_START',
  REGISTRATION_WAITING = 'REGISTRATION_WAITING',
  DELEGATION_ARRIVING = 'DELEGATION_ARRIVING',
  TRIP_RETURNED = 'TRIP_RETURNED',
  TRIP_REJECTED = 'TRIP_REJECTED',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'Báo cáo sắp đến hạn, báo cáo quá hạn, chuyến chưa duyệt đã quá ngày đi, đăng ký chờ duyệt lâu, đoàn sắp đến đơn vị, chuyến bị trả lại, chuyến bị từ chối',
});

/** What a notification is about, kept with it so it reads the same later: the web words it from these. */
export interface NotificationParams {
  tripTitle?: string;
  dueOn?: string;
  startDate?: string;
  days?: number;
  cadreName?: string;
  reason?: string;
}

@ObjectType({ description: 'Một thông báo trong hộp thư của người dùng (nhắc hạn, quyết định về chuyến đi)' })
@Entity('notification')
export class Notification {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Field(() => NotificationKind)
  @Column({ type: 'text' })
  kind: NotificationKind;

  @Field(() => ID, { description: 'Đối tượng được nhắc (hiện là chuyến đi)' })
  @Column({ type: 'uuid', name: 'subject_id' })
  subjectId: string;

  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'jsonb' })
  params: NotificationParams;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Lúc người dùng đánh dấu đã đọc; null: chưa đọc' })
  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;
}

export const NotificationConnection = Connection(Notification, 'NotificationConnection');
