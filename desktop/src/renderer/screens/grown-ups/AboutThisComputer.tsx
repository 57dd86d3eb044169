import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_KEYS, type MachinePolicyView, type PolicyKey } from '@hearth/common';

/** The note beside a setting the school or IT locked. */
export function SetByIt({ locked }: Readonly<{ locked: boolean | undefined }>): ReactElement | null {
  const { t } = useTranslation();
  return locked ? <span className="hint set-by-it">{t('pane.machinePolicy.setByIt')}</span> : null;
}

type Word = 'yes' | 'no' | 'notSet' | 'stable' | 'beta';

/** A setting's value in words: yes or no, the update channel's name, the languages' names. */
function shown(key: PolicyKey, view: MachinePolicyView, word: (w: Word) => string, language: string): string {
  const value: unknown = view.settings[key].value;
  if (value === null) return key === 'relayUrl' ? view.relayUrl : word('notSet');
  if (typeof value === 'boolean') return word(value ? 'yes' : 'no');
  if (key === 'updateChannel') return word(value === 'beta' ? 'beta' : 'stable');
  if (key === 'languages' && Array.isArray(value)) {
    const names = new Intl.DisplayNames([language], { type: 'language' });
    return value.map((code: string) => names.of(code) ?? code).join(', ');
  }
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    const w = value as { start: string; end: string };
    return `${w.start}–${w.end}`;
  }
  return String(value);
}

/**
 * "About this computer" (issue 17): the relay this PC uses, each machine-policy setting with its
 * value and where it comes from, and what the readers skipped.
 */
export function AboutThisComputer({ policy }: Readonly<{ policy: MachinePolicyView | null }>): ReactElement | null {
  const { t, i18n } = useTranslation();
  if (!policy) return null;
  const word = (w: Word): string =>
    w === 'stable' ? t('updates.channelStable') : w === 'beta' ? t('updates.channelBeta') : t(`pane.machinePolicy.${w}`);
  return (
    <section className="card" aria-labelledby="about-computer-title" data-testid="about-this-computer">
      <h3 id="about-computer-title">{t('pane.machinePolicy.title')}</h3>
      <p>{t('pane.machinePolicy.lead')}</p>
      <dl className="policy-list">
        {POLICY_KEYS.map((key) => {
          const s = policy.settings[key];
          return (
            <div key={key} data-policy-key={key} data-source={s.source}>
              <dt>{t(`pane.machinePolicy.settings.${key}`)}</dt>
              <dd>
                <span className="policy-value">{shown(key, policy, word, i18n.language)}</span>{' '}
                <span className="hint">
                  {t(`pane.machinePolicy.source.${s.source}`)}
                  {s.origin !== null && ` (${t('pane.machinePolicy.from', { origin: s.origin })})`}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
      <h4>{t('pane.machinePolicy.problems')}</h4>
      {policy.problems.length === 0 ? (
        <p>{t('pane.machinePolicy.noProblems')}</p>
      ) : (
        <ul data-testid="policy-problems">
          {policy.problems.map((p, i) => (
            <li key={i}>
              <code>{p.code}</code> {p.origin}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
