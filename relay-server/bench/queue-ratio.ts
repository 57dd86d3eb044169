import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run bench:queue-ratio [-- --base REF] [--pairs N]`: does this tree keep the durable queue's
 * speed? The base commit (default HEAD~1) is checked out into a temporary git worktree, its
 * node_modules hard-linked from this one (`cp -al`) and its bench folder replaced by this tree's
 * (the same bench measures both: only the relay under it differs), and the queue bench
 * (relay-server/bench/queue.ts) runs in each tree as its own process, alternating before/after (the order flips every pair, so
 * drift of the machine falls on both sides). It prints each pair's figures and the median of the
 * per-pair ratios: `durable queue throughput ratio after/before: <x>` (the goal is ≥ 0.95).
 */
const THROUGHPUT = /durable queue throughput: (\d+(?:\.\d+)?) msg\/s/;

type Options = Readonly<{ base: string; pairs: number }>;

function options(): Options {
  const { values } = parseArgs({
    options: { base: { type: 'string', default: 'HEAD~1' }, pairs: { type: 'string', default: '5' } },
  });
  const pairs = Number(values.pairs);
  if (!Number.isInteger(pairs) || pairs < 1) throw new Error('--pairs must be a whole number of at least 1');
  return { base: values.base, pairs };
}

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** The bench process under way, killed if this one is interrupted. */
let running: ChildProcess | undefined;

/** One run of the queue bench in `tree`, in a process of its own; its throughput in msg/s. */
function runBench(tree: string): Promise<number> {
  const bench = path.join(tree, 'relay-server', 'bench', 'queue.ts');
  const code = `const m = await import(${JSON.stringify(bench)}); await m.benchQueue(); process.exit(0);`;
  return new Promise((resolve, reject) => {
    const child = (running = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: tree,
      stdio: ['ignore', 'pipe', 'pipe'],
    }));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const m = THROUGHPUT.exec(out);
      if (code === 0 && m) resolve(Number(m[1]));
      else reject(new Error(`the queue bench in ${tree} failed (exit ${code}):\n${out.slice(-2000)}`));
    });
  });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(): Promise<void> {
  const opts = options();
  const here = git(process.cwd(), 'rev-parse', '--show-toplevel');
  const baseSha = git(here, 'rev-parse', '--verify', `${opts.base}^{commit}`);
  const headSha = git(here, 'rev-parse', 'HEAD');
  const dirty = git(here, 'status', '--porcelain', '--untracked-files=no') !== '';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-queue-ratio-'));
  const before = path.join(tmp, 'before');
  console.log(
    `durable queue ratio: before ${baseSha.slice(0, 10)} (${opts.base}), after ${headSha.slice(0, 10)}${dirty ? ' + uncommitted changes' : ''}`,
  );
  git(here, 'worktree', 'add', '--detach', before, baseSha);
  let cleaned = false;
  const cleanup = (): void => {
    if (cleaned) return;
    cleaned = true;
    running?.kill('SIGKILL');
    try {
      git(here, 'worktree', 'remove', '--force', before);
    } catch (err) {
      console.error(`could not remove the temporary worktree ${before}: ${String(err)}`);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    git(here, 'worktree', 'prune');
  };
  // Interrupted: the temporary worktree goes all the same.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  try {
    // Hard links: the same installed packages (and native builds) at no copying cost.
    execFileSync('cp', ['-al', path.join(here, 'node_modules'), path.join(before, 'node_modules')]);
    const bench = path.join('relay-server', 'bench');
    fs.rmSync(path.join(before, bench), { recursive: true, force: true });
    fs.cpSync(path.join(here, bench), path.join(before, bench), { recursive: true });
    const ratios: number[] = [];
    for (let pair = 1; pair <= opts.pairs; pair++) {
      const beforeFirst = pair % 2 === 1;
      const figures: Record<'before' | 'after', number> = { before: 0, after: 0 };
      for (const side of beforeFirst ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
        figures[side] = await runBench(side === 'before' ? before : here);
      }
      const ratio = figures.after / figures.before;
      ratios.push(ratio);
      console.log(
        `durable queue pair ${pair} (${beforeFirst ? 'before first' : 'after first'}): before ${Math.round(figures.before)} msg/s, after ${Math.round(figures.after)} msg/s, ratio ${ratio.toFixed(3)}`,
      );
    }
    console.log(`durable queue throughput ratio after/before: ${median(ratios).toFixed(3)}`);
  } finally {
    cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
