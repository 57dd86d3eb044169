import { describe, expect, it } from 'vitest';
import { HearthError } from '@hearth/common';
import { createAttachmentTransfer } from './attachment-transfer';
import { createRelayHttp } from './relay-http';

const cut = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
const failingFetch = (): Promise<Response> => Promise.reject(cut);

async function caught(run: () => Promise<unknown>): Promise<HearthError> {
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof HearthError)) throw new Error(`expected a HearthError, got ${String(err)}`);
  return err;
}

describe('a network failure wrapped into a HearthError', () => {
  it('keeps the failed fetch as its cause (relay API calls)', async () => {
    const relay = createRelayHttp({ baseUrl: 'http://127.0.0.1:9', fetch: failingFetch });
    const err = await caught(() => relay.policy('en'));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.cause).toBe(cut);
  });

  it('keeps an unreadable answer as its cause', async () => {
    const relay = createRelayHttp({ baseUrl: 'http://127.0.0.1:9', fetch: () => Promise.resolve(new Response('{not json')) });
    const err = await caught(() => relay.policy('en'));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.cause).toBeInstanceOf(SyntaxError);
  });

  it('keeps the failed fetch as its cause (attachment uploads and downloads)', async () => {
    const transfer = createAttachmentTransfer({ baseUrl: 'http://127.0.0.1:9', fetch: failingFetch });
    expect((await caught(() => transfer.download('token', 'a'.repeat(64)))).cause).toBe(cut);
    expect((await caught(() => transfer.upload('token', new Uint8Array([1]), 'image/png'))).cause).toBe(cut);
  });
});
