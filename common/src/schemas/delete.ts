import { Type, type Static } from 'typebox';

/** The grown-up's account password, typed again (`DELETE /v1/children/:id`, `DELETE /v1/me`; since 0.3.0). */
export const PasswordAgainBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 256 }) },
  {
    additionalProperties: false,
  },
);
export type PasswordAgainBody = Static<typeof PasswordAgainBody>;
