import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../../shared/api/errors';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { uiLocale } from '../../../i18n';
import { useAdmin } from '../store';
import { RuleFormView } from './RuleFormView';
import { EXAMPLE_RULE_SET, parseRuleSetText, summarizeRules } from './rule-text';
import { useSegments } from './store';

/** Section 2: the creditor's segmentation rules — edit, preview counts, save and apply. */
export function SegmentsPanel() {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(uiLocale(i18n.language));
  const creditorId = useAdmin((s) => s.creditorId);
  const s = useSegments();
  const [mode, setMode] = useState<'form' | 'json'>('form');
  useEffect(() => {
    if (s.creditorId !== creditorId) void s.load(creditorId);
  }, [creditorId, s]);

  const parsed = useMemo(() => parseRuleSetText(s.text), [s.text]);
  const summary = parsed.ok ? summarizeRules(parsed.value) : null;
  const issues = s.error instanceof ApiError && s.error.code === 'invalid_input' ? (s.error.issues ?? []) : [];
  /** Rule index → the server's issues about it ("rules.2.when.balance" → rule 2). */
  const issuesByRule = new Map<number, string[]>();
  for (const i of issues) {
    const m = /^rules\.(\d+)/.exec(i.path);
    if (m) issuesByRule.set(Number(m[1]), [...(issuesByRule.get(Number(m[1])) ?? []), `${i.path}: ${i.message}`]);
  }
  const issueText: Record<string, string> = {};
  // zod's own codes said in the admin's language; the server's custom refinements keep their (English) text.
  const said = (i: { code: string; message: string }) => (i18n.exists(`admin.segments.zod.${i.code}`) ? t(`admin.segments.zod.${i.code}`) : i.message);
  for (const i of issues) issueText[i.path] = issueText[i.path] ? `${issueText[i.path]} · ${said(i)}` : said(i);
  if (!creditorId) return <p className="empty">{t('admin.creditorHint')}</p>;

  const counts = s.result?.counts;
  const countRows = counts ? Object.entries(counts.bySegment).sort((a, b) => b[1] - a[1]) : [];
  const resultText = !s.result
    ? ''
    : s.result.kind === 'preview'
      ? t('admin.segments.countsPreview', { accounts: nf.format(s.result.counts.accounts), changed: nf.format(s.result.counts.changed) })
      : t(s.result.kind === 'saved' ? 'admin.segments.countsSaved' : 'admin.segments.countsApplied', {
          version: 'version' in s.result.counts ? s.result.counts.version : '',
          accounts: nf.format(s.result.counts.accounts),
          changed: nf.format(s.result.counts.changed),
        });

  return (
    <div className="admin-segments">
      <section className="admin-card seg-editor" aria-labelledby="seg-h">
        <h2 id="seg-h" className="admin-card-title">
          {t('admin.segments.title')}
          <span className="muted small">
            {s.version ? t('admin.segments.version', { version: s.version }) : s.version === 0 ? t('admin.segments.versionNone', { fallback: summary?.fallback ?? 'general' }) : ''}
          </span>
        </h2>
        <p className="muted small admin-help">{t('admin.segments.help')}{mode === 'json' ? ` ${t('admin.segments.helpJson')}` : ''}</p>
        <div className="seg-mode" role="group" aria-label={t('admin.segments.modeLabel')}>
          {(['form', 'json'] as const).map((m) => (
            <button key={m} type="button" className={mode === m ? 'lang-btn is-on' : 'lang-btn'} aria-pressed={mode === m} onClick={() => setMode(m)}>
              {t(m === 'form' ? 'admin.segments.modeForm' : 'admin.segments.modeJson')}
            </button>
          ))}
        </div>
        <div id="seg-json-err">
          {!parsed.ok && s.text.trim() !== '' && (
            <p className="field-error" role="alert">
              {t('admin.segments.badJson', { reason: parsed.line ? `${parsed.reason} (${t('admin.segments.line', { line: parsed.line })})` : parsed.reason })}
            </p>
          )}
          {issues.length > 0 && (
            <div className="notice notice-error" role="alert" data-testid="segment-issues">
              <span className="notice-word">{t('admin.segments.issues')}</span>
              <ul className="seg-issues">
                {issues.map((i, n) => <li key={n}><code>{i.path}</code> — {said(i)}</li>)}
              </ul>
            </div>
          )}
          {s.error && issues.length === 0 ? <ErrorNotice error={s.error} /> : null}
        </div>
        {mode === 'form' && parsed.ok ? (
          <RuleFormView doc={parsed.value} issues={issueText} disabled={s.busy} onChange={(d) => s.setText(JSON.stringify(d, null, 2))} />
        ) : (
          <label className="field" htmlFor="seg-json">
            <span className="field-label">{t('admin.segments.editor')}</span>
            <textarea
              id="seg-json"
              className="mono seg-json"
              spellCheck={false}
              value={s.text}
              rows={16}
              aria-invalid={!parsed.ok || issues.length > 0 ? true : undefined}
              aria-describedby="seg-json-err"
              onChange={(e) => s.setText(e.target.value)}
            />
          </label>
        )}
        <div className="admin-actions">
          <button type="button" className="btn" disabled={s.busy} onClick={() => s.setText(JSON.stringify(EXAMPLE_RULE_SET, null, 2))}>
            {t('admin.segments.example')}
          </button>
          <button type="button" className="btn" disabled={!parsed.ok} onClick={() => parsed.ok && s.setText(JSON.stringify(parsed.value, null, 2))}>
            {t('admin.segments.format')}
          </button>
          <span className="topbar-spacer" />
          <button type="button" className="btn" disabled={s.busy || !parsed.ok} onClick={() => void s.preview()}>
            {t('admin.segments.preview')}
          </button>
          <button type="button" className="btn btn-primary" disabled={s.busy || !parsed.ok} onClick={() => void s.save()}>
            {t('admin.segments.save')}
          </button>
        </div>
      </section>

      <div className="seg-side">
        {mode === 'json' && <section className="admin-card" aria-labelledby="seg-rules-h">
          <h2 id="seg-rules-h" className="admin-card-title">{t('admin.segments.rulesTable')}</h2>
          {summary && mode === 'json' && (
            <table className="admin-table">
              <thead>
                <tr>
                  <th className="num" scope="col">{t('admin.segments.colOrder')}</th>
                  <th scope="col">{t('admin.segments.colSegment')}</th>
                  <th scope="col">{t('admin.segments.colWhen')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.rules.map((r) => (
                  <tr key={r.index} className={issuesByRule.has(r.index) ? 'row-bad' : ''}>
                    <td className="num">{r.index + 1}</td>
                    <td><strong>{r.segment}</strong>{r.label && <div className="muted small">{r.label}</div>}</td>
                    <td>
                      {r.conditions.map((c) => <div key={c.key} className="small"><span className="muted">{t(`admin.segments.cond.${c.key}`, { defaultValue: c.key })}:</span> {c.text}</div>)}
                      {issuesByRule.get(r.index)?.map((m) => <div key={m} className="field-error">{m}</div>)}
                    </td>
                  </tr>
                ))}
                <tr>
                  <td />
                  <td colSpan={2} className="muted">{t('admin.segments.fallback', { fallback: summary.fallback })}</td>
                </tr>
              </tbody>
            </table>
          )}
        </section>}

        <section className="admin-card" aria-labelledby="seg-counts-h">
          <h2 id="seg-counts-h" className="admin-card-title">{t('admin.segments.countsTitle')}</h2>
          {s.result ? <p role="status" data-testid="segment-result">{resultText}</p> : <p className="muted">{t('admin.segments.countsEmpty')}</p>}
          {counts && countRows.length > 0 && (
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.segments.colSegment')}</th>
                  <th className="num" scope="col">{t('admin.segments.colAccounts')}</th>
                  <th scope="col">{t('admin.segments.colShare')}</th>
                </tr>
              </thead>
              <tbody>
                {countRows.map(([seg, n]) => {
                  const pct = counts.accounts ? Math.round((n / counts.accounts) * 100) : 0;
                  return (
                    <tr key={seg}>
                      <td>{seg}</td>
                      <td className="num">{nf.format(n)}</td>
                      <td><span className="bar" aria-hidden="true"><span style={{ width: `${pct}%` }} /></span> <span className="small">{n > 0 && pct === 0 ? '<1' : pct} %</span></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="admin-actions">
            <button type="button" className="btn" disabled={s.busy} onClick={() => void s.apply()}>
              {t('admin.segments.apply')}
            </button>
            <span className="muted small">{t('admin.segments.applyHelp')}</span>
          </div>
        </section>
      </div>
    </div>
  );
}
