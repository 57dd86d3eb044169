import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { dayText } from './day-text';
import { ParentComputersList } from './ParentComputersList';

/** Friendly names of Node's `os.platform()`; anything else is shown as told. */
const OS_NAMES: Readonly<Record<string, string>> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

function DeviceItem({ device, thisPc, onDone }: Readonly<{ device: Device; thisPc: boolean; onDone: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const eraseId = useId();
  const [confirming, setConfirming] = useState(false);
  const [erase, setErase] = useState(false);
  const revoke = useAction(() => hearth.revokeDevice({ deviceId: device.deviceId, erase }));
  const since = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(device.enrolledAt);
  const kids = device.children.filter((c) => c.revokedAt === null).map((c) => c.displayName);
  const { info } = device;
  const system = `${OS_NAMES[info.os] ?? info.os} ${info.osVersion ?? `(${t('pane.computers.unknownVersion')})`}`;
  const lastSeen = device.lastSeen ? dayText(device.lastSeen, i18n.language) : t('pane.computers.neverSeen');
  const rows: readonly [string, string][] = [
    [t('pane.computers.system'), system],
    [t('pane.computers.app'), info.appVersion],
    [t('pane.computers.language'), info.language],
    [t('pane.computers.zone'), info.timeZone],
    [t('pane.computers.since'), since],
    [t('pane.computers.lastSeen'), lastSeen],
  ];
  return (
    <li className="card device" data-device={device.deviceId}>
      <p className="child-row-name">
        <span aria-hidden="true">💻 </span>
        {device.name} {thisPc && <span className="tag">{t('pane.devices.thisPc')}</span>}
      </p>
      <p>{kids.length > 0 ? t('pane.devices.children', { names: kids.join(', ') }) : t('pane.devices.noChildren')}</p>
      <dl className="device-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {device.revokedAt !== null ? (
        <p className="muted">{t('pane.computers.signedOut')}</p>
      ) : (
        !thisPc &&
        (confirming ? (
          <div className="stack" role="group" aria-label={t('pane.computers.signOut')}>
            <p>{t('pane.computers.confirm', { name: device.name })}</p>
            <label className="check" htmlFor={eraseId}>
              <input id={eraseId} type="checkbox" checked={erase} onChange={(e) => setErase(e.target.checked)} />
              <span>{t('pane.computers.erase')}</span>
            </label>
            {erase && <p className="muted">{t('pane.computers.eraseHint')}</p>}
            <div className="form-actions">
              <Button variant="quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button variant="danger" onClick={() => void revoke.run().then((ok) => ok && onDone())} disabled={revoke.busy}>
                {t('pane.computers.signOutYes')}
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="danger" icon="🚪" onClick={() => setConfirming(true)}>
            {t('pane.computers.signOut')}
          </Button>
        ))
      )}
      <ErrorNote error={revoke.error} />
    </li>
  );
}

/**
 * The parent's PCs (F18): who uses each, its system, Hearth version, language, time zone and the
 * day it was last seen; another PC can be signed out (and erased) from here. `version` changes: load again.
 */
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
      <ParentComputersList version={version} />
    </div>
  );
}
