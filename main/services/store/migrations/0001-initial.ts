import type { Migration } from './types';

/**
 * The desk's first schema. Money: integer minor units + ISO currency. Times: UTC ISO text; each debtor carries
 * its IANA zone. `seen_gen` marks rows that came from the server's slice (the generation of the refresh that last
 * saw them); rows the agent created locally keep it NULL until the server sends them back, so a refresh sweep
 * never removes unsynced local work.
 */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE creditors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        country TEXT NOT NULL
      );

      -- num: a stable integer key the search index (0002) uses as its rowid.
      CREATE TABLE debtors (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        creditor_id TEXT NOT NULL REFERENCES creditors(id),
        full_name TEXT NOT NULL,
        document_type TEXT NOT NULL,
        document_id TEXT NOT NULL,
        birth_date TEXT,
        country TEXT NOT NULL,
        region TEXT,
        city TEXT,
        time_zone TEXT NOT NULL,
        language TEXT NOT NULL,
        flags TEXT NOT NULL DEFAULT '[]',
        profile TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX debtors_creditor ON debtors(creditor_id);

      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        debtor_id TEXT NOT NULL REFERENCES debtors(id) ON DELETE CASCADE,
        creditor_id TEXT NOT NULL REFERENCES creditors(id),
        account_number TEXT NOT NULL,
        product TEXT NOT NULL,
        currency TEXT NOT NULL,
        balance_minor INTEGER NOT NULL,
        principal_minor INTEGER NOT NULL,
        days_past_due INTEGER NOT NULL,
        due_since TEXT NOT NULL,
        last_payment_at TEXT,
        segment TEXT NOT NULL,
        assigned_agent_id TEXT,
        status TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX accounts_debtor ON accounts(debtor_id);
      CREATE INDEX accounts_segment ON accounts(segment);
      CREATE UNIQUE INDEX accounts_number ON accounts(creditor_id, account_number);

      CREATE TABLE phones (
        id TEXT PRIMARY KEY,
        debtor_id TEXT NOT NULL REFERENCES debtors(id) ON DELETE CASCADE,
        e164 TEXT NOT NULL,
        type TEXT NOT NULL,
        valid INTEGER NOT NULL,
        status TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX phones_e164 ON phones(e164);
      CREATE INDEX phones_debtor ON phones(debtor_id);

      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        method TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX payments_account ON payments(account_id, posted_at);

      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        debtor_id TEXT NOT NULL REFERENCES debtors(id) ON DELETE CASCADE,
        account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        agent_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        direction TEXT NOT NULL,
        phone_e164 TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT NOT NULL,
        reason TEXT,
        notes TEXT NOT NULL DEFAULT '',
        mos REAL,
        conversation INTEGER NOT NULL,
        -- Hour of day (0-23) in the debtor's zone when the attempt started: what the queue's best-hour learns from.
        local_hour INTEGER NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX contacts_debtor ON contacts(debtor_id, started_at);
      -- The queue's best-hour histogram reads only this index (GROUP BY debtor, hour of successful contacts).
      CREATE INDEX contacts_success_hour ON contacts(conversation, debtor_id, local_hour);

      CREATE TABLE promises (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        debtor_id TEXT NOT NULL REFERENCES debtors(id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        due_date TEXT NOT NULL,
        method TEXT NOT NULL,
        installments INTEGER NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX promises_debtor ON promises(debtor_id);
      CREATE INDEX promises_account ON promises(account_id, status);

      CREATE TABLE callbacks (
        id TEXT PRIMARY KEY,
        debtor_id TEXT NOT NULL REFERENCES debtors(id) ON DELETE CASCADE,
        account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        agent_id TEXT NOT NULL,
        due_at TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX callbacks_debtor ON callbacks(debtor_id);
      CREATE INDEX callbacks_due ON callbacks(status, due_at);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        debtor_id TEXT NOT NULL REFERENCES debtors(id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX notes_debtor ON notes(debtor_id, created_at);

      CREATE TABLE policies (
        id TEXT PRIMARY KEY,
        creditor_id TEXT NOT NULL REFERENCES creditors(id),
        segment TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        seen_gen INTEGER
      );
      CREATE INDEX policies_segment ON policies(creditor_id, segment, version);

      CREATE TABLE scripts (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      );

      -- Unsynced changes, in the order they were made. seq is the per-client sequence number the server dedups
      -- on together with uuid; only the server's acknowledgement removes a row (sync, issue 7).
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX outbox_state ON outbox(state, seq);

      CREATE TABLE sync_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE local_users (
        username TEXT PRIMARY KEY,
        user_json TEXT NOT NULL,
        verifier TEXT NOT NULL,
        last_login_at TEXT NOT NULL
      );

      CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
