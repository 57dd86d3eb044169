import type { BundledBackgroundId } from './types';

/** The picture on each background's button: none, blurry, the bundled ones, a picture of the child's own. */
export const BACKGROUND_ICONS: Readonly<Record<'off' | 'blur' | BundledBackgroundId | 'picture', string>> = Object.freeze({
  off: '🙂',
  blur: '🌫️',
  sunset: '🌅',
  ocean: '🌊',
  space: '🚀',
  meadow: '🌼',
  picture: '🖼️',
});
