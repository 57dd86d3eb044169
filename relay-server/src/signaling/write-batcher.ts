import * as ws from 'ws';
import { WebSocket } from 'ws';

/** `ws`'s frame builder: in its exports (`Sender`), not in its type definitions. */
const { Sender } = ws as unknown as {
  Sender: { frame(data: Buffer, options: typeof TEXT_FRAME): Buffer[] };
};

/** Sends text frames, writing the ones for the same socket within one event-loop turn at once. */
export type WriteBatcher = Readonly<{
  send(socket: WebSocket, data: string): void;
  /** Writes out everything held back now (also done automatically once per loop turn). */
  flush(): void;
  /** Writes out what is held back for this socket now: call it before closing the socket. */
  flushSocket(socket: WebSocket): void;
  /** Bytes waiting for this socket: `ws`'s `bufferedAmount` plus the frames held back this turn. */
  buffered(socket: WebSocket): number;
}>;

/** An unmasked, uncompressed, final text frame, as a server sends it (RFC 6455). */
const TEXT_FRAME = { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false } as const;

/**
 * Holds each socket's frames until `setImmediate`, then writes them as one buffer: a burst of
 * frames (ICE candidates come in bursts, a commit answers hundreds of sends) costs one write and
 * one system call per socket, not a `ws` send and a chunk each. The frames are made by `ws`'s
 * own `Sender.frame`. A socket that negotiated an extension (compression) gets `ws`'s own send.
 *
 * Everything a socket carries after its login goes through here, so the frames keep their order;
 * a frame held for a socket that is closing (its close frame already sent) is dropped, as `ws`
 * drops a send after close, so callers flush a socket before they close it.
 */
export function createWriteBatcher(): WriteBatcher {
  let held = new Map<WebSocket, { chunks: Buffer[]; bytes: number }>();
  let scheduled = false;

  const write = (socket: WebSocket, chunks: Buffer[]): void => {
    const raw = (socket as unknown as { _socket?: { write(b: Buffer): boolean; destroyed: boolean } })._socket;
    if (socket.readyState !== WebSocket.OPEN || !raw || raw.destroyed) return;
    raw.write(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  };

  const flush = (): void => {
    scheduled = false;
    const now = held;
    held = new Map();
    for (const [socket, { chunks }] of now) write(socket, chunks);
  };

  return {
    send(socket, data) {
      if (socket.readyState !== WebSocket.OPEN) return;
      if (socket.extensions !== '') {
        socket.send(data);
        return;
      }
      let entry = held.get(socket);
      if (!entry) {
        entry = { chunks: [], bytes: 0 };
        held.set(socket, entry);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
      for (const chunk of Sender.frame(Buffer.from(data), TEXT_FRAME)) {
        entry.chunks.push(chunk);
        entry.bytes += chunk.length;
      }
    },
    flush,
    flushSocket(socket) {
      const entry = held.get(socket);
      if (!entry) return;
      held.delete(socket);
      write(socket, entry.chunks);
    },
    buffered: (socket) => socket.bufferedAmount + (held.get(socket)?.bytes ?? 0),
  };
}
