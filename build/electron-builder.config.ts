/**
 * electron-builder's entry (`electron-builder --config build/electron-builder.config.ts`, run by
 * `npm run package`): Hearth's configuration for this environment. Refuses, before anything is
 * built, a Windows signing set twice or a half-set one (see builder-config.ts).
 */
import { hearthBuilderConfig } from './builder-config';

export default hearthBuilderConfig(process.env);
