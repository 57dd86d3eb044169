import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS_TUPLE, type Notice, type NoticeKind, type SystemNotification } from '@hearth/common';
import { silentLogger } from '../logging/logger';
import { createElectronNotifier } from '../shell/electron-notifier';
import { eventOfNotice, NOTIFICATION_KINDS } from './kinds';
import { resolveUiLanguage } from './language';
import { createGrownUpNotifications } from './system-notifications';

const notice = (kind: NoticeKind, id = '01JNOTICE0000000000000000A'): Notice =>
  ({
    noticeId: id,
    kind,
    childId: '01JCHILD00000000000000000A',
    childName: 'Maya',
    byName: 'Sam Parent',
    about: { accountId: '01JFRIEND0000000000000000A', displayName: 'Tom' },
    at: 1,
  }) as Notice;

function world(language: 'en' | 'es' = 'en'): { shown: SystemNotification[]; tell: (n: Notice) => void } {
  const shown: SystemNotification[] = [];
  const notifications = createGrownUpNotifications({
    notifier: { show: (n) => shown.push(n) },
    language: () => language,
    logger: silentLogger(),
  });
  return {
    shown,
    tell: (n) => {
      const e = eventOfNotice(n);
      if (e) notifications.notify(e);
    },
  };
}

describe("the grown-ups' notifications", () => {
  it('notify of a friend request waiting, a block or report by their child, a computer signed out and a policy change, and of no other notice', () => {
    const w = world();
    NOTICE_KINDS_TUPLE.forEach((kind, i) => {
      const n = notice(kind, `01JNOTICE00000000000000000${String.fromCharCode(65 + i)}`);
      w.tell(kind === 'device-signed-out' ? { ...n, about: null, computerName: 'Kitchen PC' } : n);
    });
    expect(w.shown).toEqual([
      {
        tag: 'notice:01JNOTICE00000000000000000A',
        title: 'Friend request for Maya',
        body: 'Maya and Tom want to be friends. Open Hearth to approve.',
      },
      { tag: 'notice:01JNOTICE00000000000000000C', title: 'Maya blocked someone', body: 'Maya blocked Tom.' },
      {
        tag: 'notice:01JNOTICE00000000000000000L',
        title: 'Maya reported someone',
        body: 'Maya reported Tom. Open Hearth to look at it.',
      },
      {
        tag: 'notice:01JNOTICE00000000000000000M',
        title: 'A computer was signed out',
        body: 'Maya was signed out of “Kitchen PC”.',
      },
      {
        tag: 'notice:01JNOTICE00000000000000000N',
        title: 'Hearth’s privacy policy changed',
        body: 'Please read what changed and agree again for Maya. Open Hearth to do it.',
      },
    ]);
  });

  it('say names only: the child and the other account, never who acted or anything else', () => {
    const w = world();
    w.tell({ ...notice('friend-blocked'), byName: 'Secret Grown-up' });
    const text = JSON.stringify(w.shown);
    expect(text).toContain('Maya');
    expect(text).toContain('Tom');
    expect(text).not.toContain('Secret');
  });

  it('tell each event once, however often it arrives (a reconnect, a second socket)', () => {
    const w = world();
    w.tell(notice('friend-requested'));
    w.tell(notice('friend-requested'));
    w.tell(notice('friend-requested', '01JNOTICE0000000000000000B'));
    expect(w.shown.map((n) => n.tag)).toEqual(['notice:01JNOTICE0000000000000000A', 'notice:01JNOTICE0000000000000000B']);
  });

  it('speak the PC’s language', () => {
    const w = world('es');
    w.tell(notice('friend-requested'));
    expect(w.shown[0]).toMatchObject({ title: 'Solicitud de amistad para Maya' });
    expect(resolveUiLanguage('auto', ['es-MX', 'en-US'])).toBe('es');
    expect(resolveUiLanguage('auto', ['fr-FR'])).toBe('en');
    expect(resolveUiLanguage('es', ['en-US'])).toBe('es');
  });

  it('have words for every kind in both languages, with the same names in each', () => {
    for (const [kind, words] of Object.entries(NOTIFICATION_KINDS)) {
      const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
      expect(names(words.es.title + words.es.body), kind).toEqual(names(words.en.title + words.en.body));
    }
  });

  it('keep going when the system refuses a notification', () => {
    const notifications = createGrownUpNotifications({
      notifier: {
        show: () => {
          throw new Error('no notification server');
        },
      },
      language: () => 'en',
      logger: silentLogger(),
    });
    const e = eventOfNotice(notice('friend-requested'));
    expect(() => e && notifications.notify(e)).not.toThrow();
  });
});

describe("Electron's notifier", () => {
  it("shows through Electron's Notification where the system supports it", () => {
    const made: { title: string; body: string; shown: boolean }[] = [];
    let supported = true;
    class FakeNotification {
      static isSupported = (): boolean => supported;
      private readonly me: { title: string; body: string; shown: boolean };
      constructor(o: Readonly<{ title: string; body: string }>) {
        this.me = { ...o, shown: false };
        made.push(this.me);
      }
      show(): void {
        this.me.shown = true;
      }
    }
    const notifier = createElectronNotifier(FakeNotification);
    notifier.show({ tag: 't', title: 'Friend request for Maya', body: 'b' });
    supported = false;
    notifier.show({ tag: 't2', title: 'x', body: 'y' });
    expect(made).toEqual([{ title: 'Friend request for Maya', body: 'b', shown: true }]);
  });
});
