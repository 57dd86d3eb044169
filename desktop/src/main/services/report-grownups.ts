import {
  ErrorCode,
  HearthError,
  type ForwardReportArgs,
  type MySuspension,
  type ReportDetail,
  type ReportFileArgs,
  type ReportFileData,
  type ReportList,
  type SharedReportList,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import { createReportsHttp, type ReportFileBytes, type ReportsHttp } from '../relay/reports-http';
import type { RelayCall } from '../relay/relay-http';
import type { RelayVersions } from '../relay/relay-versions';
import type { SuspensionTracker } from '../relay/suspension-tracker';

export { createSuspensionTracker } from '../relay/suspension-tracker';
import type { ParentAccountService } from './parent-account';

/** What a guardian does with a report (F11); each answers the report as the relay now has it. */
export type ReportActions = Readonly<{
  list: () => Promise<ReportList>;
  detail: (reportId: string) => Promise<ReportDetail>;
  file: (args: ReportFileArgs) => Promise<ReportFileData>;
  unblock: (reportId: string) => Promise<ReportDetail>;
  forward: (args: ForwardReportArgs) => Promise<ReportDetail>;
  share: (reportId: string) => Promise<ReportDetail>;
  shared: () => Promise<SharedReportList>;
  sharedFile: (args: ReportFileArgs) => Promise<ReportFileData>;
}>;

/** Reports for guardians (issue 15): the pane's (signed-in session) and parent mode's, and a child's suspension. */
export type ReportGrownupsService = Readonly<{
  /** The grown-ups' pane, with the signed-in guardian's session. */
  pane: ReportActions;
  /** Parent mode on the grown-up's own PC (`profileId`: the open parent profile). */
  asMe: (profileId: string) => ReportActions;
  /** The active child's suspension as the relay last said it. */
  mySuspension: (childId: string) => MySuspension;
}>;

export type ReportGrownupsDeps = Readonly<{
  http: ReportsHttp;
  parent: Pick<ParentAccountService, 'withSession'>;
  familyDb: WritableDB;
  suspension: SuspensionTracker;
}>;

const asData = (f: ReportFileBytes): ReportFileData => ({ mime: f.mime, dataBase64: Buffer.from(f.bytes).toString('base64') });

/** The relay alone decides which reports a grown-up sees; main carries its answers and asks again after each action. */
export function createReportGrownupsService(deps: ReportGrownupsDeps): ReportGrownupsService {
  const { http } = deps;
  const actions = (withToken: <T>(fn: (token: string) => Promise<T>) => Promise<T>): ReportActions =>
    Object.freeze({
      list: () => withToken((t) => http.list(t)),
      detail: (id) => withToken((t) => http.detail(t, id)),
      file: ({ reportId, hash }) => withToken(async (t) => asData(await http.file(t, reportId, hash))),
      unblock: (id) =>
        withToken(async (t) => {
          await http.unblock(t, id);
          return http.detail(t, id);
        }),
      forward: ({ reportId, note }) =>
        withToken(async (t) => {
          const trimmed = note?.trim();
          await http.forward(t, reportId, trimmed ? { note: trimmed } : {});
          return http.detail(t, reportId);
        }),
      share: (id) =>
        withToken(async (t) => {
          await http.share(t, id);
          return http.detail(t, id);
        }),
      shared: () => withToken((t) => http.shared(t)),
      sharedFile: ({ reportId, hash }) => withToken(async (t) => asData(await http.sharedFile(t, reportId, hash))),
    });
  const pane = actions((fn) => deps.parent.withSession((token) => fn(token)));
  return Object.freeze({
    pane,
    asMe: (profileId) => {
      const p = requireProfile(deps.familyDb, profileId);
      if (p.kind !== 'parent') throw new HearthError(ErrorCode.Forbidden, 'Only a grown-up in parent mode can do this.');
      return actions((fn) => fn(p.deviceToken));
    },
    mySuspension: (childId) => deps.suspension.get(childId),
  });
}

/** The service over the relay's own report routes (the composition root's one line). */
export function reportGrownupsFor(
  deps: Omit<ReportGrownupsDeps, 'http'> & Readonly<{ call: RelayCall; relayUrl: string; versions: RelayVersions }>,
): ReportGrownupsService {
  const { call, relayUrl, versions, ...rest } = deps;
  return createReportGrownupsService({ ...rest, http: createReportsHttp(call, { baseUrl: relayUrl, versions }) });
}
