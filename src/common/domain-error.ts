export enum ErrorCode {
  NotFound = 'not-found',
  InvalidInput = 'invalid-input',
  Conflict = 'conflict',
  Forbidden = 'forbidden',
  Unauthenticated = 'unauthenticated',
  Unavailable = 'unavailable',
  TooLarge = 'too-large',
  /** a vendor refused the connector's credential (missing, expired, revoked) */
  ConnectorUnauthorized = 'connector-unauthorized',
  /** the credential works but lacks a permission the call needs; details.permission names it */
  ConnectorForbidden = 'connector-forbidden',
  ConnectorRateLimited = 'connector-rate-limited',
  ConnectorUnavailable = 'connector-unavailable',
}

/** An error the caller can act on; its message names the problem (file, line, field). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
