import { useEffect, useState, type ReactElement } from 'react';
import { useCallService, useCallView } from './calls-context';
import type { DeviceList, MediaDevice } from './media';
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
        <DeviceSelect
          label={t('camera')}
          testId="call-camera-select"
          chosen={view.cameraId}
          devices={devices.cameras}
          choose={(id) => void service.chooseCamera(id)}
        />
      )}
      <DeviceSelect
        label={t('microphone')}
        testId="call-mic-select"
        chosen={view.micId}
        devices={devices.microphones}
        choose={(id) => void service.chooseMicrophone(id)}
      />
    </fieldset>
  );
}

/** One kind of device to choose, the system's default first (chosen as null). */
function DeviceSelect({
  label,
  testId,
  chosen,
  devices,
  choose,
}: Readonly<{
  label: string;
  testId: string;
  chosen: string | null | undefined;
  devices: readonly MediaDevice[];
  choose: (deviceId: string | null) => void;
}>): ReactElement {
  const { t } = useCallsTranslation();
  return (
    <label>
      {label}
      <select data-testid={testId} value={chosen ?? ''} onChange={(e) => choose(e.target.value || null)}>
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
