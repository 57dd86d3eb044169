import { Type, type Static } from 'typebox';
import { ChildIdSchema, Timestamp, closed } from '../schemas/primitives';
import type { ChannelSpec } from './channels';

/** `exportChild`: which child, and the language of the export's pages (default English). */
export const ExportChildArgs = Type.Object(
  { childId: ChildIdSchema, lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('es')])) },
  closed,
);
export type ExportChildArgs = Static<typeof ExportChildArgs>;

/** Where the saved copy is, and what it holds. */
export const ExportResult = Type.Object(
  {
    /** The ZIP's full path on this PC (in the Downloads folder, or the folder this PC saves copies in). */
    path: Type.String({ minLength: 1, maxLength: 4096 }),
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    bytes: Type.Integer({ minimum: 0 }),
    /** Files in the ZIP, `manifest.json` included. */
    files: Type.Integer({ minimum: 1 }),
    messages: Type.Integer({ minimum: 0 }),
    mediaFiles: Type.Integer({ minimum: 0 }),
    /** False when the relay could not be asked (offline, no grown-up session): `data/relay.json` says why. */
    relayIncluded: Type.Boolean(),
    savedAt: Timestamp,
  },
  closed,
);
export type ExportResult = Static<typeof ExportResult>;

/** The `exportProgress` event: `done` of `total` steps (messages and media files) of the export running now. */
export const ExportProgress = Type.Object(
  { childId: ChildIdSchema, done: Type.Integer({ minimum: 0 }), total: Type.Integer({ minimum: 0 }) },
  closed,
);
export type ExportProgress = Static<typeof ExportProgress>;

/**
 * The family's export (issue 15 §4, F12; Children's Code standard 15): one ZIP a grown-up saves,
 * with pages that open offline, the data as JSON, the media as stored and a manifest of SHA-256s.
 * The child is told, in kid words, that a copy was saved.
 */
export const EXPORT_CHANNELS = {
  exportChild: {
    access: 'parent',
    args: ExportChildArgs,
    result: ExportResult,
    summary: "Save a copy of a child's Hearth on this PC as one ZIP (progress as `exportProgress` events; the child is told)",
  },
} as const satisfies Record<string, ChannelSpec>;

export type ExportChannelName = keyof typeof EXPORT_CHANNELS;
