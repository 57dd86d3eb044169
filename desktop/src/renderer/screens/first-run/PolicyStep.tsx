import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyInfo } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { PolicyText } from './PolicyText';

const POINTS = ['noStrangers', 'approve', 'see', 'noAds', 'shortKeep', 'noLocation'] as const;

/**
 * The privacy promises in plain words, the relay's policy itself (in the language on screen), its
 * version, and the parent's consent for their children.
 */
export function PolicyStep({ policy, onAgree }: Readonly<{ policy: PolicyInfo; onAgree: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const full = useLoad(() => hearth.getPolicy({ lang }), [lang]);
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
      <p className="muted">{t('policy.notYet')}</p>
      <h2 className="policy-title">{t('policy.fullTitle')}</h2>
      {full.value ? <PolicyText text={full.value.text} label={t('policy.fullTitle')} /> : <ErrorNote error={full.error} />}
      <p>
        {t('policy.version')} <strong data-testid="consent-policy-version">{policy.version}</strong> (
        {t('policy.published', { date: policy.publishedAt })})
      </p>
      <label className="check">
        <input type="checkbox" checked={agreed} disabled={!full.value} onChange={(e) => setAgreed(e.target.checked)} />
        <span>{t('policy.agree', { version: policy.version })}</span>
      </label>
      <div className="form-actions">
        <Button variant="primary" size="big" disabled={!agreed || !full.value} onClick={onAgree}>
          {t('common.continue')}
        </Button>
      </div>
    </div>
  );
}
