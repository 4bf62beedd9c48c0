import { describe, expect, it } from 'vitest';
import { deferralFor } from './check';
import { requiredDisclosures } from './disclosures';
import { createRulebook } from './rulebook';
import { debtorZoneCandidates } from './zones/debtor-zones';

const rules = createRulebook();

describe('deferralFor (work queue)', () => {
  it('defers a Colombian account on a festivo until the next allowed moment, and keeps others', () => {
    const now = '2026-07-20T15:00:00Z'; // Monday 20 July, Independencia
    const co = { id: 'd1', country: 'CO', flags: [] };
    expect(deferralFor({ rules, debtor: co, account: { id: 'a1' }, history: [], now })).toEqual({
      deferred: true,
      until: '2026-07-21T12:00:00.000Z',
      reasons: [expect.objectContaining({ code: 'holiday' })],
    });
    const us = { id: 'd2', country: 'US', region: 'NY', flags: [], zones: debtorZoneCandidates({ country: 'US', region: 'NY' }) };
    expect(deferralFor({ rules, debtor: us, account: { id: 'a2' }, history: [], now })).toEqual({ deferred: false });
    expect(deferralFor({ rules, debtor: { ...us, flags: ['deceased'] }, account: { id: 'a2' }, history: [], now })).toMatchObject({ deferred: true, until: null });
  });

  it('sorts a mixed 5,000-account queue into workable and deferred (speed: see the compliance bench)', () => {
    const now = '2026-07-15T23:30:00Z'; // 19:30 New York, 18:30 Bogotá, 19:30 Santiago
    const countries = [{ country: 'US', region: 'NY' }, { country: 'CO' }, { country: 'CL', region: 'RM' }, { country: 'MX', region: 'CMX' }, { country: 'PE' }];
    let deferred = 0;
    for (let i = 0; i < 5000; i++) {
      const place = countries[i % countries.length]!;
      const history = [{ at: '2026-07-15T14:00:00Z', channel: 'call' as const, accountId: `a${i}`, conversation: i % 7 === 0 }];
      const d = deferralFor({ rules, debtor: { id: `d${i}`, ...place, flags: [] }, account: { id: `a${i}` }, history, now });
      if (d.deferred) {
        deferred++;
        // Every deferral says until when (no flags here, so never "for good").
        expect(d.until).not.toBeNull();
      }
    }
    expect(deferred).toBeGreaterThan(0);
    expect(deferred).toBeLessThan(5000);
  });
});

describe('requiredDisclosures', () => {
  it('asks for the mini-Miranda on the first US communication and the collector notice afterwards', () => {
    const debtor = { id: 'd1', country: 'US', region: 'NY', flags: [] };
    const account = { id: 'a1' };
    expect(requiredDisclosures({ rules, debtor, account, channel: 'call', history: [] })).toEqual(['us.mini_miranda', 'us.caller_identity']);
    const talked = [{ at: '2026-07-01T15:00:00Z', channel: 'call' as const, accountId: 'a1', conversation: true }];
    expect(requiredDisclosures({ rules, debtor, account, channel: 'call', history: talked })).toEqual(['us.debt_collector_notice', 'us.caller_identity']);
    expect(requiredDisclosures({ rules, debtor, account, channel: 'sms', history: talked })).toEqual(['us.debt_collector_notice', 'us.opt_out_notice']);
    expect(requiredDisclosures({ rules, debtor: { id: 'd2', country: 'MX', region: 'CMX', flags: [] }, account, channel: 'call', history: [] })).toEqual(['mx.first_contact_identification', 'identify_agent_and_creditor']);
  });
});
