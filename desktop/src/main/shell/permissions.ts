import type { MediaAccessPermissionRequest, PermissionRequest, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

type RequestHandler = (
  webContents: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: PermissionRequest | MediaAccessPermissionRequest,
) => void;
type CheckHandler = (webContents: WebContents | null, permission: string, requestingOrigin: string) => boolean;

/** True when the request is for camera and/or microphone only. */
function onlyCameraAndMic(details: Readonly<{ mediaTypes?: readonly string[] }>): boolean {
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video' || t === 'audio');
}

/**
 * Grants camera and microphone to the app's own page only (calls, voice and video messages);
 * refuses every other permission (notifications, geolocation, USB, …) and every other origin.
 */
export function createPermissionRequestHandler(appOrigin: string): RequestHandler {
  return (_webContents, permission, callback, details) => {
    const fromApp = isAppUrl(details.requestingUrl, appOrigin) && details.isMainFrame;
    callback(permission === 'media' && fromApp && onlyCameraAndMic(details as { mediaTypes?: readonly string[] }));
  };
}

/** The synchronous check Chromium makes before a request: the same rule. */
export function createPermissionCheckHandler(appOrigin: string): CheckHandler {
  return (_webContents, permission, requestingOrigin) => permission === 'media' && isAppUrl(requestingOrigin, appOrigin);
}
