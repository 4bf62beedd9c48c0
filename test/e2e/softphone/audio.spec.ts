import { TONES } from './harness';
import { connectCall, eventCount, eventsSince, expect, expectHearing, test, waitCall } from './fixtures';

test('agent and debtor hear each other’s tone, and the timeline records dial → answer → hangup', async ({ agent, debtor }) => {
  const before = await eventCount(agent);
  const { agentCall, debtorCall } = await connectCall(agent, debtor, 'contact-7');
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  await expectHearing(agent, agentCall, TONES.debtor, true);
  // Each side hears the other, not itself.
  await expectHearing(agent, agentCall, TONES.agent, false);
  await agent.page.evaluate(() => window.t.phone.hangup());
  await debtor.page.waitForFunction(() => window.t.liveCalls().length === 0);
  const events = await eventsSince(agent, before);
  expect(events.map((e) => e.type)).toEqual(['dial', 'ringing', 'answer', 'hangup']);
  expect(events.every((e) => e.contactId === 'contact-7' && e.callId === agentCall)).toBe(true);
  const hangup = events.at(-1)!;
  expect(hangup).toMatchObject({ type: 'hangup', by: 'local', cause: 'normal' });
  const debtorEnd = (await debtor.page.evaluate(() => window.t.events())).at(-1)!;
  expect(debtorEnd).toMatchObject({ type: 'hangup', by: 'remote', cause: 'normal' });
});

test('on hold neither hears the other; after resume both do', async ({ agent, debtor }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  expect(await agent.page.evaluate(() => window.t.phone.hold())).toBe(true);
  await waitCall(debtor, `c.remoteHold === true`);
  await expectHearing(debtor, debtorCall, TONES.agent, false);
  await expectHearing(agent, agentCall, TONES.debtor, false);
  expect(await agent.page.evaluate(() => window.t.phone.resume())).toBe(true);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  await expectHearing(agent, agentCall, TONES.debtor, true);
  const types = (await agent.page.evaluate(() => window.t.events())).map((e) => e.type);
  expect(types.slice(-2)).toEqual(['hold', 'resume']);
});

test('on mute the debtor hears no agent tone, and hears it again on unmute', async ({ agent, debtor }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  await agent.page.evaluate((id) => window.t.phone.setMuted(true, id), agentCall);
  await expectHearing(debtor, debtorCall, TONES.agent, false);
  // Mute is one-way: the agent still hears the debtor.
  await expectHearing(agent, agentCall, TONES.debtor, true);
  await agent.page.evaluate((id) => window.t.phone.setMuted(false, id), agentCall);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
});

test('RFC 4733 DTMF digits are heard at the far end, in order', async ({ agent, debtor }) => {
  const { debtorCall } = await connectCall(agent, debtor);
  await debtor.page.evaluate((id) => window.t.listenDtmf(id), debtorCall);
  await agent.page.evaluate(() => window.t.phone.sendDtmf('1597#'));
  await debtor.page.waitForFunction((id) => window.t.peekDtmf(id).length >= 5, debtorCall, { timeout: 10_000 }).catch(() => undefined);
  await agent.page.waitForTimeout(300); // nothing more may arrive (no duplicated digit)
  const heard = await debtor.page.evaluate((id) => window.t.stopDtmf(id), debtorCall);
  expect(heard).toBe('1597#');
});

test('SIP INFO DTMF (setting) arrives in order', async ({ agent, debtor }) => {
  await connectCall(agent, debtor);
  const before = await debtor.page.evaluate(() => window.t.remoteDtmf().length);
  await agent.page.evaluate(() => window.t.phone.setDtmfMode('info'));
  try {
    await agent.page.evaluate(() => window.t.phone.sendDtmf('8*20'));
    await debtor.page.waitForFunction((n) => window.t.remoteDtmf().length >= n + 4, before);
    expect(await debtor.page.evaluate((n) => window.t.remoteDtmf().slice(n), before)).toBe('8*20');
  } finally {
    await agent.page.evaluate(() => window.t.phone.setDtmfMode('rfc4733'));
  }
});

test('a recording mixes both sides and is handed over with the contact id', async ({ agent, debtor }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor, 'contact-rec');
  await expectHearing(agent, agentCall, TONES.debtor, true);
  const n = await agent.page.evaluate(() => window.t.recordingCount());
  expect(await agent.page.evaluate((id) => window.t.phone.startRecording(id), agentCall)).toBe(true);
  await agent.page.waitForTimeout(2500);
  await agent.page.evaluate((id) => window.t.phone.hangup(id), agentCall);
  await agent.page.waitForFunction((k) => window.t.recordingCount() > k, n);
  const rec = await agent.page.evaluate((k) => window.t.recordingLevels(k, [440, 1200, 2000]), n);
  expect(rec.contactId).toBe('contact-rec');
  expect(rec.mimeType).toContain('opus');
  expect(rec.seconds).toBeGreaterThan(1.5);
  expect(rec.levels[TONES.agent]).toBeGreaterThan(-30);
  expect(rec.levels[TONES.debtor]).toBeGreaterThan(-30);
  expect(rec.levels[TONES.third]).toBeLessThan(-45);
  void debtorCall;
  const types = (await agent.page.evaluate(() => window.t.events())).map((e) => e.type);
  expect(types).toContain('recording');
});
