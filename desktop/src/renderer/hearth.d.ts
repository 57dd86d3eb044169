import type { HearthApi } from '@hearth/common';

declare global {
  interface Window {
    /** The one bridge to main: the preload's under Electron, the web bridge's in a browser. */
    hearth?: HearthApi;
  }
}
