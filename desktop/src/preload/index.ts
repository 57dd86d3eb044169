/**
 * The preload (CommonJS, sandboxed): exposes `window.hearth`, built from the IPC contract over
 * Electron's IPC, and nothing else. The renderer never gets ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createHearthClient, ipcChannelName, ipcEventName, type IpcResult } from '@hearth/common';

const hearth = createHearthClient({
  invoke: (channel, args) => ipcRenderer.invoke(ipcChannelName(channel), args) as Promise<IpcResult<unknown>>,
  subscribe: (event, listener) => {
    const forward = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(ipcEventName(event), forward);
    return () => {
      ipcRenderer.removeListener(ipcEventName(event), forward);
    };
  },
});

contextBridge.exposeInMainWorld('hearth', hearth);
