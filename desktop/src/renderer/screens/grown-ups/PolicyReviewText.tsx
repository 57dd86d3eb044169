import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyReview } from '@hearth/common';

/**
 * A new policy version told to a guardian (F15): what changed, which children the one agreement
 * covers and how long the grace period lasts. Shared by the pane's card and parent mode's.
 */
export function PolicyReviewText({ review }: Readonly<{ review: PolicyReview }>): ReactElement {
  const { t, i18n } = useTranslation();
  const date = (ms: number): string => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(ms));
  return (
    <>
      <p>{t('pane.reconsent.intro')}</p>
      <h3>{t('pane.reconsent.whatChanged', { version: review.version })}</h3>
      <p className="policy-changes-text" style={{ whiteSpace: 'pre-wrap' }}>
        {review.changes}
      </p>
      <p>{t('pane.reconsent.forChildren', { names: review.children.map((c) => c.displayName).join(', ') })}</p>
      <p>
        {review.graceEndsAt > Date.now()
          ? t('pane.reconsent.graceEnds', { date: date(review.graceEndsAt) })
          : t('pane.reconsent.graceOver')}
      </p>
    </>
  );
}
