import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../../shared/access';

/** An account. Central users have no province; everyone else belongs to exactly one. */
@ObjectType('User', { description: 'Tài khoản người dùng' })
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', name: 'province_id', nullable: true })
  provinceId: number | null;

  @Field()
  @Column({ type: 'text' })
  username: string;

  /** Never selected by the API role (no column grant); written only when creating accounts. */
  @Column({ type: 'text', name: 'password_hash', select: false })
  passwordHash: string;

  @Field({ description: 'Họ và tên' })
  @Column({ type: 'text', name: 'full_name' })
  fullName: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: Role;

  @Field({ description: 'Còn hoạt động' })
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => ID, { nullable: true, description: 'Cán bộ gắn với tài khoản' })
  @Column({ type: 'uuid', name: 'cadre_id', nullable: true })
  cadreId: string | null;

  @Field(() => ID, { nullable: true, description: 'Đơn vị cơ sở gắn với tài khoản (vai trò đơn vị cơ sở)' })
  @Column({ type: 'uuid', name: 'unit_id', nullable: true })
  unitId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

@ObjectType({ description: 'Kết quả đăng nhập' })
export class AuthPayload {
  @Field({ description: 'Mã truy cập, gửi trong header Authorization: Bearer …' })
  token: string;

  @Field(() => User)
  user: User;
}
