/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the province dashboard and the central comparison
 * send, on the benchmark database (run `pnpm bench` first), as the API's role with its settings.
 *
 *   cd tests && pnpm bench:explain [dashboard|central] [provinceId]
 */
import { Pool } from 'pg';
import { YEAR, appUrl, loadComplianceService, todayInVietnam } from './lib';

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'dashboard';
  const pool = new Pool({ connectionString: appUrl(), max: 1 });
  const client = await pool.connect();
  const service = loadComplianceService();
  const today = todayInVietnam();
  try {
    const all: number[] = (await client.query('SELECT id FROM province ORDER BY id')).rows.map((r: { id: number }) => r.id);
    const active: number[] = (await client.query(`SELECT id FROM province WHERE status = 'ACTIVE' ORDER BY id`)).rows.map(
      (r: { id: number }) => r.id,
    );
    const province = Number(process.argv[3] ?? active[0]);
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.read_provinces', $1, true)`, [
      `{${(what === 'central' ? all : [province]).join(',')}}`,
    ]);
    let n = 0;
    const manager = {
      query: async (sql: string, params?: unknown[]) => {
        n += 1;
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        process.stdout.write(`\n===== statement ${n} =====\n${sql.trim().split('\n')[0].slice(0, 160)}…\n${plan}\n`);
        // The service needs the real answer to go on to its next statement.
        return (await client.query(sql, params)).rows;
      },
    };
    // A fresh cache: the plans of the statements that compute the figures, not of a cache hit.
    await service.provinceBundles(manager, new service.ComplianceCache(), YEAR, today, what === 'central' ? all : [province]);
    await client.query('ROLLBACK');
  } finally {
    client.release();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
