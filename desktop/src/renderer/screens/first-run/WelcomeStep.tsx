import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, PolicyInfo } from '@hearth/common';
import { Button } from '../../ui/Button';

export type SetupPath = 'family' | 'parent';

/** First screen of all: what Hearth is and whose computer this is (the language switch is in the header). */
export function WelcomeStep({
  info,
  policy,
  onChoose,
}: Readonly<{
  info: AppInfo;
  policy: PolicyInfo | null;
  onChoose: (path: SetupPath) => void;
}>): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="lead">{t('firstRun.welcomeLead')}</p>
      <h2>{t('firstRun.whoFor')}</h2>
      <div className="choice-cards">
        <Button variant="primary" size="big" icon="🧒" onClick={() => onChoose('family')} className="choice-card">
          <span className="choice-card-title">{t('firstRun.forChildren')}</span>
          <span className="choice-card-text">{t('firstRun.forChildrenText')}</span>
        </Button>
        <Button size="big" icon="🏠" onClick={() => onChoose('parent')} className="choice-card">
          <span className="choice-card-title">{t('firstRun.forMe')}</span>
          <span className="choice-card-text">{t('firstRun.forMeText')}</span>
        </Button>
      </div>
      <p className="small-print">
        {t('firstRun.version')} <span data-testid="app-version">{info.appVersion}</span> · {t('firstRun.policyVersion')}{' '}
        <span data-testid="policy-version">{policy?.version ?? t('common.unknown')}</span>
      </p>
    </div>
  );
}
