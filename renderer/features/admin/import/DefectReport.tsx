import { useTranslation } from '../../../i18n/use-translation';
import { uiLocale } from '../../../i18n';
import { defectText } from './defect-text';
import { DEFECTS_PER_PAGE, useImport } from './store';

/** The report: defects by reason, then every defective row with its line, column and reason, paged. */
export function DefectReport() {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(uiLocale(i18n.language));
  const { status, defects, defectCursors, pageDefects } = useImport();
  if (!status) return null;
  const byCode = Object.entries(status.defectsByCode).sort((a, b) => b[1] - a[1]);
  const from = defectCursors.length * DEFECTS_PER_PAGE + 1;
  return (
    <div className="defect-report">
      {byCode.length > 0 && (
        <>
          <h3 className="admin-sub">{t('admin.import.byCode')}</h3>
          <ul className="defect-codes">
            {byCode.map(([code, n]) => (
              <li key={code}><span className="chip chip-danger">{nf.format(n)}</span> {t(`admin.import.codes.${code}`, { defaultValue: code })}</li>
            ))}
          </ul>
        </>
      )}
      <h3 className="admin-sub" id="defects-h">{t('admin.import.defectsTitle')}</h3>
      {defects === null ? null : defects.defects.length === 0 ? (
        <p className="empty">{t('admin.import.defectsNone')}</p>
      ) : (
        <>
          <table className="admin-table" aria-labelledby="defects-h" data-testid="defects">
            <thead>
              <tr>
                <th className="num" scope="col">{t('admin.import.colLine')}</th>
                <th scope="col">{t('admin.import.colColumn')}</th>
                <th scope="col">{t('admin.import.colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {defects.defects.map((d, i) => (
                <tr key={`${d.line}-${d.column}-${i}`}>
                  <td className="num">{d.line}</td>
                  <td>{d.column || <span className="muted">{t('admin.import.wholeRow')}</span>}</td>
                  <td>{defectText(d, t as never, (k) => i18n.exists(k))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="admin-pager">
            <span className="muted small">
              {t('admin.import.page', { from: nf.format(from), to: nf.format(from + defects.defects.length - 1), total: nf.format(defects.stored) })}
            </span>
            <button type="button" className="btn btn-small" disabled={defectCursors.length === 0} onClick={() => void pageDefects('prev')}>
              ← {t('admin.import.prev')}
            </button>
            <button type="button" className="btn btn-small" disabled={defects.nextAfter === null} onClick={() => void pageDefects('next')}>
              {t('admin.import.next')} →
            </button>
          </div>
          {defects.stored < status.defective && <p className="muted small">{t('admin.import.storedCap', { stored: nf.format(defects.stored) })}</p>}
        </>
      )}
    </div>
  );
}
