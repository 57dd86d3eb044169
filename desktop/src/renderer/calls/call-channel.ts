/**
 * A call's control channel: the PeerJS data connection that carries accept, decline, busy,
 * cancel, hang-up and mute state. Messages said before it is there wait for it; everything it
 * brings is checked against the call protocol before anyone looks at it.
 */
import type { DataConnection } from 'peerjs';
import { parseCallGameMessage, parseCallMessage, type CallGameMessage, type ChannelMessage } from './call-protocol';
import type { CallMessage } from './call-protocol';

/** Lets a last control message leave before its channel closes. */
export const CLOSE_DELAY_MS = 400;

type Problem = (message: string, details?: unknown) => void;

/** What the channel tells its call: control messages, game moves (checked), and its end. */
export type ChannelListeners = Readonly<{
  message: (m: CallMessage) => void;
  close: () => void;
  /** A game move from the friend (default: dropped). */
  game?: (m: CallGameMessage) => void;
}>;

/** Sends on a data connection as soon as it is open. */
export function sendOn(data: DataConnection, message: ChannelMessage, problem: Problem): void {
  const go = (): void => {
    try {
      void data.send(message);
    } catch (err) {
      problem('could not send a call message', err);
    }
  };
  if (data.open) go();
  else data.once('open', go);
}

export type ControlChannel = Readonly<{
  /** The data connection is there. */
  attached: () => boolean;
  /** Takes the call's data connection; what waited goes out on it. */
  attach: (data: DataConnection, on: ChannelListeners) => void;
  send: (message: ChannelMessage) => void;
  /**
   * A recovery's data connection is on its way to replace this one (whose path is gone): what is
   * said meanwhile waits for it, as before the first one came, instead of going out on the old.
   */
  hold: () => void;
  /** Closes it; `gently`: after `CLOSE_DELAY_MS`, so a last message can leave. */
  close: (gently: boolean) => void;
}>;

export function createControlChannel(problem: Problem): ControlChannel {
  let data: DataConnection | null = null;
  let held = false;
  const outbox: ChannelMessage[] = [];
  return Object.freeze({
    attached: () => data !== null,
    attach(conn: DataConnection, on: ChannelListeners): void {
      data = conn;
      held = false;
      for (const m of outbox.splice(0)) sendOn(conn, m, problem);
      conn.on('data', (raw) => {
        const message = parseCallMessage(raw);
        if (message) return on.message(message);
        const game = parseCallGameMessage(raw);
        if (game) on.game?.(game);
        else if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'game')
          problem('refused a game message from the call', { reason: 'bad-envelope' });
      });
      conn.on('close', on.close);
      conn.on('error', (err) => problem('call control channel error', err));
    },
    send(message: ChannelMessage): void {
      if (data && !held) sendOn(data, message, problem);
      else outbox.push(message);
    },
    hold(): void {
      held = data !== null;
    },
    close(gently: boolean): void {
      const conn = data;
      if (!conn) return;
      if (gently) setTimeout(() => conn.close(), CLOSE_DELAY_MS);
      else conn.close();
    },
  });
}
