import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionStatus } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';
import { Button } from '../../ui/Button';
import { openUpdates } from './open-updates';
import './update.css';

/** Whether Hearth needs an update, as main last said (asked once, then told by `versionStatus`). */
export function useVersionStatus(): VersionStatus | null {
  const hearth = useHearth();
  const [status, setStatus] = useState<VersionStatus | null>(null);
  useEffect(() => {
    let live = true;
    void hearth.getVersionStatus().then((r) => {
      if (live && r.ok) setStatus((s) => s ?? r.value);
    });
    return () => {
      live = false;
    };
  }, [hearth]);
  useHearthEvent('versionStatus', setStatus);
  return status;
}

/**
 * "Hearth needs an update" when the relay serves only newer apps: what to do for the grown-ups,
 * kid words sending the children to a grown-up. Nothing otherwise.
 */
export function UpdateNotice({ audience }: Readonly<{ audience: 'kids' | 'grownUps' }>): ReactElement | null {
  const { t } = useTranslation();
  const status = useVersionStatus();
  if (!status?.updateNeeded) return null;
  const body =
    audience === 'kids'
      ? t('update.kids.body')
      : status.minAppVersion
        ? t('update.grownUps.body', { min: status.minAppVersion, version: status.appVersion })
        : t('update.grownUps.bodyNoMin', { version: status.appVersion });
  return (
    <section className={`update-notice update-notice-${audience}`} role="alert" data-testid="update-notice">
      <span className="update-notice-icon" aria-hidden="true">
        {audience === 'kids' ? '🧑‍🔧' : '⬆️'}
      </span>
      <div>
        <h2>{t(`update.${audience}.title`)}</h2>
        <p>{body}</p>
        {audience === 'grownUps' && (
          <Button variant="quiet" onClick={openUpdates}>
            {t('updates.fromNotice')}
          </Button>
        )}
      </div>
    </section>
  );
}
