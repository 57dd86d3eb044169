/**
 * The camera and microphone of calls: which ones the child chose (remembered on this PC), opening
 * them for a call with the effects hook applied, and switching them or the effect mid-call.
 */
import type { MediaConnection } from 'peerjs';
import { createCallMedia, type CallMedia } from './call-media';
import type { VideoProcessor } from './call-types';
import {
  listDevices,
  openCallMedia,
  openTrack,
  type DeviceChoice,
  type DeviceList,
  type MediaAccess,
  type OpenedMedia,
} from './media';

const CAMERA_KEY = 'hearth.calls.cameraId';
const MIC_KEY = 'hearth.calls.micId';

/** A call's microphone and camera on their way, and the effects hook getting ready beside them. */
export type OpenedForCall = Readonly<{ opening: Promise<OpenedMedia>; preparing: Promise<void> }>;

/** The current call's media, where there is one. */
export type InCall = Readonly<{ local: CallMedia | null; media: MediaConnection | null }>;

export type CallDevicesDeps = Readonly<{
  media: MediaAccess;
  /** Where the chosen camera and microphone are remembered (null: nowhere). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  inCall: () => InCall | null;
  problem: (message: string, details?: unknown) => void;
}>;

export type CallDevices = Readonly<{
  choice: () => DeviceChoice;
  /**
   * Starts opening the chosen microphone (and camera when `video`), the effects hook getting ready
   * beside it (`preparing`: already under way, from {@link CallDevices.prepare}).
   */
  open: (video: boolean, preparing?: Promise<void>) => OpenedForCall;
  /** Gets the effects hook ready (its background choice read) without opening anything. */
  prepare: () => Promise<void>;
  /** A call's media from the opened stream, with the effects hook applied. */
  wrap: (stream: MediaStream) => Promise<CallMedia>;
  list: () => Promise<DeviceList>;
  chooseCamera: (deviceId: string | null) => Promise<void>;
  chooseMicrophone: (deviceId: string | null) => Promise<void>;
  /** The effects hook: what turns the camera into the sent video (null: the camera itself). */
  setProcessor: (processor: VideoProcessor | null) => Promise<void>;
}>;

export function createCallDevices(deps: CallDevicesDeps): CallDevices {
  let cameraId = deps.storage?.getItem(CAMERA_KEY) ?? null;
  let micId = deps.storage?.getItem(MIC_KEY) ?? null;
  let processor: VideoProcessor | null = null;

  // Never fails the call: it goes on with the camera itself.
  const prepare = (): Promise<void> =>
    processor?.prepare?.().catch((err: unknown) => deps.problem('the video effect could not get ready', err)) ??
    Promise.resolve();

  return Object.freeze({
    choice: () => ({ cameraId, micId }),
    open: (video: boolean, preparing?: Promise<void>): OpenedForCall => ({
      opening: openCallMedia(deps.media, video, { cameraId, micId }),
      preparing: preparing ?? prepare(),
    }),
    prepare,
    wrap: (stream: MediaStream) => createCallMedia(stream, processor, deps.problem),
    list: () => listDevices(deps.media),
    async chooseCamera(deviceId: string | null): Promise<void> {
      cameraId = deviceId;
      if (deviceId) deps.storage?.setItem(CAMERA_KEY, deviceId);
      const local = deps.inCall()?.local;
      if (local?.hasVideo)
        await local.replaceCamera(await openTrack(deps.media, 'video', deviceId), deps.inCall()?.media ?? null);
    },
    async chooseMicrophone(deviceId: string | null): Promise<void> {
      micId = deviceId;
      if (deviceId) deps.storage?.setItem(MIC_KEY, deviceId);
      const local = deps.inCall()?.local;
      if (local) await local.replaceMicrophone(await openTrack(deps.media, 'audio', deviceId), deps.inCall()?.media ?? null);
    },
    async setProcessor(next: VideoProcessor | null): Promise<void> {
      processor = next;
      const c = deps.inCall();
      if (c?.local) await c.local.setProcessor(next, c.media);
    },
  });
}
