import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackgroundChoice, BackgroundPicture, ErrorBody } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { base64ToBlob, blobToBase64 } from '../../media/base64';
import { preparePhoto } from '../../media/photo';

/** One of the child's own pictures, with a URL to show it small. */
export type OwnPicture = Readonly<{ picture: BackgroundPicture; url: string }>;

export type MyBackgroundsState = Readonly<{
  loaded: boolean;
  pictures: readonly OwnPicture[];
  choice: BackgroundChoice;
  error: ErrorBody | null;
  busy: boolean;
  /** Remembers a choice for this child (main checks that an own picture exists). */
  choose: (choice: BackgroundChoice) => Promise<boolean>;
  /** Re-encodes a file the child picked (only pixels stay) and keeps it; the new picture, or null. */
  add: (file: Blob) => Promise<BackgroundPicture | null>;
  remove: (id: string) => Promise<void>;
}>;

/** The active child's own background pictures and remembered choice, through main. */
export function useMyBackgrounds(): MyBackgroundsState {
  const hearth = useHearth();
  const [pictures, setPictures] = useState<readonly OwnPicture[]>([]);
  const [choice, setChoice] = useState<BackgroundChoice>({ kind: 'off' });
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const urls = useRef<readonly OwnPicture[]>([]);

  const show = useCallback(
    async (list: readonly BackgroundPicture[]): Promise<void> => {
      const shown = await Promise.all(
        list.map(async (picture): Promise<OwnPicture | null> => {
          const read = await hearth.readMyBackground({ id: picture.id });
          return read.ok ? { picture, url: URL.createObjectURL(base64ToBlob(read.value.dataBase64, picture.mime)) } : null;
        }),
      );
      for (const p of urls.current) URL.revokeObjectURL(p.url);
      urls.current = shown.filter((p): p is OwnPicture => p !== null);
      setPictures(urls.current);
    },
    [hearth],
  );

  const load = useCallback(async (): Promise<void> => {
    const result = await hearth.listMyBackgrounds();
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setChoice(result.value.choice);
    await show(result.value.pictures);
    setLoaded(true);
  }, [hearth, show]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(
    () => () => {
      for (const p of urls.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  const choose = useCallback(
    async (next: BackgroundChoice): Promise<boolean> => {
      setError(null);
      const result = await hearth.setMyBackground({ choice: next });
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      setChoice(result.value);
      return true;
    },
    [hearth],
  );

  const add = useCallback(
    async (file: Blob): Promise<BackgroundPicture | null> => {
      setBusy(true);
      setError(null);
      try {
        let prepared: Blob;
        try {
          prepared = (await preparePhoto(file)).blob;
        } catch {
          setError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'not a picture' });
          return null;
        }
        const result = await hearth.addMyBackground({ dataBase64: await blobToBase64(prepared) });
        if (!result.ok) {
          setError(result.error);
          return null;
        }
        await load();
        return result.value;
      } finally {
        setBusy(false);
      }
    },
    [hearth, load],
  );

  const remove = useCallback(
    async (id: string): Promise<void> => {
      setError(null);
      const result = await hearth.deleteMyBackground({ id });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setChoice(result.value.choice);
      await show(result.value.pictures);
    },
    [hearth, show],
  );

  return { loaded, pictures, choice, error, busy, choose, add, remove };
}
