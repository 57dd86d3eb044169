import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ExportCard } from './ExportCard';

/**
 * "More": saving a copy of a child's Hearth (issue 15), the way to the children's reports (issue 15),
 * and where deleting a child went (the pane's "Family grown-ups", issue 12). Quiet hours have their own section since issue 14.
 */
export function ComingSoonSection({
  onOpenFamily,
  onOpenReports,
}: Readonly<{ onOpenFamily: () => void; onOpenReports: () => void }>): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="later-title" className="pane-section">
      <h2 id="later-title">{t('pane.nav.later')}</h2>
      <ul className="later-list">
        <li className="card" data-moved="deleteChild">
          <h3>
            <span aria-hidden="true">🗑️ </span>
            {t('pane.later.deleteChild.title')}
          </h3>
          <p>{t('pane.later.deleteChild.text')}</p>
          <Button onClick={onOpenFamily}>{t('pane.later.deleteChild.open')}</Button>
        </li>
        <ExportCard />
        <li className="card" data-moved="reports">
          <h3>
            <span aria-hidden="true">🚩 </span>
            {t('pane.later.reports.title')}
          </h3>
          <p>{t('pane.later.reports.text')}</p>
          <Button onClick={onOpenReports}>{t('pane.reports.more')}</Button>
        </li>
      </ul>
    </section>
  );
}
