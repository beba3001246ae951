import { Province } from '../modules/tenancy/province.entity';
import { User } from '../modules/accounts/user.entity';

export const entities = [Province, User];
