/** "What happened in your family" (`pane.notices.*`), the friend-approval screen's word on the other family's grown-ups (`pane.otherGrownUps.*`), and the child's "My family" (`kidFamily.*`). */
import type { Spanish } from '../translation';
import { notifyNoticesEn, notifyNoticesEs } from './notify';
import { safetyNoticesEn, safetyNoticesEs } from './safety';

export const familyNoticesEn = {
  notices: {
    title: 'What happened in your family',
    none: 'Nothing yet.',
    kind: {
      'friend-requested': '{{child}} asked to be friends with {{about}}.',
      'friend-approved': '{{by}} approved {{child}}’s friendship with {{about}}.',
      'friend-blocked': '{{by}} blocked {{about}} for {{child}}.',
      'friend-removed': '{{by}} ended {{child}}’s friendship with {{about}}.',
      'guardian-added': '{{about}} is now a guardian of {{child}} (added by {{by}}).',
      'guardian-removed': '{{about}} is no longer a guardian of {{child}} (done by {{by}}).',
      'trusted-added': '{{about}} is now a trusted grown-up of {{child}} (added by {{by}}).',
      'trusted-removed': '{{about}} is no longer a trusted grown-up of {{child}} (done by {{by}}).',
      'consent-given': '{{by}} agreed to the privacy policy for {{child}}.',
      'consent-withdrawn': '{{by}} withdrew their consent for {{child}}.',
      'child-deleted': '{{by}} deleted {{child}}’s account.',
      ...notifyNoticesEn.kind,
      ...safetyNoticesEn.kind,
    },
    /** The same, where no grown-up did it (the other family, the child, the server's operator). */
    noBy: {
      'friend-requested': '{{child}} asked to be friends with {{about}}.',
      'friend-approved': '{{about}}’s family approved the friendship with {{child}}.',
      'friend-blocked': 'The friendship between {{child}} and {{about}} was blocked.',
      'friend-removed': 'The friendship between {{child}} and {{about}} ended.',
      'guardian-added': '{{about}} is now a guardian of {{child}}.',
      'guardian-removed': '{{about}} is no longer a guardian of {{child}}.',
      'trusted-added': '{{about}} is now a trusted grown-up of {{child}}.',
      'trusted-removed': '{{about}} is no longer a trusted grown-up of {{child}}.',
      'consent-given': 'Consent to the privacy policy was given for {{child}}.',
      'consent-withdrawn': 'Consent was withdrawn for {{child}}.',
      'child-deleted': '{{child}}’s account was deleted.',
      ...notifyNoticesEn.noBy,
      ...safetyNoticesEn.noBy,
    },
    someone: 'someone',
    /** A deleted child: the relay forgot the name (it keeps "?"). */
    forgotten: 'a child',
  },
  otherGrownUps: {
    verified: '{{name}}: email verified, {{age}}',
    notVerified: '{{name}}: email not verified, {{age}}',
  },
} as const;

export const familyNoticesEs: Spanish<typeof familyNoticesEn> = {
  notices: {
    title: 'Lo que pasó en tu familia',
    none: 'Nada todavía.',
    kind: {
      'friend-requested': '{{child}} pidió ser amigo o amiga de {{about}}.',
      'friend-approved': '{{by}} aprobó la amistad de {{child}} con {{about}}.',
      'friend-blocked': '{{by}} bloqueó a {{about}} para {{child}}.',
      'friend-removed': '{{by}} terminó la amistad de {{child}} con {{about}}.',
      'guardian-added': '{{about}} ahora es tutor de {{child}} (lo agregó {{by}}).',
      'guardian-removed': '{{about}} ya no es tutor de {{child}} (lo hizo {{by}}).',
      'trusted-added': '{{about}} ahora es adulto de confianza de {{child}} (lo agregó {{by}}).',
      'trusted-removed': '{{about}} ya no es adulto de confianza de {{child}} (lo hizo {{by}}).',
      'consent-given': '{{by}} aceptó la política de privacidad para {{child}}.',
      'consent-withdrawn': '{{by}} retiró su consentimiento para {{child}}.',
      'child-deleted': '{{by}} borró la cuenta de {{child}}.',
      ...notifyNoticesEs.kind,
      ...safetyNoticesEs.kind,
    },
    noBy: {
      'friend-requested': '{{child}} pidió ser amigo o amiga de {{about}}.',
      'friend-approved': 'La familia de {{about}} aprobó la amistad con {{child}}.',
      'friend-blocked': 'La amistad entre {{child}} y {{about}} se bloqueó.',
      'friend-removed': 'La amistad entre {{child}} y {{about}} terminó.',
      'guardian-added': '{{about}} ahora es tutor de {{child}}.',
      'guardian-removed': '{{about}} ya no es tutor de {{child}}.',
      'trusted-added': '{{about}} ahora es adulto de confianza de {{child}}.',
      'trusted-removed': '{{about}} ya no es adulto de confianza de {{child}}.',
      'consent-given': 'Se dio el consentimiento a la política de privacidad para {{child}}.',
      'consent-withdrawn': 'Se retiró el consentimiento para {{child}}.',
      'child-deleted': 'Se borró la cuenta de {{child}}.',
      ...notifyNoticesEs.noBy,
      ...safetyNoticesEs.noBy,
    },
    someone: 'alguien',
    forgotten: 'un niño',
  },
  otherGrownUps: {
    verified: '{{name}}: correo verificado, {{age}}',
    notVerified: '{{name}}: correo sin verificar, {{age}}',
  },
};

export const kidFamilyEn = {
  kidFamily: {
    myFamily: 'My family',
    myFriends: 'My friends',
    trusted: 'Family',
  },
} as const;

export const kidFamilyEs: Spanish<typeof kidFamilyEn> = {
  kidFamily: {
    myFamily: 'Mi familia',
    myFriends: 'Mis amigos',
    trusted: 'Familia',
  },
};

export const familyErrorsEn = {
  family: {
    LAST_GUARDIAN: 'A child always needs at least one guardian: invite another one first.',
    INVITE_INVALID: 'That code does not work: it may be mistyped, used already or older than 7 days.',
    CODE_INVALID: 'That code does not work: it may be mistyped, used already or older than 7 days.',
    VALIDATION_FAILED: 'Please check what you typed (the child’s name must match exactly).',
    FORBIDDEN: 'Only a guardian of this child can do that.',
    CONFLICT: 'That cannot be done any more: it changed meanwhile. Refresh and try again.',
  },
} as const;

export const familyErrorsEs: Spanish<typeof familyErrorsEn> = {
  family: {
    LAST_GUARDIAN: 'Un niño siempre necesita al menos un tutor: invita a otro primero.',
    INVITE_INVALID: 'Ese código no funciona: puede estar mal escrito, ya usado o tener más de 7 días.',
    CODE_INVALID: 'Ese código no funciona: puede estar mal escrito, ya usado o tener más de 7 días.',
    VALIDATION_FAILED: 'Revisa lo que escribiste (el nombre del niño debe coincidir exactamente).',
    FORBIDDEN: 'Solo un tutor de este niño puede hacer eso.',
    CONFLICT: 'Eso ya no se puede hacer: cambió mientras tanto. Actualiza e inténtalo de nuevo.',
  },
};
