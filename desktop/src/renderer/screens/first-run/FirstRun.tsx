import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ErrorBody, PolicyInfo, UiLanguage } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Screen } from '../../ui/Screen';
import { AccountStep, type Credentials } from './AccountStep';
import { ChildrenStep, type PickedChild } from './ChildrenStep';
import { EnrollStep } from './EnrollStep';
import { PasswordStep } from './PasswordStep';
import { PolicyStep } from './PolicyStep';
import { WelcomeStep, type SetupPath } from './WelcomeStep';

type Step = 'welcome' | 'account' | 'policy' | 'children' | 'enroll' | 'password' | 'done';

const STEPS: Readonly<Record<SetupPath, readonly Step[]>> = {
  family: ['welcome', 'account', 'policy', 'children', 'enroll', 'password', 'done'],
  parent: ['welcome', 'account', 'password', 'done'],
};

export type FirstRunProps = Readonly<{
  info: AppInfo;
  policy: PolicyInfo | null;
  /** The language switch, on every step until the grown-ups' password is saved. */
  onLanguage: (language: UiLanguage) => void;
  /** First run is over: show the profile picker (or, in parent mode, the parent's home). */
  onFinished: () => void;
}>;

/** First run, for a parent: account, policy and consent, children, this PC, the grown-ups' password. */
export function FirstRun({ info, policy, onLanguage, onFinished }: FirstRunProps): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [path, setPath] = useState<SetupPath>('family');
  const [step, setStep] = useState<Step>('welcome');
  const [children, setChildren] = useState<readonly PickedChild[]>([]);
  // The relay password stays in this component only until parent mode has its own session.
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [finishError, setFinishError] = useState<ErrorBody | null>(null);

  const steps = STEPS[path];
  const position = steps.indexOf(step);
  const go = (next: Step): void => setStep(next);
  const back =
    position > 0 && step !== 'done' && step !== 'password' && step !== 'enroll'
      ? () => go(steps[position - 1] ?? 'welcome')
      : undefined;

  const afterPassword = async (): Promise<void> => {
    if (path === 'parent' && credentials) {
      setFinishError(null);
      const started = await hearth.startParentMode(credentials);
      if (!started.ok) {
        setFinishError(started.error);
        return;
      }
      setCredentials(null);
      await hearth.selectProfile({ childId: started.value.childId });
    }
    go('done');
  };

  const finish = async (): Promise<void> => {
    // Children get the PC with the pane locked; a parent in parent mode goes straight to their messages.
    if (path === 'family') await hearth.lock();
    onFinished();
  };

  const body = ((): ReactElement => {
    switch (step) {
      case 'welcome':
        return (
          <WelcomeStep
            info={info}
            policy={policy}
            onChoose={(p) => {
              setPath(p);
              go('account');
            }}
          />
        );
      case 'account':
        return (
          <AccountStep
            onDone={(_account, creds) => {
              if (path === 'parent') setCredentials(creds);
              go(path === 'family' ? 'policy' : 'password');
            }}
          />
        );
      case 'policy':
        return policy ? (
          <PolicyStep policy={policy} onAgree={() => go('children')} />
        ) : (
          <ErrorNote error={{ code: 'UNAVAILABLE', message: '' }} />
        );
      case 'children':
        return (
          <ChildrenStep
            policyVersion={policy?.version ?? ''}
            onNext={(picked) => {
              setChildren(picked);
              go('enroll');
            }}
          />
        );
      case 'enroll':
        return <EnrollStep children={children} onDone={() => go('password')} />;
      case 'password':
        // The password is saved before parent mode starts: a retry only starts parent mode again.
        return finishError ? (
          <div className="card stack">
            <ErrorNote error={finishError} context="account" />
            <Button variant="primary" onClick={() => void afterPassword()}>
              {t('firstRun.tryAgain')}
            </Button>
          </div>
        ) : (
          <PasswordStep onDone={afterPassword} />
        );
      case 'done':
        return (
          <div className="card stack done-card">
            <p className="big-emoji" aria-hidden="true">
              🎉
            </p>
            <p className="lead">{path === 'family' ? t('firstRun.doneFamily') : t('firstRun.doneParent')}</p>
            <div className="form-actions">
              <Button variant="primary" size="big" onClick={() => void finish()}>
                {path === 'family' ? t('firstRun.startFamily') : t('firstRun.startParent')}
              </Button>
            </div>
          </div>
        );
      default: {
        const never: never = step;
        throw new Error(`unknown step ${String(never)}`);
      }
    }
  })();

  // Until the password is saved Hearth is not set up, so the switch may still change this PC's language.
  const languageSwitch = step === 'done' ? {} : { actions: <LanguageSwitch onChange={onLanguage} /> };
  return (
    <Screen
      name={`first-run-${step}`}
      tone="setup"
      title={t(`firstRun.titles.${step}`)}
      {...languageSwitch}
      {...(back ? { onBack: back } : {})}
    >
      {step !== 'welcome' && (
        <p className="stepper">
          {steps.map((s, i) => (
            <span key={s} className={`stepper-dot${i <= position ? ' stepper-dot-on' : ''}`} aria-hidden="true" />
          ))}
          <span className="stepper-text">{t('firstRun.progress', { step: position + 1, total: steps.length })}</span>
        </p>
      )}
      {body}
    </Screen>
  );
}
