import { useTranslation } from 'react-i18next';
import type findings from '@/i18n/findings.vi.json';

type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

/** Every string of the inspection, meeting and findings pages, e.g. `findings.models.title`. */
export type FindingsKey = KeyPaths<typeof findings>;

export type FindingsT = (key: FindingsKey, options?: Record<string, unknown>) => string;

/**
 * The findings pages' strings load with the signed-in bundle from their own files
 * (`findings.vi.json`, `findings.en.json`); this checks their keys at compile time.
 */
export function useFindingsTranslation(): { t: FindingsT; language: string } {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return { t: (key, options) => translate(key, options), language: i18n.language };
}
