import { Authorized, Extensions, registerEnumType } from 'type-graphql';

export enum Role {
  CENTRAL = 'CENTRAL',
  PROVINCE_ADMIN = 'PROVINCE_ADMIN',
  STANDING_BOARD = 'STANDING_BOARD',
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  CADRE = 'CADRE',
  HOST_UNIT = 'HOST_UNIT',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'Vai trò: Trung ương Đoàn, Ban Tổ chức, Thường trực, Trưởng ban, cán bộ, đơn vị cơ sở',
});

export const ALL_ROLES = Object.values(Role);
export const PROVINCE_ROLES = ALL_ROLES.filter((r) => r !== Role.CENTRAL);

/**
 * Declares who may call a root field. It both enforces (type-graphql's @Authorized) and records the
 * roles in the field's extensions, so a test can walk the schema and find any field without one.
 */
export function Access(...roles: Role[]): MethodDecorator & PropertyDecorator {
  if (roles.length === 0) throw new Error('Access() needs at least one role; use Public() for open fields');
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Authorized(...roles)(target, key, descriptor as never);
    Extensions({ access: roles })(target, key, descriptor as never);
  };
}

/** An open field (sign-in, the province list): declared, so the schema walk can tell it from a forgotten one. */
export function Public(): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ access: 'PUBLIC' })(target, key, descriptor as never);
  };
}
