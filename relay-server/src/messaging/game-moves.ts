import {
  ErrorCode,
  GAME_ENVELOPE_MAX_CHARS,
  HearthError,
  JSON_MAX_DEPTH,
  canonicalJson,
  nestsAtMost,
  type MessageContent,
} from '@hearth/common';
import type { Store } from '../store/port';

/** A refusal the send path answers with an `error` frame (ref: the message id). */
export type ContentRefusal = Readonly<{ code: ErrorCode; message: string }>;

const OLD_GAME_KIND =
  'Games travel as game-move messages since Hearth 0.4.0: the old game kind is no longer accepted. Please update Hearth.';

/**
 * The relay's whole check of a game message (issue 16, F9): the envelope, never the rules (both apps
 * run the engine). Each envelope nests at most {@link JSON_MAX_DEPTH} deep (so that canonicalizing it
 * cannot run out of stack) and its canonical JSON fits {@link GAME_ENVELOPE_MAX_CHARS}, and all
 * envelopes of one message are of one match and one game. The free-form `game` kind of 0.1.0–0.3.0
 * is refused from anyone (old history still reads it). Undefined: nothing to refuse.
 */
export function refuseGameContent(content: MessageContent): ContentRefusal | undefined {
  if (content.kind === 'game') return { code: ErrorCode.ValidationFailed, message: OLD_GAME_KIND };
  if (content.kind !== 'game-move') return undefined;
  const first = content.moves[0];
  for (const [i, envelope] of content.moves.entries()) {
    if (first && (envelope.matchId !== first.matchId || envelope.game !== first.game)) {
      return {
        code: ErrorCode.ValidationFailed,
        message: `All moves of one game-move message belong to one match of one game: move ${i} is of another.`,
      };
    }
    if (!nestsAtMost(envelope)) {
      return {
        code: ErrorCode.ValidationFailed,
        message: `Game move ${i} nests arrays or objects more than ${JSON_MAX_DEPTH} deep; no game needs that.`,
      };
    }
    const chars = canonicalJson(envelope).length;
    if (chars > GAME_ENVELOPE_MAX_CHARS) {
      return {
        code: ErrorCode.PayloadTooLarge,
        message: `Game move ${i} is ${chars} characters long as canonical JSON; at most ${GAME_ENVELOPE_MAX_CHARS} are allowed.`,
      };
    }
  }
  return undefined;
}

/**
 * The games switch, in the message's own transaction (so a switch turned off a moment ago holds):
 * a game move from or to a child whose guardians turned games off is refused with GAMES_OFF.
 * Asked only after the friendship allowed the message, so a stranger learns nothing of it.
 */
export async function checkGamesOn(tx: Store, senderId: string, recipientId: string): Promise<void> {
  if (await tx.games.areGamesOff(senderId)) {
    throw new HearthError(ErrorCode.GamesOff, 'Games are switched off for you just now. Ask your grown-up.');
  }
  if (await tx.games.areGamesOff(recipientId)) {
    throw new HearthError(ErrorCode.GamesOff, "Your friend can't play games just now.");
  }
}
