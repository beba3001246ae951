import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row that SQL turned into JSON (`to_jsonb(t.*)`), as TypeORM would have built it from
 * the row itself: an instance of the entity's class, each column under its property name, timestamps as
 * dates. Lets one statement bring back rows of several tables at once.
 */
export function entityFromJson<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  json: Record<string, unknown>,
): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    const value = json[column.databaseName];
    if (value === undefined) continue;
    const timestamp = column.type === 'timestamptz' || column.type === 'timestamp';
    entity[column.propertyName] = timestamp && typeof value === 'string' ? new Date(value) : value;
  }
  return entity as T;
}
