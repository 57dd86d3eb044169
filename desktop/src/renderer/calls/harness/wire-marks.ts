/**
 * Tests and the benchmark only: marks where the media connection's OFFER and ANSWER meet the
 * signaling socket (`hearth-call:offer-left`, `answer-left`, `answer-in`), so the benchmark can
 * tell the time a side spends making its description from the time the relay takes to pass it.
 * Taps PeerJS's socket (an event emitter with `send`), the same for Hearth's page and the bare one.
 */
import type { Peer } from 'peerjs';
import { CALL_TRACE_PREFIX } from '../call-trace';

type Frame = Readonly<{ type?: unknown; payload?: Readonly<{ type?: unknown }> }>;
type Tap = { send: (frame: Frame) => void; on: (event: 'message', listener: (frame: Frame) => void) => void };

const mark = (step: string): void => void performance.mark(`${CALL_TRACE_PREFIX}${step}`);
const isMedia = (frame: Frame): boolean => frame.payload?.type === 'media';

/** Marks the media OFFER and ANSWER this peer sends, and the ANSWER it receives; returns the peer. */
export function markWire(peer: Peer): Peer {
  const socket = (peer as unknown as { socket?: Tap }).socket;
  if (!socket) return peer;
  const send = socket.send.bind(socket);
  socket.send = (frame) => {
    if (isMedia(frame) && frame.type === 'OFFER') mark('offer-left');
    if (isMedia(frame) && frame.type === 'ANSWER') mark('answer-left');
    send(frame);
  };
  socket.on('message', (frame) => {
    if (isMedia(frame) && frame.type === 'ANSWER') mark('answer-in');
  });
  return peer;
}
