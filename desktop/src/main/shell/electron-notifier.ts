import type { SystemNotifier } from '../notifications/system-notifications';

/** The part of Electron's `Notification` class Hearth uses (passed in, so this file imports no Electron). */
export interface ElectronNotificationClass {
  isSupported(): boolean;
  new (options: Readonly<{ title: string; body: string }>): { show: () => void };
}

/** System notifications under Electron, shown by main (the renderer is refused the permission). */
export function createElectronNotifier(Notification: ElectronNotificationClass): SystemNotifier {
  return Object.freeze({
    show(n) {
      if (Notification.isSupported()) new Notification({ title: n.title, body: n.body }).show();
    },
  });
}
