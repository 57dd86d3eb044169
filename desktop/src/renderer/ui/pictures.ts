import type { PicturePasswordPicture } from '@hearth/common';

/** How each picture-password picture is drawn (with the app's own emoji font). */
export const PICTURE_EMOJI: Readonly<Record<PicturePasswordPicture, string>> = Object.freeze({
  apple: '🍎',
  ball: '⚽',
  cat: '🐱',
  dog: '🐶',
  fish: '🐟',
  flower: '🌸',
  moon: '🌙',
  star: '⭐',
  tree: '🌳',
});
