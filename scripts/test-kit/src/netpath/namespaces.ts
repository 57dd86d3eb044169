/**
 * Tests and benchmarks only: family PCs on their own networks. Each PC gets a network namespace
 * with a veth pair to the host; the host keeps one address every namespace reaches (on its
 * loopback, labelled, so it stays up while one PC's link is down), where the relay and the TURN stage
 * listen. A PC's outage takes its veth down (every socket of that PC, relay and media, stops
 * passing packets, as in a Wi-Fi drop); an address change gives its namespace a new address.
 *
 * Needs root (`ip netns`). Names carry this process's id: namespaces left by a process that died
 * are removed by the next run, and an exit hook removes this run's even when a test throws.
 */
import { execFileSync } from 'node:child_process';

const PREFIX = 'hnp';

export type NsPc = Readonly<{
  name: string;
  /** The namespace (`ip netns exec <ns> …`). */
  ns: string;
  /** The PC's address now (changes with `changeAddress`). */
  ip: () => string;
  /** Cuts (false) or restores (true) the PC's whole link. */
  setLink: (up: boolean) => void;
  /** Gives the PC a new address (the old one goes: its sockets stop working); returns it. */
  changeAddress: () => string;
  /** argv prefix that runs a command inside the PC's namespace. */
  exec: readonly string[];
}>;

export type Namespaces = Readonly<{
  /** The host's address, reachable from every namespace. */
  hostIp: string;
  addPc: (name: string) => NsPc;
  close: () => void;
}>;

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const quietly = (fn: () => unknown): void => {
  try {
    fn();
  } catch {
    // already gone
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes namespaces and host addresses a process that is gone left behind. */
function removeLeftovers(): void {
  for (const line of ip('netns', 'list').split('\n')) {
    const m = new RegExp(`^(${PREFIX}(\\d+)n\\d+)`).exec(line.trim());
    if (m && !alive(Number(m[2]))) quietly(() => ip('netns', 'delete', m[1]!));
  }
  for (const line of ip('-o', 'addr', 'show', 'dev', 'lo').split('\n')) {
    const m = new RegExp(`inet (\\S+) .*lo:${PREFIX}(\\d+)`).exec(line);
    if (m && !alive(Number(m[2]))) quietly(() => ip('addr', 'del', m[1]!, 'dev', 'lo'));
  }
}

/**
 * Why namespaces cannot be used here (null: they can): not root, or `ip netns` refused. Tries
 * one for real.
 */
export function namespacesProblem(): string | null {
  if (process.getuid?.() !== 0) return 'network namespaces need root (ip netns), and this test does not run as root';
  const probe = `${PREFIX}${process.pid}n99`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'delete', probe);
    return null;
  } catch (err) {
    quietly(() => ip('netns', 'delete', probe));
    return `ip netns does not work here: ${(err as Error).message.split('\n')[0] ?? ''}`;
  }
}

/**
 * For `describe.skipIf(withoutNamespaces())`: true (with the reason on stderr) where namespaces
 * cannot be made; under `CI=true` it throws instead, so CI never passes with the test skipped.
 */
export function withoutNamespaces(env: NodeJS.ProcessEnv = process.env): boolean {
  const problem = namespacesProblem();
  if (problem === null) return false;
  if (env.CI === 'true') throw new Error(`${problem}; under CI=true the impaired-network tests must run, not skip`);
  process.stderr.write(`Skipping the impaired-network tests: ${problem}.\n`);
  return true;
}

/** A 10.x.0.0/16 block no interface here uses yet. */
function freeBlock(): number {
  const used = ip('-o', 'addr', 'show');
  for (let k = 0; k < 120; k++) {
    const x = 64 + ((process.pid + k * 37) % 128);
    if (!used.includes(` 10.${x}.`)) return x;
  }
  throw new Error('no free 10.x.0.0/16 block for the test namespaces');
}

export function createNamespaces(): Namespaces {
  removeLeftovers();
  const block = freeBlock();
  const tag = `${PREFIX}${process.pid}`;
  const hostIp = `10.${block}.0.1`;
  const made: string[] = [];
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const ns of made.splice(0)) quietly(() => ip('netns', 'delete', ns));
    quietly(() => ip('addr', 'del', `${hostIp}/32`, 'dev', 'lo'));
    process.off('exit', close);
  };
  process.on('exit', close);
  ip('addr', 'add', `${hostIp}/32`, 'dev', 'lo', 'label', `lo:${tag}`);

  const addPc = (name: string): NsPc => {
    const i = made.length + 1;
    const ns = `${tag}n${i}`;
    const [hostEnd, nsEnd] = [`${tag}h${i}`, `${tag}p${i}`];
    const [gateway, first] = [`10.${block}.${i}.1`, `10.${block}.${i}.2`];
    const exec = ['ip', 'netns', 'exec', ns];
    const inNs = (...args: string[]): string => ip('-n', ns, ...args);
    made.push(ns);
    ip('netns', 'add', ns);
    ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', nsEnd, 'netns', ns);
    ip('addr', 'add', `${gateway}/24`, 'dev', hostEnd);
    ip('link', 'set', hostEnd, 'up');
    inNs('link', 'set', 'lo', 'up');
    inNs('addr', 'add', `${first}/24`, 'dev', nsEnd);
    inNs('link', 'set', nsEnd, 'up');
    inNs('route', 'add', 'default', 'via', gateway);
    let current = first;
    let next = 3;
    return Object.freeze({
      name,
      ns,
      exec,
      ip: () => current,
      setLink: (up: boolean) => void ip('link', 'set', hostEnd, up ? 'up' : 'down'),
      changeAddress(): string {
        const fresh = `10.${block}.${i}.${next++}`;
        inNs('addr', 'flush', 'dev', nsEnd);
        inNs('addr', 'add', `${fresh}/24`, 'dev', nsEnd);
        inNs('route', 'replace', 'default', 'via', gateway);
        current = fresh;
        return fresh;
      },
    });
  };

  return Object.freeze({ hostIp, addPc, close });
}
