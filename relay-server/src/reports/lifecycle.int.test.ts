import { describe, expect, it } from 'vitest';
import { api, befriend, createFamily, expectStatus, relayForFile, type TestFamily, type TestRelay } from '../../test/helpers';
import { jpeg, putFile, report, sha256, submission } from '../../test/report-helpers';
import {
  closeForwardedReport,
  listForwardedReports,
  readForwardedReport,
  readForwardedReportFile,
  setReportLegalHold,
} from './moderator-read';
import { CLOSED_REPORT_RETENTION_MS, sweepReports } from './retention';

/**
 * A report's life after it is made (issue 15): deleting a child deletes the reports it made and
 * those about it unless they were forwarded, which stay with their files and the child's name;
 * a closed forwarded report goes a year later (fake clock) unless a legal hold keeps it.
 */
let relay: TestRelay;
relayForFile((r) => (relay = r));

async function pair(): Promise<Readonly<{ a: TestFamily; b: TestFamily }>> {
  const a = await createFamily(relay.app);
  const b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  return { a, b };
}

/** A's child reports B's child with one uploaded file; forwarded when asked. */
async function made(a: TestFamily, b: TestFamily, forward: boolean): Promise<Readonly<{ reportId: string; file: Buffer }>> {
  const file = jpeg(Math.floor(Math.random() * 200) + 1);
  const body = submission(relay.app, a.child.childId, b.child.childId, { file });
  expectStatus(await report(relay.app, a.childToken, body), 201);
  expect((await putFile(relay.app, a.childToken, body.reportId, sha256(file), file)).status).toBe(204);
  if (forward)
    expectStatus(await api(relay.app, 'POST', `/v1/reports/${body.reportId}/forward`, { token: a.parent.token, body: {} }), 204);
  return { reportId: body.reportId, file };
}

describe("a child's deletion", () => {
  it('deletes the reports the child made that were not forwarded, and keeps forwarded ones with their files', async () => {
    const { a, b } = await pair();
    const kept = await made(a, b, true);
    const gone = await made(a, b, false);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}`, {
        token: a.parent.token,
        body: { password: a.parent.password },
      }),
      204,
    );
    expect(await relay.app.relay.store.reports.getReport(gone.reportId)).toBeUndefined();
    expect(await relay.app.relay.store.reports.listReportFiles(gone.reportId)).toEqual([]);
    const view = await readForwardedReport(relay.app.relay, kept.reportId);
    expect(view).toMatchObject({
      reporterId: a.child.childId,
      reporterName: a.child.displayName,
      about: { accountId: b.child.childId },
    });
    const file = await readForwardedReportFile(relay.app.relay, kept.reportId, sha256(kept.file));
    expect(Buffer.compare(file.bytes, kept.file)).toBe(0);
    // The reporting family no longer reads it: the child is gone.
    expect((await api(relay.app, 'GET', `/v1/reports/${kept.reportId}`, { token: a.parent.token })).status).toBe(404);
  });

  it('deletes unforwarded reports about the deleted child too', async () => {
    const { a, b } = await pair();
    const about = await made(a, b, false);
    const forwarded = await made(a, b, true);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${b.child.childId}`, {
        token: b.parent.token,
        body: { password: b.parent.password },
      }),
      204,
    );
    expect(await relay.app.relay.store.reports.getReport(about.reportId)).toBeUndefined();
    expect((await readForwardedReport(relay.app.relay, forwarded.reportId)).about.displayName).toBe(b.child.displayName);
  });
});

describe('retention of forwarded reports', () => {
  it('deletes a closed report a year after closing, never an open one, never one under legal hold', async () => {
    const { a, b } = await pair();
    const closed = await made(a, b, true);
    const held = await made(a, b, true);
    const open = await made(a, b, true);
    const unforwarded = await made(a, b, false);
    await expect(readForwardedReport(relay.app.relay, unforwarded.reportId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setReportLegalHold(relay.app.relay, held.reportId, true);
    await expect(closeForwardedReport(relay.app.relay, held.reportId)).rejects.toMatchObject({ code: 'LEGAL_HOLD' });
    await setReportLegalHold(relay.app.relay, held.reportId, false);
    await closeForwardedReport(relay.app.relay, closed.reportId);
    await closeForwardedReport(relay.app.relay, held.reportId);
    await setReportLegalHold(relay.app.relay, held.reportId, true);
    const ids = async (): Promise<string[]> =>
      (await listForwardedReports(relay.app.relay, { includeClosed: true })).map((r) => r.reportId);
    relay.clock.advance(CLOSED_REPORT_RETENTION_MS - 60_000);
    expect(await sweepReports(relay.app.relay)).toBe(0);
    relay.clock.advance(2 * 60_000);
    expect(await sweepReports(relay.app.relay)).toBe(1);
    expect(await ids()).not.toContain(closed.reportId);
    expect(await ids()).toEqual(expect.arrayContaining([held.reportId, open.reportId]));
    expect(await relay.app.relay.store.reports.getReportFileBytes(closed.reportId, sha256(closed.file))).toBeUndefined();
    // The hold lifted: the next sweep takes it.
    await setReportLegalHold(relay.app.relay, held.reportId, false);
    expect(await sweepReports(relay.app.relay)).toBe(1);
    expect(await ids()).not.toContain(held.reportId);
  });
});
