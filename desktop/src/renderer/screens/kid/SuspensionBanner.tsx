import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../../ui/ReadAloud';

/** F16: Hearth's moderators paused this child's account; said in calm kid words, with read-aloud. */
export function SuspensionBanner(): ReactElement {
  const { t } = useTranslation();
  return (
    <p className="reconsent-banner suspension-banner" role="status" data-testid="suspension-banner">
      <span aria-hidden="true">⏸️ </span>
      {t('kidSuspension.notice')} <ReadAloud text={t('kidSuspension.notice')} />
    </p>
  );
}
