/**
 * compliance_check_us: mean µs for one contact check of a US debtor (New York, two accounts, a realistic
 * 30-contact history over six weeks incl. conversations) across attempt times spread over a week, so the mix has
 * allowed attempts and blocked ones that search for the next allowed moment. Goal ≤ 50 µs.
 */
import type { Bench } from './bench';
import { checkContactAttempt, createRulebook, type ContactEvent, type Channel } from '../../shared/compliance';

const rules = createRulebook();
const nowMs = Date.parse('2026-07-15T16:00:00Z');

function history(): ContactEvent[] {
  const out: ContactEvent[] = [];
  const channels: Channel[] = ['call', 'call', 'call', 'sms', 'email'];
  for (let i = 0; i < 30; i++) {
    const daysAgo = 1 + Math.floor((i * 41) / 30);
    const ms = nowMs - daysAgo * 86_400_000 - ((i * 7919) % 600) * 60_000;
    out.push({
      at: new Date(ms).toISOString(),
      channel: channels[i % channels.length]!,
      accountId: i % 3 === 0 ? 'acc2' : 'acc1',
      connected: i % 4 !== 0,
      conversation: i === 9 || i === 22,
    });
  }
  return out;
}

const bench: Bench = {
  ids: ['compliance_check_us'],
  async run() {
    const hist = history();
    const attempts = Array.from({ length: 97 }, (_, i) => new Date(nowMs + i * 103 * 60_000).toISOString());
    const debtor = { id: 'd1', country: 'US', region: 'NY', timeZone: 'America/New_York', phones: ['+12125550123', '+19175550188'], flags: [] };
    const account = { id: 'acc1', creditorId: 'cred1' };
    let allowed = 0;
    const once = (i: number) =>
      checkContactAttempt({ rules, debtor, account, attempt: { channel: 'call', at: attempts[i % attempts.length]!, phoneE164: '+12125550123' }, history: hist });
    for (let i = 0; i < 20_000; i++) once(i); // warm-up: JIT, offset and holiday caches
    const N = 100_000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) if (once(i).allowed) allowed++;
    const elapsedNs = Number(process.hrtime.bigint() - t0);
    if (allowed === 0 || allowed === N) throw new Error(`unrealistic mix: ${allowed}/${N} allowed`);
    return [{ id: 'compliance_check_us', value: elapsedNs / N / 1000, unit: 'µs' }];
  },
};

export default bench;
