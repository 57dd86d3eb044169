import type { SystemNotification, UiLanguage } from '@hearth/common';
import type { Logger } from '../logging/logger';
import { NOTIFICATION_KINDS, type GrownUpEvent, type NotificationNames } from './kinds';

/**
 * Shows one notification on the operating system. Electron's `Notification` under Electron
 * (`shell/electron-notifier.ts`); the page's web Notification API under the web host.
 */
export type SystemNotifier = Readonly<{ show: (n: SystemNotification) => void }>;

export type GrownUpNotifications = Readonly<{
  /** Tells the grown-up once per event id; a repeat (a reconnect, a second socket) is dropped. */
  notify: (event: GrownUpEvent) => void;
}>;

/** How many event ids are remembered; older ones are long gone from the relay's live frames. */
const REMEMBERED = 1_000;

function fill(template: string, names: NotificationNames): string {
  return template.replaceAll('{child}', names.child).replaceAll('{about}', names.about);
}

/** The notification's words in the PC's language, with the names filled in (and cut to fit). */
export function notificationFor(event: GrownUpEvent, language: UiLanguage): SystemNotification {
  const words = NOTIFICATION_KINDS[event.kind][language];
  return {
    tag: event.id.slice(0, 80),
    title: fill(words.title, event.names).slice(0, 200),
    body: fill(words.body, event.names).slice(0, 400),
  };
}

/** Builds the grown-ups' notifications over a notifier; `language` is read at each event. */
export function createGrownUpNotifications(
  deps: Readonly<{ notifier: SystemNotifier; language: () => UiLanguage; logger: Logger }>,
): GrownUpNotifications {
  const told = new Set<string>();
  const log = deps.logger.child({ component: 'notifications' });
  return Object.freeze({
    notify(event: GrownUpEvent): void {
      if (told.has(event.id)) return;
      told.add(event.id);
      if (told.size > REMEMBERED) told.delete(told.values().next().value as string);
      try {
        deps.notifier.show(notificationFor(event, deps.language()));
      } catch (err: unknown) {
        // The OS refused (notifications off, no notification server): the pane still lists it.
        log.warn({ err, kind: event.kind }, 'could not show a notification');
      }
    },
  });
}
