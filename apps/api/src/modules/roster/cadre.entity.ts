import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CadreField, CadreFieldKind, ExemptionNoteField } from './roster.policy';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: 'Nam / Nữ' });

export enum ExemptionKind {
  LONG_STUDY = 'LONG_STUDY',
  LONG_SICK_LEAVE = 'LONG_SICK_LEAVE',
  MATERNITY = 'MATERNITY',
  OTHER = 'OTHER',
}
registerEnumType(ExemptionKind, {
  name: 'ExemptionKind',
  description: 'Học tập dài hạn (từ 6 tháng), ốm đau dài hạn, thai sản, trường hợp khác được duyệt',
});

/**
 * Name, position and department are read by whoever may read the cadre (a host unit sees its visitors');
 * the roster's facts and the cadre's personal data are guarded field by field (roster.policy.ts).
 */
@ObjectType({ description: 'Cán bộ thuộc diện thực hiện chủ trương "1+2"' })
@Entity('cadre')
export class Cadre {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Họ và tên' })
  @Column({ type: 'text', name: 'full_name' })
  fullName: string;

  /** The province's own code for the cadre, by which import files name them. */
  @Column({ type: 'text', nullable: true })
  code: string | null;

  @CadreField(CadreFieldKind.ROSTER)
  @Field(() => Gender, { nullable: true })
  @Column({ type: 'text' })
  gender: Gender;

  @Field({ description: 'Chức vụ' })
  @Column({ type: 'text' })
  position: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  @CadreField(CadreFieldKind.ROSTER)
  @Field(() => Boolean, { nullable: true, description: 'Cán bộ chuyên trách cơ quan Tỉnh đoàn' })
  @Column({ type: 'boolean', name: 'agency_staff' })
  agencyStaff: boolean;

  @CadreField(CadreFieldKind.ROSTER)
  @Field(() => Boolean, { nullable: true, description: 'Ủy viên Ban Chấp hành chuyên trách' })
  @Column({ type: 'boolean', name: 'executive_member' })
  executiveMember: boolean;

  @CadreField(CadreFieldKind.ROSTER)
  @Field(() => String, { nullable: true, description: 'Nhiệm kỳ, ví dụ Khóa XII 2017–2022' })
  @Column({ type: 'text', nullable: true })
  term: string | null;

  @CadreField(CadreFieldKind.ROSTER)
  @Field(() => LocalDateResolver, { nullable: true, description: 'Thuộc diện từ ngày' })
  @Column({ type: 'date', name: 'subject_from' })
  subjectFrom: string;

  @CadreField(CadreFieldKind.ROSTER)
  @Field(() => LocalDateResolver, { nullable: true, description: 'Thuộc diện đến ngày' })
  @Column({ type: 'date', name: 'subject_to', nullable: true })
  subjectTo: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Trường hợp miễn thực hiện đi cơ sở trong một khoảng thời gian' })
@Entity('exemption')
export class Exemption {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'cadre_id' })
  cadreId: string;

  @Field(() => ExemptionKind)
  @Column({ type: 'text' })
  kind: ExemptionKind;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'end_date' })
  endDate: string;

  @ExemptionNoteField()
  @Field(() => String, {
    nullable: true,
    description: 'Ghi chú (có thể là lý do sức khỏe): chỉ Ban Tổ chức và chính cán bộ đọc được; người khác nhận null',
  })
  @Column({ type: 'text' })
  note: string;

  @Field({ description: 'Người/cấp phê duyệt' })
  @Column({ type: 'text', name: 'approved_by' })
  approvedBy: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Chuyến đi của cán bộ nằm trong thời gian miễn sắp ghi nhận' })
export class TripDuringExemption {
  @Field(() => ID) tripId: string;
  @Field() title: string;
  @Field(() => LocalDateResolver, { description: 'Ngày đi (thực tế nếu đã đi)' }) startDate: string;
  @Field(() => LocalDateResolver, { description: 'Ngày về (thực tế nếu đã đi)' }) endDate: string;
  @Field(() => Int, { description: 'Số ngày của chuyến nằm trong thời gian miễn' }) daysInside: number;
  @Field({ description: 'Đã đi (hoàn thành hoặc đã báo cáo); không: đã duyệt, chưa đi' }) done: boolean;
}
