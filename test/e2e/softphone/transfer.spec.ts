import { TONES } from './harness';
import { answerIncoming, connectCall, eventCount, eventsSince, expect, expectHearing, NUMBERS, test, waitCall } from './fixtures';

test('blind transfer (REFER) leaves the debtor talking to the third party, audio both ways', async ({ agent, debtor, third }) => {
  const before = await eventCount(agent);
  const { agentCall, debtorCall } = await connectCall(agent, debtor, 'contact-bt');
  await agent.page.evaluate(({ n, id }) => window.t.phone.blindTransfer(n, id), { n: NUMBERS.third, id: agentCall });
  const thirdCall = await answerIncoming(third);
  // The agent's leg ends once the transfer is accepted; the debtor's original leg ends with it.
  await agent.page.waitForFunction(() => window.t.liveCalls().length === 0);
  const debtorNew = await waitCall(debtor, `c.id !== ${JSON.stringify(debtorCall)} && c.status === 'active'`);
  await debtor.page.waitForFunction(() => window.t.liveCalls().length === 1);
  await expectHearing(debtor, debtorNew, TONES.third, true);
  await expectHearing(third, thirdCall, TONES.debtor, true);
  await expectHearing(debtor, debtorNew, TONES.agent, false);
  const events = await eventsSince(agent, before);
  expect(events.filter((e) => e.type === 'transfer').map((e) => (e as { outcome: string }).outcome)).toEqual(['requested', 'accepted']);
  expect(events.at(-1)).toMatchObject({ type: 'hangup', cause: 'transferred', by: 'local', contactId: 'contact-bt' });
});

test('attended transfer: consult, then REFER with Replaces; debtor and third party talk, agent is out', async ({ agent, debtor, third }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor, 'contact-at');
  const consult = await agent.page.evaluate(({ n, id }) => window.t.phone.startConsult(n, id), { n: NUMBERS.third, id: agentCall });
  // The debtor waits on hold while the agent talks to the third party.
  await waitCall(debtor, `c.remoteHold === true`);
  const thirdConsult = await answerIncoming(third);
  await waitCall(agent, `c.id === ${JSON.stringify(consult)} && c.status === 'active'`);
  await expectHearing(agent, consult, TONES.third, true);
  await expectHearing(third, thirdConsult, TONES.agent, true);
  await expectHearing(debtor, debtorCall, TONES.agent, false);

  await agent.page.evaluate((id) => window.t.phone.completeTransfer(id), consult);
  await agent.page.waitForFunction(() => window.t.liveCalls().length === 0, undefined, { timeout: 15_000 });
  await third.page.waitForFunction(() => window.t.liveCalls().length === 1 && window.t.liveCalls()[0]!.status === 'active');
  const thirdNew = (await third.page.evaluate(() => window.t.liveCalls()))[0]!.id;
  expect(thirdNew).not.toBe(thirdConsult);
  await debtor.page.waitForFunction(() => window.t.liveCalls().length === 1 && window.t.liveCalls()[0]!.status === 'active');
  const debtorNew = (await debtor.page.evaluate(() => window.t.liveCalls()))[0]!.id;
  await expectHearing(debtor, debtorNew, TONES.third, true);
  await expectHearing(third, thirdNew, TONES.debtor, true);
  await expectHearing(third, thirdNew, TONES.agent, false);
  const agentEvents = await agent.page.evaluate(() => window.t.events());
  expect(agentEvents.filter((e) => e.type === 'transfer' && e.kind === 'attended').map((e) => (e as { outcome: string }).outcome)).toEqual([
    'requested',
    'accepted',
  ]);
});

test('a second call while the first waits on hold; resuming the first holds the second', async ({ agent, debtor, third }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor);
  await agent.page.evaluate((id) => window.t.phone.hold(id), agentCall);
  const second = await agent.page.evaluate((n) => window.t.phone.dial(n), NUMBERS.third);
  const thirdCall = await answerIncoming(third);
  await waitCall(agent, `c.id === ${JSON.stringify(second)} && c.status === 'active'`);
  await expectHearing(agent, second, TONES.third, true);
  await expectHearing(debtor, debtorCall, TONES.agent, false);
  await agent.page.evaluate((id) => window.t.phone.resume(id), agentCall);
  await waitCall(agent, `c.id === ${JSON.stringify(second)} && c.onHold === true`);
  await expectHearing(agent, agentCall, TONES.debtor, true);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  await expectHearing(third, thirdCall, TONES.agent, false);
});

test('a blind transfer to a busy number fails cleanly: the agent is told and keeps the debtor, audio both ways', async ({ agent, debtor }) => {
  const { agentCall, debtorCall } = await connectCall(agent, debtor, 'contact-btf');
  const before = await eventCount(agent);
  await agent.page.evaluate((id) => window.t.phone.blindTransfer('+15550100486', id), agentCall);
  await agent.page.waitForFunction(() => window.t.state().notices.some((n) => n.key === 'phone.error.transferFailed'));
  const events = await eventsSince(agent, before);
  expect(events.filter((e) => e.type === 'transfer').map((e) => [(e as { outcome: string }).outcome, (e as { statusCode?: number }).statusCode])).toEqual([
    ['requested', undefined],
    ['failed', 486],
  ]);
  await waitCall(agent, `c.id === ${JSON.stringify(agentCall)} && c.status === 'active'`);
  await expectHearing(agent, agentCall, TONES.debtor, true);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
});
