import { Type } from 'typebox';
import {
  ATTACHMENT_MIME_TYPES,
  ErrorCode,
  HearthError,
  ReportDetail,
  ReportList,
  SharedReportList,
  type AttachmentMime,
  type ForwardReportBody,
  type ReportDetail as Detail,
  type ReportList as List,
  type SharedReportList as SharedList,
} from '@hearth/common';
import { sha256Hex } from '../services/attachments';
import type { RelayCall } from './relay-http';
import { relayError } from './relay-errors';
import type { RelayVersions } from './relay-versions';

/** One report file's bytes, checked against the hash it was asked by. */
export type ReportFileBytes = Readonly<{ bytes: Uint8Array; mime: AttachmentMime }>;

/** The relay's report routes for guardians (issue 15, F11), with a guardian's session token. */
export type ReportsHttp = Readonly<{
  list: (token: string) => Promise<List>;
  detail: (token: string, reportId: string) => Promise<Detail>;
  file: (token: string, reportId: string, hash: string) => Promise<ReportFileBytes>;
  unblock: (token: string, reportId: string) => Promise<void>;
  forward: (token: string, reportId: string, body: ForwardReportBody) => Promise<void>;
  share: (token: string, reportId: string) => Promise<void>;
  shared: (token: string) => Promise<SharedList>;
  sharedFile: (token: string, reportId: string, hash: string) => Promise<ReportFileBytes>;
}>;

const NoContent = Type.Null();
const MIMES = new Set<string>(ATTACHMENT_MIME_TYPES);

/** A client of `/v1/reports…` and `/v1/shared-reports…`; files by plain GET (bytes, not JSON). */
export function createReportsHttp(
  call: RelayCall,
  files: Readonly<{ baseUrl: string; versions?: RelayVersions; fetch?: typeof fetch; timeoutMs?: number }>,
): ReportsHttp {
  const doFetch = files.fetch ?? fetch;
  const timeoutMs = files.timeoutMs ?? 60_000;
  async function bytesOf(token: string, path: string, hash: string): Promise<ReportFileBytes> {
    let response: Response;
    try {
      response = await doFetch(new URL(path, files.baseUrl), {
        headers: { ...(files.versions?.headers ?? {}), authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (cause) {
      throw new HearthError(
        ErrorCode.Unavailable,
        'Hearth cannot reach its server right now. Please try again soon.',
        undefined,
        {
          cause,
        },
      );
    }
    files.versions?.heard(response.headers, response.ok);
    if (!response.ok) {
      const json: unknown = await response.json().catch(() => null);
      throw relayError(json, response.status, 'The Hearth server is having trouble with files.', files.versions);
    }
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Evidence is shown only as the relay keeps it: the bytes must be the file the report names.
    if (!MIMES.has(mime) || sha256Hex(bytes) !== hash)
      throw new HearthError(ErrorCode.Unavailable, 'A file of this report arrived damaged. Please try again.');
    return { bytes, mime: mime as AttachmentMime };
  }
  const report = (id: string, rest = ''): string => `/v1/reports/${encodeURIComponent(id)}${rest}`;
  return Object.freeze({
    list: (token) => call('GET', '/v1/reports', ReportList, { token }),
    detail: (token, id) => call('GET', report(id), ReportDetail, { token }),
    file: (token, id, hash) => bytesOf(token, report(id, `/files/${hash}`), hash),
    unblock: async (token, id) => {
      await call('POST', report(id, '/unblock'), NoContent, { token, body: {} });
    },
    forward: async (token, id, body) => {
      await call('POST', report(id, '/forward'), NoContent, { token, body });
    },
    share: async (token, id) => {
      await call('POST', report(id, '/share'), NoContent, { token, body: {} });
    },
    shared: (token) => call('GET', '/v1/shared-reports', SharedReportList, { token }),
    sharedFile: (token, id, hash) => bytesOf(token, `/v1/shared-reports/${encodeURIComponent(id)}/files/${hash}`, hash),
  });
}
