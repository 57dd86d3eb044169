/**
 * The 24-hour time field of the quiet-time controls (issue 14): the names a screen reader gives
 * its hours and minutes lists, whatever the PC's locale.
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
