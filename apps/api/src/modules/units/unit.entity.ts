import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum UnitKind {
  PROVINCIAL_AGENCY = 'PROVINCIAL_AGENCY',
  DEPARTMENT = 'DEPARTMENT',
  OFFICE = 'OFFICE',
  DISTRICT_UNION = 'DISTRICT_UNION',
  AFFILIATED_UNION = 'AFFILIATED_UNION',
  COMMUNE_UNION = 'COMMUNE_UNION',
  GRASSROOTS_UNION = 'GRASSROOTS_UNION',
  CHAPTER = 'CHAPTER',
}
registerEnumType(UnitKind, {
  name: 'UnitKind',
  description:
    'Cơ quan Tỉnh đoàn, Ban, Văn phòng, Huyện/Thị/Thành đoàn và Đoàn trực thuộc (đến 7/2025), Đoàn xã/phường (từ 7/2025), cơ sở Đoàn, chi đoàn',
});

/** The level a host unit counts at, for the per-level minimum days of a province's rules. */
export enum HostLevel {
  AGENCY = 'AGENCY',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  CHAPTER = 'CHAPTER',
}
registerEnumType(HostLevel, { name: 'HostLevel', description: 'Cấp đơn vị tiếp nhận: tỉnh, huyện, xã/cơ sở, chi đoàn' });

export const hostLevelOf = (kind: UnitKind): HostLevel => {
  switch (kind) {
    case UnitKind.DISTRICT_UNION:
    case UnitKind.AFFILIATED_UNION:
      return HostLevel.DISTRICT;
    case UnitKind.COMMUNE_UNION:
    case UnitKind.GRASSROOTS_UNION:
      return HostLevel.COMMUNE;
    case UnitKind.CHAPTER:
      return HostLevel.CHAPTER;
    default:
      return HostLevel.AGENCY;
  }
};

/** Kinds inside the provincial agency: where cadres work, never a destination. */
export const AGENCY_KINDS = [UnitKind.PROVINCIAL_AGENCY, UnitKind.DEPARTMENT, UnitKind.OFFICE];

@ObjectType({ description: 'Đơn vị trong cây tổ chức, có thời hạn hiệu lực' })
@Entity('unit')
export class Unit {
  @Field(() => Int)
  @PrimaryColumn({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;

  @Field(() => UnitKind)
  @Column({ type: 'text' })
  kind: UnitKind;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Mã xã/phường (danh mục hành chính 2025)' })
  @Column({ type: 'text', name: 'commune_code', nullable: true })
  communeCode: string | null;

  /** The province's own code for the unit, by which import files name it. */
  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date', name: 'valid_from' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Ngày cuối còn hiệu lực; trống nếu còn hoạt động' })
  @Column({ type: 'date', name: 'valid_to', nullable: true })
  validTo: string | null;

  @Field({ description: 'Vùng sâu, vùng xa, vùng khó khăn' })
  @Column({ type: 'boolean' })
  remote: boolean;

  @Field({ description: 'Xã biên giới' })
  @Column({ type: 'boolean' })
  border: boolean;

  @Field({ description: 'Hải đảo' })
  @Column({ type: 'boolean' })
  island: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field(() => HostLevel)
  get hostLevel(): HostLevel {
    return hostLevelOf(this.kind);
  }
}
