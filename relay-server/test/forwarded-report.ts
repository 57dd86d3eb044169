import type { AccountId, AttachmentRef, ReportAccepted, ReportMessage, ReportSubmission } from '@hearth/common';
import type { RelayApp } from '../src/app';
import { api, expectStatus, type TestFamily } from './helpers';
import { putFile, sha256 } from './report-helpers';
import { connect, messageWith, newMessageId, sendAndAck, sentFor, text, type MessageFrame, type TestSocket } from './ws-client';

/** A real 1×1 PNG (the relay checks the head only). */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);

export type SeededReport = Readonly<{
  reportId: string;
  /** The messages of the report: as relayed, altered on the PC, a picture whose metadata the PC stripped. */
  ids: Readonly<{ confirmed: string; altered: string; picture: string }>;
  /** The stripped picture the PC holds and uploaded with the report. */
  file: Readonly<{ hash: string; bytes: Buffer; mime: string }>;
}>;

/** The `message` frame of `id` as the socket received it, character for character. */
async function received(socket: TestSocket, id: string): Promise<{ raw: string; message: MessageFrame['message'] }> {
  const frame = await socket.take<MessageFrame>(messageWith(id));
  const raw = socket.raw[socket.frames.indexOf(frame)];
  if (raw === undefined) throw new Error('the frame text was not kept');
  return { raw, message: frame.message };
}

function reported(raw: string, message: MessageFrame['message'], extra: Partial<ReportMessage> = {}): ReportMessage {
  const { id, from, to, sentAt, content } = message;
  return { id, from: from as AccountId, to: to as AccountId, sentAt, raw, shown: JSON.stringify(content), ...extra };
}

/**
 * A report forwarded to the moderators through the real flow (issue 15): `about`'s child (a friend)
 * sends `reporter`'s child three messages over real WebSockets, the reporter's PC keeps the frames
 * as received, and reports them (`POST /v1/reports`): one untouched, one whose raw text the PC
 * altered, one picture it stripped of metadata on receipt (uploaded with the report). Its guardian
 * then forwards it (`POST /v1/reports/:id/forward`).
 */
export async function seedForwardedReport(
  app: RelayApp,
  url: string,
  reporter: TestFamily,
  about: TestFamily,
  options: Readonly<{ note?: string }> = {},
): Promise<SeededReport> {
  const sender = await connect(url, about.childToken);
  const recipient = await connect(url, reporter.childToken);
  try {
    const to = reporter.child.childId;
    const one = await sendAndAck(sender, to, text('you are mean'));
    const two = await sendAndAck(sender, to, text('nobody likes you'));
    const upload = await app.inject({
      method: 'POST',
      url: '/v1/attachments',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${about.childToken}` },
      payload: PNG,
    });
    if (upload.statusCode !== 201) throw new Error(`upload: ${upload.statusCode} ${upload.body}`);
    const attachment = upload.json() as AttachmentRef;
    const three = newMessageId();
    sender.send({ type: 'send', id: three, to, content: { kind: 'photo', attachment } });
    await sender.take(sentFor(three));

    const first = await received(recipient, one);
    const second = await received(recipient, two);
    const third = await received(recipient, three);
    const altered = second.raw.replace('nobody likes you', 'nobody likes you!');
    if (altered === second.raw) throw new Error('the raw text was not altered');
    // What the PC holds after stripping the metadata: other bytes, so another hash.
    const stripped = Buffer.concat([PNG, Buffer.from('stripped')]);
    const strippedHash = sha256(stripped);

    const reportId = app.relay.newId();
    const body: ReportSubmission = {
      reportId,
      about: about.child.childId as AccountId,
      reason: 'mean-words',
      place: 'message',
      itemId: one,
      messages: [
        reported(first.raw, first.message),
        reported(altered, second.message),
        reported(third.raw, third.message, { fileHash: strippedHash, changedOnReceipt: true }),
      ],
      calls: [],
      files: [{ hash: strippedHash, size: stripped.length, mime: 'image/png', role: 'attachment', messageId: three }],
      madeAt: app.relay.now(),
    };
    expectStatus(await api<ReportAccepted>(app, 'POST', '/v1/reports', { token: reporter.childToken, body }), 201);
    const put = await putFile(app, reporter.childToken, reportId, strippedHash, stripped, 'image/png');
    if (put.status !== 204) throw new Error(`file upload: ${put.status} ${put.code}`);
    expectStatus(
      await api(app, 'POST', `/v1/reports/${reportId}/forward`, {
        token: reporter.parent.token,
        body: options.note === undefined ? {} : { note: options.note },
      }),
      204,
    );
    return {
      reportId,
      ids: { confirmed: one, altered: two, picture: three },
      file: { hash: strippedHash, bytes: stripped, mime: 'image/png' },
    };
  } finally {
    await Promise.all([sender.close(), recipient.close()]);
  }
}
