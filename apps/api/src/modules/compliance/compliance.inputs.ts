import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { PageArgs } from '../../shared/pagination';
import { ComplianceStatus } from './compliance.entity';

@InputType()
export class CadreComplianceFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field(() => [ComplianceStatus], { nullable: true })
  statuses?: ComplianceStatus[];

  @Field({ nullable: true, description: 'Tìm theo họ tên, không cần dấu' })
  @IsOptional()
  @Length(0, 100)
  search?: string;
}

@ArgsType()
export class CadreComplianceArgs extends PageArgs {
  @Field(() => Int)
  @Min(2015)
  @Max(2100)
  year: number;

  @Field(() => Int, { nullable: true, description: 'Mặc định: tỉnh của bạn' })
  provinceId?: number;

  @Field(() => CadreComplianceFilter, { nullable: true })
  filter?: CadreComplianceFilter;
}

export enum ComparisonOrder {
  MET_SHARE = 'MET_SHARE',
  AVERAGE_DAYS = 'AVERAGE_DAYS',
  COVERAGE = 'COVERAGE',
  HARDSHIP_SHARE = 'HARDSHIP_SHARE',
  LATE_TRIPS = 'LATE_TRIPS',
  NAME = 'NAME',
}
registerEnumType(ComparisonOrder, { name: 'ComparisonOrder', description: 'Sắp xếp bảng so sánh các tỉnh' });
