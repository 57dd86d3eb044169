import { useEffect, useState } from 'react';
import { useHearth } from '../../app/hearth-context';
import { base64ToBlob } from '../../media/base64';

/** How often, and how many times, to look again for a friend's attachment that is still arriving. */
const RETRY_MS = 1_000;
const RETRIES = 120;

/** An object URL for an attachment in the active profile's folder; null until it is here. */
export function useAttachmentUrl(hash: string): Readonly<{ url: string | null; failed: boolean }> {
  const hearth = useHearth();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const attempt = (left: number): void => {
      void hearth.readAttachment({ hash }).then((r) => {
        if (!live) return;
        if (r.ok) {
          made = URL.createObjectURL(base64ToBlob(r.value.dataBase64, r.value.info.mime));
          setUrl(made);
        } else if (r.error.code === 'UNAVAILABLE' && left > 0) {
          timer = setTimeout(() => attempt(left - 1), RETRY_MS);
        } else setFailed(true);
      });
    };
    attempt(RETRIES);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      if (made) URL.revokeObjectURL(made);
    };
  }, [hearth, hash]);
  return { url, failed };
}
