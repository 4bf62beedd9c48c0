import { ApiError } from '../../../shared/api/errors';
import type { ScriptForResult } from '../../../shared/api/methods/negotiation';
import { createRulebook, requiredDisclosures, type ContactEvent, type Rulebook } from '../../../shared/compliance';
import { CURRENCIES, formatMoney, type Money } from '../../../shared/money';
import { mayAskReason } from '../../../shared/negotiation';
import type { ScriptRegistry } from '../../../shared/scripts/registry';
import type { Script } from '../../../shared/scripts/schema';
import { loadDeskExamples } from './example-scripts';
import type { Db } from '../store/open';
import type { AccountContext } from './context';

/**
 * Which script disclosures make a disclosure the compliance rules require. Rule ids are the rulebook's
 * ("us.mini_miranda", "identify_agent_and_creditor"); script disclosure ids are jurisdiction-prefixed
 * ("us_mini_miranda", "co_identificacion"). An unknown rule id falls back to its own id with "_" for ".".
 */
const SATISFIED_BY: Record<string, (country: string) => string[]> = {
  identify_agent_and_creditor: (cc) => [`${cc}_identificacion`, `${cc}_identificacion_despacho`, `${cc}_mini_miranda`],
  'mx.first_contact_identification': () => ['mx_identificacion_despacho', 'mx_identificacion'],
  'us.mini_miranda': () => ['us_mini_miranda'],
  'us.debt_collector_notice': () => ['us_debt_collector'],
  // The mini-Miranda wording starts with who calls and for which company.
  'us.caller_identity': () => ['us_caller_identity', 'us_mini_miranda'],
};

export function mapRequiredDisclosures(ruleIds: readonly string[], scriptIds: readonly string[], country: string): { required: string[]; missing: string[] } {
  const have = new Set(scriptIds);
  const required: string[] = [];
  const missing: string[] = [];
  const cc = country.toLowerCase();
  for (const id of ruleIds) {
    const candidates = SATISFIED_BY[id]?.(cc) ?? [id.replace(/\./g, '_')];
    const hit = candidates.find((c) => have.has(c));
    if (hit) {
      if (!required.includes(hit)) required.push(hit);
    } else missing.push(id);
  }
  return { required, missing };
}

export interface ScriptSourceOptions {
  /** Shown in scripts as {company.name}: the collection agency the agent works for. */
  companyName: string;
  /** Shown as {company.phone}; by default the words for "our service line" in the debtor's language. */
  companyPhone?: string;
  rules?: Rulebook;
}

/**
 * The script for an account: the shipped examples plus every script version kept in the store (synced from the
 * server), loaded through the registry so a bad file is refused with its path and reason and the last good
 * version stays in use; then the best match for creditor, segment, jurisdiction and the debtor's language.
 */
export function createScriptSource(db: Db, opts: ScriptSourceOptions) {
  const rulebook = opts.rules ?? createRulebook();
  const storeScripts = db.prepare('SELECT id, version, body FROM scripts ORDER BY id, version');
  const history = db.prepare('SELECT started_at, channel, account_id, direction, conversation FROM contacts WHERE debtor_id = ?');
  const phones = db.prepare("SELECT e164 FROM phones WHERE debtor_id = ? AND status = 'ok'").pluck();

  function registry(): { reg: ScriptRegistry; fromStore: Set<Script>; refused: ScriptForResult['refused'] } {
    const reg = loadDeskExamples();
    const fromStore = new Set<Script>();
    const refused: ScriptForResult['refused'] = [];
    for (const row of storeScripts.all() as Array<{ id: string; version: number; body: string }>) {
      let body: unknown;
      try {
        body = JSON.parse(row.body);
      } catch (e) {
        refused.push({ id: row.id, issues: [{ path: '(file)', code: 'script.bad_json', message: String(e) }] });
        continue;
      }
      const r = reg.load(body);
      if (r.ok) fromStore.add(r.script);
      else refused.push({ id: row.id, issues: r.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) });
    }
    return { reg, fromStore, refused };
  }

  return function scriptFor(ctx: AccountContext, agentName: string): ScriptForResult {
    const { account, debtor } = ctx;
    const { reg, fromStore, refused } = registry();
    const jurisdiction = debtor.region ? `${debtor.country}-${debtor.region}` : debtor.country;
    const script = reg.select({ creditorId: account.creditorId, segment: account.segment, jurisdiction: /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(jurisdiction) ? jurisdiction : debtor.country, language: debtor.language });
    if (!script) {
      throw new ApiError({
        code: 'not_found', message: `no call script for creditor ${account.creditorId}, segment ${account.segment}, ${debtor.country}`,
        key: 'negotiation.error.noScript', params: { country: debtor.country, segment: account.segment },
      });
    }
    const events: ContactEvent[] = (history.all(debtor.id) as Array<{ started_at: string; channel: string; account_id: string | null; direction: string; conversation: number }>).map((c) => ({
      at: c.started_at, channel: c.channel as ContactEvent['channel'], accountId: c.account_id,
      direction: c.direction as 'outbound' | 'inbound', conversation: c.conversation === 1,
    }));
    const rules = requiredDisclosures({
      rules: rulebook,
      debtor: { id: debtor.id, country: debtor.country, region: debtor.region, timeZone: debtor.timeZone, phones: phones.all(debtor.id) as string[], flags: [] },
      account: { id: account.id, creditorId: account.creditorId },
      channel: 'call',
      history: events,
    });
    const { required, missing } = mapRequiredDisclosures(rules, script.disclosures.map((d) => d.id), debtor.country);
    // What the law requires here is mandatory whatever the script file says.
    const enforced: Script = { ...script, disclosures: script.disclosures.map((d) => (required.includes(d.id) ? { ...d, mandatory: true } : d)) };
    const balance: Money = { amountMinor: account.balanceMinor, currency: account.currency as Money['currency'] };
    const locale = debtor.language === 'es' ? CURRENCIES[balance.currency].defaultLocale : 'en-US';
    const digits = account.accountNumber.replace(/[^0-9A-Za-z]/g, '');
    const vars: Record<string, string> = {
      'agent.name': agentName,
      'company.name': opts.companyName,
      'company.phone': opts.companyPhone ?? (debtor.language === 'es' ? 'nuestra línea de atención' : 'our customer service line'),
      'debtor.firstName': debtor.fullName.split(/\s+/)[0] ?? debtor.fullName,
      'debtor.fullName': debtor.fullName,
      'creditor.name': ctx.creditorName ?? account.creditorId,
      'account.product': account.product.replace(/_/g, ' '),
      'account.numberLast4': digits.slice(-4),
      'account.balance': formatMoney(balance, locale, { display: 'code' }).replace(/[\u00a0\u202f]/g, ' '),
      'account.daysPastDue': String(account.daysPastDue),
      'account.dueSince': account.dueSince,
    };
    return {
      script: enforced,
      source: fromStore.has(script) ? 'store' : 'library',
      requiredDisclosures: required,
      missingDisclosures: missing,
      vars,
      debtorLanguage: debtor.language,
      country: debtor.country,
      zone: debtor.timeZone,
      mayAskReason: mayAskReason(debtor.country),
      refused,
    };
  };
}
