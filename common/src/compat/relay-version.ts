import { Type, type Static } from 'typebox';
import { APP_VERSION_PATTERN } from './versions';

/**
 * `GET /v1/version` (anyone, never refused for an old app): what this relay is and serves. A
 * relay without this route is API version 1 (a relay from before versions: it offers the routes,
 * frames and message kinds of the first release, and nothing newer).
 * Read tolerantly: a later relay may add fields.
 */
export const RelayVersion = Type.Object(
  {
    apiVersion: Type.Integer({ minimum: 1 }),
    /** The oldest app version this relay serves; older apps get APP_TOO_OLD. */
    minAppVersion: Type.String({ pattern: APP_VERSION_PATTERN }),
    /** Message kinds the relay accepts in `send` (it refuses others with VALIDATION_FAILED). */
    messageKinds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 256 }),
    /** Optional features this relay offers, by name; the app hides what is not listed. */
    features: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 256 }),
  },
  { additionalProperties: false },
);
export type RelayVersion = Static<typeof RelayVersion>;
