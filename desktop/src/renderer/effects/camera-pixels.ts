/**
 * Camera frames as RGBA bytes, for software-rendered WebGL (SwiftShader, llvmpipe): there, handing
 * texImage2D a VideoFrame converts it on the CPU anyway, by a slower path. Measured in Chromium with
 * SwiftShader at 640×480 on a busy 2-core machine, upload until finish(): texImage2D of the frame
 * 5.5 ms (BGRA), 8.4 ms (I420), 13.8 ms (NV12); `VideoFrame.copyTo()` into RGBA and an upload of the
 * bytes 2.0, 1.9 and 4.3 ms, the same bytes (checked in e2e/effects.e2e.test.ts). With a real GPU
 * the frame goes to texImage2D as it is (it may never leave the GPU).
 */

export type CameraPixels = Readonly<{ data: Uint8Array; width: number; height: number }>;

export type CameraCopier = {
  /**
   * The frame's pixels, RGBA (sRGB), top row first, in a buffer reused by the next call; `null`
   * where this browser cannot convert while copying or the frame is stretched for display (then
   * upload the frame itself).
   */
  copy(frame: VideoFrame): Promise<CameraPixels | null>;
};

/** Whether `copyTo()` converts to the format asked for: older browsers ignore the option and copy as is. */
export async function copiesToRgba(): Promise<boolean> {
  try {
    const frame = new VideoFrame(Uint8Array.of(1, 2, 3, 255), { format: 'BGRA', codedWidth: 1, codedHeight: 1, timestamp: 0 });
    try {
      const out = new Uint8Array(4);
      await frame.copyTo(out, { format: 'RGBA', colorSpace: 'srgb' });
      return out[0] === 3 && out[1] === 2 && out[2] === 1 && out[3] === 255;
    } finally {
      frame.close();
    }
  } catch {
    return false;
  }
}

export function createCameraCopier(): CameraCopier {
  let supported: Promise<boolean> | null = null;
  let buffer = new Uint8Array(0);
  return {
    async copy(frame: VideoFrame): Promise<CameraPixels | null> {
      supported ??= copiesToRgba();
      if (!(await supported)) return null;
      const rect = frame.visibleRect;
      if (!rect || rect.width !== frame.displayWidth || rect.height !== frame.displayHeight) return null;
      // copyTo() copies the frame as stored: a frame to be shown turned or mirrored goes up as it is.
      const { rotation, flip } = frame as { rotation?: number; flip?: boolean };
      if ((rotation ?? 0) !== 0 || flip === true) return null;
      const { width, height } = rect;
      if (buffer.length !== width * height * 4) buffer = new Uint8Array(width * height * 4);
      let layout: PlaneLayout[];
      try {
        layout = await frame.copyTo(buffer, { format: 'RGBA', colorSpace: 'srgb' });
      } catch {
        // A frame this browser cannot read back: upload the frames themselves from now on.
        supported = Promise.resolve(false);
        return null;
      }
      // One tightly packed RGBA plane, or the browser did not convert as asked: upload frames from now on.
      const [plane, ...more] = layout;
      if (!plane || more.length > 0 || plane.offset !== 0 || plane.stride !== width * 4) {
        supported = Promise.resolve(false);
        return null;
      }
      return { data: buffer, width, height };
    },
  };
}
