import { TONES } from './harness';
import { eventCount, eventsSince, expect, expectHearing, test, waitCall } from './fixtures';

test('inbound: the agent’s phone rings, a decline answers 486 to the caller; the next call is answered with audio', async ({ agent, debtor }) => {
  const before = await eventCount(agent);
  const first = await debtor.page.evaluate(() => window.t.phone.dial('agent1'));
  const ringing = await waitCall(agent, `c.status === 'incoming' && c.direction === 'incoming'`);
  expect((await agent.page.evaluate(() => window.t.state())).calls.find((c) => c.id === ringing)?.remote).toBe('debtor');
  await agent.page.evaluate((id) => window.t.phone.decline(id), ringing);
  await debtor.page.waitForFunction((id) => window.t.state().lastEnded?.id === id, first);
  expect((await debtor.page.evaluate(() => window.t.state())).lastEnded?.end).toMatchObject({ cause: 'busy', statusCode: 486, by: 'remote' });
  const declined = await eventsSince(agent, before);
  expect(declined.map((e) => e.type)).toEqual(['incoming', 'decline', 'hangup']);
  expect(declined.at(-1)).toMatchObject({ cause: 'declined', by: 'local', talkSec: 0 });

  await debtor.page.evaluate(() => window.t.phone.dial('agent1'));
  const second = await waitCall(agent, `c.status === 'incoming'`);
  await agent.page.evaluate((id) => window.t.phone.answer(id), second);
  await waitCall(agent, `c.status === 'active'`);
  const debtorCall = await waitCall(debtor, `c.status === 'active'`);
  await expectHearing(agent, second, TONES.debtor, true);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
});

test('ending a call releases its microphone clone, peer connection and remote audio', async ({ agent, debtor }) => {
  const agentCall = await agent.page.evaluate((n) => window.t.phone.dial(n), '+573001234567');
  await waitCall(debtor, `c.status === 'incoming'`).then((id) => debtor.page.evaluate((cid) => window.t.phone.answer(cid), id));
  await waitCall(agent, `c.status === 'active'`);
  await agent.page.evaluate((id) => {
    (window as unknown as { kept: unknown }).kept = window.t.phone.streams(id);
  }, agentCall);
  await agent.page.evaluate((id) => window.t.phone.hangup(id), agentCall);
  await agent.page.waitForFunction(() => window.t.liveCalls().length === 0);
  const after = await agent.page.evaluate(() => {
    const k = (window as unknown as { kept: { local: MediaStream; pc: RTCPeerConnection } }).kept;
    return {
      localTracks: k.local.getTracks().map((t) => t.readyState),
      pc: k.pc.connectionState,
      signaling: k.pc.signalingState,
      streams: window.t.phone.streams('gone'),
    };
  });
  expect(after.localTracks).toEqual(['ended']);
  expect(after.pc).toBe('closed');
  expect(after.signaling).toBe('closed');
  expect(after.streams).toEqual({ local: null, remote: null, pc: null });
});
