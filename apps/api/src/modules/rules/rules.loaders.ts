import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { PolicyRule } from './policy-rule.entity';
import { ruleFor } from './rules.service';

export const ruleKey = (provinceId: number, year: number): string => `${provinceId}:${year}`;

export const createRulesLoaders = (manager: EntityManager) => ({
  /** The rules in force for a province-year (its own or the central defaults), keyed by `ruleKey`. */
  ruleByProvinceYear: new DataLoader<string, PolicyRule>(async (keys) =>
    Promise.all(
      keys.map((key) => {
        const [provinceId, year] = key.split(':').map(Number);
        return ruleFor(manager, provinceId, year);
      }),
    ),
  ),
});
export type RulesLoaders = ReturnType<typeof createRulesLoaders>;
