/**
 * Issue 14 §4's notice kinds in "What happened in your family" (spread into `pane.notices.kind`
 * and `pane.notices.noBy`), and parent mode's policy review after sign-in (`parentReview.*`).
 */
import type { Spanish } from '../translation';

export const notifyNoticesEn = {
  kind: {
    'friend-reported': '{{child}} reported {{about}}.',
    'device-signed-out': '{{by}} signed {{child}} out of the computer “{{computer}}”.',
    'reconsent-requested': 'The privacy policy changed: please read what changed and agree again for {{child}}.',
  },
  noBy: {
    'friend-reported': '{{child}} reported {{about}}.',
    'device-signed-out': '{{child}} was signed out of the computer “{{computer}}”.',
    'reconsent-requested': 'The privacy policy changed: please read what changed and agree again for {{child}}.',
  },
} as const;

export const notifyNoticesEs: Spanish<typeof notifyNoticesEn> = {
  kind: {
    'friend-reported': '{{child}} denunció a {{about}}.',
    'device-signed-out': '{{by}} cerró la sesión de {{child}} en la computadora “{{computer}}”.',
    'reconsent-requested': 'La política de privacidad cambió: lee lo que cambió y vuelve a aceptarla para {{child}}.',
  },
  noBy: {
    'friend-reported': '{{child}} denunció a {{about}}.',
    'device-signed-out': 'Se cerró la sesión de {{child}} en la computadora “{{computer}}”.',
    'reconsent-requested': 'La política de privacidad cambió: lee lo que cambió y vuelve a aceptarla para {{child}}.',
  },
};

/** Parent mode, right after sign-in, when a new policy version waits for this grown-up's consent (F15). */
export const parentReviewEn = {
  parentReview: {
    later: 'Not now',
  },
} as const;

export const parentReviewEs: Spanish<typeof parentReviewEn> = {
  parentReview: {
    later: 'Ahora no',
  },
};
