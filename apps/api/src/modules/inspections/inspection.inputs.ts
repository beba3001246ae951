import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { InspectionPlan, InspectionRating, InspectionSubject } from './inspection.entity';
import { IsCleanText, IsName } from '../../shared/text';

@InputType({ description: 'Kế hoạch kiểm tra, giám sát' })
export class CreateInspectionPlanInput implements Partial<InspectionPlan> {
  @Field(() => Int)
  @Min(2015)
  @Max(2100)
  year: number;

  @Field()
  @Length(3, 300)
  @IsName()
  title: string;

  @Field(() => InspectionSubject)
  subject: InspectionSubject;

  @Field({ defaultValue: '' })
  @Length(0, 4000)
  @IsCleanText()
  description: string;

  @Field(() => LocalDateResolver)
  startsOn: string;

  @Field(() => LocalDateResolver)
  endsOn: string;

  @Field(() => [ID], { description: 'Đơn vị được kiểm tra' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  targetUnitIds: string[];
}

@InputType({ description: 'Đoàn kiểm tra' })
export class CreateInspectionTeamInput {
  @Field(() => ID)
  @IsUUID()
  planId: string;

  @Field()
  @Length(2, 200)
  @IsName()
  name: string;

  @Field(() => ID)
  @IsUUID()
  leadCadreId: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds: string[];
}

@InputType({ description: 'Lịch đến kiểm tra một đơn vị: tạo chuyến kiểm tra cho cả đoàn' })
export class ScheduleInspectionVisitInput {
  @Field(() => ID)
  @IsUUID()
  teamId: string;

  @Field(() => ID)
  @IsUUID()
  unitId: string;

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver)
  endDate: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  @IsCleanText()
  lateJustification?: string | null;
}

@InputType({ description: 'Tham gia đoàn kiểm tra, giám sát của Trung ương hoặc cấp tỉnh' })
export class ExternalInspectionInput {
  @Field(() => ID)
  @IsUUID()
  cadreId: string;

  @Field({ description: 'Cấp tổ chức, ví dụ Trung ương Đoàn, Tỉnh ủy' })
  @Length(2, 200)
  @IsName()
  organiser: string;

  @Field()
  @Length(3, 300)
  @IsName()
  title: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds: string[];

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver)
  endDate: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  @IsCleanText()
  lateJustification?: string | null;
}

@InputType()
export class CorrectiveActionInput {
  @Field()
  @Length(5, 2000)
  @IsCleanText()
  description: string;

  @Field(() => ID)
  @IsUUID()
  responsibleUnitId: string;

  @Field(() => LocalDateResolver)
  dueOn: string;
}

@InputType({ description: 'Báo cáo kết luận kiểm tra' })
export class ConcludeInspectionInput {
  @Field(() => ID)
  @IsUUID()
  tripId: string;

  @Field(() => ID)
  @IsUUID()
  unitId: string;

  @Field()
  @Length(10, 20000)
  @IsCleanText()
  findings: string;

  @Field(() => InspectionRating)
  rating: InspectionRating;

  @Field(() => LocalDateResolver)
  concludedOn: string;

  @Field(() => [CorrectiveActionInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  actions: CorrectiveActionInput[];
}
