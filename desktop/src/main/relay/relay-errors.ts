import { ALL_ERROR_CODES, AnyErrorResponse, ErrorCode, HearthError, tolerantReader } from '@hearth/common';
import type { RelayVersions } from './relay-versions';

const KNOWN = new Set<string>(ALL_ERROR_CODES);

/**
 * The relay's refusal as a HearthError. A code this app does not know (a newer relay's) becomes
 * INTERNAL, which the UI tells as its general sentence; APP_TOO_OLD also tells `versions`, so the
 * UI can say that Hearth needs an update. A body that is no error at all is UNAVAILABLE.
 */
export function relayError(json: unknown, status: number, fallback: string, versions?: RelayVersions): HearthError {
  const body = tolerantReader(AnyErrorResponse).read(json);
  if (!body) return new HearthError(ErrorCode.Unavailable, fallback, { status });
  const { code, message, wipe } = body.error;
  if (code === ErrorCode.AppTooOld || status === 426) versions?.tooOld();
  if (!KNOWN.has(code)) {
    return new HearthError(ErrorCode.Internal, 'The Hearth server said something this app does not know yet.', {
      status,
      relayCode: code,
    });
  }
  // DEVICE_REVOKED (F18) says whether this PC erases the child's data.
  return new HearthError(code as ErrorCode, message, wipe === undefined ? { status } : { status, wipe });
}
