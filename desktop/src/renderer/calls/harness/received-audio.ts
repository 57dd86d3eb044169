/**
 * Tests and the benchmark only: the audio a call receives, from the stats of the peer connections
 * this page makes (whichever of them brings it now: a recovered call may bring a new one).
 * Continuity is `concealedSamples / totalSamplesReceived` between two readings (issue 18): the
 * share of played audio that the receiver had to make up for packets that never came in time.
 */
export type ReceivedAudio = Readonly<{
  concealedSamples: number;
  totalSamplesReceived: number;
  /** Which of the page's connections it came on (two readings compare only on the same one). */
  connection: number;
}>;

const made: RTCPeerConnection[] = [];

/** From now on, every RTCPeerConnection the page makes is known here (call before the first call). */
export function knowPeerConnections(): void {
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      made.push(this);
    }
  };
}

type AudioIn = { type: string; kind?: string; concealedSamples?: number; totalSamplesReceived?: number };

/** Audio received so far on the newest open connection that receives any, or null where none does. */
export async function receivedAudio(): Promise<ReceivedAudio | null> {
  for (let i = made.length - 1; i >= 0; i--) {
    const pc = made[i]!;
    if (pc.connectionState === 'closed') continue;
    const stats: AudioIn[] = [];
    (await pc.getStats()).forEach((s: AudioIn) => stats.push(s));
    const audio = stats.find((s) => s.type === 'inbound-rtp' && s.kind === 'audio' && (s.totalSamplesReceived ?? 0) > 0);
    if (audio) {
      return {
        concealedSamples: audio.concealedSamples ?? 0,
        totalSamplesReceived: audio.totalSamplesReceived ?? 0,
        connection: i,
      };
    }
  }
  return null;
}

/** For a failing test's log: the state of every peer connection this page made, oldest first. */
export function peerConnectionStates(): string[] {
  return made.map(
    (pc) =>
      `${pc.getTransceivers().length > 0 ? 'media' : 'data'} ${pc.connectionState} ice=${pc.iceConnectionState} signaling=${pc.signalingState}` +
      (pc.sctp ? ` sctp=${pc.sctp.state}` : ''),
  );
}

/**
 * The start estimates (`x-google-start-bitrate`, `start-bitrate.ts`) the video of the newest open
 * media connection was negotiated with: in our description and in the friend's.
 */
export function videoStartBitrates(): { local: string[]; remote: string[] } | null {
  const pc = [...made].reverse().find((p) => p.connectionState !== 'closed' && p.getTransceivers().length > 0);
  if (!pc) return null;
  const of = (sdp: string | undefined): string[] => {
    const video = (sdp ?? '').split(/\r?\nm=/).filter((section) => section.startsWith('video '));
    return video.flatMap((section) => [...section.matchAll(/x-google-start-bitrate=(\d+)/g)].map((m) => m[1] as string));
  };
  return { local: of(pc.localDescription?.sdp), remote: of(pc.remoteDescription?.sdp) };
}
