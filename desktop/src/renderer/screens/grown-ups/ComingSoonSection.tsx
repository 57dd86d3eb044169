import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

const LATER = [
  { key: 'quietHours', icon: '🌙' },
  { key: 'reports', icon: '🚩' },
  { key: 'deleteExport', icon: '🗑️' },
] as const;

/** Places kept for what comes next: quiet hours, reports, delete and export. */
export function ComingSoonSection(): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="later-title" className="pane-section">
      <h2 id="later-title">{t('pane.nav.later')}</h2>
      <ul className="later-list">
        {LATER.map((item) => (
          <li key={item.key} className="card later" data-later={item.key}>
            <h3>
              <span aria-hidden="true">{item.icon} </span>
              {t(`pane.later.${item.key}.title`)}
            </h3>
            <p>{t(`pane.later.${item.key}.text`)}</p>
            <p className="tag">{t('pane.later.soon')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
