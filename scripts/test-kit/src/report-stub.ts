/**
 * PLACEHOLDER for the relay's report routes (issue 15), until helper `reports` lands them: a real
 * relay app (`buildApp`, every other route real) with ONLY the guardians' report routes added by
 * this stub, answering schema-valid data a test puts in. Authorization is the relay's own: a
 * guardian session (`caller.kind === 'parent'`) that is a guardian of the report's child (the
 * reporting child for `/v1/reports`, the reported child for `/v1/shared-reports`); everyone else
 * gets NOT_FOUND, as the real routes say. The lead switches the tests to the real relay at merge.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import {
  ErrorCode,
  ForwardReportBody,
  HearthError,
  ReportDetail,
  ReportFileParams,
  ReportList,
  SharedReport,
  SharedReportList,
  Ulid,
  closed,
  type AttachmentMime,
  type ReportDetail as Detail,
} from '@hearth/common';
import { buildApp, type RelayApp } from '@hearth/relay-server/app';
import { DEFAULT_CONFIG, type RelayConfig } from '@hearth/relay-server/config';
import { freePort } from './ports';

export type ReportStubAction = Readonly<{ kind: 'unblock' | 'forward' | 'share'; reportId: string; note?: string }>;

export type RelayWithReportStub = Readonly<{
  url: string;
  app: RelayApp;
  /** A report the child made (its summary's childId is the reporting child). */
  addReport: (detail: Detail) => void;
  /** A report another family shared (its childId is the reported child). */
  addShared: (report: SharedReport) => void;
  addFile: (bytes: Uint8Array, mime: AttachmentMime, hash: string) => void;
  /** What guardians did, in order. */
  actions: ReportStubAction[];
  dispose: () => Promise<void>;
}>;

const IdParams = Type.Object({ id: Ulid }, closed);

type Caller = { kind: 'child' | 'parent'; parentId: string } | undefined;

export async function startRelayWithReportStub(overrides: Partial<RelayConfig> = {}): Promise<RelayWithReportStub> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-report-stub-'));
  const port = await freePort();
  const config: RelayConfig = Object.freeze({
    ...DEFAULT_CONFIG,
    dataDir,
    port,
    logLevel: 'silent',
    passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
    rateLimits: { ...DEFAULT_CONFIG.rateLimits, registerPerHour: 100_000, signInPerMinute: 100_000 },
    ...overrides,
  });
  const app = await buildApp(config, { logger: false });
  const reports = new Map<string, Detail>();
  const shared = new Map<string, SharedReport>();
  const files = new Map<string, { bytes: Uint8Array; mime: AttachmentMime }>();
  const actions: ReportStubAction[] = [];

  const guardianOf = async (caller: Caller, childId: string): Promise<boolean> =>
    caller?.kind === 'parent' && (await app.relay.store.family.isGuardian(childId, caller.parentId));
  const callerOf = (request: unknown): Caller => (request as { caller?: Caller }).caller;
  const unauth = (caller: Caller): void => {
    if (!caller) throw new HearthError(ErrorCode.Unauthenticated, 'Sign in first.');
  };
  const mine = async (request: unknown, id: string): Promise<Detail> => {
    const caller = callerOf(request);
    unauth(caller);
    const r = reports.get(id);
    if (!r || !(await guardianOf(caller, r.summary.childId))) throw new HearthError(ErrorCode.NotFound, 'No such report.');
    return r;
  };
  const fileOf = (detail: { files: ReadonlyArray<{ hash: string }> }, hash: string) => {
    const f = detail.files.some((x) => x.hash === hash) ? files.get(hash) : undefined;
    if (!f) throw new HearthError(ErrorCode.NotFound, 'No such file.');
    return f;
  };
  const at = (): number => Date.now();
  const stateOf = (r: Detail, change: Partial<Detail['summary']['state']>): void => {
    reports.set(r.summary.reportId, { ...r, summary: { ...r.summary, state: { ...r.summary.state, ...change } } });
  };

  await app.register(async (a) => {
    a.get('/v1/reports', { schema: { response: { 200: ReportList } } }, async (request) => {
      const caller = callerOf(request);
      unauth(caller);
      const list = [];
      for (const r of reports.values()) if (await guardianOf(caller, r.summary.childId)) list.push(r.summary);
      return { reports: list.sort((x, y) => y.madeAt - x.madeAt) };
    });
    a.get<{ Params: { id: string } }>(
      '/v1/reports/:id',
      { schema: { params: IdParams, response: { 200: ReportDetail } } },
      async (request) => mine(request, request.params.id),
    );
    a.get<{ Params: { id: string; hash: string } }>(
      '/v1/reports/:id/files/:hash',
      { schema: { params: ReportFileParams } },
      async (request, reply) => {
        const f = fileOf(await mine(request, request.params.id), request.params.hash);
        return reply.type(f.mime).send(Buffer.from(f.bytes));
      },
    );
    a.post<{ Params: { id: string } }>('/v1/reports/:id/unblock', { schema: { params: IdParams } }, async (request, reply) => {
      const r = await mine(request, request.params.id);
      actions.push({ kind: 'unblock', reportId: r.summary.reportId });
      stateOf(r, { unblockedAt: at() });
      return reply.code(204).send();
    });
    a.post<{ Params: { id: string }; Body: ForwardReportBody }>(
      '/v1/reports/:id/forward',
      { schema: { params: IdParams, body: ForwardReportBody } },
      async (request, reply) => {
        const r = await mine(request, request.params.id);
        actions.push({
          kind: 'forward',
          reportId: r.summary.reportId,
          ...(request.body.note !== undefined ? { note: request.body.note } : {}),
        });
        stateOf(r, { forwardedAt: r.summary.state.forwardedAt ?? at() });
        return reply.code(204).send();
      },
    );
    a.post<{ Params: { id: string } }>('/v1/reports/:id/share', { schema: { params: IdParams } }, async (request, reply) => {
      const r = await mine(request, request.params.id);
      actions.push({ kind: 'share', reportId: r.summary.reportId });
      stateOf(r, { sharedAt: r.summary.state.sharedAt ?? at() });
      return reply.code(204).send();
    });
    a.get('/v1/shared-reports', { schema: { response: { 200: SharedReportList } } }, async (request) => {
      const caller = callerOf(request);
      unauth(caller);
      const list = [];
      for (const r of shared.values()) if (await guardianOf(caller, r.childId)) list.push(r);
      return { reports: list };
    });
    a.get<{ Params: { id: string; hash: string } }>(
      '/v1/shared-reports/:id/files/:hash',
      { schema: { params: ReportFileParams } },
      async (request, reply) => {
        const caller = callerOf(request);
        unauth(caller);
        const r = shared.get(request.params.id);
        if (!r || !(await guardianOf(caller, r.childId))) throw new HearthError(ErrorCode.NotFound, 'No such report.');
        const f = fileOf(r, request.params.hash);
        return reply.type(f.mime).send(Buffer.from(f.bytes));
      },
    );
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    addReport: (d) => {
      if (!Value.Check(ReportDetail, d)) throw new Error('the stub takes only schema-valid reports');
      reports.set(d.summary.reportId, d);
    },
    addShared: (r) => {
      if (!Value.Check(SharedReport, r)) throw new Error('the stub takes only schema-valid shared reports');
      shared.set(r.reportId, r);
    },
    addFile: (bytes, mime, hash) => {
      files.set(hash, { bytes, mime });
    },
    actions,
    dispose: async () => {
      await app.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
