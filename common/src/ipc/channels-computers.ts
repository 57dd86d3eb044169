import { Type } from 'typebox';
import { closed, Ulid } from '../schemas/primitives';
import { ParentComputerList } from '../schemas/devices';
import { Done, NoArgs } from './models-app';
import type { ChannelSpec } from './channels';

export const SignOutParentComputerArgs = Type.Object({ sessionId: Ulid }, closed);

/**
 * Computers (F18), the grown-up's own: their parent-mode PCs, each with the day it was last seen,
 * and signing one out (its relay session ends; it asks its grown-up to sign in again).
 */
export const COMPUTERS_CHANNELS = {
  listParentComputers: {
    access: 'parent',
    args: NoArgs,
    result: ParentComputerList,
    summary: 'My own parent-mode computers still signed in, with the day each was last seen',
  },
  signOutParentComputer: {
    access: 'parent',
    args: SignOutParentComputerArgs,
    result: Done,
    summary: 'Sign one of my parent-mode computers out: its relay session ends',
  },
} as const satisfies Record<string, ChannelSpec>;
export type ComputersChannelName = keyof typeof COMPUTERS_CHANNELS;
