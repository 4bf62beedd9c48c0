import type { Migration } from './types';

/**
 * Negotiation (issue 6). A promise keeps its full terms (schedule, reminders, kind, policy version, read-back) as
 * `terms` JSON beside the summary columns the queue and the card read; a contact keeps which script version ran,
 * which disclosures were read and ticked, the verification result and the free text of the reason. The agenda
 * reads an agent's open promises and callbacks by index.
 */
export const m0004: Migration = {
  version: 4,
  name: 'negotiation',
  up(db) {
    db.exec(`
      ALTER TABLE promises ADD COLUMN terms TEXT;
      ALTER TABLE contacts ADD COLUMN script_id TEXT;
      ALTER TABLE contacts ADD COLUMN script_version INTEGER;
      ALTER TABLE contacts ADD COLUMN disclosures TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE contacts ADD COLUMN verification TEXT;
      ALTER TABLE contacts ADD COLUMN reason_text TEXT NOT NULL DEFAULT '';
      CREATE INDEX promises_agent_status ON promises(agent_id, status, due_date);
      CREATE INDEX callbacks_agent_status ON callbacks(agent_id, status, due_at);
    `);
  },
};
