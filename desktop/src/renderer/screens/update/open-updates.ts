/**
 * "See updates" from the "Hearth needs an update" notice: the grown-ups' pane (when open) shows
 * "This computer" and the updates card comes into view. A window event, since the notice sits
 * above the screens and knows nothing of the pane's sections.
 */
const EVENT = 'hearth:open-updates';
const CARD_ID = 'updates-card';

/** Asks the pane to show the updates card. */
export function openUpdates(): void {
  window.dispatchEvent(new Event(EVENT));
  // The card renders after the pane switched section.
  setTimeout(() => document.getElementById(CARD_ID)?.scrollIntoView({ block: 'start' }), 50);
}

/** The pane's side: `show` switches to "This computer". Returns the unsubscribe. */
export function onOpenUpdates(show: () => void): () => void {
  window.addEventListener(EVENT, show);
  return () => window.removeEventListener(EVENT, show);
}
