import { Compile, type Validator } from 'typebox/compile';
import {
  ErrorCode,
  MessageContentSchemas,
  ULID_PATTERN,
  WsClientFrameSchemas,
  type WsClientFrame,
  type WsServerFrame,
} from '@hearth/common';

export type DecodeResult =
  Readonly<{ ok: true; frame: WsClientFrame }> | Readonly<{ ok: false; code: ErrorCode; message: string; ref?: string }>;

export type FrameDecoder = (text: string) => DecodeResult;

const TOO_LARGE_KEYWORDS = new Set(['maxLength', 'maxItems', 'maximum']);
const ulid = new RegExp(ULID_PATTERN);

function describe(validator: Validator, value: unknown, what: string): { code: ErrorCode; message: string } {
  const first = validator.Errors(value)[0];
  if (!first) return { code: ErrorCode.ValidationFailed, message: `Invalid ${what}.` };
  const where = first.instancePath || '/';
  const code = TOO_LARGE_KEYWORDS.has(first.keyword) ? ErrorCode.PayloadTooLarge : ErrorCode.ValidationFailed;
  return { code, message: `Invalid ${what} at ${where}: ${first.message}` };
}

/**
 * Builds the decoder for client frames: JSON, then the schema of the frame's own `type` (and of
 * the content's own `kind`), so an error names the exact problem. Over-long content is
 * PAYLOAD_TOO_LARGE; anything else that does not fit is VALIDATION_FAILED.
 */
export function createFrameDecoder(): FrameDecoder {
  const frames = new Map<string, Validator>(Object.entries(WsClientFrameSchemas).map(([type, s]) => [type, Compile(s)]));
  const contents = new Map<string, Validator>(Object.entries(MessageContentSchemas).map(([kind, s]) => [kind, Compile(s)]));

  return (text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, code: ErrorCode.MalformedRequest, message: 'A frame must be JSON.' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, code: ErrorCode.MalformedRequest, message: 'A frame must be a JSON object.' };
    }
    const record = value as Record<string, unknown>;
    const validator = typeof record.type === 'string' ? frames.get(record.type) : undefined;
    if (!validator) {
      return { ok: false, code: ErrorCode.ValidationFailed, message: `Unknown frame type ${JSON.stringify(record.type)}.` };
    }
    if (validator.Check(value)) return { ok: true, frame: value as WsClientFrame };
    const ref = typeof record.id === 'string' && ulid.test(record.id) ? record.id : undefined;
    const content: unknown = record.content;
    const kind = typeof content === 'object' && content !== null ? (content as Record<string, unknown>).kind : undefined;
    const contentValidator = record.type === 'send' && typeof kind === 'string' ? contents.get(kind) : undefined;
    const problem =
      contentValidator && !contentValidator.Check(content)
        ? describe(contentValidator, content, `${String(kind)} message`)
        : describe(validator, value, `${record.type} frame`);
    return { ok: false, ...problem, ...(ref ? { ref } : {}) };
  };
}

/** Serialises a server frame. */
export function encodeFrame(frame: WsServerFrame): string {
  return JSON.stringify(frame);
}
