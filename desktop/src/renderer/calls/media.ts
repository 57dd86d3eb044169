/**
 * The camera and microphone for a call: opening them with the child's chosen devices (falling
 * back to the default one when a chosen device is gone), and listing what the PC has.
 */

/** The few `navigator.mediaDevices` functions calls use (tests pass fakes). */
export type MediaAccess = Readonly<{
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  enumerateDevices: () => Promise<MediaDeviceInfo[]>;
}>;

export type DeviceChoice = Readonly<{ cameraId: string | null; micId: string | null }>;

export type MediaDevice = Readonly<{ deviceId: string; label: string }>;
export type DeviceList = Readonly<{ cameras: MediaDevice[]; microphones: MediaDevice[] }>;

/** Why a call could not use the camera or microphone. */
export type MediaProblem = 'camera-unavailable' | 'microphone-unavailable';

export type OpenedMedia = Readonly<{ stream: MediaStream; problem: MediaProblem | null }>;

/** The browser's devices, or a stand-in where there are none (never throws at import). */
export function browserMedia(): MediaAccess {
  return {
    getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c),
    enumerateDevices: () => navigator.mediaDevices.enumerateDevices(),
  };
}

const VIDEO_SHAPE = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } } as const;

/** The chosen camera; the browser's defaults (640×480 at 30 fps) otherwise. */
export function videoConstraints(cameraId: string | null): MediaTrackConstraints | true {
  return cameraId ? { ...VIDEO_SHAPE, deviceId: { exact: cameraId } } : true;
}

/** The chosen microphone; the default one otherwise (echo cancellation and noise suppression are on by default). */
export function audioConstraints(micId: string | null): MediaTrackConstraints | true {
  return micId ? { echoCancellation: true, noiseSuppression: true, autoGainControl: true, deviceId: { exact: micId } } : true;
}

const isGone = (err: unknown): boolean =>
  err instanceof DOMException && (err.name === 'OverconstrainedError' || err.name === 'NotFoundError');

/** One track of a kind with the chosen device, else the default device. */
export async function openTrack(media: MediaAccess, kind: 'video' | 'audio', deviceId: string | null): Promise<MediaStreamTrack> {
  const ask = (id: string | null): MediaStreamConstraints =>
    kind === 'video' ? { video: videoConstraints(id) } : { audio: audioConstraints(id) };
  let stream: MediaStream;
  try {
    stream = await media.getUserMedia(ask(deviceId));
  } catch (err) {
    if (deviceId === null || !isGone(err)) throw err;
    stream = await media.getUserMedia(ask(null));
  }
  const track = kind === 'video' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
  if (!track) throw new DOMException(`no ${kind} track`, 'NotFoundError');
  return track;
}

/**
 * Microphone (always) and camera (for video calls). A camera that cannot open turns the call
 * into an audio call with a problem to show; a microphone that cannot open fails the call.
 */
export async function openCallMedia(media: MediaAccess, video: boolean, choice: DeviceChoice): Promise<OpenedMedia> {
  // One request for both is quickest; a missing or busy device is sorted out below, one at a time.
  try {
    const stream = await media.getUserMedia({
      audio: audioConstraints(choice.micId),
      ...(video ? { video: videoConstraints(choice.cameraId) } : {}),
    });
    if (stream.getAudioTracks().length === 1 && stream.getVideoTracks().length === (video ? 1 : 0))
      return { stream, problem: null };
    for (const t of stream.getTracks()) t.stop();
  } catch {
    // Fall through to asking for each device on its own.
  }
  const [audio, camera] = await Promise.allSettled([
    openTrack(media, 'audio', choice.micId),
    video ? openTrack(media, 'video', choice.cameraId) : Promise.resolve(null),
  ]);
  if (audio.status === 'rejected') {
    if (camera.status === 'fulfilled') camera.value?.stop();
    throw Object.assign(new Error('microphone unavailable'), { problem: 'microphone-unavailable' as MediaProblem });
  }
  const tracks = [audio.value];
  let problem: MediaProblem | null = null;
  if (camera.status === 'fulfilled' && camera.value) tracks.push(camera.value);
  else if (video) problem = 'camera-unavailable';
  return { stream: new MediaStream(tracks), problem };
}

/** Cameras and microphones, labelled (labels are empty until the first permission grant). */
export async function listDevices(media: MediaAccess): Promise<DeviceList> {
  const all = await media.enumerateDevices();
  const pick = (kind: MediaDeviceKind, fallback: string): MediaDevice[] =>
    all
      .filter((d) => d.kind === kind && d.deviceId !== '')
      .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
  return { cameras: pick('videoinput', 'Camera'), microphones: pick('audioinput', 'Microphone') };
}
