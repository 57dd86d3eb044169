import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyInfo } from '@hearth/common';
import { Button } from '../../ui/Button';

const POINTS = ['noStrangers', 'approve', 'see', 'noAds', 'delete', 'noLocation'] as const;

/** The privacy promises in plain words, the policy version, and the parent's consent for their children. */
export function PolicyStep({ policy, onAgree }: Readonly<{ policy: PolicyInfo; onAgree: () => void }>): ReactElement {
  const { t } = useTranslation();
  const [agreed, setAgreed] = useState(false);
  return (
    <div className="card stack">
      <p className="lead">{t('policy.lead')}</p>
      <ul className="promise-list">
        {POINTS.map((p) => (
          <li key={p}>
            <strong>{t(`policy.points.${p}.title`)}</strong> {t(`policy.points.${p}.text`)}
          </li>
        ))}
      </ul>
      <p>
        {t('policy.version')} <strong data-testid="consent-policy-version">{policy.version}</strong> (
        {t('policy.published', { date: policy.publishedAt })})
      </p>
      <label className="check">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        <span>{t('policy.agree', { version: policy.version })}</span>
      </label>
      <div className="form-actions">
        <Button variant="primary" size="big" disabled={!agreed} onClick={onAgree}>
          {t('common.continue')}
        </Button>
      </div>
    </div>
  );
}
