import { ErrorCode, HearthError, ReportAccepted, tolerantReader, type ReportSubmission } from '@hearth/common';
import { relayError } from './relay-errors';
import type { RelayVersions } from './relay-versions';

/** The relay's report routes, with the reporting child's device credential (F11). Nothing else. */
export type ReportHttp = Readonly<{
  /** `POST /v1/reports`: 201 new, 200 a re-send of the same report. */
  submit: (token: string, body: ReportSubmission) => Promise<ReportAccepted>;
  /** `PUT /v1/reports/:id/files/:hash`: one file's bytes, 204. */
  putFile: (token: string, reportId: string, hash: string, mime: string, bytes: Uint8Array) => Promise<void>;
}>;

const accepted = tolerantReader(ReportAccepted);

export function createReportHttp(
  deps: Readonly<{ baseUrl: string; fetch?: typeof fetch; timeoutMs?: number; versions?: RelayVersions }>,
): ReportHttp {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 120_000;

  async function request(
    path: string,
    token: string,
    init: { method: string; body: string | Uint8Array; type: string },
  ): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(new URL(path, deps.baseUrl), {
        method: init.method,
        headers: {
          ...deps.versions?.headers,
          authorization: `Bearer ${token}`,
          'content-type': init.type,
          accept: 'application/json',
        },
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (cause) {
      throw new HearthError(ErrorCode.Unavailable, 'Hearth cannot reach its server right now.', undefined, { cause });
    }
    deps.versions?.heard(response.headers, response.ok);
    if (!response.ok) {
      const json: unknown = await response.json().catch(() => null);
      throw relayError(json, response.status, 'The Hearth server is having trouble with reports.', deps.versions);
    }
    return response;
  }

  return Object.freeze({
    async submit(token: string, body: ReportSubmission): Promise<ReportAccepted> {
      const response = await request('/v1/reports', token, {
        method: 'POST',
        body: JSON.stringify(body),
        type: 'application/json',
      });
      const value = accepted.read(await response.json().catch(() => null));
      if (!value) throw new HearthError(ErrorCode.Unavailable, 'The server answered a report strangely.');
      return value;
    },
    async putFile(token: string, reportId: string, hash: string, mime: string, bytes: Uint8Array): Promise<void> {
      const response = await request(`/v1/reports/${reportId}/files/${hash}`, token, { method: 'PUT', body: bytes, type: mime });
      await response.arrayBuffer().catch(() => undefined);
    },
  });
}
