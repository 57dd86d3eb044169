/**
 * Quiet time and daily time (issue 14): the child's quiet screen and warnings (`quiet.*`, kid
 * words), what the child is told grown-ups see of it (`seeQuiet.*`), the grown-ups' controls
 * (`pane.quiet.*`) and the errors (`errors.*`, `errors.quiet.*`).
 */
import type { Spanish } from '../translation';

export const quietKidEn = {
  quiet: {
    title: 'Quiet time',
    seeYouAt: 'Quiet time — see you at {{time}}!',
    seeYouLater: 'Quiet time — see you later!',
    limitTitle: 'That is all your Hearth time for today.',
    rest: 'Your friends can’t reach you now. Their messages will wait for you.',
    reachGrownUps: 'You can still talk to your grown-ups:',
    write: 'Write to {{name}}',
    soon_one: 'Quiet time starts in {{count}} minute.',
    soon_other: 'Quiet time starts in {{count}} minutes.',
    callSoon_one: 'Quiet time in {{count}} minute. Time to say goodbye!',
    callSoon_other: 'Quiet time in {{count}} minutes. Time to say goodbye!',
    callEnded: 'It’s quiet time, so your call ended. You can talk again later!',
    waits: 'Waits for morning',
    ok: 'OK',
  },
  seeQuiet: {
    quiet: 'When it is quiet time. Your grown-ups choose it, and they can see when it ends.',
    daily: 'How much Hearth time you have each day, and how much is left.',
  },
} as const;

export const quietKidEs: Spanish<typeof quietKidEn> = {
  quiet: {
    title: 'Hora de descansar',
    seeYouAt: 'Hora de descansar. ¡Nos vemos a las {{time}}!',
    seeYouLater: 'Hora de descansar. ¡Nos vemos luego!',
    limitTitle: 'Ya usaste todo tu tiempo de Hearth de hoy.',
    rest: 'Tus amigos no pueden hablarte ahora. Sus mensajes te esperarán.',
    reachGrownUps: 'Puedes seguir hablando con tus mayores:',
    write: 'Escribir a {{name}}',
    soon_one: 'La hora de descansar empieza en {{count}} minuto.',
    soon_many: 'La hora de descansar empieza en {{count}} minutos.',
    soon_other: 'La hora de descansar empieza en {{count}} minutos.',
    callSoon_one: 'Hora de descansar en {{count}} minuto. ¡Es hora de despedirse!',
    callSoon_many: 'Hora de descansar en {{count}} minutos. ¡Es hora de despedirse!',
    callSoon_other: 'Hora de descansar en {{count}} minutos. ¡Es hora de despedirse!',
    callEnded: 'Es hora de descansar, así que la llamada terminó. ¡Podrán hablar más tarde!',
    waits: 'Espera a la mañana',
    ok: 'Listo',
  },
  seeQuiet: {
    quiet: 'Cuándo es la hora de descansar. Tus mayores la eligen y pueden ver cuándo termina.',
    daily: 'Cuánto tiempo de Hearth tienes cada día, y cuánto te queda.',
  },
};

export const quietErrorsEn = {
  QUIET_HOURS: 'Shh, it’s quiet time 🌙. You can send this when it ends.',
  SCHEDULE_OVERLAP:
    'Two quiet times on the same day overlap, or one starts and ends at the same time. Change one of them and save again.',
  TIME_ZONE_UNKNOWN: 'The server does not know that time zone. Pick one from the list.',
  TIME_NOT_IN_DAY:
    'That time does not exist today in the child’s time zone (the clocks change today). Pick a time a little later.',
} as const;

export const quietErrorsEs: Spanish<typeof quietErrorsEn> = {
  QUIET_HOURS: 'Shh, es hora de descansar 🌙. Podrás enviarlo cuando termine.',
  SCHEDULE_OVERLAP:
    'Dos horas de descanso del mismo día se solapan, o una empieza y termina a la misma hora. Cambia una y guarda de nuevo.',
  TIME_ZONE_UNKNOWN: 'El servidor no conoce esa zona horaria. Elige una de la lista.',
  TIME_NOT_IN_DAY: 'Esa hora no existe hoy en la zona horaria del niño (hoy cambia la hora). Elige una hora un poco más tarde.',
};

export const quietPaneEn = {
  quiet: {
    title: 'Quiet time and daily time',
    intro:
      'Hearth’s server keeps these and decides, whatever a computer’s clock says. During quiet time friends cannot reach the child and messages wait; the child’s guardians always can.',
    child: 'Child',
    status: {
      quietUntil: 'Quiet time until {{time}}',
      quietNoEnd: 'Quiet time now',
      limit: 'Daily time used up (until {{time}})',
      open: 'Not quiet now',
      startsIn: 'Quiet time starts in {{time}}',
      minutesLeft_one: '{{count}} minute left today',
      minutesLeft_other: '{{count}} minutes left today',
      unknown: 'The server has not said where this child stands.',
      zone: 'Times are in {{zone}}.',
    },
    quietNow: 'Quiet now until',
    quietNowButton: 'Start quiet time',
    more15: '15 more minutes today',
    more30: '30 more minutes today',
    schedule: 'Weekly quiet times',
    scheduleHelp: 'Each line is one quiet time, by the day it starts. An end before the start runs past midnight.',
    presets: 'Start from',
    preset: {
      schoolNights: 'School nights 20:00–07:00, weekends 21:00–08:00',
      lunch: 'Add lunch 12:00–13:00 on school days',
      none: 'No quiet times',
    },
    day: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
    from: 'From',
    to: 'to',
    add: 'Add a quiet time',
    remove: 'Remove',
    noWindows: 'No quiet time',
    addAllowed: 'Add a time',
    noAllowed: 'No time on this day',
    dailyLimit: 'Daily time',
    dailyLimitNone: 'No daily limit',
    dailyLimitMinutes: 'Minutes a day',
    trustedReach: 'Trusted grown-ups (grandparents and others) can reach the child during quiet time',
    myReach: 'I can reach the child during quiet time (and be reached)',
    save: 'Save quiet times',
    saved: 'Saved.',
    timeZone: 'Time zone',
    wholeFamily: 'For all my children',
    saveZone: 'Save time zone',
    contacts: 'When each contact may reach the child',
    contactsHelp: 'A contact’s times only narrow the child’s time outside quiet time.',
    contact: 'Contact',
    contactAllowed: 'Allowed from',
    contactSave: 'Save for this contact',
    contactClear: 'Any time outside quiet time',
  },
} as const;

export const quietPaneEs: Spanish<typeof quietPaneEn> = {
  quiet: {
    title: 'Horas de descanso y tiempo diario',
    intro:
      'El servidor de Hearth las guarda y decide, diga lo que diga el reloj de una computadora. Durante el descanso los amigos no pueden contactar al niño y los mensajes esperan; sus tutores siempre pueden.',
    child: 'Niño',
    status: {
      quietUntil: 'Descanso hasta las {{time}}',
      quietNoEnd: 'Descanso ahora',
      limit: 'Tiempo diario agotado (hasta las {{time}})',
      open: 'No está en descanso',
      startsIn: 'El descanso empieza en {{time}}',
      minutesLeft_one: 'Queda {{count}} minuto hoy',
      minutesLeft_many: 'Quedan {{count}} minutos hoy',
      minutesLeft_other: 'Quedan {{count}} minutos hoy',
      unknown: 'El servidor no ha dicho cómo está este niño.',
      zone: 'Las horas están en {{zone}}.',
    },
    quietNow: 'Descanso ahora hasta',
    quietNowButton: 'Empezar el descanso',
    more15: '15 minutos más hoy',
    more30: '30 minutos más hoy',
    schedule: 'Horas de descanso semanales',
    scheduleHelp: 'Cada línea es un descanso, según el día en que empieza. Un final antes del inicio pasa de medianoche.',
    presets: 'Empezar con',
    preset: {
      schoolNights: 'Noches de colegio 20:00–07:00, fines de semana 21:00–08:00',
      lunch: 'Añadir comida 12:00–13:00 los días de colegio',
      none: 'Sin horas de descanso',
    },
    day: { mon: 'Lunes', tue: 'Martes', wed: 'Miércoles', thu: 'Jueves', fri: 'Viernes', sat: 'Sábado', sun: 'Domingo' },
    from: 'De',
    to: 'a',
    add: 'Añadir un descanso',
    remove: 'Quitar',
    noWindows: 'Sin descanso',
    addAllowed: 'Añadir un horario',
    noAllowed: 'Ningún horario este día',
    dailyLimit: 'Tiempo diario',
    dailyLimitNone: 'Sin límite diario',
    dailyLimitMinutes: 'Minutos al día',
    trustedReach: 'Los adultos de confianza (abuelos y otros) pueden contactar al niño durante el descanso',
    myReach: 'Puedo contactar al niño durante el descanso (y él a mí)',
    save: 'Guardar las horas de descanso',
    saved: 'Guardado.',
    timeZone: 'Zona horaria',
    wholeFamily: 'Para todos mis hijos',
    saveZone: 'Guardar la zona horaria',
    contacts: 'Cuándo puede cada contacto hablar con el niño',
    contactsHelp: 'Las horas de un contacto solo reducen el tiempo del niño fuera del descanso.',
    contact: 'Contacto',
    contactAllowed: 'Permitido de',
    contactSave: 'Guardar para este contacto',
    contactClear: 'Cuando quiera fuera del descanso',
  },
};
