import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { PageArgs } from '../../shared/pagination';
import { Cadre, Exemption, ExemptionKind, Gender } from './cadre.entity';
import { IsCleanText, IsName } from '../../shared/text';

@InputType({ description: 'Thêm cán bộ vào danh sách' })
export class CreateCadreInput implements Partial<Cadre> {
  @Field()
  @Length(2, 120)
  @IsName()
  fullName: string;

  @Field(() => Gender)
  gender: Gender;

  @Field({ defaultValue: '' })
  @Length(0, 200)
  @IsName()
  position: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @Field({ defaultValue: false })
  agencyStaff: boolean;

  @Field({ defaultValue: false })
  executiveMember: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  @IsName()
  term?: string | null;

  @Field(() => LocalDateResolver)
  subjectFrom: string;

  @Field(() => LocalDateResolver, { nullable: true })
  subjectTo?: string | null;
}

@InputType({ description: 'Sửa thông tin cán bộ; chỉ các trường được gửi mới thay đổi' })
export class UpdateCadreInput implements Partial<Cadre> {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 120)
  @IsName()
  fullName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 200)
  @IsName()
  position?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @Field({ nullable: true })
  agencyStaff?: boolean;

  @Field({ nullable: true })
  executiveMember?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  @IsName()
  term?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  subjectTo?: string | null;
}

@InputType({ description: 'Ghi nhận trường hợp miễn' })
export class CreateExemptionInput implements Partial<Exemption> {
  @Field(() => ID)
  @IsUUID()
  cadreId: string;

  @Field(() => ExemptionKind)
  kind: ExemptionKind;

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver)
  endDate: string;

  @Field({ defaultValue: '' })
  @Length(0, 1000)
  @IsCleanText()
  note: string;

  @Field()
  @Length(2, 200)
  @IsName()
  approvedBy: string;
}

@InputType()
export class CadreFilter {
  @Field({ nullable: true, description: 'Tìm theo họ tên, không cần dấu' })
  @IsOptional()
  @Length(0, 100)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field({ nullable: true })
  agencyStaff?: boolean;

  @Field({ nullable: true })
  executiveMember?: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Chỉ cán bộ thuộc diện vào ngày này' })
  subjectOn?: string;

  @Field(() => Int, { nullable: true, description: 'Tỉnh (mặc định: tỉnh của bạn; tỉnh đã hợp nhất: dữ liệu lịch sử)' })
  provinceId?: number;
}

@ArgsType()
export class CadresArgs extends PageArgs {
  @Field(() => CadreFilter, { nullable: true })
  filter?: CadreFilter;
}
