import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentHistory, ErrorBody } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { PolicyReviewText } from './PolicyReviewText';

/**
 * Re-consent (F15), at the top of the pane once a grown-up is signed in: a new policy's "what
 * changed" and the one agreement that covers every child waiting for it; then each child's
 * consent history (which version, who, when).
 */
export function PolicyChangesCard(): ReactElement | null {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const review = useLoad(() => hearth.getPolicyReview({ lang }), [lang]);
  const [agreed, setAgreed] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const value = review.value;
  return (
    <>
      {value && value.children.length > 0 && (
        <section className="policy-changes" aria-labelledby="policy-changes-title">
          <h2 id="policy-changes-title">{t('pane.reconsent.title')}</h2>
          <PolicyReviewText review={value} />
          <ErrorNote error={error} />
          <Button
            variant="primary"
            icon="✅"
            onClick={() =>
              void hearth
                .consentToPolicy({ consent: { policyVersion: value.version, method: 'checkbox', agreed: true } })
                .then((r) => {
                  if (!r.ok) return setError(r.error);
                  setError(null);
                  setAgreed(value.version);
                  review.reload();
                })
            }
          >
            {t('pane.reconsent.agree')}
          </Button>
        </section>
      )}
      {agreed && (
        <p role="status" className="policy-changes-thanks">
          {t('pane.reconsent.thanks', { version: agreed })}
        </p>
      )}
      <ConsentHistorySection key={agreed ?? 'before'} />
    </>
  );
}

/** Each child's consent records, newest first. */
function ConsentHistorySection(): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const children = useLoad(() => hearth.listChildren({}), []);
  const list = children.value?.children ?? [];
  if (list.length === 0) return null;
  return (
    <section className="card stack consent-history" aria-labelledby="consent-history-title">
      <h2 id="consent-history-title">{t('pane.reconsent.historyTitle')}</h2>
      {list.map((c) => (
        <ChildConsentHistory key={c.child.childId} childId={c.child.childId} name={c.child.displayName} />
      ))}
    </section>
  );
}

function ChildConsentHistory({ childId, name }: Readonly<{ childId: string; name: string }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const history = useLoad<ConsentHistory>(
    () => hearth.getConsentHistory({ childId: childId as ConsentHistory['childId'] }),
    [childId],
  );
  const when = (ms: number): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  const entries = history.value?.entries ?? [];
  return (
    <table className="consent-history-table">
      <caption>{t('pane.reconsent.historyFor', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pane.reconsent.historyColumns.version')}</th>
          <th scope="col">{t('pane.reconsent.historyColumns.who')}</th>
          <th scope="col">{t('pane.reconsent.historyColumns.when')}</th>
          <th scope="col">{t('pane.reconsent.historyColumns.state')}</th>
        </tr>
      </thead>
      <tbody>
        {history.value && entries.length === 0 && (
          <tr>
            <td colSpan={4}>{t('pane.reconsent.none')}</td>
          </tr>
        )}
        {entries.map((e) => (
          <tr key={e.consentId}>
            <td>{e.policyVersion}</td>
            <td>{e.displayName}</td>
            <td>{when(e.givenAt)}</td>
            <td>
              {e.withdrawnAt === null ? t('pane.reconsent.given') : t('pane.reconsent.withdrawn', { date: when(e.withdrawnAt) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
