import { describe, expect, expectTypeOf, it } from 'vitest';
import { Value } from 'typebox/value';
import type { AccountId, ChildId, ParentId, PeerId } from './ids';
import { ChildIdSchema, Ulid } from './schemas/primitives';
import type { Static } from 'typebox';

describe('branded ids', () => {
  it('are real types (two brands add up instead of making an impossible id) and do not mix', () => {
    expectTypeOf<ChildId>().not.toBeNever();
    expectTypeOf<ParentId>().not.toBeNever();
    expectTypeOf<ChildId>().toExtend<AccountId>();
    expectTypeOf<ChildId>().toExtend<string>();
    expectTypeOf<AccountId>().not.toExtend<ChildId>();
    expectTypeOf<ParentId>().not.toExtend<ChildId>();
    expectTypeOf<string>().not.toExtend<PeerId>();
    expectTypeOf<Static<typeof ChildIdSchema>>().toEqualTypeOf<ChildId>();
  });

  it('are checked at runtime exactly as the plain ULID schema', () => {
    expect(ChildIdSchema).toEqual(Ulid);
    expect(Value.Check(ChildIdSchema, '01J0000000000000000000000A')).toBe(true);
    expect(Value.Check(ChildIdSchema, '../etc/passwd')).toBe(false);
  });
});
