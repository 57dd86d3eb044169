/**
 * Tests only: a PeerJS stand-in with the behaviour the call service relies on (offers reach an
 * online peer the "relay" lets through, or the caller gets `peer-unavailable`; data connections
 * open by themselves; a media connection streams once answered; closing closes both ends), plus
 * MediaStream and track stand-ins for Node.
 */
import type { Peer, PeerOptions } from 'peerjs';

type Listener = (...args: unknown[]) => void;

class Emitter {
  private readonly listeners = new Map<string, Set<Listener>>();
  on(event: string, fn: Listener): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(fn);
    this.listeners.set(event, set);
    return this;
  }
  once(event: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.get(event)?.delete(wrapped);
      fn(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) fn(...args);
  }
}

const tick = (fn: () => void): void => void setTimeout(fn, 1);

export class FakeTrack {
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  constructor(
    readonly kind: 'audio' | 'video',
    readonly label: string,
  ) {}
  stop(): void {
    this.readyState = 'ended';
  }
}

export class FakeMediaStream {
  private readonly tracks: FakeTrack[];
  constructor(tracks: readonly FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks(): FakeTrack[] {
    return [...this.tracks];
  }
  getAudioTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
  getVideoTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'video');
  }
  addTrack(t: FakeTrack): void {
    if (!this.tracks.includes(t)) this.tracks.push(t);
  }
  removeTrack(t: FakeTrack): void {
    const i = this.tracks.indexOf(t);
    if (i >= 0) this.tracks.splice(i, 1);
  }
}

/** Puts the stand-ins on globalThis (Node has no MediaStream). */
export function installMediaGlobals(): void {
  Object.assign(globalThis, { MediaStream: FakeMediaStream });
}

export class FakeSender {
  constructor(public track: FakeTrack | null) {}
  async replaceTrack(track: FakeTrack | null): Promise<void> {
    this.track = track;
  }
}

/**
 * A connection's RTCPeerConnection, as far as the calls use it: its tracks, what the path watch
 * reads (ICE's state and the bytes received, which grow at every look while the connection is
 * open and `flowing`), and an ICE restart's first step (the offer asked for is recorded; the fake
 * makes no SDP, so the restart goes no further).
 */
export class FakePc extends EventTarget {
  readonly transceivers: {
    sender: FakeSender;
    receiver: { track: FakeTrack };
    /** What `setCodecPreferences` was last given (mime types; empty: the browser's order). */
    codecs: string[];
    setCodecPreferences: (codecs: readonly { mimeType: string }[]) => void;
  }[] = [];
  iceConnectionState: RTCIceConnectionState = 'connected';
  connectionState: RTCPeerConnectionState = 'connected';
  /** Whether media arrives (false: the path broke). */
  flowing = true;
  readonly offers: (RTCOfferOptions | undefined)[] = [];
  private received = 0;
  private config: RTCConfiguration = {};
  constructor(
    private readonly isOpen: () => boolean = () => true,
    /** The caller's media: its offer is out at once, and the answer makes it `stable`. */
    public signalingState: RTCSignalingState = 'stable',
  ) {
    super();
  }
  async getStats(): Promise<Map<string, { type: string; bytesReceived: number }>> {
    if (this.flowing && this.isOpen()) this.received += 1_000;
    return new Map([['inbound', { type: 'inbound-rtp', bytesReceived: this.received }]]);
  }
  getConfiguration(): RTCConfiguration {
    return this.config;
  }
  setConfiguration(config: RTCConfiguration): void {
    this.config = config;
  }
  async createOffer(options?: RTCOfferOptions): Promise<never> {
    this.offers.push(options);
    throw new Error('the fake makes no SDP');
  }
  getTransceivers(): FakePc['transceivers'] {
    return this.transceivers;
  }
  addStream(stream: FakeMediaStream): void {
    for (const t of stream.getTracks()) {
      const transceiver = {
        sender: new FakeSender(t),
        receiver: { track: new FakeTrack(t.kind, 'remote') },
        codecs: [] as string[],
        setCodecPreferences: (codecs: readonly { mimeType: string }[]) => {
          transceiver.codecs = codecs.map((c) => c.mimeType);
        },
      };
      this.transceivers.push(transceiver);
    }
  }
}

/** Both kinds of connection: open until closed; closing says so once, and may close the other end. */
abstract class FakeConnection<T extends FakeConnection<T>> extends Emitter {
  /** As PeerJS: the offer's id, the same at both ends (the caller's option, else a random one). */
  connectionId = '';
  other: T | null = null;
  open = false;
  closed = false;
  /** Whether closing this end closes `other` too. */
  protected abstract closesOther(other: T): boolean;
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.open = false;
    this.emit('close');
    const other = this.other;
    if (other && this.closesOther(other)) tick(() => other.close());
  }
}

export class FakeMediaConnection extends FakeConnection<FakeMediaConnection> {
  peerConnection: FakePc | null = null;
  localStream: FakeMediaStream | null = null;
  constructor(
    readonly peer: string,
    readonly metadata: unknown,
  ) {
    super();
  }
  /** The caller's `sdpTransform` option (PeerJS runs it on the offer). */
  sdpTransform: ((sdp: string) => string) | null = null;
  /** How long our answer takes to leave once made (the friend's stream is here before it has). */
  answerLeavesAfterMs = 0;
  /** The `sdpTransform` our answer was made with (PeerJS runs it on the answer). */
  answerSdpTransform: ((sdp: string) => string) | null = null;
  answer(stream: FakeMediaStream, options: { sdpTransform?: (sdp: string) => string } = {}): void {
    this.localStream = stream;
    this.answerSdpTransform = options.sdpTransform ?? null;
    const leaves = this.answerLeavesAfterMs;
    const pc = new FakePc(() => this.open, leaves > 0 ? 'have-remote-offer' : 'stable');
    this.peerConnection = pc;
    pc.addStream(stream);
    if (leaves > 0) {
      setTimeout(() => {
        pc.signalingState = 'stable';
        pc.dispatchEvent(new Event('signalingstatechange'));
      }, leaves);
    }
    const other = this.other;
    tick(() => {
      if (this.closed || !other || other.closed) return;
      this.open = other.open = true;
      if (other.peerConnection) other.peerConnection.signalingState = 'stable';
      other.emit('stream', stream);
      this.emit('stream', other.localStream);
    });
  }
  // Once answered, PeerJS 1.5 closes the remote end too (its auxiliary channel).
  protected closesOther(other: FakeMediaConnection): boolean {
    return this.peerConnection !== null && other.peerConnection !== null;
  }
}

export class FakeDataConnection extends FakeConnection<FakeDataConnection> {
  readonly sent: unknown[] = [];
  readonly peerConnection = new FakePc(() => this.open);
  constructor(
    readonly peer: string,
    readonly label: string,
    readonly metadata: unknown,
  ) {
    super();
  }
  send(data: unknown): void {
    if (!this.open) throw new Error('not open');
    this.sent.push(data);
    const other = this.other;
    const copy: unknown = JSON.parse(JSON.stringify(data));
    tick(() => {
      if (other && !other.closed) other.emit('data', copy);
    });
  }
  protected closesOther(): boolean {
    return true;
  }
}

/** The "relay": which peers are online, and which pairs it lets talk. */
export class FakeNetwork {
  readonly peers = new Map<string, FakePeer>();
  private readonly allowed = new Set<string>();
  /** How many of the next data connections' offers are lost on the way (they never reach the friend, never open). */
  lostData = 0;
  allow(a: string, b: string): void {
    this.allowed.add(`${a} ${b}`).add(`${b} ${a}`);
  }
  /** What `createPeer` should be in a test. */
  factory(): (id: string, options: PeerOptions) => Peer {
    return (id, options) => new FakePeer(this, id, options) as unknown as Peer;
  }
  route(from: FakePeer, to: string): FakePeer | null {
    const target = this.peers.get(to);
    if (!target || !target.open || !this.allowed.has(`${from.id} ${to}`)) {
      tick(() => from.emit('error', Object.assign(new Error(`Could not connect to peer ${to}`), { type: 'peer-unavailable' })));
      return null;
    }
    return target;
  }
}

export class FakePeer extends Emitter {
  open = false;
  disconnected = false;
  destroyed = false;
  reconnects = 0;
  readonly tokensUsed: string[] = [];
  /** Media connections this peer started, oldest first. */
  readonly calls: FakeMediaConnection[] = [];
  /** Data connections this peer started, oldest first. */
  readonly connections: FakeDataConnection[] = [];
  constructor(
    readonly network: FakeNetwork,
    readonly id: string,
    readonly options: PeerOptions,
  ) {
    super();
    this.tokensUsed.push(String(options.token));
    network.peers.set(id, this);
    tick(() => this.goOnline());
  }
  private goOnline(): void {
    if (this.destroyed) return;
    this.open = true;
    this.emit('open', this.id);
  }
  /** Like a dropped signaling socket. */
  dropSignaling(): void {
    this.open = false;
    this.disconnected = true;
    this.emit('disconnected', this.id);
  }
  /** As PeerJS: the signaling socket closed on purpose (the connections stay). */
  disconnect(): void {
    this.dropSignaling();
  }
  reconnect(): void {
    this.reconnects += 1;
    this.tokensUsed.push(String(this.options.token));
    this.disconnected = false;
    tick(() => this.goOnline());
  }
  call(
    to: string,
    stream: FakeMediaStream,
    options: { metadata?: unknown; connectionId?: string; sdpTransform?: (sdp: string) => string } = {},
  ): FakeMediaConnection {
    const mine = new FakeMediaConnection(to, options.metadata);
    mine.sdpTransform = options.sdpTransform ?? null;
    mine.connectionId = options.connectionId ?? `mc_${Math.random().toString(36).slice(2)}`;
    this.calls.push(mine);
    mine.localStream = stream;
    mine.peerConnection = new FakePc(() => mine.open, 'have-local-offer');
    mine.peerConnection.addStream(stream);
    const target = this.network.route(this, to);
    if (target) {
      const theirs = new FakeMediaConnection(this.id, options.metadata);
      theirs.connectionId = mine.connectionId;
      mine.other = theirs;
      theirs.other = mine;
      tick(() => target.emit('call', theirs));
    }
    return mine;
  }
  connect(to: string, options: { label?: string; metadata?: unknown; connectionId?: string } = {}): FakeDataConnection {
    const mine = new FakeDataConnection(to, options.label ?? '', options.metadata);
    mine.connectionId = options.connectionId ?? `dc_${Math.random().toString(36).slice(2)}`;
    this.connections.push(mine);
    if (this.network.lostData > 0) {
      this.network.lostData -= 1;
      // The offer is out and never answered: nothing to restart, nothing arrives.
      mine.peerConnection.signalingState = 'have-local-offer';
      mine.peerConnection.connectionState = 'new';
      return mine;
    }
    const target = this.network.route(this, to);
    if (target) {
      const theirs = new FakeDataConnection(this.id, options.label ?? '', options.metadata);
      theirs.connectionId = mine.connectionId;
      mine.other = theirs;
      theirs.other = mine;
      tick(() => {
        target.emit('connection', theirs);
        tick(() => {
          if (mine.closed || theirs.closed) return;
          mine.open = theirs.open = true;
          mine.emit('open');
          theirs.emit('open');
        });
      });
    }
    return mine;
  }
  destroy(): void {
    this.destroyed = true;
    this.open = false;
    this.network.peers.delete(this.id);
    this.emit('close');
  }
}
