import fs from 'node:fs';
import path from 'node:path';
import { decodeTime, ulid } from 'ulid';
import {
  BackgroundChoice,
  ErrorCode,
  HearthError,
  MAX_BACKGROUND_PICTURE_BYTES,
  MAX_BACKGROUND_PICTURES,
  ULID_PATTERN,
  type BackgroundChoice as Choice,
  type BackgroundPicture,
  type BackgroundPictureData,
  type BackgroundPictureMime,
  type MyBackgrounds,
} from '@hearth/common';
import type { ChildStores } from '../stores/child-stores';
import { matches } from '../validate';
import { writeFileAtomic } from './attachments';
import { sanitizePicture } from './picture-bytes';

export type BackgroundsService = Readonly<{
  list: (childId: string) => MyBackgrounds;
  add: (childId: string, dataBase64: string) => BackgroundPicture;
  read: (childId: string, id: string) => BackgroundPictureData;
  remove: (childId: string, id: string) => MyBackgrounds;
  choose: (childId: string, choice: Choice) => Choice;
}>;

const EXTENSION: Readonly<Record<BackgroundPictureMime, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png' };
const FILE_NAME = new RegExp(`^(${ULID_PATTERN.replace(/^\^|\$$/g, '')})\\.(jpg|png)$`);
const CHOICE_FILE = 'choice.json';
const OFF: Choice = Object.freeze({ kind: 'off' });

/**
 * A child's call backgrounds in `children/<childId>/backgrounds/`: their own pictures (`<ulid>.jpg`
 * or `.png`, metadata removed) and the background they chose (`choice.json`). Nothing here is
 * ever sent to the relay; removing the child from the PC wipes the folder with the rest.
 */
export function createBackgroundsService(deps: Readonly<{ stores: ChildStores; now: () => number }>): BackgroundsService {
  const folder = (childId: string): string => {
    const dir = path.join(path.dirname(deps.stores.get(childId).attachmentsDir), 'backgrounds');
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const pictures = (dir: string): BackgroundPicture[] =>
    fs
      .readdirSync(dir)
      .map((name) => FILE_NAME.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => {
        const id = m[1] as string;
        const mime: BackgroundPictureMime = m[2] === 'png' ? 'image/png' : 'image/jpeg';
        return { id, mime, size: fs.statSync(path.join(dir, m[0])).size, addedAt: decodeTime(id) };
      })
      .sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  const find = (dir: string, id: string): BackgroundPicture => {
    const found = pictures(dir).find((p) => p.id === id);
    if (!found) throw new HearthError(ErrorCode.NotFound, 'That picture is not here any more.');
    return found;
  };
  const readChoice = (dir: string): Choice => {
    try {
      const stored: unknown = JSON.parse(fs.readFileSync(path.join(dir, CHOICE_FILE), 'utf8'));
      if (!matches(BackgroundChoice, stored)) return OFF;
      // A choice of a picture that was deleted meanwhile falls back to no background.
      if (stored.kind === 'picture' && !pictures(dir).some((p) => p.id === stored.id)) return OFF;
      return stored;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || err instanceof SyntaxError) return OFF;
      throw err;
    }
  };
  const writeChoice = (dir: string, choice: Choice): Choice => {
    writeFileAtomic(path.join(dir, CHOICE_FILE), Buffer.from(JSON.stringify(choice)));
    return choice;
  };
  const list = (childId: string): MyBackgrounds => {
    const dir = folder(childId);
    return { pictures: pictures(dir), choice: readChoice(dir) };
  };

  return Object.freeze({
    list,
    add(childId: string, dataBase64: string): BackgroundPicture {
      const raw = Buffer.from(dataBase64, 'base64');
      if (raw.length > MAX_BACKGROUND_PICTURE_BYTES) throw new HearthError(ErrorCode.PayloadTooLarge, 'That picture is too big.');
      const clean = sanitizePicture(raw);
      if (!clean) throw new HearthError(ErrorCode.UnsupportedMediaType, 'That is not a picture Hearth can use (JPEG or PNG).');
      const dir = folder(childId);
      if (pictures(dir).length >= MAX_BACKGROUND_PICTURES) {
        throw new HearthError(ErrorCode.Conflict, `You can keep ${MAX_BACKGROUND_PICTURES} pictures. Delete one first.`);
      }
      const id = ulid(deps.now());
      writeFileAtomic(path.join(dir, `${id}.${EXTENSION[clean.mime]}`), clean.bytes);
      return find(dir, id);
    },
    read(childId: string, id: string): BackgroundPictureData {
      const dir = folder(childId);
      const picture = find(dir, id);
      const bytes = fs.readFileSync(path.join(dir, `${id}.${EXTENSION[picture.mime]}`));
      return { picture, dataBase64: bytes.toString('base64') };
    },
    remove(childId: string, id: string): MyBackgrounds {
      const dir = folder(childId);
      const picture = find(dir, id);
      fs.rmSync(path.join(dir, `${id}.${EXTENSION[picture.mime]}`), { force: true });
      const choice = readChoice(dir);
      if (choice.kind === 'picture' && choice.id === id) writeChoice(dir, OFF);
      return list(childId);
    },
    choose(childId: string, choice: Choice): Choice {
      const dir = folder(childId);
      if (choice.kind === 'picture') find(dir, choice.id);
      return writeChoice(dir, choice);
    },
  });
}
