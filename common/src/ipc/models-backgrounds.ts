import { Type, type Static } from 'typebox';
import { Timestamp, Ulid, closed } from '../schemas/primitives';

/** The pictures that ship with the app (painted from code in the renderer). */
export const BUNDLED_BACKGROUNDS = ['sunset', 'ocean', 'space', 'meadow'] as const;
export type BundledBackgroundId = (typeof BUNDLED_BACKGROUNDS)[number];

/** Picture types a child's own background may have (checked by magic bytes in main, not by the name). */
export const BACKGROUND_PICTURE_MIMES = ['image/jpeg', 'image/png'] as const;
export type BackgroundPictureMime = (typeof BACKGROUND_PICTURE_MIMES)[number];

/** The largest picture a child may keep as a background (the renderer shrinks photos well below it). */
export const MAX_BACKGROUND_PICTURE_BYTES = 4 * 1024 * 1024;
/** How many pictures of their own a child may keep. */
export const MAX_BACKGROUND_PICTURES = 6;

/** One of the child's own background pictures, kept in the child's folder on this PC. */
export const BackgroundPicture = Type.Object(
  { id: Ulid, mime: Type.Enum(BACKGROUND_PICTURE_MIMES), size: Type.Integer({ minimum: 1 }), addedAt: Timestamp },
  closed,
);
export type BackgroundPicture = Static<typeof BackgroundPicture>;

/** What the child chose to show behind them in calls; remembered per child. */
export const BackgroundChoice = Type.Union([
  Type.Object({ kind: Type.Literal('off') }, closed),
  Type.Object({ kind: Type.Literal('blur') }, closed),
  Type.Object({ kind: Type.Literal('bundled'), id: Type.Enum(BUNDLED_BACKGROUNDS) }, closed),
  Type.Object({ kind: Type.Literal('picture'), id: Ulid }, closed),
]);
export type BackgroundChoice = Static<typeof BackgroundChoice>;

export const MyBackgrounds = Type.Object(
  { pictures: Type.Array(BackgroundPicture, { maxItems: MAX_BACKGROUND_PICTURES }), choice: BackgroundChoice },
  closed,
);
export type MyBackgrounds = Static<typeof MyBackgrounds>;

export const AddBackgroundPictureArgs = Type.Object(
  { dataBase64: Type.String({ minLength: 4, maxLength: Math.ceil(MAX_BACKGROUND_PICTURE_BYTES / 3) * 4 }) },
  closed,
);
export type AddBackgroundPictureArgs = Static<typeof AddBackgroundPictureArgs>;

export const SetBackgroundArgs = Type.Object({ choice: BackgroundChoice }, closed);

export const BackgroundPictureIdArgs = Type.Object({ id: Ulid }, closed);

export const BackgroundPictureData = Type.Object({ picture: BackgroundPicture, dataBase64: Type.String() }, closed);
export type BackgroundPictureData = Static<typeof BackgroundPictureData>;
