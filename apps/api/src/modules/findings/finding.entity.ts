import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ModelField {
  ECONOMY = 'ECONOMY',
  VOLUNTEERING = 'VOLUNTEERING',
  RELIGIOUS_AREA = 'RELIGIOUS_AREA',
  ETHNIC_MINORITY = 'ETHNIC_MINORITY',
  ORGANISATION = 'ORGANISATION',
  CULTURE_SPORTS = 'CULTURE_SPORTS',
  CHILDREN = 'CHILDREN',
  OTHER = 'OTHER',
}
registerEnumType(ModelField, {
  name: 'ModelField',
  description:
    'Kinh tế, tình nguyện, thanh niên vùng tôn giáo, thanh niên dân tộc thiểu số, xây dựng tổ chức, văn hóa – thể thao, thiếu nhi, khác',
});

export enum Replication {
  IDENTIFIED = 'IDENTIFIED',
  REPLICATING = 'REPLICATING',
  REPLICATED = 'REPLICATED',
}
registerEnumType(Replication, { name: 'Replication', description: 'Mới phát hiện, đang nhân rộng, đã nhân rộng' });

export enum RecommendationStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(RecommendationStatus, { name: 'RecommendationStatus', description: 'Mới, đang xử lý, đã trả lời, đã đóng' });

@ObjectType({ description: 'Mô hình hay, cách làm hiệu quả phát hiện ở cơ sở' })
@Entity('good_model')
export class GoodModel {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field(() => ModelField)
  @Column({ type: 'text' })
  field: ModelField;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => ID, { nullable: true, description: 'Chuyến đi phát hiện mô hình' })
  @Column({ type: 'uuid', name: 'trip_id', nullable: true })
  tripId: string | null;

  @Field(() => Replication)
  @Column({ type: 'text' })
  replication: Replication;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}

@ObjectType({ description: 'Đề xuất, kiến nghị của cơ sở cần được trả lời' })
@Entity('recommendation')
export class Recommendation {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'trip_id', nullable: true })
  tripId: string | null;

  @Field(() => ID, { description: 'Đơn vị nêu kiến nghị' })
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field(() => ID, { nullable: true, description: 'Ban được giao trả lời' })
  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Hạn trả lời' })
  @Column({ type: 'date', name: 'due_on', nullable: true })
  dueOn: string | null;

  @Field(() => RecommendationStatus)
  @Column({ type: 'text' })
  status: RecommendationStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', name: 'answered_by', nullable: true })
  answeredBy: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}

@ObjectType({ description: 'Ý kiến của đơn vị tiếp đón về một chuyến đi' })
@Entity('host_feedback')
export class HostFeedback {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', name: 'trip_id' })
  tripId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field({ description: 'Đoàn không yêu cầu tổ chức hội nghị (true: giữ đúng quy định)' })
  @Column({ type: 'boolean', name: 'no_conference' })
  noConference: boolean;

  @Field({
    description:
      'Không có cán bộ cấp trung gian đi kèm: Huyện đoàn trước 7/2025, nay là cấp trên trực tiếp của đơn vị (true: giữ đúng quy định)',
  })
  @Column({ type: 'boolean', name: 'no_district_escort' })
  noDistrictEscort: boolean;

  @Field({ description: 'Cơ sở không phải chịu chi phí (true: giữ đúng quy định)' })
  @Column({ type: 'boolean', name: 'no_cost' })
  noCost: boolean;

  @Field({ description: 'Đoàn không mời cấp ủy dự (true: giữ đúng quy định)' })
  @Column({ type: 'boolean', name: 'no_party_committee' })
  noPartyCommittee: boolean;

  @Field()
  @Column({ type: 'text' })
  comment: string;

  @Field({ description: 'Có vi phạm quy định khi về cơ sở' })
  @Column({ type: 'boolean', insert: false, update: false })
  breach: boolean;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}

@ObjectType({ description: 'Sự kiện: kế hoạch kiểm tra, kết luận, khắc phục, mô hình hay, kiến nghị và trả lời, ý kiến đơn vị' })
export class FindingEvent {
  @Field(() => Int) provinceId: number;
  @Field({
    description:
      'INSPECTION_PLANNED, CONCLUSION, ACTION_DONE, ACTION_VERIFIED, MODEL_FOUND, RECOMMENDATION_RAISED, RECOMMENDATION_ANSWERED, HOST_RULE_BREACH',
  })
  kind: string;
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() actorName: string;
  @Field(() => Date) at: Date;
}
