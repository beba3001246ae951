import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ATTRIBUTED_ONCE } from './1764300000014-ExemptionKinds';

const CLOSED_BEHIND = `WHEN p_today > j.we THEN 'BEHIND'`;
const CLOSED_NOT_MET = `WHEN p_today > j.we THEN 'NOT_MET'`;

function engine(from: string, to: string): string {
  if (!ATTRIBUTED_ONCE.includes(from)) throw new Error('The engine of 1764300000014 no longer has its closed-window status');
  return ATTRIBUTED_ONCE.replace(from, to);
}

/**
 * A cadre short of the requirement once the counting window is over did not meet it ("Không đạt"):
 * "behind schedule" only describes a window still running.
 */
export class NotMetStatus1764300000015 implements MigrationInterface {
  name = 'NotMetStatus1764300000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(engine(CLOSED_BEHIND, CLOSED_NOT_MET));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(engine(CLOSED_BEHIND, CLOSED_BEHIND));
  }
}
