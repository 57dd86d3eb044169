import { ALL_ERROR_CODES, type ErrorCode, type HearthApi, type ProblemArea } from '@hearth/common';

type Reporter = Pick<HearthApi, 'reportProblem'>;

/** The renderer's own spelling of a problem as a report code: lower case, dashes, at most 64 characters. */
export function problemCode(text: string): string {
  const code = text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 64);
  return code === '' ? 'unknown' : code;
}

function errorCodeOf(details: unknown): ErrorCode | undefined {
  const code = typeof details === 'object' && details !== null ? (details as { code?: unknown }).code : undefined;
  return ALL_ERROR_CODES.find((c) => c === code);
}

/**
 * Tells main about a problem; main logs its codes (rate-capped). The renderer has no log of its
 * own, so when main cannot be reached there is nobody left to tell: that result is dropped on purpose.
 */
export function reportProblem(hearth: Reporter, area: ProblemArea, code: string, details?: unknown): void {
  const error = errorCodeOf(details);
  void hearth.reportProblem({ area, code: problemCode(code), ...(error ? { error } : {}) });
}
