/** United States: FDCPA (15 USC 1692) + Regulation F (12 CFR 1006); Massachusetts as the stricter-state example. */
import { sameWeek, type RuleSet } from '../rules-schema';
import type { ComplianceSettings } from '../settings';
import { ALL, emptyRuleSet, standardFlags } from './common';

export function usRules(settings: ComplianceSettings): RuleSet {
  const r = emptyRuleSet('us', 'US', 'United States — FDCPA / Regulation F');
  r.hours.push({
    id: 'us.fdcpa.hours',
    channels: ALL,
    week: sameWeek([{ from: '08:00', to: '21:00' }]),
    source: '15 USC 1692c(a)(1); 12 CFR 1006.6(b)(1)(i): before 8 a.m. or after 9 p.m. local time is inconvenient',
  });
  // No federal weekend or holiday ban: no holiday rule.
  r.caps.push({
    id: 'us.regf.7in7',
    channels: ['call'],
    counts: ['call'],
    scope: 'debt',
    windowDays: 7,
    max: 7,
    countOnly: settings.us.countUnconnectedCalls ? 'attempts' : 'connected',
    excludePriorConsent: true,
    source: '12 CFR 1006.14(b)(2)(i)(A): more than 7 calls within 7 consecutive days, per debt',
  });
  r.afterConversation.push({
    id: 'us.regf.after_conversation',
    channels: ['call'],
    conversationChannels: ['call'],
    scope: 'debt',
    days: 7,
    source: '12 CFR 1006.14(b)(2)(i)(B): no call within 7 days after a telephone conversation (its date is day 1)',
  });
  r.flags = standardFlags('15 USC 1692c(c), 1692g(b), 1692c(a)(2); 11 USC 362');
  r.disclosures.push(
    {
      id: 'us.mini_miranda',
      when: 'first_communication',
      channels: ALL,
      source: '15 USC 1692e(11): attempt to collect a debt, any information obtained will be used for that purpose',
    },
    {
      id: 'us.debt_collector_notice',
      when: 'subsequent_communication',
      channels: ALL,
      source: '15 USC 1692e(11); 12 CFR 1006.18(e): communication is from a debt collector',
    },
    { id: 'us.caller_identity', when: 'every_communication', channels: ['call', 'visit'], source: '15 USC 1692d(6)' },
    {
      id: 'us.opt_out_notice',
      when: 'every_communication',
      channels: ['sms', 'email', 'whatsapp'],
      source: '12 CFR 1006.6(e): a clear and conspicuous opt-out in every email and text',
    },
  );
  return r;
}

/** Massachusetts, on top of the federal set. */
export function usMaRules(): RuleSet {
  const r = emptyRuleSet('us-ma', 'US', 'Massachusetts — 940 CMR 7.04 / 209 CMR 18.16');
  r.region = 'MA';
  r.caps.push({
    id: 'us-ma.2in7',
    channels: ['call', 'sms'],
    counts: ['call', 'sms'],
    scope: 'debt',
    windowDays: 7,
    max: 2,
    countOnly: 'attempts',
    excludePriorConsent: false,
    source: '940 CMR 7.04(1)(f); 209 CMR 18.16(1)(d): at most 2 calls or texts to home or cell per 7 days per debt',
  });
  return r;
}
