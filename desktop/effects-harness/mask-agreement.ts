/**
 * How close our masks stay to the model run on every frame: on each frame of the moving clip, our
 * engine (at the delegate given, adapting off) and MediaPipe's segmenter on the full frame (CPU
 * delegate), both thresholded at 0.5 after upscaling to the clip's size, compared by IoU.
 */
import { FilesetResolver, ImageSegmenter } from '@mediapipe/tasks-vision';
import { effectsAssetUrls } from '../src/renderer/effects/assets';
import type { Size } from '../src/renderer/effects/cover-fit';
import type { Delegate } from '../src/renderer/effects/types';
import { cameraPerson, ours } from './bench';
import { movingClip } from './clip';
import { iou, thresholdUpscaled, type MaskData } from './mask-iou';

export type AgreementOptions = Readonly<{ frames: number; size: Size; delegate: Delegate; assetsBase?: URL }>;

/** IoU of each frame, in order. */
export async function maskAgreement(options: AgreementOptions): Promise<number[]> {
  const base = options.assetsBase ?? new URL('./effects/', location.href);
  const urls = effectsAssetUrls(base);
  const clip = movingClip(await cameraPerson(), options.size);
  const truth = await ImageSegmenter.createFromOptions(await FilesetResolver.forVisionTasks(urls.wasmBase), {
    baseOptions: { modelAssetPath: urls.modelUrl, delegate: 'CPU' },
    runningMode: 'VIDEO',
    outputConfidenceMasks: true,
    outputCategoryMask: false,
    canvas: new OffscreenCanvas(1, 1),
  });
  const contender = await ours(options.size, options.delegate, base);
  const scores: number[] = [];
  try {
    for (let i = 0; i < options.frames; i++) {
      const frame = clip.frame(i, i * 33_333);
      await contender.step(frame, i + 1);
      const mine = contender.engine.readMask();
      let theirs: MaskData | null = null;
      truth.segmentForVideo(frame, i + 1, (result) => {
        const mask = result.confidenceMasks?.[0];
        if (mask) theirs = { data: mask.getAsFloat32Array().slice(), width: mask.width, height: mask.height, one: 1 };
      });
      frame.close();
      if (!theirs) throw new Error(`the reference segmenter gave no mask for frame ${i}`);
      // No mask of ours yet (model still loading) counts as an empty one.
      const ourMask: MaskData = mine ? { ...mine, one: 255 } : { data: [0], width: 1, height: 1, one: 1 };
      scores.push(iou(thresholdUpscaled(ourMask, options.size), thresholdUpscaled(theirs, options.size)));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    contender.close();
    truth.close();
  }
  return scores;
}
