import { tolerantReader, UpdateFeed, type UpdateChannel, type UpdateProblem } from '@hearth/common';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';

/** The platforms a generic feed has channel files for (electron-updater's names). */
export type FeedPlatform = 'win' | 'mac' | 'linux' | 'linux-arm64';

/** A channel file read and checked, or why not (a stable code and a detail for the log). */
export type FeedRead =
  Readonly<{ ok: true; feed: UpdateFeed; file: string }> | Readonly<{ ok: false; problem: UpdateProblem; detail: string }>;

/** What reading a feed needs. */
export type FeedOptions = Readonly<{
  /** The folder the operator or IT serves, e.g. `https://updates.example.org/hearth/`. */
  feedUrl: string | null;
  channel: UpdateChannel;
  platform: FeedPlatform;
  /** Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Default 15 s. */
  timeoutMs?: number;
}>;

/** Channel files are a few hundred bytes; anything past this is not a feed. */
const MAX_FEED_BYTES = 64 * 1024;
const reader = tolerantReader(UpdateFeed);

/**
 * electron-updater's channel file name: `latest.yml` (Windows), `latest-mac.yml`,
 * `latest-linux.yml`, `latest-linux-arm64.yml`; the beta channel swaps `latest` for `beta`.
 */
export function channelFileName(channel: UpdateChannel, platform: FeedPlatform): string {
  const base = channel === 'stable' ? 'latest' : 'beta';
  return platform === 'win' ? `${base}.yml` : `${base}-${platform}.yml`;
}

/** Parses a channel file's text; never throws. */
export function parseFeed(text: string, file: string): FeedRead {
  let doc: unknown;
  try {
    // YAML 1.2 core schema: dates and versions stay strings, no custom tags run.
    doc = parseYaml(text, { schema: 'core', maxAliasCount: 0 });
  } catch (err) {
    return { ok: false, problem: 'feed-invalid', detail: `${file}: not YAML (${(err as Error).message.slice(0, 120)})` };
  }
  const feed = reader.read(doc);
  if (!feed) return { ok: false, problem: 'feed-invalid', detail: `${file}: ${reader.problem(doc)}` };
  if (!semver.valid(feed.version)) {
    return { ok: false, problem: 'feed-invalid', detail: `${file}: version ${JSON.stringify(feed.version)} is not semver` };
  }
  return { ok: true, feed, file };
}

/** Whether the feed's version is one this install should be offered on its channel. */
export function isOffered(current: string, offered: string, channel: UpdateChannel): boolean {
  if (!semver.valid(offered) || !semver.valid(current)) return false;
  // A stable machine never takes a pre-release, even one that slipped into latest.yml.
  if (channel === 'stable' && semver.prerelease(offered)) return false;
  // Never a downgrade: a machine moved from beta back to stable waits for stable to catch up.
  return semver.gt(offered, current);
}

async function fetchText(url: string, o: FeedOptions): Promise<FeedRead | string> {
  const doFetch = o.fetch ?? globalThis.fetch;
  let res: Response;
  try {
    res = await doFetch(url, { signal: AbortSignal.timeout(o.timeoutMs ?? 15_000), redirect: 'follow' });
  } catch (err) {
    return { ok: false, problem: 'feed-unreachable', detail: `${url}: ${(err as Error).message.slice(0, 120)}` };
  }
  if (res.status === 404 || res.status === 410) {
    return { ok: false, problem: 'feed-not-found', detail: `${url}: HTTP ${res.status}` };
  }
  if (!res.ok) return { ok: false, problem: 'feed-unreachable', detail: `${url}: HTTP ${res.status}` };
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_FEED_BYTES) return { ok: false, problem: 'feed-invalid', detail: `${url}: ${length} bytes` };
  const body = await res.arrayBuffer().catch(() => null);
  if (!body) return { ok: false, problem: 'feed-unreachable', detail: `${url}: the body did not arrive` };
  if (body.byteLength > MAX_FEED_BYTES) {
    return { ok: false, problem: 'feed-invalid', detail: `${url}: ${body.byteLength} bytes` };
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(body);
}

/**
 * Reads this machine's channel file from the feed. The beta channel falls back to the stable
 * file when the feed has no beta one (then only stable versions are offered, as on stable).
 */
export async function readFeed(o: FeedOptions): Promise<FeedRead> {
  if (!o.feedUrl) return { ok: false, problem: 'feed-not-configured', detail: 'no update feed in this build' };
  let base: URL;
  try {
    base = new URL(o.feedUrl.endsWith('/') ? o.feedUrl : `${o.feedUrl}/`);
  } catch {
    return { ok: false, problem: 'feed-not-configured', detail: 'the update feed is not a URL' };
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    return { ok: false, problem: 'feed-not-configured', detail: `the update feed's scheme ${base.protocol} is not http(s)` };
  }
  const files = [channelFileName(o.channel, o.platform)];
  if (o.channel === 'beta') files.push(channelFileName('stable', o.platform));
  let last: FeedRead = { ok: false, problem: 'feed-not-found', detail: 'no channel file' };
  for (const file of files) {
    const text = await fetchText(new URL(file, base).toString(), o);
    if (typeof text !== 'string') {
      if (text.ok || text.problem !== 'feed-not-found') return text;
      last = text;
      continue;
    }
    return parseFeed(text, file);
  }
  return last;
}

/** The feed's URL from `app-update.yml`, which electron-builder writes from the `publish` setting. */
export function feedUrlFromAppUpdateYml(text: string): string | null {
  try {
    const doc = parseYaml(text, { schema: 'core', maxAliasCount: 0 }) as unknown;
    if (doc && typeof doc === 'object' && 'url' in doc && typeof doc.url === 'string') return doc.url;
  } catch {
    // A damaged app-update.yml is a build without a feed: the pane says so.
  }
  return null;
}
