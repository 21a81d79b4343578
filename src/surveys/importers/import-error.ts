/**
 * Raised by the pure importers for unreadable exports. The surveys service rethrows it as a
 * DomainError(InvalidInput) so the importers stay free of framework imports.
 */
export class SurveyImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SurveyImportError';
  }
}
