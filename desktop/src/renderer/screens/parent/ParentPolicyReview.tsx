import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, Notice } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { PolicyReviewText } from '../grown-ups/PolicyReviewText';
import './parent-policy-review.css';

/**
 * Parent mode, right after the grown-up signs in (F15, issue 14 §5): when a new privacy-policy
 * version waits for their consent, what changed and the one agreement that records a consent for
 * each of their children waiting for it. "Not now" hides it until the next sign-in; the relay's
 * `reconsent-requested` notice (a relay that restarted with a new version) brings it back.
 */
export function ParentPolicyReview(): ReactElement | null {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const review = useLoad(() => hearth.getMyPolicyReview({ lang }), [lang]);
  const [hidden, setHidden] = useState(false);
  const [agreed, setAgreed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  useHearthEvent('notice', ({ notice }: { notice: Notice }) => {
    if (notice.kind !== 'reconsent-requested') return;
    setHidden(false);
    review.reload();
  });
  const value = review.value;
  if (agreed) {
    return (
      <p role="status" className="policy-changes-thanks">
        {t('pane.reconsent.thanks', { version: agreed })}
      </p>
    );
  }
  if (hidden || !value || value.children.length === 0) return null;
  const agree = async (): Promise<void> => {
    setBusy(true);
    const r = await hearth.consentToPolicyAsMe({ consent: { policyVersion: value.version, method: 'checkbox', agreed: true } });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setAgreed(value.version);
  };
  return (
    <section className="policy-changes parent-policy-review" aria-labelledby="parent-policy-review-title">
      <h2 id="parent-policy-review-title">{t('pane.reconsent.title')}</h2>
      <PolicyReviewText review={value} />
      <ErrorNote error={error} />
      <div className="parent-policy-review-actions">
        <Button variant="primary" icon="✅" onClick={() => void agree()} disabled={busy}>
          {t('pane.reconsent.agree')}
        </Button>
        <Button onClick={() => setHidden(true)}>{t('parentReview.later')}</Button>
      </div>
    </section>
  );
}
