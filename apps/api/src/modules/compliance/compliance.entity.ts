import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

export enum ComplianceStatus {
  MET = 'MET',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BEHIND = 'BEHIND',
  NOT_MET = 'NOT_MET',
  EXEMPT = 'EXEMPT',
}
registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description:
    'Đạt; đúng tiến độ, có nguy cơ không đạt, chậm tiến độ (kỳ chưa kết thúc); không đạt (kỳ đã kết thúc mà chưa đủ); được miễn',
});

@ObjectType({ simpleResolvers: true, description: 'Số ngày theo loại chuyến đi' })
export class DaysByKind {
  @Field(() => Int) topic: number;
  @Field(() => Int) coordination: number;
  @Field(() => Int) inspection: number;
  @Field(() => Int) meeting: number;
}

@ObjectType({ simpleResolvers: true, description: 'Số ngày theo cấp đơn vị tiếp nhận' })
export class DaysByLevel {
  @Field(() => Int, { description: 'Cấp huyện và tương đương' }) district: number;
  @Field(() => Int, { description: 'Cấp xã, cơ sở Đoàn' }) commune: number;
  @Field(() => Int, { description: 'Chi đoàn' }) chapter: number;
}

@ObjectType({ simpleResolvers: true, description: 'Kết quả thực hiện "1+2" của một cán bộ trong một năm' })
export class CadreCompliance {
  @Field(() => Int) provinceId: number;
  @Field(() => ID) cadreId: string;
  @Field({ description: 'Họ và tên cán bộ' }) fullName: string;
  departmentId: string | null;
  @Field(() => Int) year: number;
  @Field(() => LocalDateResolver) windowStart: string;
  @Field(() => LocalDateResolver) windowEnd: string;
  @Field(() => Int, { description: 'Số ngày trong kỳ cán bộ thuộc diện và không được miễn' }) availableDays: number;
  @Field(() => Int, { description: 'Số ngày phải đi sau khi trừ thời gian miễn (làm tròn lên)' }) requiredDays: number;
  @Field(() => Int, { description: 'Số ngày đã đi được tính (một ngày chỉ tính một lần)' }) countedDays: number;
  @Field(() => DaysByKind) byKind: DaysByKind;
  @Field(() => DaysByLevel) byLevel: DaysByLevel;
  @Field(() => Int, { description: 'Ngày ở vùng sâu, vùng xa, biên giới, hải đảo' }) hardshipDays: number;
  @Field(() => Int, { description: 'Ngày của các chuyến đã duyệt sắp tới' }) upcomingDays: number;
  @Field(() => Int) lateTrips: number;
  @Field(() => Int, { description: 'Chuyến đã đi quá hạn chưa báo cáo' }) overdueReports: number;
  @Field({ description: 'Đạt số ngày tối thiểu theo từng cấp (nếu tỉnh quy định)' }) levelsMet: boolean;
  @Field(() => ComplianceStatus) status: ComplianceStatus;
  @Field(() => Int, { description: 'Dự kiến số ngày đến cuối kỳ' }) projectedDays: number;
}

@ObjectType({ simpleResolvers: true, description: 'Tỷ số "a/b", ví dụ 14/21' })
export class Ratio {
  @Field(() => Int) count: number;
  @Field(() => Int) total: number;
}

@ObjectType({ simpleResolvers: true, description: 'Đơn vị trong phạm vi độ phủ dự sinh hoạt chi đoàn' })
export class CoverageUnit {
  @Field(() => ID) unitId: string;
  @Field() name: string;
  @Field() reached: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Độ phủ dự sinh hoạt chi đoàn, ví dụ 17/18 đơn vị' })
export class Coverage {
  @Field(() => Int) reached: number;
  @Field(() => Int) total: number;
  @Field(() => [CoverageUnit], { description: 'Các đơn vị chưa đến' }) missing: CoverageUnit[];
}

@ObjectType({ simpleResolvers: true, description: 'Độ phủ dự sinh hoạt chi đoàn của một cán bộ' })
export class CadreCoverage {
  @Field(() => ID) cadreId: string;
  @Field() fullName: string;
  @Field(() => Int) reached: number;
  @Field(() => Int) total: number;
}

@ObjectType({ simpleResolvers: true, description: 'Độ phủ dự sinh hoạt chi đoàn: toàn tỉnh và từng cán bộ' })
export class MeetingCoverage {
  @Field(() => Coverage) overall: Coverage;
  @Field(() => [CadreCoverage]) cadres: CadreCoverage[];
}

@ObjectType({ simpleResolvers: true, description: 'Chỉ tiêu tổng hợp của một tỉnh (hoặc một Ban) trong một năm' })
export class ComplianceSummary {
  @Field(() => Int) provinceId: number;
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'Số ngày quy định' }) requiredDays: number;
  @Field(() => LocalDateResolver) windowStart: string;
  @Field(() => LocalDateResolver) windowEnd: string;
  @Field(() => Int, { description: 'Số cán bộ thuộc diện (không miễn cả kỳ)' }) subjectCadres: number;
  @Field(() => Ratio, { description: 'Cán bộ chuyên trách cơ quan: thuộc diện / tổng số' }) agencyStaff: Ratio;
  @Field(() => Ratio, { description: 'Ủy viên BCH chuyên trách: thuộc diện / tổng số' }) executiveMembers: Ratio;
  @Field(() => Int) metCount: number;
  @Field(() => Float, { description: 'Tỷ lệ đạt (0–1) trên số cán bộ thuộc diện' }) metShare: number;
  @Field(() => Int) onTrack: number;
  @Field(() => Int) atRisk: number;
  @Field(() => Int, { description: 'Chậm tiến độ (kỳ chưa kết thúc)' }) behind: number;
  @Field(() => Int, { description: 'Không đạt: kỳ đã kết thúc mà chưa đủ' }) notMet: number;
  @Field(() => Int) exempt: number;
  @Field({
    description:
      'Có số liệu: có ít nhất một cán bộ thuộc diện trong kỳ và tỉnh có ít nhất một chuyến đăng ký trong năm. Khi không có, các tỷ lệ và bình quân là "chưa có số liệu", không phải 0',
  })
  hasData: boolean;
  @Field(() => Int, { description: 'Tổng số ngày của cán bộ thuộc diện' }) totalDays: number;
  @Field(() => Int, { description: 'Ngày của cán bộ được miễn cả kỳ: ghi riêng, không cộng vào tổng và bình quân' })
  exemptDays: number;
  @Field(() => Float, { description: 'Bình quân ngày / cán bộ thuộc diện' }) averageDays: number;
  @Field(() => Float, { description: 'Tỷ lệ ngày ở vùng khó (0–1) trong tổng số ngày của cán bộ thuộc diện' })
  hardshipShare: number;
  @Field(() => Int) overdueReports: number;
}

@ObjectType({ simpleResolvers: true, description: 'Chỉ tiêu của một Ban/Văn phòng' })
export class DepartmentCompliance extends ComplianceSummary {
  @Field(() => ID, { nullable: true }) departmentId: string | null;
  @Field(() => String, { nullable: true, description: 'Tên Ban/Văn phòng' }) departmentName: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Chỉ tiêu của một tỉnh: như báo cáo năm' })
export class ProvinceCompliance extends ComplianceSummary {
  @Field(() => Coverage) coverage: Coverage;
  @Field(() => Int, { description: 'Chuyến đi đăng ký muộn' }) lateTrips: number;
  @Field(() => Int, { description: 'Chuyến đã đi chưa có báo cáo' }) unreportedTrips: number;
  @Field(() => Int, {
    description: 'Số chuyến đi trong năm (không tính nháp, hủy, từ chối)',
    deprecationReason: 'Là số chuyến đăng ký: dùng tripsRegistered, tripsApproved hoặc tripsCarriedOut',
  })
  trips: number;
  @Field(() => Int, {
    description: 'Chuyến đăng ký: bắt đầu trong năm, đã gửi duyệt (trừ nháp, đã hủy, bị từ chối), kể cả chuyến đang chờ duyệt',
  })
  tripsRegistered: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Chuyến được duyệt: đã duyệt, đã đi, đã báo cáo, báo cáo đã được nhận (null chỉ ở báo cáo ban hành trước khi có số này)',
  })
  tripsApproved: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Chuyến đã thực hiện: đã đi (hoàn thành), đã báo cáo, báo cáo đã được nhận (null chỉ ở báo cáo ban hành trước khi có số này)',
  })
  tripsCarriedOut: number | null;
  @Field(() => Float, { description: 'Kinh phí dự kiến (đồng)' }) estimatedCost: number;
  @Field(() => Float, { description: 'Kinh phí thực tế (đồng)' }) actualCost: number;
}

@ObjectType({ simpleResolvers: true, description: 'Cập nhật số liệu khi chuyến đi hoặc trường hợp miễn thay đổi' })
export class ComplianceUpdate {
  @Field(() => Int) year: number;
  @Field(() => ProvinceCompliance) province: ProvinceCompliance;
  @Field(() => [CadreCompliance], { description: 'Cán bộ bị ảnh hưởng' }) cadres: CadreCompliance[];
  @Field(() => [DepartmentCompliance], { description: 'Ban/Văn phòng bị ảnh hưởng' }) departments: DepartmentCompliance[];
}
