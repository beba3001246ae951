import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'Đợt đi cơ sở trong quý, với khoảng ngày và hạn đăng ký' })
@Entity('batch')
export class Batch {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  quarter: number;

  @Field(() => Int, { description: 'Số thứ tự đợt trong quý' })
  @Column({ type: 'integer' })
  number: number;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'starts_on' })
  startsOn: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'ends_on' })
  endsOn: string;

  @Field(() => LocalDateResolver, { description: 'Hạn đăng ký' })
  @Column({ type: 'date', name: 'registration_deadline' })
  registrationDeadline: string;

  @Field({ description: 'Còn nhận đăng ký mới; đợt đã đóng vẫn hiện ở các chuyến đi đã dùng nó' })
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Chuyên đề trong danh mục của năm, do một Ban phụ trách' })
@Entity('topic')
export class Topic {
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

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'department_id' })
  departmentId: string;

  @Field({ description: 'Còn nhận đăng ký mới; chuyên đề đã đóng vẫn hiện ở các chuyến đi đã dùng nó' })
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}

export enum PlanState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(PlanState, { name: 'PlanState', description: 'Nháp, đã trình, đã duyệt, trả lại' });

@ObjectType({ description: 'Kế hoạch đi cơ sở theo quý của một Ban/Văn phòng, trình Thường trực một lần' })
@Entity('quarterly_plan')
export class QuarterlyPlan {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'department_id' })
  departmentId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  quarter: number;

  @Field(() => PlanState)
  @Column({ type: 'text' })
  state: PlanState;

  @Field()
  @Column({ type: 'text' })
  note: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}
