import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { RequestReason, badInput } from './errors';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Số phần tử mỗi trang (1–200)' })
  @Min(1)
  @Max(200)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Con trỏ endCursor của trang trước' })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `TripConnection` and friends: one shape for every paged list. */
export function Connection<T extends object>(node: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(name)
  class ConnectionClass implements Page<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Tổng số phần tử khớp bộ lọc' })
    totalCount: number;
  }
  return ConnectionClass;
}

/** A keyset cursor: the sort value and the id of the last row of a page. */
export type Cursor = [sortValue: string | number | null, id: string];

// Cursors are signed: a cursor reaches SQL only as the server wrote it, so a tampered or invented one
// (a wrong type, a string where a date belongs) is refused here, never by PostgreSQL. The key derives
// from the token signing secret (JWT_SECRET, or the one kept in the data folder), which every instance
// serving the same users shares, so any instance reads any instance's cursors and they survive restarts.
// Until the server sets it at start, a key of this process's own.
let cursorKey: Buffer = randomBytes(32);

/** Called once by the composition root with the resolved signing secret. */
export function setCursorSecret(secret: string): void {
  cursorKey = createHmac('sha256', secret).update('coso page cursor').digest();
}

/** The signature binds the cursor to its list's order: one list's cursor is no cursor for another. */
const signatureOf = (payload: string, list: string): Buffer =>
  createHmac('sha256', cursorKey).update(list).update('\0').update(payload).digest().subarray(0, 16);

export const encodeCursor = (cursor: Cursor, list = 'list'): string => {
  const payload = Buffer.from(JSON.stringify(cursor)).toString('base64url');
  return `${payload}.${signatureOf(payload, list).toString('base64url')}`;
};

const isCursor = (value: unknown): value is Cursor =>
  Array.isArray(value) &&
  value.length === 2 &&
  (value[0] === null || typeof value[0] === 'string' || (typeof value[0] === 'number' && Number.isFinite(value[0]))) &&
  typeof value[1] === 'string';

/** The cursor the server wrote for `list`, or BAD_USER_INPUT (INVALID_CURSOR) on field `after`. */
export function decodeCursor(raw: string | null | undefined, list = 'list'): Cursor | null {
  if (!raw) return null;
  const [payload, signature, extra] = raw.split('.');
  if (payload && signature && extra === undefined) {
    const expected = signatureOf(payload, list);
    const given = Buffer.from(signature, 'base64url');
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      try {
        const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (isCursor(parsed)) return parsed;
      } catch {
        // fall through to the error below
      }
    }
  }
  throw badInput('after', 'Con trỏ phân trang không hợp lệ. Hãy tải lại danh sách từ đầu.', RequestReason.INVALID_CURSOR);
}

/** Turns `first + 1` fetched rows into a page. */
export function toPage<T>(rows: T[], first: number, totalCount: number, cursorOf: (row: T) => Cursor, list = 'list'): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(cursorOf(last), list) : null },
  };
}

/**
 * A timestamp as a sort key at the precision a cursor carries. PostgreSQL keeps microseconds and
 * JavaScript dates milliseconds: rows written in one transaction share `now()` to the microsecond, and a
 * cursor rounded to the millisecond would skip or repeat them.
 */
export const millisecondKey = (sql: string): string => `date_trunc('milliseconds', ${sql})`;

export interface KeysetOrder<T> {
  /** SQL of the sort expression, e.g. `t.start_date` or `u.name COLLATE "vi-x-icu"`. */
  sql: string;
  idSql: string;
  direction: 'ASC' | 'DESC';
  valueOf: (row: T) => string | number | null;
  idOf: (row: T) => string;
}

interface PageableQuery<T> {
  clone(): PageableQuery<T>;
  getCount(): Promise<number>;
  andWhere(where: string, params?: Record<string, unknown>): PageableQuery<T>;
  orderBy(sort: string, order: 'ASC' | 'DESC'): PageableQuery<T>;
  addOrderBy(sort: string, order: 'ASC' | 'DESC'): PageableQuery<T>;
  limit(limit: number): PageableQuery<T>;
  getMany(): Promise<T[]>;
}

/** One count and one keyset-paged select, whatever the page size. */
export async function paginate<T>(query: PageableQuery<T>, args: PageArgs, order: KeysetOrder<T>): Promise<Page<T>> {
  const list = `${order.sql} ${order.idSql} ${order.direction}`;
  const cursor = decodeCursor(args.after, list);
  const totalCount = await query.clone().getCount();
  if (cursor) {
    const op = order.direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${order.sql}, ${order.idSql}) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: cursor[0],
      cursorId: cursor[1],
    });
  }
  const rows = await query
    .orderBy(order.sql, order.direction)
    .addOrderBy(order.idSql, order.direction)
    .limit(args.first + 1)
    .getMany();
  return toPage(rows, args.first, totalCount, (row) => [order.valueOf(row), order.idOf(row)], list);
}
