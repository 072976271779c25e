/**
 * Errors the API returns, each with a stable `code` (docs/errors.md lists them). A DeskError is
 * an expected outcome said in words; anything else is a fault, answered 500 without details and
 * logged without personal data.
 */
export interface ErrorDetail {
  /** JSON path of the field, e.g. `/items/3/received_at`. */
  path: string;
  reason: string;
}

export class DeskError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

export const badRequest = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DeskError(400, code, message, details);

/** Unknown, or not visible to the caller: both say the same so nothing leaks across organisations. */
export const notFound = (what: string) =>
  new DeskError(404, `${what}_not_found`, `No such ${what.replace(/_/g, ' ')}.`);

export const forbidden = (permission: string) =>
  new DeskError(403, 'forbidden', `Your roles do not allow this (needs "${permission}").`);

export const conflict = (code: string, message: string) => new DeskError(409, code, message);

export const unauthenticated = (message = 'Sign in first.') =>
  new DeskError(401, 'unauthenticated', message);
