import { Injectable } from '@nestjs/common';
import { EvidenceService } from '../evidence/evidence.service';
import { FindingsRepository } from './findings.repository';
import type { FindingEvidenceRefs, FindingRecord } from './findings.types';

/** What other modules read of the findings: the findings themselves, never a report's model. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly evidence: EvidenceService,
  ) {}

  /** Every present finding with its factors and triage state, ordered by id. */
  present(): Promise<FindingRecord[]> {
    return this.repo.allPresent();
  }

  /** The evidence fingerprints each finding rests on, for the evidence module to look up. */
  evidenceRefs(findingIds: string[]): Promise<FindingEvidenceRefs[]> {
    return this.repo.evidenceRefs(findingIds);
  }

  /** The most recent evidence rows of each finding, read through the evidence module. */
  async evidenceFor(findingIds: string[], perFinding: number) {
    const refs = await this.evidenceRefs(findingIds);
    const rows = await this.evidence.latestOf(
      refs.map((r) => ({ key: r.findingId, fingerprints: r.fingerprints })),
      perFinding,
    );
    return rows.map(({ key, ...row }) => ({ findingId: key, ...row }));
  }
}
