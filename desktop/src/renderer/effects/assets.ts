/** Where the shipped effect assets live under the app's assets folder (see desktop/scripts/copy-effects-assets.ts). */

/** File name of the segmentation model the app ships. */
export const MODEL_FILE = 'selfie_segmenter_landscape.tflite';

/** Absolute URLs of the wasm folder and the model, from the assets folder URL. */
export function effectsAssetUrls(assetsBase: string | URL): Readonly<{ wasmBase: string; modelUrl: string }> {
  const base = new URL(assetsBase, globalThis.location?.href);
  const folder = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  return { wasmBase: new URL('wasm', folder).href, modelUrl: new URL(`models/${MODEL_FILE}`, folder).href };
}
