import { createSocket } from 'node:dgram';
import { launchChromium, TONES } from './harness';
import { expect, expectHearing, NUMBERS, test, waitCall } from './fixtures';

test('call setup does not wait for a STUN server that never answers, and the call works', async ({ pbx, pageUrl, workDir, debtor }) => {
  const sock = createSocket('udp4');
  sock.on('message', () => undefined); // swallows STUN binding requests
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  const chrome = await launchChromium({ name: 'stun-agent', freq: TONES.agent, workDir });
  try {
    const page = chrome.page;
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof window.t !== 'undefined');
    await page.evaluate(
      (s) => window.t.start(s),
      {
        wsUrl: pbx.wsUrl,
        sipUri: `sip:agent3@${pbx.domain}`,
        password: pbx.users.agent3!,
        audioProcessing: false,
        iceServers: [{ urls: `stun:127.0.0.1:${sock.address().port}` }],
      },
    );
    await page.waitForFunction(() => window.t.state().registration.kind === 'registered');
    // JsSIP's default waits ~40 s for gathering here (see the call_setup_jssip_default_ms bench); we ring in well under 2 s.
    const { callId } = await page.evaluate((n) => window.t.timeToRinging(n), NUMBERS.debtor);
    const debtorCall = await waitCall(debtor, `c.status === 'incoming'`, 2000);
    await debtor.page.evaluate((id) => window.t.phone.answer(id), debtorCall);
    await page.waitForFunction((id) => window.t.liveCalls().some((c) => c.id === id && c.status === 'active'), callId, { timeout: 5000 });
    await expectHearing(debtor, debtorCall, TONES.agent, true);
    await page.evaluate((id) => window.t.phone.hangup(id), callId);
  } finally {
    await chrome.page.evaluate(() => window.t.stop()).catch(() => undefined);
    await chrome.close();
    sock.close();
  }
});

test('a wrong SIP password shows "failed" with the reason, not an endless reconnect', async ({ pbx, pageUrl, workDir }) => {
  const chrome = await launchChromium({ name: 'badpw-agent', freq: TONES.agent, workDir });
  try {
    const page = chrome.page;
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof window.t !== 'undefined');
    await page.evaluate((s) => window.t.start(s), { wsUrl: pbx.wsUrl, sipUri: `sip:agent4@${pbx.domain}`, password: 'wrong', audioProcessing: false });
    await page.waitForFunction(() => window.t.state().registration.kind === 'failed', undefined, { timeout: 10_000 });
    const reg = (await page.evaluate(() => window.t.state())).registration;
    expect(reg).toMatchObject({ kind: 'failed', reasonKey: 'phone.registration.authFailed' });
    await expect(page.evaluate(() => window.t.phone.dial('+573001234567'))).rejects.toThrow(/phone\.error\.notRegistered/);
  } finally {
    await chrome.page.evaluate(() => window.t.stop()).catch(() => undefined);
    await chrome.close();
  }
});

test('with the recording policy on, every answered call is recorded (both sides) and the agent is told', async ({ pbx, pageUrl, workDir, debtor }) => {
  const chrome = await launchChromium({ name: 'rec-agent', freq: TONES.agent, workDir });
  try {
    const page = chrome.page;
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof window.t !== 'undefined');
    await page.evaluate((s) => window.t.start(s), {
      wsUrl: pbx.wsUrl,
      sipUri: `sip:agent5@${pbx.domain}`,
      password: pbx.users.agent5!,
      audioProcessing: false,
      autoRecord: true,
    });
    await page.waitForFunction(() => window.t.state().registration.kind === 'registered');
    const callId = await page.evaluate((n) => window.t.phone.dial(n, { contactId: 'contact-policy' }), NUMBERS.debtor);
    const debtorCall = await waitCall(debtor, `c.status === 'incoming'`);
    await debtor.page.evaluate((id) => window.t.phone.answer(id), debtorCall);
    await page.waitForFunction((id) => window.t.liveCalls().some((c) => c.id === id && c.status === 'active'), callId);
    await page.waitForFunction(() => window.t.state().notices.some((n) => n.key === 'phone.notice.recordingOn'));
    expect((await page.evaluate(() => window.t.state())).calls[0]?.recording).toBe(true);
    await page.waitForTimeout(2000);
    await page.evaluate((id) => window.t.phone.hangup(id), callId);
    await page.waitForFunction(() => window.t.recordingCount() === 1);
    const rec = await page.evaluate(() => window.t.recordingLevels(0, [440, 1200]));
    expect(rec.contactId).toBe('contact-policy');
    expect(rec.levels[TONES.agent]).toBeGreaterThan(-30);
    expect(rec.levels[TONES.debtor]).toBeGreaterThan(-30);
  } finally {
    await chrome.page.evaluate(() => window.t.stop()).catch(() => undefined);
    await chrome.close();
  }
});
