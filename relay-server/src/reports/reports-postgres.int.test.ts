import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import type { Notice, ReportDetail, ReportList, SharedReportList } from '@hearth/common';
import { api, befriend, buildTestApp, createFamily, expectStatus, type TestRelay } from '../../test/helpers';
import { jpeg, putFile, report, sha256, submission } from '../../test/report-helpers';
import { readForwardedReport, readForwardedReportFile } from './moderator-read';

/**
 * A report's whole way on a relay that keeps everything in PostgreSQL (issue 13's store): the
 * same routes, the files' bytes in the database, a forwarded report outliving the child.
 */
const NO_POSTGRES = await withoutPostgres();

describe.skipIf(NO_POSTGRES)('reports on PostgreSQL', () => {
  let database: TestDatabase;
  let relay: TestRelay;
  beforeAll(async () => {
    database = await createTestDatabase();
    relay = await buildTestApp({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await relay?.close();
    await database?.drop();
  });

  it('submits, uploads, reads, forwards, shares and keeps a forwarded report past the child’s deletion', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const b = await createFamily(app);
    await befriend(app, a, b);
    const file = jpeg(4, 3000);
    const body = submission(app, a.child.childId, b.child.childId, { file });
    expect(expectStatus(await report(app, a.childToken, body), 201).blocked).toBe(true);
    expect((await putFile(app, a.childToken, body.reportId, sha256(file), file)).status).toBe(204);
    const token = a.parent.token;
    const list = expectStatus(await api<ReportList>(app, 'GET', '/v1/reports', { token }), 200);
    expect(list.reports.map((r) => [r.reportId, r.receivedAt])).toEqual([[body.reportId, app.relay.now()]]);
    const detail = expectStatus(await api<ReportDetail>(app, 'GET', `/v1/reports/${body.reportId}`, { token }), 200);
    expect(detail.files[0]).toMatchObject({ size: file.length, uploaded: true });
    const notices = expectStatus(await api<{ notices: Notice[] }>(app, 'GET', '/v1/notices', { token }), 200);
    expect(notices.notices.find((n) => n.kind === 'friend-reported')?.reportId).toBe(body.reportId);
    expectStatus(await api(app, 'POST', `/v1/reports/${body.reportId}/forward`, { token, body: { note: 'n' } }), 204);
    expectStatus(await api(app, 'POST', `/v1/reports/${body.reportId}/share`, { token }), 204);
    const shared = expectStatus(await api<SharedReportList>(app, 'GET', '/v1/shared-reports', { token: b.parent.token }), 200);
    expect(shared.reports.map((r) => r.reportId)).toEqual([body.reportId]);
    const other = submission(app, a.child.childId, b.child.childId);
    expectStatus(await report(app, a.childToken, other), 201);
    expectStatus(
      await api(app, 'DELETE', `/v1/children/${a.child.childId}`, { token, body: { password: a.parent.password } }),
      204,
    );
    expect(await app.relay.store.reports.getReport(other.reportId)).toBeUndefined();
    expect((await readForwardedReport(app.relay, body.reportId)).reporterName).toBe(a.child.displayName);
    const bytes = await readForwardedReportFile(app.relay, body.reportId, sha256(file));
    expect(Buffer.compare(bytes.bytes, file)).toBe(0);
  });
});
