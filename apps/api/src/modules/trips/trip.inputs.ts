import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../shared/pagination';
import { Settlement, Trip, TripKind, TripReport, TripState } from './trip.entity';
import { IsCleanText, IsName } from '../../shared/text';

@InputType({ description: 'Đăng ký chuyến đi cơ sở' })
export class CreateTripInput implements Partial<Trip> {
  @Field(() => TripKind)
  kind: TripKind;

  @Field()
  @Length(3, 300)
  @IsName()
  title: string;

  @Field({ defaultValue: '' })
  @Length(0, 4000)
  @IsCleanText()
  purpose: string;

  @Field({ defaultValue: '' })
  @Length(0, 4000)
  @IsCleanText()
  expectedOutput: string;

  @Field(() => ID, { nullable: true, description: 'Chuyên đề trong danh mục năm' })
  @IsOptional()
  @IsUUID()
  topicId?: string | null;

  @Field(() => ID, { description: 'Trưởng đoàn (cán bộ đăng ký)' })
  @IsUUID()
  leadCadreId: string;

  @Field(() => [ID], { defaultValue: [], description: 'Thành viên đoàn ngoài trưởng đoàn' })
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds: string[];

  @Field(() => [ID], { description: 'Đơn vị đến (trong tỉnh, còn hiệu lực vào những ngày đi)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  destinationIds: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  batchId?: string | null;

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver)
  endDate: string;

  @Field(() => String, { nullable: true, description: 'Số công lệnh' })
  @IsOptional()
  @Length(1, 60)
  @IsName()
  travelOrderNo?: string | null;

  @Field(() => Int, { nullable: true, description: 'Kinh phí dự kiến (đồng)' })
  @IsOptional()
  @Min(0)
  @Max(2_000_000_000)
  estimatedCost?: number | null;

  @Field(() => String, { nullable: true, description: 'Giải trình khi đăng ký muộn' })
  @IsOptional()
  @Length(0, 2000)
  @IsCleanText()
  lateJustification?: string | null;
}

@InputType({ description: 'Sửa chuyến đi ở trạng thái nháp hoặc bị trả lại; chỉ các trường được gửi mới thay đổi' })
export class UpdateTripInput implements Partial<Trip> {
  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 300)
  @IsName()
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 4000)
  @IsCleanText()
  purpose?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 4000)
  @IsCleanText()
  expectedOutput?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  topicId?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  destinationIds?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  batchId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  startDate?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  endDate?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  @IsName()
  travelOrderNo?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(2_000_000_000)
  estimatedCost?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  @IsCleanText()
  lateJustification?: string | null;
}

@InputType({ description: 'Ghi nhận đã đi: ngày thực tế và kinh phí' })
export class CompleteTripInput implements Partial<Trip> {
  @Field(() => LocalDateResolver)
  actualStart: string;

  @Field(() => LocalDateResolver)
  actualEnd: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(2_000_000_000)
  actualCost?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  @IsName()
  travelOrderNo?: string | null;
}

@InputType()
export class TripReportDetailsInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(10_000)
  membersPresent?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  @IsCleanText()
  meetingQuality?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 8000)
  @IsCleanText()
  issuesRaised?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 8000)
  @IsCleanText()
  conclusion?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  @IsCleanText()
  activityOutcome?: string | null;
}

@InputType({ description: 'Báo cáo kết quả chuyến đi, theo mẫu của từng loại' })
export class TripReportInput implements Partial<TripReport> {
  @Field()
  @Length(10, 20_000)
  @IsCleanText()
  findings: string;

  @Field({ defaultValue: '' })
  @Length(0, 8000)
  @IsCleanText()
  difficulties: string;

  @Field({ defaultValue: '' })
  @Length(0, 8000)
  @IsCleanText()
  membersConcerns: string;

  @Field({ defaultValue: '' })
  @Length(0, 8000)
  @IsCleanText()
  goodModels: string;

  @Field({ defaultValue: '' })
  @Length(0, 8000)
  @IsCleanText()
  recommendations: string;

  @Field(() => TripReportDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  details?: TripReportDetailsInput;
}

export enum Decision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  RETURN = 'RETURN',
}
registerEnumType(Decision, { name: 'Decision', description: 'Duyệt, từ chối, trả lại để sửa' });

@InputType({ description: 'Chuyến đi và phiên bản đang xem' })
export class TripVersionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @Min(1)
  version: number;
}

@InputType()
export class TripFilter {
  @Field(() => [TripState], { nullable: true })
  states?: TripState[];

  @Field(() => [TripKind], { nullable: true })
  kinds?: TripKind[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: 'Cán bộ là thành viên đoàn' })
  @IsOptional()
  @IsUUID()
  cadreId?: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị đến' })
  @IsOptional()
  @IsUUID()
  hostUnitId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Chuyến đi còn diễn ra từ ngày' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Chuyến đi bắt đầu đến ngày' })
  to?: string;

  @Field({ nullable: true, description: 'Tìm theo tên chuyến đi, không cần dấu' })
  @IsOptional()
  @Length(0, 100)
  search?: string;

  @Field({ nullable: true, description: 'Chỉ chuyến đăng ký muộn' })
  lateOnly?: boolean;

  @Field(() => Int, { nullable: true, description: 'Chỉ các chuyến của tỉnh này (người xem nhiều tỉnh)' })
  provinceId?: number;
}

export enum TripSortField {
  START_DATE = 'START_DATE',
  CREATED_AT = 'CREATED_AT',
  /** When it reached the approval queue (drafts by creation): the Standing Board's order of work. */
  SUBMITTED_AT = 'SUBMITTED_AT',
}
registerEnumType(TripSortField, { name: 'TripSortField' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType()
export class TripOrder {
  @Field(() => TripSortField, { defaultValue: TripSortField.START_DATE })
  field: TripSortField = TripSortField.START_DATE;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection = SortDirection.DESC;
}

@ArgsType()
export class TripsArgs extends PageArgs {
  @Field(() => TripFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: TripFilter;

  @Field(() => TripOrder, { nullable: true })
  orderBy?: TripOrder;
}

export { Settlement };
