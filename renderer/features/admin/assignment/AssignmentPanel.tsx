import { useEffect } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { formatMoney } from '../../../../shared/money/format';
import { useFieldErrors, ErrorNotice } from '../../../ui/ErrorNotice';
import { uiLocale } from '../../../i18n';
import { currencyOfCountry, useAdmin } from '../store';
import type { Scope } from './assign-form';
import { useAssignment } from './store';

/** Section 3: load per agent, balanced assignment by count or balance, reassignment. */
export function AssignmentPanel() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const nf = new Intl.NumberFormat(locale);
  const creditorId = useAdmin((s) => s.creditorId);
  const creditor = useAdmin((s) => s.creditors.find((c) => c.id === s.creditorId));
  const s = useAssignment();
  const serverFields = useFieldErrors(s.error);
  useEffect(() => {
    if (s.creditorId !== creditorId) void s.load(creditorId);
  }, [creditorId, s]);
  if (!creditorId) return <p className="empty">{t('admin.creditorHint')}</p>;

  const currency = creditor ? currencyOfCountry(creditor.country) : null;
  const money = (minor: number) => (currency ? formatMoney({ amountMinor: minor, currency }, locale) : nf.format(minor));
  const agents = s.summary?.agents ?? [];
  const nameOf = (id: string) => agents.find((a) => a.agentId === id)?.displayName || id;
  const totalAccounts = agents.reduce((n, a) => n + a.accounts, 0);
  const f = s.form;
  const issue = (field: string) => (s.formIssue?.field === field ? t(s.formIssue.key) : undefined);
  const toAgentsError = issue('agents') ?? serverFields['rules.0.to.agentIds'];
  const teamError = issue('teamId') ?? serverFields['rules.0.to.teamId'];
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  return (
    <div className="admin-assign">
      <section className="admin-card" aria-labelledby="as-sum-h">
        <h2 id="as-sum-h" className="admin-card-title">
          {t('admin.assignment.summaryTitle')}
          {s.summary && <span className="muted small" data-testid="unassigned">{t('admin.assignment.unassigned', { n: nf.format(s.summary.unassigned) })}</span>}
        </h2>
        {s.summary && agents.length === 0 && <p className="empty">{t('admin.assignment.none')}</p>}
        {agents.length > 0 && (
          <table className="admin-table" data-testid="assignment-summary">
            <thead>
              <tr>
                <th scope="col">{t('admin.assignment.colAgent')}</th>
                <th className="num" scope="col">{t('admin.assignment.colAccounts')}</th>
                <th className="num" scope="col">{t(currency ? 'admin.assignment.colBalance' : 'admin.assignment.colBalanceMinor')}</th>
                <th scope="col">{t('admin.assignment.colShare')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => {
                const pct = totalAccounts ? Math.round((a.accounts / totalAccounts) * 100) : 0;
                return (
                  <tr key={a.agentId} data-agent={a.agentId}>
                    <td>
                      <span className="agent-name">{a.displayName || a.agentId}</span>{' '}
                      <span className="mono small">{a.agentId}</span>
                      {!a.active && <span className="small"> · {t('admin.assignment.inactive')}</span>}
                    </td>
                    <td className="num">{nf.format(a.accounts)}</td>
                    <td className="num">{money(a.balanceMinor)}</td>
                    <td><span className="bar" aria-hidden="true"><span style={{ width: `${pct}%` }} /></span> <span className="small">{pct} %</span></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="admin-card" aria-labelledby="as-form-h">
        <h2 id="as-form-h" className="admin-card-title">{t('admin.assignment.formTitle')}</h2>
        <div className="assign-form">
          <fieldset>
            <legend>{t('admin.assignment.scope')}</legend>
            {(['all', 'unassigned', 'segments', 'from'] as Scope[]).map((sc) => (
              <label key={sc} className="radio">
                <input type="radio" name="as-scope" checked={f.scope === sc} onChange={() => s.edit({ scope: sc })} />
                {t(`admin.assignment.scope${sc === 'all' ? 'All' : sc === 'unassigned' ? 'Unassigned' : sc === 'segments' ? 'Segments' : 'From'}`)}
              </label>
            ))}
            {f.scope === 'segments' && (
              <label className="field">
                <span className="field-label">{t('admin.assignment.segmentsField')}</span>
                <input value={f.segments} onChange={(e) => s.edit({ segments: e.target.value })} aria-invalid={issue('segments') ? true : undefined} />
                {issue('segments') && <span className="field-error">{issue('segments')}</span>}
              </label>
            )}
            {f.scope === 'from' && (
              <div className="agent-picks" role="group" aria-label={t('admin.assignment.scopeFrom')}>
                {agents.map((a) => (
                  <label key={a.agentId} className="check">
                    <input type="checkbox" checked={f.fromAgents.includes(a.agentId)} onChange={() => s.edit({ fromAgents: toggle(f.fromAgents, a.agentId) })} />
                    <span title={a.agentId}>{a.displayName || a.agentId}</span>
                  </label>
                ))}
                {issue('fromAgents') && <span className="field-error">{issue('fromAgents')}</span>}
              </div>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('admin.assignment.target')}</legend>
            <label className="radio">
              <input type="radio" name="as-target" checked={f.target === 'agents'} onChange={() => s.edit({ target: 'agents' })} />
              {t('admin.assignment.targetAgents')}
            </label>
            <label className="radio">
              <input type="radio" name="as-target" checked={f.target === 'team'} onChange={() => s.edit({ target: 'team' })} />
              {t('admin.assignment.targetTeam')}
            </label>
            {f.target === 'team' ? (
              <label className="field">
                <span className="field-label">{t('admin.assignment.teamField')}</span>
                <input value={f.teamId} list="as-teams" placeholder="team-1" onChange={(e) => s.edit({ teamId: e.target.value })} aria-invalid={teamError ? true : undefined} />
                <datalist id="as-teams">
                  {[...new Set(agents.flatMap((a) => (a.teamId ? [a.teamId] : [])))].sort().map((id) => <option key={id} value={id} />)}
                </datalist>
                {teamError && <span className="field-error">{teamError}</span>}
              </label>
            ) : (
              <div className="agent-picks" role="group" aria-label={t('admin.assignment.agentsField')}>
                {agents.filter((a) => a.active).map((a) => (
                  <label key={a.agentId} className="check">
                    <input type="checkbox" checked={f.agents.includes(a.agentId)} onChange={() => s.edit({ agents: toggle(f.agents, a.agentId) })} />
                    <span title={a.agentId}>{a.displayName || a.agentId}</span>
                  </label>
                ))}
                <label className="field">
                  <span className="field-label">{t('admin.assignment.agentsExtra')}</span>
                  <input value={f.extraAgents} onChange={(e) => s.edit({ extraAgents: e.target.value })} aria-invalid={toAgentsError ? true : undefined} />
                </label>
                {toAgentsError && <span className="field-error">{toAgentsError}</span>}
              </div>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('admin.assignment.balanceBy')}</legend>
            <label className="radio">
              <input type="radio" name="as-by" checked={f.balanceBy === 'count'} onChange={() => s.edit({ balanceBy: 'count' })} />
              {t('admin.assignment.byCount')}
            </label>
            <label className="radio">
              <input type="radio" name="as-by" checked={f.balanceBy === 'balance'} onChange={() => s.edit({ balanceBy: 'balance' })} />
              {t('admin.assignment.byBalance')}
            </label>
            <label className="check">
              <input type="checkbox" checked={f.keepCurrent} onChange={(e) => s.edit({ keepCurrent: e.target.checked })} />
              {t('admin.assignment.keepCurrent')}
            </label>
            <label className="field">
              <span className="field-label">{t('admin.assignment.reason')}</span>
              <input value={f.reason} maxLength={200} onChange={(e) => s.edit({ reason: e.target.value })} />
            </label>
          </fieldset>
        </div>
        {s.error && !toAgentsError && !teamError ? <ErrorNotice error={s.error} /> : null}
        <div className="admin-actions">
          <button type="button" className="btn" disabled={s.busy} onClick={() => void s.run(true)}>{t('admin.assignment.simulate')}</button>
          <button type="button" className="btn btn-primary" disabled={s.busy} onClick={() => void s.run(false)}>{t('admin.assignment.apply')}</button>
        </div>
        {s.result && (
          <div className="assign-result" data-testid="assignment-result">
            <p role="status">
              {t(s.result.dryRun ? 'admin.assignment.resultPreview' : 'admin.assignment.resultApplied', {
                moved: nf.format(s.result.moved), kept: nf.format(s.result.kept), unmatched: nf.format(s.result.unmatched),
              })}
            </p>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.assignment.colAgent')}</th>
                  <th className="num" scope="col">{t('admin.assignment.colAfter')}</th>
                  <th className="num" scope="col">{t(currency ? 'admin.assignment.colBalanceAfter' : 'admin.assignment.colBalanceAfterMinor')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(s.result.byAgent).map(([id, load]) => (
                  <tr key={id}>
                    <td title={id}>{nameOf(id)}</td>
                    <td className="num">{nf.format(load.count)}</td>
                    <td className="num">{money(load.balanceMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
