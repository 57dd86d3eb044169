/**
 * Tests and benchmarks only: a userspace UDP stage in front of a UDP server (the TURN server),
 * since these kernels have no `netem`. Every client (address and port) gets its own upstream
 * socket, so the server sees one 5-tuple per client as it would without the stage. Each
 * direction of each client's packets goes through an impaired `Link`, chosen by the client's IP
 * address (a PC's namespace address): `up` is the PC's uplink (client → server), `down` its
 * downlink.
 */
import dgram from 'node:dgram';
import { CLEAN, createLink, seededRandom, type Impairment, type Link } from './impairment';

export type PathLinks = Readonly<{ up: Link; down: Link }>;

export type UdpStage = Readonly<{
  /** Where clients send (the address the TURN URL names). */
  host: string;
  port: number;
  /** Sets the impairment of every packet from and to `clientIp` (default for others: clean). */
  setPath: (clientIp: string, path: Readonly<{ up?: Impairment; down?: Impairment }>) => void;
  /** Counts, per client IP: packets in each direction, and those dropped. */
  stats: () => Readonly<Record<string, { up: number; down: number; dropped: number }>>;
  close: () => Promise<void>;
}>;

export type UdpStageOptions = Readonly<{
  /** Address to listen on (e.g. the host's address the namespaces reach). */
  listenHost: string;
  upstream: Readonly<{ host: string; port: number }>;
  /** Seed of the per-packet decisions (each client IP's links get their own, derived from it). */
  seed?: number;
}>;

type Session = { socket: dgram.Socket; lastSeen: number };

export async function startUdpStage(options: UdpStageOptions): Promise<UdpStage> {
  const seed = options.seed ?? 1;
  const paths = new Map<string, PathLinks>();
  const counts = new Map<string, { up: number; down: number; dropped: number }>();
  const sessions = new Map<string, Session>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;

  const pathOf = (ip: string): PathLinks => {
    let p = paths.get(ip);
    if (!p) {
      const n = paths.size + 1;
      p = {
        up: createLink(CLEAN, seededRandom(seed * 7919 + n * 2)),
        down: createLink(CLEAN, seededRandom(seed * 7919 + n * 2 + 1)),
      };
      paths.set(ip, p);
    }
    return p;
  };
  const countOf = (ip: string): { up: number; down: number; dropped: number } => {
    let c = counts.get(ip);
    if (!c) counts.set(ip, (c = { up: 0, down: 0, dropped: 0 }));
    return c;
  };

  /** Sends `msg` through `link`: now, later, or never. */
  const through = (link: Link, ip: string, msg: Buffer, send: () => void): void => {
    const fate = link.decide(msg.length, performance.now());
    if (fate.drop) {
      countOf(ip).dropped += 1;
      return;
    }
    if (fate.delayMs < 1) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) send();
    }, fate.delayMs);
    timers.add(timer);
  };

  const front = dgram.createSocket('udp4');
  front.on('error', () => undefined);
  front.on('message', (msg, rinfo) => {
    const key = `${rinfo.address}:${rinfo.port}`;
    const path = pathOf(rinfo.address);
    countOf(rinfo.address).up += 1;
    let session = sessions.get(key);
    if (!session) {
      const socket = dgram.createSocket('udp4');
      socket.on('error', () => undefined);
      socket.on('message', (back) => {
        countOf(rinfo.address).down += 1;
        through(path.down, rinfo.address, back, () => front.send(back, rinfo.port, rinfo.address));
      });
      socket.bind(0, '127.0.0.1');
      session = { socket, lastSeen: Date.now() };
      sessions.set(key, session);
    }
    session.lastSeen = Date.now();
    const s = session.socket;
    through(path.up, rinfo.address, msg, () => s.send(msg, options.upstream.port, options.upstream.host));
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.bind(0, options.listenHost, () => resolve());
  });
  const { port } = front.address();

  return Object.freeze({
    host: options.listenHost,
    port,
    setPath(clientIp: string, next: Readonly<{ up?: Impairment; down?: Impairment }>): void {
      const p = pathOf(clientIp);
      if (next.up) p.up.set(next.up);
      if (next.down) p.down.set(next.down);
    },
    stats: () => Object.fromEntries([...counts].map(([ip, c]) => [ip, { ...c }])),
    async close(): Promise<void> {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sessions.values()) s.socket.close();
      sessions.clear();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  });
}
