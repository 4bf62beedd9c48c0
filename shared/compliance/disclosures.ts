/**
 * Which disclosures the agent must make on this contact: ids the negotiation scripts reference
 * (e.g. "us.mini_miranda" on the first communication, "us.debt_collector_notice" afterwards).
 */
import type { CheckAccount, CheckDebtor, ContactEvent } from './check';
import type { Rulebook } from './rulebook';
import type { Channel } from './rules-schema';
import { debtorZoneCandidates } from './zones/debtor-zones';

export function requiredDisclosures(args: {
  rules: Rulebook;
  debtor: CheckDebtor;
  account: CheckAccount;
  channel: Channel;
  history: readonly ContactEvent[];
}): string[] {
  const { rules, debtor, account, channel, history } = args;
  const zones = debtor.zones ?? debtorZoneCandidates({ country: debtor.country, region: debtor.region ?? null, phones: debtor.phones ?? [] });
  // A "communication" is a contact that reached the debtor about this debt.
  const communicated = history.some((e) => e.conversation === true && (e.accountId === null || e.accountId === account.id));
  const ids: string[] = [];
  for (const z of zones) {
    const compiled = rules.compiled(account.creditorId ?? undefined, z.country, z.region);
    if (!compiled) continue;
    for (const d of compiled.disclosures) {
      if (!d.channels.includes(channel) || ids.includes(d.id)) continue;
      if (d.when === 'first_communication' && communicated) continue;
      if (d.when === 'subsequent_communication' && !communicated) continue;
      ids.push(d.id);
    }
  }
  return ids;
}
