import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { ReportNarrative } from './report.entity';
import { IsCleanText, IsName } from '../../shared/text';

const TEXT = 20_000;

@InputType({ description: 'Lưu phần lời văn của báo cáo (dự thảo); trường bỏ trống giữ nguyên' })
export class SaveReportNarrativeInput implements Partial<ReportNarrative> {
  @Field(() => Int)
  provinceId: number;

  @Field(() => Int)
  @Min(2015)
  @Max(2100)
  year: number;

  @Field(() => Int, { description: 'Phiên bản đang sửa (0 nếu chưa lưu lần nào)' })
  @Min(0)
  version: number;

  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() directives?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() topics?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() coordination?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() inspections?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() meetings?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() time?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() strengths?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() limitations?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) @IsCleanText() directions?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) @IsCleanText() place?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) @IsName() signerTitle?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) @IsName() signerName?: string;
}
