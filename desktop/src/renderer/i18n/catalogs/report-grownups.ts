/**
 * Issue 15 (F11, F16): reports in the grown-ups' pane and parent mode (`pane.reports.*`), and a
 * paused child's kid words (`kidSuspension.*`).
 */
import type { Spanish } from '../translation';

export const reportGrownupsEn = {
  reports: {
    nav: 'Reports',
    title: 'Reports from your children',
    lead: 'When your child presses “Something’s wrong”, the report comes here. The other child is already blocked. Nothing else happens unless you choose it below.',
    none: 'No reports from your children.',
    row: '{{child}} reported {{about}}',
    open: 'See the report about {{about}}',
    back: 'Back to the reports',
    reason: {
      'mean-words': 'Mean words',
      'scary-picture': 'A scary or rude picture',
      'secrets-or-where-i-live': 'Asked for secrets or where they live',
      'wants-to-meet': 'Wants to meet',
      'something-else': 'Something else',
    },
    place: {
      message: 'on a message',
      friend: 'on a friend’s card',
      game: 'in a game',
      call: 'during a call',
      'call-end': 'after a call',
    },
    role: {
      friend: 'a friend',
      'trusted-grown-up': 'a trusted grown-up',
      guardian: 'a parent or guardian',
      'former-contact': 'a former contact',
    },
    detailTitle: 'Report about {{about}}',
    who: '{{child}} reported {{about}} ({{role}}), {{place}}.',
    why: 'Why: {{reason}}',
    made: 'Made {{when}}',
    messages: 'The last messages',
    noMessages: 'No messages came with this report.',
    picture: 'A picture in the conversation',
    voice: 'A voice message',
    video: 'A video message',
    fileMissing: 'This file did not come with the report.',
    otherMessage: 'A message of another kind ({{kind}})',
    calls: 'Calls',
    call: {
      incoming: 'Call from {{about}}, {{when}}: {{minutes}} min ({{outcome}})',
      outgoing: 'Call to {{about}}, {{when}}: {{minutes}} min ({{outcome}})',
    },
    voiceNote: '{{child}}’s voice note',
    state: {
      title: 'What was done',
      blocked: '{{about}} was blocked when {{child}} made the report.',
      autoForwarded: 'Sent to Hearth’s moderators at once, because of the reason.',
      forwarded: 'Sent to Hearth’s moderators {{when}}.',
      shared: 'Sent to the other child’s grown-ups {{when}}.',
      unblocked: 'Unblocked {{when}}.',
      closed: 'Hearth’s moderators closed this report {{when}}.',
    },
    actions: {
      title: 'What you can do',
      cancel: 'Cancel',
      unblock: 'Unblock {{about}}',
      unblockConfirm: 'Unblock {{about}}? They can message and call {{child}} again. The report stays here.',
      unblockYes: 'Yes, unblock',
      forward: 'Send to Hearth’s moderators',
      forwardConfirm:
        'Send this report to Hearth’s moderators? They read these messages and can pause {{about}}’s account. They never tell {{about}}’s family who reported.',
      forwardNote: 'A note for the moderators (you may leave it empty)',
      forwardYes: 'Yes, send to the moderators',
      share: 'Send to {{about}}’s grown-ups',
      shareConfirm:
        '{{about}}’s grown-ups will see {{child}}’s first name and these messages. They will not see your name, your email or anything else about you, and they cannot reply through Hearth.',
      shareYes: 'Yes, send it to them',
    },
    shared: {
      title: 'Reports about your children',
      row: 'Another family shared a report about {{child}}',
      from: 'Reported by {{reporter}} (their first name only), {{when}}.',
      noReply: 'You cannot reply through Hearth. Talking with {{child}} about it may help.',
      open: 'See the report about {{child}}',
    },
    suspension: {
      title: 'Paused by Hearth',
      paused: 'Hearth’s moderators paused {{child}}’s account. Why: {{category}}. {{child}} can still talk with you.',
      category: {
        bullying: 'bullying',
        'inappropriate-content': 'something not right for children',
        'unsafe-contact': 'unsafe contact with someone',
        'spam-or-scam': 'spam or a scam',
        other: 'another reason',
      },
    },
    notice: 'See the report',
    more: 'Open the reports',
  },
} as const;

export const reportGrownupsEs: Spanish<typeof reportGrownupsEn> = {
  reports: {
    nav: 'Denuncias',
    title: 'Denuncias de tus hijos',
    lead: 'Cuando tu hijo o hija pulsa «Algo va mal», la denuncia llega aquí. El otro niño ya está bloqueado. No pasa nada más si tú no lo eliges abajo.',
    none: 'No hay denuncias de tus hijos.',
    row: '{{child}} denunció a {{about}}',
    open: 'Ver la denuncia sobre {{about}}',
    back: 'Volver a las denuncias',
    reason: {
      'mean-words': 'Palabras feas',
      'scary-picture': 'Una imagen que da miedo o grosera',
      'secrets-or-where-i-live': 'Pidió secretos o dónde vive',
      'wants-to-meet': 'Quiere quedar en persona',
      'something-else': 'Otra cosa',
    },
    place: {
      message: 'en un mensaje',
      friend: 'en la tarjeta de un amigo',
      game: 'en un juego',
      call: 'durante una llamada',
      'call-end': 'después de una llamada',
    },
    role: {
      friend: 'un amigo',
      'trusted-grown-up': 'un adulto de confianza',
      guardian: 'un padre, madre o tutor',
      'former-contact': 'un antiguo contacto',
    },
    detailTitle: 'Denuncia sobre {{about}}',
    who: '{{child}} denunció a {{about}} ({{role}}), {{place}}.',
    why: 'Motivo: {{reason}}',
    made: 'Hecha el {{when}}',
    messages: 'Los últimos mensajes',
    noMessages: 'Esta denuncia no trae mensajes.',
    picture: 'Una imagen de la conversación',
    voice: 'Un mensaje de voz',
    video: 'Un mensaje de video',
    fileMissing: 'Este archivo no llegó con la denuncia.',
    otherMessage: 'Un mensaje de otro tipo ({{kind}})',
    calls: 'Llamadas',
    call: {
      incoming: 'Llamada de {{about}}, {{when}}: {{minutes}} min ({{outcome}})',
      outgoing: 'Llamada a {{about}}, {{when}}: {{minutes}} min ({{outcome}})',
    },
    voiceNote: 'La nota de voz de {{child}}',
    state: {
      title: 'Lo que se hizo',
      blocked: '{{about}} quedó bloqueado cuando {{child}} hizo la denuncia.',
      autoForwarded: 'Enviada a los moderadores de Hearth al momento, por el motivo.',
      forwarded: 'Enviada a los moderadores de Hearth el {{when}}.',
      shared: 'Enviada a los mayores del otro niño el {{when}}.',
      unblocked: 'Desbloqueado el {{when}}.',
      closed: 'Los moderadores de Hearth cerraron esta denuncia el {{when}}.',
    },
    actions: {
      title: 'Lo que puedes hacer',
      cancel: 'Cancelar',
      unblock: 'Desbloquear a {{about}}',
      unblockConfirm: '¿Desbloquear a {{about}}? Podrá volver a escribir y llamar a {{child}}. La denuncia se queda aquí.',
      unblockYes: 'Sí, desbloquear',
      forward: 'Enviar a los moderadores de Hearth',
      forwardConfirm:
        '¿Enviar esta denuncia a los moderadores de Hearth? Leerán estos mensajes y pueden pausar la cuenta de {{about}}. Nunca le dicen a la familia de {{about}} quién denunció.',
      forwardNote: 'Una nota para los moderadores (puedes dejarla vacía)',
      forwardYes: 'Sí, enviar a los moderadores',
      share: 'Enviar a los mayores de {{about}}',
      shareConfirm:
        'Los mayores de {{about}} verán el nombre de pila de {{child}} y estos mensajes. No verán tu nombre, tu correo ni nada más sobre ti, y no pueden responder a través de Hearth.',
      shareYes: 'Sí, enviárselo',
    },
    shared: {
      title: 'Denuncias sobre tus hijos',
      row: 'Otra familia compartió una denuncia sobre {{child}}',
      from: 'La hizo {{reporter}} (solo su nombre de pila), el {{when}}.',
      noReply: 'No puedes responder a través de Hearth. Puede ayudar hablarlo con {{child}}.',
      open: 'Ver la denuncia sobre {{child}}',
    },
    suspension: {
      title: 'Pausada por Hearth',
      paused:
        'Los moderadores de Hearth pausaron la cuenta de {{child}}. Motivo: {{category}}. {{child}} todavía puede hablar contigo.',
      category: {
        bullying: 'acoso',
        'inappropriate-content': 'algo que no es para niños',
        'unsafe-contact': 'un contacto poco seguro con alguien',
        'spam-or-scam': 'spam o una estafa',
        other: 'otro motivo',
      },
    },
    notice: 'Ver la denuncia',
    more: 'Abrir las denuncias',
  },
};

export const kidSuspensionEn = {
  kidSuspension: {
    notice: 'A grown-up at Hearth paused your account for now. You can still talk to your own grown-ups.',
  },
} as const;

export const kidSuspensionEs: Spanish<typeof kidSuspensionEn> = {
  kidSuspension: {
    notice: 'Una persona mayor de Hearth pausó tu cuenta por ahora. Todavía puedes hablar con tus mayores.',
  },
};
