/**
 * Verifies a desk's audit log hash chain.
 *
 *   npx tsx scripts/audit-verify.ts <db-file> [--key-file <store.key>] [--expected-head <sha256>]
 *
 * Prints "OK: <n> records, head <hash>" and exits 0, or "BROKEN: first broken link at seq <n> (<reason>)" and
 * exits 1. Exit 2: bad usage, or the database cannot be opened (missing file, wrong key).
 * The key file is the desk's store.key (64 hex digits); without it the database is opened unencrypted.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync } from 'node:fs';
import { verifyAuditLog } from '../main/services/audit/audit-log';
import { openStore } from '../main/services/store/open';

const USAGE = 'usage: audit-verify <db-file> [--key-file <file>] [--expected-head <sha256>]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let keyFile: string | undefined;
let expectedHead: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--key-file') keyFile = args[++i] ?? fail(USAGE);
  else if (a === '--expected-head') expectedHead = args[++i] ?? fail(USAGE);
  else if (a === '-h' || a === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`);
  else if (file === undefined) file = a;
  else fail(USAGE);
}
if (!file) fail(USAGE);
if (!existsSync(file)) fail(`no such database file: ${file}`);
if (expectedHead !== undefined && !/^[0-9a-f]{64}$/.test(expectedHead)) fail('--expected-head must be 64 lowercase hex digits');

let db: Database.Database;
try {
  if (keyFile) {
    const text = readFileSync(keyFile, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(text)) fail(`the key file ${keyFile} must hold 64 hex digits`);
    db = openStore({ file, key: Buffer.from(text, 'hex'), readonly: true }).db;
  } else {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  }
} catch (err) {
  fail(`cannot open ${file}: ${err instanceof Error ? err.message : String(err)}${keyFile ? '' : ' (encrypted? pass --key-file)'}`);
}

try {
  const hasTable = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").pluck().get();
  if (!hasTable) fail(`${file} has no audit_log table`);
  const v = verifyAuditLog(db, expectedHead ? { expectedHead } : {});
  if (v.ok) {
    console.log(`OK: ${v.count} records, head ${v.head}`);
    process.exitCode = 0;
  } else {
    console.log(`BROKEN: first broken link at seq ${v.firstBrokenSeq} (${v.reason}); ${v.count} records verified before it`);
    process.exitCode = 1;
  }
} finally {
  db.close();
}
