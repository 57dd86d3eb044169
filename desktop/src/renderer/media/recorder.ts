import { MESSAGE_LIMITS } from '@hearth/common';

export type RecordingKind = 'voice' | 'video';

/** What a finished recording gives: WebM bytes and how long it lasted. */
export type Recorded = Readonly<{ blob: Blob; durationMs: number }>;

/** A recording in progress. */
export type Recording = Readonly<{
  /** The camera/microphone stream (for a live preview of a video message). */
  stream: MediaStream;
  startedAt: number;
  /** Stops and gives the recording. */
  stop: () => Promise<Recorded>;
  /** Stops and throws everything away. */
  cancel: () => void;
}>;

/** Longest recording of each kind (the shared message limits). */
export const MAX_RECORDING_MS: Readonly<Record<RecordingKind, number>> = {
  voice: MESSAGE_LIMITS.voiceMaxMs,
  video: MESSAGE_LIMITS.videoMaxMs,
};

function pickMime(kind: RecordingKind): string {
  const candidates =
    kind === 'voice'
      ? ['audio/webm;codecs=opus', 'audio/webm']
      : ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp8', 'video/webm'];
  return candidates.find((m) => MediaRecorder.isTypeSupported(m)) ?? '';
}

/**
 * Starts recording from the microphone (and camera for video) with MediaRecorder. The stream's
 * tracks stop when the recording ends, so the camera light goes off.
 */
export async function startRecording(kind: RecordingKind, onAutoStop: () => void): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia(
    kind === 'voice' ? { audio: true } : { audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 } } },
  );
  const mimeType = pickMime(kind);
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const startedAt = performance.now();
  recorder.start(250);
  const limit = setTimeout(onAutoStop, MAX_RECORDING_MS[kind]);
  const release = (): void => {
    clearTimeout(limit);
    for (const track of stream.getTracks()) track.stop();
  };
  return {
    stream,
    startedAt,
    stop: () =>
      new Promise<Recorded>((resolve) => {
        recorder.onstop = () => {
          release();
          const durationMs = Math.min(MAX_RECORDING_MS[kind], Math.max(1, Math.round(performance.now() - startedAt)));
          resolve({ blob: new Blob(chunks, { type: 'video/webm' }), durationMs });
        };
        recorder.stop();
      }),
    cancel: () => {
      recorder.onstop = null;
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}
