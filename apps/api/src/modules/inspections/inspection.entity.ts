import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum InspectionSubject {
  MEMBER_DEVELOPMENT = 'MEMBER_DEVELOPMENT',
  UNION_FUNDS = 'UNION_FUNDS',
  ENTRUSTED_LOANS = 'ENTRUSTED_LOANS',
  ORGANISATION = 'ORGANISATION',
  MOVEMENT = 'MOVEMENT',
  OTHER = 'OTHER',
}
registerEnumType(InspectionSubject, {
  name: 'InspectionSubject',
  description: 'Phát triển đoàn viên, thu chi quỹ Đoàn, vốn vay ủy thác, tổ chức cơ sở Đoàn, phong trào, khác',
});

export enum InspectionRating {
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  AVERAGE = 'AVERAGE',
  WEAK = 'WEAK',
}
registerEnumType(InspectionRating, { name: 'InspectionRating', description: 'Tốt, Khá, Trung bình, Yếu' });

export enum ActionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  VERIFIED = 'VERIFIED',
}
registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  description: 'Chưa khắc phục, đơn vị báo đã khắc phục, đã kiểm tra xác nhận',
});

@ObjectType({ description: 'Kế hoạch kiểm tra, giám sát của Ban Thường vụ trong năm' })
@Entity('inspection_plan')
export class InspectionPlan {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => InspectionSubject)
  @Column({ type: 'text' })
  subject: InspectionSubject;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'starts_on' })
  startsOn: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'ends_on' })
  endsOn: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Đoàn kiểm tra: trưởng đoàn và thành viên, có thể từ nhiều Ban' })
@Entity('inspection_team')
export class InspectionTeam {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'plan_id' })
  planId: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'lead_cadre_id' })
  leadCadreId: string;
}

@ObjectType({ description: 'Báo cáo kết luận sau một đợt kiểm tra tại một đơn vị' })
@Entity('inspection_conclusion')
export class InspectionConclusion {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID, { description: 'Chuyến kiểm tra' })
  @Column({ type: 'uuid', name: 'trip_id' })
  tripId: string;

  @Field(() => ID, { description: 'Đơn vị được kiểm tra' })
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field()
  @Column({ type: 'text' })
  findings: string;

  @Field(() => InspectionRating)
  @Column({ type: 'text' })
  rating: InspectionRating;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'concluded_on' })
  concludedOn: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}

@ObjectType({ description: 'Yêu cầu khắc phục, theo dõi đến khi được xác nhận' })
@Entity('corrective_action')
export class CorrectiveAction {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'conclusion_id' })
  conclusionId: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'responsible_unit_id' })
  responsibleUnitId: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'due_on' })
  dueOn: string;

  @Field(() => ActionStatus)
  @Column({ type: 'text' })
  status: ActionStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'done_note', nullable: true })
  doneNote: string | null;

  @Column({ type: 'timestamptz', name: 'done_at', nullable: true })
  doneAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'uuid', name: 'verified_by', nullable: true })
  verifiedBy: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}
