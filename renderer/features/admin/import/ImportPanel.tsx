import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { IMPORT_KINDS, type ImportKind, type ImportStatus } from '../../../../shared/import';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { importFieldErrors } from './field-errors';
import { uiLocale } from '../../../i18n';
import { useAdmin } from '../store';
import { DefectReport } from './DefectReport';
import { MappingTable } from './MappingTable';
import { importProgress, type HeadStats } from './progress';
import { useImport } from './store';

export function formatBytes(n: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}

/** Section 1: portfolio import. */
export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const creditorId = useAdmin((s) => s.creditorId);
  const s = useImport();
  const fileInput = useRef<HTMLInputElement>(null);
  const kindId = useId();
  const fieldErrors = importFieldErrors(s.error, t as never, (k) => i18n.exists(k));
  const busy = s.phase === 'previewing' || s.phase === 'starting' || s.phase === 'running';

  useEffect(() => {
    void s.loadRecent(creditorId);
  }, [creditorId]);

  const creditorError = fieldErrors.creditorId;
  const mappingError = Object.entries(fieldErrors).find(([path]) => path.startsWith('mapping.'))?.[1];
  return (
    <div className="admin-import">
      <section className="admin-card" aria-labelledby="imp-step1">
        <h2 id="imp-step1" className="admin-card-title">{t('admin.import.step1')}</h2>
        <div className="admin-row">
          <label className="field" htmlFor={kindId}>
            <span className="field-label">{t('admin.import.kind')}</span>
            <select id={kindId} value={s.kind} disabled={busy} onChange={(e) => s.setKind(e.target.value as ImportKind)}>
              {IMPORT_KINDS.map((k) => <option key={k} value={k}>{t(`admin.import.kinds.${k}`)}</option>)}
            </select>
          </label>
          <div className="field">
            <span className="field-label">{t('admin.import.fileLabel')}</span>
            <span className="admin-file">
              <button type="button" className="btn" disabled={busy} onClick={() => fileInput.current?.click()}>
                {t('admin.import.pick')}
              </button>
              <input
                ref={fileInput}
                className="visually-hidden"
                type="file"
                accept=".csv,.txt,text/csv"
                aria-hidden="true"
                data-testid="import-file"
                tabIndex={-1}
                onChange={(e) => {
                  void s.pickFile(e.target.files?.[0] ?? null);
                  e.target.value = '';
                }}
              />
              <span className={s.file ? 'admin-file-name' : 'muted'}>
                {s.file ? t('admin.import.fileInfo', { name: s.file.name, size: formatBytes(s.file.size, locale) }) : t('admin.import.noFile')}
              </span>
            </span>
          </div>
        </div>
        <p className="muted small admin-help">{t('admin.import.pickHelp')}</p>
        {s.phase === 'previewing' && <p role="status" className="muted">{t('admin.import.previewing')}</p>}
        {(s.phase === 'empty' || s.phase === 'previewing') && s.error ? <ErrorNotice error={s.error} /> : null}
      </section>

      {s.preview && (s.phase === 'mapping' || s.phase === 'starting') && (
        <section className="admin-card" aria-labelledby="imp-step2">
          <h2 id="imp-step2" className="admin-card-title">{t('admin.import.step2')}</h2>
          <MappingTable />
          {creditorError && <p className="field-error" role="alert">{creditorError}</p>}
          {mappingError ? (
            // The sentence is already beside the field; here it says why Import did nothing, with the field's name.
            <div className="notice notice-error" role="alert">
              <span className="notice-word">{mappingError}</span> <span className="notice-next">{t('errors.next.invalid_input')}</span>
            </div>
          ) : s.error && !creditorError ? <ErrorNotice error={s.error} /> : null}
          <div className="admin-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !creditorId}
              onClick={() => void s.start(creditorId)}
            >
              {t('admin.import.start')}
            </button>
            {!creditorId && <span className="muted small">{t('admin.creditorHint')}</span>}
          </div>
        </section>
      )}

      {s.status && (s.phase === 'running' || s.phase === 'done' || s.phase === 'failed') && (
        <section className="admin-card" aria-labelledby="imp-step3">
          <h2 id="imp-step3" className="admin-card-title">
            {t('admin.import.step3')} · {s.status.fileName}
          </h2>
          <ImportProgress status={s.status} fileSize={s.file?.size ?? null} head={s.head} phase={s.phase} />
          {s.phase === 'failed' && s.error ? <ErrorNotice error={s.error} /> : null}
          {s.phase !== 'running' && <DefectReport />}
          {s.phase !== 'running' && (
            <div className="admin-actions">
              <button type="button" className="btn" onClick={() => { s.reset(); fileInput.current?.click(); }}>
                {t('admin.import.restart')}
              </button>
            </div>
          )}
        </section>
      )}

      <RecentImports recent={s.recent} />
    </div>
  );
}

function ImportProgress({ status, fileSize, head, phase }: { status: ImportStatus; fileSize: number | null; head: HeadStats | null; phase: string }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const nf = new Intl.NumberFormat(locale);
  const total = status.bytesTotal ?? fileSize ?? 0;
  const { percent: pct, estimatedRows } = importProgress(status, fileSize, head);
  const stateWord = phase === 'running' ? t('admin.import.running') : phase === 'done' ? t('admin.import.done') : t('admin.import.failed');
  const stateClass = phase === 'running' ? 'status-busy' : phase === 'done' ? 'status-ok' : 'status-bad';
  return (
    <div className="import-progress">
      <div className="import-progress-head">
        <span className={`status ${stateClass}`} role="status" data-testid="import-state">{stateWord}</span>
        <span className="muted small">
          {phase === 'running' && estimatedRows !== null
            ? t('admin.import.rowsOf', { pct, rows: nf.format(status.rowsRead), estimated: nf.format(estimatedRows) })
            : t('admin.import.pct', { pct })}
          {' · '}
          {t('admin.import.bytes', { done: formatBytes(Math.min(status.bytesRead, total), locale), total: formatBytes(total, locale) })}
        </span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('admin.import.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        data-testid="import-progress"
      >
        <div className={`progress-fill is-${phase}`} style={{ width: `${pct}%` }} />
      </div>
      <dl className="import-counts">
        <div><dt>{t('admin.import.rowsRead')}</dt><dd data-testid="count-read">{nf.format(status.rowsRead)}</dd></div>
        <div className="is-ok"><dt>{t('admin.import.good')}</dt><dd data-testid="count-good">{nf.format(status.good)}</dd></div>
        <div><dt>{t('admin.import.unchanged')}</dt><dd>{nf.format(status.unchanged)}</dd></div>
        <div className={status.defective > 0 ? 'is-bad' : ''}><dt>{t('admin.import.defective')}</dt><dd data-testid="count-defective">{nf.format(status.defective)}</dd></div>
      </dl>
      {status.error && (
        <div className="notice notice-error" role="alert">
          {t(`import.error.${status.error.code}`, status.error.params)}
        </div>
      )}
    </div>
  );
}

function RecentImports({ recent }: { recent: ImportStatus[] }) {
  const { t, i18n } = useTranslation();
  const creditorId = useAdmin((s) => s.creditorId);
  if (!creditorId) return null;
  const nf = new Intl.NumberFormat(uiLocale(i18n.language));
  const df = new Intl.DateTimeFormat(uiLocale(i18n.language), { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="admin-card" aria-labelledby="imp-recent">
      <h2 id="imp-recent" className="admin-card-title">{t('admin.import.recent')}</h2>
      {recent.length === 0 ? (
        <p className="empty">{t('admin.import.recentNone')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('admin.import.colDate')}</th>
              <th>{t('admin.import.kind')}</th>
              <th>{t('admin.import.colFile')}</th>
              <th>{t('admin.import.colState')}</th>
              <th className="num">{t('admin.import.good')}</th>
              <th className="num">{t('admin.import.defective')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.slice(0, 8).map((r) => (
              <tr key={r.id}>
                <td>{df.format(new Date(r.createdAt))}</td>
                <td>{t(`admin.import.kinds.${r.kind}`)}</td>
                <td className="admin-ellipsis" title={r.fileName}>{r.fileName || '—'}</td>
                <td>{t(`admin.import.state.${r.state}`)}</td>
                <td className="num">{nf.format(r.good)}</td>
                <td className="num">{nf.format(r.defective)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
