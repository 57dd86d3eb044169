import { AttachmentRef, ErrorCode, HearthError, tolerantReader, type AttachmentMime } from '@hearth/common';
import { sha256Hex } from '../services/attachments';
import { relayError } from './relay-errors';
import type { RelayVersions } from './relay-versions';

/** Moves attachment bytes to and from the relay's blob store (`/v1/attachments`). */
export type AttachmentTransfer = Readonly<{
  /** Uploads bytes; resolves when the relay stored them. `onProgress` hears how many bytes went so far. */
  upload: (
    token: string,
    bytes: Uint8Array,
    mime: AttachmentMime,
    onProgress?: (sent: number, total: number) => void,
  ) => Promise<AttachmentRef>;
  /** Downloads the bytes with this hash and checks that they are what the hash says. */
  download: (token: string, hash: string) => Promise<Uint8Array>;
}>;

async function failure(response: Response, versions: RelayVersions | undefined): Promise<HearthError> {
  const json: unknown = await response.json().catch(() => null);
  return relayError(json, response.status, 'The Hearth server is having trouble with files.', versions);
}

/** Upload chunk size: small enough for smooth progress, large enough not to matter. */
const UPLOAD_CHUNK_BYTES = 64 * 1024;

/**
 * The bytes as a stream that reports each chunk as the request takes it. Progress is told at most
 * once per whole percent, and always at the end.
 */
function progressStream(bytes: Uint8Array, onProgress: (sent: number, total: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  let lastPercent = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.length, offset + UPLOAD_CHUNK_BYTES);
      controller.enqueue(bytes.subarray(offset, end));
      offset = end;
      const percent = Math.floor((100 * offset) / bytes.length);
      if (percent !== lastPercent || offset === bytes.length) {
        lastPercent = percent;
        onProgress(offset, bytes.length);
      }
    },
  });
}

const unreachable = (cause: unknown): HearthError =>
  new HearthError(ErrorCode.Unavailable, 'Hearth cannot reach its server right now. Please try again soon.', undefined, {
    cause,
  });

/** Transfers over the relay's HTTP API with the child's device credential. */
export function createAttachmentTransfer(
  deps: Readonly<{ baseUrl: string; fetch?: typeof fetch; timeoutMs?: number; versions?: RelayVersions }>,
): AttachmentTransfer {
  const versionHeaders = deps.versions?.headers ?? {};
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 120_000;

  /** One request to the relay with the child's credential; a refusal or no answer is thrown as a HearthError. */
  async function request(
    path: string,
    token: string,
    init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string>; duplex?: 'half' },
  ): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(new URL(path, deps.baseUrl), {
        ...init,
        headers: { ...versionHeaders, authorization: `Bearer ${token}`, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (cause) {
      throw unreachable(cause);
    }
    deps.versions?.heard(response.headers, response.ok);
    if (!response.ok) throw await failure(response, deps.versions);
    return response;
  }

  return Object.freeze({
    async upload(
      token: string,
      bytes: Uint8Array,
      mime: AttachmentMime,
      onProgress?: (sent: number, total: number) => void,
    ): Promise<AttachmentRef> {
      const response = await request('/v1/attachments', token, {
        method: 'POST',
        headers: { 'content-type': mime },
        // A streamed body has no upload progress of its own in fetch: the stream tells it.
        ...(onProgress ? { body: progressStream(bytes, onProgress), duplex: 'half' } : { body: bytes }),
      });
      const ref = tolerantReader(AttachmentRef).read(await response.json().catch(() => null));
      if (!ref) throw new HearthError(ErrorCode.Internal, 'The server answered an upload strangely.');
      return ref;
    },
    async download(token: string, hash: string): Promise<Uint8Array> {
      const response = await request(`/v1/attachments/${hash}`, token, {});
      const bytes = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
      if (sha256Hex(bytes) !== hash)
        throw new HearthError(ErrorCode.Unavailable, 'A file arrived damaged; it will be fetched again.');
      return bytes;
    },
  });
}
