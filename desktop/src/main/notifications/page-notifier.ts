import type { EventHub } from '../services/event-hub';
import type { SystemNotifier } from './system-notifications';

/**
 * The notifier of the web host: the page (in Chromium) shows the notification with the web
 * Notification API. Sent to whoever is at the PC, which on a parent-mode PC is the grown-up.
 */
export function createPageNotifier(events: Pick<EventHub, 'emit'>): SystemNotifier {
  return Object.freeze({ show: (n) => events.emit('systemNotification', n) });
}
