import { EventEmitter } from 'node:events';
import type { SuspensionCategory } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import { announceSuspension, type EmitEvent } from './actions';
import type { SuspensionState } from './queries';

type Ctx = Pick<RelayContext, 'store' | 'now' | 'events'>;

export type SuspensionWatch = Readonly<{
  /** Reads the suspensions in force: what the later looks compare with. */
  start(): Promise<void>;
  /**
   * Compares the suspensions in force with the last look (each messaging sweep): each one made or
   * lifted since by something that told no event (the `relay:admin` CLI, its own process) is
   * announced on this instance, as the admin API announces its own. How many changed.
   */
  look(): Promise<number>;
  /** A change this instance heard of (`suspensionChanged`, here or from another instance): not told again. */
  heard(event: RelayEventMap['suspensionChanged'][0]): void;
}>;

/**
 * Suspensions the relay did not make itself (F16). The `relay:admin` CLI writes the database from
 * its own process, so no running relay hears of it: each instance looks at the suspensions in force
 * at every sweep and, for each change, runs the listeners of this instance only (every instance
 * looks for itself, so nothing is published on the bus): the gates read the family facts again,
 * the child's sockets get the `suspension` frame, a suspended grown-up's sockets close. A change
 * made through the admin API is announced at once and remembered here when heard; one whose event
 * arrives after the look is told twice, and a `suspension` frame told twice says the same thing.
 */
export function createSuspensionWatch(ctx: Ctx, log: Readonly<{ error(obj: object, msg: string): void }>): SuspensionWatch {
  /** The category of each suspension in force, by account, as last seen (a re-suspension in the same category changes nothing). */
  let known = new Map<string, string>();
  // The relay's events, for this instance's listeners only (`emit` would publish them to the others too).
  const emitHere: EmitEvent = (name, ...args) => void EventEmitter.prototype.emit.call(ctx.events, name, ...args);

  async function read(): Promise<Map<string, string>> {
    return new Map((await ctx.store.moderation.listSuspensions()).map((s: SuspensionState) => [s.accountId, s.category]));
  }

  async function tell(accountId: string, suspended: boolean, category: SuspensionCategory | null): Promise<void> {
    const kind = await ctx.store.family.accountKindOf(accountId);
    // A closed account's sockets were closed with it.
    if (kind === undefined) return;
    await announceSuspension(ctx, accountId, kind, suspended, category, emitHere);
  }

  return {
    async start() {
      known = await read();
    },

    async look() {
      const now = await read();
      const changes: Array<[string, boolean, SuspensionCategory | null]> = [];
      for (const [id, category] of now) if (known.get(id) !== category) changes.push([id, true, category as SuspensionCategory]);
      for (const id of known.keys()) if (!now.has(id)) changes.push([id, false, null]);
      known = now;
      for (const [id, suspended, category] of changes) {
        await tell(id, suspended, category).catch((err: unknown) =>
          log.error({ err, accountId: id }, 'telling of a suspension made elsewhere failed'),
        );
      }
      return changes.length;
    },

    heard(event) {
      if (event.suspended && event.category !== null) known.set(event.accountId, event.category);
      else known.delete(event.accountId);
    },
  };
}
