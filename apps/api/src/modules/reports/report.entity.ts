import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ComplianceStatus, DaysByKind, DepartmentCompliance, ProvinceCompliance } from '../compliance/compliance.entity';
import { TripKind } from '../trips/trip.entity';

export enum ReportStatus {
  DRAFT = 'DRAFT',
  FINAL = 'FINAL',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'DRAFT: dự thảo, số liệu tính lại theo dữ liệu; FINAL: đã ban hành, số liệu cố định',
});

/** The editable paragraphs, one text per section of the report (paragraphs separated by blank lines). */
export const NARRATIVE_SECTIONS = [
  'directives',
  'topics',
  'coordination',
  'inspections',
  'meetings',
  'time',
  'strengths',
  'limitations',
  'directions',
] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

@ObjectType({ simpleResolvers: true, description: 'Phần lời văn của báo cáo, do Ban Tổ chức soạn' })
export class ReportNarrative {
  @Field({ description: 'I.1. Việc ban hành văn bản chỉ đạo, biểu mẫu' }) directives: string;
  @Field({ description: 'I.2.1. Đi cơ sở theo chuyên đề' }) topics: string;
  @Field({ description: 'I.2.2. Phối hợp tổ chức, triển khai các hoạt động' }) coordination: string;
  @Field({ description: 'I.2.3. Kiểm tra, giám sát' }) inspections: string;
  @Field({ description: 'I.2.4. Dự sinh hoạt' }) meetings: string;
  @Field({ description: 'I.3. Thời gian đi cơ sở' }) time: string;
  @Field({ description: 'II.1. Ưu điểm' }) strengths: string;
  @Field({ description: 'II.2. Hạn chế' }) limitations: string;
  @Field({ description: 'III. Phương hướng' }) directions: string;
  @Field({ description: 'Địa danh ghi ở dòng ngày tháng' }) place: string;
  @Field({ description: 'Chức vụ người ký, ví dụ PHÓ BÍ THƯ' }) signerTitle: string;
  @Field({ description: 'Họ tên người ký' }) signerName: string;
}

@ObjectType({ simpleResolvers: true, description: 'Số chuyến và ngày công của một loại chuyến đi' })
export class KindFigures {
  @Field(() => TripKind) kind: TripKind;
  @Field(() => Int, {
    description:
      'Số chuyến đã thực hiện: đã đi, đã báo cáo, báo cáo đã được nhận (không tính chuyến chờ duyệt, đã duyệt chưa đi)',
  })
  trips: number;
  @Field(() => Int, { description: 'Tổng ngày công của cán bộ thuộc diện (theo công cụ tính chỉ tiêu)' }) days: number;
}

@ObjectType({ simpleResolvers: true, description: 'Mô hình hay phát hiện qua đi cơ sở' })
export class ReportModel {
  @Field() name: string;
  @Field() unitName: string;
}

@ObjectType({ simpleResolvers: true, description: 'Một kế hoạch kiểm tra trong năm' })
export class ReportInspectionPlan {
  @Field() title: string;
  @Field(() => Int) teams: number;
  @Field(() => Int, { description: 'Số lượt đoàn kiểm tra về cơ sở' }) visits: number;
  @Field(() => Int, { description: 'Số báo cáo kết luận' }) conclusions: number;
}

@ObjectType({ simpleResolvers: true, description: 'Các chỉ số đánh giá (phần II)' })
export class ReportIndicators {
  @Field(() => Int, { description: 'Chuyến đăng ký muộn' }) lateTrips: number;
  @Field(() => Int, { description: 'Cặp chuyên đề gần trùng nhau trong cùng quý' }) overlappingTopics: number;
  @Field(() => Int, { description: 'Chuyến đã đi chưa có báo cáo' }) unreportedTrips: number;
  @Field(() => Int, { description: 'Phản ánh của cơ sở về vi phạm quy định khi đón đoàn' }) hostRuleBreaches: number;
  @Field(() => Int, { description: 'Tuần đơn vị cơ sở tiếp quá số đoàn quy định' }) overloadedHostWeeks: number;
  @Field(() => Float, { description: 'Kinh phí dự kiến (đồng)' }) estimatedCost: number;
  @Field(() => Float, { description: 'Kinh phí thực tế (đồng)' }) actualCost: number;
}

export enum CadreCategory {
  AGENCY_STAFF = 'AGENCY_STAFF',
  EXECUTIVE_MEMBER = 'EXECUTIVE_MEMBER',
  BOTH = 'BOTH',
}
registerEnumType(CadreCategory, {
  name: 'CadreCategory',
  description: 'Cán bộ chuyên trách cơ quan; Ủy viên BCH chuyên trách; cả hai',
});

@ObjectType({ simpleResolvers: true, description: 'Một dòng của phụ lục: một cán bộ thuộc diện' })
export class ReportCadreRow {
  @Field() fullName: string;
  @Field(() => String, { nullable: true }) departmentName: string | null;
  @Field(() => CadreCategory) category: CadreCategory;
  @Field(() => Int) countedDays: number;
  @Field(() => DaysByKind) byKind: DaysByKind;
  @Field(() => Int) requiredDays: number;
  @Field(() => ComplianceStatus) status: ComplianceStatus;
}

@ObjectType({ simpleResolvers: true, description: 'Số liệu của báo cáo năm, từ công cụ tính chỉ tiêu' })
export class ReportFigures {
  @Field(() => ProvinceCompliance) summary: ProvinceCompliance;
  @Field(() => [DepartmentCompliance]) departments: DepartmentCompliance[];
  @Field(() => [ReportCadreRow], { description: 'Cán bộ thuộc diện, theo thứ tự tên' }) cadres: ReportCadreRow[];
  @Field(() => [KindFigures]) byKind: KindFigures[];
  @Field(() => [String], { description: 'Chuyên đề đã đi (tối đa 40)' }) topics: string[];
  @Field(() => [ReportModel]) goodModels: ReportModel[];
  @Field(() => [String], { description: 'Hoạt động đã phối hợp (tối đa 40)' }) activities: string[];
  @Field(() => [ReportInspectionPlan]) inspectionPlans: ReportInspectionPlan[];
  @Field(() => Int, { description: 'Báo cáo kết luận kiểm tra trong năm' }) conclusions: number;
  @Field(() => [String], { description: 'Nội dung các chuyến kiểm tra, giám sát (tối đa 40)' }) inspectionTopics: string[];
  @Field(() => [String], { description: 'Đoàn kiểm tra cấp trên cán bộ tham gia' }) externalInspections: string[];
  @Field(() => ReportIndicators) indicators: ReportIndicators;
  @Field(() => LocalDateResolver, { description: 'Ngày tính số liệu' }) computedOn: string;
}

@ObjectType({ simpleResolvers: true, description: 'Báo cáo kết quả thực hiện "1+2" của một tỉnh trong một năm' })
export class AnnualReport {
  @Field(() => Int) provinceId: number;
  @Field(() => Int) year: number;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => Int, { description: 'Phiên bản (0: chưa lưu lần nào); gửi kèm khi lưu để tránh ghi đè' }) version: number;
  @Field(() => String, { nullable: true, description: 'Số văn bản, ví dụ 125 trong "125-BC/TĐTN"' }) number: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Ngày ban hành' }) issuedOn: string | null;
  @Field(() => ReportNarrative) narrative: ReportNarrative;
  @Field(() => ReportFigures) figures: ReportFigures;
}

@ObjectType({ simpleResolvers: true, description: 'Một tỉnh trong báo cáo tổng hợp của Trung ương Đoàn' })
export class CentralReportRow {
  @Field(() => ProvinceCompliance) summary: ProvinceCompliance;
  @Field(() => ReportStatus, { nullable: true, description: 'Trạng thái báo cáo của tỉnh (trống: chưa soạn)' })
  reportStatus: ReportStatus | null;
  @Field(() => String, { nullable: true }) reportNumber: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Báo cáo tổng hợp các tỉnh trong một năm' })
export class CentralReport {
  @Field(() => Int) year: number;
  @Field(() => [CentralReportRow]) provinces: CentralReportRow[];
}

/** The stored row: narrative while a draft; figures frozen once final. */
@Entity('report')
export class Report {
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  status: ReportStatus;

  @Column({ type: 'jsonb' })
  narrative: Partial<ReportNarrative>;

  @Column({ type: 'jsonb', nullable: true })
  figures: ReportFigures | null;

  @Column({ type: 'text', nullable: true })
  number: string | null;

  @Column({ type: 'date', name: 'issued_on', nullable: true })
  issuedOn: string | null;

  @Column({ type: 'integer' })
  version: number;
}
