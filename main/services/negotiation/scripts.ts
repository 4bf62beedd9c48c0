import { ApiError } from '../../../shared/api/errors';
import type { ScriptForResult } from '../../../shared/api/methods/negotiation';
import { createRulebook, requiredDisclosures, type ContactEvent, type Rulebook } from '../../../shared/compliance';
import { CURRENCIES, formatMoney, type Money } from '../../../shared/money';
import { mayAskReason } from '../../../shared/negotiation';
import { loadExampleScripts, type Script, type ScriptRegistry } from '../../../shared/scripts';
import type { Db } from '../store/open';
import type { AccountContext } from './context';

/** Compliance ids are dotted ("us.mini_miranda"); script disclosure ids use "_" ("us_mini_miranda"). */
export function scriptDisclosureId(complianceId: string): string {
  return complianceId.replace(/\./g, '_');
}

export interface ScriptSourceOptions {
  /** Shown in scripts as {company.name}: the collection agency the agent works for. */
  companyName: string;
  rules?: Rulebook;
}

/**
 * The script for an account: the shipped examples plus every script version kept in the store (synced from the
 * server), loaded through the registry so a bad file is refused with its path and reason and the last good
 * version stays in use; then the best match for creditor, segment, jurisdiction and the debtor's language.
 */
export function createScriptSource(db: Db, opts: ScriptSourceOptions) {
  const rules = opts.rules ?? createRulebook();
  const storeScripts = db.prepare('SELECT id, version, body FROM scripts ORDER BY id, version');
  const history = db.prepare('SELECT started_at, channel, account_id, direction, conversation FROM contacts WHERE debtor_id = ?');
  const phones = db.prepare("SELECT e164 FROM phones WHERE debtor_id = ? AND status = 'ok'").pluck();

  function registry(): { reg: ScriptRegistry; fromStore: Set<Script>; refused: ScriptForResult['refused'] } {
    const reg = loadExampleScripts();
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
    const required = requiredDisclosures({
      rules,
      debtor: { id: debtor.id, country: debtor.country, region: debtor.region, timeZone: debtor.timeZone, phones: phones.all(debtor.id) as string[], flags: [] },
      account: { id: account.id, creditorId: account.creditorId },
      channel: 'call',
      history: events,
    }).map(scriptDisclosureId);
    const inScript = new Set(script.disclosures.map((d) => d.id));
    // What the law requires here is mandatory whatever the script file says.
    const enforced: Script = { ...script, disclosures: script.disclosures.map((d) => (required.includes(d.id) ? { ...d, mandatory: true } : d)) };
    const balance: Money = { amountMinor: account.balanceMinor, currency: account.currency as Money['currency'] };
    const locale = debtor.language === 'es' ? CURRENCIES[balance.currency].defaultLocale : 'en-US';
    const digits = account.accountNumber.replace(/[^0-9A-Za-z]/g, '');
    const vars: Record<string, string> = {
      'agent.name': agentName,
      'company.name': opts.companyName,
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
      requiredDisclosures: required.filter((id) => inScript.has(id)),
      missingDisclosures: required.filter((id) => !inScript.has(id)),
      vars,
      debtorLanguage: debtor.language,
      country: debtor.country,
      zone: debtor.timeZone,
      mayAskReason: mayAskReason(debtor.country),
      refused,
    };
  };
}
