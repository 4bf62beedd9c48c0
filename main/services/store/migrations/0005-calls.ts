import type { Migration } from './types';

/**
 * Softphone (issue 4): every call event the engine emits, as the contact's call timeline. One row per event, keyed
 * by the engine's call id + event sequence so a replay after a crash is ignored. `debtor_id` is not a foreign key:
 * a call from an unknown number is kept too, and a refresh that drops a debtor must not lose its calls.
 */
export const m0005: Migration = {
  version: 5,
  name: 'calls',
  up(db) {
    db.exec(`
      CREATE TABLE call_events (
        id TEXT PRIMARY KEY,
        call_id TEXT NOT NULL,
        sip_call_id TEXT NOT NULL,
        debtor_id TEXT,
        agent_id TEXT NOT NULL,
        direction TEXT NOT NULL,
        remote TEXT NOT NULL,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX call_events_call ON call_events(call_id, at);
      CREATE INDEX call_events_debtor ON call_events(debtor_id, at);
      CREATE TABLE call_recordings (
        call_id TEXT PRIMARY KEY,
        debtor_id TEXT,
        agent_id TEXT NOT NULL,
        file TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        mime_type TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        uploaded_at TEXT
      );
    `);
  },
};
