/**
 * The test networks for real (root only; under CI=true missing privilege fails): a PC's namespace
 * reaches the host's address, its outage cuts it, an address change shows as a new source, and
 * closing leaves no namespace or address behind.
 */
import { execFile, execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { createNamespaces, withoutNamespaces, type Namespaces, type NsPc } from './namespaces';

/** From inside `pc`, one UDP packet to `host:port`; resolves with the echo's text, or 'timeout'. */
function probe(pc: NsPc, host: string, port: number): Promise<string> {
  const script = `const s=require('dgram').createSocket('udp4');s.on('message',m=>{console.log(String(m));process.exit(0)});s.send('hi',${port},'${host}');setTimeout(()=>{console.log('timeout');process.exit(0)},700)`;
  return new Promise((resolve) => {
    execFile(pc.exec[0]!, [...pc.exec.slice(1), process.execPath, '-e', script], (_err, stdout) =>
      resolve(String(stdout).trim()),
    );
  });
}

describe.skipIf(withoutNamespaces())('the test networks', () => {
  let nets: Namespaces | null = null;
  afterEach(() => {
    nets?.close();
    nets = null;
  });

  it('connects each PC to the host, cuts and restores its link, changes its address, and cleans up', async () => {
    nets = createNamespaces();
    const [a, b] = [nets.addPc('a'), nets.addPc('b')];
    const echo = dgram.createSocket('udp4');
    echo.on('message', (_m, r) => echo.send(r.address, r.port, r.address));
    await new Promise<void>((resolve) => echo.bind(0, nets!.hostIp, resolve));
    const port = echo.address().port;
    try {
      expect(await probe(a, nets.hostIp, port)).toBe(a.ip());
      expect(await probe(b, nets.hostIp, port)).toBe(b.ip());
      a.setLink(false);
      expect(await probe(a, nets.hostIp, port)).toBe('timeout');
      expect(await probe(b, nets.hostIp, port)).toBe(b.ip());
      a.setLink(true);
      const old = a.ip();
      const fresh = a.changeAddress();
      expect(fresh).not.toBe(old);
      expect(await probe(a, nets.hostIp, port)).toBe(fresh);
    } finally {
      echo.close();
    }
    const names = [a.ns, b.ns];
    nets.close();
    const left = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
    for (const n of names) expect(left).not.toContain(n);
    expect(execFileSync('ip', ['-o', 'addr', 'show', 'dev', 'lo'], { encoding: 'utf8' })).not.toContain(nets.hostIp);
  });
});
