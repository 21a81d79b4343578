import { Injectable } from '@nestjs/common';
import { FindingsRepository } from './findings.repository';
import type { FindingEvidenceRefs, FindingRecord } from './findings.types';

/** What other modules read of the findings: the findings themselves, never a report's model. */
@Injectable()
export class FindingsService {
  constructor(private readonly repo: FindingsRepository) {}

  /** Every present finding with its factors and triage state, ordered by id. */
  present(): Promise<FindingRecord[]> {
    return this.repo.allPresent();
  }

  /** The evidence fingerprints each finding rests on, for the evidence module to look up. */
  evidenceRefs(findingIds: string[]): Promise<FindingEvidenceRefs[]> {
    return this.repo.evidenceRefs(findingIds);
  }
}
