import type { Migration } from './index'

/**
 * Corrections of a member's steps: a step recorded by mistake is revoked by a new 更正 event, never deleted.
 *   change_json  what the step changed, so a 更正 can put exactly that back: the member's columns before and after,
 *                the 组织关系 periods it closed and opened, the 支委会 posts it ended (members/changes.ts);
 *   revokes      on a 更正 event: the step it revokes (one 更正 per step).
 * 死亡 was recorded as a way of 出党; it is a reduction of its own (党员减少 — 死亡, shared/leaving.ts): those steps
 * become `died`, keeping their date, document number, note and who recorded them.
 */
export const m0017EventCorrections: Migration = {
  version: 17,
  name: 'event-corrections',
  up(db) {
    db.exec(`
      ALTER TABLE member_events ADD COLUMN change_json TEXT;
      ALTER TABLE member_events ADD COLUMN revokes INTEGER REFERENCES member_events(id);
      CREATE UNIQUE INDEX member_events_revokes ON member_events(revokes) WHERE revokes IS NOT NULL;
      UPDATE member_events SET type = 'died', reason = nullif(substr(reason, 4), '')
        WHERE type = 'left' AND (reason = '死亡' OR reason LIKE '死亡：%');
    `)
  },
}
