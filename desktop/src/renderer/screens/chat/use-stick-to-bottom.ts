import { useEffect, useRef, type RefObject } from 'react';

/** How close to the bottom (px) still counts as "reading the newest". */
const NEAR_BOTTOM = 48;

/**
 * Keeps a scrolling conversation at its newest message: when a new one arrives, and again when a
 * picture or video in it finishes loading and grows it (it would stop half out of view), unless
 * the child had scrolled up to read older ones.
 */
export function useStickToBottom(scroller: RefObject<HTMLElement | null>, newest: string | undefined): void {
  const atBottom = useRef(true);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const toBottom = (): void => {
      el.scrollTop = el.scrollHeight;
    };
    const onScroll = (): void => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM;
    };
    // `load` does not bubble, but it can be caught on the way down.
    const onLoaded = (): void => {
      if (atBottom.current) toBottom();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('load', onLoaded, true);
    el.addEventListener('loadedmetadata', onLoaded, true);
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('load', onLoaded, true);
      el.removeEventListener('loadedmetadata', onLoaded, true);
    };
  }, [scroller]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    atBottom.current = true;
  }, [scroller, newest]);
}
