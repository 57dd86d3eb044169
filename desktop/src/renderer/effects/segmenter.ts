/**
 * MediaPipe's ImageSegmenter, loaded from files that ship with the app (never from a CDN). With the
 * GPU delegate it is bound to the compositor's canvas so that masks stay in the shared WebGL2
 * context; with the CPU delegate it gets a canvas of its own, because MediaPipe resizes its canvas
 * to each input image while converting it.
 */
import { FilesetResolver, ImageSegmenter, type MPMask } from '@mediapipe/tasks-vision';
import type { Delegate } from './types';

/** Where the wasm files and the model are, as absolute URLs on the app's own origin. */
export type SegmenterAssets = Readonly<{
  /** Folder holding tasks-vision's `vision_wasm_*` files. */
  wasmBase: string;
  /** The selfie segmentation model (`.tflite`, tasks-compatible, with metadata). */
  modelUrl: string;
  /** True inside a module worker, where the wasm loader must be an ES module. */
  moduleWorker: boolean;
}>;

export type Segmenter = {
  readonly delegate: Delegate;
  /** Segments one frame; `onMask` runs synchronously with the person mask, valid only during the call. */
  segment(image: TexImageSource, timestampMs: number, onMask: (mask: MPMask) => void): void;
  close(): void;
};

/** Creates a segmenter; `canvas` is the one MediaPipe may draw on and resize. */
export type SegmenterFactory = (delegate: Delegate, canvas: OffscreenCanvas | HTMLCanvasElement) => Promise<Segmenter>;

/** Loads the wasm fileset and the model bytes once; returns a factory for either delegate. */
export async function loadSegmenterFactory(assets: SegmenterAssets): Promise<SegmenterFactory> {
  const [fileset, model] = await Promise.all([
    FilesetResolver.forVisionTasks(assets.wasmBase, assets.moduleWorker),
    fetch(assets.modelUrl).then(async (response) => {
      if (!response.ok) throw new Error(`segmentation model not found (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  ]);
  return async (delegate: Delegate, canvas: OffscreenCanvas | HTMLCanvasElement): Promise<Segmenter> => {
    if (assets.moduleWorker) {
      // tasks-vision imports its ES-module loader and then clears the global factory the loader set;
      // a second import() is served from the module cache and sets nothing, so a second segmenter
      // (after a delegate switch) fails with "ModuleFactory not set". Put the factory back ourselves.
      const loader = (await import(/* @vite-ignore */ fileset.wasmLoaderPath)) as { default?: unknown };
      (globalThis as { ModuleFactory?: unknown }).ModuleFactory = loader.default;
    }
    const segmenter = await ImageSegmenter.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: model, delegate },
      runningMode: 'VIDEO',
      outputConfidenceMasks: true,
      outputCategoryMask: false,
      canvas,
    });
    return {
      delegate,
      segment(image: TexImageSource, timestampMs: number, onMask: (mask: MPMask) => void): void {
        segmenter.segmentForVideo(image, timestampMs, (result) => {
          const mask = result.confidenceMasks?.[0];
          if (mask) onMask(mask);
        });
      },
      close(): void {
        segmenter.close();
      },
    };
  };
}
