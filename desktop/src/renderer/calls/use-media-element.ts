import { useCallback } from 'react';

/** A ref callback that plays a stream in a `<video>` or `<audio>` element (and swaps it when it changes). */
export function useMediaElement(stream: MediaStream | null): (el: HTMLMediaElement | null) => void {
  return useCallback(
    (el: HTMLMediaElement | null) => {
      if (!el || el.srcObject === stream) return;
      el.srcObject = stream;
      if (stream) el.play().catch(() => undefined); // autoplay is allowed for the app's page; a refusal leaves the play button
    },
    [stream],
  );
}
