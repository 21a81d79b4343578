export enum ErrorCode {
  NotFound = 'not-found',
  InvalidInput = 'invalid-input',
  Conflict = 'conflict',
  Forbidden = 'forbidden',
  Unauthenticated = 'unauthenticated',
  Unavailable = 'unavailable',
  TooLarge = 'too-large',
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
