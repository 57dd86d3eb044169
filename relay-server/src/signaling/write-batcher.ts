import { WebSocket } from 'ws';

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

/** FIN and the text opcode: the first byte of an unfragmented text frame (RFC 6455 §5.2). */
const FIN_TEXT = 0x81;
/** A socket's first buffer of a turn: a few signaling frames, from Node's shared pool. */
const FIRST_BUFFER = 2048;

/** A socket's frames held this turn: `bytes` of `buf`, each frame header and payload as they go on the wire. */
type Held = { buf: Buffer; bytes: number };

/** The length of a frame's header for a payload of `bytes` bytes: 7, 16 or 64-bit length, no mask. */
const headerLength = (bytes: number): number => (bytes < 126 ? 2 : bytes < 65_536 ? 4 : 10);

/**
 * Appends one unmasked, uncompressed, final text frame (RFC 6455 §5.2), as a server sends it,
 * encoding the string straight into the held buffer: no buffer, header or list per frame.
 */
function append(held: Held, data: string): void {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair 4 for its 2): where the character count
  // settles the header length, the exact byte count is not needed before writing.
  const chars = data.length;
  let bytes = -1;
  let head: number;
  if (chars * 3 < 126) head = 2;
  else if (chars >= 126 && chars * 3 < 65_536) head = 4;
  else head = headerLength((bytes = Buffer.byteLength(data)));
  let room = held.buf.length - held.bytes - head;
  if (room < chars * 3 && (bytes >= 0 ? bytes : (bytes = Buffer.byteLength(data))) > room) {
    const grown = Buffer.allocUnsafe(Math.max(held.buf.length * 2, held.bytes + head + bytes));
    held.buf.copy(grown, 0, 0, held.bytes);
    held.buf = grown;
    room = grown.length - held.bytes - head;
  }
  const { buf } = held;
  const at = held.bytes;
  const n = buf.write(data, at + head, room, 'utf8');
  buf[at] = FIN_TEXT;
  if (head === 2) buf[at + 1] = n;
  else if (head === 4) {
    buf[at + 1] = 126;
    buf.writeUInt16BE(n, at + 2);
  } else {
    buf[at + 1] = 127;
    buf.writeUInt32BE(Math.floor(n / 2 ** 32), at + 2);
    buf.writeUInt32BE(n >>> 0, at + 6);
  }
  held.bytes = at + head + n;
}

/**
 * Holds each socket's frames until `setImmediate`, then writes them as one buffer: a burst of
 * frames (ICE candidates come in bursts, a commit answers hundreds of sends) costs one write and
 * one system call per socket, not a `ws` send and a chunk each. Each frame is encoded straight
 * into that buffer. A socket that negotiated an extension (compression) gets `ws`'s own send.
 *
 * Everything a socket carries after its login goes through here, so the frames keep their order;
 * a frame held for a socket that is closing (its close frame already sent) is dropped, as `ws`
 * drops a send after close, so callers flush a socket before they close it.
 */
export function createWriteBatcher(): WriteBatcher {
  let held = new Map<WebSocket, Held>();
  let scheduled = false;

  const write = (socket: WebSocket, { buf, bytes }: Held): void => {
    const raw = (socket as unknown as { _socket?: { write(b: Buffer): boolean; destroyed: boolean } })._socket;
    if (socket.readyState !== WebSocket.OPEN || !raw || raw.destroyed) return;
    raw.write(buf.subarray(0, bytes));
  };

  const flush = (): void => {
    scheduled = false;
    const now = held;
    held = new Map();
    for (const [socket, entry] of now) write(socket, entry);
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
        entry = { buf: Buffer.allocUnsafe(FIRST_BUFFER), bytes: 0 };
        held.set(socket, entry);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
      append(entry, data);
    },
    flush,
    flushSocket(socket) {
      const entry = held.get(socket);
      if (!entry) return;
      held.delete(socket);
      write(socket, entry);
    },
    buffered: (socket) => socket.bufferedAmount + (held.get(socket)?.bytes ?? 0),
  };
}
