import type { EntityManager } from 'typeorm';
import type { ProvinceDirectory } from '../tenancy/province.service';
import type { Problems } from './import.values';

/** What a validation step works with: the import's transaction, its province and who imports. */
export interface ImportContext {
  manager: EntityManager;
  provinceId: number;
  userId: string;
  userName: string;
  today: string;
  provinces: ProvinceDirectory;
  problems: Problems;
}

export interface ApplyResult {
  created: number;
  /** Records that existed (same code) and took what the file says differently. */
  updated?: number;
  skipped: number;
  /** Cadres whose figures may have changed, by year (for the live compliance figures). */
  touched?: Map<number, Set<string>>;
}

/** A validated file, ready to write: `apply` runs only when no problem was found. */
export interface ImportPlan {
  total: number;
  skipped: number;
  apply: (progress: (rows: number) => Promise<void>) => Promise<ApplyResult>;
}
