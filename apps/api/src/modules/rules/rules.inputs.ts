import { Field, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, Max, Min } from 'class-validator';
import { CheckMode, PolicyRule } from './policy-rule.entity';

@InputType({ description: 'Quy định của tỉnh cho một năm' })
export class PolicyRuleInput implements Partial<PolicyRule> {
  @Field(() => Int)
  @Min(0)
  @Max(366)
  requiredDays: number;

  @Field(() => LocalDateResolver)
  windowStart: string;

  @Field(() => LocalDateResolver)
  windowEnd: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(366)
  minDaysDistrict?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(366)
  minDaysCommune?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(366)
  minDaysChapter?: number | null;

  @Field()
  reportRequired: boolean;

  @Field(() => Int)
  @Min(0)
  @Max(365)
  reportDueDays: number;

  @Field(() => CheckMode)
  checkLateRegistration: CheckMode;

  @Field(() => CheckMode)
  checkDoubleBooking: CheckMode;

  @Field(() => CheckMode)
  checkHostLoad: CheckMode;

  @Field(() => Int)
  @Min(1)
  @Max(50)
  hostLoadMaxPerWeek: number;

  @Field(() => CheckMode)
  checkTopicOverlap: CheckMode;

  @Field(() => CheckMode, { nullable: true, description: 'Bỏ trống: giữ như đang có (mặc định: chỉ cảnh báo)' })
  @IsOptional()
  checkExemptTrip?: CheckMode;

  @Field(() => Boolean, { nullable: true, description: 'Bỏ trống: giữ như đang có (mặc định: có)' })
  @IsOptional()
  ownTripDecidedByOther?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Số ngày nghỉ ốm tối thiểu để được miễn vì ốm đau dài ngày; bỏ trống: giữ như đang có (mặc định: 30)',
  })
  @IsOptional()
  @Min(1)
  @Max(365)
  sickLeaveMinDays?: number;
}
