import { useEffect, useRef, type RefObject } from 'react';

/** How close to the bottom (px) still counts as "reading the newest". */
const NEAR_BOTTOM = 48;
/** A scroll this soon after the child's own wheel, touch, key or pointer counts as theirs. */
const USER_SCROLL_MS = 1_000;

/**
 * Keeps a scrolling conversation at its newest message: when a new one arrives, and whenever the
 * conversation or its contents change size (a picture or video finishing loading, a preview or
 * notice opening beside it), unless the child scrolled up to read older ones. Only the child's own
 * scrolling (wheel, touch, keys, the scrollbar) lets go of the bottom: a scroll the browser makes
 * because the layout moved never does, or a photo would stop half out of view.
 */
export function useStickToBottom(scroller: RefObject<HTMLElement | null>, newest: string | undefined): void {
  const stick = useRef(true);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    let userAt = -Infinity;
    const markUser = (): void => {
      userAt = performance.now();
    };
    const keep = (): void => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    };
    const onScroll = (): void => {
      const near = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM;
      if (near) stick.current = true;
      else if (performance.now() - userAt < USER_SCROLL_MS) stick.current = false;
    };
    const sizes = new ResizeObserver(keep);
    sizes.observe(el);
    for (const child of Array.from(el.children)) sizes.observe(child);
    const children = new MutationObserver((records) => {
      for (const r of records) for (const n of Array.from(r.addedNodes)) if (n instanceof Element) sizes.observe(n);
      keep();
    });
    children.observe(el, { childList: true });
    const userEvents = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    for (const type of userEvents) el.addEventListener(type, markUser, { passive: true });
    el.addEventListener('scroll', onScroll, { passive: true });
    // `load` does not bubble, but it can be caught on the way down.
    el.addEventListener('load', keep, true);
    el.addEventListener('loadedmetadata', keep, true);
    return () => {
      sizes.disconnect();
      children.disconnect();
      for (const type of userEvents) el.removeEventListener(type, markUser);
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('load', keep, true);
      el.removeEventListener('loadedmetadata', keep, true);
    };
  }, [scroller]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    stick.current = true;
  }, [scroller, newest]);
}
