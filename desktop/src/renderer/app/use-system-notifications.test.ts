import { describe, expect, it } from 'vitest';
import { showWebNotification, type WebNotifications } from './use-system-notifications';

function fakeApi(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: { title: string; body: string; tag: string }[] = [];
  let asked = 0;
  class Fake {
    static permission = permission;
    static requestPermission = async (): Promise<NotificationPermission> => {
      asked += 1;
      Fake.permission = answer;
      return answer;
    };
    constructor(title: string, o: Readonly<{ body: string; tag: string }>) {
      shown.push({ title, ...o });
    }
  }
  return { api: Fake as WebNotifications, shown, asked: () => asked };
}

const n = { tag: 'notice:1', title: 'Friend request for Maya', body: 'Maya and Tom want to be friends.' };

describe('web notifications', () => {
  it('show with the title, body and tag main sent once allowed', async () => {
    const f = fakeApi('granted');
    expect(await showWebNotification(n, f.api)).toBe(true);
    expect(f.shown).toEqual([{ title: n.title, body: n.body, tag: n.tag }]);
    expect(f.asked()).toBe(0);
  });

  it('ask once for the permission, and show nothing when the grown-up says no', async () => {
    const yes = fakeApi('default', 'granted');
    expect(await showWebNotification(n, yes.api)).toBe(true);
    expect(yes.asked()).toBe(1);
    const no = fakeApi('default', 'denied');
    expect(await showWebNotification(n, no.api)).toBe(false);
    expect(await showWebNotification(n, no.api)).toBe(false);
    expect(no.asked()).toBe(1);
    expect(no.shown).toEqual([]);
  });

  it('do nothing where the page has no Notification API', async () => {
    expect(await showWebNotification(n, undefined)).toBe(false);
  });
});
