import { DomainError, ErrorCode } from '../../common/domain-error';

export type RepoScanErrorCode =
  | 'not-found'
  | 'not-a-repository'
  | 'empty-repository'
  | 'invalid-input'
  | 'permission'
  | 'unavailable';

/** A scan that cannot start or go on; the service maps the code to a DomainError. */
export class RepoScanError extends Error {
  constructor(
    readonly code: RepoScanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RepoScanError';
  }
}

const ERROR_CODES: Record<RepoScanErrorCode, ErrorCode> = {
  'not-found': ErrorCode.NotFound,
  'not-a-repository': ErrorCode.InvalidInput,
  'empty-repository': ErrorCode.InvalidInput,
  'invalid-input': ErrorCode.InvalidInput,
  permission: ErrorCode.Forbidden,
  unavailable: ErrorCode.Unavailable,
};

export function toDomainError(err: unknown): unknown {
  if (err instanceof RepoScanError) return new DomainError(ERROR_CODES[err.code], err.message);
  return err;
}

/** A scan's `since` option: a date, or a clear error naming the field. */
export function parseSince(since: string | undefined): Date | undefined {
  if (!since) return undefined;
  const d = new Date(since);
  if (Number.isNaN(d.getTime()))
    throw new DomainError(
      ErrorCode.InvalidInput,
      `since: "${since}" is not a date (use YYYY-MM-DD)`,
    );
  return d;
}
