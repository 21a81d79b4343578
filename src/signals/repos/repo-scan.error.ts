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
