import { Foundation1764300000000 } from './1764300000000-Foundation';

/** Every migration, in order. Schema changes only ever happen here. */
export const migrations = [Foundation1764300000000];
