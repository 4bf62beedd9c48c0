import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiErrorData } from '../../shared/api/errors';
import { PushResponse, syncRoutes } from '../../shared/sync/wire';
import { refusalText } from '../../shared/sync/reasons';
import { testBackends } from '../../server/testing/backends';
import { fingerprint } from '../../server/testing/fingerprint';
import { testKey } from '../../main/services/testing/temp';
import {
  AGENT1, AGENT2, enqueue, makeMutation, openTestDesk, serverMutations, tokenFor, syncSuite,
} from './harness';

describe.each(testBackends())('sync push and pull on $name', (backend) => {
  const suite = syncSuite(backend, 20, 'recaudo-sync-');

  const push = (token: string, body: unknown) =>
    fetch(suite.server.url + syncRoutes.push.path, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
  const wire = (seq: number, m: { kind: string; payload: unknown }, id = (m.payload as { id: string }).id) =>
    ({ seq, id, kind: m.kind, payload: m.payload, createdAt: '2026-11-25T12:00:00.000Z' });

  it('pushes every kind of mutation once, in order, and only the acknowledgement empties the outbox', async () => {
    const desk = openTestDesk(join(suite.tmp.dir, 'kinds.db'), testKey(), { baseUrl: () => suite.server.url });
    const kinds = ['note.add', 'contact.add', 'promise.add', 'callback.add', 'phone.mark', 'audit.append', 'call.event'] as const;
    const made = kinds.map((k) => makeMutation(k, 0));
    const queued = enqueue(desk, made);
    expect(desk.engine.status()).toMatchObject({ state: 'offline', pending: 7 });
    const statuses: string[] = [];
    desk.events.on('sync.status', (s) => statuses.push(`${s.state}:${s.pending}`));
    const res = await desk.engine.syncNow();
    expect(res).toMatchObject({ ok: true, pushed: 7, refused: 0 });
    expect(desk.outbox.pendingCount()).toBe(0);
    expect(statuses.at(-1)).toBe('online:0');

    const clientId = desk.engine.clientId(AGENT1);
    const recorded = await serverMutations(suite.db, clientId);
    expect(recorded).toEqual(queued.map((q, i) => ({ seq: i + 1, id: q.uuid, kind: kinds[i], status: 'applied' })));
    const ids = made.map((m) => (m.payload as { id: string }).id);
    expect(await suite.db.query('select id from notes where id = $1', [ids[0]])).toHaveLength(1);
    expect(await suite.db.query('select id from contacts where id = $1', [ids[1]])).toHaveLength(1);
    expect(await suite.db.query("select status from promises where id = $1", [ids[2]])).toEqual([{ status: 'pending' }]);
    expect(await suite.db.query('select id from callbacks where id = $1', [ids[3]])).toHaveLength(1);
    expect(await suite.db.query("select status from phones where id = 'ph-0'")).toEqual([{ status: 'wrong_number' }]);
    expect(await suite.db.query('select action from audit_events where id = $1', [ids[5]])).toEqual([{ action: 'card.open' }]);
    expect(await suite.db.query('select event from call_events where id = $1', [ids[6]])).toEqual([{ event: 'dialed' }]);
    await desk.close();
  });

  it('a replayed batch is acknowledged as duplicate and never applied twice; a gap defers the rest until the missing seq arrives', async () => {
    const token = tokenFor(AGENT1);
    const clientId = 'replay-client-1';
    const m = [1, 2, 3, 4, 5].map(() => makeMutation('note.add', 2));
    const first = PushResponse.parse(await (await push(token, { clientId, mutations: [wire(1, m[0]!), wire(2, m[1]!)] })).json());
    expect(first.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    // Replay of the same batch (a lost acknowledgement): duplicates, nothing new.
    const replay = PushResponse.parse(await (await push(token, { clientId, mutations: [wire(1, m[0]!), wire(2, m[1]!)] })).json());
    expect(replay.results).toEqual([
      expect.objectContaining({ seq: 1, outcome: 'duplicate', previous: 'applied' }),
      expect.objectContaining({ seq: 2, outcome: 'duplicate', previous: 'applied' }),
    ]);
    // A later batch arriving before the one in between: deferred, not applied.
    const early = PushResponse.parse(await (await push(token, { clientId, mutations: [wire(4, m[3]!), wire(5, m[4]!)] })).json());
    expect(early.results).toEqual([
      expect.objectContaining({ seq: 4, outcome: 'deferred', missingSeq: 3 }),
      expect.objectContaining({ seq: 5, outcome: 'deferred', missingSeq: 3 }),
    ]);
    expect(early.lastAppliedSeq).toBe(2);
    const filled = PushResponse.parse(await (await push(token, { clientId, mutations: [wire(2, m[1]!), wire(3, m[2]!), wire(4, m[3]!), wire(5, m[4]!)] })).json());
    expect(filled.results.map((r) => r.outcome)).toEqual(['duplicate', 'applied', 'applied', 'applied']);
    const notes = await suite.db.query<{ id: string }>('select id from notes where id = any($1::text[]) order by id', [m.map((x) => (x.payload as { id: string }).id)]);
    expect(notes).toHaveLength(5);
    expect((await serverMutations(suite.db, clientId)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses another agent's account with a reason, applies the rest, and keeps the refused mutation at the desk", async () => {
    const desk = openTestDesk(join(suite.tmp.dir, 'refuse.db'), testKey(), { baseUrl: () => suite.server.url });
    const good1 = makeMutation('note.add', 4);
    const foreign = makeMutation('promise.add', 5); // d-5 belongs to ag-2
    const good2 = makeMutation('contact.add', 6);
    enqueue(desk, [good1, foreign, good2]);
    const res = await desk.engine.syncNow();
    expect(res).toMatchObject({ ok: true, pushed: 2, refused: 1 });
    expect(desk.outbox.pendingCount()).toBe(0);
    const refused = desk.engine.refused();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ kind: 'promise.add', reason: { key: 'sync.refused.notAssigned', params: { entity: 'a-5' } } });
    const reason = refused[0]!.reason as { key: 'sync.refused.notAssigned'; params: Record<string, string> };
    expect(refusalText(reason, 'es')).toBe('La cuenta a-5 ya no está asignada a usted; el registro no se aplicó.');
    expect(refusalText(reason, 'en')).toBe('Account a-5 is no longer assigned to you; the record was not applied.');
    expect(await suite.db.query('select id from promises where id = $1', [(foreign.payload as { id: string }).id])).toHaveLength(0);
    expect(await suite.db.query('select id from notes where id = $1', [(good1.payload as { id: string }).id])).toHaveLength(1);
    expect(await suite.db.query('select id from contacts where id = $1', [(good2.payload as { id: string }).id])).toHaveLength(1);
    // A second sync does not resend the refused one.
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 0, refused: 0 });
    await desk.close();
  });

  it('refuses a promise made under an outdated policy, a wrong currency and an invalid payload, each with its own reason', async () => {
    await suite.db.query("insert into policies (id, creditor_id, segment, version, body) values ('pol-1b', 'cr-1', 'early', 2, '{}')");
    try {
      const token = tokenFor(AGENT1);
      const stale = makeMutation('promise.add', 8);
      const usd = makeMutation('promise.add', 8, AGENT1, { currency: 'USD', policyVersion: 2 });
      const bad = makeMutation('note.add', 8, AGENT1, { text: '' });
      const ok = makeMutation('note.add', 8);
      const res = PushResponse.parse(await (await push(token, {
        clientId: 'policy-client', mutations: [wire(1, stale), wire(2, usd), wire(3, bad), wire(4, ok)],
      })).json());
      expect(res.results.map((r) => (r.outcome === 'refused' ? r.reason.key : r.outcome))).toEqual([
        'sync.refused.policyChanged', 'sync.refused.currencyMismatch', 'sync.refused.invalidPayload', 'applied',
      ]);
      expect(res.results[0]).toMatchObject({ reason: { params: { version: 1, current: 2 } } });
      expect(res.results[2]).toMatchObject({ reason: { params: { kind: 'note.add', field: 'text' } } });
      expect(res.lastAppliedSeq).toBe(4);
    } finally {
      await suite.db.query("delete from policies where id = 'pol-1b'");
    }
  });

  it('a forged client id (another agent\'s) is a 403 and applies nothing; a malformed batch is a 400 naming the field', async () => {
    const desk = openTestDesk(join(suite.tmp.dir, 'forged.db'), testKey(), { baseUrl: () => suite.server.url });
    enqueue(desk, [makeMutation('note.add', 10)]);
    await desk.engine.syncNow();
    const victim = desk.engine.clientId(AGENT1);
    const before = await fingerprint(suite.db);
    const forged = await push(tokenFor(AGENT2), { clientId: victim, mutations: [wire(2, makeMutation('note.add', 11, AGENT2))] });
    expect(forged.status).toBe(403);
    expect(ApiErrorData.parse(await forged.json())).toMatchObject({ code: 'forbidden', key: 'errors.sync.clientNotYours' });
    const malformed = await push(tokenFor(AGENT1), { clientId: 'ok-client-1', mutations: [{ seq: 'x', id: 'nope' }] });
    expect(malformed.status).toBe(400);
    const err = ApiErrorData.parse(await malformed.json());
    expect(err).toMatchObject({ code: 'invalid_input', key: 'errors.invalidField' });
    expect(err.issues?.map((i) => i.path)).toContain('mutations.0.seq');
    const descending = await push(tokenFor(AGENT1), { clientId: 'ok-client-1', mutations: [wire(2, makeMutation('note.add', 10)), wire(1, makeMutation('note.add', 10))] });
    expect(descending.status).toBe(400);
    const noToken = await fetch(suite.server.url + syncRoutes.push.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect(await fingerprint(suite.db)).toEqual(before);
    // The desk's own valid work is unaffected.
    enqueue(desk, [makeMutation('note.add', 12)]);
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    expect((await serverMutations(suite.db, victim)).map((r) => r.status)).toEqual(['applied', 'applied']);
    await desk.close();
  });

  it('pulls the slice, then only changes: payments, promise status, reassignment away, phone marks by others, scripts', async () => {
    const desk = openTestDesk(join(suite.tmp.dir, 'pull.db'), testKey(), { baseUrl: () => suite.server.url, pullLimit: 3 });
    const updates: number[] = [];
    desk.events.on('portfolio.updated', (p) => updates.push(p.accounts));
    await suite.db.query("insert into scripts (id, version, body) values ('guion-temprana', 1, '{\"steps\":[]}')");
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
    const count = (sql: string, ...p: unknown[]) => desk.db.prepare(sql).pluck().get(...p) as number;
    expect(count('select count(*) from accounts')).toBe(11); // d-0,2,…,18 + a-shared-1
    expect(count("select count(*) from accounts where id = 'a-1'")).toBe(0);
    expect(count("select count(*) from scripts where id = 'guion-temprana'")).toBe(1);

    const promiseId = (await suite.db.query<{ id: string }>("select id from promises where account_id = 'a-0' limit 1"))[0]!.id;
    await suite.db.exec(`
      insert into payments (id, account_id, amount_minor, currency, posted_at, method) values ('pay-1', 'a-2', 30000, 'COP', '2026-11-24', 'pse');
      update accounts set balance_minor = balance_minor - 30000 where id = 'a-2';
      update promises set status = 'kept' where id = '${promiseId}';
      update accounts set assigned_agent_id = 'ag-2' where id = 'a-4';
      update phones set status = 'do_not_call', updated_at = now() where id = 'ph-shared';
      insert into scripts (id, version, body) values ('guion-temprana', 2, '{"steps":[1]}');
      insert into policies (id, creditor_id, segment, version, body) values ('pol-2', 'cr-1', 'early', 2, '{"maxDiscount":10}');
    `);
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
    expect(count("select count(*) from payments where id = 'pay-1'")).toBe(1);
    expect(count("select balance_minor from accounts where id = 'a-2'")).toBe(100002 - 30000);
    expect(desk.db.prepare('select status from promises where id = ?').pluck().get(promiseId)).toBe('kept');
    expect(count("select count(*) from accounts where id = 'a-4'")).toBe(0);
    expect(count("select count(*) from debtors where id = 'd-4'")).toBe(0);
    expect(desk.db.prepare("select status from phones where id = 'ph-shared'").pluck().get()).toBe('do_not_call');
    expect(count("select count(*) from scripts where id = 'guion-temprana'")).toBe(2);
    expect(desk.db.prepare("select version from policies where id = 'pol-2'").pluck().get()).toBe(2);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates.at(-1)).toBe(10);
    // Nothing changed: one empty page.
    const before = count('select count(*) from accounts');
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pulledPages: 1 });
    expect(count('select count(*) from accounts')).toBe(before);
    await desk.close();
  });
});
