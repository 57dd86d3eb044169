import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearthEvent } from '../../app/use-event';
import { ReadAloud } from '../../ui/ReadAloud';

/** F15: while the child's grown-ups have not looked at a new policy (past its grace period), says so in kid words. */
export function ReconsentBanner(): ReactElement | null {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState(false);
  useHearthEvent('reconsent', (r) => setWaiting(r.waiting));
  if (!waiting) return null;
  return (
    <p className="reconsent-banner" role="status">
      <span aria-hidden="true">🧑‍🧒 </span>
      {t('kidReconsent.notice')} <ReadAloud text={t('kidReconsent.notice')} />
    </p>
  );
}
