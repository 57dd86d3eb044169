import { ErrorResponse } from '@hearth/common';
import type { TSchema } from 'typebox';

/** Response schemas for one route: its success body plus the shared error shape for 4xx and 5xx. */
export function responses<S extends Record<number, TSchema>>(
  ok: S,
): S & { '4xx': typeof ErrorResponse; '5xx': typeof ErrorResponse } {
  return { ...ok, '4xx': ErrorResponse, '5xx': ErrorResponse };
}

export const bearer = [{ bearer: [] as string[] }];
