import { AVATAR_IDS as IDS, type AvatarId } from '@hearth/common';

/**
 * How each picture a child can have is drawn (the app's own emoji font). The ids are common's
 * `AVATAR_IDS`, the only ones the relay accepts: one missing here is a type error.
 */
export const AVATARS: Readonly<Record<AvatarId, Readonly<{ emoji: string; color: string }>>> = Object.freeze({
  fox: { emoji: '🦊', color: '#ffd8b8' },
  cat: { emoji: '🐱', color: '#ffe9a8' },
  dog: { emoji: '🐶', color: '#e8d5c4' },
  bear: { emoji: '🐻', color: '#d9c2ae' },
  panda: { emoji: '🐼', color: '#dfe7e3' },
  frog: { emoji: '🐸', color: '#c9efc0' },
  lion: { emoji: '🦁', color: '#ffe0a3' },
  unicorn: { emoji: '🦄', color: '#f2d4f7' },
  octopus: { emoji: '🐙', color: '#ffd0dc' },
  rabbit: { emoji: '🐰', color: '#e9e2f7' },
  turtle: { emoji: '🐢', color: '#cdebd8' },
  owl: { emoji: '🦉', color: '#e6dccd' },
});

export type { AvatarId };
export const AVATAR_IDS: readonly AvatarId[] = IDS;

export function isAvatarId(value: string | null | undefined): value is AvatarId {
  return value !== null && value !== undefined && Object.hasOwn(AVATARS, value);
}

const SOFT_COLORS = ['#ffd8b8', '#c9efc0', '#cfe3ff', '#f2d4f7', '#ffe9a8', '#d3f0ee', '#ffd0dc'] as const;

/** A stable soft colour for someone without a picture, from their account id. */
export function colorFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return SOFT_COLORS[h % SOFT_COLORS.length] ?? SOFT_COLORS[0];
}
