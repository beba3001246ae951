import type { ModelField, Replication } from '@/gql/graphql';

export const MODEL_FIELDS: readonly ModelField[] = [
  'ECONOMY',
  'VOLUNTEERING',
  'ORGANISATION',
  'CULTURE_SPORTS',
  'CHILDREN',
  'ETHNIC_MINORITY',
  'RELIGIOUS_AREA',
  'OTHER',
];

export const REPLICATIONS: readonly Replication[] = ['IDENTIFIED', 'REPLICATING', 'REPLICATED'];

export const REPLICATION_COLOR: Record<Replication, string> = {
  IDENTIFIED: 'default',
  REPLICATING: 'blue',
  REPLICATED: 'green',
};
