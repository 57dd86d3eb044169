import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CredentialProtection, UpdateStatus } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';

/** The card's id, so that "Hearth needs an update" can link to it. */
export const UPDATES_CARD_ID = 'updates-card'; // open-updates.ts scrolls to it

function Locked({ on }: Readonly<{ on: boolean }>): ReactElement | null {
  const { t } = useTranslation();
  return on ? <span className="policy-locked"> 🔒 {t('updates.lockedByIt')}</span> : null;
}

/** What the status says, in words: the version ready, up to date, or the problem. */
function StatusLine({ s }: Readonly<{ s: UpdateStatus }>): ReactElement | null {
  const { t } = useTranslation();
  if (s.problem) return <p role="status">{t(`updates.problems.${s.problem}`)}</p>;
  if (s.state === 'checking') return <p role="status">{t('updates.checking')}</p>;
  if (s.state === 'up-to-date') return <p role="status">{t('updates.upToDate', { current: s.currentVersion })}</p>;
  if (s.installType === 'unpackaged' && !s.available) return <p data-testid="updates-not-packaged">{t('updates.notPackaged')}</p>;
  return null;
}

/**
 * Updates in the grown-ups' pane (issue 17 §3): "A new version is ready" with "Install now" and
 * "Later" where Hearth installs; where IT or the system installs, only that a version is ready.
 */
export function UpdatesCard(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const loaded = useLoad(() => hearth.getUpdateStatus(), [hearth]);
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => setStatus(loaded.value), [loaded.value]);
  const act = useAction((call: () => ReturnType<typeof hearth.getUpdateStatus>) => call());
  const run = (call: () => ReturnType<typeof hearth.getUpdateStatus>): void => {
    void act.run(call).then((s) => s && setStatus(s));
  };
  const s = status;
  if (!s) return <div className="card" id={UPDATES_CARD_ID} />;
  const ready = s.available && (s.state === 'available' || s.state === 'ready' || s.state === 'downloading');
  return (
    <div className="card" id={UPDATES_CARD_ID} data-testid="updates-card" role="group" aria-labelledby="updates-title">
      <h3 id="updates-title">{t('updates.title')}</h3>
      {ready && s.available && (
        <div role="status" data-testid="update-ready">
          <strong>{t('updates.ready')}</strong>
          <p>
            {s.postponed
              ? t('updates.waiting', { version: s.available.version })
              : t('updates.readyBody', { version: s.available.version, current: s.currentVersion })}
          </p>
          {s.installedBy === 'app' ? (
            <div className="form-actions">
              <Button variant="primary" onClick={() => run(() => hearth.installUpdateNow())} disabled={act.busy}>
                {t('updates.installNow')}
              </Button>
              {!s.postponed && (
                <Button onClick={() => run(() => hearth.postponeUpdate())} disabled={act.busy}>
                  {t('updates.later')}
                </Button>
              )}
            </div>
          ) : (
            <p>{t(s.installedBy === 'it' ? 'updates.itInstalls' : 'updates.notPackaged')}</p>
          )}
        </div>
      )}
      <StatusLine s={s} />
      <p>
        {t('updates.channel', { channel: t(s.channel === 'beta' ? 'updates.channelBeta' : 'updates.channelStable') })}
        <Locked on={s.channelLocked} />
      </p>
      {s.installedBy === 'app' && (
        <p>
          {t(s.autoInstall ? 'updates.autoOn' : 'updates.autoOff')}
          <Locked on={s.autoInstallLocked} />
        </p>
      )}
      <div className="form-actions">
        <Button onClick={() => run(() => hearth.checkForUpdates())} disabled={act.busy || s.state === 'checking'}>
          {t('updates.checkNow')}
        </Button>
      </div>
      <ErrorNote error={act.error ?? loaded.error} />
    </div>
  );
}

/** "About this computer": how device credentials are kept (issue 17 §4), basic_text said plainly. */
export function CredentialProtectionNote(): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const loaded = useLoad(() => hearth.getCredentialProtection(), [hearth]);
  const c: CredentialProtection | null = loaded.value;
  if (!c) return null;
  const text = c.refused ? t('credentials.refused') : t(`credentials.${c.protection}`, { backend: c.backend });
  return (
    <div className="card" data-testid="credential-protection" data-protection={c.protection}>
      <h3>{t('credentials.title')}</h3>
      <p role={c.protection === 'encrypted' ? undefined : 'note'}>{text}</p>
    </div>
  );
}
