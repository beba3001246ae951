import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Role } from '../../shared/access';
import { User } from './user.entity';
import { IsName } from '../../shared/text';

@InputType({ description: 'Tạo tài khoản cho cán bộ hoặc đơn vị cơ sở của tỉnh' })
export class CreateAccountInput implements Partial<User> {
  @Field({ description: 'Chữ thường, số, dấu chấm, gạch ngang; 3–64 ký tự' })
  @Matches(/^[a-z0-9._-]{3,64}$/)
  username: string;

  @Field()
  @Length(2, 120)
  @IsName()
  fullName: string;

  @Field(() => Role)
  role: Role;

  @Field({ description: 'Mật khẩu ban đầu, ít nhất 8 ký tự' })
  @Length(8, 128)
  password: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cadreId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;
}
