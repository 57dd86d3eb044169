import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, ErrorCode, ipcChannelName, ipcEventName, type IpcResult } from '@hearth/common';
import type { Handlers } from '../ipc/handlers';
import type { EventHub } from '../services/event-hub';
import { isAppUrl } from './app-origin';

/** Where events go: the main window's webContents (or a fake in tests). */
export type EventSink = Readonly<{ send: (channel: string, payload: unknown) => void; isDestroyed: () => boolean }>;

/**
 * Serves every channel of the contract on Electron's IPC, for the app's own page only (a frame
 * from any other origin is refused), and forwards main's events to the window. Returns the
 * function that undoes both.
 */
export function registerIpc(
  deps: Readonly<{ ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>; handlers: Handlers; events: EventHub; appOrigin: string }>,
  sink: () => EventSink | null,
): () => void {
  for (const name of CHANNEL_NAMES) {
    deps.ipcMain.handle(ipcChannelName(name), (event: IpcMainInvokeEvent, args: unknown): Promise<IpcResult<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, deps.appOrigin)) {
        return Promise.resolve({ ok: false, error: { code: ErrorCode.Forbidden, message: 'Not the Hearth app.' } });
      }
      return deps.handlers[name](args);
    });
  }
  const unsubscribe = deps.events.subscribe((event, payload) => {
    const target = sink();
    if (target && !target.isDestroyed()) target.send(ipcEventName(event), payload);
  });
  return () => {
    unsubscribe();
    for (const name of CHANNEL_NAMES) deps.ipcMain.removeHandler(ipcChannelName(name));
  };
}
