import { timingSafeEqual } from 'node:crypto';
import { Compile } from 'typebox/compile';
import { RelayedMessage, ReportMessage, WsMessageFrame, type FrankingVerdict } from '@hearth/common';
import type { RelayContext } from '../context';
import { contentDigest, frankMac, frankingKey } from './frank';

const reportMessage = Compile(ReportMessage);
const messageFrame = Compile(WsMessageFrame);
const relayedMessage = Compile(RelayedMessage);

/**
 * The message a report's `raw` holds: the text of a `{"type":"message","message":{…}}` frame as
 * the PC received it, or a bare `{id, from, to, sentAt, content}` (the child's own sent message).
 * Undefined when it is neither (not JSON, or not what the relay sends).
 */
function parseRaw(raw: string): RelayedMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (messageFrame.Check(value)) return value.message;
  if (relayedMessage.Check(value)) return value;
  return undefined;
}

/**
 * Moderators' evidence (F11): does the relay's franking record confirm this message of a report?
 * `confirmed` when the raw form's id, sender, recipient, the relay's `sentAt` and content give the
 * MAC the relay kept for that id (and they match what the report says of the message);
 * `confirmed-picture-changed` when it is confirmed and the PC changed the attachment on receipt
 * (metadata stripped); otherwise `not-confirmed`: altered, never relayed, older than 30 days, or
 * malformed. Never throws on what the report holds; a failing database rejects.
 */
export async function verifyReportMessage(ctx: Pick<RelayContext, 'store' | 'now'>, m: ReportMessage): Promise<FrankingVerdict> {
  if (!reportMessage.Check(m)) return 'not-confirmed';
  const relayed = parseRaw(m.raw);
  if (!relayed) return 'not-confirmed';
  if (relayed.id !== m.id || relayed.from !== m.from || relayed.to !== m.to || relayed.sentAt !== m.sentAt) {
    return 'not-confirmed';
  }
  const kept = await ctx.store.franking.listFrankMacs(m.id);
  if (kept.length === 0) return 'not-confirmed';
  const key = await frankingKey(ctx.store, ctx.now());
  const mac = frankMac(key, {
    id: relayed.id,
    from: relayed.from,
    to: relayed.to,
    sentAt: relayed.sentAt,
    contentSha256: contentDigest(relayed.content),
  });
  // Every record compared, in constant time each: no early answer tells how close a forgery came.
  let confirmed = false;
  for (const stored of kept) {
    const bytes = Buffer.from(stored);
    if (bytes.length === mac.length && timingSafeEqual(bytes, mac)) confirmed = true;
  }
  if (!confirmed) return 'not-confirmed';
  return m.changedOnReceipt === true ? 'confirmed-picture-changed' : 'confirmed';
}
