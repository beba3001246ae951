import { Client } from 'pg';
import { appUrl } from '../src/db/database';
import { startTestProduct, type TestProduct } from './harness';
import { TEST_APP_USER, testDbConfig } from './database';
import { buildCadre, buildTrip, buildUnit, provinceIdOf } from './factories';

/**
 * The database itself keeps provinces apart, whatever the API code does: these checks read the
 * catalog, so a new table or key that forgets the rules fails here before any feature test.
 */
describe('database catalog: tenancy is enforced by PostgreSQL', () => {
  let product: TestProduct;

  beforeAll(async () => {
    product = await startTestProduct();
  });
  afterAll(() => product.stop());

  const tenantTables = async (): Promise<string[]> => {
    const { rows } = await product.owner.query<{ table: string }>(`
      SELECT c.relname AS table
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'province_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY 1`);
    return rows.map((r) => r.table);
  };

  it('finds the tenant tables (guards the queries below against matching nothing)', async () => {
    expect(await tenantTables()).toEqual(
      expect.arrayContaining(['app_user', 'unit', 'cadre', 'trip', 'trip_member', 'trip_destination']),
    );
  });

  it('enables and forces row-level security on every table with a province_id', async () => {
    const { rows } = await product.owner.query<{ table: string; rls: boolean; forced: boolean }>(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'province_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`);
    const offenders = rows.filter((r) => !r.rls || !r.forced).map((r) => `${r.table} (rls=${r.rls}, forced=${r.forced})`);
    expect(offenders).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });

  it('keys every tenant table by province_id first (app_user, the global identity, excepted)', async () => {
    const { rows } = await product.owner.query<{ table: string; first: string | null }>(`
      SELECT c.relname AS table,
             (SELECT a.attname FROM pg_constraint k
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
              WHERE k.conrelid = c.oid AND k.contype = 'p') AS first
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute pa ON pa.attrelid = c.oid AND pa.attname = 'province_id' AND NOT pa.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'app_user'`);
    const offenders = rows
      .filter((r) => r.first !== 'province_id')
      .map((r) => `${r.table} (primary key starts with ${r.first ?? 'nothing'})`);
    expect(offenders).toEqual([]);
  });

  it('makes every reference between two tenant tables carry province_id, so no row points into another province', async () => {
    // References to app_user are to the global identity by its primary key (who created, who decided):
    // an account id is not tenant data, and the writer is always the viewer, so they are excepted.
    const { rows } = await product.owner.query<{ name: string; from: string; to: string; has_province: boolean }>(`
      SELECT k.conname AS name, src.relname AS from, dst.relname AS to,
             EXISTS (SELECT 1 FROM pg_attribute a
                     WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) AND a.attname = 'province_id') AS has_province
      FROM pg_constraint k
      JOIN pg_class src ON src.oid = k.conrelid
      JOIN pg_class dst ON dst.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = src.oid AND a.attname = 'province_id' AND NOT a.attisdropped)
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = dst.oid AND a.attname = 'province_id' AND NOT a.attisdropped)
        AND dst.relname <> 'app_user'`);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const offenders = rows.filter((r) => !r.has_province).map((r) => `${r.name}: ${r.from} -> ${r.to}`);
    expect(offenders).toEqual([]);
  });

  it('gives the API login role no way around row-level security and nothing of its own', async () => {
    const role = await product.owner.query<{ rolsuper: boolean; rolbypassrls: boolean; member: boolean }>(
      `SELECT rolsuper, rolbypassrls, pg_has_role(oid, 'coso_api', 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`,
      [TEST_APP_USER],
    );
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false, member: true }]);

    const owned = await product.owner.query<{ kind: string; name: string }>(
      `SELECT 'relation' AS kind, relname AS name FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)
       UNION ALL
       SELECT 'function', proname FROM pg_proc WHERE proowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [TEST_APP_USER],
    );
    expect(owned.rows).toEqual([]);
  });

  describe('as the API role, a transaction that says nothing about who asks', () => {
    let hcm: number;
    let ldg: number;
    let app: Client;

    beforeAll(async () => {
      hcm = await provinceIdOf(product.owner, 'HCM');
      ldg = await provinceIdOf(product.owner, 'LDG');
      // Rows in two provinces, written by the owner in a transaction scoped to each.
      for (const provinceId of [ldg, hcm]) {
        const unit = await buildUnit(product.owner, { provinceId });
        const cadre = await buildCadre(product.owner, { provinceId });
        await buildTrip(product.owner, { provinceId, leadCadreId: cadre.id, destinationId: unit.id });
      }
      app = new Client({ connectionString: appUrl(testDbConfig(product.ownerUrl)) });
      await app.connect();
    });
    afterAll(() => app.end());

    const countIn = async (settings: string | null): Promise<Record<string, number>> => {
      await app.query('BEGIN');
      try {
        if (settings !== null) await app.query(`SELECT set_config('app.read_provinces', $1, true)`, [settings]);
        const counts: Record<string, number> = {};
        for (const table of ['unit', 'cadre', 'trip']) {
          const { rows } = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
          counts[table] = rows[0].n;
        }
        return counts;
      } finally {
        await app.query('ROLLBACK');
      }
    };

    it('is really the weak role', async () => {
      const { rows } = await app.query<{ who: string }>('SELECT current_user AS who');
      expect(rows[0].who).toBe(TEST_APP_USER);
    });

    it('sees no unit, cadre or trip at all', async () => {
      expect(await countIn(null)).toEqual({ unit: 0, cadre: 0, trip: 0 });
    });

    it('sees exactly one province once it says which (the rows are there)', async () => {
      expect(await countIn(`{${ldg}}`)).toEqual({ unit: 1, cadre: 1, trip: 1 });
      expect(await countIn(`{${ldg},${hcm}}`)).toEqual({ unit: 2, cadre: 2, trip: 2 });
    });

    it('cannot insert a unit without a writable province', async () => {
      await app.query('BEGIN');
      try {
        await expect(
          app.query(
            `INSERT INTO unit (province_id, id, kind, name, valid_from) VALUES ($1, gen_random_uuid(), 'COMMUNE_UNION', 'Đoàn xã Lén', '2024-01-01')`,
            [ldg],
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await app.query('ROLLBACK');
      }
    });

    it('cannot insert a unit into a province it may only read', async () => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.read_provinces', $1, true), set_config('app.write_provinces', $2, true)`, [
          `{${ldg},${hcm}}`,
          `{${hcm}}`,
        ]);
        await expect(
          app.query(
            `INSERT INTO unit (province_id, id, kind, name, valid_from) VALUES ($1, gen_random_uuid(), 'COMMUNE_UNION', 'Đoàn xã Lén', '2024-01-01')`,
            [ldg],
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await app.query('ROLLBACK');
      }
    });
  });
});
