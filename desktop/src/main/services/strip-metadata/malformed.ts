import { ErrorCode, HearthError } from '@hearth/common';

/** The one error a picture that cannot be cleaned gives: its structure is broken or not what it claims. */
export function malformed(format: string, why: string): HearthError {
  return new HearthError(ErrorCode.UnsupportedMediaType, 'This picture could not be opened.', { format, why });
}

/** Throws `malformed` unless `end` lies within `length`: every read of a length field goes through here. */
export function within(format: string, end: number, length: number): void {
  if (!Number.isSafeInteger(end) || end > length) throw malformed(format, 'truncated');
}
