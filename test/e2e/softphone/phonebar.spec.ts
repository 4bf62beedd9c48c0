import { launchChromium, TONES } from './harness';
import { answerIncoming, expect, expectHearing, NUMBERS, test } from './fixtures';

test('the phone bar drives a real call: state words, dial, F7 hold, F8 mute, F6 hang up, busy message in es/en', async ({
  pbx,
  pageUrl,
  workDir,
  debtor,
}, testInfo) => {
  const chrome = await launchChromium({ name: 'bar-agent', freq: TONES.agent, workDir });
  try {
    const page = chrome.page;
    const q = new URLSearchParams({ ws: pbx.wsUrl, uri: `sip:agent2@${pbx.domain}`, pw: pbx.users.agent2! });
    await page.goto(`${pageUrl}bar.html?${q}`);
    const bar = page.getByTestId('phonebar');
    await expect(page.getByTestId('phone-registration')).toHaveText(/Registrado/);

    await page.getByTestId('phone-number').fill(NUMBERS.debtor);
    await page.getByTestId('phone-number').press('Enter');
    const debtorCall = await answerIncoming(debtor);
    await expect(page.getByTestId('phone-call-status')).toHaveText('En llamada');
    await expect(bar.getByRole('button', { name: /Colgar/ })).toBeEnabled();
    await expectHearing(debtor, debtorCall, TONES.agent, true);
    await expect(page.getByTestId('phone-quality')).toHaveText(/Calidad (buena|aceptable|mala|muy mala) \(MOS \d\.\d\)/, { timeout: 8000 });

    await page.keyboard.press('F7');
    await expect(page.getByTestId('phone-call-status')).toHaveText('En espera');
    await expect(bar.getByRole('button', { name: /Retomar/ })).toHaveAttribute('aria-pressed', 'true');
    await expectHearing(debtor, debtorCall, TONES.agent, false);
    await page.keyboard.press('F7');
    await expect(page.getByTestId('phone-call-status')).toHaveText('En llamada');

    await page.keyboard.press('F8');
    await expect(page.getByTestId('phone-call-status')).toHaveText(/Silenciado/);
    await expectHearing(debtor, debtorCall, TONES.agent, false);
    await page.screenshot({ path: testInfo.outputPath('phonebar-in-call.png') });
    await page.keyboard.press('F8');
    await expectHearing(debtor, debtorCall, TONES.agent, true);

    // Choosing another microphone mid-call: remembered through the preferences port, the call keeps its audio.
    await bar.getByRole('button', { name: 'Audio' }).click();
    const mic = page.getByTestId('phone-mic');
    const options = await mic.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(1);
    const chosen = options[options.length - 1]!;
    await mic.selectOption(chosen);
    await page.waitForFunction((id) => window.bar.prefs.prefs.microphoneId === id, chosen);
    await expect(mic).toHaveValue(chosen);
    await expectHearing(debtor, debtorCall, TONES.agent, true);
    await page.screenshot({ path: testInfo.outputPath('phonebar-devices.png') });

    await page.keyboard.press('F6');
    await expect(page.getByTestId('phone-number')).toBeVisible();
    await debtor.page.waitForFunction(() => window.t.liveCalls().length === 0);

    await page.getByTestId('phone-number').fill('+15550100486');
    await page.getByTestId('phone-number').press('Enter');
    await expect(page.getByTestId('phone-notice')).toHaveText(/\+15550100486 está ocupado/);
    await page.evaluate(() => window.bar.setLanguage('en'));
    await expect(page.getByTestId('phone-notice')).toHaveText(/\+15550100486 is busy/);
    await expect(page.getByTestId('phone-registration')).toHaveText(/Registered/);

    await page.getByTestId('phone-number').fill('+57 1');
    await page.getByTestId('phone-number').press('Enter');
    await expect(page.getByTestId('phone-error')).toHaveText(/“\+57 1” is not a valid number/);
    await page.screenshot({ path: testInfo.outputPath('phonebar-error-en.png') });
  } finally {
    await chrome.page.evaluate(() => window.bar.engine.stop()).catch(() => undefined);
    await chrome.close();
  }
});
