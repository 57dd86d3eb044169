/**
 * Reports for guardians (issue 15, F11) through the IPC contract, against a real relay app whose
 * report routes are, for now, the test-kit's stub (`report-stub.ts`: the relay's own sign-in and
 * guardianship, schema-valid answers). Mia's guardian lists Mia's report, reads its evidence and
 * files, forwards it with a note, shares it and unblocks, each an explicit call; the pane locked
 * refuses; another family's guardian sees none of it, but sees the report shared about their child
 * (the reporting child's first name only); parent mode on the grown-up's own PC does the same.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountId, ChildId, ReportDetail, ReportMessage, SharedReport } from '@hearth/common';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { startRelayWithReportStub, type RelayWithReportStub } from '@hearth/test-kit/report-stub';

const started = createClosers();
let relay: RelayWithReportStub;
let miaPc: TestDesktop;
let leoPc: TestDesktop;
let parentPc: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
let leo: Awaited<ReturnType<typeof setUpFamily>>;

const REPORT = '01J00000000000000000000RP1';
const SHARED = '01J00000000000000000000SH1';
const M1 = '01J00000000000000000000M01';
const M2 = '01J00000000000000000000M02';
const PICTURE = Buffer.from('\x89PNG\r\n\x1a\n a picture of a mean drawing', 'latin1');
const VOICE = Buffer.from('OggS a voice note', 'latin1');
const hashOf = (b: Uint8Array): string => crypto.createHash('sha256').update(b).digest('hex');

function messages(from: AccountId, to: AccountId): ReportMessage[] {
  const text = (id: string, t: string, at: number): ReportMessage => {
    const content = { kind: 'text', text: t };
    return {
      id,
      from,
      to,
      sentAt: at,
      raw: JSON.stringify({ id, from, to, sentAt: at, content }),
      shown: JSON.stringify(content),
    };
  };
  return [
    text(M1, 'you are so bad at drawing', 1_000),
    {
      id: M2,
      from,
      to,
      sentAt: 2_000,
      raw: '{"id":"x"}',
      shown: JSON.stringify({ kind: 'photo', attachment: { hash: hashOf(PICTURE), size: PICTURE.length, mime: 'image/png' } }),
      fileHash: hashOf(PICTURE),
      changedOnReceipt: true,
    },
  ];
}

function detail(): ReportDetail {
  return {
    summary: {
      reportId: REPORT,
      childId: mia.childId as ChildId,
      childName: 'Mia',
      about: { accountId: leo.childId as AccountId, displayName: 'Leo', role: 'friend' },
      reason: 'mean-words',
      place: 'message',
      madeAt: 3_000,
      receivedAt: 3_100,
      state: { forwardedAt: null, forwardedAutomatically: false, sharedAt: null, unblockedAt: null, closedAt: null },
    },
    itemId: M1,
    messages: messages(leo.childId as AccountId, mia.childId as AccountId),
    calls: [{ callId: 'call-1', direction: 'incoming', startedAt: 500, durationMs: 60_000, outcome: 'answered' }],
    files: [
      { hash: hashOf(PICTURE), size: PICTURE.length, mime: 'image/png', role: 'attachment', messageId: M2, uploaded: true },
      { hash: hashOf(VOICE), size: VOICE.length, mime: 'audio/ogg', role: 'voice-note', messageId: null, uploaded: true },
    ],
  };
}

function sharedAboutLeo(): SharedReport {
  const d = detail();
  return {
    reportId: SHARED,
    childId: leo.childId as ChildId,
    childName: 'Leo',
    reporterFirstName: 'Mia',
    reason: 'mean-words',
    madeAt: 3_000,
    sharedAt: 4_000,
    messages: d.messages,
    calls: d.calls,
    files: d.files,
  };
}

beforeAll(async () => {
  relay = started.add(await startRelayWithReportStub(), () => relay.dispose());
  miaPc = await startTestDesktop(relay.url);
  started.add(miaPc, () => miaPc.close());
  leoPc = await startTestDesktop(relay.url);
  started.add(leoPc, () => leoPc.close());
  mia = await setUpFamily(miaPc.api, 'Mia');
  leo = await setUpFamily(leoPc.api, 'Leo');
  relay.addReport(detail());
  relay.addShared(sharedAboutLeo());
  relay.addFile(PICTURE, 'image/png', hashOf(PICTURE));
  relay.addFile(VOICE, 'audio/ogg', hashOf(VOICE));
}, 60_000);
afterAll(() => started.closeAll());

describe('a guardian and their child’s report', () => {
  it('lists the report and reads its evidence and files', async () => {
    const list = must(await miaPc.api.listChildReports({}));
    expect(list.reports.map((r) => [r.reportId, r.about.displayName, r.reason])).toEqual([[REPORT, 'Leo', 'mean-words']]);
    const d = must(await miaPc.api.getChildReport({ reportId: REPORT }));
    expect(d.messages.map((m) => JSON.parse(m.shown) as { kind: string })).toMatchObject([{ kind: 'text' }, { kind: 'photo' }]);
    expect(d.calls).toHaveLength(1);
    const picture = must(await miaPc.api.readChildReportFile({ reportId: REPORT, hash: hashOf(PICTURE) }));
    expect(picture.mime).toBe('image/png');
    expect(Buffer.from(picture.dataBase64, 'base64').equals(PICTURE)).toBe(true);
    const voice = must(await miaPc.api.readChildReportFile({ reportId: REPORT, hash: hashOf(VOICE) }));
    expect(Buffer.from(voice.dataBase64, 'base64').equals(VOICE)).toBe(true);
  });

  it('refuses a file the report does not carry, and bad arguments, with stable codes', async () => {
    const other = await miaPc.api.readChildReportFile({ reportId: REPORT, hash: 'b'.repeat(64) });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await miaPc.api.getChildReport({ reportId: 'not-an-id' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const long = await miaPc.api.forwardChildReport({ reportId: REPORT, note: 'x'.repeat(2001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(relay.actions).toEqual([]);
  });

  it('forwards with a note, shares and unblocks, each once asked, and says what was done', async () => {
    const forwarded = must(await miaPc.api.forwardChildReport({ reportId: REPORT, note: '  Leo keeps doing this.  ' }));
    expect(forwarded.summary.state.forwardedAt).toEqual(expect.any(Number));
    expect(forwarded.summary.state.sharedAt).toBeNull();
    const shared = must(await miaPc.api.shareChildReport({ reportId: REPORT }));
    expect(shared.summary.state.sharedAt).toEqual(expect.any(Number));
    const unblocked = must(await miaPc.api.unblockChildReport({ reportId: REPORT }));
    expect(unblocked.summary.state.unblockedAt).toEqual(expect.any(Number));
    expect(relay.actions).toEqual([
      { kind: 'forward', reportId: REPORT, note: 'Leo keeps doing this.' },
      { kind: 'share', reportId: REPORT },
      { kind: 'unblock', reportId: REPORT },
    ]);
    const listed = must(await miaPc.api.listChildReports({})).reports[0];
    expect(listed?.state).toMatchObject({ forwardedAt: expect.any(Number), sharedAt: expect.any(Number) });
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
    expect(await leoPc.api.readChildReportFile({ reportId: REPORT, hash: hashOf(PICTURE) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('sees the report shared about their own child, with the reporting child’s first name only', async () => {
    const list = must(await leoPc.api.listSharedReports({})).reports;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reportId: SHARED, childName: 'Leo', reporterFirstName: 'Mia' });
    expect(JSON.stringify(list)).not.toContain(mia.parentEmail);
    const f = must(await leoPc.api.readSharedReportFile({ reportId: SHARED, hash: hashOf(PICTURE) }));
    expect(Buffer.from(f.dataBase64, 'base64').equals(PICTURE)).toBe(true);
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
    const f = must(await parentPc.api.readChildReportFileAsMe({ reportId: REPORT, hash: hashOf(VOICE) }));
    expect(Buffer.from(f.dataBase64, 'base64').equals(VOICE)).toBe(true);
    must(await parentPc.api.forwardChildReportAsMe({ reportId: REPORT }));
    expect(relay.actions.at(-1)).toEqual({ kind: 'forward', reportId: REPORT });
    expect(must(await parentPc.api.listSharedReportsAsMe({})).reports).toEqual([]);
    // A child's profile is no grown-up: its PC's parent-mode channels refuse it.
    must(await miaPc.api.selectProfile({ childId: mia.childId }));
    expect(await miaPc.api.listChildReportsAsMe({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
