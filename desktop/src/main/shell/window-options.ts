import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer's web preferences: sandboxed, isolated from the preload, no Node, no remote
 * content features. The preload is the only bridge (`window.hearth`).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // A middle click must not open a link in a new window (Electronegativity's AUXCLICK check).
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The main window's options: big enough for kid-sized targets, hidden until first paint. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Hearth',
    backgroundColor: '#fff8f0',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The least of BrowserWindow the factory uses, so tests can pass a fake. */
export type WindowLike = Readonly<{
  loadURL: (url: string) => Promise<void>;
  once: (event: 'ready-to-show', listener: () => void) => unknown;
  show: () => void;
}>;

/** Makes the main window and loads the app's page into it. */
export function createMainWindow<W extends WindowLike>(
  deps: Readonly<{ create: (options: BrowserWindowConstructorOptions) => W; preloadPath: string; startUrl: string }>,
): W {
  const win = deps.create(mainWindowOptions(deps.preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(deps.startUrl);
  return win;
}
