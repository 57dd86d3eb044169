import {
  ErrorCode,
  HearthError,
  type AccountId,
  type CallContact,
  type CallIce,
  type CallIceSignal,
  type CallSession,
  type Done,
  type IceConfig,
  type PeerId,
  type WsCallIceFrame,
  type WsCallIceRelayedFrame,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import { getContact } from '../db/child/queries/contacts';
import { reportedNotYetAccepted } from '../db/child/queries/reports';
import type { Logger } from '../logging/logger';
import type { RelayHttp } from '../relay/relay-http';
import type { ChildStores } from '../stores/child-stores';
import type { EventHub } from './event-hub';
import type { SettingsService } from './settings';

/** How long an unanswered call rings before it counts as missed (F7). */
export const DEFAULT_RING_TIMEOUT_MS = 30_000;

/** What calls need from the relay connections: showing friends that a profile is in a call. */
export type CallPresenceControl = Readonly<{
  setInCall: (childId: string, inCall: boolean) => void;
  /** Sends a profile's `call-ice` frame; false when the socket is down or the relay does not pass these. */
  sendCallIce: (childId: string, frame: WsCallIceFrame) => boolean;
}>;

export type CallsServiceDeps = Readonly<{
  relay: Pick<RelayHttp, 'signalingSession' | 'ice' | 'signalingPeers'>;
  /** The relay's origin, e.g. `http://127.0.0.1:8787`: the signaling socket lives there too. */
  relayUrl: string;
  familyDb: WritableDB;
  stores: ChildStores;
  settings: Pick<SettingsService, 'get'>;
  presence: CallPresenceControl;
  /** Tells the active profile's screens of a friend's ICE restart (issue 18). */
  events: Pick<EventHub, 'emitForChild'>;
  /** Refreshes a profile's contact list from the relay (throws when offline). */
  refreshContacts: (childId: string) => Promise<void>;
  now: () => number;
  logger: Logger;
  /** Default 30 s. Tests shorten it; it is not a setting. */
  ringTimeoutMs?: number;
  /** Least time between two peer-list fetches for one profile on a miss. Default 2 s. */
  refreshGapMs?: number;
  /** How long the relay's ICE servers are reused (never past 15 min before the TURN credentials expire). Default 10 min. */
  iceCacheMs?: number;
}>;

export type CallsService = Readonly<{
  session: (childId: string) => Promise<CallSession>;
  ice: (childId: string) => Promise<CallIce>;
  /** An active, unblocked contact to dial, with their peer id; NOT_FOUND otherwise. */
  contact: (childId: string, contactId: string) => Promise<CallContact>;
  /** Who is calling: an active, unblocked contact of this profile, or FORBIDDEN (never ring). */
  identify: (childId: string, peerId: PeerId) => Promise<CallContact>;
  setInCall: (childId: string, inCall: boolean) => Done;
  /** An ICE restart's offer or answer to an active, unblocked contact, through the relay (issue 18). */
  sendIce: (childId: string, signal: CallIceSignal) => Done;
  /** A friend's ICE restart from the relay: told to the profile's screens only if an active, unblocked contact. */
  iceArrived: (childId: string, frame: WsCallIceRelayedFrame) => void;
}>;

type PeerBook = { byPeer: Map<PeerId, AccountId>; byAccount: Map<string, PeerId>; fetchedAt: number };
type CachedIce = Readonly<{ ice: IceConfig; usableUntil: number }>;

/** TURN credentials are not handed out closer than this to their expiry. */
const ICE_EXPIRY_MARGIN_MS = 15 * 60_000;

const NOT_A_FRIEND = 'Only friends and family can call.';

/**
 * Calls for the active profile. The renderer's PeerJS client gets only a short-lived signaling
 * token from here, never the profile's relay credential. Who may ring is decided twice: the
 * relay refuses signaling between accounts that are not active friends, and this service checks
 * the caller against the profile's own contact list before the renderer rings or answers.
 */
export function createCallsService(deps: CallsServiceDeps): CallsService {
  const log = deps.logger.child({ component: 'calls' });
  const relayUrl = new URL(deps.relayUrl);
  const secure = relayUrl.protocol === 'https:';
  const port = relayUrl.port === '' ? (secure ? 443 : 80) : Number(relayUrl.port);
  const refreshGapMs = deps.refreshGapMs ?? 2_000;
  const books = new Map<string, PeerBook>();
  const iceCache = new Map<string, CachedIce>();
  const iceCacheMs = deps.iceCacheMs ?? 10 * 60_000;

  /** The relay's ICE servers for a profile, reused for a while: a call should not wait for the relay. */
  const relayIce = async (childId: string): Promise<IceConfig> => {
    const cached = iceCache.get(childId);
    if (cached && deps.now() < cached.usableUntil) return cached.ice;
    const ice = await deps.relay.ice(tokenOf(childId));
    const until = deps.now() + iceCacheMs;
    iceCache.set(childId, {
      ice,
      usableUntil: ice.expiresAt === null ? until : Math.min(until, ice.expiresAt - ICE_EXPIRY_MARGIN_MS),
    });
    return ice;
  };

  const tokenOf = (childId: string): string => requireProfile(deps.familyDb, childId).deviceToken;

  const fetchBook = async (childId: string): Promise<PeerBook> => {
    const { peers } = await deps.relay.signalingPeers(tokenOf(childId));
    const book: PeerBook = { byPeer: new Map(), byAccount: new Map(), fetchedAt: deps.now() };
    for (const p of peers) {
      book.byPeer.set(p.peerId, p.accountId);
      book.byAccount.set(p.accountId, p.peerId);
    }
    books.set(childId, book);
    return book;
  };

  /** The cached book; fetched again when `missing` says it lacks an entry and the last fetch is not too fresh. */
  const bookFor = async (childId: string, missing: (b: PeerBook) => boolean): Promise<PeerBook> => {
    const book = books.get(childId);
    if (book && (!missing(book) || deps.now() - book.fetchedAt < refreshGapMs)) return book;
    try {
      return await fetchBook(childId);
    } catch (err) {
      if (book && err instanceof HearthError && err.code === ErrorCode.Unavailable) return book;
      throw err;
    }
  };

  /** The contact as this PC's store knows it, if calls may pass with it now. */
  const callable = (childId: string, accountId: string, peerId: PeerId): CallContact | null => {
    const { db } = deps.stores.get(childId);
    const row = getContact(db, accountId);
    // Reported here and not yet accepted by the relay (F11): hidden, so no call passes either way.
    if (!row || reportedNotYetAccepted(db).has(accountId)) return null;
    const f = row.friendship;
    if (f.status !== 'active' || f.iBlocked) return null;
    return {
      contactId: accountId,
      peerId,
      displayName: f.friend.displayName,
      kind: f.kind,
      grownUp: f.friend.kind === 'parent',
      parentDisplayName: f.friend.parentDisplayName,
      avatar: f.friend.avatar,
    };
  };

  return Object.freeze({
    async session(childId: string): Promise<CallSession> {
      const token = tokenOf(childId);
      const [grant] = await Promise.all([
        deps.relay.signalingSession(token),
        // Warm the peer book and the ICE servers so the first call needs no extra round trip.
        fetchBook(childId).catch((err: unknown) => log.info({ err }, 'could not fetch the peer list yet')),
        relayIce(childId).catch((err: unknown) => log.info({ err }, 'could not fetch ICE servers yet')),
      ]);
      return {
        peerId: grant.peerId,
        token: grant.token,
        expiresAt: grant.expiresAt,
        host: relayUrl.hostname.replace(/^\[(.*)\]$/, '$1'),
        port,
        secure,
        path: grant.path,
        key: grant.key,
        ringTimeoutMs: deps.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS,
      };
    },

    async ice(childId: string): Promise<CallIce> {
      const ice = await relayIce(childId);
      // The grown-ups' setting is read at every call, never cached.
      const relayOnly = deps.settings.get().relayOnlyCalls || ice.iceTransportPolicy === 'relay';
      return { iceServers: ice.iceServers, iceTransportPolicy: relayOnly ? 'relay' : 'all', expiresAt: ice.expiresAt };
    },

    async contact(childId: string, contactId: string): Promise<CallContact> {
      const notFound = (): HearthError => new HearthError(ErrorCode.NotFound, NOT_A_FRIEND);
      // Checked before asking the relay for peer ids (the id here is a placeholder, never returned).
      if (!callable(childId, contactId, '' as PeerId)) throw notFound();
      let book = await bookFor(childId, (b) => !b.byAccount.has(contactId));
      // A contact this store knows as active but the cached book lacks was just added (a friend
      // approved, a grown-up confirmed a moment ago): ask the relay again at once, whatever the gap.
      if (!book.byAccount.has(contactId)) book = await fetchBook(childId);
      const peerId = book.byAccount.get(contactId);
      const contact = peerId === undefined ? null : callable(childId, contactId, peerId);
      if (!contact) throw notFound();
      return contact;
    },

    async identify(childId: string, peerId: PeerId): Promise<CallContact> {
      const refuse = (why: string): HearthError => {
        log.info({ why }, 'a call was refused before it rang');
        return new HearthError(ErrorCode.Forbidden, NOT_A_FRIEND);
      };
      const book = await bookFor(childId, (b) => !b.byPeer.has(peerId));
      const accountId = book.byPeer.get(peerId);
      if (accountId === undefined) throw refuse('unknown peer id');
      let contact = callable(childId, accountId, peerId);
      if (!contact && getContact(deps.stores.get(childId).db, accountId) === undefined) {
        // A friendship approved a moment ago may not be in the store yet.
        await deps.refreshContacts(childId).catch((err: unknown) => log.info({ err }, 'could not refresh contacts'));
        contact = callable(childId, accountId, peerId);
      }
      if (!contact) throw refuse('not an active contact here');
      return contact;
    },

    setInCall(childId: string, inCall: boolean): Done {
      deps.presence.setInCall(childId, inCall);
      return { done: true };
    },

    sendIce(childId: string, signal: CallIceSignal): Done {
      const { contactId, ...ice } = signal;
      if (!callable(childId, contactId, '' as PeerId)) throw new HearthError(ErrorCode.NotFound, NOT_A_FRIEND);
      if (!deps.presence.sendCallIce(childId, { type: 'call-ice', to: contactId, ...ice })) {
        throw new HearthError(ErrorCode.Unavailable, 'The relay cannot pass this on now.');
      }
      return { done: true };
    },

    iceArrived(childId: string, frame: WsCallIceRelayedFrame): void {
      const { type: _type, from, ...ice } = frame;
      // The relay checked the friendship; this PC's own list decides too (a block here, a report not yet taken).
      if (!callable(childId, from, '' as PeerId)) {
        log.info({ role: frame.role }, 'an ICE restart from someone who is not an active contact here was dropped');
        return;
      }
      deps.events.emitForChild(childId, 'callIce', { contactId: from, ...ice });
    },
  });
}
