/**
 * Our side's media in one call: the microphone, the camera, and the video actually sent (the
 * camera itself, or what the effects hook made of it). Switching the camera, the microphone or
 * the effect swaps the track on the connection's sender, without renegotiating.
 */
import type { MediaConnection } from 'peerjs';
import type { ProcessedVideo, VideoProcessor } from './call-types';

export type CallMedia = Readonly<{
  /** What goes into `peer.call` / `answer`: the microphone and the sent video. */
  readonly sent: MediaStream;
  /** The sent video alone, for the self view (null in an audio call). */
  readonly preview: MediaStream | null;
  readonly hasVideo: boolean;
  setMuted: (muted: boolean) => void;
  setCameraOff: (off: boolean) => void;
  replaceCamera: (camera: MediaStreamTrack, connection: MediaConnection | null) => Promise<void>;
  replaceMicrophone: (mic: MediaStreamTrack, connection: MediaConnection | null) => Promise<void>;
  setProcessor: (processor: VideoProcessor | null, connection: MediaConnection | null) => Promise<void>;
  /** Stops every track (the camera light goes off). */
  stop: () => void;
}>;

/** The sender of a kind on a connection, found by its transceiver (its track may be a replacement). */
export function senderOf(connection: MediaConnection | null, kind: 'audio' | 'video'): RTCRtpSender | null {
  const pc = connection?.peerConnection;
  if (!pc) return null;
  const t = pc.getTransceivers().find((x) => x.sender.track?.kind === kind || x.receiver.track.kind === kind);
  return t?.sender ?? null;
}

/**
 * The friend's voice over a lossy path (issue 18): audio goes with redundancy (RED, RFC 2198: each
 * packet also carries the one before it, so a packet lost now and then costs nothing heard). Each
 * side sends the codec the other side's description lists first, so both put RED first:
 * - the caller in its offer. PeerJS makes that offer inside `peer.call`, before any transceiver
 *   could take a codec preference, so it goes through PeerJS's own `sdpTransform` (`redFirst`);
 * - then (`preferRedundantAudio`) the audio transceiver itself, for the descriptions made later:
 *   the callee's answer (set before PeerJS makes it, a task after `answer`), and either side's
 *   ICE restart.
 * Where this browser has no RED, or the other side did not offer it, audio goes as plain Opus.
 */
export function preferRedundantAudio(connection: MediaConnection | null): void {
  const pc = connection?.peerConnection;
  const codecs = typeof RTCRtpReceiver === 'undefined' ? undefined : RTCRtpReceiver.getCapabilities?.('audio')?.codecs;
  if (!pc || !codecs?.some(isRed)) return;
  const ordered = [...codecs.filter(isRed), ...codecs.filter((c) => !isRed(c))];
  for (const t of pc.getTransceivers()) {
    if (t.sender.track?.kind !== 'audio' && t.receiver.track.kind !== 'audio') continue;
    try {
      t.setCodecPreferences(ordered);
    } catch {
      // A preference is never worth a call: the audio then goes as the descriptions say.
    }
  }
}

const isRed = (c: RTCRtpCodec): boolean => c.mimeType.toLowerCase() === 'audio/red';

/** An SDP with the audio section's RED payload types moved to the front of its format list. */
export function redFirst(sdp: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  let mLine = -1;
  const red = new Set<string>();
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line.startsWith('m=')) {
      // The end of a section: if it was the audio one, its RED types go first.
      if (mLine >= 0 && red.size > 0) {
        const [m, port, proto, ...formats] = lines[mLine]!.split(' ');
        const first = formats.filter((f) => red.has(f));
        lines[mLine] = [m, port, proto, ...first, ...formats.filter((f) => !red.has(f))].join(' ');
      }
      mLine = line?.startsWith('m=audio ') ? i : -1;
      red.clear();
      continue;
    }
    const map = mLine >= 0 ? /^a=rtpmap:(\d+) red\//i.exec(line) : null;
    if (map) red.add(map[1]!);
  }
  return lines.join(eol);
}

export async function createCallMedia(
  stream: MediaStream,
  initialProcessor: VideoProcessor | null,
  problem: (message: string, details?: unknown) => void,
): Promise<CallMedia> {
  let mic = stream.getAudioTracks()[0] ?? null;
  let camera = stream.getVideoTracks()[0] ?? null;
  let processed: ProcessedVideo | null = null;
  /** Re-applied to a new camera after a switch. */
  let currentProcessor = initialProcessor;
  let muted = false;
  let cameraOff = false;
  let stopped = false;
  let preview: MediaStream | null = null;
  const sent = new MediaStream(mic ? [mic] : []);

  const outgoing = (): MediaStreamTrack | null => processed?.track ?? camera;

  /** Runs the processor on the camera; the raw camera is sent only when there is no processor. */
  const process = async (p: VideoProcessor | null): Promise<void> => {
    const before = processed;
    processed = null;
    if (p && camera) {
      try {
        processed = await p(camera);
      } catch (err) {
        problem('the video effect could not start; sending the camera', err);
      }
    }
    before?.stop();
  };

  const swapSent = (old: MediaStreamTrack | null, next: MediaStreamTrack | null): void => {
    if (old && old !== next) sent.removeTrack(old);
    if (next && !sent.getTracks().includes(next)) sent.addTrack(next);
  };

  const resend = async (connection: MediaConnection | null, old: MediaStreamTrack | null): Promise<void> => {
    const track = outgoing();
    if (track) track.enabled = !cameraOff;
    swapSent(old, track);
    preview = track ? new MediaStream([track]) : null;
    const sender = senderOf(connection, 'video');
    if (sender && sender.track !== track) await sender.replaceTrack(track);
  };

  await process(initialProcessor);
  await resend(null, null);

  return {
    sent,
    get preview() {
      return preview;
    },
    hasVideo: camera !== null,
    setMuted(next: boolean): void {
      muted = next;
      if (mic) mic.enabled = !next;
    },
    setCameraOff(next: boolean): void {
      cameraOff = next;
      const track = outgoing();
      if (track) track.enabled = !next;
    },
    async replaceCamera(next: MediaStreamTrack, connection: MediaConnection | null): Promise<void> {
      if (stopped) return next.stop();
      const old = outgoing();
      const oldCamera = camera;
      camera = next;
      await process(currentProcessor);
      await resend(connection, old);
      oldCamera?.stop();
    },
    async replaceMicrophone(next: MediaStreamTrack, connection: MediaConnection | null): Promise<void> {
      if (stopped) return next.stop();
      const old = mic;
      mic = next;
      next.enabled = !muted;
      swapSent(old, next);
      const sender = senderOf(connection, 'audio');
      if (sender) await sender.replaceTrack(next);
      old?.stop();
    },
    async setProcessor(p: VideoProcessor | null, connection: MediaConnection | null): Promise<void> {
      currentProcessor = p;
      if (stopped || !camera) return;
      const old = outgoing();
      await process(p);
      await resend(connection, old);
    },
    stop(): void {
      stopped = true;
      processed?.stop();
      processed = null;
      mic?.stop();
      camera?.stop();
    },
  };
}
