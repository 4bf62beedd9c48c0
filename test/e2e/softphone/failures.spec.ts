import { phoneText } from '../../../renderer/features/phone/i18n';
import { TONES } from './harness';
import { connectCall, dial, eventCount, eventsSince, expect, expectHearing, test, waitCall } from './fixtures';

const FAILING = [
  { number: '+15550100486', status: 486, cause: 'busy', es: 'está ocupado', en: 'is busy' },
  { number: '+15550100404', status: 404, cause: 'not_found', es: 'no existe', en: 'does not exist' },
  { number: '+15550100480', status: 480, cause: 'unavailable', es: 'no está disponible', en: 'not available' },
  { number: '+15550100503', status: 503, cause: 'service_unavailable', es: 'servicio no disponible', en: 'service unavailable' },
] as const;

for (const f of FAILING) {
  test(`a call answered ${f.status} ends with a clear message and the cause on the contact's timeline`, async ({ agent }) => {
    const before = await eventCount(agent);
    const callId = await dial(agent, f.number, `contact-${f.status}`);
    await agent.page.waitForFunction((id) => window.t.state().lastEnded?.id === id, callId);
    const state = await agent.page.evaluate(() => window.t.state());
    expect(state.lastEnded!.end).toMatchObject({ cause: f.cause, statusCode: f.status, by: 'remote', messageKey: `phone.end.${f.cause}` });
    const notice = state.notices.at(-1)!;
    expect(notice.key).toBe(`phone.end.${f.cause}`);
    expect(phoneText('es', notice.key, notice.params)).toContain(f.es);
    expect(phoneText('en', notice.key, notice.params)).toContain(f.en);
    const events = await eventsSince(agent, before);
    expect(events.map((e) => e.type)).toEqual(['dial', 'hangup']);
    expect(events[1]).toMatchObject({ cause: f.cause, statusCode: f.status, by: 'remote', contactId: `contact-${f.status}`, talkSec: 0 });
  });
}

test('hold survives a crossing re-INVITE (491 glare) from both sides', async ({ agent, debtor }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  // Both press hold at the same wall-clock instant: the re-INVITEs cross at the PBX.
  const at = Date.now() + 400;
  const fireAt = (id: string, when: number) =>
    new Promise<boolean>((resolve) => setTimeout(() => void window.t.phone.hold(id).then(resolve), Math.max(0, when - Date.now())));
  const [a, d] = await Promise.all([
    agent.page.evaluate(({ id, when, fn }) => new Function('id', 'when', `return (${fn})(id, when)`)(id, when) as Promise<boolean>, {
      id: agentCall,
      when: at,
      fn: fireAt.toString(),
    }),
    debtor.page.evaluate(({ id, when, fn }) => new Function('id', 'when', `return (${fn})(id, when)`)(id, when) as Promise<boolean>, {
      id: debtorCall,
      when: at,
      fn: fireAt.toString(),
    }),
  ]);
  expect([a, d]).toEqual([true, true]);
  const glares =
    (await agent.page.evaluate((id) => window.t.phone.diagnostics(id)!.glareRetries, agentCall)) +
    (await debtor.page.evaluate((id) => window.t.phone.diagnostics(id)!.glareRetries, debtorCall));
  expect(glares).toBeGreaterThan(0);
  await waitCall(agent, `c.onHold && c.remoteHold && c.status === 'active'`);
  await waitCall(debtor, `c.onHold && c.remoteHold && c.status === 'active'`);
  // And the call still works: both resume and both hear each other again.
  expect(await agent.page.evaluate((id) => window.t.phone.resume(id), agentCall)).toBe(true);
  expect(await debtor.page.evaluate((id) => window.t.phone.resume(id), debtorCall)).toBe(true);
  await waitCall(agent, `!c.onHold && !c.remoteHold && c.status === 'active'`);
  await waitCall(debtor, `!c.onHold && !c.remoteHold && c.status === 'active'`);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  await expectHearing(agent, agentCall, TONES.debtor, true);
});

test('a hold pressed while another re-INVITE is in flight is queued, not dropped', async ({ agent, debtor }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor);
  const [held, resumed] = await agent.page.evaluate(async (id) => {
    const p1 = window.t.phone.hold(id);
    const p2 = window.t.phone.resume(id);
    return [await p1, await p2];
  }, agentCall);
  expect(held).toBe(true);
  expect(resumed).toBe(true);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  const types = (await agent.page.evaluate(() => window.t.events())).map((e) => e.type);
  expect(types.slice(-2)).toEqual(['hold', 'resume']);
});

test('microphone unplugged mid-call: falls back to the default, tells the agent, audio continues', async ({ agent, debtor }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  expect(await agent.page.evaluate((id) => window.t.unplugMicrophone(id), agentCall)).toBe(true);
  await agent.page.waitForFunction(() => window.t.state().notices.some((n) => n.key === 'phone.notice.microphoneLost'));
  await expectHearing(debtor, debtorCall, TONES.agent, true);
});
