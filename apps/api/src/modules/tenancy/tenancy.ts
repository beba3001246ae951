import type { DataSource, EntityManager, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/access';
import { badInput, forbidden } from '../../shared/errors';
import type { ProvinceRecord } from './province.catalog';

/** The signed-in person, as read from the database for this request. */
export interface Viewer {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  provinceId: number | null;
  /** The roster entry of a cadre's account (cadres, department heads, the standing board). */
  cadreId: string | null;
  /** The unit of a host unit's account. */
  unitId: string | null;
}

/** The provinces a request may read and write; row-level security enforces both. */
export interface Scope {
  readable: number[];
  writable: number[];
}

export const EMPTY_SCOPE: Scope = { readable: [], writable: [] };

/**
 * Central users read every province and write none. A province's users read their province and the
 * provinces it absorbed in 2025 (their history), and write only their own.
 */
export function scopeFor(viewer: Viewer | null, provinces: readonly ProvinceRecord[]): Scope {
  if (!viewer) return EMPTY_SCOPE;
  if (viewer.role === Role.CENTRAL) return { readable: provinces.map((p) => p.id), writable: [] };
  const own = viewer.provinceId;
  if (own === null) return EMPTY_SCOPE;
  const predecessors = provinces.filter((p) => p.successorId === own).map((p) => p.id);
  const ownRecord = provinces.find((p) => p.id === own);
  return { readable: [own, ...predecessors], writable: ownRecord?.status === 'ACTIVE' ? [own] : [] };
}

/** The statements of one transaction, queued on its connection (see `serializeQueries`). */
const queues = new WeakMap<QueryRunner, { last: Promise<unknown> }>();

function enqueue<T>(runner: QueryRunner, work: () => Promise<T>): Promise<T> {
  let queue = queues.get(runner);
  if (!queue) {
    queue = { last: Promise.resolve() };
    queues.set(runner, queue);
  }
  const next = queue.last.then(work);
  queue.last = next.catch(() => undefined);
  return next;
}

/**
 * One connection answers one statement at a time: loaders of one request dispatch in the same tick,
 * so their statements are queued here rather than handed to the driver concurrently.
 */
function serializeQueries(runner: QueryRunner): void {
  const send = runner.query.bind(runner);
  runner.query = ((...args: Parameters<typeof send>) => enqueue(runner, () => send(...args))) as typeof runner.query;
}

/** What the driver answers a text of several statements sent at once: one result per statement. */
interface DriverResult {
  rows: unknown[];
}
interface DriverConnection {
  query(text: string): Promise<DriverResult | DriverResult[]>;
}

/**
 * Sends several statements in one round trip (the simple query protocol: no parameters, so every value
 * in `sql` must be checked by the caller) and returns each statement's rows. The statement is logged
 * like any other, and queued behind the transaction's earlier ones.
 */
function sendBatch(runner: QueryRunner, sql: string): Promise<unknown[][]> {
  return enqueue(runner, async () => {
    runner.connection.logger.logQuery(sql, undefined, runner);
    const connection = (await runner.connect()) as DriverConnection;
    const answer = await connection.query(sql);
    return (Array.isArray(answer) ? answer : [answer]).map((r) => r.rows);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A province list as a PostgreSQL array literal: integers only, so nothing else can reach the SQL. */
const pgArray = (ids: number[]): string => `'{${ids.map((id) => Math.trunc(Number(id))).join(',')}}'`;

/**
 * The statement that says who is asking, for the rest of the transaction. `SET LOCAL` rather than
 * `set_config(..., true)`: Citus forwards SET LOCAL to the worker nodes (with
 * `citus.propagate_set_commands = 'local'`) but not a function's side effects, and the policies there
 * must see the same scope. SET takes no parameters; the values are a UUID checked here and integers.
 */
export function scopeStatement(viewerId: string | null, scope: Scope): string {
  if (viewerId !== null && !UUID.test(viewerId)) throw new Error('A viewer id must be a UUID');
  return [
    `SET LOCAL app.user_id = '${viewerId ?? ''}'`,
    `SET LOCAL app.read_provinces = ${pgArray(scope.readable)}`,
    `SET LOCAL app.write_provinces = ${pgArray(scope.writable)}`,
  ].join('; ');
}

async function setScope(runner: QueryRunner, viewerId: string | null, scope: Scope): Promise<void> {
  await runner.query(scopeStatement(viewerId, scope));
}

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  province_id: number | null;
  active: boolean;
  cadre_id: string | null;
  unit_id: string | null;
}

/**
 * The role and province each account had when this process last read it: a guess that lets the scope be
 * set in the same round trip as the account is read. Never trusted alone: `becomeUser` compares it with
 * the row it reads and sets the scope again when they differ.
 */
const accountHints = new Map<string, Pick<Viewer, 'username' | 'fullName' | 'role' | 'provinceId' | 'cadreId' | 'unitId'>>();
const MAX_ACCOUNT_HINTS = 100_000;

function rememberAccount(viewer: Viewer): void {
  if (accountHints.size >= MAX_ACCOUNT_HINTS && !accountHints.has(viewer.id)) accountHints.clear();
  const { id: _id, ...hint } = viewer;
  accountHints.set(viewer.id, hint);
}

const sameList = (a: number[], b: number[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);
const sameScope = (a: Scope, b: Scope): boolean => sameList(a.readable, b.readable) && sameList(a.writable, b.writable);

/**
 * One request's unit of work: a transaction on the API's weak role whose settings say who is asking.
 * Everything the request reads or writes goes through `manager`, so loaders and services see exactly
 * what row-level security lets this viewer see.
 */
export class ScopedTransaction {
  private finished = false;
  private readonly afterCommitWork: Array<() => void> = [];
  private current: { viewer: Viewer | null; scope: Scope } = { viewer: null, scope: EMPTY_SCOPE };

  private constructor(private readonly runner: QueryRunner) {}

  get manager(): EntityManager {
    return this.runner.manager;
  }

  get viewer(): Viewer | null {
    return this.current.viewer;
  }

  get scope(): Scope {
    return this.current.scope;
  }

  static async open(
    dataSource: DataSource,
    userId: string | null,
    provinces: readonly ProvinceRecord[],
  ): Promise<ScopedTransaction> {
    const runner = dataSource.createQueryRunner();
    serializeQueries(runner);
    try {
      await runner.connect();
      await runner.startTransaction();
      const tx = new ScopedTransaction(runner);
      await tx.becomeUser(userId, provinces);
      return tx;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
      throw error;
    }
  }

  /**
   * A transaction for the system's own background work (no viewer): it may read and write the given
   * provinces. Only process code opens it; no request can.
   */
  static async openSystem(dataSource: DataSource, provinceIds: number[]): Promise<ScopedTransaction> {
    const runner = dataSource.createQueryRunner();
    serializeQueries(runner);
    await runner.connect();
    await runner.startTransaction();
    const tx = new ScopedTransaction(runner);
    await setScope(runner, null, { readable: provinceIds, writable: provinceIds });
    tx.current = { viewer: null, scope: { readable: provinceIds, writable: provinceIds } };
    return tx;
  }

  /**
   * Sets who this transaction acts for (at its start, or right after sign-in), in one round trip when
   * the account's role and province are those seen last time: the scope they give is set together with
   * reading the account, and corrected by a second statement before anything else runs if the account
   * changed (another role or province, deactivated) or was not seen by this process yet.
   */
  async becomeUser(userId: string | null, provinces: readonly ProvinceRecord[]): Promise<void> {
    let viewer: Viewer | null = null;
    let scopeSet: Scope | null = null;
    if (userId) {
      const hint = accountHints.get(userId);
      scopeSet = hint ? scopeFor({ ...hint, id: userId }, provinces) : EMPTY_SCOPE;
      const results = await sendBatch(
        this.runner,
        `${scopeStatement(userId, scopeSet)}; SELECT id, username, full_name, role, province_id, active, cadre_id, unit_id FROM app_user WHERE id = '${userId}'`,
      );
      const row = results[results.length - 1]?.[0] as UserRow | undefined;
      if (row?.active) {
        viewer = {
          id: row.id,
          username: row.username,
          fullName: row.full_name,
          role: row.role,
          provinceId: row.province_id,
          cadreId: row.cadre_id,
          unitId: row.unit_id,
        };
        rememberAccount(viewer);
      } else {
        accountHints.delete(userId);
      }
    }
    const scope = scopeFor(viewer, provinces);
    if (!scopeSet || !sameScope(scopeSet, scope) || !viewer) await setScope(this.runner, viewer?.id ?? null, scope);
    this.current = { viewer, scope };
  }

  /** Work that must only happen once the changes are durable (publishing live events). */
  afterCommit(work: () => void): void {
    this.afterCommitWork.push(work);
  }

  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.runner.commitTransaction();
    } finally {
      await this.runner.release();
    }
    for (const work of this.afterCommitWork.splice(0)) work();
  }

  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }
}

/** Runs `work` in its own scoped transaction: for work outside an HTTP request (subscriptions, jobs). */
export async function withScope<T>(
  dataSource: DataSource,
  userId: string | null,
  provinces: readonly ProvinceRecord[],
  work: (tx: ScopedTransaction) => Promise<T>,
): Promise<T> {
  const tx = await ScopedTransaction.open(dataSource, userId, provinces);
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

/** The province a write goes to: the viewer's own, when they may write at all. */
export function writableProvince(viewer: Viewer | null, scope: Scope): number {
  const own = viewer?.provinceId ?? null;
  if (own === null || !scope.writable.includes(own)) {
    throw forbidden('Tài khoản của bạn chỉ được xem, không được ghi dữ liệu của tỉnh này.');
  }
  return own;
}

/** The province a read is about: the one asked for if the viewer may read it, else the viewer's own. */
export function readableProvince(viewer: Viewer | null, scope: Scope, requested?: number | null): number {
  const target = requested ?? viewer?.provinceId ?? null;
  if (target === null) throw badInput('provinceId', 'Cần chọn một tỉnh.');
  if (!scope.readable.includes(target)) throw forbidden('Bạn không được xem dữ liệu của tỉnh này.');
  return target;
}

/**
 * Which provinces a list shows by default: a province's users see their own province (its
 * predecessors' history only when asked for by id), central users every province.
 */
export function listProvinces(viewer: Viewer | null, requested?: number | null): number[] | null {
  if (requested !== undefined && requested !== null) return [requested];
  return viewer?.provinceId !== null && viewer?.provinceId !== undefined ? [viewer.provinceId] : null;
}

/**
 * Keeps a list's rows to the provinces `listProvinces` chose. One province (every province user's list) is
 * an equality, so PostgreSQL reads the `(province_id, …)` index in the list's order and stops at the page;
 * `= ANY(array)` would make it sort every matching row of every year first.
 */
export function whereProvinces<T extends ObjectLiteral>(
  q: SelectQueryBuilder<T>,
  alias: string,
  provinceIds: number[] | null,
): SelectQueryBuilder<T> {
  if (!provinceIds) return q;
  if (provinceIds.length === 1) return q.andWhere(`${alias}.province_id = :listProvince`, { listProvince: provinceIds[0] });
  return q.andWhere(`${alias}.province_id = ANY(:listProvinces)`, { listProvinces: provinceIds });
}
