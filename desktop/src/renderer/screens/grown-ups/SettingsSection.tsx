import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch, UiLanguageSetting } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useSettings } from '../../app/settings-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { RelayCredentialsForm } from './RelayCredentialsForm';
import { DeleteMyAccount } from './DeleteMyAccount';
import { AboutThisComputer, SetByIt } from './AboutThisComputer';
import { offeredLanguages, useMachinePolicy } from '../../app/use-machine-policy';
import { CredentialProtectionNote, UpdatesCard } from '../update/UpdatesCard';

const LOCK_MINUTES = [1, 2, 5, 10, 15, 30] as const;

function ChangePassword(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [saved, setSaved] = useState(false);
  const change = useAction(() => hearth.changeParentPassword({ currentPassword: current, newPassword: next }));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSaved(false);
    if (await change.run()) {
      setCurrent('');
      setNext('');
      setSaved(true);
    }
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="change-password-title">
      <h3 id="change-password-title">{t('pane.settings.changePassword')}</h3>
      <Field
        label={t('pane.settings.currentPassword')}
        type="password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        autoComplete="current-password"
      />
      <Field
        label={t('pane.settings.newPassword')}
        hint={t('firstRun.paneSecretHint')}
        type="password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        autoComplete="new-password"
      />
      <ErrorNote error={change.error} context="unlock" />
      {saved && <p role="status">{t('pane.settings.passwordSaved')}</p>}
      <div className="form-actions">
        <Button type="submit" disabled={current === '' || next.length < 8 || change.busy}>
          {t('pane.settings.changePassword')}
        </Button>
      </div>
    </form>
  );
}

/** On a PC with no children and no enrollment: keep this grown-up signed in here (parent mode). */
function StartParentMode({ onStarted }: Readonly<{ onStarted: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  return (
    <RelayCredentialsForm
      label={t('pane.settings.parentMode')}
      heading={<h3>{t('pane.settings.parentMode')}</h3>}
      lead={t('pane.settings.startParentModeText')}
      submitLabel={t('pane.settings.startParentMode')}
      send={(credentials) => hearth.startParentMode(credentials)}
      onDone={onStarted}
    />
  );
}

/** This PC's settings: auto-lock, read-aloud, calls through the relay, language; the grown-ups' password; parent mode. */
export function SettingsSection({
  parentMode,
  onParentModeChanged,
}: Readonly<{ parentMode: boolean; onParentModeChanged: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const { settings, refresh } = useSettings();
  const update = useAction(async (patch: SettingsPatch) => {
    const result = await hearth.updateSettings(patch);
    refresh();
    return result;
  });
  const stop = useAction(() => hearth.stopParentMode());
  const info = useLoad(() => hearth.getAppInfo(), [parentMode]);
  const policy = useMachinePolicy();
  const offered = offeredLanguages(policy);
  const childFree = info.value !== null && !info.value.enrolled && info.value.profileCount === 0;
  return (
    <section aria-labelledby="settings-title" className="pane-section">
      <h2 id="settings-title">{t('pane.nav.computer')}</h2>
      <div className="card form">
        <div className="field">
          <label htmlFor="auto-lock">{t('pane.settings.autoLock')}</label>
          <select
            id="auto-lock"
            value={settings.autoLockMinutes}
            onChange={(e) => void update.run({ autoLockMinutes: Number(e.target.value) })}
          >
            {LOCK_MINUTES.map((m) => (
              <option key={m} value={m}>
                {t('pane.settings.minutes', { count: m })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="language">{t('common.language')}</label>
          <select
            id="language"
            value={settings.language}
            onChange={(e) => void update.run({ language: e.target.value as UiLanguageSetting })}
          >
            <option value="auto">{t('pane.settings.languageAuto')}</option>
            {offered.includes('en') && (
              <option value="en" lang="en">
                English
              </option>
            )}
            {offered.includes('es') && (
              <option value="es" lang="es">
                Español
              </option>
            )}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.readAloud}
            onChange={(e) => void update.run({ readAloud: e.target.checked })}
          />
          <span>{t('pane.settings.readAloud')}</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.relayOnlyCalls}
            disabled={policy?.settings.relayOnlyCalls.locked === true}
            onChange={(e) => void update.run({ relayOnlyCalls: e.target.checked })}
          />
          <span>{t('pane.settings.relayOnlyCalls')}</span> <SetByIt locked={policy?.settings.relayOnlyCalls.locked} />
        </label>
        {policy && (
          <p className="field" data-testid="relay-url">
            <span>{t('pane.machinePolicy.relay')}: </span>
            <output>{policy.relayUrl}</output> <SetByIt locked={policy.settings.relayUrl.locked} />
          </p>
        )}
        <ErrorNote error={update.error} />
      </div>
      <ChangePassword />
      {!parentMode && childFree && policy?.settings.parentModeAllowed.value !== false && (
        <StartParentMode onStarted={onParentModeChanged} />
      )}
      <UpdatesCard />
      <CredentialProtectionNote />
      {parentMode && (
        <div className="card">
          <h3>{t('pane.settings.parentMode')}</h3>
          <p>{t('pane.settings.parentModeText')}</p>
          <Button variant="danger" onClick={() => void stop.run().then((ok) => ok && onParentModeChanged())} disabled={stop.busy}>
            {t('pane.settings.leaveParentMode')}
          </Button>
          <ErrorNote error={stop.error} />
        </div>
      )}
      <AboutThisComputer policy={policy} />
      <DeleteMyAccount
        api={{
          preview: () => hearth.previewMyGrownUpAccountDeletion(),
          remove: (password) => hearth.deleteMyGrownUpAccount({ password }),
        }}
      />
    </section>
  );
}
