import { GIFS } from './gifs';
import { STICKERS, type PackItem } from './stickers';

const BY_ID = new Map<string, PackItem>([...STICKERS, ...GIFS].map((item) => [item.id, item]));

/** A bundled sticker or GIF by its id, or undefined for one this app does not have (a newer friend's app). */
export function packItem(id: string): PackItem | undefined {
  return BY_ID.get(id);
}
