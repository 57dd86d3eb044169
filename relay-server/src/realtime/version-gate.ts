import {
  ErrorCode,
  FIRST_READ_IN,
  compareVersions,
  parseAppVersion,
  readsErrorCode,
  readsFrame,
  readsKind,
  readsNoticeKind,
  type AppVersion,
  type FirstReadTable,
  type WsServerFrame,
} from '@hearth/common';

/** The one gate every `/v1/ws` frame and queued message passes on its way to a socket. */
export type VersionGate = Readonly<{
  /**
   * What an app of this version may be sent of a frame: the frame itself; for an error whose code
   * that version does not know, the same error as UNAVAILABLE (a refusal it reads and retries); or
   * undefined when that version does not read this frame type, so the frame is not sent.
   */
  frame(version: AppVersion, frame: WsServerFrame | string): WsServerFrame | string | undefined;
  /**
   * May a queued message go to an app of this version? Only if it reads the message's kind;
   * otherwise the message stays queued for the device until it connects with an app that reads
   * it (or the message expires and its sender is told).
   */
  message(version: AppVersion, contentJson: string): boolean;
}>;

/** The newest version in one column of the table: an app at least this new reads all of that column. */
function newest(column: Readonly<Record<string, string>>): AppVersion {
  return Object.values(column)
    .map((v) => parseAppVersion(v) as AppVersion)
    .reduce((a, b) => (compareVersions(b, a) > 0 ? b : a));
}

const FRAME_TYPE = /^\{"type":"([a-z-]{1,64})"/;

/** The gate for a table of first versions (common's `FIRST_READ_IN`; tests imagine later ones). */
export function createVersionGate(table: FirstReadTable = FIRST_READ_IN): VersionGate {
  const allFrames = newest(table.frames);
  const allErrors = newest(table.errors);
  const allKinds = newest(table.kinds);
  return Object.freeze({
    frame(version, frame) {
      // A notice of a kind this app does not know would be refused whole: it is left out for it.
      if (typeof frame !== 'string' && frame.type === 'notice' && !readsNoticeKind(version, frame.notice.kind)) return undefined;
      const readsAllFrames = compareVersions(version, allFrames) >= 0;
      if (readsAllFrames && compareVersions(version, allErrors) >= 0) return frame;
      if (typeof frame === 'string') {
        // Pre-serialised frames are messages and notices (sent, delivered, expired), never errors.
        if (readsAllFrames) return frame;
        const type = FRAME_TYPE.exec(frame)?.[1];
        return type !== undefined && readsFrame(version, type, table) ? frame : undefined;
      }
      if (!readsFrame(version, frame.type, table)) return undefined;
      if (frame.type === 'error' && !readsErrorCode(version, frame.code, table)) return { ...frame, code: ErrorCode.Unavailable };
      return frame;
    },
    message(version, contentJson) {
      if (compareVersions(version, allKinds) >= 0) return true;
      let kind: unknown;
      try {
        kind = (JSON.parse(contentJson) as { kind?: unknown }).kind;
      } catch {
        return false;
      }
      return typeof kind === 'string' && readsKind(version, kind, table);
    },
  });
}
