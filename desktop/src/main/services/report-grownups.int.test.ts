/**
 * Reports for guardians (issue 15, F11) through the IPC contract, against a real relay: Leo's PC
 * sends Mia a mean message and a photo, Mia's PC reports it (the child's own `reportSomething`,
 * with a voice note) and the relay blocks Leo. Mia's guardian lists Mia's report, reads its
 * evidence and files, forwards it with a note, shares it and unblocks, each an explicit call, and
 * the relay's state says each was done (Leo back in Mia's list once unblocked); the pane locked
 * refuses; another family's guardian sees none of it, but sees the report shared about their child
 * (the reporting child's first name only); parent mode on the grown-up's own PC does the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { befriend } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { sha256Hex } from './attachments';
import { jpegWithGps } from './strip-metadata/test-pictures';

const started = createClosers();
let relay: TestRelay;
let miaPc: TestDesktop;
let leoPc: TestDesktop;
let parentPc: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
let leo: Awaited<ReturnType<typeof setUpFamily>>;

const MEAN = 'you are so bad at drawing';
const VOICE = Buffer.from('OggS a voice note', 'latin1');
let REPORT = '';
let M1 = '';
let M2 = '';
/** The picture as Mia's PC keeps it (and the report carries it). */
let pictureHash = '';

/** Mia's active friends as her own profile lists them (then back to no profile, as the grown-ups' calls run). */
async function miaFriends(): Promise<string[]> {
  must(await miaPc.api.selectProfile({ childId: mia.childId }));
  const ids = must(await miaPc.api.listFriends())
    .friends.filter((f) => f.friendship.status === 'active')
    .map((f) => f.friendship.friend.accountId);
  must(await miaPc.api.leaveProfile());
  return ids;
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  miaPc = await startTestDesktop(relay.url, { reports: { retryMs: 20 } });
  started.add(miaPc, () => miaPc.close());
  leoPc = await startTestDesktop(relay.url);
  started.add(leoPc, () => leoPc.close());
  mia = await setUpFamily(miaPc.api, 'Mia');
  leo = await setUpFamily(leoPc.api, 'Leo');
  await befriend(miaPc.api, mia.childId, leoPc.api, leo.childId);

  // Leo's PC sends the mean message and a photo; Mia's PC gets both.
  M1 = must(await leoPc.api.sendMessage({ contactId: mia.childId, content: { kind: 'text', text: MEAN } })).messageId;
  const photo = must(
    await leoPc.api.addAttachment({ kind: 'photo', mime: 'image/jpeg', dataBase64: jpegWithGps().toString('base64') }),
  );
  M2 = must(
    await leoPc.api.sendMessage({
      contactId: mia.childId,
      content: { kind: 'photo', attachment: { hash: photo.hash, size: photo.size, mime: 'image/jpeg' } },
    }),
  ).messageId;
  await waitFor(
    async () =>
      must(await miaPc.api.listMessages({ contactId: leo.childId, limit: 10 })).messages.some((m) => m.messageId === M2),
    15_000,
    'the photo at Mia',
  );
  // One reading of the clock: two could be a millisecond apart, and the duration is checked exactly.
  const now = Date.now();
  must(
    await miaPc.api.recordCall({
      contactId: leo.childId,
      direction: 'in',
      video: true,
      startedAt: now - 120_000,
      endedAt: now - 60_000,
      outcome: 'answered',
    }),
  );
  const voice = must(await miaPc.api.addAttachment({ kind: 'voice', mime: 'audio/ogg', dataBase64: VOICE.toString('base64') }));
  expect(
    must(
      await miaPc.api.reportSomething({
        about: leo.childId,
        reason: 'mean-words',
        place: 'message',
        itemId: M1,
        voiceNote: voice.hash,
      }),
    ),
  ).toEqual({ done: true });
  must(await miaPc.api.leaveProfile());
  // The report reaches the relay from Mia's PC's outbox.
  await waitFor(async () => must(await miaPc.api.listChildReports({})).reports.length === 1, 20_000, 'the report at the relay');
  REPORT = must(await miaPc.api.listChildReports({})).reports[0]!.reportId;
  await waitFor(
    async () => must(await miaPc.api.getChildReport({ reportId: REPORT })).files.every((f) => f.uploaded),
    20_000,
    'the report’s files at the relay',
  );
}, 60_000);
afterAll(() => started.closeAll());

describe('a guardian and their child’s report', () => {
  it('lists the report and reads its evidence and files', async () => {
    const list = must(await miaPc.api.listChildReports({}));
    expect(list.reports.map((r) => [r.reportId, r.about.displayName, r.reason])).toEqual([[REPORT, 'Leo', 'mean-words']]);
    expect(list.reports[0]!.state).toMatchObject({ forwardedAt: null, sharedAt: null, unblockedAt: null });
    const d = must(await miaPc.api.getChildReport({ reportId: REPORT }));
    expect(d.itemId).toBe(M1);
    expect(d.messages.map((m) => m.id)).toEqual([M1, M2]);
    expect(d.messages.map((m) => JSON.parse(m.shown) as { kind: string })).toMatchObject([
      { kind: 'text', text: MEAN },
      { kind: 'photo' },
    ]);
    expect(d.calls).toHaveLength(1);
    expect(d.files.map((f) => [f.role, f.mime])).toEqual([
      ['attachment', 'image/jpeg'],
      ['voice-note', 'audio/ogg'],
    ]);
    pictureHash = d.files[0]!.hash;
    const picture = must(await miaPc.api.readChildReportFile({ reportId: REPORT, hash: pictureHash }));
    expect(picture.mime).toBe('image/jpeg');
    expect(sha256Hex(Buffer.from(picture.dataBase64, 'base64'))).toBe(pictureHash);
    const voice = must(await miaPc.api.readChildReportFile({ reportId: REPORT, hash: sha256Hex(VOICE) }));
    expect(Buffer.from(voice.dataBase64, 'base64').equals(VOICE)).toBe(true);
    // The relay blocked Leo at once: gone from Mia's list; Leo's side is unchanged.
    expect(await miaFriends()).not.toContain(leo.childId);
    must(await leoPc.api.selectProfile({ childId: leo.childId }));
    const leoSide = must(await leoPc.api.listFriends()).friends.find((f) => f.friendship.friend.accountId === mia.childId);
    expect(leoSide?.friendship.status).toBe('active');
    must(await leoPc.api.leaveProfile());
  });

  it('refuses a file the report does not carry, and bad arguments, with stable codes', async () => {
    const other = await miaPc.api.readChildReportFile({ reportId: REPORT, hash: 'b'.repeat(64) });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await miaPc.api.getChildReport({ reportId: 'not-an-id' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const long = await miaPc.api.forwardChildReport({ reportId: REPORT, note: 'x'.repeat(2001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Nothing was done at the relay.
    expect(must(await miaPc.api.getChildReport({ reportId: REPORT })).summary.state).toMatchObject({
      forwardedAt: null,
      sharedAt: null,
      unblockedAt: null,
    });
  });

  it('forwards with a note, shares and unblocks, each once asked, and says what was done', async () => {
    const forwarded = must(await miaPc.api.forwardChildReport({ reportId: REPORT, note: '  Leo keeps doing this.  ' }));
    expect(forwarded.summary.state.forwardedAt).toEqual(expect.any(Number));
    expect(forwarded.summary.state.forwardedAutomatically).toBe(false);
    expect(forwarded.summary.state.sharedAt).toBeNull();
    expect(forwarded.summary.state.unblockedAt).toBeNull();
    // Leo's guardians see nothing until Mia's guardian shares it.
    expect(must(await leoPc.api.listSharedReports({})).reports).toEqual([]);
    const shared = must(await miaPc.api.shareChildReport({ reportId: REPORT }));
    expect(shared.summary.state.sharedAt).toEqual(expect.any(Number));
    expect(shared.summary.state.unblockedAt).toBeNull();
    expect(await miaFriends()).not.toContain(leo.childId);
    const unblocked = must(await miaPc.api.unblockChildReport({ reportId: REPORT }));
    expect(unblocked.summary.state.unblockedAt).toEqual(expect.any(Number));
    // The relay lifted the block: Leo is back in Mia's list.
    await waitFor(async () => (await miaFriends()).includes(leo.childId), 10_000, 'Leo back among Mia’s friends');
    const listed = must(await miaPc.api.listChildReports({})).reports[0];
    expect(listed?.state).toMatchObject({
      forwardedAt: forwarded.summary.state.forwardedAt,
      sharedAt: expect.any(Number),
      unblockedAt: expect.any(Number),
    });
  });

  it('is refused while the pane is locked', async () => {
    must(await miaPc.api.lock());
    expect(await miaPc.api.listChildReports({})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await miaPc.api.forwardChildReport({ reportId: REPORT })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    must(await miaPc.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await miaPc.api.listChildReports({})).reports).toHaveLength(1);
  });
});

describe('another family', () => {
  it('sees none of Mia’s reports, and cannot act on one', async () => {
    expect(must(await leoPc.api.listChildReports({})).reports).toEqual([]);
    expect(await leoPc.api.getChildReport({ reportId: REPORT })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await leoPc.api.unblockChildReport({ reportId: REPORT })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await leoPc.api.readChildReportFile({ reportId: REPORT, hash: pictureHash })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('sees the report shared about their own child, with the reporting child’s first name only', async () => {
    const list = must(await leoPc.api.listSharedReports({})).reports;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reportId: REPORT, childName: 'Leo', reporterFirstName: 'Mia', reason: 'mean-words' });
    expect(list[0]!.messages.map((m) => m.id)).toEqual([M1, M2]);
    expect(JSON.stringify(list)).not.toContain(mia.parentEmail);
    const f = must(await leoPc.api.readSharedReportFile({ reportId: REPORT, hash: pictureHash }));
    expect(sha256Hex(Buffer.from(f.dataBase64, 'base64'))).toBe(pictureHash);
    // The reporting family does not see it as shared with them.
    expect(must(await miaPc.api.listSharedReports({})).reports).toEqual([]);
  });
});

describe('parent mode on the grown-up’s own PC', () => {
  it('lists, reads and forwards the report with parent mode’s session', async () => {
    parentPc = await startTestDesktop(relay.url);
    started.add(parentPc, () => parentPc.close());
    must(await parentPc.api.signInParent({ email: mia.parentEmail, password: RELAY_PASSWORD }));
    must(await parentPc.api.setParentPassword({ password: TEST_PASSWORD }));
    const me = must(await parentPc.api.startParentMode({ email: mia.parentEmail, password: RELAY_PASSWORD }));
    must(await parentPc.api.selectProfile({ childId: me.childId }));
    expect(must(await parentPc.api.listChildReportsAsMe({})).reports.map((r) => r.reportId)).toEqual([REPORT]);
    const d = must(await parentPc.api.getChildReportAsMe({ reportId: REPORT }));
    expect(d.files).toHaveLength(2);
    const f = must(await parentPc.api.readChildReportFileAsMe({ reportId: REPORT, hash: sha256Hex(VOICE) }));
    expect(Buffer.from(f.dataBase64, 'base64').equals(VOICE)).toBe(true);
    // Already forwarded: a second forward changes nothing.
    const again = must(await parentPc.api.forwardChildReportAsMe({ reportId: REPORT }));
    expect(again.summary.state.forwardedAt).toBe(d.summary.state.forwardedAt);
    expect(must(await parentPc.api.listSharedReportsAsMe({})).reports).toEqual([]);
    // A child's profile is no grown-up: its PC's parent-mode channels refuse it.
    must(await miaPc.api.selectProfile({ childId: mia.childId }));
    expect(await miaPc.api.listChildReportsAsMe({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
