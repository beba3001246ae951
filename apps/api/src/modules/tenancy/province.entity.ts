import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ProvinceKind {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
}
export enum ProvinceStatus {
  ACTIVE = 'ACTIVE',
  MERGED = 'MERGED',
}
registerEnumType(ProvinceKind, { name: 'ProvinceKind', description: 'Tỉnh hoặc thành phố trực thuộc Trung ương' });
registerEnumType(ProvinceStatus, {
  name: 'ProvinceStatus',
  description: 'ACTIVE: đang hoạt động; MERGED: đã hợp nhất từ 1/7/2025, chỉ đọc',
});

/** A provincial union's province: the tenant. Shared reference data, readable by everyone. */
@ObjectType({ description: 'Tỉnh, thành phố: mỗi Tỉnh đoàn/Thành đoàn là một đơn vị dữ liệu riêng' })
@Entity('province')
export class Province {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Field({ description: 'Mã viết tắt, ví dụ LDG' })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text', name: 'gso_code' })
  gsoCode: string;

  @Field({ description: 'Tên ngắn, ví dụ Lâm Đồng' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'Tên đầy đủ, ví dụ Tỉnh Lâm Đồng' })
  @Column({ type: 'text', name: 'full_name' })
  fullName: string;

  @Field(() => ProvinceKind)
  @Column({ type: 'text' })
  kind: ProvinceKind;

  @Field(() => ProvinceStatus)
  @Column({ type: 'text' })
  status: ProvinceStatus;

  @Column({ type: 'integer', name: 'successor_id', nullable: true })
  successorId: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Ngày hợp nhất vào tỉnh kế thừa' })
  @Column({ type: 'date', name: 'merged_on', nullable: true })
  mergedOn: string | null;
}
