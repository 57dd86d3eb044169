/** Why an instance may not start (issue 13); the message is the sentence the operator reads. */
export type StartRefusalCode =
  /** Another relay holds the SQLite data folder (one without a bus, or this one has none). */
  | 'folder-in-use'
  /** This relay has no bus, and relays with a bus share the SQLite data folder. */
  | 'folder-has-relays'
  /** The data folder cannot hold its lock file (not a folder, no permission). */
  | 'folder-unusable'
  /** A relay without a bus already runs on this PostgreSQL database. */
  | 'database-has-lone-relay'
  /** This relay has no bus, and relays (with a bus) already run on this PostgreSQL database. */
  | 'database-has-relays'
  /** The PostgreSQL server did not answer, or refused the connection. */
  | 'database-unreachable'
  /** The Redis server of `--bus` did not answer. */
  | 'bus-unreachable';

/** A start refused by the cluster's checks: server.ts prints the sentence (no stack) and exits 2. */
export class StartRefusal extends Error {
  override name = 'StartRefusal';
  constructor(
    readonly code: StartRefusalCode,
    message: string,
  ) {
    super(message);
  }
}
