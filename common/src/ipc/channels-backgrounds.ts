import {
  AddBackgroundPictureArgs,
  BackgroundChoice,
  BackgroundPicture,
  BackgroundPictureData,
  BackgroundPictureIdArgs,
  MyBackgrounds,
  SetBackgroundArgs,
} from './models-backgrounds';
import { NoArgs } from './models-app';
import type { ChannelSpec } from './channels';

/**
 * The child's call backgrounds (the active profile only): their own pictures, kept in their
 * folder on this PC and never sent anywhere, and the background they chose.
 */
export const BACKGROUND_CHANNELS = {
  listMyBackgrounds: {
    access: 'profile',
    args: NoArgs,
    result: MyBackgrounds,
    summary: 'My own background pictures and the background I chose',
  },
  addMyBackground: {
    access: 'profile',
    args: AddBackgroundPictureArgs,
    result: BackgroundPicture,
    summary: 'Keep a JPEG or PNG as my own background (type checked by its bytes, metadata removed)',
  },
  readMyBackground: {
    access: 'profile',
    args: BackgroundPictureIdArgs,
    result: BackgroundPictureData,
    summary: "One of my own background pictures' bytes",
  },
  deleteMyBackground: {
    access: 'profile',
    args: BackgroundPictureIdArgs,
    result: MyBackgrounds,
    summary: 'Delete one of my own pictures (a choice of it goes back to no background)',
  },
  setMyBackground: {
    access: 'profile',
    args: SetBackgroundArgs,
    result: BackgroundChoice,
    summary: 'Remember the background I chose (my own picture must exist)',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a backgrounds channel. */
export type BackgroundChannelName = keyof typeof BACKGROUND_CHANNELS;
