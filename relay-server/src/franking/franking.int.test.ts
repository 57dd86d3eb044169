import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, AttachmentRef, ReportMessage } from '@hearth/common';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { befriend, buildTestApp, createFamily, type TestFamily, type TestRelay } from '../../test/helpers';
import {
  listenForWs,
  messageWith,
  newMessageId,
  sendAndAck,
  sentFor,
  socketPool,
  text,
  type MessageFrame,
  type SentFrame,
  type TestSocket,
} from '../../test/ws-client';
import { sqliteOf } from '../store/sqlite-store';
import type { PgStore } from '../store/pg-store';
import { FRANK_RETENTION_MS, sweepFranks } from './retention';
import { verifyReportMessage } from './verify';

/**
 * Message franking (F11), end to end: two children who are friends talk over real WebSockets; the
 * recipient's frames are kept exactly as received; a report's raw form of each is checked against
 * the relay's records, on SQLite and on PostgreSQL.
 */

const SECRET_TEXT = 'Gingerbreadnarwhal meets you by the swings';
/** A real 1×1 PNG (the relay checks the head only). */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);

const NO_POSTGRES = await withoutPostgres();

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgres' as const, skip: NO_POSTGRES },
])('franking on $kind', ({ kind, skip }) => {
  let relay: TestRelay;
  let database: TestDatabase | undefined;
  let url: string;
  let leo: TestFamily;
  let mia: TestFamily;
  const sockets = socketPool();

  beforeEach(async (t) => {
    if (skip) t.skip();
    database = kind === 'postgres' ? await createTestDatabase() : undefined;
    relay = await buildTestApp(database ? { databaseUrl: database.url } : {});
    url = await listenForWs(relay.app);
    leo = await createFamily(relay.app);
    mia = await createFamily(relay.app);
    await befriend(relay.app, leo, mia);
  });

  afterEach(async () => {
    if (skip) return;
    await sockets.closeAll();
    await relay.close();
    await database?.drop();
  });

  const ctx = () => relay.app.relay;
  const verify = (m: ReportMessage) => verifyReportMessage(ctx(), m);

  /** The `message` frame of `id` as the socket received it, character for character, and what it says. */
  async function received(socket: TestSocket, id: string): Promise<{ raw: string; message: MessageFrame['message'] }> {
    const frame = await socket.take<MessageFrame>(messageWith(id));
    const raw = socket.raw[socket.frames.indexOf(frame)];
    if (raw === undefined) throw new Error('the frame text was not kept');
    return { raw, message: frame.message };
  }

  /** What a reporting PC puts in a report for a message it received. */
  function reported(raw: string, message: MessageFrame['message'], extra: Partial<ReportMessage> = {}): ReportMessage {
    const { id, from, to, sentAt, content } = message;
    return { id, from: from as AccountId, to: to as AccountId, sentAt, raw, shown: JSON.stringify(content), ...extra };
  }

  async function upload(token: string, body: Buffer): Promise<AttachmentRef> {
    const res = await relay.app.inject({
      method: 'POST',
      url: '/v1/attachments',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
      payload: body,
    });
    if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
    return res.json() as AttachmentRef;
  }

  /** Every franking row, as stored. */
  async function frankRows(): Promise<Record<string, unknown>[]> {
    const store = ctx().store;
    if (store.kind === 'sqlite')
      return sqliteOf(ctx()).prepare('SELECT * FROM message_franks').all() as Record<string, unknown>[];
    return (await (store as PgStore).pool.query('SELECT * FROM message_franks')).rows as Record<string, unknown>[];
  }

  it('confirms a message exactly as relayed, and not once one character, its time or its sender changed', async () => {
    const leoPc = await sockets.open(url, leo.childToken);
    const miaPc = await sockets.open(url, mia.childToken);
    const id = await sendAndAck(leoPc, mia.child.childId, text(SECRET_TEXT));
    const { raw, message } = await received(miaPc, id);
    expect(raw).toContain(SECRET_TEXT);

    expect(await verify(reported(raw, message))).toBe('confirmed');
    // The same content with other spacing or key order is the same message (canonical JSON).
    const respaced = JSON.stringify({ message: JSON.parse(raw).message, type: 'message' }, null, 2);
    expect(await verify(reported(respaced, message))).toBe('confirmed');

    // One character of the text altered on the PC.
    const altered = raw.replace('swings', 'swingz');
    expect(altered).not.toBe(raw);
    expect(await verify(reported(altered, message))).toBe('not-confirmed');
    // The relay's time changed, in the raw form and in what the report says alike.
    const later = message.sentAt + 60_000;
    const retimed = raw.replace(`"sentAt":${message.sentAt}`, `"sentAt":${later}`);
    expect(retimed).not.toBe(raw);
    expect(await verify(reported(retimed, { ...message, sentAt: later }))).toBe('not-confirmed');
    // The raw form changed but not what the report says of it (or the other way round).
    expect(await verify(reported(retimed, message))).toBe('not-confirmed');
    expect(await verify(reported(raw, { ...message, sentAt: later }))).toBe('not-confirmed');
    // Someone else's words put in Leo's mouth: another sender.
    const swapped = raw.replace(`"from":"${leo.child.childId}"`, `"from":"${mia.child.childId}"`);
    expect(await verify(reported(swapped, { ...message, from: mia.child.childId }))).toBe('not-confirmed');
  });

  it("confirms the sender's own form of a sent message (with the relay's sentAt from its acknowledgement)", async () => {
    const leoPc = await sockets.open(url, leo.childToken);
    const id = newMessageId();
    const content = { kind: 'text' as const, text: 'my own words' };
    leoPc.send({ type: 'send', id, to: mia.child.childId, content });
    const sent = await leoPc.take<SentFrame>(sentFor(id));
    const message = { id, from: leo.child.childId, to: mia.child.childId, sentAt: sent.at, content };
    expect(await verify(reported(JSON.stringify(message), message))).toBe('confirmed');
    expect(await verify(reported(JSON.stringify({ ...message, content: { ...content, text: 'my own wordz' } }), message))).toBe(
      'not-confirmed',
    );
  });

  it('says a picture changed on receipt when the PC stripped its metadata, and confirms it otherwise', async () => {
    const leoPc = await sockets.open(url, leo.childToken);
    const miaPc = await sockets.open(url, mia.childToken);
    const attachment = await upload(leo.childToken, PNG);
    const id = newMessageId();
    leoPc.send({ type: 'send', id, to: mia.child.childId, content: { kind: 'photo', attachment } });
    await leoPc.take(sentFor(id));
    const { raw, message } = await received(miaPc, id);
    const stripped = 'ab'.repeat(32);
    expect(await verify(reported(raw, message, { fileHash: stripped, changedOnReceipt: true }))).toBe(
      'confirmed-picture-changed',
    );
    expect(await verify(reported(raw, message, { fileHash: attachment.hash }))).toBe('confirmed');
    // A changed attachment reference in the raw form is no stripped picture: not confirmed.
    const otherPicture = raw.replace(attachment.hash, stripped);
    expect(await verify(reported(otherPicture, message, { changedOnReceipt: true }))).toBe('not-confirmed');
  });

  it('confirms nothing the relay never relayed, nor anything malformed, and never throws', async () => {
    const leoPc = await sockets.open(url, leo.childToken);
    const miaPc = await sockets.open(url, mia.childToken);
    const id = await sendAndAck(leoPc, mia.child.childId, text('real one'));
    const { raw, message } = await received(miaPc, id);
    const invented = newMessageId();
    const inventedRaw = raw.replaceAll(id, invented);
    expect(await verify(reported(inventedRaw, { ...message, id: invented }))).toBe('not-confirmed');
    for (const bad of [
      'not json',
      '{}',
      '[]',
      'null',
      '{"type":"message","message":{}}',
      JSON.stringify({ ...message, sentAt: 'x' }),
    ]) {
      expect(await verify(reported(bad, message))).toBe('not-confirmed');
    }
    const broken = { ...reported(raw, message), id: 'not-an-id' } as ReportMessage;
    expect(await verify(broken)).toBe('not-confirmed');
    expect(await verify(null as unknown as ReportMessage)).toBe('not-confirmed');
  });

  it('forgets a message 30 days after the relay relayed it: the sweep on the relay clock', async () => {
    const leoPc = await sockets.open(url, leo.childToken);
    const miaPc = await sockets.open(url, mia.childToken);
    const id = await sendAndAck(leoPc, mia.child.childId, text('old news'));
    const { raw, message } = await received(miaPc, id);
    relay.clock.advance(FRANK_RETENTION_MS - 1);
    expect(await sweepFranks(ctx())).toBe(0);
    expect(await verify(reported(raw, message))).toBe('confirmed');
    relay.clock.advance(1);
    expect(await sweepFranks(ctx())).toBe(1);
    expect(await verify(reported(raw, message))).toBe('not-confirmed');
    expect(await frankRows()).toStrictEqual([]);
  });

  it('keeps only the id, a MAC and the time: no text, no sender or recipient', async () => {
    const leoPc = await sockets.open(url, leo.childToken);
    const miaPc = await sockets.open(url, mia.childToken);
    const id = await sendAndAck(leoPc, mia.child.childId, text(SECRET_TEXT));
    const { raw, message } = await received(miaPc, id);
    const rows = await frankRows();
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(Object.keys(row).sort()).toStrictEqual(['created_at', 'mac', 'message_id']);
    expect(row.message_id).toBe(id);
    expect(Number(row.created_at)).toBe(message.sentAt);
    const mac = Buffer.from(row.mac as Uint8Array);
    expect(mac).toHaveLength(32);
    for (const clear of [SECRET_TEXT, leo.child.childId, mia.child.childId]) {
      expect(mac.includes(Buffer.from(clear))).toBe(false);
    }

    // While queued the text is in the relay's files (the scan below can find it)...
    const holding = (): string[] =>
      kind === 'sqlite'
        ? fs
            .readdirSync(relay.dataDir)
            .filter((f) => f.startsWith('relay.sqlite'))
            .filter((f) => fs.readFileSync(path.join(relay.dataDir, f)).includes(Buffer.from(SECRET_TEXT)))
        : [];
    if (kind === 'sqlite') expect(holding()).not.toStrictEqual([]);

    // ...delivered and acknowledged, the message leaves the queue; its record stays and still confirms it.
    miaPc.send({ type: 'received', ids: [id] });
    await leoPc.take((f) => f.type === 'delivered' && f.ids.includes(id));
    expect(await verify(reported(raw, message))).toBe('confirmed');
    // And the text is nowhere in the relay's SQLite file or its WAL: the record never held it.
    await ctx().store.eraseDeleted();
    expect(holding()).toStrictEqual([]);
  });
});
