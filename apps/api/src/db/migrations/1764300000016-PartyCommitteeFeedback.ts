import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The host's word on a visit also says whether the delegation invited the party committee (cấp ủy)
 * to attend, one of the rules for a visit. Feedback already given did not ask: it is taken as kept,
 * so no existing row becomes a breach. The computed breach covers the new item.
 */
export class PartyCommitteeFeedback1764300000016 implements MigrationInterface {
  name = 'PartyCommitteeFeedback1764300000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE host_feedback DROP COLUMN breach,
        ADD COLUMN no_party_committee boolean NOT NULL DEFAULT true;
      ALTER TABLE host_feedback
        ADD COLUMN breach boolean GENERATED ALWAYS AS (NOT (no_conference AND no_district_escort AND no_cost AND no_party_committee)) STORED;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE host_feedback DROP COLUMN breach, DROP COLUMN no_party_committee;
      ALTER TABLE host_feedback
        ADD COLUMN breach boolean GENERATED ALWAYS AS (NOT (no_conference AND no_district_escort AND no_cost)) STORED;
    `);
  }
}
