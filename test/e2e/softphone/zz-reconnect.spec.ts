// Runs last (file order): it restarts the worker's PBX.
import { TONES } from './harness';
import { connectCall, expect, expectHearing, test } from './fixtures';

test('after Kamailio restarts mid-session the phones re-register by themselves and a new call works', async ({ pbx, agent, debtor }) => {
  const historyBefore = await agent.page.evaluate(() => window.t.registrationHistory().length);
  const registersBefore = await agent.page.evaluate(() => window.t.sipRequestsSent('REGISTER'));
  const restartedAt = Date.now();
  await pbx.restart();
  // The agent sees "reconnecting (since …)", not an error, while the PBX is away.
  await agent.page.waitForFunction(() => window.t.state().registration.kind !== 'registered');
  const during = await agent.page.evaluate(() => window.t.state().registration);
  expect(during.kind).toBe('reconnecting');
  expect((during as { since: number }).since).toBeGreaterThanOrEqual(restartedAt - 1000);
  for (const p of [agent, debtor]) {
    await p.page.waitForFunction(() => window.t.state().registration.kind === 'registered', undefined, { timeout: 20_000 });
  }
  const history = (await agent.page.evaluate(() => window.t.registrationHistory())).slice(historyBefore);
  expect(history).toEqual(['reconnecting', 'registered']);
  // One REGISTER and its authenticated retry: JsSIP re-registers by itself, nobody calls register() again (#414).
  expect(await agent.page.evaluate(() => window.t.sipRequestsSent('REGISTER'))).toBe(registersBefore + 2);
  const { agentCall, debtorCall } = await connectCall(agent, debtor);
  await expectHearing(debtor, debtorCall, TONES.agent, true);
  await expectHearing(agent, agentCall, TONES.debtor, true);
});
