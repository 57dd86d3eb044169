/** Background blur and replacement on the device (DESIGN.md §5). */
export { createEffectsPipeline, type EffectsPipeline, type EffectsPipelineOptions } from './pipeline';
export { EffectsPreview, useEffectsPipeline, type EffectsPreviewProps } from './EffectsPreview';
export {
  type Background,
  type BundledBackgroundId,
  type Delegate,
  type EffectsNotice,
  type EffectsNoticeCode,
  type EffectsStats,
} from './types';
