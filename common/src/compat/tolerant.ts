import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { ULID_PATTERN } from '../ids';

/**
 * The app's tolerant reading of relay answers: a field the app does not know is ignored (and
 * stripped, so nothing downstream ever sees it); everything the app does know is checked as
 * strictly as before. A newer relay may add fields without breaking this app.
 */
export type TolerantReader<S extends TSchema> = Readonly<{
  /** The value with unknown fields removed, or undefined when a known part does not match. */
  read(value: unknown): Static<S> | undefined;
  /** The first problem with a value that `read` refused, as a short phrase for logs. */
  problem(value: unknown): string;
}>;

type Validator = Readonly<{
  Check: (value: unknown) => boolean;
  Errors: (value: unknown) => Iterable<{ instancePath: string; message: string }>;
}>;

/** The same schema with every object opened (no `additionalProperties: false` anywhere). */
export function openSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = openSchema(value);
  }
  return out;
}

const readers = new WeakMap<TSchema, TolerantReader<TSchema>>();

/** A tolerant reader for one of common's (closed) schemas, compiled once per schema. */
export function tolerantReader<S extends TSchema>(schema: S): TolerantReader<S> {
  const cached = readers.get(schema);
  if (cached) return cached as TolerantReader<S>;
  const open = Compile(openSchema(schema) as TSchema) as unknown as Validator;
  const reader: TolerantReader<S> = Object.freeze({
    read(value: unknown): Static<S> | undefined {
      if (!open.Check(value)) return undefined;
      return Value.Clean(schema, Value.Clone(value)) as Static<S>;
    },
    problem(value: unknown): string {
      for (const e of open.Errors(value)) return `${e.instancePath || 'value'} ${e.message}`;
      return 'value is not valid';
    },
  });
  readers.set(schema, reader as TolerantReader<TSchema>);
  return reader;
}

/** Any relay error body, whatever its code: codes this app does not know become a general sentence. */
export const AnyErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String({ maxLength: 64 }),
    message: Type.String({ maxLength: 1000 }),
    wipe: Type.Optional(Type.Boolean()),
  }),
});

/** The envelope of any `/v1/ws` frame: a frame type this app does not know is still read this far. */
export const AnyServerFrame = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 64 }),
  id: Type.Optional(Type.String()),
  message: Type.Optional(Type.Object({ id: Type.Optional(Type.String()) })),
});

const Ulid = new RegExp(ULID_PATTERN);

/**
 * The id a frame this app cannot read still asks to be acknowledged with (`id`, or `message.id`
 * for a message of a kind this app does not know), so the relay stops holding it for this device.
 */
export function unreadFrameId(frame: Static<typeof AnyServerFrame>): string | undefined {
  const id = frame.id ?? frame.message?.id;
  return id !== undefined && Ulid.test(id) ? id : undefined;
}
