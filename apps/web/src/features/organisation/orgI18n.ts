import { useTranslation } from 'react-i18next';
import type org from '@/i18n/organisation.vi.json';

type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

/** Every string of the organisation and department pages, e.g. `org.roster.title`. */
export type OrgKey = KeyPaths<typeof org>;

export type OrgT = (key: OrgKey, options?: Record<string, unknown>) => string;

/**
 * The organisation pages' strings load with the signed-in bundle from their own files
 * (`organisation.vi.json`, `organisation.en.json`); this checks their keys at compile time.
 */
export function useOrgTranslation(): { t: OrgT; language: string } {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return { t: (key, options) => translate(key, options), language: i18n.language };
}
