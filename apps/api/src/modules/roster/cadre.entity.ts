import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Field(() => Gender)
  @Column({ type: 'text' })
  gender: Gender;

  @Field({ description: 'Chức vụ' })
  @Column({ type: 'text' })
  position: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  @Field({ description: 'Cán bộ chuyên trách cơ quan Tỉnh đoàn' })
  @Column({ type: 'boolean', name: 'agency_staff' })
  agencyStaff: boolean;

  @Field({ description: 'Ủy viên Ban Chấp hành chuyên trách' })
  @Column({ type: 'boolean', name: 'executive_member' })
  executiveMember: boolean;

  @Field(() => String, { nullable: true, description: 'Nhiệm kỳ, ví dụ Khóa XII 2017–2022' })
  @Column({ type: 'text', nullable: true })
  term: string | null;

  @Field(() => LocalDateResolver, { description: 'Thuộc diện từ ngày' })
  @Column({ type: 'date', name: 'subject_from' })
  subjectFrom: string;

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

  @Field()
  @Column({ type: 'text' })
  note: string;

  @Field({ description: 'Người/cấp phê duyệt' })
  @Column({ type: 'text', name: 'approved_by' })
  approvedBy: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}
