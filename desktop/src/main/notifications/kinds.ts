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
  // Coming from other parts of issue 14, one line each: 'child-reported', 'device-signed-out', 'reconsent-requested'.
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
};

/** The notification a relay notice makes, or null when its kind does not notify. */
export function eventOfNotice(notice: Notice): GrownUpEvent | null {
  const kind = FROM_NOTICE[notice.kind];
  if (kind === undefined) return null;
  return {
    id: `notice:${notice.noticeId}`,
    kind,
    names: { child: notice.childName, about: notice.about?.displayName ?? '?' },
  };
}
