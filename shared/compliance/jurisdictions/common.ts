import type { Channel, ComplianceFlag, FlagRule, RuleSet } from '../rules-schema';

/** Flags every jurisdiction honours; none can be overridden by a lead (they are the debtor's or a court's word). */
export function standardFlags(source: string, extra: ComplianceFlag[] = []): FlagRule[] {
  const all: Channel[] = ['call', 'sms', 'email', 'whatsapp', 'visit'];
  const flags: FlagRule[] = [
    { flag: 'cease_communication', channels: all, overridable: false, source },
    { flag: 'dispute_pending', channels: all, overridable: false, source },
    { flag: 'attorney_represented', channels: all, overridable: false, source },
    { flag: 'do_not_call', channels: ['call'], overridable: false, source },
    { flag: 'deceased', channels: all, overridable: false, source },
    { flag: 'bankruptcy', channels: all, overridable: false, source },
  ];
  for (const f of extra) flags.push({ flag: f, channels: all, overridable: false, source });
  return flags;
}

export function emptyRuleSet(id: string, country: string, title: string): RuleSet {
  return {
    id,
    country,
    title,
    hours: [],
    holidays: [],
    caps: [],
    distinctChannels: [],
    afterConversation: [],
    minGap: [],
    flags: [],
    disclosures: [],
    requireAuthorizedChannels: false,
  };
}

export const ALL: Channel[] = ['call', 'sms', 'email', 'whatsapp', 'visit'];
