import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsUUID, Length, Max, Min } from 'class-validator';
import { Batch, Topic } from './planning.entity';
import { IsCleanText, IsName } from '../../shared/text';

@InputType()
export class CreateBatchInput implements Partial<Batch> {
  @Field(() => Int)
  @Min(1)
  @Max(12)
  number: number;

  @Field(() => LocalDateResolver)
  startsOn: string;

  @Field(() => LocalDateResolver)
  endsOn: string;

  @Field(() => LocalDateResolver)
  registrationDeadline: string;
}

@InputType()
export class CreateTopicInput implements Partial<Topic> {
  @Field(() => Int)
  @Min(2015)
  @Max(2100)
  year: number;

  @Field()
  @Length(3, 300)
  @IsName()
  title: string;

  @Field({ defaultValue: '' })
  @Length(0, 2000)
  @IsCleanText()
  description: string;

  @Field(() => ID)
  @IsUUID()
  departmentId: string;
}

@InputType({ description: 'Sửa đợt: số thứ tự, ngày và hạn đăng ký; đợt giữ nguyên năm' })
export class UpdateBatchInput implements Partial<Batch> {
  @Field(() => Int)
  @Min(1)
  @Max(12)
  number: number;

  @Field(() => LocalDateResolver)
  startsOn: string;

  @Field(() => LocalDateResolver)
  endsOn: string;

  @Field(() => LocalDateResolver)
  registrationDeadline: string;
}

@InputType({ description: 'Sửa chuyên đề: tên, mô tả, Ban phụ trách; chuyên đề giữ nguyên năm' })
export class UpdateTopicInput implements Partial<Topic> {
  @Field()
  @Length(3, 300)
  @IsName()
  title: string;

  @Field({ defaultValue: '' })
  @Length(0, 2000)
  @IsCleanText()
  description: string;

  @Field(() => ID)
  @IsUUID()
  departmentId: string;
}
