/**
 * Chromium's breakout-box API (Electron's renderer has it); TypeScript's DOM library does not
 * declare it yet.
 */
export type MediaStreamTrackProcessorConstructor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => {
  readonly readable: ReadableStream<VideoFrame>;
};

export function trackProcessor(): MediaStreamTrackProcessorConstructor | null {
  const candidate = (globalThis as { MediaStreamTrackProcessor?: MediaStreamTrackProcessorConstructor })
    .MediaStreamTrackProcessor;
  return typeof candidate === 'function' ? candidate : null;
}
