import { Type, type Static, type TSchema } from 'typebox';
import type { ErrorBody, ErrorCode } from '../errors';
import { ErrorCodeSchema, closed } from '../schemas/primitives';

/** The error half of every IPC result: a stable code for the UI to branch on and a sentence for people. */
export const IpcErrorSchema = Type.Object({ code: ErrorCodeSchema, message: Type.String() }, closed);

/** What every channel resolves to. Channels never reject: failures come back as `{ ok: false }`. */
export type IpcResult<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: ErrorBody }>;

/** The schema of `IpcResult<Static<T>>`, for transports that check what they receive. */
export function IpcResultSchema<T extends TSchema>(value: T): TSchema {
  return Type.Union([
    Type.Object({ ok: Type.Literal(true), value }, closed),
    Type.Object({ ok: Type.Literal(false), error: IpcErrorSchema }, closed),
  ]);
}

/** A success result. */
export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** A failure result. */
export function ipcError(code: ErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

export type IpcError = Static<typeof IpcErrorSchema>;
