import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';

type Validator = Readonly<{
  Check: (value: unknown) => boolean;
  Errors: (value: unknown) => Iterable<{ instancePath: string; message: string }>;
}>;
const compiled = new WeakMap<TSchema, Validator>();

function validatorFor(schema: TSchema): Validator {
  let v = compiled.get(schema);
  if (!v) {
    v = Compile(schema) as unknown as Validator;
    compiled.set(schema, v);
  }
  return v;
}

/** True when the value matches the schema (compiled once per schema). */
export function matches<T extends TSchema>(schema: T, value: unknown): value is Static<T> {
  return validatorFor(schema).Check(value);
}

/** The first problem with a value, as a short sentence for a VALIDATION_FAILED message. */
export function firstProblem(schema: TSchema, value: unknown): string {
  for (const e of validatorFor(schema).Errors(value)) return `${e.instancePath || 'value'} ${e.message}`;
  return 'value is not valid';
}
