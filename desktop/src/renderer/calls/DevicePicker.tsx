import { useEffect, useState, type ReactElement } from 'react';
import { useCallService, useCallView } from './calls-context';
import type { DeviceList, MediaDevice } from './media';
import { useCallsTranslation } from './use-calls-translation';

/** Which camera and microphone the call uses (the choice is remembered on this PC). */
export function DevicePicker({ video }: Readonly<{ video: boolean }>): ReactElement {
  const { t } = useCallsTranslation();
  const service = useCallService();
  const [devices, setDevices] = useState<DeviceList>({ cameras: [], microphones: [] });
  useEffect(() => {
    let live = true;
    const load = (): void =>
      void service.listDevices().then(
        (d) => live && setDevices(d),
        () => undefined,
      );
    load();
    navigator.mediaDevices?.addEventListener?.('devicechange', load);
    return () => {
      live = false;
      navigator.mediaDevices?.removeEventListener?.('devicechange', load);
    };
  }, [service]);
  return (
    <fieldset className="call-devices" data-testid="call-devices">
      <legend>{t('devices')}</legend>
      {video && <DeviceSelect kind="camera" devices={devices.cameras} />}
      <DeviceSelect kind="microphone" devices={devices.microphones} />
    </fieldset>
  );
}

/** One kind of device to choose, the system's default first (chosen as null). */
function DeviceSelect({
  kind,
  devices,
}: Readonly<{ kind: 'camera' | 'microphone'; devices: readonly MediaDevice[] }>): ReactElement {
  const { t } = useCallsTranslation();
  const service = useCallService();
  const view = useCallView();
  const camera = kind === 'camera';
  const choose = (id: string | null): void => void (camera ? service.chooseCamera(id) : service.chooseMicrophone(id));
  return (
    <label>
      {t(kind)}
      <select
        data-testid={camera ? 'call-camera-select' : 'call-mic-select'}
        value={(camera ? view.cameraId : view.micId) ?? ''}
        onChange={(e) => choose(e.target.value || null)}
      >
        <option value="">{t('defaultDevice')}</option>
        {devices.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}
