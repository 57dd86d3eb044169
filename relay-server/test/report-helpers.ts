import { createHash } from 'node:crypto';
import { APP_VERSION, APP_VERSION_HEADER, type ReportAccepted, type ReportSubmission } from '@hearth/common';
import type { RelayApp } from '../src/app';
import { api, type ApiResult } from './helpers';

/** A small JPEG-looking file (the relay checks the magic bytes, not the picture). */
export function jpeg(fill = 1, size = 200): Buffer {
  const bytes = Buffer.alloc(size, fill);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A report from `from` about `about`: one message carrying `file` (when given). */
export function submission(
  app: RelayApp,
  from: string,
  about: string,
  options: Readonly<{ reason?: ReportSubmission['reason']; file?: Buffer; reportId?: string }> = {},
): ReportSubmission {
  const messageId = app.relay.newId();
  const sentAt = app.relay.now() - 60_000;
  const content = { kind: 'text', text: 'you are mean' };
  const raw = JSON.stringify({ id: messageId, from: about, to: from, sentAt, content });
  return {
    reportId: options.reportId ?? app.relay.newId(),
    about: about as ReportSubmission['about'],
    reason: options.reason ?? 'mean-words',
    place: 'message',
    itemId: messageId,
    messages: [
      {
        id: messageId,
        from: about as ReportSubmission['about'],
        to: from as ReportSubmission['about'],
        sentAt,
        raw,
        shown: JSON.stringify(content),
        ...(options.file ? { fileHash: sha256(options.file) } : {}),
      },
    ],
    calls: [],
    files: options.file
      ? [{ hash: sha256(options.file), size: options.file.length, mime: 'image/jpeg', role: 'attachment', messageId }]
      : [],
    madeAt: app.relay.now(),
  };
}

export async function report(app: RelayApp, childToken: string, body: unknown): Promise<ApiResult<ReportAccepted>> {
  return api<ReportAccepted>(app, 'POST', '/v1/reports', { token: childToken, body });
}

/** `PUT /v1/reports/:id/files/:hash` with raw bytes. */
export async function putFile(
  app: RelayApp,
  token: string | undefined,
  reportId: string,
  hash: string,
  bytes: Buffer,
  mime = 'image/jpeg',
): Promise<Readonly<{ status: number; code: string | undefined }>> {
  const res = await app.inject({
    method: 'PUT',
    url: `/v1/reports/${reportId}/files/${hash}`,
    headers: {
      [APP_VERSION_HEADER]: APP_VERSION,
      'content-type': mime,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    payload: bytes,
  });
  return { status: res.statusCode, code: res.body ? (res.json() as { error?: { code: string } }).error?.code : undefined };
}

/** The stable code of a refused request's answer. */
export function codeOf(res: Readonly<{ body: unknown }>): string | undefined {
  return (res.body as { error?: { code: string } } | undefined)?.error?.code;
}
