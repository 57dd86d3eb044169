import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';

function DeviceItem({ device, thisPc, onDone }: Readonly<{ device: Device; thisPc: boolean; onDone: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(() => hearth.revokeDevice({ deviceId: device.deviceId }));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(device.enrolledAt);
  const kids = device.children.filter((c) => c.revokedAt === null).map((c) => c.displayName);
  return (
    <li className="card device" data-device={device.deviceId}>
      <p className="child-row-name">
        <span aria-hidden="true">💻 </span>
        {device.name} {thisPc && <span className="tag">{t('pane.devices.thisPc')}</span>}
      </p>
      <p className="muted">
        {t('pane.devices.details', {
          os: device.info.os,
          version: device.info.appVersion,
          date,
          language: device.info.language,
          zone: device.info.timeZone,
        })}
      </p>
      <p>{kids.length > 0 ? t('pane.devices.children', { names: kids.join(', ') }) : t('pane.devices.noChildren')}</p>
      {device.revokedAt !== null ? (
        <p className="muted">{t('pane.devices.revoked')}</p>
      ) : (
        !thisPc &&
        (confirming ? (
          <div className="form-actions">
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void revoke.run().then((ok) => ok && onDone())} disabled={revoke.busy}>
              {t('pane.devices.revokeYes')}
            </Button>
          </div>
        ) : (
          <Button variant="danger" icon="🚫" onClick={() => setConfirming(true)}>
            {t('pane.devices.revoke')}
          </Button>
        ))
      )}
      <ErrorNote error={revoke.error} />
    </li>
  );
}

/** The parent's enrolled PCs; another PC can be taken off Hearth from here. `version` changes: load again. */
export function DevicesList({ version }: Readonly<{ version: number }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const devices = useLoad(() => hearth.listDevices(), [version]);
  const info = useLoad(() => hearth.getAppInfo(), []);
  return (
    <div className="devices">
      <h3>{t('pane.devices.title')}</h3>
      <ErrorNote error={devices.error} />
      {devices.value?.devices.length === 0 && <p>{t('pane.devices.none')}</p>}
      <ul className="child-rows">
        {devices.value?.devices.map((d) => (
          <DeviceItem key={d.deviceId} device={d} thisPc={d.deviceId === info.value?.deviceId} onDone={devices.reload} />
        ))}
      </ul>
    </div>
  );
}
