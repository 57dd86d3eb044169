/** Calls on bad networks (issue 18): a call recovering, lost, gone to voice only, or on a poor line (kid words). */
import type { Spanish } from '../translation';

export const netCallsEn = {
  netCalls: {
    reconnecting: 'Reconnecting…',
    lost: 'The call was lost',
    voiceOnly: 'Your friend’s internet is slow, so we’re using voice only',
    poorConnection: 'Poor connection',
  },
} as const;

export const netCallsEs: Spanish<typeof netCallsEn> = {
  netCalls: {
    reconnecting: 'Reconectando…',
    lost: 'Se perdió la llamada',
    voiceOnly: 'El internet de tu amigo va lento, así que usamos solo voz',
    poorConnection: 'Conexión débil',
  },
};
