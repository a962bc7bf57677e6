/**
 * The error catalogue. Each error has a stable snake_case code (tests assert codes),
 * an HTTP status and a message a person understands. Anything else that escapes a
 * handler becomes `internal_error`, the only kind logged as a fault.
 */
export const errorCatalogue = {
  bad_request: 400,
  invalid_parameter: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  edit_conflict: 409,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  field: string;
  message: string;
}

/** Extra, machine-readable facts a client can act on, sent beside code and message. */
export interface ErrorDetails {
  fields?: FieldError[];
  /** edit_conflict: the version now stored. */
  currentVersion?: number;
  /** rate_limited: when to try again. */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCatalogue[code];
  }
}

export const notFound = (what = 'page') => new AppError('not_found', `We could not find that ${what}.`);
export const gone = (message = 'This story has been withdrawn and is no longer available.') =>
  new AppError('gone', message);
export const invalidParameter = (name: string, message: string) =>
  new AppError('invalid_parameter', `The "${name}" parameter ${message}.`);

/** A 422 naming the fields to fix, shown beside each field in the newsroom. */
export const invalidFields = (fields: FieldError[], message = 'Some fields need attention.') =>
  new AppError('validation_failed', message, { fields });
