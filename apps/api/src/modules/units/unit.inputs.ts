import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { PageArgs } from '../../shared/pagination';
import { Unit, UnitKind } from './unit.entity';
import { IsName } from '../../shared/text';

@InputType({ description: 'Tạo đơn vị trong cây tổ chức' })
export class CreateUnitInput implements Partial<Unit> {
  @Field(() => UnitKind)
  kind: UnitKind;

  @Field()
  @Length(1, 200)
  @IsName()
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 10)
  communeCode?: string | null;

  @Field(() => LocalDateResolver)
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true })
  validTo?: string | null;

  @Field({ defaultValue: false })
  remote: boolean;

  @Field({ defaultValue: false })
  border: boolean;

  @Field({ defaultValue: false })
  island: boolean;
}

@InputType({ description: 'Sửa đơn vị; chỉ các trường được gửi mới thay đổi' })
export class UpdateUnitInput implements Partial<Unit> {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  @IsName()
  name?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  validTo?: string | null;

  @Field({ nullable: true })
  remote?: boolean;

  @Field({ nullable: true })
  border?: boolean;

  @Field({ nullable: true })
  island?: boolean;
}

@InputType()
export class UnitFilter {
  @Field({ nullable: true, description: 'Tìm theo tên, không cần dấu' })
  @IsOptional()
  @Length(0, 100)
  search?: string;

  @Field(() => [UnitKind], { nullable: true })
  kinds?: UnitKind[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Chỉ các đơn vị còn hiệu lực vào ngày này' })
  validOn?: string;

  @Field({ nullable: true, description: 'Chỉ vùng sâu, vùng xa, biên giới hoặc hải đảo' })
  hardshipOnly?: boolean;

  @Field(() => Int, { nullable: true, description: 'Tỉnh (mặc định: tỉnh của bạn; tỉnh đã hợp nhất: dữ liệu lịch sử)' })
  provinceId?: number;
}

@ArgsType()
export class UnitsArgs extends PageArgs {
  @Field(() => UnitFilter, { nullable: true })
  filter?: UnitFilter;
}
