import { Type, type Static } from 'typebox';
import { ChildIdSchema, DisplayName, closed } from '../schemas/primitives';
import { Done, NoArgs } from './models-app';
import type { ChannelSpec } from './channels';

/**
 * "Delete my grown-up account" (F12, issue 15 §3), in the pane and in parent mode: what goes with
 * the account (the children for whom this grown-up is the last guardian, by name) and what stays
 * (children who keep another guardian), then the deletion with the account password typed again.
 */
export const GrownUpDeletionChild = Type.Object({ childId: ChildIdSchema, displayName: DisplayName }, closed);
export type GrownUpDeletionChild = Static<typeof GrownUpDeletionChild>;

export const GrownUpDeletionPreview = Type.Object(
  {
    /** Deleted with the account: this grown-up is their last guardian. */
    childrenWhoGo: Type.Array(GrownUpDeletionChild, { maxItems: 64 }),
    /** They stay, with their other guardians. */
    childrenWhoStay: Type.Array(GrownUpDeletionChild, { maxItems: 64 }),
  },
  closed,
);
export type GrownUpDeletionPreview = Static<typeof GrownUpDeletionPreview>;

export const DeleteMyGrownUpAccountArgs = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, closed);
export type DeleteMyGrownUpAccountArgs = Static<typeof DeleteMyGrownUpAccountArgs>;

export const GROWNUP_DELETE_CHANNELS = {
  previewMyGrownUpAccountDeletion: {
    access: 'parent',
    args: NoArgs,
    result: GrownUpDeletionPreview,
    summary: "What deleting the signed-in grown-up's account takes with it (children by name) and what stays",
  },
  deleteMyGrownUpAccount: {
    access: 'parent',
    args: DeleteMyGrownUpAccountArgs,
    result: Done,
    summary:
      "Delete the signed-in grown-up's account on the relay (password typed again); the children who go leave this PC, and the pane signs out",
  },
  previewMyGrownUpAccountDeletionAsMe: {
    access: 'profile',
    args: NoArgs,
    result: GrownUpDeletionPreview,
    summary: 'In parent mode: what deleting my account takes with it and what stays',
  },
  deleteMyGrownUpAccountAsMe: {
    access: 'profile',
    args: DeleteMyGrownUpAccountArgs,
    result: Done,
    summary: 'In parent mode: delete my grown-up account (password typed again); this PC leaves parent mode',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a grown-up deletion channel. */
export type GrownupDeleteChannelName = keyof typeof GROWNUP_DELETE_CHANNELS;
