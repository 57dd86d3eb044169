/**
 * Time in Hearth as the relay ("the Hearth server" to families) counts it (issue 14): which measure the 30-day activity view shows,
 * in the pane's words and in kid words.
 */
import type { Spanish } from '../translation';

export const usageEn = {
  usageView: {
    fromRelay:
      'Time in Hearth is counted by the Hearth server: the minutes {{name}} was online or in a call on any of their computers ("away" does not count), the same minutes as the daily time limit. Days are in {{zone}}.',
    thisPc:
      'The Hearth server could not be reached, so time in Hearth here is only this computer’s own count (the minutes {{name}}’s profile was open, days in UTC). It can differ from the daily time limit’s count.',
    columnThisPc: 'Time in Hearth (this computer only)',
  },
  usageKid: {
    fromRelay: 'Time on Hearth counts the minutes you were here or in a call, on all your computers. "Away" does not count.',
    thisPc: 'Hearth could not check just now, so the time here is only from this computer.',
  },
} as const;

export const usageEs: Spanish<typeof usageEn> = {
  usageView: {
    fromRelay:
      'El tiempo en Hearth lo cuenta el servidor de Hearth: los minutos en que {{name}} estuvo en línea o en una llamada en cualquiera de sus computadoras ("ausente" no cuenta), los mismos minutos que el límite de tiempo diario. Los días son de la zona {{zone}}.',
    thisPc:
      'No se pudo conectar con el servidor de Hearth, así que aquí el tiempo en Hearth es solo la cuenta de esta computadora (los minutos que el perfil de {{name}} estuvo abierto, días en UTC). Puede no coincidir con la cuenta del límite de tiempo diario.',
    columnThisPc: 'Tiempo en Hearth (solo esta computadora)',
  },
  usageKid: {
    fromRelay:
      'El tiempo en Hearth cuenta los minutos que estuviste aquí o en una llamada, en todas tus computadoras. "Ausente" no cuenta.',
    thisPc: 'Hearth no pudo revisar ahora, así que el tiempo de aquí es solo de esta computadora.',
  },
} satisfies Spanish<typeof usageEn>;
