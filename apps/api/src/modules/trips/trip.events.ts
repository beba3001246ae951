import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TripEventType, TripKind, TripState } from './trip.entity';

/** A change to a trip, pushed live to the province's users and to central users. */
@ObjectType({ description: 'Sự kiện của một chuyến đi (đăng ký, duyệt, trả lại, đã đi, báo cáo, ghép đoàn…)' })
export class TripEvent {
  @Field(() => Int)
  provinceId: number;

  @Field(() => ID)
  tripId: string;

  @Field(() => TripKind)
  kind: TripKind;

  @Field(() => TripEventType)
  event: TripEventType;

  @Field(() => TripState)
  state: TripState;

  @Field()
  title: string;

  @Field(() => ID)
  cadreId: string;

  @Field({ description: 'Trưởng đoàn' })
  cadreName: string;

  @Field({ description: 'Người thực hiện' })
  actorName: string;

  @Field(() => ID, { nullable: true, description: 'Tài khoản người thực hiện' })
  actorId: string | null;

  @Field(() => Date)
  at: Date;
}
