import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { GoodModel, ModelField, Recommendation } from './finding.entity';
import { IsCleanText, IsName } from '../../shared/text';

@InputType({ description: 'Ghi nhận mô hình hay' })
export class CreateGoodModelInput implements Partial<GoodModel> {
  @Field()
  @Length(3, 300)
  @IsName()
  name: string;

  @Field(() => ID)
  @IsUUID()
  unitId: string;

  @Field(() => ModelField)
  field: ModelField;

  @Field({ defaultValue: '' })
  @Length(0, 8000)
  @IsCleanText()
  description: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  tripId?: string | null;
}

@InputType({ description: 'Ghi nhận đề xuất, kiến nghị của cơ sở' })
export class CreateRecommendationInput implements Partial<Recommendation> {
  @Field()
  @Length(10, 8000)
  @IsCleanText()
  text: string;

  @Field(() => ID)
  @IsUUID()
  unitId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  tripId?: string | null;
}

@InputType({ description: 'Giao Ban trả lời kiến nghị, với hạn' })
export class AssignRecommendationInput {
  @Field(() => ID)
  @IsUUID()
  departmentId: string;

  @Field(() => LocalDateResolver)
  dueOn: string;
}

@InputType({ description: 'Ý kiến của đơn vị tiếp đón' })
export class HostFeedbackInput {
  @Field(() => ID)
  @IsUUID()
  tripId: string;

  @Field()
  noConference: boolean;

  @Field()
  noDistrictEscort: boolean;

  @Field()
  noCost: boolean;

  @Field({ description: 'Đoàn không mời cấp ủy dự (true: giữ đúng quy định)' })
  noPartyCommittee: boolean;

  @Field({ defaultValue: '' })
  @Length(0, 2000)
  @IsCleanText()
  comment: string;
}
