import { useEffect, useRef, useState, type ReactElement } from 'react';
import { isSoftwareRenderer } from '../effects/quality-levels';
import { useMediaElement } from './use-media-element';

/** At most this many self-view frames a second where the page is drawn in software. */
export const SOFTWARE_SELF_VIEW_FPS = 15;
/** The canvas's width in pixels (its height follows the camera's shape): enough for the corner it fills. */
const CANVAS_WIDTH = 320;

let software: boolean | undefined;

/**
 * Whether this page is drawn in software (no GPU, or one Chromium will not use): its WebGL is
 * SwiftShader, llvmpipe or the like, or there is none. Asked once, on the first self view.
 */
export function softwareCompositing(): boolean {
  if (software !== undefined) return software;
  const gl = document.createElement('canvas').getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  software = !gl || isSoftwareRenderer(info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '');
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
  // Half a camera frame of slack: a 30 fps camera is drawn every other frame, a 15 fps one every frame.
  const every = 1000 / SOFTWARE_SELF_VIEW_FPS - 1000 / 60;
  let last = -Infinity;
  let stopped = false;
  const draw = (now: number): void => {
    if (stopped) return;
    if (ctx && source.videoWidth > 0 && now - last >= every) {
      last = now;
      const height = Math.round((CANVAS_WIDTH * source.videoHeight) / source.videoWidth);
      if (canvas.width !== CANVAS_WIDTH || canvas.height !== height) [canvas.width, canvas.height] = [CANVAS_WIDTH, height];
      ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
    }
    source.requestVideoFrameCallback(draw);
  };
  source.requestVideoFrameCallback(draw);
  source.play().catch(() => undefined);
  return () => {
    stopped = true;
    source.srcObject = null;
  };
}

/**
 * Ourselves, small (mirrored by the `call-self` style). Where the page is drawn in software, a
 * second playing video costs the friend's video about a fifth of its frames on a 2-core PC
 * (`bench:network`: 24 instead of 30 a second, the page redrawn 35 times a second instead of 60):
 * there it is a canvas redrawn at most 15 times a second, in step with the page's own drawing.
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
    <canvas ref={canvasRef} className={className} data-testid="call-local-video" role="img" aria-label={label} />
  ) : (
    <video ref={videoRef} className={className} data-testid="call-local-video" aria-label={label} autoPlay playsInline muted />
  );
}
