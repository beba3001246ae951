import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { CheckMode } from '../rules/policy-rule.entity';
import type { ErrorReason } from '../../shared/errors';

export enum TripKind {
  TOPIC = 'TOPIC',
  COORDINATION = 'COORDINATION',
  INSPECTION = 'INSPECTION',
  MEETING = 'MEETING',
}
registerEnumType(TripKind, {
  name: 'TripKind',
  description: 'Chuyên đề; phối hợp tổ chức hoạt động; kiểm tra, giám sát; dự sinh hoạt',
});

export enum TripState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  RETURNED = 'RETURNED',
  COMPLETED = 'COMPLETED',
  REPORTED = 'REPORTED',
  REPORT_ACCEPTED = 'REPORT_ACCEPTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TripState, {
  name: 'TripState',
  description: 'Nháp, chờ duyệt, đã duyệt, từ chối, trả lại để sửa, đã đi, đã báo cáo, báo cáo được chấp nhận, đã hủy',
});

export enum TripEventType {
  REGISTERED = 'REGISTERED',
  UPDATED = 'UPDATED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  RETURNED = 'RETURNED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  REPORTED = 'REPORTED',
  REPORT_ACCEPTED = 'REPORT_ACCEPTED',
  MERGED = 'MERGED',
  SETTLEMENT_CHANGED = 'SETTLEMENT_CHANGED',
}
registerEnumType(TripEventType, { name: 'TripEventType' });

export enum Settlement {
  NONE = 'NONE',
  PENDING = 'PENDING',
  SETTLED = 'SETTLED',
}
registerEnumType(Settlement, { name: 'Settlement', description: 'Quyết toán kinh phí: chưa, đang, đã quyết toán' });

/** States whose trips hold their cadres' days and their hosts' attention. */
export const LIVE_STATES = [
  TripState.DRAFT,
  TripState.SUBMITTED,
  TripState.APPROVED,
  TripState.RETURNED,
  TripState.COMPLETED,
  TripState.REPORTED,
  TripState.REPORT_ACCEPTED,
];
/** States in which a host can expect the delegation. */
export const CONFIRMED_STATES = [TripState.APPROVED, TripState.COMPLETED, TripState.REPORTED, TripState.REPORT_ACCEPTED];

@ObjectType({ description: 'Kết quả một phép kiểm tra quy định khi đăng ký chuyến đi' })
export class TripCheck {
  @Field(() => String, { description: 'Mã phép kiểm tra, ví dụ DOUBLE_BOOKING' })
  code: ErrorReason;

  @Field(() => CheckMode, { description: 'BLOCK: không thể trình; WARN: được trình nhưng bị gắn cờ' })
  severity: CheckMode;

  @Field({ description: 'Trường dữ liệu liên quan, ví dụ input.startDate' })
  field: string;

  @Field()
  message: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Chuyến đi gây ra kết quả này, nếu có (ví dụ bản nháp trùng ngày), để mở hoặc hủy',
  })
  tripId?: string | null;
}

/** Amounts in đồng are bigint columns, which the driver returns as text; they fit a JS number. */
const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@ObjectType({ description: 'Chuyến đi cơ sở' })
@Entity('trip')
export class Trip {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => TripKind)
  @Column({ type: 'text' })
  kind: TripKind;

  @Field(() => TripState)
  @Column({ type: 'text' })
  state: TripState;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field({ description: 'Mục đích' })
  @Column({ type: 'text' })
  purpose: string;

  @Field({ description: 'Kết quả dự kiến' })
  @Column({ type: 'text', name: 'expected_output' })
  expectedOutput: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'topic_id', nullable: true })
  topicId: string | null;

  @Field(() => ID, { description: 'Trưởng đoàn / người đăng ký' })
  @Column({ type: 'uuid', name: 'lead_cadre_id' })
  leadCadreId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'batch_id', nullable: true })
  batchId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'plan_id', nullable: true })
  planId: string | null;

  @Field(() => ID, { nullable: true, description: 'Đoàn kiểm tra (chuyến kiểm tra theo kế hoạch)' })
  @Column({ type: 'uuid', name: 'inspection_team_id', nullable: true })
  inspectionTeamId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cấp tổ chức đoàn kiểm tra (Trung ương, Tỉnh…) khi tham gia đoàn cấp trên',
  })
  @Column({ type: 'text', nullable: true })
  organiser: string | null;

  @Field(() => ID, { nullable: true, description: 'Đoàn công tác đã ghép' })
  @Column({ type: 'uuid', name: 'delegation_id', nullable: true })
  delegationId: string | null;

  @Field(() => LocalDateResolver, { description: 'Ngày đi dự kiến' })
  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Field(() => LocalDateResolver, { description: 'Ngày về dự kiến' })
  @Column({ type: 'date', name: 'end_date' })
  endDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Ngày đi thực tế' })
  @Column({ type: 'date', name: 'actual_start', nullable: true })
  actualStart: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Ngày về thực tế' })
  @Column({ type: 'date', name: 'actual_end', nullable: true })
  actualEnd: string | null;

  @Field(() => String, { nullable: true, description: 'Số công lệnh / quyết định cử đi' })
  @Column({ type: 'text', name: 'travel_order_no', nullable: true })
  travelOrderNo: string | null;

  @Field(() => Int, { nullable: true, description: 'Kinh phí dự kiến (đồng)' })
  @Column({
    type: 'bigint',
    name: 'estimated_cost',
    nullable: true,
    transformer: BIGINT_AS_NUMBER,
  })
  estimatedCost: number | null;

  @Field(() => Int, { nullable: true, description: 'Kinh phí thực tế (đồng)' })
  @Column({
    type: 'bigint',
    name: 'actual_cost',
    nullable: true,
    transformer: BIGINT_AS_NUMBER,
  })
  actualCost: number | null;

  @Field(() => Settlement)
  @Column({ type: 'text' })
  settlement: Settlement;

  @Field({ description: 'Đăng ký muộn (sau khi đã đi hoặc quá hạn đăng ký của đợt)' })
  @Column({ type: 'boolean', name: 'late_registration' })
  lateRegistration: boolean;

  @Field(() => String, { nullable: true, description: 'Giải trình đăng ký muộn' })
  @Column({ type: 'text', name: 'late_justification', nullable: true })
  lateJustification: string | null;

  @Field(() => String, { nullable: true, description: 'Lý do từ chối, trả lại hoặc hủy gần nhất' })
  @Column({ type: 'text', name: 'decision_note', nullable: true })
  decisionNote: string | null;

  @Field(() => [TripCheck], { description: 'Cảnh báo quy định ghi nhận khi trình' })
  @Column({ type: 'jsonb' })
  warnings: TripCheck[];

  @Field(() => Int, { description: 'Phiên bản, gửi kèm mọi thao tác để chống ghi đè' })
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  /** A trip imported from a file: its identity there (lead cadre, kind, dates, destinations), so a re-import skips it. */
  @Column({ type: 'text', name: 'import_key', nullable: true })
  importKey: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt: Date | null;
}

@Entity('trip_member')
export class TripMember {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @PrimaryColumn({ type: 'uuid', name: 'trip_id' })
  tripId: string;

  @PrimaryColumn({ type: 'uuid', name: 'cadre_id' })
  cadreId: string;

  @Column({ type: 'boolean', name: 'is_lead' })
  isLead: boolean;
}

@Entity('trip_destination')
export class TripDestination {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @PrimaryColumn({ type: 'uuid', name: 'trip_id' })
  tripId: string;

  @PrimaryColumn({ type: 'uuid', name: 'unit_id' })
  unitId: string;
}

@ObjectType({ description: 'Một bước trong lịch sử chuyến đi: ai, lúc nào, làm gì' })
@Entity('trip_event')
export class TripTimelineEntry {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid', name: 'trip_id' })
  tripId: string;

  @Field(() => TripEventType)
  @Column({ type: 'text' })
  event: TripEventType;

  @Field(() => TripState, { nullable: true })
  @Column({ type: 'text', name: 'from_state', nullable: true })
  fromState: TripState | null;

  @Field(() => TripState)
  @Column({ type: 'text', name: 'to_state' })
  toState: TripState;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId: string | null;

  @Field({ description: 'Người thực hiện' })
  @Column({ type: 'text', name: 'actor_name' })
  actorName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;
}

@ObjectType({ description: 'Chi tiết riêng theo loại chuyến đi' })
export class TripReportDetails {
  @Field(() => Int, { nullable: true, description: 'Dự sinh hoạt: số đoàn viên có mặt' })
  membersPresent?: number | null;

  @Field(() => String, { nullable: true, description: 'Dự sinh hoạt: nội dung, chất lượng buổi sinh hoạt' })
  meetingQuality?: string | null;

  @Field(() => String, { nullable: true, description: 'Dự sinh hoạt: vấn đề được nêu trong buổi sinh hoạt' })
  issuesRaised?: string | null;

  @Field(() => String, { nullable: true, description: 'Kiểm tra, giám sát: kết luận' })
  conclusion?: string | null;

  @Field(() => String, { nullable: true, description: 'Phối hợp: kết quả hoạt động' })
  activityOutcome?: string | null;
}

@ObjectType({ description: 'Báo cáo kết quả chuyến đi' })
@Entity('trip_report')
export class TripReport {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @PrimaryColumn({ type: 'uuid', name: 'trip_id' })
  tripId: string;

  @Field({ description: 'Kết quả nắm tình hình' })
  @Column({ type: 'text' })
  findings: string;

  @Field({ description: 'Khó khăn, vướng mắc' })
  @Column({ type: 'text' })
  difficulties: string;

  @Field({ description: 'Tâm tư, nguyện vọng của đoàn viên thanh niên' })
  @Column({ type: 'text', name: 'members_concerns' })
  membersConcerns: string;

  @Field({ description: 'Mô hình hay, cách làm hiệu quả' })
  @Column({ type: 'text', name: 'good_models' })
  goodModels: string;

  @Field({ description: 'Đề xuất, kiến nghị của cơ sở' })
  @Column({ type: 'text' })
  recommendations: string;

  @Field(() => TripReportDetails)
  @Column({ type: 'jsonb' })
  details: TripReportDetails;

  @Field(() => LocalDateResolver, { description: 'Hạn nộp' })
  @Column({ type: 'date', name: 'due_on' })
  dueOn: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt: Date;

  @Field({ description: 'Nộp muộn' })
  @Column({ type: 'boolean' })
  late: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', name: 'submitted_by', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'uuid', name: 'accepted_by', nullable: true })
  acceptedBy: string | null;
}

@ObjectType({ description: 'Đoàn công tác ghép từ nhiều chuyến đi đến cùng đơn vị' })
@Entity('delegation')
export class Delegation {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'host_unit_id' })
  hostUnitId: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'end_date' })
  endDate: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}
