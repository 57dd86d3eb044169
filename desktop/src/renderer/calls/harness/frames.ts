/** Tests and the benchmark only: watching a call's remote video frame by frame. */
import type { CallService } from '../call-service';

export type FrameWatch = Readonly<{
  /** Frames presented since the watch began. */
  frames: () => number;
  /** The video's currentTime now. */
  currentTime: () => number;
  /** The presented frame's size. */
  size: () => { width: number; height: number };
  stop: () => void;
}>;

/** A muted, off-screen video element playing a stream (the same way in both benchmark modes). */
function sink(stream: MediaStream): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  void video.play().catch(() => undefined);
  return video;
}

/** Resolves with `performance.now()` at the first remote video frame of the service's next call. */
export function firstFrameMs(service: CallService): Promise<number> {
  return new Promise((resolve) => {
    const off = service.subscribe(() => {
      const stream = service.view().remoteStream;
      if (!stream) return;
      off();
      const video = sink(stream);
      video.requestVideoFrameCallback(() => {
        resolve(performance.now());
        video.srcObject = null;
      });
    });
  });
}

/** Counts the frames of the remote video the call screen shows. */
export function watchFrames(service: CallService): FrameWatch {
  const stream = service.view().remoteStream;
  const el = document.querySelector<HTMLVideoElement>('[data-testid="call-remote-video"]');
  const video = el ?? (stream ? sink(stream) : null);
  let frames = 0;
  let size = { width: 0, height: 0 };
  let stopped = false;
  const onFrame = (_now: number, meta: VideoFrameCallbackMetadata): void => {
    if (stopped || !video) return;
    frames += 1;
    size = { width: meta.width, height: meta.height };
    video.requestVideoFrameCallback(onFrame);
  };
  video?.requestVideoFrameCallback(onFrame);
  return {
    frames: () => frames,
    currentTime: () => video?.currentTime ?? 0,
    size: () => size,
    stop: () => {
      stopped = true;
    },
  };
}
