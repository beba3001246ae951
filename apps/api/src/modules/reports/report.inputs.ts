import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { ReportNarrative } from './report.entity';

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

  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) directives?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) topics?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) coordination?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) inspections?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) meetings?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) time?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) strengths?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) limitations?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(TEXT) directions?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) place?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) signerTitle?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) signerName?: string;
}
