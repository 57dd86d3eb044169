import type { ReactElement } from 'react';
import { AVATARS, colorFor, isAvatarId } from './avatars';

export type AvatarProps = Readonly<{
  /** A bundled picture id, or null for the person's first letter. */
  avatar: string | null;
  name: string;
  /** Used for the colour when there is no picture. */
  id: string;
  size?: 'small' | 'medium' | 'large';
  /** Parents get a small house badge. */
  grownUp?: boolean;
}>;

/** A round picture: the child's chosen animal, or the first letter of a name. Decorative: names are always written beside it. */
export function Avatar({ avatar, name, id, size = 'medium', grownUp = false }: AvatarProps): ReactElement {
  const known = isAvatarId(avatar) ? AVATARS[avatar] : null;
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ background: known?.color ?? colorFor(id) }}
      data-avatar={known ? avatar : undefined}
      aria-hidden="true"
    >
      {known ? <span className="avatar-emoji">{known.emoji}</span> : <span className="avatar-letter">{[...name][0] ?? '?'}</span>}
      {grownUp && <span className="avatar-badge">🏠</span>}
    </span>
  );
}
