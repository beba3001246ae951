import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a corrective action's lateness was announced, so every instance announces it once. */
export class OverdueNotices1764300000006 implements MigrationInterface {
  name = 'OverdueNotices1764300000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE corrective_action ADD COLUMN overdue_announced_at timestamptz;
      CREATE INDEX corrective_action_unannounced_idx ON corrective_action (due_on)
        WHERE status <> 'VERIFIED' AND overdue_announced_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE corrective_action DROP COLUMN overdue_announced_at;`);
  }
}
