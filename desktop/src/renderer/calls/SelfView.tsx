import { useEffect, useRef, useState, type ReactElement } from 'react';
import { softwareWebGl } from '../effects/quality-levels';
import { useMediaElement } from './use-media-element';

/** At most this many self-view frames a second where the page is drawn in software. */
const SOFTWARE_SELF_VIEW_FPS = 15;
/** The canvas's width before its first frame, and where its shown width is not known. */
const DEFAULT_WIDTH = 320;

let software: boolean | undefined;

/**
 * Whether this page is drawn in software (no GPU, or one Chromium will not use): its WebGL is
 * SwiftShader, llvmpipe or the like, or there is none. Asked once, on the first self view.
 */
function softwareCompositing(): boolean {
  if (software !== undefined) return software;
  const gl = document.createElement('canvas').getContext('webgl');
  software = !gl || softwareWebGl(gl);
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  return software;
}

/** Draws `stream` into `canvas` at most `SOFTWARE_SELF_VIEW_FPS` times a second until the returned stop. */
function drawInto(canvas: HTMLCanvasElement, stream: MediaStream): () => void {
  const source = document.createElement('video');
  source.muted = true;
  source.playsInline = true;
  source.srcObject = stream;
  const ctx = canvas.getContext('2d', { alpha: false });
  const period = 1000 / SOFTWARE_SELF_VIEW_FPS;
  // A frame is drawn when its turn is at most a page frame (1/60 s) away; each turn comes a period
  // after the last (or now, after a pause), so over any stretch the rate stays at or under the cap.
  let next = -Infinity;
  let handle = 0;
  const draw = (now: number): void => {
    handle = source.requestVideoFrameCallback(draw);
    if (!ctx || source.videoWidth === 0 || now < next - 1000 / 60) return;
    next = Math.max(next, now - period) + period;
    // As many pixels as the canvas is shown with, up to the camera's own.
    const shown = Math.round(canvas.clientWidth * window.devicePixelRatio) || DEFAULT_WIDTH;
    const width = Math.min(source.videoWidth, shown);
    const height = Math.round((width * source.videoHeight) / source.videoWidth);
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    ctx.drawImage(source, 0, 0, width, height);
  };
  handle = source.requestVideoFrameCallback(draw);
  source.play().catch(() => undefined);
  return () => {
    source.cancelVideoFrameCallback(handle);
    source.pause();
    source.srcObject = null;
  };
}

/**
 * Ourselves, small (mirrored by the `call-self` style). Where the page is drawn in software, a
 * second playing video held the whole page back: in headless Chromium on a 2-core PC the page
 * redrew about 35 times a second instead of 60, and the friend's video showed 23–26 of its 30
 * frames (`bench:network`). There it is a canvas, redrawn at most 15 times a second in step with
 * the page's own drawing. With a GPU it stays a video.
 */
export function SelfView({
  stream,
  className,
  label,
}: Readonly<{ stream: MediaStream; className: string; label: string }>): ReactElement {
  const [inSoftware] = useState(softwareCompositing);
  const videoRef = useMediaElement(inSoftware ? null : stream);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    return inSoftware && canvas ? drawInto(canvas, stream) : undefined;
  }, [inSoftware, stream]);
  return inSoftware ? (
    <canvas
      ref={canvasRef}
      className={className}
      width={DEFAULT_WIDTH}
      height={(DEFAULT_WIDTH * 3) / 4}
      data-testid="call-local-video"
      role="img"
      aria-label={label}
    />
  ) : (
    <video ref={videoRef} className={className} data-testid="call-local-video" aria-label={label} autoPlay playsInline muted />
  );
}
