import { Type, type Static } from 'typebox';
import { closed } from '../schemas/primitives';
import { IpcErrorSchema } from './result';

/**
 * The web host's bridge: the IPC contract over a loopback WebSocket, so the real renderer runs
 * in an ordinary browser. The page connects to `ws://127.0.0.1:<port>/hearth-bridge?token=…`
 * (the per-launch token from the page's own URL); the host refuses any other origin or token.
 */
export const WEB_BRIDGE_PATH = '/hearth-bridge';

/** Page → host: call one channel. `id` pairs the answer with the call. */
export const BridgeCall = Type.Object(
  {
    id: Type.Integer({ minimum: 0 }),
    channel: Type.String({ minLength: 1, maxLength: 64 }),
    args: Type.Unknown(),
  },
  closed,
);
export type BridgeCall = Static<typeof BridgeCall>;

/** Host → page: the result of a call, or an event. */
export const BridgeServerFrame = Type.Union([
  Type.Object(
    {
      id: Type.Integer({ minimum: 0 }),
      result: Type.Union([
        Type.Object({ ok: Type.Literal(true), value: Type.Unknown() }, closed),
        Type.Object({ ok: Type.Literal(false), error: IpcErrorSchema }, closed),
      ]),
    },
    closed,
  ),
  Type.Object({ event: Type.String(), payload: Type.Unknown() }, closed),
]);
export type BridgeServerFrame = Static<typeof BridgeServerFrame>;
