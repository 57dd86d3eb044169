import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/** Sends frames, coalescing the ones for the same socket within one event-loop turn. */
export type WriteBatcher = Readonly<{
  send(socket: WebSocket, data: string): void;
  /** Writes out everything held back now (also done automatically once per loop turn). */
  flush(): void;
}>;

/**
 * Corks each target socket on its first frame of a loop turn and uncorks it once, in
 * `setImmediate`, so a burst of frames (ICE candidates come in bursts) leaves in one `writev`
 * instead of one system call per frame. `ws` has no public cork; its sender corks and uncorks
 * around every frame itself, and Node counts nested corks, so holding one more is safe.
 */
export function createWriteBatcher(): WriteBatcher {
  let corked: Duplex[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const sockets = corked;
    corked = [];
    for (const raw of sockets) raw.uncork();
  };
  return {
    send(socket, data) {
      const raw = (socket as unknown as { _socket?: Duplex })._socket;
      if (raw && raw.writableCorked === 0) {
        raw.cork();
        corked.push(raw);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
      socket.send(data);
    },
    flush,
  };
}
