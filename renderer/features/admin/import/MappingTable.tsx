import { useTranslation } from '../../../i18n/use-translation';
import { importFieldErrors } from './field-errors';
import { useImport } from './store';

const DELIMS = new Set([',', ';', '\t', '|']);

/** The mapping step: what the server detected, the first rows, and our field ← their column. */
export function MappingTable() {
  const { t, i18n } = useTranslation();
  const { preview, mapping, setMapping, options, setOption, phase, error } = useImport();
  const fieldErrors = importFieldErrors(error, t as never, (k) => i18n.exists(k));
  if (!preview) return null;
  const busy = phase === 'starting';
  const used = new Set(Object.values(mapping));
  const unused = preview.headers.filter((h) => !used.has(h));
  const firstRow = preview.sample[0] ?? [];
  // Required fields first: they are what the admin must get right.
  const fields = [...preview.fields.filter((f) => f.required), ...preview.fields.filter((f) => !f.required)];
  const sampleOf = (header: string | undefined) => {
    const i = header === undefined ? -1 : preview.headers.indexOf(header);
    return i < 0 ? '' : (firstRow[i] ?? '');
  };
  const delimiter = DELIMS.has(preview.delimiter) ? t(`admin.import.delimiterNames.${preview.delimiter}`) : preview.delimiter;
  return (
    <>
      <p className="admin-detected" data-testid="import-detected">
        {t('admin.import.detected', { encoding: preview.encoding.toUpperCase(), delimiter, columns: preview.headers.length })}
      </p>
      <h3 className="admin-sub">{t('admin.import.sampleTitle')}</h3>
      <div className="admin-scroll-x admin-sample">
        <table className="admin-table admin-table-compact" data-testid="import-sample">
          <thead>
            <tr>{preview.headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {preview.sample.slice(0, 5).map((row, r) => (
              <tr key={r}>{preview.headers.map((_, c) => <td key={c} className="admin-ellipsis" title={row[c] ?? ''}>{row[c] ?? ''}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="admin-sub">{t('admin.import.mappingTitle')}</h3>
      <p className="muted small">{t('admin.import.mappingHelp')}</p>
      <div className="mapping-grid" role="group" aria-label={t('admin.import.mappingTitle')}>
        {[0, 1].map((c) => (
          <div key={c} className="mapping-row mapping-head" aria-hidden="true">
            <span>{t('admin.import.colField')}</span>
            <span>{t('admin.import.colHeader')}</span>
            <span>{t('admin.import.colSample')}</span>
          </div>
        ))}
        {fields.map((f) => {
          const err = fieldErrors[`mapping.${f.id}`];
          const id = `map-${f.id}`;
          return (
            <div key={f.id} className={`mapping-row ${err ? 'has-error' : ''} ${f.required ? 'is-required' : ''}`}>
              <label htmlFor={id} className="mapping-field" title={f.id}>
                {t(`admin.fields.${f.id}`, { defaultValue: f.id })}
                {f.required && <span className="req" title={t('admin.import.required')}> *</span>}
              </label>
              <select
                id={id}
                value={mapping[f.id] ?? ''}
                disabled={busy}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${id}-err` : undefined}
                onChange={(e) => setMapping(f.id, e.target.value)}
              >
                <option value="">{t('admin.import.notMapped')}</option>
                {preview.headers.map((h) => <option key={h} value={h}>{h}</option>)}
              </select>
              <span className="mapping-sample admin-ellipsis" title={sampleOf(mapping[f.id])}>{sampleOf(mapping[f.id])}</span>
              {err && <span id={`${id}-err`} className="field-error mapping-error">{err}</span>}
            </div>
          );
        })}
      </div>
      {unused.length > 0 && <p className="muted small">{t('admin.import.unmappedHeaders', { headers: unused.join(', ') })}</p>}

      <fieldset className="admin-options">
        <legend>{t('admin.import.options')}</legend>
        <label className="inline-field">
          {t('admin.import.decimalMark')}
          <select value={options.decimalMark} disabled={busy} onChange={(e) => setOption('decimalMark', e.target.value as 'auto' | ',' | '.')}>
            <option value="auto">{t('admin.import.decimalAuto')}</option>
            <option value=",">1.234,56</option>
            <option value=".">1,234.56</option>
          </select>
        </label>
        <label className="inline-field">
          {t('admin.import.dateOrder')}
          <select value={options.dateOrder} disabled={busy} onChange={(e) => setOption('dateOrder', e.target.value as 'dmy' | 'mdy')}>
            <option value="dmy">{t('admin.import.dmy')}</option>
            <option value="mdy">{t('admin.import.mdy')}</option>
          </select>
        </label>
      </fieldset>
    </>
  );
}
