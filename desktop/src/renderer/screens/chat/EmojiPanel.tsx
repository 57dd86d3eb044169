import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Emoji children reach for most, with names for screen readers. */
export const EMOJI = [
  ['😀', 'grin'],
  ['😂', 'laugh'],
  ['😍', 'love'],
  ['🥰', 'hearts'],
  ['😎', 'cool'],
  ['🤩', 'wow'],
  ['😜', 'silly'],
  ['🤗', 'hug'],
  ['😮', 'surprised'],
  ['😢', 'sad'],
  ['😴', 'sleepy'],
  ['🤔', 'thinking'],
  ['👍', 'thumbsUp'],
  ['👏', 'clap'],
  ['🙌', 'hooray'],
  ['👋', 'wave'],
  ['❤️', 'heart'],
  ['⭐', 'star'],
  ['🌈', 'rainbow'],
  ['🎉', 'party'],
  ['🎈', 'balloon'],
  ['🐶', 'dog'],
  ['🐱', 'cat'],
  ['🍕', 'pizza'],
  ['🍦', 'iceCream'],
  ['⚽', 'football'],
  ['🎮', 'game'],
  ['📚', 'books'],
] as const;

/** A grid of emoji that go into the text being written. */
export function EmojiPanel({ onPick }: Readonly<{ onPick: (emoji: string) => void }>): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="emoji-panel" aria-label={t('chat.emoji')}>
      <ul className="emoji-grid">
        {EMOJI.map(([emoji, name]) => (
          <li key={name}>
            <button
              type="button"
              className="emoji-button"
              onClick={() => onPick(emoji)}
              aria-label={t(`emoji.${name}`)}
              title={t(`emoji.${name}`)}
            >
              <span aria-hidden="true">{emoji}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
