import type { Notice, NoticeKind, UiLanguage } from '@hearth/common';

/**
 * What a grown-up is told about by a system notification on their parent-mode PC (issue 14),
 * with the words of each kind. Names only, never a message's text: the notice a kind comes from
 * carries nothing else. A new kind is one line here (and its words in both languages).
 */
export const NOTIFICATION_KINDS = {
  /** A friend request for one of their children, to approve (from a `friend-requested` notice). */
  'friend-request': {
    en: { title: 'Friend request for {child}', body: '{child} and {about} want to be friends. Open Hearth to approve.' },
    es: {
      title: 'Solicitud de amistad para {child}',
      body: '{child} y {about} quieren ser amigos. Abre Hearth para aprobarla.',
    },
  },
  /** Their child blocked someone (a `friend-blocked` notice; only the blocking side's grown-ups get it). */
  'child-blocked': {
    en: { title: '{child} blocked someone', body: '{child} blocked {about}.' },
    es: { title: '{child} bloqueó a alguien', body: '{child} bloqueó a {about}.' },
  },
  /** Their child reported someone (a `friend-reported` notice; only the reporting side's grown-ups get it). */
  'child-reported': {
    en: { title: '{child} reported someone', body: '{child} reported {about}. Open Hearth to look at it.' },
    es: { title: '{child} denunció a alguien', body: '{child} denunció a {about}. Abre Hearth para verlo.' },
  },
  /** A computer with their child on it was signed out (a `device-signed-out` notice; `about` is the computer's name). */
  'device-signed-out': {
    en: { title: 'A computer was signed out', body: '{child} was signed out of “{about}”.' },
    es: { title: 'Se cerró la sesión de una computadora', body: 'Se cerró la sesión de {child} en “{about}”.' },
  },
  /** A new policy version waits for their consent for a child (a `reconsent-requested` notice, F15). */
  'reconsent-requested': {
    en: {
      title: 'Hearth’s privacy policy changed',
      body: 'Please read what changed and agree again for {child}. Open Hearth to do it.',
    },
    es: {
      title: 'La política de privacidad de Hearth cambió',
      body: 'Lee lo que cambió y vuelve a aceptarla para {child}. Abre Hearth para hacerlo.',
    },
  },
} as const satisfies Record<string, Record<UiLanguage, Readonly<{ title: string; body: string }>>>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** The names a notification may show: a child's, and the other account's. Nothing else reaches the words. */
export type NotificationNames = Readonly<{ child: string; about: string }>;

/** One thing to tell the grown-up. `id` is the event's own id: the same id is told once. */
export type GrownUpEvent = Readonly<{ id: string; kind: NotificationKind; names: NotificationNames }>;

/** Which relay notices notify, and as what. Notices of other kinds are shown in the pane only. */
const FROM_NOTICE: Partial<Record<NoticeKind, NotificationKind>> = {
  'friend-requested': 'friend-request',
  'friend-blocked': 'child-blocked',
  'friend-reported': 'child-reported',
  'device-signed-out': 'device-signed-out',
  'reconsent-requested': 'reconsent-requested',
};

/** The notification a relay notice makes, or null when its kind does not notify. */
export function eventOfNotice(notice: Notice): GrownUpEvent | null {
  const kind = FROM_NOTICE[notice.kind];
  if (kind === undefined) return null;
  return {
    id: `notice:${notice.noticeId}`,
    kind,
    names: { child: notice.childName, about: notice.computerName ?? notice.about?.displayName ?? '?' },
  };
}
