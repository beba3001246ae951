import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cloneTemplate, dropDatabase } from '../database';
import { buildCadre, buildUnit, buildUser, linkUser, provinceIdOf } from '../factories';
import { startTestProduct, TEST_PASSWORD } from '../harness';
import { Role } from '../../src/shared/access';

const DISTRIBUTE_SQL = path.resolve(__dirname, '../../../../infra/citus/distribute.sql');

interface Layout {
  /** Tables in the order the script handles them. */
  order: string[];
  reference: Set<string>;
  distributed: Map<string, { column: string; colocateWith: string | null }>;
}

/** What infra/citus/distribute.sql does, read from its create_*_table calls (comments stripped). */
function readLayout(): Layout {
  const sql = fs.readFileSync(DISTRIBUTE_SQL, 'utf8').replace(/--.*$/gm, '');
  const layout: Layout = { order: [], reference: new Set(), distributed: new Map() };
  const call =
    /create_(reference|distributed)_table\(\s*'(\w+)'(?:\s*,\s*'(\w+)')?(?:\s*,\s*colocate_with\s*=>\s*'(\w+)')?\s*\)/g;
  for (const m of sql.matchAll(call)) {
    const [, kind, table, column, colocateWith] = m;
    layout.order.push(table);
    if (kind === 'reference') layout.reference.add(table);
    else layout.distributed.set(table, { column: column ?? '', colocateWith: colocateWith ?? null });
  }
  return layout;
}

/**
 * Citus (infra/citus) shards tenant tables by province_id and copies shared tables to every node. It
 * refuses keys and foreign keys that could span shards, so these checks read the migrated schema and
 * the distribution script together: a new table or key that Citus would refuse fails here.
 */
describe('ready for Citus: infra/citus/distribute.sql against the migrated schema', () => {
  const layout = readLayout();
  let db: Client;
  let dbName: string;

  beforeAll(async () => {
    const adminUrl = process.env.TEST_ADMIN_URL;
    if (!adminUrl) throw new Error('TEST_ADMIN_URL is not set: run through jest (global setup)');
    dbName = `coso_citus_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    db = new Client({ connectionString: await cloneTemplate(adminUrl, dbName) });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    if (process.env.TEST_ADMIN_URL) await dropDatabase(process.env.TEST_ADMIN_URL, dbName);
  });

  const tables = async (): Promise<Array<{ table: string; provinceId: 'none' | 'nullable' | 'not null' }>> => {
    const { rows } = await db.query<{ table: string; provinceId: 'none' | 'nullable' | 'not null' }>(`
      SELECT c.relname AS table,
             CASE WHEN a.attname IS NULL THEN 'none' WHEN a.attnotnull THEN 'not null' ELSE 'nullable' END AS "provinceId"
      FROM pg_class c
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'province_id' AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`);
    return rows;
  };
  const isDistributed = (table: string): boolean => layout.distributed.has(table);

  it('reads the script (guards the checks below against matching nothing)', () => {
    expect(layout.reference).toEqual(new Set(['province', 'app_user', 'migrations']));
    expect([...layout.distributed.keys()]).toEqual(expect.arrayContaining(['unit', 'cadre', 'trip', 'trip_member']));
  });

  it('lists every table exactly once, as distributed or reference, and nothing else', async () => {
    const found = (await tables()).map((t) => t.table);
    expect([...layout.order].sort()).toEqual(found);
    expect(new Set(layout.order).size).toBe(layout.order.length);
  });

  it('distributes every tenant table by province_id; only a table whose province_id may be empty is reference', async () => {
    const offenders: string[] = [];
    for (const t of await tables()) {
      const spec = layout.distributed.get(t.table);
      if (t.provinceId === 'not null' && !spec) offenders.push(`${t.table}: tenant table not distributed`);
      if (spec && t.provinceId !== 'not null') offenders.push(`${t.table}: distributed without a NOT NULL province_id`);
      if (spec && spec.column !== 'province_id') offenders.push(`${t.table}: distributed by ${spec.column}`);
    }
    expect(offenders).toEqual([]);
  });

  it('co-locates every distributed table in one group, started by the first one', () => {
    const [first, ...rest] = [...layout.distributed.entries()];
    expect(first[1].colocateWith).toBe('none');
    const offenders = rest
      .filter(([, spec]) => spec.colocateWith !== first[0])
      .map(([table, spec]) => `${table} colocated with ${spec.colocateWith ?? 'default'}`);
    expect(offenders).toEqual([]);
  });

  it('orders the script so that every table comes after the tables its foreign keys point at', async () => {
    const { rows } = await db.query<{ from: string; to: string }>(`
      SELECT conrelid::regclass::text AS from, confrelid::regclass::text AS to
      FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid`);
    expect(rows.length).toBeGreaterThan(30);
    const at = (t: string) => layout.order.indexOf(t);
    expect(rows.filter((r) => at(r.to) > at(r.from)).map((r) => `${r.from} -> ${r.to}`)).toEqual([]);
  });

  it('includes province_id in every primary key, unique constraint, unique index and exclusion of a distributed table', async () => {
    const { rows } = await db.query<{ table: string; name: string; def: string; ok: boolean }>(`
      SELECT c.relname AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def,
        EXISTS (
          SELECT 1 FROM generate_subscripts(i.indkey, 1) AS k
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[k]
          LEFT JOIN pg_constraint x ON x.conindid = i.indexrelid AND x.contype = 'x'
          WHERE a.attname = 'province_id'
            -- an exclusion must compare province_id with equality
            AND (x.oid IS NULL OR (SELECT oprname FROM pg_operator WHERE oid = x.conexclop[k + 1]) = '=')
        ) AS ok
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      LEFT JOIN pg_constraint x ON x.conindid = i.indexrelid AND x.contype = 'x'
      WHERE c.relnamespace = 'public'::regnamespace AND (i.indisunique OR x.oid IS NOT NULL)`);
    const checked = rows.filter((r) => isDistributed(r.table));
    expect(checked.length).toBeGreaterThan(layout.distributed.size);
    expect(checked.some((r) => r.def.includes('gist'))).toBe(true);
    expect(checked.filter((r) => !r.ok).map((r) => r.def)).toEqual([]);
  });

  it('pairs province_id with province_id in every foreign key between distributed tables, none from a reference table to one', async () => {
    const { rows } = await db.query<{
      from: string;
      to: string;
      def: string;
      fromPos: number | null;
      toPos: number | null;
      onUpdate: string;
      onDelete: string;
    }>(`
      SELECT k.conrelid::regclass::text AS from, k.confrelid::regclass::text AS to, pg_get_constraintdef(k.oid) AS def,
        (SELECT p FROM generate_subscripts(k.conkey, 1) AS p
           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[p] WHERE a.attname = 'province_id') AS "fromPos",
        (SELECT p FROM generate_subscripts(k.confkey, 1) AS p
           JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = k.confkey[p] WHERE a.attname = 'province_id') AS "toPos",
        k.confupdtype AS "onUpdate", k.confdeltype AS "onDelete"
      FROM pg_constraint k WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`);
    const offenders: string[] = [];
    let betweenDistributed = 0;
    for (const fk of rows) {
      const label = `${fk.from} -> ${fk.to}: ${fk.def}`;
      if (!isDistributed(fk.from) && isDistributed(fk.to)) offenders.push(`reference to distributed: ${label}`);
      if (isDistributed(fk.from) && isDistributed(fk.to)) {
        betweenDistributed += 1;
        if (fk.fromPos === null || fk.fromPos !== fk.toPos) offenders.push(`province_id not paired: ${label}`);
        // Citus cannot cascade a change of the distribution column, nor set it to NULL or a default.
        if (!['a', 'r'].includes(fk.onUpdate)) offenders.push(`ON UPDATE action on the shard key: ${label}`);
        if (['n', 'd'].includes(fk.onDelete)) offenders.push(`ON DELETE SET NULL/DEFAULT on the shard key: ${label}`);
      }
    }
    expect(betweenDistributed).toBeGreaterThan(30);
    expect(offenders).toEqual([]);
  });

  describe('accounts (a reference table) link to a cadre or unit of their province without a foreign key', () => {
    it('refuses a link to a cadre or unit of another province, or to one that does not exist', async () => {
      const ldg = await provinceIdOf(db, 'LDG');
      const hni = await provinceIdOf(db, 'HNI');
      const hniCadre = await buildCadre(db, { provinceId: hni });
      const hniUnit = await buildUnit(db, { provinceId: hni, name: 'Đoàn phường Ba Đình' });
      const user = await buildUser(db, { role: 'CADRE', provinceId: ldg });
      const refused = [
        [{ cadreId: hniCadre.id }, 'app_user_cadre_link'],
        [{ unitId: hniUnit.id }, 'app_user_unit_link'],
        [{ cadreId: randomUUID() }, 'app_user_cadre_link'],
      ] as const;
      for (const [link, constraint] of refused) {
        await expect(linkUser(db, user.id, link)).rejects.toMatchObject({ code: '23503', constraint });
      }
      const ldgCadre = await buildCadre(db, { provinceId: ldg });
      await linkUser(db, user.id, { cadreId: ldgCadre.id });
      const { rows } = await db.query('SELECT cadre_id FROM app_user WHERE id = $1', [user.id]);
      expect(rows[0].cadre_id).toBe(ldgCadre.id);
    });

    it('keeps a linked cadre or unit from being deleted, and lets an unlinked one go', async () => {
      const ldg = await provinceIdOf(db, 'LDG');
      const cadre = await buildCadre(db, { provinceId: ldg });
      const unit = await buildUnit(db, { provinceId: ldg, name: 'Đoàn xã Đạ Tẻh' });
      const spare = await buildUnit(db, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai' });
      const user = await buildUser(db, { role: 'CADRE', provinceId: ldg });
      const host = await buildUser(db, { role: 'HOST_UNIT', provinceId: ldg });
      await linkUser(db, user.id, { cadreId: cadre.id });
      await linkUser(db, host.id, { unitId: unit.id });
      const cadreLink = { code: '23503', constraint: 'app_user_cadre_link' };
      const unitLink = { code: '23503', constraint: 'app_user_unit_link' };
      await expect(db.query('DELETE FROM cadre WHERE id = $1', [cadre.id])).rejects.toMatchObject(cadreLink);
      await expect(db.query('DELETE FROM unit WHERE id = $1', [unit.id])).rejects.toMatchObject(unitLink);
      await expect(db.query('UPDATE unit SET id = $2 WHERE id = $1', [unit.id, randomUUID()])).rejects.toMatchObject(unitLink);
      await db.query('UPDATE unit SET name = $2 WHERE id = $1', [unit.id, 'Đoàn xã Đạ Tẻh mới']);
      expect((await db.query('DELETE FROM unit WHERE id = $1', [spare.id])).rowCount).toBe(1);
    });
  });
});

/**
 * Citus forwards a transaction's `SET LOCAL` settings to the shards (citus.propagate_set_commands =
 * 'local'), not the side effects of set_config(): a scope set any other way would leave every policy on
 * the workers seeing no province at all.
 */
describe('ready for Citus: the scope reaches the shards', () => {
  it('sets who is asking with SET LOCAL statements only, with the values row-level security then applies', async () => {
    const product = await startTestProduct();
    try {
      const ldg = await provinceIdOf(product.owner, 'LDG');
      const user = await buildUser(product.owner, { role: Role.PROVINCE_ADMIN, provinceId: ldg });
      await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Tẻh' });
      const token = await product.login(user.username, TEST_PASSWORD);
      product.statements.length = 0;
      const data = await product.ok<{ units: { nodes: Array<{ name: string }> } }>(
        '{ units(first: 5) { nodes { name } } }',
        undefined,
        token,
      );
      expect(data.units.nodes.map((u) => u.name)).toContain('Đoàn xã Đạ Tẻh');
      const scoped = product.statements.filter((sql) => /app\.(user_id|read_provinces|write_provinces)/.test(sql));
      expect(scoped.length).toBeGreaterThan(0);
      for (const sql of scoped) {
        expect(sql).not.toMatch(/set_config/i);
        // The settings, then (in the same round trip, as a statement of its own) the account being read.
        expect(sql).toMatch(
          /^SET LOCAL app\.user_id = '[0-9a-f-]*'; SET LOCAL app\.read_provinces = '\{[\d,]*\}'; SET LOCAL app\.write_provinces = '\{[\d,]*\}'(; SELECT [a-z_, ]+ FROM app_user WHERE id = '[0-9a-f-]+')?$/,
        );
      }
      expect(scoped.at(-1)).toContain(`SET LOCAL app.read_provinces = '{${ldg}`);
    } finally {
      await product.stop();
    }
  });
});
