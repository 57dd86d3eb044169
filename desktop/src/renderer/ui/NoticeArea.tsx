import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../app/notices';

/** Where notices appear; a polite live region so screen readers hear them too. */
export function NoticeArea(): ReactElement {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  return (
    <div className="notice-area" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <span aria-hidden="true" className="notice-icon">
            {n.icon}
          </span>
          <span className="notice-text" data-testid="notice">
            {n.text}
          </span>
          <button type="button" className="notice-close" aria-label={t('common.dismiss')} onClick={() => dismiss(n.id)}>
            <span aria-hidden="true">✖️</span>
          </button>
        </div>
      ))}
    </div>
  );
}
