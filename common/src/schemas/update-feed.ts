import { Type, type Static } from 'typebox';
import { closed } from './primitives';

/**
 * One channel file of an electron-updater generic feed (`latest.yml`, `latest-mac.yml`,
 * `latest-linux.yml`, `beta*.yml`), as electron-builder writes it. Read tolerantly (a newer
 * electron-builder may add fields); what Hearth uses is checked strictly. The sha512 is a checksum
 * of the download, not a signature: who signed the update is checked per platform (README).
 */
export const UpdateFeedFile = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    sha512: Type.String({ minLength: 64, maxLength: 200, pattern: '^[A-Za-z0-9+/=]+$' }),
    size: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  closed,
);
export type UpdateFeedFile = Static<typeof UpdateFeedFile>;

export const UpdateFeed = Type.Object(
  {
    /** Semantic version, e.g. `0.5.0` or `0.5.0-beta.1`. */
    version: Type.String({ minLength: 5, maxLength: 64 }),
    files: Type.Array(UpdateFeedFile, { minItems: 1, maxItems: 32 }),
    path: Type.Optional(Type.String({ maxLength: 2048 })),
    sha512: Type.Optional(Type.String({ maxLength: 200 })),
    releaseDate: Type.Optional(Type.String({ maxLength: 64 })),
    releaseName: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  closed,
);
export type UpdateFeed = Static<typeof UpdateFeed>;
