import { INVITE_ALPHABET } from '@hearth/common';

/**
 * Whether `text` looks like an email address the relay will take: something, one `@`, then a
 * domain with a dot. A first check only, so the form can say what is wrong next to the field.
 */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text.trim());
}

/**
 * The characters of a typed friend code that codes never use (`-` and spaces separate the two
 * halves), each once, in the order typed.
 */
export function foreignCodeCharacters(typed: string): string[] {
  const allowed = new Set([...INVITE_ALPHABET, '-', ' ']);
  return [...new Set([...typed.toUpperCase()].filter((c) => !allowed.has(c)))];
}

/**
 * The `aria-describedby` of a form's main button: while it is grey, the ids of what says why
 * (the fields' problems, or the line of what is still needed); nothing while it works.
 */
export function whyGrey(disabled: boolean, ...ids: readonly (string | false | null | undefined)[]): string | undefined {
  if (!disabled) return undefined;
  const found = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return found.length > 0 ? found.join(' ') : undefined;
}
