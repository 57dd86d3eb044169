import type { SystemNotification } from '@hearth/common';
import { useHearthEvent } from './use-event';

/** The part of the web Notification API Hearth uses. */
export interface WebNotifications {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options: Readonly<{ body: string; tag: string }>): unknown;
}

/**
 * Shows one of main's notifications with the page's web Notification API (the web host, in
 * Chromium; under Electron main shows them itself and never sends them). Asks once for the
 * permission; a grown-up who said no is not asked again, and nothing is shown.
 */
export async function showWebNotification(n: SystemNotification, api: WebNotifications | undefined): Promise<boolean> {
  if (api === undefined) return false;
  const permission = api.permission === 'default' ? await api.requestPermission() : api.permission;
  if (permission !== 'granted') return false;
  // The tag is the event's: the system replaces a notification with the same tag instead of stacking it.
  new api(n.title, { body: n.body, tag: n.tag });
  return true;
}

/** Parent mode's system notifications in the page (issue 14). */
export function useSystemNotifications(): void {
  useHearthEvent('systemNotification', (n) => {
    void showWebNotification(n, (globalThis as { Notification?: WebNotifications }).Notification);
  });
}
