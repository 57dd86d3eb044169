/**
 * The 24-hour time field of the quiet-time controls (issue 14): the names a screen reader gives
 * its hours and minutes lists, whatever the PC's locale (`pane.timeField.*`); and, on the child's
 * quiet screen, the messages quiet time holds in the outbox (`quietHeld.*`, kid words).
 */
import type { Spanish } from '../translation';

export const quietUiEn = {
  timeField: {
    hours: '{{field}} — hour',
    minutes: '{{field}} — minutes',
  },
} as const;

export const quietUiEs: Spanish<typeof quietUiEn> = {
  timeField: {
    hours: '{{field}}: hora',
    minutes: '{{field}}: minutos',
  },
};

export const quietHeldEn = {
  quietHeld: {
    title: 'Your messages will go in the morning',
    to: 'To {{name}}:',
  },
} as const;

export const quietHeldEs: Spanish<typeof quietHeldEn> = {
  quietHeld: {
    title: 'Tus mensajes saldrán por la mañana',
    to: 'Para {{name}}:',
  },
};
