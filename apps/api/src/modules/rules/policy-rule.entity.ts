import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum CheckMode {
  BLOCK = 'BLOCK',
  WARN = 'WARN',
  OFF = 'OFF',
}
registerEnumType(CheckMode, { name: 'CheckMode', description: 'BLOCK: chặn; WARN: chỉ cảnh báo; OFF: không kiểm tra' });

/**
 * A province's rules for one policy year. Central guidance (Hướng dẫn 03-HD/TWĐTN-BTC) gives the
 * defaults; each province may change them per year (30 days in some, a March–December window in others).
 */
@ObjectType({ description: 'Quy định "1+2" của tỉnh cho một năm' })
@Entity('policy_rule')
export class PolicyRule {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => Int)
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Field(() => Int, { description: 'Số ngày tối thiểu phải đi cơ sở' })
  @Column({ type: 'integer', name: 'required_days' })
  requiredDays: number;

  @Field(() => LocalDateResolver, { description: 'Đầu kỳ tính ngày' })
  @Column({ type: 'date', name: 'window_start' })
  windowStart: string;

  @Field(() => LocalDateResolver, { description: 'Cuối kỳ tính ngày' })
  @Column({ type: 'date', name: 'window_end' })
  windowEnd: string;

  @Field(() => Int, { nullable: true, description: 'Tối thiểu ngày ở cấp huyện (nếu quy định)' })
  @Column({ type: 'integer', name: 'min_days_district', nullable: true })
  minDaysDistrict: number | null;

  @Field(() => Int, { nullable: true, description: 'Tối thiểu ngày ở cấp xã/cơ sở' })
  @Column({ type: 'integer', name: 'min_days_commune', nullable: true })
  minDaysCommune: number | null;

  @Field(() => Int, { nullable: true, description: 'Tối thiểu ngày ở chi đoàn' })
  @Column({ type: 'integer', name: 'min_days_chapter', nullable: true })
  minDaysChapter: number | null;

  @Field({ description: 'Phải nộp báo cáo thì ngày đi mới được tính' })
  @Column({ type: 'boolean', name: 'report_required' })
  reportRequired: boolean;

  @Field(() => Int, { description: 'Hạn nộp báo cáo: số ngày sau khi về' })
  @Column({ type: 'integer', name: 'report_due_days' })
  reportDueDays: number;

  @Field(() => CheckMode, { description: 'Đăng ký sau khi chuyến đi đã bắt đầu hoặc quá hạn đăng ký của đợt' })
  @Column({ type: 'text', name: 'check_late_registration' })
  checkLateRegistration: CheckMode;

  @Field(() => CheckMode, { description: 'Một cán bộ ở hai chuyến đi trong cùng một ngày' })
  @Column({ type: 'text', name: 'check_double_booking' })
  checkDoubleBooking: CheckMode;

  @Field(() => CheckMode, { description: 'Đơn vị cơ sở tiếp quá nhiều đoàn trong một tuần' })
  @Column({ type: 'text', name: 'check_host_load' })
  checkHostLoad: CheckMode;

  @Field(() => Int, { description: 'Số đoàn tối đa một đơn vị tiếp trong một tuần' })
  @Column({ type: 'integer', name: 'host_load_max_per_week' })
  hostLoadMaxPerWeek: number;

  @Field(() => CheckMode, { description: 'Chuyên đề trùng với chuyên đề của Ban khác trong cùng quý' })
  @Column({ type: 'text', name: 'check_topic_overlap' })
  checkTopicOverlap: CheckMode;

  @Field(() => CheckMode, {
    description: 'Cán bộ đi cơ sở trong thời gian được miễn (mặc định: chỉ cảnh báo, vì người miễn một phần vẫn có thể đi)',
  })
  @Column({ type: 'text', name: 'check_exempt_trip' })
  checkExemptTrip: CheckMode;

  @Field({
    description:
      'Chuyến đi của một thành viên Thường trực (trưởng đoàn hoặc thành viên) phải do một thành viên Thường trực khác quyết định',
  })
  @Column({ type: 'boolean', name: 'own_trip_decided_by_other' })
  ownTripDecidedByOther: boolean;

  @Field(() => Int, { description: 'Số ngày nghỉ ốm tối thiểu để được miễn vì ốm đau dài ngày (mặc định 30)' })
  @Column({ type: 'integer', name: 'sick_leave_min_days' })
  sickLeaveMinDays: number;

  @Field(() => Int, { description: 'Phiên bản; 0 khi tỉnh chưa lưu quy định riêng (đang dùng mặc định)' })
  @Column({ type: 'integer' })
  version: number;
}

export function defaultRule(provinceId: number, year: number): PolicyRule {
  return Object.assign(new PolicyRule(), {
    provinceId,
    year,
    requiredDays: 60,
    windowStart: `${year}-01-01`,
    windowEnd: `${year}-12-31`,
    minDaysDistrict: null,
    minDaysCommune: null,
    minDaysChapter: null,
    reportRequired: true,
    reportDueDays: 10,
    checkLateRegistration: CheckMode.WARN,
    checkDoubleBooking: CheckMode.BLOCK,
    checkHostLoad: CheckMode.WARN,
    hostLoadMaxPerWeek: 2,
    checkTopicOverlap: CheckMode.WARN,
    checkExemptTrip: CheckMode.WARN,
    ownTripDecidedByOther: true,
    sickLeaveMinDays: 30,
    version: 0,
  });
}
