import { useEffect, useState, type ReactElement } from 'react';
import { useCallService, useCallView } from './calls-context';
import type { DeviceList } from './media';
import { useCallsTranslation } from './use-calls-translation';

/** Which camera and microphone the call uses (the choice is remembered on this PC). */
export function DevicePicker({ video }: Readonly<{ video: boolean }>): ReactElement {
  const { t } = useCallsTranslation();
  const service = useCallService();
  const view = useCallView();
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
      {video && (
        <label>
          {t('camera')}
          <select
            data-testid="call-camera-select"
            value={view.cameraId ?? ''}
            onChange={(e) => void service.chooseCamera(e.target.value || null)}
          >
            <option value="">{t('defaultDevice')}</option>
            {devices.cameras.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('microphone')}
        <select
          data-testid="call-mic-select"
          value={view.micId ?? ''}
          onChange={(e) => void service.chooseMicrophone(e.target.value || null)}
        >
          <option value="">{t('defaultDevice')}</option>
          {devices.microphones.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
