/** The locked grown-ups' pane's badge (`pane.attention.*`, issue 14): a count only, never a name. */
import type { Spanish } from '../translation';

export const grownUpsAttentionEn = {
  attention: {
    waiting_one:
      '{{count}} thing is waiting for a grown-up, like a friend request to approve or a new privacy policy to agree to. Unlock to see it.',
    waiting_other:
      '{{count}} things are waiting for a grown-up, like friend requests to approve or a new privacy policy to agree to. Unlock to see them.',
  },
} as const;

export const grownUpsAttentionEs: Spanish<typeof grownUpsAttentionEn> = {
  attention: {
    waiting_one:
      '{{count}} cosa espera a un adulto, como una solicitud de amistad por aprobar o una nueva política de privacidad por aceptar. Desbloquea para verla.',
    waiting_other:
      '{{count}} cosas esperan a un adulto, como solicitudes de amistad por aprobar o una nueva política de privacidad por aceptar. Desbloquea para verlas.',
    waiting_many:
      '{{count}} cosas esperan a un adulto, como solicitudes de amistad por aprobar o una nueva política de privacidad por aceptar. Desbloquea para verlas.',
  },
};
