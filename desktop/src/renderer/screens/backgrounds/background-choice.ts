import type { BackgroundChoice, HearthApi } from '@hearth/common';
import type { Background, EffectsNoticeCode } from '../../effects';
import { base64ToBlob } from '../../media/base64';

/** Where the effects' wasm and model are served from, next to the page. */
export function effectsAssetsBase(): string {
  return new URL('effects/', document.baseURI).href;
}

/**
 * What the pipeline draws for a remembered choice: a picture of the child's own is read from
 * their folder through main. A picture that cannot be read any more shows no background.
 */
export async function toEffectsBackground(hearth: HearthApi, choice: BackgroundChoice): Promise<Background> {
  switch (choice.kind) {
    case 'off':
    case 'blur':
      return { kind: choice.kind };
    case 'bundled':
      return { kind: 'bundled', id: choice.id };
    case 'picture': {
      const read = await hearth.readMyBackground({ id: choice.id });
      if (!read.ok) return { kind: 'off' };
      return { kind: 'picture', picture: base64ToBlob(read.value.dataBase64, read.value.picture.mime) };
    }
    default: {
      const never: never = choice;
      throw new Error(`unknown background ${JSON.stringify(never)}`);
    }
  }
}

/** The i18n key of what the effects tell the child about `code`. */
export type NoticeKey = `backgrounds.notice.${EffectsNoticeCode}`;

/** The i18n keys of what the effects tell the child, one per code (a new code is a type error here). */
export const NOTICE_KEYS: Readonly<Record<EffectsNoticeCode, NoticeKey>> = {
  'effects-quality-lowered': 'backgrounds.notice.effects-quality-lowered',
  'effects-engine-switched': 'backgrounds.notice.effects-engine-switched',
  'effects-turned-off': 'backgrounds.notice.effects-turned-off',
  'effects-unavailable': 'backgrounds.notice.effects-unavailable',
  'effects-picture-unreadable': 'backgrounds.notice.effects-picture-unreadable',
};

/** The i18n key of what the effects tell the child (the effects send only codes). */
export function noticeKey(code: EffectsNoticeCode): NoticeKey {
  return NOTICE_KEYS[code];
}

/** A stable key of a choice (for radio buttons and comparisons). */
export function choiceKey(choice: BackgroundChoice): string {
  switch (choice.kind) {
    case 'off':
    case 'blur':
      return choice.kind;
    case 'bundled':
    case 'picture':
      return `${choice.kind}:${choice.id}`;
    default: {
      const never: never = choice;
      throw new Error(`unknown background ${JSON.stringify(never)}`);
    }
  }
}
